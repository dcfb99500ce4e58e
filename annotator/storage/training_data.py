"""The coded documents a model trains on: what the chosen coders (or the gold) marked
done, with their own spans, never pending suggestions."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from annotator.core.adjudication import GOLD
from annotator.core.language import language_of
from annotator.core.training import CodedText
from annotator.storage.bulk import iter_documents

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus


def coded_texts(corpus: Corpus, coders: Sequence[str] = ()) -> list[CodedText]:
    """Each document the gold or a chosen coder (any coder, if none is chosen) marked
    done, with that coder's spans; the gold's where the document has them.

    A document that came labelled from a file (its spans imported) and that no one has
    taken up since (no status other than todo) counts as coded too, with the imported
    spans of the chosen coder (the one the import named): a labelled corpus imported
    from another tool trains as it is.
    """
    wanted = list(coders)
    found: list[CodedText] = []
    for coded in iter_documents(corpus):
        by_coder: dict[str, list[tuple[int, int, str]]] = {}
        imported: dict[str, bool] = {}
        for span in coded.spans:
            if span.origin != "suggested":
                by_coder.setdefault(span.coder, []).append((span.start, span.end, span.label))
                imported[span.coder] = imported.get(span.coder, True) and \
                    span.origin == "imported"
        done = [who for who, status in coded.statuses.items() if status == "done"]
        untouched = [who for who, only in sorted(imported.items())
                     if only and coded.statuses.get(who, "todo") == "todo"]
        from_file = False
        if GOLD in by_coder and (not wanted or GOLD in wanted):
            chosen: str | None = GOLD
        else:
            chosen = next((who for who in (wanted or sorted(done)) if who in done), None)
            if chosen is None:
                chosen = next((who for who in (wanted or untouched) if who in untouched), None)
                from_file = chosen is not None
        if chosen is None:
            continue
        found.append(CodedText(coded.document.uid, coded.document.text,
                               tuple(by_coder.get(chosen, ())),
                               language_of(coded.document.meta), from_file))
    return found


def done_documents(corpus: Corpus) -> int:
    """Documents some coder (or the gold) marked done: what a model could learn from."""
    return int(corpus.db.fetch_one(
        "SELECT COUNT(DISTINCT doc_id) FROM doc_status WHERE status = 'done'")[0])


def doubt_pool(corpus: Corpus, size: int, seed: int = 0) -> list[tuple[str, str]]:
    """(id, text) of up to ``size`` documents no one has marked done, chosen at random
    with ``seed``: the pool whose doubtful documents are offered first."""
    done = {row[0] for row in corpus.db.execute(
        "SELECT DISTINCT doc_id FROM doc_status WHERE status = 'done'")}
    undone = [doc_id for doc_id in corpus.document_ids() if doc_id not in done]
    chosen = sorted(random.Random(seed).sample(undone, min(size, len(undone))))
    pool = []
    for doc_id in chosen:
        document = corpus.document(doc_id)
        pool.append((document.uid, document.text))
    return pool


def most_doubtful(corpus: Corpus, coder: str, doubts: Mapping[str, float],
                  skip: int | None = None) -> int | None:
    """The document ``coder`` has neither done nor skipped that the model is least sure
    of (other than ``skip``, the one open); None when none of the doubted ones is left."""
    if not doubts:
        return None
    done = {row[0] for row in corpus.db.execute(
        "SELECT doc_id FROM doc_status WHERE coder = ? AND status IN ('done', 'skipped')",
        [coder])}
    ranked = sorted(doubts.items(), key=lambda item: (-item[1], item[0]))
    uids = [uid for uid, _doubt in ranked]
    ids: dict[str, int] = {}
    for start in range(0, len(uids), 500):  # a bounded number of parameters a query
        chunk = uids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        ids.update({str(uid): doc_id for doc_id, uid in corpus.db.execute(
            f"SELECT id, uid FROM documents WHERE uid IN ({marks})", chunk)})
    for uid in uids:
        doc_id = ids.get(uid)
        if doc_id is not None and doc_id not in done and doc_id != skip:
            return doc_id
    return None
