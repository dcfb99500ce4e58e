"""The two looks of the window, light and dark, and what the application wears now.

A theme is a set of named colours; the style sheets (``style.py``), the palette
and the span tints are all made from one, so nothing drawn keeps a light colour
in the dark. The application remembers its theme and text size as properties of
the QApplication, so every widget made later (a dialog, a notice) asks it
instead of being handed them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from annotator.core.colors import readable_tint
from annotator.settings import TEXT_SCALES

THEME_PROPERTY = "annotatorTheme"
# Larger text: the application's font and the reading font, in per cent of the usual.
SCALE_PROPERTY = "annotatorTextScale"
UNKNOWN_LABEL_COLOR = "#888888"


@dataclass(frozen=True)
class Theme:
    name: str
    window: str  # panes and dialogs
    text: str
    muted: str  # pane titles, hints
    bar: str  # tool bar, status bar, table headers
    bar_text: str
    border: str
    hover_border: str
    accent: str  # the focus ring
    field: str  # lists, line edits
    field_border: str
    alternate: str  # every other row of a list
    reading: str  # the article's page
    panel: str  # the selected span's details
    handle: str
    text_selection: str  # selected text in the article and in fields
    row_selection: str  # the selected row of a list
    selection_text: str
    warning: str  # a notice that something went wrong: background, border, text
    warning_border: str
    warning_text: str
    info: str  # the read-only notice
    info_border: str
    info_text: str
    disabled: str
    disabled_border: str
    disabled_text: str
    error_text: str  # "not saved"; the head of a link being made
    others_line: str  # under another coder's span
    preview_line: str  # under the span a link being made would reach
    disagreement: str  # behind a cell where coders disagree
    # A search's matches: yellow with dark text in both themes, as a highlighter pen.
    search_match: str
    search_match_text: str
    # What a label's colour is mixed with for its tints, and how strongly: a span's
    # highlight, a suggestion's, and a label button's background, border and hover.
    tint_base: str
    span_strength: float
    suggestion_strength: float
    button_strengths: tuple[float, float, float]

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"


# The light look is the one the window always had (calm, readable for a whole day):
# its tints mix a label's colour with white.
LIGHT = Theme(
    name="light", window="#f6f5f2", text="#24292f", muted="#57606a", bar="#eceae4",
    bar_text="#3d444d", border="#d8d5cc", hover_border="#b9b4a8", accent="#3b78d8",
    field="#ffffff", field_border="#c9c4b8", alternate="#faf9f6", reading="#fffefb",
    panel="#ffffff", handle="#e3e0d8", text_selection="#ffd970", row_selection="#ffe7a3",
    selection_text="#1b1f24", warning="#fff4d6", warning_border="#e3c36b",
    warning_text="#5c4200", info="#e8eef7", info_border="#a9bddb", info_text="#1f3a60",
    disabled="#eeeeee", disabled_border="#d0d0d0", disabled_text="#8a8a8a",
    error_text="#b42318", others_line="#57606a", preview_line="#1f5fbf",
    disagreement="#fde2e1", search_match="#ffe58a", search_match_text="#24292f",
    tint_base="#ffffff", span_strength=0.34,
    suggestion_strength=0.08, button_strengths=(0.22, 0.6, 0.35),
)

# Dark: near-black greys that are not pure black (less glare around white text),
# light text a shade off white; tints mix a label's colour into the page instead of
# white, a little stronger so the hue still shows.
DARK = Theme(
    name="dark", window="#1d2024", text="#e4e7eb", muted="#9da5ae", bar="#25292e",
    bar_text="#c3c9d0", border="#3a3f46", hover_border="#5b626b", accent="#6ea8fe",
    field="#16181b", field_border="#464c54", alternate="#1a1d20", reading="#191b1e",
    panel="#22262b", handle="#2c3036", text_selection="#7a5d12", row_selection="#5c4a1a",
    selection_text="#fff8e1", warning="#3a2f12", warning_border="#7a6221",
    warning_text="#f5dc9a", info="#16263b", info_border="#35517a", info_text="#c6dafc",
    disabled="#2a2d31", disabled_border="#3a3e44", disabled_text="#7d848c",
    error_text="#ff8a80", others_line="#9da5ae", preview_line="#8ab4ff",
    disagreement="#4d2626", search_match="#ffe58a", search_match_text="#24292f",
    tint_base="#191b1e", span_strength=0.45,
    suggestion_strength=0.14, button_strengths=(0.35, 0.7, 0.5),
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK)}


def theme_named(name: str) -> Theme:
    """The theme called ``name``; the light one for a name it does not know."""
    return THEMES.get(name, LIGHT)


def current_theme() -> Theme:
    """The theme the application wears now (light where none was applied)."""
    app = QCoreApplication.instance()
    name = app.property(THEME_PROPERTY) if app is not None else None
    return theme_named(name if isinstance(name, str) else "")


def text_scale() -> int:
    """The application's text size now, in per cent of the usual."""
    app = QCoreApplication.instance()
    value = app.property(SCALE_PROPERTY) if app is not None else None
    return value if isinstance(value, int) and value in TEXT_SCALES else 100


def label_hex(color: str) -> str:
    """A label's colour as ``#rrggbb``: whatever Qt reads (names too), grey otherwise."""
    parsed = QColor(color)
    return parsed.name() if parsed.isValid() else UNKNOWN_LABEL_COLOR


class Highlight(NamedTuple):
    """The colours of a stretch of text tagged with a label: text on background."""

    background: QColor
    foreground: QColor


def highlight_colors(color: str, theme: Theme | None = None, *,
                     suggested: bool = False) -> Highlight:
    """How text tagged with a label of ``color`` is drawn in ``theme`` (the current
    one by default): the label's tint behind the theme's text, at least 4.5:1."""
    theme = theme or current_theme()
    strength = theme.suggestion_strength if suggested else theme.span_strength
    background = readable_tint(label_hex(color), theme.tint_base, theme.text, strength)
    return Highlight(QColor(background), QColor(theme.text))


def themed_tint(color: str, strength: float, theme: Theme | None = None) -> QColor:
    """A tint of a label's colour behind the theme's text (a row of the span list),
    faded as far as the text needs to stay readable."""
    theme = theme or current_theme()
    return QColor(readable_tint(label_hex(color), theme.tint_base, theme.text, strength))
