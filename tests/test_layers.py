"""The core, storage, formats and CLI run where Qt is not installed."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO, SAMPLES

BLOCK_QT = textwrap.dedent("""
    import importlib.abc, sys
    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError("PySide6 is not installed here")
    sys.meta_path.insert(0, NoQt())
""")


def test_everything_but_the_window_works_without_pyside6(tmp_path) -> None:
    script = BLOCK_QT + textwrap.dedent(f"""
        import pkgutil, importlib, annotator
        for info in pkgutil.walk_packages(annotator.__path__, "annotator."):
            if not info.name.startswith("annotator.gui") and info.name != "annotator.__main__":
                importlib.import_module(info.name)
        from annotator.cli import cli
        cli(["import", {str(tmp_path / "c.sqlite")!r}, {str(SAMPLES)!r}], standalone_mode=False)
        cli(["open"], standalone_mode=True)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=REPO, check=False)
    assert "4 added" in run.stdout, run.stderr
    # Asking for the window without Qt is a clear message, not a traceback.
    assert run.returncode == 2
    assert "Install PySide6" in run.stderr
    assert "Traceback" not in run.stderr


def test_only_the_gui_package_imports_pyside6() -> None:
    offenders = [
        path.relative_to(REPO)
        for path in (REPO / "annotator").rglob("*.py")
        if "gui" not in path.relative_to(REPO / "annotator").parts
        and any(line.lstrip().startswith(("import PySide6", "from PySide6"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []
