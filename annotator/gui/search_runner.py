"""Corpus search (and filtered lists) off the GUI thread; the newest question wins.

Ranking a common word over 100,000 documents takes tens of milliseconds, a
filtered or prefix search several times that, and the list searches as the
coder types: run on the GUI thread, every keystroke would freeze the window.
Here one thread with a connection of its own answers page requests in turn;
a newer request makes older ones moot, and the query still running is stopped
with SQLite's interrupt rather than waited for. A search's last word may still
be being typed, so it is searched as a prefix; when the word as typed fills a
page, that page is listed first, then again, in place, for every word it begins.
"""

from __future__ import annotations

import queue
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, Signal

from annotator.core.search import DocumentFilter
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.errors import CorpusInterrupted, QueryNotUnderstood

# Words as the search box makes them of what is typed, the last one a prefix
# (core.search.fts_query): '"rocket" "attack"*'.
_TYPED = re.compile(r'(?:"(?:[^"]|"")*" )*"(?:[^"]|"")*"\*')


def exact_first(query: str) -> str | None:
    """The typed words with the last one whole, when it is a prefix: its first page is
    listed from this, then from the search itself. A prefix's matches are merged
    from every word it begins, twice over for the ranking (0.13-0.23 s for a word in
    each of a million documents, against 0.05 s for the word alone)."""
    query = query.strip()
    return query[:-1] if _TYPED.fullmatch(query) else None


@dataclass(frozen=True)
class SearchRequest:
    ticket: int  # requests with older tickets than the newest are abandoned
    coder: str
    query: str  # FTS5 syntax; empty for a filtered list in document order
    filters: DocumentFilter
    offset: int  # rows already listed (a search's page)
    limit: int
    count: bool = False  # also count every match (asked with a search's first page)
    after_id: int = 0  # the last document listed (a filtered list's page)


class SearchRunner(QThread):
    # ticket, offset, list[DocumentRow], final: False for a first page of the last word
    # as typed, which ``refined`` follows with the whole search's (see exact_first)
    pageReady = Signal(int, int, object, bool)
    refined = Signal(int, object)  # ticket, the first page again, of the whole search
    counted = Signal(int, int)  # ticket, how many documents match
    failed = Signal(int, str)  # ticket, what to tell the coder

    def __init__(self, corpus_path: Path) -> None:
        super().__init__()
        self._corpus_path = corpus_path
        self._requests: queue.SimpleQueue[SearchRequest | None] = queue.SimpleQueue()
        self._newest = 0
        self._lock = threading.Lock()  # guards the connection that may be interrupted
        self._corpus: Corpus | None = None

    def ask(self, request: SearchRequest) -> None:
        # Interrupt first, then queue: an interrupt can only hit work already under way.
        self.abandon_before(request.ticket)
        self._requests.put(request)
        if not self.isRunning():
            self.start()

    def abandon_before(self, ticket: int) -> None:
        """Requests older than ``ticket`` get no answer; the one running stops now."""
        self._newest = max(self._newest, ticket)
        with self._lock:
            if self._corpus is not None:
                self._corpus.interrupt()

    def stop(self) -> None:
        self.abandon_before(sys.maxsize)
        self._requests.put(None)
        self.wait()

    def run(self) -> None:
        try:
            corpus = Corpus.open(self._corpus_path, create=False)
        except (CorpusError, OSError) as exc:
            # Translated here, on the runner's thread: Qt's translation is thread-safe.
            self.failed.emit(self._newest, self.tr("Search could not read the corpus: {error}")
                             .format(error=exc))
            return
        with self._lock:
            self._corpus = corpus
        try:
            while (request := self._requests.get()) is not None:
                if request.ticket >= self._newest:
                    self._answer(corpus, request)
        finally:
            with self._lock:
                self._corpus = None
            corpus.close()

    def _answer(self, corpus: Corpus, request: SearchRequest) -> None:
        try:
            quick = exact_first(request.query) if request.offset == 0 else None
            rows = corpus.page(request.coder, search=quick or request.query or None,
                               filters=request.filters, limit=request.limit,
                               offset=request.offset, after_id=request.after_id)
            # A page of the word as typed is shown while the whole search's is read only
            # when full: fewer matches (a word half typed) are quick to search whole,
            # and "nothing found" must not flash up meanwhile.
            provisional = quick is not None and len(rows) == request.limit
            if quick is not None and not provisional:
                rows = corpus.page(request.coder, search=request.query,
                                   filters=request.filters, limit=request.limit)
            if request.ticket < self._newest:
                return
            self.pageReady.emit(request.ticket, request.offset, rows, not provisional)
            if provisional:
                rows = corpus.page(request.coder, search=request.query,
                                   filters=request.filters, limit=request.limit)
                if request.ticket < self._newest:
                    return
                self.refined.emit(request.ticket, rows)
            if request.count:
                self.counted.emit(request.ticket, corpus.match_count(
                    request.query, request.coder, request.filters))
        except CorpusError as exc:
            if request.ticket < self._newest or isinstance(exc, CorpusInterrupted):
                return  # abandoned on purpose
            self.failed.emit(request.ticket, failure_message(exc))


def failure_message(exc: CorpusError) -> str:
    """What the coder is told; the storage's error (English) is quoted in it."""
    if isinstance(exc, QueryNotUnderstood):
        return QCoreApplication.translate(
            "SearchRunner", "Search not understood ({error}). Plain words always work; "
            "use quotes in pairs, and AND, OR, NOT between words.").format(error=exc)
    return QCoreApplication.translate("SearchRunner", "Search failed: {error}").format(error=exc)
