"""Selecting in the article with a real mouse and keys: selections snap to whole
tokens without the sentence's punctuation, and show it before a label key is
pressed; several spans are drawn as selected at once; right-to-left news is laid
out, selected and coloured as English is."""

from __future__ import annotations

import re
from html import unescape

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.gui.article_view import SNAP_HINT, ArticleView
from annotator.gui.main_window import MainWindow
from tests.conftest import SAMPLE_ARTICLE, SHARED_DATA, shared
from tests.gui.helpers import press

ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton
PLACE = "Ain al-Assad airbase"
ARABIC_PAGE = SHARED_DATA / "real" / "news" / "html" / "goose3__test_cnn_arabic.html"


def caret(view: ArticleView, codepoint: int) -> QPoint:
    """The viewport point of the caret before character ``codepoint``."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(Utf16Map(view.text).to_utf16(codepoint))
    rect = view.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


def drag(view: ArticleView, begin: QPoint, end: QPoint, *, press_keys=NONE,
         release_keys=NONE) -> None:
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, press_keys, begin)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, LEFT, release_keys, end)


@pytest.fixture
def host(qtbot) -> QMainWindow:
    """The view in a window of its own, with the status bar its hint goes to."""
    window = QMainWindow()
    view = ArticleView()
    window.setCentralWidget(view)
    window.statusBar()
    window.resize(1000, 700)
    qtbot.addWidget(window)
    view.show_document(SAMPLE_ARTICLE.read_text(encoding="utf-8"), [])
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_drag_over_a_place_and_its_full_stop_snaps_to_the_place_on_release(
        host: QMainWindow) -> None:
    view: ArticleView = host.centralWidget()
    text = view.text
    start = text.index(PLACE + ".")
    # From inside "Ain" to past the full stop: a sloppy drag, as coders make them.
    drag(view, caret(view, start + 1) + QPoint(2, 0), caret(view, start + len(PLACE) + 1))
    assert view.raw_selection() == (start, start + len(PLACE))  # shown before tagging
    assert view.selection() == (start, start + len(PLACE))
    assert host.statusBar().currentMessage() == SNAP_HINT
    view.clear_selection()
    assert host.statusBar().currentMessage() == ""


def test_a_backwards_drag_snaps_and_keeps_its_direction(host: QMainWindow) -> None:
    view: ArticleView = host.centralWidget()
    start = view.text.index(PLACE + ".")
    drag(view, caret(view, start + len(PLACE) + 1), caret(view, start + 2))
    assert view.raw_selection() == (start, start + len(PLACE))
    assert view.textCursor().position() < view.textCursor().anchor()


@pytest.mark.parametrize("where", ["press", "release"])
def test_alt_keeps_the_selection_exactly_as_dragged(host: QMainWindow, where: str) -> None:
    view: ArticleView = host.centralWidget()
    start = view.text.index(PLACE + ".")
    keys = {"press_keys": ALT} if where == "press" else {"release_keys": ALT}
    drag(view, caret(view, start + 1), caret(view, start + len(PLACE) + 1), **keys)
    assert view.raw_selection() == (start + 1, start + len(PLACE) + 1)
    assert view.selection() == (start + 1, start + len(PLACE) + 1)
    assert host.statusBar().currentMessage() != SNAP_HINT


def test_a_keyboard_selection_is_left_alone_with_a_line_under_what_will_be_tagged(
        host: QMainWindow) -> None:
    view: ArticleView = host.centralWidget()
    victims = view.text.index("At least five US personnel")
    view.setFocus()
    view.select_range(victims, victims)
    for _ in range(5):
        press(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier)
    raw = view.raw_selection()
    assert view.text[slice(*raw)] == "At least five US personnel "  # the keys' own steps
    assert view.selection() == (victims, victims + len("At least five US personnel"))
    dotted = [(s.cursor.selectionStart(), s.cursor.selectionEnd())
              for s in view.extraSelections()
              if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine]
    assert dotted == [view.selection()]
    press(view, Qt.Key.Key_Right)  # the selection goes, and so does the line
    assert not [s for s in view.extraSelections()
                if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine]


def test_the_window_tags_the_place_without_the_full_stop(window: MainWindow) -> None:
    view = window.view
    start = view.text.index(PLACE + ".")
    drag(view, caret(view, start) + QPoint(2, 0), caret(view, start + len(PLACE) + 1))
    press(view, "3")
    spans = window.corpus.spans(window.doc_id)
    assert [(s.text, s.start, s.end) for s in spans] == [(PLACE, start, start + len(PLACE))]


# -- several spans selected -----------------------------------------------------------

def spans_of(text: str, *phrases: str) -> list[Span]:
    return [Span(start=(at := text.index(p)), end=at + len(p), label=label, text=p,
                 coder="alice", uid=f"s{n}")
            for n, (p, label) in enumerate(zip(phrases, ["location", "actor", "casualty"] * 3,
                                                strict=False))]


def drawn_selected(view: ArticleView) -> set[tuple[int, int]]:
    """The ranges (in code points) drawn as selected: a tint and an underline."""
    offsets = Utf16Map(view.text)
    return {(offsets.to_codepoint(s.cursor.selectionStart()),
             offsets.to_codepoint(s.cursor.selectionEnd()))
            for s in view.extraSelections()
            if s.format.hasProperty(QTextCharFormat.Property.BackgroundBrush)
            and s.format.underlineStyle() in (QTextCharFormat.UnderlineStyle.SingleUnderline,
                                              QTextCharFormat.UnderlineStyle.DashUnderline)}


def test_several_selected_spans_are_all_drawn_and_the_last_is_current(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    spans = spans_of(text, PLACE, "Iraqi security source", "At least five US personnel")
    view.show_document(text, spans)
    view.select_spans([s.uid for s in spans])
    assert drawn_selected(view) == {(s.start, s.end) for s in spans}
    assert view.selected_span_uids() == ["s0", "s1", "s2"]
    assert view.selected_span().uid == "s2"
    view.update_spans(spans[1:])  # a selected span removed: no longer drawn
    assert drawn_selected(view) == {(s.start, s.end) for s in spans[1:]}
    view.update_spans(spans[:2])  # the current one removed: the last left is current
    assert view.selected_span_uids() == ["s1"] and view.selected_span().uid == "s1"
    view.update_spans(spans)
    view.select_span("s1")  # a plain pick: that one alone
    assert drawn_selected(view) == {(spans[1].start, spans[1].end)}
    assert view.selected_span_uids() == ["s1"]


def test_ctrl_clicked_spans_in_the_window_are_all_highlighted(window: MainWindow) -> None:
    view = window.view
    text = view.text
    for phrase, key in ((PLACE, "3"), ("Iraqi security source", "1"),
                        ("At least five US personnel", "2")):
        at = text.index(phrase)
        view.select_range(at, at + len(phrase))
        press(view, key)
    spans = sorted(window.corpus.spans(window.doc_id), key=lambda s: s.start)
    press(view, Qt.Key.Key_Escape)  # the span tagged last is selected no more
    assert drawn_selected(view) == set()
    for span in spans:
        QTest.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.ControlModifier,
                         caret(view, span.start + 2) + QPoint(2, 0))
    assert drawn_selected(view) == {(s.start, s.end) for s in spans}
    assert view.selected_span().uid == spans[-1].uid


# -- right to left ----------------------------------------------------------------------

def arabic_news() -> str:
    page = shared(ARABIC_PAGE).read_text(encoding="utf-8")
    paragraphs = [unescape(re.sub(r"<[^>]+>", "", p)).strip()
                  for p in re.findall(r"<p[^>]*>(.*?)</p>", page, re.S)]
    return "\n\n".join(p for p in paragraphs[:4] if re.search("[\u0600-\u06ff]", p))


def test_arabic_news_reads_right_to_left_and_a_dragged_word_is_its_offsets(qtbot) -> None:
    text = arabic_news()
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show_document(text, [])
    view.show()
    word = "مستودعات"
    start = text.index(word)
    end = start + len(word)
    block = view.document().findBlock(start)
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft
    # Its lines are set against the right edge, as Arabic is read, once painted.
    layout, margin = block.layout(), view.document().documentMargin()
    qtbot.waitUntil(lambda: layout.lineCount() > 1 and layout.lineAt(0).x() > margin)
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        assert abs(line.x() + line.naturalTextWidth() - (margin + line.width())) < 1
    # The word's first letter is on its right: the drag goes right to left.
    right, left = caret(view, start), caret(view, end)
    assert right.x() > left.x()
    drag(view, right - QPoint(2, 0), left + QPoint(2, 0))
    assert view.raw_selection() == (start, end)
    assert view.selection() == (start, end)
    span = Span(start=start, end=end, label="location", text=word, coder="alice", uid="w")
    view.set_colors({"location": "#3f9b35"})
    view.update_spans([span])
    view.clear_selection()
    view.viewport().repaint()
    offsets = Utf16Map(text)
    painted = [(block.position() + r.start, r.length) for r in block.layout().formats()]
    assert painted == [(offsets.to_utf16(start), offsets.to_utf16(end) - offsets.to_utf16(start))]
    # A click in the middle of the word puts the caret inside it, where the letters are.
    QTest.mouseClick(view.viewport(), LEFT, NONE, caret(view, start + 3))
    assert view.cursor_position() in (start + 3, start + 2, start + 4)


def test_english_paragraphs_stay_against_the_left_edge(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show_document("دمشق، سوريا.\n\n" + SAMPLE_ARTICLE.read_text(encoding="utf-8"), [])
    view.show()
    document = view.document()
    margin = document.documentMargin()
    arabic, english = document.firstBlock(), document.firstBlock().next().next()
    assert english.textDirection() == Qt.LayoutDirection.LeftToRight
    layout, short = english.layout(), arabic.layout()
    qtbot.waitUntil(lambda: short.lineCount() == 1 and short.lineAt(0).x() > margin)
    assert layout.lineCount() > 1
    assert [layout.lineAt(n).x() for n in range(layout.lineCount())] == \
        [margin] * layout.lineCount()
    assert short.lineAt(0).x() > margin + 100  # the short Arabic line sits on the right
