"""Code points in the corpus, UTF-16 in Qt: spans land on the same characters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from tests.gui.helpers import drag_select, press

# CRLF, tabs, emoji (a ZWJ family and a skin tone), Arabic and a combining accent.
RAW = ("Protest 👩‍👩‍👧 in Basra\r\n\tمظاهرة في البصرة 👍🏽 today\r\n"
       "Cafe\u0301 owner hurt near Ain al-Assad 🔥 base")
CASES = [("Basra", "location"), ("البصرة", "location"), ("Cafe\u0301", "actor"),
         ("Ain al-Assad", "location"), ("👍🏽", "actor")]


@pytest.fixture
def tricky_window(qtbot, tmp_path: Path, prompts) -> MainWindow:
    source = tmp_path / "tricky.jsonl"
    source.write_text(json.dumps({"id": "t", "text": RAW}) + "\n", encoding="utf-8")
    path = tmp_path / "tricky.sqlite"
    with Corpus.open(path) as corpus:
        assert import_paths(corpus, [source], options=ReadOptions(coder="alice")).ok
    window = MainWindow(Corpus.open(path), "alice", Settings(), prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_view_shows_exactly_the_stored_text(tricky_window: MainWindow) -> None:
    stored = tricky_window.corpus.document(tricky_window.doc_id).text
    assert "\r" not in stored
    assert tricky_window.view.toPlainText() == stored


@pytest.mark.parametrize(("phrase", "label"), CASES)
def test_a_dragged_span_is_stored_on_the_same_characters(
    tricky_window: MainWindow, phrase: str, label: str
) -> None:
    view = tricky_window.view
    start = view.text.index(phrase)
    drag_select(view, start, start + len(phrase))
    assert view.selection() == (start, start + len(phrase))
    press(view, {"actor": "1", "location": "3"}[label])
    [span] = tricky_window.corpus.spans(tricky_window.doc_id)
    assert (span.start, span.end, span.text, span.label) == (start, start + len(phrase),
                                                              phrase, label)


def test_spans_after_emoji_are_painted_where_they_are(tricky_window: MainWindow) -> None:
    view = tricky_window.view
    start = view.text.index("Ain al-Assad")
    view.select_range(start, start + len("Ain al-Assad"))
    tricky_window.coding.apply_label("location")
    view.clear_selection()
    tricky_window.session.select("")
    view.viewport().repaint()
    block = view.document().findBlock(0)
    while block.isValid() and "Ain al-Assad" not in block.text():
        block = block.next()
    painted = [(r.start, r.length) for r in block.layout().formats()]
    assert painted == [(block.text().index("Ain al-Assad"), len("Ain al-Assad"))]
