"""Colours, type and the style sheet: calm, readable for a whole day."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QWidget

STATUS_MARKS = {"todo": "○", "in progress": "◐", "done": "✓", "skipped": "–"}

WINDOW_QSS = """
QMainWindow, QWidget { background: #f6f5f2; color: #24292f; }
QToolBar { background: #eceae4; border: none; border-bottom: 1px solid #d8d5cc;
           padding: 4px 8px; spacing: 6px; }
QToolBar QToolButton { padding: 4px 10px; border: 1px solid transparent; border-radius: 5px; }
QToolBar QToolButton:hover { border-color: #b9b4a8; background: #f6f5f2; }
QToolBar QToolButton:focus { border: 2px solid #3b78d8; }
QLineEdit { background: #ffffff; border: 1px solid #c9c4b8; border-radius: 5px;
            padding: 4px 8px; selection-background-color: #ffd970; selection-color: #1b1f24; }
QLineEdit:focus { border: 2px solid #3b78d8; padding: 3px 7px; }
QTableView, QListView { background: #ffffff; alternate-background-color: #faf9f6;
            border: 1px solid #d8d5cc; gridline-color: transparent;
            selection-background-color: #ffe7a3; selection-color: #1b1f24; }
QTableView:focus, QListView:focus { border: 2px solid #3b78d8; }
QHeaderView::section { background: #eceae4; color: #57606a; border: none;
            border-bottom: 1px solid #d8d5cc; padding: 4px 6px; }
QPlainTextEdit { background: #fffefb; border: 1px solid #d8d5cc;
            selection-background-color: #ffd970; selection-color: #1b1f24; }
QPlainTextEdit:focus { border: 2px solid #3b78d8; }
QLabel#paneTitle { color: #57606a; font-weight: 600; padding: 6px 2px 4px 2px; }
QLabel#searchStatus { color: #57606a; padding: 0 2px; }
QLabel#spanDetails { background: #ffffff; border: 1px solid #d8d5cc; border-radius: 4px;
            padding: 8px; color: #24292f; }
QStatusBar { background: #eceae4; border-top: 1px solid #d8d5cc; color: #3d444d; }
QStatusBar QLabel { padding: 0 10px; }
QSplitter::handle { background: #e3e0d8; }
"""


@lru_cache(maxsize=256)
def tint(color: str, strength: float = 0.34) -> QColor:
    """A light background of ``color``, mixed with white, that keeps text readable."""
    base = QColor(color)
    mix = round(255 * (1 - strength))
    return QColor(
        round(base.red() * strength + mix),
        round(base.green() * strength + mix),
        round(base.blue() * strength + mix),
    )


def reading_font() -> QFont:
    """A serif for long reading where one is installed, else the system face."""
    families = set(QFontDatabase.families())
    for family in ("Source Serif 4", "Noto Serif", "DejaVu Serif", "Georgia", "Times New Roman"):
        if family in families:
            font = QFont(family)
            break
    else:
        font = QFont()
    font.setPointSizeF(12.5)
    return font


def label_button_qss(color: str) -> str:
    return (
        f"QToolButton {{ background: {tint(color, 0.22).name()}; "
        f"border: 1px solid {tint(color, 0.6).name()}; border-radius: 5px; "
        f"padding: 4px 12px; color: #1b1f24; }}"
        f"QToolButton:hover {{ background: {tint(color, 0.35).name()}; }}"
        # Disabled (a read-only corpus): greyed, so the keys' silence is no surprise.
        "QToolButton:disabled { background: #eeeeee; border-color: #d0d0d0; color: #8a8a8a; }"
    )


# The size a window opens at where the screen has room for it.
PREFERRED_SIZE = (1360, 860)


def fit_to_screen(window: QWidget, preferred: tuple[int, int] = PREFERRED_SIZE) -> None:
    """Open ``window`` at ``preferred`` size, or as large as the screen's free area
    where that is smaller (a 1280×720 laptop): never with edges off the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*preferred)
        return
    room = screen.availableGeometry()
    width, height = min(preferred[0], room.width()), min(preferred[1], room.height())
    window.resize(width, height)
    window.move(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2)
