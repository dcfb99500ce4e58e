"""Work queues on a team's server: a lead puts documents in the queue (a share of them
to be coded twice, for agreement), and each coder's "next document" takes the next
one no one else is taking.

A coder takes a document by claiming it. The claim locks the document's queue row
with ``FOR UPDATE SKIP LOCKED``: coders asking at the same moment each get a
different document at once, none waits for another, and a document meant for two
coders goes to two different ones. Claims are the record of who has what; a
coder's status for the document says how far they are.

A corpus file has no queue: its "next document" is the first one the coder has not
done (``Corpus.first_undone``), as before.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.storage.corpus import Corpus, now
from annotator.storage.errors import CorpusError, CorpusOffline


@dataclass(frozen=True)
class QueueReport:
    queued: int
    double: int
    already: int

    def lines(self) -> list[str]:
        lines = [f"queued {self.queued} documents, {self.double} of them for two coders"]
        if self.already:
            lines.append(f"{self.already} documents were in the queue already and were left "
                         "as they were")
        return lines


@dataclass(frozen=True)
class CoderProgress:
    coder: str
    claimed: int
    done: int
    in_progress: int
    skipped: int
    spans: dict[str, int]


def has_queue(corpus: Corpus) -> bool:
    """Whether the corpus has a work queue with anything in it (a server's, filled)."""
    if corpus.db.dialect == "sqlite":
        return False
    return corpus.db.fetch_one("SELECT 1 FROM queue LIMIT 1") is not None


def queue_documents(corpus: Corpus, doc_ids: Sequence[int], *, overlap: float = 0.0,
                    coders: Sequence[str] = (), seed: int = 0, queued_by: str = "") -> QueueReport:
    """Put ``doc_ids`` at the end of the queue; a share ``overlap`` (chosen at random with
    ``seed``) is to be coded by two coders. ``coders`` limits who may take them (anyone
    in the team when empty). A document already queued keeps its place."""
    _needs_server(corpus)
    if not 0 <= overlap <= 1:
        raise ValueError("the share coded twice is between 0% and 100%")
    if overlap > 0 and len(coders) == 1:
        raise ValueError("coding a share twice needs at least two coders")
    order = list(dict.fromkeys(doc_ids))
    twice = set(random.Random(seed).sample(order, round(len(order) * overlap)))
    stamp = now()
    with corpus.db.atomic():
        start = corpus.db.fetch_one("SELECT coalesce(max(position), 0) FROM queue")[0]
        known = {row[0] for row in corpus.db.fetch_all("SELECT doc_id FROM queue")}
        rows = [(doc_id, start + i + 1, 2 if doc_id in twice else 1, list(coders) or None,
                 queued_by, stamp) for i, doc_id in enumerate(d for d in order if d not in known)]
        corpus.db.executemany("INSERT INTO queue (doc_id, position, copies, coders, queued_by, "
                              "queued_at) VALUES (?, ?, ?, ?, ?, ?)", rows)
    return QueueReport(len(rows), sum(1 for row in rows if row[2] == 2),
                       len(order) - len(rows))


def next_document(corpus: Corpus, coder: str) -> int | None:
    """The document ``coder`` should code next: one they claimed and have not finished,
    else a new claim from the queue, else (no queue) the first they have not done."""
    if not has_queue(corpus):
        return corpus.first_undone(coder)
    unfinished = corpus.db.fetch_one(
        "SELECT c.doc_id FROM claims c JOIN queue q ON q.doc_id = c.doc_id "
        "WHERE c.coder = ? AND NOT EXISTS (SELECT 1 FROM doc_status s WHERE s.doc_id = "
        "c.doc_id AND s.coder = c.coder AND s.status IN ('done', 'skipped')) "
        "ORDER BY q.position LIMIT 1", [coder])
    if unfinished:
        return int(unfinished[0])
    return claim_next(corpus, coder)


def claim_next(corpus: Corpus, coder: str) -> int | None:
    """Claim the first queued document ``coder`` may take and does not have, that still
    wants a coder; None when the queue has nothing for them.

    Not under the corpus's write lock: the queue row's own lock (skipped by others,
    in the server's ``annotator_claim``) is what keeps two coders off one copy, so
    claiming never waits for anyone.
    """
    _needs_server(corpus)
    try:
        row = _claim(corpus, coder)
    except CorpusOffline:
        # The connection died under the claim: once more on a new one. Had the claim
        # been stored after all, it is the coder's unfinished claim and comes first
        # from ``next_document``: nothing is taken twice or lost.
        row = _claim(corpus, coder)
    if row is None or row[0] is None:
        return None
    return int(row[0])


def _claim(corpus: Corpus, coder: str) -> Any:
    with corpus.db.atomic_unlocked():
        return corpus.db.fetch_one("SELECT annotator_claim(?)", [coder])


def give_back(corpus: Corpus, doc_id: int, coder: str) -> None:
    """Put a claimed document back for someone else (the coder's spans stay theirs)."""
    _needs_server(corpus)
    with corpus.db.atomic_unlocked():
        corpus.db.execute("DELETE FROM claims WHERE doc_id = ? AND coder = ?", [doc_id, coder])


def progress(corpus: Corpus) -> list[CoderProgress]:
    """Per coder: documents claimed (a server's queue; none in a file), done, in progress
    and skipped, and spans per label."""
    claimed = {} if corpus.db.dialect == "sqlite" else dict(
        corpus.db.fetch_all("SELECT coder, count(*) FROM claims GROUP BY coder"))
    statuses: dict[str, dict[str, int]] = {}
    for coder, status, count in corpus.db.fetch_all(
            "SELECT coder, status, count(*) FROM doc_status GROUP BY coder, status"):
        statuses.setdefault(coder, {})[status] = count
    labels: dict[str, dict[str, int]] = {}
    for coder, label, count in corpus.db.fetch_all(
            "SELECT coder, label, count(*) FROM spans WHERE origin != 'suggested' "
            "GROUP BY coder, label"):
        labels.setdefault(coder, {})[label] = count
    coders = sorted(set(claimed) | set(statuses) | set(labels))
    return [CoderProgress(c, claimed.get(c, 0), statuses.get(c, {}).get("done", 0),
                          statuses.get(c, {}).get("in progress", 0),
                          statuses.get(c, {}).get("skipped", 0), dict(sorted(
                              labels.get(c, {}).items()))) for c in coders]


def queue_size(corpus: Corpus) -> tuple[int, int]:
    """(copies still wanted from the queue, copies queued in all)."""
    _needs_server(corpus)
    wanted, total = corpus.db.fetch_one(
        "SELECT coalesce(sum(greatest(q.copies - (SELECT count(*) FROM claims c "
        "WHERE c.doc_id = q.doc_id), 0)), 0), coalesce(sum(q.copies), 0) FROM queue q")
    return int(wanted), int(total)


def _needs_server(corpus: Corpus) -> None:
    if corpus.db.dialect == "sqlite":
        raise CorpusError(f"{corpus.path}: is a corpus file; work queues are for a team's "
                          "server (a file's work is shared with `annotator assign`)")
