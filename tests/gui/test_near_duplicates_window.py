"""Each story once, in the window: the list shows a near-duplicate with how alike it is
and can hide or show only them; over the copy a bar says which story it repeats, goes
to the first copy, and carries its spans here as suggestions (one undo step); the
threshold is asked in Tools and the marks follow it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Span
from annotator.formats.importing import import_paths
from annotator.gui.main_window import MainWindow
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import threshold
from tests.gui.conftest import ScriptedPrompts, open_window
from tests.storage.test_near_duplicates import OWN_WORDS, REPRINT, TRIMMED, WIRE

TITLES = ("Gunmen raid police post", "Police post attacked, officers die",
          "Four police officers killed in dawn raid", "Raid near Mogadishu (short)")


def _corpus(folder: Path) -> Path:
    path = folder / "wire.sqlite"
    source = folder / "stories.jsonl"
    source.write_text("".join(
        json.dumps({"id": f"s{i}", "title": title, "text": text}) + "\n"
        for i, (title, text) in enumerate(zip(TITLES, (WIRE, OWN_WORDS, REPRINT, TRIMMED),
                                              strict=True), start=1)), encoding="utf-8")
    corpus = Corpus.open(path)
    import_paths(corpus, [source])
    first = corpus.document_ids()[0]
    for words, label in (("Gunmen", "actor"), ("Mogadishu", "location"),
                         ("four officers", "casualty")):
        start = WIRE.index(words)
        corpus.insert_span(Span(start, start + len(words), label, words, "ana", doc_id=first))
    corpus.close()
    return path


@pytest.fixture
def wire_window(qtbot, tmp_path: Path, prompts: ScriptedPrompts) -> Iterator[MainWindow]:
    yield open_window(qtbot, _corpus(tmp_path), prompts, coder="ben")


def _titles(main: MainWindow) -> list[str]:
    model = main.documents
    return [model.index(row, 1).data() for row in range(model.rowCount())]


def _show(main: MainWindow, qtbot, title: str) -> None:
    row = next(i for i, shown in enumerate(_titles(main)) if shown.endswith(title))
    main.document_pane.table.selectRow(row)
    qtbot.waitUntil(lambda: main.session.document is not None
                    and main.session.document.title == title)


def test_the_list_shows_how_alike_a_copy_is_and_filters_by_it(wire_window: MainWindow, qtbot):
    titles = _titles(wire_window)
    copy = next(t for t in titles if t.endswith(TITLES[2]))
    assert copy.startswith("≈") and "%" in copy
    assert [t for t in titles if t.startswith("≈")] == [copy]
    row = titles.index(copy)
    tip = wire_window.documents.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Near-duplicate" in tip and TITLES[0] in tip
    box = wire_window.document_pane.copies_filter
    box.setCurrentIndex(box.findData("hide"))
    qtbot.waitUntil(lambda: len(_titles(wire_window)) == 3)
    assert copy not in _titles(wire_window)
    box.setCurrentIndex(box.findData("only"))
    qtbot.waitUntil(lambda: _titles(wire_window) == [copy])


def test_the_bar_over_a_copy_goes_to_the_first_and_carries_its_spans(
        wire_window: MainWindow, qtbot):
    _show(wire_window, qtbot, TITLES[1])
    assert wire_window.copies.bar.isHidden()  # a story in its own words is no copy
    _show(wire_window, qtbot, TITLES[2])
    bar = wire_window.copies.bar
    assert bar.isVisible() and TITLES[0] in bar.message.text() and "%" in bar.message.text()
    bar.carry.click()
    session = wire_window.session
    carried = [s for s in session.corpus.spans(session.doc_id) if s.origin == "suggested"]
    assert sorted(s.text for s in carried) == ["Gunmen", "Mogadishu", "four officers"]
    text = session.document.text
    assert all(text[s.start:s.end] == s.text and s.coder == "ben" for s in carried)
    session.undo()  # one step takes them all back
    assert not [s for s in session.corpus.spans(session.doc_id) if s.origin == "suggested"]
    bar.go_first.click()
    qtbot.waitUntil(lambda: session.document.title == TITLES[0])
    assert bar.isHidden()


def test_the_keys_carry_and_go_as_the_bar_does(wire_window: MainWindow, qtbot):
    _show(wire_window, qtbot, TITLES[2])
    wire_window.binder.bound["suggest.first_copy"].trigger()
    session = wire_window.session
    assert len([s for s in session.corpus.spans(session.doc_id) if s.origin == "suggested"]) == 3
    wire_window.binder.bound["document.first_copy"].trigger()
    qtbot.waitUntil(lambda: session.document.title == TITLES[0])
    wire_window.binder.bound["document.first_copy"].trigger()  # the first copy is no copy
    assert session.document.title == TITLES[0]


def test_a_lower_threshold_marks_the_cut_copy_too(wire_window: MainWindow, qtbot,
                                                   prompts: ScriptedPrompts):
    prompts.text_answer = "0,6"  # a comma, as many coders write a decimal
    wire_window.binder.bound["tools.near_duplicates"].trigger()
    qtbot.waitUntil(lambda: wire_window.background.worker is None)
    qtbot.waitUntil(lambda: sum(t.startswith("≈") for t in _titles(wire_window)) == 2)
    assert threshold(wire_window.session.corpus) == 0.6
    prompts.text_answer = "0.3"
    wire_window.binder.bound["tools.near_duplicates"].trigger()
    assert prompts.errors and "between 0.5 and 1.0, not 0.3" in prompts.errors[-1][1]
    assert threshold(wire_window.session.corpus) == 0.6
