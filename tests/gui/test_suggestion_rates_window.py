"""The span pane says how often each suggestion source was accepted so far: a muted line
under the Spans title that follows Enter, Backspace and undo, and is counted again when
another document opens; a suggestion says what made it and, for a model, how sure it was."""

from __future__ import annotations

import html
import re
from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.commands import SOURCE_ATTR
from annotator.core.model import Span
from annotator.gui.main_window import MainWindow
from annotator.storage.corpus import Corpus
from tests.gui.helpers import press

UNDO = Qt.KeyboardModifier.ControlModifier


def line(window: MainWindow) -> str:
    rates = window.span_pane.rates
    return rates.text() if rates.isVisible() else ""


def pending_sources(window: MainWindow) -> Counter[str]:
    assert window.doc_id is not None
    return Counter(s.attrs[SOURCE_ATTR] for s in window.corpus.spans(window.doc_id)
                   if s.origin == "suggested")


def counts(window: MainWindow, source: str) -> str:
    """A source's line in the tooltip (every source's counts, pending too)."""
    tip = html.unescape(re.sub(r"<[^>]+>", "\n", window.span_pane.rates.toolTip()))
    return next(part for part in tip.split("\n") if part.startswith(f"{source}: "))


def test_the_line_follows_accepting_rejecting_and_undo(qtbot, window: MainWindow) -> None:
    assert line(window) == ""  # nothing decided yet: no line at all
    window.binder.bound["suggest.here"].trigger()
    made = pending_sources(window)
    assert sum(made.values()) >= 2
    assert line(window) == ""  # made, not decided
    first = window.view.selected_span()
    assert first is not None and first.origin == "suggested"
    QTest.keyClick(window.view, Qt.Key.Key_Return)  # accept
    source = first.attrs[SOURCE_ATTR]
    assert f"Accepted: {source} 100% of 1" in line(window)
    second = window.view.selected_span()
    assert second is not None and second.origin == "suggested"
    QTest.keyClick(window.view, Qt.Key.Key_Backspace)  # reject
    other = second.attrs[SOURCE_ATTR]
    if other == source:
        assert f"{source} 50% of 2" in line(window)
        assert counts(window, source).startswith(f"{source}: 1 accepted, 1 rejected")
    else:
        assert counts(window, source).startswith(f"{source}: 1 accepted, 0 rejected")
        assert counts(window, other).startswith(f"{other}: 0 accepted, 1 rejected")
        assert counts(window, other).endswith(f"{made[other] - 1} pending")
        # A wider pane names both; a narrow one the most decided, "…" for the rest.
        assert line(window).count("% of 1") == 1 and "…" in line(window)
        window.splitter.setSizes([200, 400, 680])
        qtbot.waitUntil(lambda: "…" not in line(window))
        assert f"{source} 100% of 1" in line(window) and f"{other} 0% of 1" in line(window)
    press(window.view, Qt.Key.Key_Z, UNDO)  # the rejection taken back: counted no more
    assert f"Accepted: {source} 100% of 1" in line(window)
    assert f"{other} 0% of 1" not in line(window) and "50%" not in line(window)
    assert "rejected" in counts(window, source) and "1 rejected" not in (
        window.span_pane.rates.toolTip())
    press(window.view, Qt.Key.Key_Z, UNDO)  # and the acceptance: nothing decided
    assert line(window) == ""


def test_decisions_made_elsewhere_show_when_a_document_opens(window: MainWindow) -> None:
    first_doc = window.doc_id
    assert first_doc is not None
    rows = window.corpus.page("alice")
    other_doc = next(row.id for row in rows if row.id != first_doc)
    # Another window on the same corpus rejects two suggestions of the corpus model.
    with Corpus.open(window.corpus.path) as elsewhere:
        text = elsewhere.document(other_doc).text
        for start in (0, 5):
            span = elsewhere.insert_span(Span(start, start + 3, "actor", text[start:start + 3],
                                              "bob", origin="suggested", doc_id=other_doc,
                                              attrs={SOURCE_ATTR: "corpus model"}))
            elsewhere.reject_suggestion(span)
    assert "corpus model" not in line(window)
    window.session.show_document(other_doc)
    assert "Accepted: corpus model 0% of 2" in line(window)


def test_a_models_suggestion_says_how_sure_it_was(window: MainWindow) -> None:
    doc = window.doc_id
    assert doc is not None
    text = window.view.text
    start = text.index("Hezbollah")
    sure = Span(start, start + 9, "actor", "Hezbollah", "alice", origin="suggested",
                doc_id=doc, attrs={SOURCE_ATTR: "corpus model", "confidence": 0.87})
    with Corpus.open(window.corpus.path) as elsewhere:  # as a model's suggesting does
        elsewhere.insert_span(sure)
    assert window.pick_up_outside_changes()
    window.session.select(sure.uid)
    assert "suggested by corpus model, 87% sure" in window.span_pane.details.text()
    row = window.spans.row_of(sure.uid)
    assert row is not None
    tip = window.spans.data(window.spans.index(row), Qt.ItemDataRole.ToolTipRole)
    assert "suggested by corpus model, 87% sure" in tip
    window.suggestion_actions.suggest_here()
    plain = next(s for s in window.session.spans
                 if s.origin == "suggested" and s.uid != sure.uid)
    window.session.select(plain.uid)
    card = window.span_pane.details.text()
    assert f"suggested by {plain.attrs[SOURCE_ATTR]}" in card and "sure" not in card
    QTest.keyClick(window.view, Qt.Key.Key_Return)  # accepted: it still says what made it
    window.session.select(plain.uid)
    assert f"accepted · suggested by {plain.attrs[SOURCE_ATTR]}" in (
        window.span_pane.details.text())
