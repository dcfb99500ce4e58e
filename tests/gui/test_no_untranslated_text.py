"""No text of the window escapes translation: with a pseudo-translation installed
before the window is built, every word it shows comes back marked ⟦…⟧, except the
corpus's own data (the article, titles, span texts, the codebook's names and
descriptions, coder names, the corpus's path) and numbers.

The window is looked at as it opens, then after the coder selects a span (the span
card, its form, its links), runs a search (the list's snippets and tooltips, the
search's count) and is told something by the session (the status bar)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtGui import QTextDocumentFragment

from annotator.core.schema import AttributeSpec
from annotator.core.search import fts_query
from annotator.gui.document_list import SPANS_COLUMN, TITLE_COLUMN
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from tests.gui import translation_probe
from tests.gui.conftest import LAPTOP, ScriptedPrompts
from tests.gui.helpers import search_corpus
from tests.gui.translation_probe import CLOSE, OPEN, pseudo_translation, unmarked_texts

_TAG = re.compile(r"<[^>]+>")


def _header_texts(model: QAbstractItemModel | None,
                  orientation: Qt.Orientation) -> Iterator[tuple[str, str]]:
    """The probe's header walk, for list models too: a QAbstractListModel has one
    column, and its columnCount cannot be called from Python (Qt makes it private)."""
    if model is None:
        return
    if orientation == Qt.Orientation.Horizontal:
        count = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    else:
        count = model.rowCount()
    for section in range(count):
        for role, what in ((Qt.ItemDataRole.DisplayRole, ""),
                           (Qt.ItemDataRole.ToolTipRole, " tooltip")):
            value = model.headerData(section, orientation, role)
            if isinstance(value, str):
                yield value, f"header {section}{what}"


@pytest.fixture(autouse=True)
def _list_models_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translation_probe, "_header_texts", _header_texts)


def corpus_data(corpus: Corpus, search: str = "") -> list[str]:
    """Every text of the corpus and its codebook the window may show as it is (with
    the snippets of ``search``): the allow-list, longest first (a name inside a
    longer text goes with the longer)."""
    found: set[str] = {str(corpus.path), corpus.path.name, *corpus.coders(), "alice"}
    if search:
        found |= {row.snippet for row in corpus.page("alice", search=fts_query(search),
                                                      limit=1000)}
    for row in corpus.page("alice", limit=1000):
        document = corpus.document(row.id)
        found |= {document.text, document.title, document.date or "", document.source or "",
                  row.uid}
        found |= {span.text for span in corpus.spans(row.id)}
    schema = corpus.schema()
    attributes: list[AttributeSpec] = [*schema.document_attributes]
    for label in schema.labels:
        # The span list shows a label by its first three letters.
        found |= {label.name, label.name.capitalize(), label.name[:3], label.description,
                  *label.examples}
        attributes += label.attributes
    for spec in attributes:
        found |= {spec.name, spec.name.replace("_", " "), spec.description, *spec.values}
    for kind in schema.relation_types:
        found |= {kind.name, kind.description}
    found |= {*schema.event_types, *schema.event_roles}
    return sorted((text for text in found if text), key=len, reverse=True)


def outside_marks(text: str) -> str:
    """What ``text`` shows outside every ⟦…⟧: a value put into a translated template
    is inside its marks, however deep."""
    kept, depth = [], 0
    for char in text:
        if char == OPEN:
            depth += 1
        elif char == CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def words_left(text: str, data: list[str]) -> str:
    """The words in ``text`` that neither went through translation nor are corpus
    data: rich text read as the coder sees it (its tags are not words)."""
    if _TAG.search(text):
        text = QTextDocumentFragment.fromHtml(text).toPlainText()
    text = outside_marks(text)
    for datum in data:  # whole words only: "act" (actor) is data, "characters" is not
        text = re.sub(rf"(?<!\w){re.escape(datum)}(?!\w)", " ", text)
    return text if any(c.isalpha() for c in text) else ""


def escaped(window: MainWindow) -> list[str]:
    """Everything the window shows that escaped translation, with where it is."""
    data = corpus_data(window.corpus, window.documents.search)
    found = [f"{left!r} in {item.text[:80]!r} at {item.where}"
             for item in unmarked_texts(window) if (left := words_left(item.text, data))]
    message = window.statusBar().currentMessage()
    if left := words_left(message, data):
        found.append(f"{left!r} in the status bar's message {message!r}")
    for name, model in (("document list", window.documents), ("span list", window.spans)):
        for row in range(model.rowCount()):
            for column in range(model.columnCount() if model is window.documents else 1):
                index = model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = index.data(role)
                    if isinstance(value, str) and (left := words_left(value, data)):
                        found.append(f"{left!r} in the {name}'s row {row}, column {column}")
    events = window.span_pane.events
    for row in range(events.count()):
        item = events.item(row)
        for value in (item.text(), item.toolTip()):
            if left := words_left(value, data):
                found.append(f"{left!r} in the events list's row {row}")
    return found


@pytest.fixture
def pseudo_window(qtbot, sample_corpus: Path, prompts: ScriptedPrompts) -> Iterator[MainWindow]:
    """The window made with the pseudo-translation installed, as a translated window is."""
    with pseudo_translation():
        window = MainWindow(Corpus.open(sample_corpus), "alice", Settings(), prompts)
        qtbot.addWidget(window)
        window.resize(*LAPTOP)
        window.show()
        qtbot.waitExposed(window)
        yield window


def test_the_probe_reads_the_window_through_the_translation(pseudo_window: MainWindow) -> None:
    """The pseudo-translation is at work (texts come back marked), and the data the
    allow-list holds is the window's: a title, the codebook's names."""
    menus = [action.text() for action in pseudo_window.menuBar().actions()]
    assert menus[0] == f"{OPEN}&File{CLOSE}"
    data = corpus_data(pseudo_window.corpus)
    assert pseudo_window.session.document is not None
    assert pseudo_window.session.document.title in data and "Actor" in data
    assert words_left("⟦Spans ({count})⟧ Events", data) == " Events"
    assert words_left("<p>⟦Keys: 1⟧</p>", data) == ""
    assert words_left("characters 4–12", data).strip() == "characters 4–12"


def test_nothing_the_window_shows_as_it_opens_escapes_translation(
        pseudo_window: MainWindow) -> None:
    assert escaped(pseudo_window) == []


def test_nothing_escapes_with_a_span_selected_a_search_listed_and_a_message_said(
        qtbot, pseudo_window: MainWindow) -> None:
    window = pseudo_window
    session = window.session
    assert session.document is not None

    # A span tagged and selected: its card, its attributes' form, its links, Undo's name.
    start = session.document.text.index("Katyusha")
    span = session.tag(start, start + len("Katyusha"), "actor")
    assert span is not None and session.current_span == span
    assert window.span_pane.form.isVisibleTo(window)
    assert window.coding.undo_action.text().startswith(f"{OPEN}&Undo")
    assert escaped(window) == []

    # A search: the list shows snippets under the titles and says how many it found.
    search_corpus(qtbot, window, "rockets")
    assert window.documents.rowCount() >= 1
    snippet = window.documents.index(0, TITLE_COLUMN).data(Qt.ItemDataRole.UserRole + 1)
    assert snippet  # a snippet is shown under the title
    assert window.document_pane.search_status.label.text().startswith(OPEN)
    assert window.documents.index(0, SPANS_COLUMN).data() is not None
    assert escaped(window) == []

    # The session tells the coder something: the status bar says it translated.
    assert session.tag(start, start + len("Katyusha"), "actor") is None  # already tagged
    assert window.statusBar().currentMessage() == f"{OPEN}Already tagged.{CLOSE}"
    for _ in range(window.corpus.document_count()):  # to the first document, and one more
        if not session.go(-1):
            break
    assert window.statusBar().currentMessage() == f"{OPEN}No more documents that way.{CLOSE}"
    assert escaped(window) == []
