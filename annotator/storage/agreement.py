"""Agreement between coders over a corpus (see ``core.agreement`` for the figures)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from annotator.core.agreement import (
    OVERALL,
    Counts,
    PairReport,
    attribute_alpha,
    cohen_kappa,
    document_counts,
    match,
    token_labels,
)
from annotator.core.model import Span
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus

SKIPPED_CODERS = ("gold",)  # an adjudicated result is not one more coder


def coded_by(corpus: Corpus) -> list[str]:
    """Coders with spans or a started status, gold aside."""
    rows = corpus.db.execute(
        "SELECT coder FROM spans WHERE origin != 'suggested' UNION "
        "SELECT coder FROM doc_status WHERE status != 'todo'").fetchall()
    return sorted({r[0] for r in rows} - set(SKIPPED_CODERS))


def agreement(corpus: Corpus, coders: Sequence[str] | None = None) -> list[PairReport]:
    """One report per pair of coders, over the documents both have coded."""
    names = list(coders) if coders else coded_by(corpus)
    kinds = {a.name: a.kind for label in corpus.labels() for a in label.attributes}
    reports = []
    for first, second in itertools.combinations(names, 2):
        totals: dict[str, Counts] = {OVERALL: Counts()}
        tokens_a: list[str] = []
        tokens_b: list[str] = []
        matched: list[tuple[Span, Span]] = []
        disagreement = []
        documents = 0
        for coded in iter_documents(corpus):
            spans = [s for s in coded.spans if s.origin != "suggested"]
            a = [s for s in spans if s.coder == first]
            b = [s for s in spans if s.coder == second]
            if not (_started(coded.statuses, first, a) and _started(coded.statuses, second, b)):
                continue
            documents += 1
            for label, found in document_counts(a, b).items():
                totals.setdefault(label, Counts()).add(found)
            text = coded.document.text
            tokens_a += token_labels(text, a)
            tokens_b += token_labels(text, b)
            matched += match(a, b, exact=False)
            f1 = document_counts(a, b)[OVERALL].f1(document_counts(a, b)[OVERALL].overlap)
            disagreement.append((coded.document.uid, 1 - (1.0 if f1 is None else f1)))
        disagreement.sort(key=lambda item: -item[1])
        reports.append(PairReport((first, second), documents, totals,
                                  cohen_kappa(tokens_a, tokens_b),
                                  attribute_alpha(matched, kinds), disagreement))
    return reports


def _started(statuses: dict[str, str], coder: str, spans: Sequence[Span]) -> bool:
    return bool(spans) or statuses.get(coder, "todo") in ("in progress", "done", "skipped")
