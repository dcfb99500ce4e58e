"""Build hook: the wheel carries the window's translations compiled for Qt.

Hatch runs this when it builds the wheel (pyproject.toml names it under
``[tool.hatch.build.targets.wheel.hooks.custom]``, with PySide6-Essentials as the
hook's own build dependency): every ``translations/annotator_*.ts`` is compiled by
the ``lrelease`` PySide6 ships into ``annotator/_translations/*.qm``. An editable
install is left alone: the window compiles a catalogue on first use
(``annotator/gui/i18n.py``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGED = "annotator/_translations"


def find_lrelease() -> str:
    try:
        import PySide6
    except ImportError as exc:
        raise RuntimeError("compiling translations needs PySide6-Essentials in the build "
                           "environment (the hook's dependency)") from exc
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    for candidate in (Path(PySide6.__file__).parent / name,
                      Path(sys.executable).parent / "pyside6-lrelease"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise RuntimeError("PySide6 is installed but its lrelease is not: cannot compile "
                           "the translations")
    return found


def compile_all(sources: Path, target: Path) -> list[Path]:
    """Compile every ``annotator_*.ts`` in ``sources`` into ``target``; the .qm files."""
    target.mkdir(parents=True, exist_ok=True)
    tool = find_lrelease()
    made = []
    for ts in sorted(sources.glob("annotator_*.ts")):
        qm = target / f"{ts.stem}.qm"
        done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True,
                              text=True, check=False, timeout=300)
        if done.returncode != 0 or not qm.is_file():
            raise RuntimeError(f"lrelease could not compile {ts.name}:\n{done.stderr}{done.stdout}")
        made.append(qm)
    return made


class TranslationsHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._folder = tempfile.TemporaryDirectory(prefix="annotator-qm-")
        made = compile_all(Path(self.root) / "translations", Path(self._folder.name))
        for qm in made:
            build_data["force_include"][str(qm)] = f"{PACKAGED}/{qm.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
