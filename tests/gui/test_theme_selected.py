"""A selected span stays readable in the dark theme as in the light one: its stronger
tint keeps the theme's text at 4.5:1 (it was a pale pink under pale text in dark)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from annotator.core.colors import contrast_ratio
from annotator.gui.appearance import set_dark_theme
from annotator.gui.main_window import MainWindow
from annotator.gui.theme import current_theme


def test_a_selected_span_reads_at_4_5_to_1_in_both_themes(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    text = window.view.text
    for dark in (False, True):
        set_dark_theme(app, window.settings, dark)
        for label, phrase in (("casualty", "At least five US personnel"), ("actor", "Hamas"),
                              ("location", "Ain al-Assad airbase")):
            start = text.index(phrase)
            span = window.session.tag(start, start + len(phrase), label) or next(
                s for s in window.session.spans if s.start == start and s.label == label)
            window.session.select(span.uid)
            [chosen] = [e for e in window.view.extraSelections()
                        if e.cursor.selectionStart() == start and e.format.background().style()]
            background = chosen.format.background().color().name()
            foreground = chosen.format.foreground().color().name()
            assert foreground == current_theme().text
            assert contrast_ratio(background, foreground) >= 4.5, (dark, label, background)
