"""Dark theme and larger text: remembered, applied to the whole application, readable."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QToolBar, QToolButton

from annotator.core.colors import MIN_CONTRAST, contrast_ratio
from annotator.core.default_codebook import default_schema
from annotator.gui.appearance import (
    apply_appearance,
    apply_text_scale,
    apply_theme,
    larger_text,
    set_dark_theme,
    smaller_text,
    style_name,
    use_reading_font,
)
from annotator.gui.notices import READ_ONLY_QSS, WARNING_QSS, NoticeBar
from annotator.gui.style import (
    READING_POINT_SIZE,
    WINDOW_QSS,
    label_button_colors,
    label_button_qss,
    notice_qss,
    reading_font,
    window_qss,
)
from annotator.gui.theme import DARK, LIGHT, current_theme, highlight_colors, themed_tint
from annotator.settings import Settings, config_dir
from annotator.storage.palette import _PALETTE
from tests.gui.appearance_state import kept_appearance

THEMES = [LIGHT, DARK]
DEFAULT_COLOURS = sorted({*_PALETTE, *(label.color for label in default_schema().labels)})
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def colours(sheet: str) -> set[str]:
    """The colours a sheet draws with (its marker comment names a label's colour)."""
    return set(HEX.findall(COMMENT.sub("", sheet)))


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    with kept_appearance(qapp):
        yield qapp


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("color", DEFAULT_COLOURS)
def test_every_default_label_colour_reads_in_both_themes(theme, color: str) -> None:
    coded = highlight_colors(color, theme)
    suggested = highlight_colors(color, theme, suggested=True)
    for highlight in (coded, suggested):
        ratio = contrast_ratio(highlight.background.name(), highlight.foreground.name())
        assert ratio >= MIN_CONTRAST, (color, theme.name, ratio)
    assert coded.foreground.name() == theme.text
    button = label_button_colors(color, theme)
    for background in (button["background"], button["hover"]):
        assert contrast_ratio(background, button["text"]) >= MIN_CONTRAST, (color, background)
    assert contrast_ratio(themed_tint(color, 0.22, theme).name(), theme.text) >= MIN_CONTRAST
    # The label still shows: its highlight is not the bare page.
    assert coded.background.name() != theme.tint_base


@pytest.mark.parametrize("color", ["#ffff00", "#00ffff", "#ffffff", "#000000", "#0000ff",
                                   "yellow", "not a colour", ""])
def test_any_label_colour_is_made_readable(color: str) -> None:
    for theme in THEMES:
        highlight = highlight_colors(color, theme)
        assert contrast_ratio(highlight.background.name(),
                              highlight.foreground.name()) >= MIN_CONTRAST


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_the_themes_own_text_reads_on_its_backgrounds(theme) -> None:
    pairs = {
        "text on panes": (theme.text, theme.window), "text on the page": (theme.text, theme.reading),
        "text in fields": (theme.text, theme.field), "text on bars": (theme.text, theme.bar),
        "details": (theme.text, theme.panel), "titles": (theme.muted, theme.window),
        "headers": (theme.muted, theme.bar), "status bar": (theme.bar_text, theme.bar),
        "selected text": (theme.selection_text, theme.text_selection),
        "selected row": (theme.selection_text, theme.row_selection),
        "warning": (theme.warning_text, theme.warning), "read-only": (theme.info_text, theme.info),
        "not saved": (theme.error_text, theme.window),
        "disagreement": (theme.text, theme.disagreement),
        "search match": (theme.search_match_text, theme.search_match),
    }
    for name, (text, background) in pairs.items():
        assert contrast_ratio(text, background) >= MIN_CONTRAST, name
    # Lines and rings are not text: WCAG asks 3:1 of them (1.4.11).
    lines = {"another coder's span": (theme.others_line, theme.reading),
             "a link's preview": (theme.preview_line, theme.reading),
             "focus ring": (theme.accent, theme.window), "field edge": (theme.accent, theme.field)}
    for name, (line, background) in lines.items():
        assert contrast_ratio(line, background) >= 3, name


def test_no_light_colour_is_left_in_the_dark_sheets() -> None:
    light = colours(window_qss(LIGHT) + notice_qss("warning", LIGHT) + notice_qss("info", LIGHT))
    dark_sheets = [window_qss(DARK), notice_qss("warning", DARK), notice_qss("info", DARK),
                   *(label_button_qss(color, DARK) for color in DEFAULT_COLOURS)]
    for sheet in dark_sheets:
        assert not colours(sheet) & light, sheet
    for sheet in (window_qss(DARK), notice_qss("warning", DARK)):
        assert len(colours(sheet)) >= 3


def test_the_dark_theme_dresses_the_whole_application(app: QApplication, qtbot) -> None:
    app.setStyle("windows")  # a platform style, as on Windows: it ignores a dark palette
    # A window styled as the main window is today, before any theme is applied.
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setStyleSheet(WINDOW_QSS)
    bar = QToolBar()
    window.addToolBar(bar)
    button = QToolButton()
    button.setStyleSheet(label_button_qss("#3b78d8"))
    bar.addWidget(button)
    warning, read_only = NoticeBar(WARNING_QSS), NoticeBar(READ_ONLY_QSS)
    plain = QLabel("plain")
    plain.setStyleSheet("color: red")
    settings = Settings()

    theme = set_dark_theme(app, settings, True)

    assert theme is DARK and current_theme() is DARK and settings.theme == "dark"
    assert app.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    assert app.palette().color(QPalette.ColorRole.Text).name() == DARK.text
    assert app.styleSheet() == window_qss(DARK)
    assert window.styleSheet() == window_qss(DARK)
    assert button.styleSheet() == label_button_qss("#3b78d8", DARK)
    assert warning.styleSheet() == notice_qss("warning", DARK)
    assert read_only.styleSheet() == notice_qss("info", DARK)
    assert plain.styleSheet() == "color: red"  # not ours: left alone
    assert style_name(app) == "fusion"
    # Made after the switch, from the light constants: dark all the same.
    assert NoticeBar(READ_ONLY_QSS).styleSheet() == notice_qss("info", DARK)
    assert label_button_qss("#3b78d8") == label_button_qss("#3b78d8", DARK)
    # The window draws dark: its pixels are the dark pane colour.
    window.resize(300, 200)
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage()
    assert image.pixelColor(150, 150).name() == DARK.window

    set_dark_theme(app, settings, False)
    assert window.styleSheet() == window_qss(LIGHT)
    assert button.styleSheet() == label_button_qss("#3b78d8", LIGHT)
    assert app.palette().color(QPalette.ColorRole.Window).name() == LIGHT.window
    assert window.grab().toImage().pixelColor(150, 150).name() == LIGHT.window
    assert style_name(app) == "windows"


def test_the_theme_and_text_size_are_remembered(app: QApplication) -> None:
    settings = Settings()
    set_dark_theme(app, settings, True)
    larger_text(app, settings)
    settings.save()
    saved = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert (saved["theme"], saved["text_scale"]) == ("dark", 115)
    again = Settings.load()
    assert (again.theme, again.text_scale) == ("dark", 115)
    # At the next start they are applied from the settings.
    app.setProperty("annotatorTheme", None)
    assert current_theme() is LIGHT
    assert apply_appearance(app, again) is DARK
    assert current_theme() is DARK


def test_damaged_appearance_settings_fall_back_to_the_usual() -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.json").write_text(json.dumps({
        "coder": "alice", "theme": "purple", "text_scale": 400, "language": "<b>",
        "window_places": {"DP-1 1920x1080+0+0": {"x": "left"}, "ok 800x600+0+0": {
            "x": 0, "y": 0, "width": 640, "height": 480, "maximized": 0}, "bad": []},
        "window_screen": 7}), encoding="utf-8")
    settings = Settings.load()
    assert (settings.coder, settings.theme, settings.text_scale, settings.language) == (
        "alice", "light", 100, "")
    assert list(settings.window_places) == ["ok 800x600+0+0"]
    assert settings.window_screen == "7"


def test_larger_text_scales_the_application_and_the_reading_font(app: QApplication,
                                                                   qtbot) -> None:
    settings = Settings()
    base = app.font().pointSizeF()
    label = QLabel("Two Katyusha rockets were fired at Ain al-Asad airbase")
    qtbot.addWidget(label)
    article = QLabel("Two Katyusha rockets were fired at Ain al-Asad airbase")
    qtbot.addWidget(article)
    use_reading_font(article)
    before = (label.fontMetrics().horizontalAdvance(label.text()),
              article.fontMetrics().horizontalAdvance(article.text()))
    assert article.font().pointSizeF() == READING_POINT_SIZE

    assert [larger_text(app, settings) for _ in range(3)] == [115, 130, 130]
    assert settings.text_scale == 130
    assert app.font().pointSizeF() == pytest.approx(base * 1.3)
    # Qt hands the application's font to its widgets through the event loop.
    qtbot.waitUntil(lambda: label.font().pointSizeF() == pytest.approx(base * 1.3))
    assert article.font().pointSizeF() == pytest.approx(READING_POINT_SIZE * 1.3)
    assert reading_font().pointSizeF() == pytest.approx(READING_POINT_SIZE * 1.3)
    after = (label.fontMetrics().horizontalAdvance(label.text()),
             article.fontMetrics().horizontalAdvance(article.text()))
    assert after[0] > before[0] and after[1] > before[1]

    assert [smaller_text(app, settings) for _ in range(3)] == [115, 100, 100]
    assert app.font().pointSizeF() == pytest.approx(base)
    assert article.font().pointSizeF() == pytest.approx(READING_POINT_SIZE)
    qtbot.waitUntil(lambda: label.font().pointSizeF() == pytest.approx(base))


def test_a_text_size_not_offered_is_the_usual_one(app: QApplication) -> None:
    base = app.font().pointSizeF()
    assert apply_text_scale(app, Settings(text_scale=250)) == 100
    assert app.font().pointSizeF() == pytest.approx(base)


def test_applying_a_theme_twice_changes_nothing(app: QApplication) -> None:
    settings = Settings(theme="dark")
    apply_theme(app, settings)
    sheet, palette = app.styleSheet(), app.palette().color(QPalette.ColorRole.Base).name()
    apply_theme(app, settings)
    assert (app.styleSheet(), app.palette().color(QPalette.ColorRole.Base).name()) == (
        sheet, palette)


def test_the_main_window_turns_dark_and_back(app: QApplication, window, qtbot) -> None:
    set_dark_theme(app, Settings(), True)
    # The window's own sheet (or, without one, the application's) is the dark one.
    assert window.styleSheet() in ("", window_qss(DARK))
    buttons = [button for button in window.findChildren(QToolButton)
               if button.styleSheet().startswith("/* themed: label")]
    assert len(buttons) >= 3  # actor, casualty, location
    for button in buttons:
        label_colour = button.styleSheet().split()[3]  # from "/* themed: label #3b78d8 */"
        assert button.styleSheet() == label_button_qss(label_colour, DARK)
    bar = window.statusBar()
    qtbot.waitUntil(lambda: bar.grab().toImage().pixelColor(bar.width() - 3, 3).name()
                    == DARK.bar)
    set_dark_theme(app, Settings(), False)
    qtbot.waitUntil(lambda: bar.grab().toImage().pixelColor(bar.width() - 3, 3).name()
                    == LIGHT.bar)
