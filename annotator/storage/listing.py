"""The document list read by position, and a file's ranked search.

A list of a million documents is scrolled to any place at once: a position is turned
into a document id (counted when the ids follow on from each other, as imports make
them, else read through an index of ids alone), and only the page shown is read.

A file's ranked search is bounded as a server's is (``pg.search.RANKED_AT_MOST``):
bm25 over every match of a word found in every document took 0.1 s a page at
100,000 documents and grows with the matches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.model import DocumentRow
from annotator.core.search import DocumentFilter
from annotator.storage.pg import search as server_search
from annotator.storage.search_sql import file_matching

if TYPE_CHECKING:
    from annotator.storage.connection import CorpusDatabase
    from annotator.storage.pg.database import PgDatabase

# bm25 weight of a match in the headline against one in the body.
TITLE_WEIGHT = 2.0


class ListStore:
    """Mixed into ``Corpus``: the list's rows by position."""

    db: CorpusDatabase | PgDatabase

    def page(self, coder: str, *, after_id: int = 0, limit: int = 200,
             search: str | None = None, filters: DocumentFilter | None = None,
             offset: int = 0) -> list[DocumentRow]: ...

    def _scalar(self, sql: str, params: Any = ()) -> Any: ...

    def page_at(self, coder: str, position: int, limit: int, total: int) -> list[DocumentRow]:
        """The documents from ``position`` (0 the first, in id order) on, of ``total``
        documents: what a list shows where its scroll bar was dragged to."""
        first = self.id_at(position, total)
        return [] if first is None else self.page(coder, after_id=first - 1, limit=limit)

    def _id_range(self) -> tuple[int | None, int | None]:
        # Two subqueries: min and max in one SELECT would read every id.
        row = self.db.fetch_one("SELECT (SELECT min(id) FROM documents), "
                                "(SELECT max(id) FROM documents)")
        return (row[0], row[1]) if row else (None, None)

    def id_at(self, position: int, total: int) -> int | None:
        """The id of the document at ``position`` of ``total`` in id order.

        Counted when the ids follow on from each other; else read from the nearer end
        through an index of ids alone (documents_order), never by walking the table,
        whose rows (texts and all) would each be read.
        """
        if not 0 <= position < total:
            return None
        low, high = self._id_range()
        if low is None or high is None:
            return None
        if high - low + 1 == total:
            return low + position
        backwards = position >= total // 2
        return self._scalar(f"SELECT id FROM documents ORDER BY id{' DESC' if backwards else ''} "
                            "LIMIT 1 OFFSET ?",
                            [total - 1 - position if backwards else position])

    def position_of(self, doc_id: int, total: int) -> int:
        """Where ``doc_id`` stands in id order among ``total`` documents (see ``id_at``)."""
        low, high = self._id_range()
        if low is not None and high is not None and high - low + 1 == total:
            return doc_id - low
        return int(self._scalar("SELECT count(*) FROM documents WHERE id < ?", [doc_id]))


def file_ranked_ids(db: CorpusDatabase | PgDatabase, search: str, filters: DocumentFilter,
                    coder: str, limit: int, offset: int) -> list[int]:
    """One page of a file's search, best first: a search with more matches than
    RANKED_AT_MOST ranks the newest that many (bm25, a headline match counting twice);
    the other matches follow, newest first. With fewer matches every one is ranked.
    Ties come in id order, as they did when every match was ranked.

    FTS5 walks the matches newest first and stops at the bound, and bm25 is worked out
    for those alone (``ORDER BY bm25`` over every match worked it out for each). A
    server also ranks the newest headline matches; a file cannot: FTS5 ranks a given
    document only by walking the matches up to it (1 ms a document at 100,000).
    """
    bound = server_search.RANKED_AT_MOST
    matching, params = file_matching(search, filters, coder)
    found = (f"WITH found AS MATERIALIZED (SELECT documents_fts.rowid AS id, "
             f"bm25(documents_fts, {TITLE_WEIGHT}, 1.0) AS r {matching} "
             f"ORDER BY documents_fts.rowid DESC LIMIT {bound})")
    rows = db.fetch_all(f"{found} SELECT id, (SELECT count(*) FROM found) FROM found "
                        "ORDER BY r, id LIMIT ? OFFSET ?", [*params, limit, offset])
    page = [int(row[0]) for row in rows]
    ranked = int(rows[0][1]) if rows else int(db.fetch_one(
        f"{found} SELECT count(*) FROM found", params)[0])
    if len(page) == limit or ranked < bound:
        return page  # the whole page is ranked, or every match was
    # Past the ranked set: the older matches, newest first.
    oldest_ranked = db.fetch_one(f"{found} SELECT min(id) FROM found", params)[0]
    rest = db.fetch_all(
        f"SELECT documents_fts.rowid {matching} AND documents_fts.rowid < ? "
        "ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?",
        [*params, oldest_ranked, limit - len(page), max(0, offset - ranked)])
    return page + [int(row[0]) for row in rest]
