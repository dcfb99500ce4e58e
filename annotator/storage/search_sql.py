"""The SQL of the document list's filters and of full-text search, for each backend.

A file searches its FTS5 table (``documents_fts``); a server, the ``search`` vector
column of documents with the coder's query made a ``tsquery``.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.search import DocumentFilter
from annotator.storage.pg.search import tsquery


def filter_clauses(filters: DocumentFilter, coder: str,
                   doc: str = "d.id") -> list[tuple[str, list[Any]]]:
    """SQL conditions for ``filters``; ``doc`` is how the query names a document's id,
    ``d`` its documents row (only the date, flag and language conditions need that row).

    ``+p.label`` and ``+p.coder`` keep SQLite on the spans' document index: left to
    itself it looked a document's spans up by label, reading every span with that
    label in the corpus for each document listed.
    """
    clauses: list[tuple[str, list[Any]]] = []
    if filters.status:
        who = filters.coder or coder
        if filters.status == "todo":
            clauses.append((f"NOT EXISTS (SELECT 1 FROM doc_status t WHERE t.doc_id = {doc} AND "
                            "t.coder = ? AND t.status != 'todo')", [who]))
        else:
            clauses.append((f"EXISTS (SELECT 1 FROM doc_status t WHERE t.doc_id = {doc} AND "
                            "t.coder = ? AND t.status = ?)", [who, filters.status]))
    if filters.with_label:
        clauses.append((f"EXISTS (SELECT 1 FROM spans p WHERE p.doc_id = {doc} AND +p.label = ? "
                        "AND p.origin != 'suggested')", [filters.with_label]))
    if filters.without_label:
        clauses.append((f"NOT EXISTS (SELECT 1 FROM spans p WHERE p.doc_id = {doc} AND "
                        "+p.label = ? AND p.origin != 'suggested')", [filters.without_label]))
    if filters.coder:
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
