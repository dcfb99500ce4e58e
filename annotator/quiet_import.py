"""sqlite-utils imported without pandas and NumPy.

sqlite-utils imports pandas and NumPy if they are installed, only to map their types
to column types when it makes a table from Python values. Storage passes it SQL and
plain values only. Importing them cost half a second at every command, and pandas
with the pyarrow it loads held about 70 MB in the window, on a machine where pandas
is installed (many researchers' are). They are hidden for this one import: spaCy or
an export that needs NumPy later imports it as usual.
"""

from __future__ import annotations

import sys

_NOT_FOR_SQLITE_UTILS = ("pandas", "numpy")


def import_sqlite_utils() -> None:
    """Import sqlite-utils with pandas and NumPy out of its sight (once)."""
    if "sqlite_utils" in sys.modules:
        return
    # A None in sys.modules makes an import of that name fail, which sqlite-utils takes
    # for the library not being installed.
    hidden = [name for name in _NOT_FOR_SQLITE_UTILS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]
