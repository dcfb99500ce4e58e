"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 did)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QTextCharFormat


def test_void_qt_calls_leave_none_alone(qapp) -> None:
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setFontUnderline(True)
        fmt.setBackground(QColor("#3b78d8"))
    # Thousands of calls; a binding that drops None each time loses thousands.
    assert sys.getrefcount(None) - before > -100
