"""Applying a theme and a text size to the whole application, and changing them.

The window binds View > Dark theme to ``set_dark_theme`` and View > Larger text /
Smaller text to ``larger_text`` / ``smaller_text``; each changes the settings (the
caller saves them) and the application at once, open windows included.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from annotator.gui.style import reading_font, sheet_in_theme, window_qss
from annotator.gui.theme import (
    SCALE_PROPERTY,
    TEXT_SCALES,
    THEME_PROPERTY,
    Theme,
    text_scale,
    theme_named,
)
from annotator.settings import Settings

# The application's own font size before any scaling, and its style before the dark
# theme asked for Fusion: kept so that scaling never compounds and light comes back.
BASE_FONT_PROPERTY = "annotatorBaseFontSize"
BASE_STYLE_PROPERTY = "annotatorBaseStyle"
STYLE_PROPERTY = "annotatorStyle"  # the style set here last (a sheet hides its name)
# Widgets that read in the reading font: made again at every change of text size.
READING_PROPERTY = "annotatorReadingFont"


def palette_for(theme: Theme) -> QPalette:
    """Qt's colour roles in ``theme``: what widgets without a style sheet draw with."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.field,
        QPalette.ColorRole.AlternateBase: theme.alternate,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.bar,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.BrightText: theme.error_text,
        QPalette.ColorRole.Highlight: theme.row_selection,
        QPalette.ColorRole.HighlightedText: theme.selection_text,
        QPalette.ColorRole.ToolTipBase: theme.panel,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.Light: theme.hover_border,
        QPalette.ColorRole.Midlight: theme.border,
        QPalette.ColorRole.Mid: theme.border,
        QPalette.ColorRole.Dark: theme.field_border,
        QPalette.ColorRole.Shadow: theme.field_border,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_text))
    return palette


def style_name(app: QApplication) -> str:
    """The application's widget style ("fusion", "windows"…), style sheet or not."""
    return str(app.property(STYLE_PROPERTY) or app.style().name()).lower()


def apply_theme(app: QApplication, settings: Settings) -> Theme:
    """Dress the whole application in the settings' theme: palette, style sheet, and
    every sheet of ours already set on a widget (the window, label buttons, notices)."""
    theme = theme_named(settings.theme)
    app.setProperty(THEME_PROPERTY, theme.name)
    if app.property(BASE_STYLE_PROPERTY) is None:
        # (Under an application style sheet the style has no name: that of a style set
        # before the sheet is not known, and is left as it is.)
        app.setProperty(BASE_STYLE_PROPERTY, app.style().name())
    # Platform styles (Windows, macOS) draw with their own colours and ignore a dark
    # palette; Fusion draws with the palette on every platform.
    wanted = "fusion" if theme.is_dark else str(app.property(BASE_STYLE_PROPERTY)).lower()
    if wanted and style_name(app) != wanted:
        app.setStyle(wanted)
        app.setProperty(STYLE_PROPERTY, wanted)
    app.setPalette(palette_for(theme))
    app.setStyleSheet(window_qss(theme))
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            again = sheet_in_theme(sheet, theme)
            if again != sheet:
                widget.setStyleSheet(again)
    return theme


def set_dark_theme(app: QApplication, settings: Settings, on: bool) -> Theme:
    """View > Dark theme: remembered in ``settings`` (the caller saves them) and
    applied at once."""
    settings.theme = "dark" if on else "light"
    return apply_theme(app, settings)


def use_reading_font(widget: QWidget) -> None:
    """Give ``widget`` the reading font, and again whenever the text size changes."""
    widget.setProperty(READING_PROPERTY, True)
    widget.setFont(reading_font())


def apply_text_scale(app: QApplication, settings: Settings) -> int:
    """Set the application's font and the reading font to the settings' text size;
    the size in effect (per cent)."""
    scale = settings.text_scale if settings.text_scale in TEXT_SCALES else 100
    base = app.property(BASE_FONT_PROPERTY)
    font = app.font()
    if not isinstance(base, float):
        # A font given in pixels has no point size (-1): scale its pixels instead.
        base = font.pointSizeF() if font.pointSizeF() > 0 else float(-font.pixelSize())
        app.setProperty(BASE_FONT_PROPERTY, base)
    if base > 0:
        font.setPointSizeF(base * scale / 100)
    else:
        font.setPixelSize(round(-base * scale / 100))
    app.setProperty(SCALE_PROPERTY, scale)
    app.setFont(font)
    for widget in app.allWidgets():
        if widget.property(READING_PROPERTY):
            widget.setFont(reading_font(scale))
    return scale


def _step_text(app: QApplication, settings: Settings, step: int) -> int:
    now = settings.text_scale if settings.text_scale in TEXT_SCALES else text_scale()
    index = max(0, min(len(TEXT_SCALES) - 1, TEXT_SCALES.index(now) + step))
    settings.text_scale = TEXT_SCALES[index]
    return apply_text_scale(app, settings)


def larger_text(app: QApplication, settings: Settings) -> int:
    """View > Larger text: the next size up (100, 115, 130 per cent), kept in
    ``settings`` (the caller saves them); the size now."""
    return _step_text(app, settings, 1)


def smaller_text(app: QApplication, settings: Settings) -> int:
    """View > Smaller text: the next size down; the size now."""
    return _step_text(app, settings, -1)


def apply_appearance(app: QApplication, settings: Settings) -> Theme:
    """At start: the remembered theme and text size."""
    apply_text_scale(app, settings)
    return apply_theme(app, settings)
