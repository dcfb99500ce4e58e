"""Colours, type and the style sheets: calm, readable for a whole day, light or dark.

Every sheet is made from a theme (``theme.py``) and begins with a marker naming
what it is (``/* themed: window */``), so that switching the theme can find the
sheets already set on widgets and make them again in the new colours.
"""

from __future__ import annotations

import re
from functools import lru_cache
from string import Template

from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QWidget

from annotator.core.colors import mix, readable_tint
from annotator.gui.theme import LIGHT, Theme, current_theme, label_hex, text_scale

STATUS_MARKS = {"todo": "○", "in progress": "◐", "done": "✓", "skipped": "–"}

_WINDOW = Template("""/* themed: window */
QMainWindow, QWidget { background: $window; color: $text; }
QToolBar { background: $bar; border: none; border-bottom: 1px solid $border;
           padding: 4px 8px; spacing: 6px; }
QToolBar QToolButton { padding: 4px 10px; border: 1px solid transparent; border-radius: 5px; }
QToolBar QToolButton:hover { border-color: $hover_border; background: $window; }
QToolBar QToolButton:focus { border: 2px solid $accent; }
QLineEdit { background: $field; border: 1px solid $field_border; border-radius: 5px;
            padding: 4px 8px; selection-background-color: $text_selection;
            selection-color: $selection_text; }
QLineEdit:focus { border: 2px solid $accent; padding: 3px 7px; }
QTableView, QListView { background: $field; alternate-background-color: $alternate;
            border: 1px solid $border; gridline-color: transparent;
            selection-background-color: $row_selection; selection-color: $selection_text; }
QTableView:focus, QListView:focus { border: 2px solid $accent; }
QHeaderView::section { background: $bar; color: $muted; border: none;
            border-bottom: 1px solid $border; padding: 4px 6px; }
QPlainTextEdit { background: $reading; border: 1px solid $border;
            selection-background-color: $text_selection; selection-color: $selection_text; }
QPlainTextEdit:focus { border: 2px solid $accent; }
QLabel#paneTitle { color: $muted; font-weight: 600; padding: 6px 2px 4px 2px; }
QLabel#searchStatus { color: $muted; padding: 0 2px; }
QLabel#spanDetails { background: $panel; border: 1px solid $border; border-radius: 4px;
            padding: 8px; color: $text; }
QStatusBar { background: $bar; border-top: 1px solid $border; color: $bar_text; }
QStatusBar QLabel { padding: 0 10px; }
QSplitter::handle { background: $handle; }
QToolTip { background: $panel; color: $text; border: 1px solid $border; }
QCheckBox::indicator { width: 13px; height: 13px; border: 1px solid $field_border;
            border-radius: 3px; background: $field; }
QCheckBox::indicator:focus { border: 2px solid $accent; }
QCheckBox::indicator:checked { background: $accent; border-color: $accent; }
QCheckBox::indicator:disabled { background: $disabled; border-color: $disabled_border; }
""")

_NOTICE = Template("/* themed: notice $kind */"
                   "QFrame#notice { background: $background; border: 1px solid $border; "
                   "border-radius: 4px; }"
                   "QFrame#notice QLabel { background: transparent; color: $text; }")

_MARKER = re.compile(r"/\* themed: (\w[\w-]*)(?: ([^*]*?))? \*/")


def window_qss(theme: Theme | None = None) -> str:
    """The main window's style sheet in ``theme`` (the current one by default)."""
    return _WINDOW.substitute(vars(theme or current_theme()))


# The window's sheet in the light theme, for code that sets it before any theme is
# applied; applying a theme makes it again in that theme's colours.
WINDOW_QSS = window_qss(LIGHT)


def notice_qss(kind: str, theme: Theme | None = None) -> str:
    """A notice bar's sheet: ``warning`` (something went wrong) or ``info`` (read-only)."""
    theme = theme or current_theme()
    if kind == "info":
        colours = (theme.info, theme.info_border, theme.info_text)
    else:
        colours = (theme.warning, theme.warning_border, theme.warning_text)
    background, border, text = colours
    return _NOTICE.substitute(kind=kind, background=background, border=border, text=text)


@lru_cache(maxsize=256)
def tint(color: str, strength: float = 0.34) -> QColor:
    """A light background of ``color``, mixed with white, that keeps text readable."""
    base = QColor(color)
    mixed = round(255 * (1 - strength))
    return QColor(
        round(base.red() * strength + mixed),
        round(base.green() * strength + mixed),
        round(base.blue() * strength + mixed),
    )


def label_button_colors(color: str, theme: Theme | None = None) -> dict[str, str]:
    """A label button's background, border, hover background and text in ``theme``:
    the backgrounds faded as far as the text needs to keep 4.5:1."""
    theme = theme or current_theme()
    hexed = label_hex(color)
    background, border, hover = theme.button_strengths
    return {"background": readable_tint(hexed, theme.tint_base, theme.text, background),
            "border": mix(hexed, theme.tint_base, border),
            "hover": readable_tint(hexed, theme.tint_base, theme.text, hover),
            "text": theme.text}


def label_button_qss(color: str, theme: Theme | None = None) -> str:
    theme = theme or current_theme()
    colours = label_button_colors(color, theme)
    return (
        f"/* themed: label {label_hex(color)} */"
        f"QToolButton {{ background: {colours['background']}; "
        f"border: 1px solid {colours['border']}; border-radius: 5px; "
        f"padding: 4px 12px; color: {colours['text']}; }}"
        f"QToolButton:hover {{ background: {colours['hover']}; }}"
        # Disabled (a read-only corpus): greyed, so the keys' silence is no surprise.
        f"QToolButton:disabled {{ background: {theme.disabled}; "
        f"border-color: {theme.disabled_border}; color: {theme.disabled_text}; }}"
    )


def sheet_in_theme(sheet: str, theme: Theme | None = None) -> str:
    """``sheet`` made again in ``theme`` if it is one of ours (it starts with a
    marker), else unchanged."""
    match = _MARKER.match(sheet.lstrip())
    if match is None:
        return sheet
    kind, argument = match.group(1), (match.group(2) or "").strip()
    if kind == "window":
        return window_qss(theme)
    if kind == "label":
        return label_button_qss(argument, theme)
    if kind == "notice":
        return notice_qss(argument, theme)
    return sheet


READING_POINT_SIZE = 12.5


def reading_font(scale: int | None = None) -> QFont:
    """A serif for long reading where one is installed, else the system face, at the
    application's text size (``scale`` per cent; the current one by default)."""
    families = set(QFontDatabase.families())
    for family in ("Source Serif 4", "Noto Serif", "DejaVu Serif", "Georgia", "Times New Roman"):
        if family in families:
            font = QFont(family)
            break
    else:
        font = QFont()
    font.setPointSizeF(READING_POINT_SIZE * (scale or text_scale()) / 100)
    return font


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
