"""Counts that describe a corpus, for `annotator stats` and the status bar."""

from __future__ import annotations

from typing import Any

from annotator.core.model import STATUS_RANK, STATUSES
from annotator.storage.corpus import Corpus

_RANK_CASE = "CASE status " + " ".join(
    f"WHEN '{name}' THEN {rank}" for name, rank in STATUS_RANK.items()
) + " END"


def corpus_stats(corpus: Corpus) -> dict[str, Any]:
    """Documents, spans, spans per label and coder, documents per status; relations per
    type, discontinuous spans, knowledge-base links, documents per document label.

    A document's status is that of its furthest coder; ``status_by_coder``
    gives each coder's own counts. Pending suggestions are not spans (whoever made
    them, no coder has coded them yet): they are counted apart, as
    ``pending_suggestions``.
    """
    db = corpus.db
    labels = {label.name: 0 for label in corpus.labels()}
    coders: dict[str, int] = {}
    spans = pending = discontinuous = links = 0
    # The spans are read once, in one pass grouped by label and coder (four reads, one
    # for each figure, took 16 s at a million articles). Every grouping is ordered: a
    # server returns groups in no set order, and the table printed must read the same
    # from a file and from a server.
    for label, coder, suggested, count, pieces, linked in db.execute(
            "SELECT label, coder, CASE WHEN origin = 'suggested' THEN 1 ELSE 0 END AS pending, "
            "count(*), sum(CASE WHEN fragments IS NOT NULL THEN 1 ELSE 0 END), "
            "sum(CASE WHEN links IS NOT NULL AND json_valid(links) "
            "THEN json_array_length(links) ELSE 0 END) "
            "FROM spans GROUP BY label, coder, pending ORDER BY label, coder").fetchall():
        if suggested:
            pending += count
            continue
        labels[label] = labels.get(label, 0) + count
        coders[coder] = coders.get(coder, 0) + count
        spans += count
        discontinuous += pieces or 0
        links += linked or 0
    by_rank = dict(
        db.execute(
            f"""SELECT coalesce((SELECT max({_RANK_CASE}) FROM doc_status
                                 WHERE doc_status.doc_id = documents.id), 0) AS rank,
                       count(*)
                FROM documents GROUP BY rank"""
        ).fetchall()
    )
    status = {name: by_rank.get(STATUS_RANK[name], 0) for name in STATUSES}
    status_by_coder: dict[str, dict[str, int]] = {}
    for who, name, count in db.execute(
        "SELECT coder, status, count(*) FROM doc_status GROUP BY coder, status "
        "ORDER BY coder, status"
    ):
        status_by_coder.setdefault(who, dict.fromkeys(STATUSES, 0))[name] = count
    relations = dict(db.execute(
        "SELECT label, count(*) FROM relations GROUP BY label ORDER BY label").fetchall())
    doc_labels = dict(db.execute(
        "SELECT name, count(DISTINCT doc_id) FROM doc_labels GROUP BY name ORDER BY name"
    ).fetchall())
    return {
        "path": str(corpus.path),
        "documents": corpus.document_count(),
        "spans": spans,
        "pending_suggestions": pending,
        "discontinuous_spans": discontinuous,
        "links": links,
        "relations": relations,
        "document_labels": doc_labels,
        "labels": labels,
        "coders": dict(sorted(coders.items())),
        "status": status,
        "status_by_coder": status_by_coder,
    }
