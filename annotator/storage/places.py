"""The corpus's coded places for the map: one query on either backend.

Location spans that carry coordinates, with their document's title and the events
they are members of, for the documents the list shows (its search and filters) or
for one event. Every span comes in one query, however many documents: the map of
120,000 places costs one read, not a read per document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.core.places import MAX_PLACES, PlaceSet, places_from_rows
from annotator.core.search import DocumentFilter
from annotator.storage.search_sql import file_matching, filter_clauses, server_matching

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus

# A span with coordinates names them in its attributes. Both words are looked for, so a
# span with only one of them is read, and counted as unreadable, rather than missed.
_HAS_COORDINATES = "(loc.attrs LIKE ? OR loc.attrs LIKE ?)"
_COORDINATE_WORDS = ['%"latitude"%', '%"longitude"%']


def corpus_places(corpus: Corpus, coder: str, *, spans_of: str | None = None,
                  search: str = "", filters: DocumentFilter | None = None,
                  limit: int = MAX_PLACES) -> PlaceSet:
    """Places in the documents that ``search`` (an FTS5 query, as the list sends it)
    and ``filters`` let through, as ``coder``'s list shows them (a status is theirs);
    the spans of ``spans_of`` only (None: everyone's), or of the coder the filters
    name. Suggestions are not places until accepted."""
    filters = filters or DocumentFilter()
    where = ["loc.origin != 'suggested'", _HAS_COORDINATES]
    params: list[Any] = list(_COORDINATE_WORDS)
    spans_of = filters.coder or spans_of
    if spans_of:
        where.append("loc.coder = ?")
        params.append(spans_of)
    for clause, values in filter_clauses(filters, coder, doc="loc.doc_id"):
        where.append(clause)
        params.extend(values)
    if search:
        if corpus.db.dialect == "sqlite":
            matching, found = file_matching(search, DocumentFilter(), "")
            where.append(f"loc.doc_id IN (SELECT documents_fts.rowid {matching})")
        else:
            matching, found = server_matching(search, DocumentFilter(), "")
            if not found[0]:  # nothing searchable was typed: the list shows nothing
                return PlaceSet((), 0)
            where.append(f"loc.doc_id IN (SELECT d.id {matching})")
        params.extend(found)
    return _places(corpus, " AND ".join(where), params, limit)


def event_places(corpus: Corpus, event_uid: str, limit: int = MAX_PLACES) -> PlaceSet:
    """The places of one event (its members with coordinates, whoever coded them)."""
    where = (f"{_HAS_COORDINATES} AND loc.uid IN (SELECT em.span_uid FROM event_members em "
             "JOIN events ev ON ev.id = em.event_id WHERE ev.uid = ?)")
    return _places(corpus, where, [*_COORDINATE_WORDS, event_uid], limit)


def _places(corpus: Corpus, where: str, params: list[Any], limit: int) -> PlaceSet:
    # One row per span and event it is in (a span in no event: one row, NULL event),
    # in reading order, a span's events in the order they were made. The spans are
    # ``loc``: the list's filters (search_sql) name their own spans ``p`` inside,
    # which must not shadow these.
    rows = corpus.db.fetch_all(
        f"""SELECT loc.uid, loc.doc_id, d.title, loc.text, loc.attrs, loc.coder, le.uid,
                   le.type
            FROM spans loc JOIN documents d ON d.id = loc.doc_id
            LEFT JOIN event_members lm ON lm.span_uid = loc.uid
            LEFT JOIN events le ON le.id = lm.event_id
            WHERE {where}
            ORDER BY loc.doc_id, loc.start, loc.id, le.id""", params)
    return places_from_rows(rows, limit)
