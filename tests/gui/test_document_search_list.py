"""The corpus list while searching: titles get the width, and each found document shows
where it matched, the matched words marked, everything from the corpus shown as text."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPainter

from annotator.core.model import DocumentRecord
from annotator.gui.document_delegate import SNIPPET_ROLE, match_pattern, snippet_pieces
from annotator.gui.document_list import (
    DATE_COLUMN,
    SPANS_COLUMN,
    STATUS_COLUMN,
    TITLE_COLUMN,
    DocumentListModel,
)
from annotator.gui.panes import DocumentPane
from annotator.gui.theme import current_theme
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

MARKUP_TITLE = "Drone strike near Kirkuk kills two <b>fighters</b> &amp; a driver"
DOCUMENTS = [
    ("Rockets hit Ain al-Assad airbase in western Iraq, US personnel hurt",
     "Two Katyusha rockets were fired at Ain al-Assad airbase on Monday, officials said."),
    (MARKUP_TITLE,
     "A drone strike near Kirkuk killed two fighters and a driver &amp; no <i>rocket</i> "
     "was involved [Reuters]."),
    ("Militants attack army post in Borno State", "Militants attacked an army post."),
]


@pytest.fixture
def model(tmp_path: Path) -> Iterator[DocumentListModel]:
    corpus = Corpus.open(tmp_path / "news.sqlite")
    add_documents(corpus, [DocumentRecord(text=text, title=title, date="2024-08-06")
                           for title, text in DOCUMENTS])
    listed = DocumentListModel(corpus, "alice")
    listed.reset()
    yield listed
    listed.close()
    corpus.close()


def search(qtbot, model: DocumentListModel, words: str, found: int) -> None:
    model.reset(search=words)
    qtbot.waitUntil(lambda: not model.searching and model.rowCount() == found)


def pane_of(qtbot, model: DocumentListModel, width: int) -> DocumentPane:
    pane = DocumentPane(model)
    qtbot.addWidget(pane)
    pane.resize(width, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def row_titled(model: DocumentListModel, title: str) -> int:
    return next(row for row in range(model.rowCount())
                if model.index(row, TITLE_COLUMN).data() == title)


def test_the_model_passes_the_model_tester_while_searching(qtbot, qtmodeltester,
                                                           model: DocumentListModel) -> None:
    search(qtbot, model, "rocket", 2)
    qtmodeltester.check(model)


def test_a_found_document_carries_its_snippet_in_pieces(qtbot, model: DocumentListModel) -> None:
    assert model.index(0, TITLE_COLUMN).data(SNIPPET_ROLE) is None  # not searching
    search(qtbot, model, "rocket", 2)
    pieces = model.index(row_titled(model, MARKUP_TITLE), TITLE_COLUMN).data(SNIPPET_ROLE)
    assert [text for text, matched in pieces if matched] == ["rocket"]
    shown = "".join(text for text, _matched in pieces)
    assert "&amp; no <i>rocket</i> was involved [Reuters]." in shown
    assert model.index(0, DATE_COLUMN).data(SNIPPET_ROLE) is None


def test_brackets_of_the_text_are_kept_and_only_the_snippets_own_taken_off() -> None:
    pattern = match_pattern('"Reuters"*')
    assert snippet_pieces("…said [[Reuters]] on [Monday]…", pattern) == [
        ("…said [", False), ("Reuters", True), ("] on [Monday]…", False)]
    several = match_pattern('"two" "fight"*')
    assert snippet_pieces("[Two] [fighters] died", several) == [
        ("Two", True), (" ", False), ("fighters", True), (" died", False)]
    assert snippet_pieces("no mark [here]", several) == [("no mark [here]", False)]


def test_titles_and_snippets_are_drawn_as_text(qtbot, model: DocumentListModel,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    search(qtbot, model, "rocket", 2)
    pane = pane_of(qtbot, model, 1200)
    drawn: list[tuple[str, bool]] = []
    draw = QPainter.drawText

    def record(painter: QPainter, *args: object) -> None:
        drawn.append((str(args[-1]), painter.font().bold()))
        draw(painter, *args)

    filled: list[str] = []
    fill = QPainter.fillRect

    def record_fill(painter: QPainter, box: object, color: object) -> None:
        filled.append(QColor(color).name() if isinstance(color, QColor) else "")
        fill(painter, box, color)

    monkeypatch.setattr(QPainter, "drawText", record)
    monkeypatch.setattr(QPainter, "fillRect", record_fill)
    pane.table.viewport().grab()
    texts = [text for text, _bold in drawn]
    assert current_theme().search_match in filled  # matches marked as the article marks them
    assert MARKUP_TITLE in texts  # the characters themselves: no bold, no "&"
    assert ("rocket", True) in drawn and ("rockets", True) in drawn
    assert any(text.endswith("&amp; no <i>") for text in texts)
    assert "</i> was involved [Reuters]." in texts


def test_a_narrow_column_still_shows_the_first_match(qtbot, model: DocumentListModel,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    search(qtbot, model, "involved", 1)  # far into its snippet: words before it go
    pane = pane_of(qtbot, model, 300)
    drawn: list[tuple[str, bool]] = []
    draw = QPainter.drawText

    def record(painter: QPainter, *args: object) -> None:
        drawn.append((str(args[-1]), painter.font().bold()))
        draw(painter, *args)

    monkeypatch.setattr(QPainter, "drawText", record)
    pane.table.viewport().grab()
    at = drawn.index(("involved", True))
    before = drawn[at - 1][0]
    assert before.startswith("…") and before.endswith(" ")
    assert before[1:].startswith(" ")  # whole words after the ellipsis


def test_the_title_takes_the_width(qtbot, model: DocumentListModel) -> None:
    pane = pane_of(qtbot, model, 300)  # the pane's width in a window on a 1280x720 laptop
    table = pane.table
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    others = {column: table.columnWidth(column)
              for column in (STATUS_COLUMN, DATE_COLUMN, SPANS_COLUMN)}
    # Each of the others as wide as what it shows and its header, and little more.
    assert metrics.horizontalAdvance("2024-08-06") <= others[DATE_COLUMN] \
        <= metrics.horizontalAdvance("2024-08-06") + 16
    assert header.fontMetrics().horizontalAdvance("Spans") <= others[SPANS_COLUMN] \
        <= max(header.sectionSizeHint(SPANS_COLUMN), metrics.horizontalAdvance("9999") + 16)
    assert others[STATUS_COLUMN] <= header.sectionSizeHint(STATUS_COLUMN) + 4
    title = table.columnWidth(TITLE_COLUMN)
    assert title == table.viewport().width() - sum(others.values())
    assert title >= metrics.horizontalAdvance("Rockets hit Ain al-A")  # 20 characters


def test_rows_grow_a_line_for_the_snippet_while_searching(qtbot,
                                                          model: DocumentListModel) -> None:
    pane = pane_of(qtbot, model, 400)
    line = pane.table.fontMetrics().height()
    assert pane.table.rowHeight(0) < 2 * line
    search(qtbot, model, "rocket", 2)
    assert pane.table.rowHeight(0) >= 2 * line
    model.reset(search="")
    qtbot.waitUntil(lambda: model.rowCount() == len(DOCUMENTS))
    assert pane.table.rowHeight(0) < 2 * line


def test_a_count_wider_than_its_column_widens_it(qtbot, model: DocumentListModel) -> None:
    pane = pane_of(qtbot, model, 400)
    table = pane.table
    huge = table.fontMetrics().horizontalAdvance("1234567")
    assert table.columnWidth(SPANS_COLUMN) < huge
    model._put(0, dataclasses.replace(model._row(0), span_count=1234567))
    model.dataChanged.emit(model.index(0, 0), model.index(0, SPANS_COLUMN))
    assert table.columnWidth(SPANS_COLUMN) >= huge
