"""The corpus list: a table model that pages documents from SQL on demand.

Only the rows scrolled into view are ever read, and never the texts, so the
list opens as fast on a million documents as on ten. The plain list (no search,
no filter) has as many rows as the corpus has documents from the start: a row is
read, with the page of rows around it, when the view first shows it, and only the
pages seen last are kept, so dragging the scroll bar to the end reads the last page
alone and the memory stays the same at any size. A search or a filter can take
from milliseconds to seconds on a large corpus, so those pages are asked of a
``SearchRunner``, arrive while the window stays live, and are added at the end as
the view asks for more.
"""

from __future__ import annotations

import dataclasses
import re
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from annotator.core.model import DocumentRow, Span
from annotator.core.search import DocumentFilter, fts_query
from annotator.gui.document_delegate import SNIPPET_ROLE, match_pattern, snippet_pieces
from annotator.gui.notices import plain_tooltip
from annotator.gui.search_runner import SearchRequest, SearchRunner
from annotator.gui.style import STATUS_MARKS
from annotator.gui.wording import status_word
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.span_changes import span_changes

PAGE_SIZE = 200
# Pages of the plain list kept at hand (the view's and the current document's), the
# least recently shown dropped first: 10,000 rows, whatever the corpus's size.
PAGES_KEPT = 50
# Headers, shown in the coder's language (the status column has a mark, no words).
COLUMNS = ("", QT_TRANSLATE_NOOP("DocumentListModel", "Title"),
           QT_TRANSLATE_NOOP("DocumentListModel", "Date"),
           QT_TRANSLATE_NOOP("DocumentListModel", "Spans"))
STATUS_COLUMN, TITLE_COLUMN, DATE_COLUMN, SPANS_COLUMN = range(4)

Index = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    searchFailed = Signal(str)
    searchState = Signal(str, bool)  # what to show by the search box; whether still searching
    # Rows of the plain list read for the view (first, last): told once the view has
    # painted, as rowsInserted is told of a search's rows.
    rowsRead = Signal(int, int)

    def __init__(self, corpus: Corpus, coder: str) -> None:
        super().__init__()
        self._corpus = corpus
        self._coder = coder
        self._rows: list[DocumentRow] = []
        self._row_of: dict[int, int] = {}
        self._exhausted = False
        self._search = ""
        self._pattern: re.Pattern[str] | None = None  # the words a snippet marks
        self._filters = DocumentFilter()
        self._runner: SearchRunner | None = None
        self._closed = False  # the window closed: the view may still ask for rows
        self._ticket = 0  # bumped whenever what is listed changes; older answers are dropped
        self._waiting = False  # a search page has been asked for and not yet come
        self._found = ""  # how many the search found, once counted
        self._counted = False
        self._refining = False  # the first page listed is of the last word as typed
        # The plain list: its length, and the pages read of it (page number: rows).
        self._total = 0
        self._pages: OrderedDict[int, list[DocumentRow]] = OrderedDict()

    # -- Qt's model interface --------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._rows) if self._in_background else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(COLUMNS[section]) if COLUMNS[section] else ""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            title = row.title or self.tr("(untitled)")
            if row.similarity is not None:  # a near-duplicate: how alike, before its title
                title = self.tr("≈{similarity:.0%} {title}").format(
                    similarity=row.similarity, title=title)
            return (STATUS_MARKS.get(row.status, "?"), title,
                    row.date or "", str(row.span_count))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tr("{title}\n{status} · {count} spans · {uid}").format(
                title=row.title, status=status_word(row.status), count=row.span_count,
                uid=row.uid)
            if row.similarity is not None:
                tip += "\n" + self.tr("Near-duplicate, {similarity:.0%} alike with the first "
                                      "copy: {first}").format(similarity=row.similarity,
                                                              first=row.copy_of or "")
            # An imported title such as "<b>…</b>" is text, not markup.
            return plain_tooltip(tip + (f"\n\n{row.snippet}" if row.snippet else ""))
        if role == SNIPPET_ROLE and column == TITLE_COLUMN:
            return snippet_pieces(row.snippet, self._pattern) if row.snippet else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (STATUS_COLUMN, SPANS_COLUMN):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (not parent.isValid() and self._in_background and not self._exhausted
                and not self._closed)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._ask_for_page()

    # -- the plain list, read by position --------------------------------------

    def _row(self, row: int) -> DocumentRow | None:
        if self._in_background:
            return self._rows[row] if 0 <= row < len(self._rows) else None
        if not 0 <= row < self._total:
            return None
        number, at = divmod(row, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
        else:
            self._pages.move_to_end(number)
        return page[at] if at < len(page) else None

    def _read_page(self, number: int) -> list[DocumentRow]:
        """Page ``number`` of the plain list, read now: one indexed read of 200 rows (the
        view asks for the rows it paints, so this is on the GUI thread)."""
        before = self._pages.get(number - 1)
        try:
            if before is not None and len(before) == PAGE_SIZE:  # scrolled on: after its last
                page = self._corpus.page(self._coder, after_id=before[-1].id, limit=PAGE_SIZE)
            else:
                page = self._corpus.page_at(self._coder, number * PAGE_SIZE, PAGE_SIZE,
                                            self._total)
        except CorpusError as exc:  # damaged, busy: say so, and show the rows as empty
            self.searchFailed.emit(self.tr("Listing failed: {error}").format(error=exc))
            page = []
        self._pages[number] = page
        if page:
            first = number * PAGE_SIZE
            QTimer.singleShot(0, lambda: self.rowsRead.emit(first, first + len(page) - 1))
        for offset, found in enumerate(page):
            self._row_of[found.id] = number * PAGE_SIZE + offset
        while len(self._pages) > PAGES_KEPT:
            _number, dropped = self._pages.popitem(last=False)
            for found in dropped:
                self._row_of.pop(found.id, None)
        return page

    def _count(self) -> int:
        try:
            return self._corpus.document_count()
        except CorpusError as exc:
            self.searchFailed.emit(self.tr("Listing failed: {error}").format(error=exc))
            return 0

    def _append(self, page: list[DocumentRow]) -> None:
        if len(page) < PAGE_SIZE:
            self._exhausted = True
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, row in enumerate(page):
            self._row_of[row.id] = first + offset
        self._rows.extend(page)
        self.endInsertRows()

    # -- searching in the background -----------------------------------------

    def _ask_for_page(self) -> None:
        if self._waiting:
            return
        if self._runner is None:
            self._runner = SearchRunner(self._corpus.path)
            self._runner.pageReady.connect(self._on_page)
            self._runner.refined.connect(self._on_refined)
            self._runner.counted.connect(self._on_counted)
            self._runner.failed.connect(self._on_failed)
        self._waiting = True
        self.searchState.emit(self.tr("Searching…"), True)
        self._runner.ask(SearchRequest(
            self._ticket, self._coder, fts_query(self._search), self._filters,
            offset=len(self._rows), limit=PAGE_SIZE, count=bool(self._search) and not self._rows,
            after_id=self._rows[-1].id if self._rows and not self._search else 0))

    def _on_page(self, ticket: int, offset: int, page: list[DocumentRow],
                 final: bool = True) -> None:
        if ticket != self._ticket or offset != len(self._rows):
            return
        self._waiting = False
        self._refining = not final
        self._append(page)
        if not self._counted:  # until a count comes, say what is known
            self._found = found_text(len(self._rows), more=not self._exhausted)
        self.searchState.emit(self._found, False)

    def _on_refined(self, ticket: int, page: list[DocumentRow]) -> None:
        """The first page of the whole search, in place of the one listed for the last
        word as typed (see search_runner.exact_first)."""
        if ticket != self._ticket or not self._refining:
            return
        self._refining = False
        self.beginResetModel()
        self._rows, self._row_of, self._exhausted = [], {}, False
        self.endResetModel()
        self._append(page)
        if not self._counted:
            self._found = found_text(len(self._rows), more=not self._exhausted)
        self.searchState.emit(self._found, self._waiting)

    @property
    def refining(self) -> bool:
        """The first page listed is of the last word as typed; the whole search's comes."""
        return self._refining

    def _on_counted(self, ticket: int, matches: int) -> None:
        if ticket == self._ticket:
            self._found, self._counted = found_text(matches), True
            self.searchState.emit(self._found, self._waiting)

    def _on_failed(self, ticket: int, message: str) -> None:
        if ticket != self._ticket:
            return
        self._waiting, self._exhausted = False, True
        self.searchState.emit(self.tr("Search failed"), False)
        self.searchFailed.emit(message)

    @property
    def _in_background(self) -> bool:
        """Searches and filtered lists are read by the runner; the plain list at once."""
        return bool(self._search) or self._filters != DocumentFilter()

    @property
    def searching(self) -> bool:
        return self._waiting

    def stop_search(self) -> None:
        """Give up on the search under way; what it has found so far stays listed."""
        if not self._waiting:
            return
        self._abandon()
        self._exhausted = True
        self.searchState.emit(self.tr("Search stopped"), False)

    def _abandon(self) -> None:
        self._ticket += 1
        self._waiting = self._refining = False
        if self._runner is not None:
            self._runner.abandon_before(self._ticket)

    def close(self) -> None:
        """Ends the search thread; the window calls this as it closes. A view painted
        after that still asks for rows: no thread is started again for them."""
        self._closed = True
        self._stop_runner()

    def _stop_runner(self) -> None:
        self._abandon()
        if self._runner is not None:
            self._runner.stop()
            self._runner = None

    # -- what the window asks ----------------------------------------------

    def reset(self, corpus: Corpus | None = None, coder: str | None = None,
              search: str | None = None, filters: DocumentFilter | None = None) -> None:
        self._abandon()
        if corpus is not None and corpus is not self._corpus:
            self._stop_runner()  # its thread reads the old file
            self._corpus = corpus
        self.beginResetModel()
        self._coder = coder or self._coder
        if search is not None:
            self._search = search
            self._pattern = match_pattern(fts_query(search))
        if filters is not None:
            self._filters = filters
        self._rows, self._row_of, self._exhausted = [], {}, False
        self._found, self._counted = "", False
        self._pages.clear()
        self._total = 0 if self._in_background or self._closed else self._count()
        self.endResetModel()
        if not self._in_background:
            self.searchState.emit("", False)
        self.fetchMore()

    def doc_id(self, row: int) -> int | None:
        found = self._row(row)
        return found.id if found is not None else None

    def row_for(self, doc_id: int) -> int | None:
        """The row of ``doc_id``: in the plain list, counted and its page read; in a
        search or filtered list (which arrive in the background), among the rows come."""
        if doc_id in self._row_of or self._in_background:
            return self._row_of.get(doc_id)
        try:
            row = self._corpus.position_of(doc_id, self._total)
        except CorpusError:
            return None
        found = self._row(row)
        return row if found is not None and found.id == doc_id else None

    @property
    def search(self) -> str:
        return self._search

    @property
    def filters(self) -> DocumentFilter:
        return self._filters

    def refresh(self, doc_id: int, edit: object = None) -> None:
        """Re-read one document's status and span count after ``edit``. Counting a
        report's 100,000 spans again takes longer than the edit itself, so an edit whose
        span changes are known moves the count by as many as it added or removed."""
        row = self._row_of.get(doc_id)
        shown = self._row(row) if row is not None else None
        if row is None or shown is None:
            return
        changes = span_changes(edit) if edit is not None else None
        if changes is None:
            fresh = self._corpus.row(doc_id, self._coder)
            status, count = fresh.status, fresh.span_count
        else:
            status = self._corpus.status(doc_id, self._coder)
            count = shown.span_count + sum(
                _in(change.after, doc_id) - _in(change.before, doc_id) for change in changes)
        self._put(row, dataclasses.replace(shown, status=status, span_count=count))
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _put(self, row: int, value: DocumentRow) -> None:
        if self._in_background:
            self._rows[row] = value
        else:
            number, at = divmod(row, PAGE_SIZE)
            self._pages[number][at] = value


def _in(span: Span | None, doc_id: int) -> int:
    """1 if ``span`` is counted among document ``doc_id``'s spans (a batch may reach
    several documents). A pending suggestion is not a span until a coder accepts it:
    making or rejecting one leaves the count as it is, accepting one adds one."""
    return int(span is not None and span.doc_id == doc_id and span.origin != "suggested")


def found_text(count: int, *, more: bool = False) -> str:
    """How many a search found ("1,234+ documents found" while more may come)."""
    if not count:
        return QCoreApplication.translate("DocumentList", "No documents found")
    # English's two forms, each a sentence of its own (Qt's plural form would make the
    # English read "document(s)"); the count is written with the language's separator.
    shown = f"{QLocale().toString(count)}{'+' if more else ''}"
    if count == 1:
        return QCoreApplication.translate("DocumentList", "{count} document found").format(
            count=shown)
    return QCoreApplication.translate("DocumentList", "{count} documents found").format(
        count=shown)
