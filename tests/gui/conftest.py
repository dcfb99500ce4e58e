from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from annotator.workspace import create_corpus
from tests.gui.appearance_state import kept_appearance


class ScriptedPrompts(Prompts):
    """Answers the window's questions from a script and records what it said."""

    def __init__(self) -> None:
        super().__init__(None)
        self.coder: str | None = "alice"
        self.paths: list[Path | None] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str, str]] = []
        self.results: list[tuple[str, str]] = []
        self.asked_coder = 0
        self.exports: list = []
        self.export_offered: tuple[list[str], list[str]] | None = None
        self.events_offered: list = []
        self.date_sources: list[str] = []
        self.event_answer = None
        self.details_answer = None
        self.schema_answer = None
        self.sheets: list[str] = []
        self.text_answer: str | None = None
        self.reports: list[tuple[str, str]] = []
        self.report_titles: list[str] = []
        self.adjudications: list = []
        self.shortcut_answer = None
        self.shortcut_actions: list[str] = []
        self.codebooks: list[str] = []
        self.codebook_answer = None
        self.choices_offered: list[list[str]] = []
        self.choice: str | None = None
        self.codebook_choice: str | None = ""  # annotator's own

    def ask_coder(self, suggestion: str) -> str | None:
        self.asked_coder += 1
        return self.coder

    def _next_path(self) -> Path | None:
        return self.paths.pop(0) if self.paths else None

    def new_corpus_path(self) -> Path | None:
        return self._next_path()

    def new_corpus_codebook(self) -> str | None:
        return self.codebook_choice

    def open_corpus_path(self) -> Path | None:
        return self._next_path()

    def export_choice(self, corpus_path: Path, labels: list[str], coders: list[str],
                      folder: str = ""):
        self.export_offered = (labels, coders)
        self.export_folder_offered = folder
        return self.exports.pop(0) if self.exports else None

    def import_folder(self) -> Path | None:
        return self._next_path()

    def edit_event(self, event, spans, schema, *, date_source: str = "", incidents=()):
        self.events_offered.append(event)
        self.incidents_offered = list(incidents)
        self.date_sources.append(date_source)
        return self.event_answer(event) if self.event_answer else None

    def show_report(self, html: str, full_html: str, corpus_path: Path, *, title: str = "",
                    file_name: str = "agreement.html") -> None:
        self.reports.append((html, full_html))
        self.report_titles.append(title)

    def adjudicate(self, spans, coders, take) -> None:
        self.adjudications.append((spans, coders, take))

    def merge_paths(self):
        return self.paths

    def ask_text(self, title: str, question: str, current: str):
        return self.text_answer

    def show_shortcuts(self, html: str) -> None:
        self.sheets.append(html)

    def edit_shortcuts(self, actions):
        self.shortcut_actions = [a.text() for a in actions]
        return self.shortcut_answer

    def edit_codebook(self, markdown: str):
        self.codebooks.append(markdown)
        return self.codebook_answer

    def edit_schema(self, schema):
        return self.schema_answer

    def edit_details(self, details):
        return self.details_answer(details) if self.details_answer else None

    def choose(self, title: str, question: str, options: list[str],
               current: str | None = None) -> str | None:
        self.choices_offered.append(options)
        self.choice_current = current
        return self.choice

    def import_paths(self) -> list[Path]:
        path = self._next_path()
        return [path] if path else []

    def error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def info(self, title: str, message: str, details: str = "") -> None:
        self.infos.append((title, message, details))

    def show_result(self, title: str, message: str) -> None:
        self.results.append((title, message))


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def sample_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "samples.sqlite"
    corpus, _ = create_corpus(path, sample=True)
    corpus.close()
    return path


LAPTOP = (1280, 720)


def open_window(qtbot, path: Path | str, prompts: ScriptedPrompts,
                coder: str = "alice") -> MainWindow:
    """A window on the corpus at ``path``, at a laptop's size, shown and active."""
    main = MainWindow(Corpus.open(path), coder, Settings(), prompts)
    qtbot.addWidget(main)
    main.resize(*LAPTOP)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    return main


@pytest.fixture(autouse=True)
def _appearance_left_as_found(qapp) -> Iterator[None]:
    """A window dresses the whole application in its theme: each test leaves the
    application's palette, sheet, style and font as it found them."""
    with kept_appearance(qapp):
        yield


@pytest.fixture
def window(qtbot, sample_corpus: Path, prompts: ScriptedPrompts) -> Iterator[MainWindow]:
    main = MainWindow(Corpus.open(sample_corpus), "alice", Settings(), prompts)
    qtbot.addWidget(main)
    main.resize(*LAPTOP)  # the screen the window is made for (the test screen is 800x800)
    main.show()
    qtbot.waitExposed(main)
    # Shortcuts go to the active window: make sure it is this one, not a closed one.
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main
