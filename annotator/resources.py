"""Finding the files in ``resources/``: sample articles, icons, schema.

In a source checkout (and an editable install) they sit at the top of the
repository; a wheel carries them inside the package as ``_resources``; a
PyInstaller build puts them beside the executable's bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    candidates = [_PACKAGE / "_resources", _PACKAGE.parent / "resources"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if (candidate / "samples").is_dir():
            return candidate
    raise FileNotFoundError(
        "annotator's resources folder is missing; looked in "
        + ", ".join(str(c) for c in candidates)
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_files() -> list[Path]:
    return sorted(resource("samples").glob("*.txt"))
