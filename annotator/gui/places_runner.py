"""The map's places read off the GUI thread; the newest question wins.

Reading 120,000 places takes over a second (the query, then every span's
coordinates): on the GUI thread each change of the list's search or filters
would freeze the window while the map is in sight. One thread with a connection
of its own answers in turn; a newer question makes older ones moot, and the
query still running is stopped with the connection's interrupt.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from annotator.core.places import PlaceSet
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.errors import CorpusInterrupted
from annotator.storage.pg.address import ServerAddress

Reading = Callable[[Corpus], PlaceSet]


@dataclass(frozen=True)
class _Question:
    ticket: int
    read: Reading


class PlacesRunner(QThread):
    ready = Signal(int, object)  # ticket, PlaceSet
    failed = Signal(int, str)  # ticket, the storage's words

    def __init__(self, corpus_path: Path | ServerAddress) -> None:
        super().__init__()
        self._corpus_path = corpus_path
        self._questions: queue.SimpleQueue[_Question | None] = queue.SimpleQueue()
        self._newest = 0
        self._lock = threading.Lock()  # guards the connection that may be interrupted
        self._corpus: Corpus | None = None

    def ask(self, ticket: int, read: Reading) -> None:
        self._abandon_before(ticket)
        self._questions.put(_Question(ticket, read))
        if not self.isRunning():
            self.start()

    def _abandon_before(self, ticket: int) -> None:
        self._newest = max(self._newest, ticket)
        with self._lock:
            if self._corpus is not None:
                self._corpus.interrupt()

    def stop(self) -> None:
        self._abandon_before(sys.maxsize)
        self._questions.put(None)
        self.wait()

    def run(self) -> None:
        try:
            corpus = Corpus.open(self._corpus_path, create=False)
        except (CorpusError, OSError) as exc:
            self.failed.emit(self._newest, str(exc))
            return
        with self._lock:
            self._corpus = corpus
        try:
            while (question := self._questions.get()) is not None:
                if question.ticket >= self._newest:
                    self._answer(corpus, question)
        finally:
            with self._lock:
                self._corpus = None
            corpus.close()

    def _answer(self, corpus: Corpus, question: _Question) -> None:
        try:
            found = question.read(corpus)
        except CorpusError as exc:
            if question.ticket >= self._newest and not isinstance(exc, CorpusInterrupted):
                self.failed.emit(question.ticket, str(exc))
            return
        if question.ticket >= self._newest:
            self.ready.emit(question.ticket, found)
