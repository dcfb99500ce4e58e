"""The SQL of the document list's filters and of full-text search, for each backend.

A file searches its FTS5 table (``documents_fts``); a server, the ``search`` vector
column of documents with the coder's query made a ``tsquery``.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.search import DocumentFilter
from annotator.storage.pg.search import tsquery


def filter_clauses(filters: DocumentFilter, coder: str, doc: str = "d.id",
                   leave_out: str | None = None) -> list[tuple[str, list[Any]]]:
    """SQL conditions for ``filters``; ``doc`` is how the query names a document's id,
    ``d`` its documents row (only the date, flag and language conditions need that row).

    ``+p.label`` and ``+p.coder`` keep SQLite on the spans' document index: left to
    itself it looked a document's spans up by label, reading every span with that
    label in the corpus for each document listed. ``leave_out`` names the filter (a
    field of DocumentFilter) the query holds another way: the one a page is read by
    (``driven_ids``).
    """
    clauses: list[tuple[str, list[Any]]] = []
    if filters.status and leave_out != "status":
        who = filters.coder or coder
        if filters.status == "todo":
            clauses.append((f"NOT EXISTS (SELECT 1 FROM doc_status t WHERE t.doc_id = {doc} AND "
                            "t.coder = ? AND t.status != 'todo')", [who]))
        else:
            clauses.append((f"EXISTS (SELECT 1 FROM doc_status t WHERE t.doc_id = {doc} AND "
                            "t.coder = ? AND t.status = ?)", [who, filters.status]))
    if filters.with_label and leave_out != "with_label":
        clauses.append((f"EXISTS (SELECT 1 FROM spans p WHERE p.doc_id = {doc} AND +p.label = ? "
                        "AND p.origin != 'suggested')", [filters.with_label]))
    if filters.without_label:
        clauses.append((f"NOT EXISTS (SELECT 1 FROM spans p WHERE p.doc_id = {doc} AND "
                        "+p.label = ? AND p.origin != 'suggested')", [filters.without_label]))
    if filters.coder and leave_out != "coder":
        clauses.append((f"EXISTS (SELECT 1 FROM spans p WHERE p.doc_id = {doc} AND +p.coder = ?)",
                        [filters.coder]))
    if filters.date_from:
        clauses.append(("d.date >= ?", [filters.date_from]))
    if filters.date_to:
        clauses.append(("d.date <= ?", [filters.date_to + "\uffff"]))
    if filters.flagged:
        clauses.append(("d.flags NOT IN ('{}', '')", []))
    if filters.doc_label:
        clauses.append(doc_label_clause(filters.doc_label, filters.coder, doc))
    if filters.copies in ("hide", "only"):
        clauses.append((("NOT " if filters.copies == "hide" else "")
                        + f"EXISTS (SELECT 1 FROM near_duplicates n2 WHERE n2.doc_id = {doc})",
                        []))
    if filters.language:
        clauses.append(("EXISTS (SELECT 1 FROM json_each(d.meta) m WHERE m.key = 'language' "
                        "AND m.value = ?)", [filters.language]))
    return clauses


def doc_label_clause(wanted: str, coder: str | None, doc: str) -> tuple[str, list[Any]]:
    """``name`` has any value; ``name=value`` has that value, or that choice among several
    (true and false are written as JSON has them)."""
    name, has_value, value = wanted.partition("=")
    sql = f"EXISTS (SELECT 1 FROM doc_labels l WHERE l.doc_id = {doc} AND l.name = ?"
    params: list[Any] = [name.strip()]
    if coder:
        sql += " AND l.coder = ?"
        params.append(coder)
    if has_value:
        value = value.strip()
        sql += (" AND (l.value = ? OR l.value = ? OR (json_valid(l.value) AND "
                "json_type(l.value) = 'array' AND EXISTS (SELECT 1 FROM json_each(l.value) e "
                "WHERE e.value = ?)))")
        params += [json.dumps(value, ensure_ascii=False), value, value]
    return sql + ")", params


# The filters a page of the list can be read by, tried in this order: each names the
# documents it keeps, in id order, from an index of its own (migration 0011), so a
# page reads about as many index rows as it lists. Read the other way, every document
# in turn with the filter asked of each, a filter that keeps few documents read them
# all: a label no document has took 0.4 s a page at 100,000 documents.
# (field, FROM and WHERE naming the document ``k.doc_id``, whether one document can
# come more than once)
_DRIVERS = (
    ("status", "doc_status k WHERE k.coder = ? AND k.status = ?", False),
    ("with_label", "spans k WHERE k.label = ? AND k.origin != 'suggested'", True),
    ("coder", "spans k WHERE k.coder = ?", True),
)
# Conditions on the documents row itself: a page read by an index joins that row.
_ROW_FILTERS = ("date_from", "date_to", "flagged", "language")


def driven_ids(filters: DocumentFilter, coder: str, after_id: int,
               limit: int) -> tuple[str, list[Any]] | None:
    """A SELECT of the ids (``doc_id``) of one page of the filtered list, in id order
    after ``after_id``, read through the index of one filter (see _DRIVERS); None
    when no filter can lead (a filter that keeps what has no row, such as "to do" or
    "without a label", is asked of each document in turn)."""
    for field, source, repeats in _DRIVERS:
        wanted = getattr(filters, field)
        if not wanted or (field == "status" and wanted == "todo"):
            continue
        params: list[Any] = ([filters.coder or coder, wanted] if field == "status"
                             else [wanted])
        rest = filter_clauses(filters, coder, doc="k.doc_id", leave_out=field)
        needs_row = any(getattr(filters, name) for name in _ROW_FILTERS)
        table, where = source.split(" WHERE ", 1)
        join = " JOIN documents d ON d.id = k.doc_id" if needs_row else ""
        sql = (f"SELECT {'DISTINCT ' if repeats else ''}k.doc_id FROM {table}{join} "
               f"WHERE {where} AND k.doc_id > ?"
               + "".join(f" AND {clause}" for clause, _ in rest)
               + " ORDER BY k.doc_id LIMIT ?")
        return sql, [*params, after_id, *(v for _, values in rest for v in values), limit]
    return None


def page_ids(filters: DocumentFilter, coder: str, after_id: int,
             limit: int, last_id: int | None = None) -> tuple[str, list[Any]]:
    """A SELECT of the ids (``doc_id``) of one page of the list, in id order after
    ``after_id``: through a filter's index (``driven_ids``), else every document in
    turn from the ids' own index (documents_order), so that a filter passing few
    documents ("without a label" every document has) reads no texts on its way."""
    driven = driven_ids(filters, coder, after_id, limit)
    if driven is not None:
        return driven
    clauses = filter_clauses(filters, coder)
    if last_id is not None:  # within a range of ids (storage/label_blocks.py)
        clauses.insert(0, ("d.id <= ?", [last_id]))
    return ("SELECT d.id AS doc_id FROM documents d WHERE d.id > ?"
            + "".join(f" AND {clause}" for clause, _ in clauses) + " ORDER BY d.id LIMIT ?",
            [after_id, *(value for _, values in clauses for value in values), limit])


def file_matching(search: str, filters: DocumentFilter, coder: str) -> tuple[str, list[Any]]:
    """FROM and WHERE for the documents ``search`` finds that pass ``filters``.

    Documents rows are joined only for the date and flag conditions: reading the
    row of every match (texts and all) tripled the time of a filtered search.
    """
    clauses = filter_clauses(filters, coder, doc="documents_fts.rowid")
    needs_row = bool(filters.date_from or filters.date_to or filters.flagged or filters.language)
    join = " JOIN documents d ON d.id = documents_fts.rowid" if needs_row else ""
    sql = (f"FROM documents_fts{join} WHERE documents_fts MATCH ?"
           + "".join(f" AND {clause}" for clause, _ in clauses))
    return sql, [search, *(value for _, values in clauses for value in values)]


def server_matching(search: str, filters: DocumentFilter,
                    coder: str) -> tuple[str, list[Any]]:
    """As ``file_matching``, on a server: the search vector is a column of documents."""
    clauses = filter_clauses(filters, coder)
    sql = ("FROM documents d WHERE d.search @@ to_tsquery('annotator_search', ?)"
           + "".join(f" AND {clause}" for clause, _ in clauses))
    return sql, [tsquery(search), *(value for _, values in clauses for value in values)]
