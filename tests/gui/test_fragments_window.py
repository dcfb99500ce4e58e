"""A coder adds a range to a span and takes it away again: stored, drawn piece by piece."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat

from annotator.core.fragments import merged, piece_at, with_pieces
from annotator.core.model import Span
from annotator.gui.main_window import MainWindow
from annotator.session.actions import ACTIONS
from annotator.storage.corpus import Corpus
from tests.gui.helpers import click_at, drag_select, press

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
PLACE = "Ain al-Assad airbase"


def stored(path: Path, doc_id: int) -> list[tuple[str, tuple, str]]:
    with Corpus.open(path) as corpus:
        return [(s.label, s.fragments, s.text) for s in corpus.spans(doc_id)]


def looks(window: MainWindow, start: int, end: int) -> list[tuple[bool, str]]:
    """(tinted, underline style) of the text drawn over code points
    ``start:end`` (ASCII text: code points are Qt's units here)."""
    view = window.view
    view.clear_selection()
    window.session.select("")  # the selected span's own marking aside
    view.viewport().repaint()
    block = view.document().findBlock(start)
    out = []
    for r in block.layout().formats():
        low, high = block.position() + r.start, block.position() + r.start + r.length
        if low < end and high > start:
            fmt = r.format
            out.append((fmt.background().style() != Qt.BrushStyle.NoBrush,
                        fmt.underlineStyle().name))
    return out


def make_discontinuous(window: MainWindow) -> tuple[int, int]:
    """"Ain" tagged as a location, then "airbase" added to it by key."""
    view = window.view
    place = view.text.index(PLACE)
    ain, airbase = place, place + len("Ain al-Assad ")
    drag_select(view, ain, ain + 3)
    press(view, "3")
    assert view.selected_span().text == "Ain"  # a span just tagged is selected
    drag_select(view, airbase, airbase + len("airbase"))
    combo = ACTIONS["edit.add_range"].keys[0]
    assert combo == "Shift+Return"
    press(view, Qt.Key.Key_Return, SHIFT)
    return ain, airbase


def test_a_range_added_by_key_is_stored_listed_and_drawn_in_pieces(
        window: MainWindow, sample_corpus: Path) -> None:
    ain, airbase = make_discontinuous(window)
    doc = window.doc_id
    assert stored(sample_corpus, doc) == [
        ("location", ((ain, ain + 3), (airbase, airbase + 7)), PLACE)]
    assert window.status_line.saved_label.text().startswith("✓ saved")
    model = window.spans
    assert model.data(model.index(0)) == "loc  Ain … airbase"

    # The pieces are tinted; the gap (" al-Assad ") is not, a dotted line joins them.
    assert looks(window, ain, ain + 3) == [(True, "NoUnderline")]
    gap = looks(window, ain + 3, airbase)
    assert gap == [(False, QTextCharFormat.UnderlineStyle.DotLine.name)]
    assert looks(window, airbase, airbase + 7) == [(True, "NoUnderline")]

    # A click in the gap is not on the span; a click on a piece is.
    click_at(window.view, ain + 6)
    assert window.view.selected_span() is None
    click_at(window.view, airbase + 2)
    assert window.view.selected_span().fragments

    press(window.view, Qt.Key.Key_Z, CTRL)
    assert stored(sample_corpus, doc) == [("location", (), "Ain")]
    assert looks(window, ain + 3, airbase) == []
    press(window.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(sample_corpus, doc)[0][1] == ((ain, ain + 3), (airbase, airbase + 7))


def test_a_piece_taken_away_by_key_and_from_the_menu(monkeypatch, window: MainWindow,
                                                     sample_corpus: Path) -> None:
    _ain, airbase = make_discontinuous(window)
    doc = window.doc_id
    view = window.view
    click_at(view, airbase + 3)  # the cursor stays in the piece clicked
    assert view.selected_span() is not None
    press(view, Qt.Key.Key_Backspace, SHIFT)
    assert stored(sample_corpus, doc) == [("location", (), "Ain")]
    assert window.spans.data(window.spans.index(0)) == "loc  Ain"
    assert view.selected_span().text == "Ain"

    press(view, Qt.Key.Key_Z, CTRL)
    from PySide6.QtWidgets import QMenu
    menus: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, _where: menus.append(menu))
    window.coding.span_menu(view.selected_span().uid, view.mapToGlobal(view.rect().center()),
                            window.relation_actions, window.fragment_actions)
    [take_ain] = [a for a in menus[-1].actions() if a.text() == "Take “Ain” out of the span"]
    take_ain.trigger()
    assert stored(sample_corpus, doc) == [("location", (), "airbase")]


def test_adding_needs_a_span_and_a_new_stretch(window: MainWindow, sample_corpus: Path) -> None:
    view = window.view
    place = view.text.index(PLACE)
    drag_select(view, place, place + 3)
    press(view, Qt.Key.Key_Return, SHIFT)  # no span selected
    assert "Click the span first" in window.statusBar().currentMessage()
    press(view, "3")
    drag_select(view, place, place + 3)
    press(view, Qt.Key.Key_Return, SHIFT)
    assert window.statusBar().currentMessage() == "That stretch is already part of the span."
    assert stored(sample_corpus, window.doc_id) == [("location", (), "Ain")]


def test_pieces_merge_and_fall_back_to_one_range() -> None:
    text = "it isn't so"
    span = Span(3, 5, "x", "is", "a")
    assert merged([(5, 8), (3, 5)]) == ((3, 8),)  # touching pieces are one
    two = with_pieces(span, [(3, 5), (6, 8)], text)
    assert (two.start, two.end, two.text, two.fragments) == (3, 8, "isn't", ((3, 5), (6, 8)))
    assert two.fragment_texts() == ["is", "'t"]
    assert piece_at(two, 7, 7) == (6, 8) and piece_at(two, 5, 6) is None
    one = with_pieces(two, [(6, 8)], text)
    assert (one.start, one.end, one.text, one.fragments) == (6, 8, "'t", ())
