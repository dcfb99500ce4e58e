"""A long report (20,000 spans): opening, tagging, undoing and removing touch only
what they must, and what is drawn and listed stays exactly what the corpus holds.

The document is big enough that work over every span or every block shows in the
counts these tests take (rows reset, blocks recoloured, spans read), small enough
to build in a moment.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QPaintEvent, QTextBlock
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from annotator.bench.synthetic import write_jsonl
from annotator.core.commands import AddSpan, Batch, RemoveSpan, relabel
from annotator.core.model import Span, new_uid
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.gui.document_list import SPANS_COLUMN
from annotator.gui.highlighter import SpanPainter
from annotator.gui.main_window import MainWindow
from annotator.gui.span_list import SpanListModel
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from annotator.storage.span_rows import FIRST_ROWS, SpanRows

SPANS = 20_000
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
LABELS = ["actor", "casualty", "location"]
KEYS = {"actor": Qt.Key.Key_1, "casualty": Qt.Key.Key_2, "location": Qt.Key.Key_3}


def long_report(spans: int = SPANS) -> dict[str, Any]:
    """Words with spans, untagged "plain" between them, a line (one block) every eight
    words; now and then a span over two words, and two spans at the very same place."""
    parts: list[str] = []
    found: list[dict[str, Any]] = []
    position = 0
    number = 0
    while len(found) < spans:
        word = f"{WORDS[number % len(WORDS)]}{number}"
        found.append({"start": position, "end": position + len(word),
                      "label": LABELS[number % 3], "text": word})
        if number % 101 == 0:  # the same place, another label: ties ordered by the corpus
            found.append(dict(found[-1], label=LABELS[(number + 1) % 3]))
        gap = "\n" if number % 8 == 7 else " plain "
        if number % 97 == 5:  # a span reaching over the gap into the next word
            following = f"{WORDS[(number + 1) % len(WORDS)]}{number + 1}"
            found.append({"start": position, "end": position + len(word + gap + following),
                          "label": "actor", "text": word + gap + following})
        parts.append(word + gap)
        position += len(word + gap)
        number += 1
    text = "".join(parts)
    for span in found:
        assert text[span["start"]:span["end"]] == span["text"]
    return {"id": "long-report", "title": "Long report", "text": text, "spans": found}


SMALL = 1_500  # for Qt's model tester, which looks at every row after every change


def import_report(folder: Path, spans: int) -> Path:
    source, path = folder / f"report-{spans}.jsonl", folder / f"report-{spans}.sqlite"
    write_jsonl(source, iter([long_report(spans)]))
    with Corpus.open(path) as corpus:
        summary = import_paths(corpus, [source], options=ReadOptions(coder="alice"))
        assert summary.ok
    return path


@pytest.fixture(scope="module")
def report_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return import_report(tmp_path_factory.mktemp("report"), SPANS)


@pytest.fixture
def report_corpus(tmp_path: Path, report_original: Path) -> Path:
    """A fresh copy of the imported report for each test (made once: importing
    20,000 spans takes longer than copying them)."""
    path = tmp_path / "report.sqlite"
    with Corpus.open(report_original) as original:
        original.backup(path)
    return path


@pytest.fixture
def small_report_corpus(tmp_path: Path) -> Path:
    return import_report(tmp_path, SMALL)


def open_window(qtbot, path: Path, prompts) -> MainWindow:
    main = MainWindow(Corpus.open(path), "alice", Settings(), prompts)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


@pytest.fixture
def report_window(qtbot, report_corpus: Path, prompts) -> MainWindow:
    return open_window(qtbot, report_corpus, prompts)


def loaded(qtbot, window: MainWindow) -> MainWindow:
    qtbot.waitUntil(lambda: window.session.spans.complete, timeout=20_000)
    return window


def corpus_places(window: MainWindow, coder: str | None = "alice") -> list[tuple]:
    """What the corpus holds (``coder``'s spans, or everyone's), read the plain way
    (not counted by a ``Spy``)."""
    assert window.doc_id is not None
    Spy.reading_for_the_test = True
    try:
        return list(window.corpus.span_rows(window.doc_id, coder).places())
    finally:
        Spy.reading_for_the_test = False


def assert_as_in_corpus(window: MainWindow) -> None:
    """The rows, the drawn spans and the span list hold exactly the corpus's spans,
    in the corpus's order."""
    expected = corpus_places(window)
    assert list(window.session.spans.places()) == expected
    assert [tuple(d) for d in window.view.highlighter.drawn()] == expected  # text has no astral
    model = window.spans
    assert model.rowCount() == len(expected) == len(window.session.spans)
    uids = [model.data(model.index(row), Qt.ItemDataRole.UserRole)
            for row in range(model.rowCount())]
    assert uids == [place[3] for place in expected]
    documents = window.documents  # the corpus list's count moves with each edit
    listed = documents.data(documents.index(documents.row_for(window.doc_id), SPANS_COLUMN))
    assert listed == str(len(corpus_places(window, coder=None)))


def looks(ranges: list) -> list[tuple]:
    """How format ranges look: where, the tint, the underline and its colour."""
    return [(r.start, r.length, r.format.background().color().name(),
             r.format.underlineStyle(), r.format.underlineColor().name()) for r in ranges]


def free_words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\bplain\b", text)]


def show_range(window: MainWindow, start: int) -> None:
    """Scroll ``start`` into view and paint, so the blocks on screen are coloured."""
    view = window.view
    view.select_range(start, start)
    view.ensureCursorVisible()
    view.viewport().repaint()


class Spy:
    """Counts the model's signals, the blocks recoloured and the corpus's statements."""

    reading_for_the_test = False

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.signals: dict[str, list[tuple]] = {}
        self.recoloured: list[int] = []
        self.statements: list[str] = []
        model = window.spans
        for name in ("modelReset", "rowsInserted", "rowsRemoved", "dataChanged"):
            getattr(model, name).connect(
                lambda *args, name=name: self.signals.setdefault(name, []).append(args))
        painter = window.view.highlighter
        ranges = painter.ranges

        def counted(block: QTextBlock) -> list:
            self.recoloured.append(block.blockNumber())
            return ranges(block)

        painter.ranges = counted  # type: ignore[method-assign]
        window.corpus.db.conn.set_trace_callback(self._statement)

    def _statement(self, sql: str) -> None:
        if not Spy.reading_for_the_test:
            self.statements.append(sql)

    def clear(self) -> None:
        self.signals.clear()
        self.recoloured.clear()
        self.statements.clear()

    def count(self, name: str) -> int:
        return len(self.signals.get(name, []))

    def whole_document_reads(self) -> list[str]:
        """Statements that read (or count) every span of the document."""
        return [s for s in self.statements if re.search(r"FROM spans\s+WHERE doc_id", s)
                and "start = " not in s]


class PaintSpy(QObject):
    """The rectangles a widget is asked to paint."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QPaintEvent):
            self.rects.append(event.rect())
        return False


def blocks_of(window: MainWindow, start: int, end: int) -> set[int]:
    document = window.view.document()
    return {document.findBlock(start).blockNumber(), document.findBlock(end).blockNumber()}


def tag(window: MainWindow, start: int, end: int, label: str = "actor") -> None:
    window.view.select_range(start, end)
    QTest.keyClick(window.view, KEYS[label])


def undo(window: MainWindow) -> None:
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(window: MainWindow) -> None:
    QTest.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)


def remove(window: MainWindow, uid: str) -> None:
    window.session.select(uid)
    QTest.keyClick(window.view, Qt.Key.Key_Delete)


# -- opening -------------------------------------------------------------------------


def reopen(window: MainWindow) -> MainWindow:
    """Show the report again: its spans are read afresh, a part now and the rest while
    the event loop runs (the tests look before it does)."""
    assert window.doc_id is not None
    window.session.show_document(window.doc_id)
    assert not window.session.spans.complete
    return window


def test_a_long_report_opens_with_its_first_rows_and_reads_the_rest_while_shown(
        qtbot, report_window: MainWindow) -> None:
    window = reopen(report_window)
    rows = window.session.spans
    total = len(corpus_places(window))
    assert total == SPANS
    assert len(rows) == total  # the count is known at once...
    assert window.span_pane.title.text() == f"Spans ({total})"  # ...and said
    assert rows.loaded == FIRST_ROWS < total  # only the first part is read...
    assert window.spans.rowCount() == rows.loaded
    window.view.viewport().repaint()
    first = window.view.document().firstBlock()
    assert first.layout().formats()  # ...and the first screen is coloured already
    spy = Spy(window)
    loaded(qtbot, window)  # the rest comes while the window runs
    assert spy.count("modelReset") == 0
    inserted = [args[1:] for args in spy.signals["rowsInserted"]]
    assert len(inserted) >= 2  # in parts, each appended after the last
    assert inserted[0][0] == FIRST_ROWS
    assert all(later[0] == earlier[1] + 1 for earlier, later in itertools.pairwise(inserted))
    assert inserted[-1][1] == total - 1
    assert_as_in_corpus(window)


def test_scrolling_to_the_end_before_the_spans_are_read_colours_it_once_they_are(
        qtbot, report_window: MainWindow) -> None:
    window = reopen(report_window)
    view = window.view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.viewport().repaint()
    assert view.highlighter.painted_partly  # the last lines' spans are not read yet
    last = view.document().lastBlock()
    while not last.text().strip():
        last = last.previous()
    loaded(qtbot, window)
    qtbot.waitUntil(lambda: not view.highlighter.painted_partly)
    view.viewport().repaint()
    assert bar.value() == bar.maximum()  # still at the end: reading spans moved nothing
    fresh = SpanPainter(view.document())
    fresh.set_colors({label.name: label.color for label in window.session.labels})
    fresh.set_spans(corpus_places(window), view._offsets)
    expected = looks(fresh.ranges(last))
    assert expected  # the last lines have spans
    assert looks(last.layout().formats()) == expected
    # The span list scrolls to its end too, and every row is there.
    window.span_pane.list.scrollToBottom()
    model = window.spans
    assert model.rowCount() == len(corpus_places(window))


# -- one edit, one row -------------------------------------------------------------------


def test_a_tag_inserts_one_row_recolours_its_block_and_reads_no_other_span(
        qtbot, report_window: MainWindow) -> None:
    window = loaded(qtbot, report_window)
    start, end = free_words(window.view.text)[len(free_words(window.view.text)) // 2]
    show_range(window, start)
    view = window.view
    QApplication.processEvents()
    spy = Spy(window)
    painted = PaintSpy(view.viewport())
    tag(window, start, end, "casualty")
    for _ in range(3):  # the repaint the tag asked for
        QApplication.processEvents()
    line = view.blockBoundingGeometry(view.document().findBlock(start)).translated(
        view.contentOffset()).toAlignedRect()
    # What is painted is clipped to the viewport (an update may be asked a little wider).
    shown = [rect.intersected(view.viewport().rect()) for rect in painted.rects]
    assert shown and all(line.adjusted(-4, -4, 4, 4).contains(rect)
                         for rect in shown)  # its line, not the screen
    added = window.corpus.find_span(window.doc_id, start, end, "casualty", "alice")
    assert added is not None and view.selected_span().uid == added
    assert spy.count("modelReset") == 0
    assert spy.count("rowsRemoved") == 0
    row = window.spans.row_of(added)
    assert [args[1:] for args in spy.signals["rowsInserted"]] == [(row, row)]
    assert set(spy.recoloured) == blocks_of(window, start, end)  # one line, once
    assert len(spy.recoloured) == 1
    assert spy.whole_document_reads() == []
    assert_as_in_corpus(window)


def test_undo_redo_and_removal_each_touch_one_row_and_its_block(
        qtbot, report_window: MainWindow) -> None:
    window = loaded(qtbot, report_window)
    words = free_words(window.view.text)
    start, end = words[len(words) // 3]
    show_range(window, start)
    tag(window, start, end)
    window.view.viewport().repaint()
    spy = Spy(window)
    view = window.view

    undo(window)
    view.viewport().repaint()
    assert window.corpus.find_span(window.doc_id, start, end, "actor", "alice") is None
    assert spy.count("modelReset") == spy.count("rowsInserted") == 0
    assert spy.count("rowsRemoved") == 1
    assert spy.recoloured == sorted(blocks_of(window, start, end))
    assert view.selected_span() is None  # the selection went with its span
    assert spy.whole_document_reads() == []

    spy.clear()
    redo(window)
    view.viewport().repaint()
    assert spy.count("modelReset") == 0 and spy.count("rowsInserted") == 1
    assert spy.recoloured == sorted(blocks_of(window, start, end))
    assert spy.whole_document_reads() == []

    # Removing a span that came with the report: its row, its block.
    row = window.spans.rowCount() // 2
    victim = window.session.spans[row]
    show_range(window, victim.start)
    spy.clear()
    remove(window, victim.uid)
    view.viewport().repaint()
    assert victim.uid not in {p[3] for p in corpus_places(window)}
    # Nothing is selected after it (a second Delete must not remove its neighbour).
    assert view.selected_span() is None
    assert window.span_pane.list.selectionModel().selectedIndexes() == []
    assert spy.count("modelReset") == 0
    assert [args[1:] for args in spy.signals["rowsRemoved"]] == [(row, row)]
    assert set(spy.recoloured) <= blocks_of(window, victim.start, victim.end)
    assert 1 <= len(spy.recoloured) <= 2
    assert spy.whole_document_reads() == []
    assert_as_in_corpus(window)


def test_relabelling_changes_one_row_in_place(qtbot, report_window: MainWindow) -> None:
    window = loaded(qtbot, report_window)
    span = window.session.spans[1234]
    show_range(window, span.start)
    window.session.select(span.uid)
    spy = Spy(window)
    other = next(label for label in LABELS if label != span.label)
    QTest.keyClick(window.view, KEYS[other])  # no text selected: relabels the span
    window.view.viewport().repaint()
    assert window.corpus.span(span.uid).label == other
    row = window.spans.row_of(span.uid)
    assert spy.count("modelReset") == spy.count("rowsInserted") == spy.count("rowsRemoved") == 0
    assert [(a[0].row(), a[1].row()) for a in spy.signals["dataChanged"]] == [(row, row)]
    assert set(spy.recoloured) <= blocks_of(window, span.start, span.end)
    assert spy.whole_document_reads() == []
    assert_as_in_corpus(window)


# -- many edits, still exactly right ----------------------------------------------------------


def random_edits(window: MainWindow, rng: random.Random, steps: int) -> None:
    """Tags (some over spans, some at a span's very place), removals, relabels, undos
    and redos, by key, checking every 20 steps that all is as in the corpus."""
    words = free_words(window.view.text)
    text = window.view.text

    def new_tag() -> None:
        start, end = rng.choice(words)
        if rng.random() < 0.3:  # now and then over the next word, which has a span
            end = text.index(" ", end + 1)
        tag(window, start, end, rng.choice(LABELS))

    def same_place() -> None:  # a tie: a second label where a span is
        span = window.session.spans[rng.randrange(window.spans.rowCount())]
        tag(window, span.start, span.end, rng.choice(LABELS))

    def removal() -> None:
        remove(window, window.session.spans[rng.randrange(window.spans.rowCount())].uid)

    def relabelling() -> None:
        span = window.session.spans[rng.randrange(window.spans.rowCount())]
        window.session.select(span.uid)
        window.view.clear_selection()
        QTest.keyClick(window.view, KEYS[rng.choice([lb for lb in LABELS if lb != span.label])])

    actions: list[Callable[[], None]] = [
        new_tag, new_tag, new_tag, same_place, removal, removal, relabelling,
        lambda: undo(window), lambda: undo(window), lambda: redo(window)]
    for step in range(steps):
        rng.choice(actions)()
        if step % 20 == 19:
            assert_as_in_corpus(window)
    assert_as_in_corpus(window)


def test_random_tags_undos_redos_removals_and_relabels_keep_everything_as_in_the_corpus(
        qtbot, report_window: MainWindow) -> None:
    window = loaded(qtbot, report_window)
    rng = random.Random(7)
    spy = Spy(window)
    random_edits(window, rng, 120)
    assert len(window.session.history) > 40
    assert spy.count("modelReset") == 0  # never read again whole
    assert spy.whole_document_reads() == []
    # What is painted is what a window opened afresh paints.
    fresh = SpanPainter(window.view.document())
    fresh.set_colors({label.name: label.color for label in window.session.labels})
    fresh.set_spans(corpus_places(window), window.view._offsets)
    view = window.view
    for start, _end in rng.sample(free_words(view.text), 5):
        show_range(window, start)
        block = view.document().findBlock(start)
        assert looks(block.layout().formats()) == looks(fresh.ranges(block))


def test_the_span_list_passes_qts_model_tester_through_loading_and_random_edits(
        qtbot, qtmodeltester, small_report_corpus: Path, prompts) -> None:
    window = open_window(qtbot, small_report_corpus, prompts)
    reopen(window)
    qtmodeltester.check(window.spans)  # stays connected: every signal below is checked
    loaded(qtbot, window)
    random_edits(window, random.Random(11), 60)


def test_edits_made_while_the_spans_are_still_being_read_are_not_lost_or_doubled(
        qtbot, report_window: MainWindow) -> None:
    window = reopen(report_window)
    rows = window.session.spans
    text = window.view.text
    words = free_words(text)
    early, late = words[3], words[-3]  # one among the rows read, one far past them
    assert early[1] < rows.known_before() < late[0]
    tag(window, *early)
    assert not rows.complete
    # Edits past the rows read so far, as a command would make them (no selecting,
    # which would read the rest at once): counted, then read in their place.
    far = window.corpus.span(next(p[3] for p in corpus_places(window)[-50:]))
    window.session.do(RemoveSpan(far))
    window.session.do(AddSpan(Span(start=late[0], end=late[1], label="location",
                                  text=text[late[0]:late[1]], coder="alice",
                                  doc_id=window.doc_id)))
    assert not rows.complete
    assert len(rows) == len(corpus_places(window))
    undo(window)  # the added span goes again, still unread
    loaded(qtbot, window)
    assert_as_in_corpus(window)
    redo(window)
    assert_as_in_corpus(window)


def test_the_span_list_model_follows_rows_as_they_are_read_and_edited(
        qtmodeltester, small_report_corpus: Path) -> None:
    """The list model alone, over rows read a part at a time, checked by Qt's model
    tester through every part read, insertion, removal and change."""
    with Corpus.open(small_report_corpus) as corpus:
        [doc_id] = corpus.document_ids()
        rows = SpanRows.read(corpus, doc_id, "alice", first=100)
        model = SpanListModel()
        model.set_spans(rows)
        assert model.rowCount() == 100 and model.canFetchMore()
        assert len(rows) == SMALL
        rows.load_more(150)
        assert model.rowCount() == 250
        # The tester asks for more rows itself (fetchMore) and checks what comes.
        qtmodeltester.check(model)
        first = rows[10]
        edits = [AddSpan(dataclasses.replace(first, uid=new_uid(), label="location")),
                 relabel(rows[20], "casualty"), RemoveSpan(rows[30]), RemoveSpan(rows[0]),
                 AddSpan(dataclasses.replace(corpus.spans(doc_id)[-1], uid=new_uid(),
                                             label="casualty"))]
        for edit in edits:
            edit.apply(corpus)
            assert rows.follow(edit)
        while model.canFetchMore():
            model.fetchMore()
        assert list(rows.places()) == list(corpus.span_rows(doc_id, "alice").places())
        assert model.rowCount() == len(rows) == SMALL  # two added, two removed
        assert [model.data(model.index(r), Qt.ItemDataRole.UserRole)
                for r in range(model.rowCount())] == [p[3] for p in rows.places()]


def test_a_batch_over_two_documents_moves_only_the_shown_ones_rows_and_count(
        window: MainWindow) -> None:
    """Tagging an expression in several documents at once: the shown document follows
    its own new span; the other document's span is not drawn or counted here."""
    shown, other = window.doc_id, window.corpus.neighbour(window.doc_id, 1, "alice")
    assert shown is not None and other is not None
    documents = window.documents

    def listed(doc_id: int) -> str:
        return documents.data(documents.index(documents.row_for(doc_id), SPANS_COLUMN))

    before_shown, before_other = listed(shown), listed(other)
    spans = []
    for doc_id in (shown, other):
        text = window.corpus.document(doc_id).text
        start = text.index(" ") + 1
        end = text.index(" ", start)
        spans.append(Span(start=start, end=end, label="location", text=text[start:end],
                          coder="alice", doc_id=doc_id))
    rows = window.session.spans
    assert window.session.do(Batch([AddSpan(span) for span in spans], "tag both"))
    assert window.session.spans is rows  # followed, not read again
    assert spans[0].uid in {p[3] for p in rows.places()}
    assert spans[1].uid not in {p[3] for p in rows.places()}
    assert_as_in_corpus(window)
    assert listed(shown) == str(int(before_shown) + 1)
    assert listed(other) == before_other  # (its row is read again when it is shown)
