"""Agreement between coders over a corpus (see ``core.agreement`` for the figures).

The corpus is read row by row here rather than as records: a value stored in a
form agreement cannot use (edited by hand, or merged by an older annotator) is
left out and said so in the report, and never stops the report.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

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
from annotator.core.model import InvalidRecord, Span
from annotator.core.schema import KINDS, shown
from annotator.storage.corpus import Corpus
from annotator.storage.schema_store import lenient_text

SKIPPED_CODERS = ("gold",)  # an adjudicated result is not one more coder
PAGE = 500


def coded_by(corpus: Corpus) -> list[str]:
    """Coders with spans or a started status, gold aside."""
    rows = corpus.db.execute(
        "SELECT coder FROM spans WHERE origin != 'suggested' UNION "
        "SELECT coder FROM doc_status WHERE status != 'todo'").fetchall()
    return sorted({r[0] for r in rows if isinstance(r[0], str)} - set(SKIPPED_CODERS))


@dataclass
class _Skipped:
    """What was left out, by reason: a count and a first example each."""

    found: dict[str, list[Any]] = field(default_factory=dict)

    def add(self, reason: str, example: str, count: int = 1) -> None:
        entry = self.found.setdefault(reason, [0, example])
        entry[0] += count

    def lines(self) -> list[str]:
        return [f"{count} {reason} (e.g. {example})"
                for reason, (count, example) in sorted(self.found.items())]


@dataclass
class _Pair:
    coders: tuple[str, str]
    totals: dict[str, Counts] = field(default_factory=lambda: {OVERALL: Counts()})
    tokens: tuple[list[str], list[str]] = field(default_factory=lambda: ([], []))
    matched: list[tuple[Span, Span]] = field(default_factory=list)
    disagreement: list[tuple[str, float]] = field(default_factory=list)
    documents: int = 0
    skipped: _Skipped = field(default_factory=_Skipped)


def agreement(corpus: Corpus, coders: Sequence[str] | None = None) -> list[PairReport]:
    """One report per pair of coders, over the documents both have coded."""
    shared = _Skipped()
    # Text that is not UTF-8 is read with replacement characters: it could not be
    # read at all otherwise, and agreement only compares it.
    with lenient_text(corpus, "replace"):
        names = list(coders) if coders else coded_by(corpus)
        kinds = _attribute_kinds(corpus, shared)
        pairs = [_Pair((first, second)) for first, second in itertools.combinations(names, 2)]
        for uid, text, spans, statuses in _documents(corpus, set(names), shared):
            for pair in pairs:
                _add_document(pair, uid, text, spans, statuses)
    reports = []
    for pair in pairs:
        pair.disagreement.sort(key=lambda item: -item[1])
        alpha_skipped: dict[str, int] = {}
        alpha = attribute_alpha(pair.matched, kinds, alpha_skipped)
        for name, count in sorted(alpha_skipped.items()):
            pair.skipped.add(f"values of {name!r} alpha cannot use",
                             f"not a {'number' if kinds[name] in ('integer', 'number') else 'value'}",
                             count)
        reports.append(PairReport(pair.coders, pair.documents, pair.totals,
                                  cohen_kappa(*pair.tokens), alpha, pair.disagreement,
                                  shared.lines() + pair.skipped.lines()))
    return reports


def _add_document(pair: _Pair, uid: str, text: str, spans: list[Span],
                  statuses: dict[str, str]) -> None:
    first, second = pair.coders
    a = [s for s in spans if s.coder == first]
    b = [s for s in spans if s.coder == second]
    if not (_started(statuses, first, a) and _started(statuses, second, b)):
        return
    pair.documents += 1
    counts = document_counts(a, b)
    for label, found in counts.items():
        pair.totals.setdefault(label, Counts()).add(found)
    pair.tokens[0].extend(token_labels(text, a))
    pair.tokens[1].extend(token_labels(text, b))
    pair.matched.extend(match(a, b, exact=False))
    f1 = counts[OVERALL].f1(counts[OVERALL].overlap)
    pair.disagreement.append((uid, 1 - (1.0 if f1 is None else f1)))


def _started(statuses: dict[str, str], coder: str, spans: Sequence[Span]) -> bool:
    return bool(spans) or statuses.get(coder, "todo") in ("in progress", "done", "skipped")


def _attribute_kinds(corpus: Corpus, skipped: _Skipped) -> dict[str, str]:
    """Attribute name -> kind, from every label whose attributes can be read."""
    kinds: dict[str, str] = {}
    for name, raw in corpus.db.execute("SELECT name, attributes FROM labels ORDER BY position"):
        try:
            specs = json.loads(raw)
        except (TypeError, ValueError, RecursionError):
            specs = None
        if not isinstance(specs, list):
            skipped.add("labels whose attributes cannot be read (left out of alpha)",
                        f"label {shown(name)}")
            continue
        for spec in specs:
            if isinstance(spec, dict) and isinstance(spec.get("name"), str) \
                    and spec.get("type") in KINDS:
                kinds[spec["name"]] = spec["type"]
    return kinds


def _documents(corpus: Corpus, coders: set[str], skipped: _Skipped
               ) -> Iterator[tuple[str, str, list[Span], dict[str, str]]]:
    """(uid, text, the coders' usable spans, statuses) of every document, a page of
    documents at a time; what cannot be used is counted in ``skipped``."""
    db = corpus.db
    after = 0
    while True:
        rows = db.execute("SELECT id, uid, text FROM documents WHERE id > ? ORDER BY id LIMIT ?",
                          [after, PAGE]).fetchall()
        if not rows:
            return
        first, last = rows[0][0], rows[-1][0]
        spans: dict[int, list[Span]] = {}
        texts = {doc_id: text for doc_id, _uid, text in rows}
        for row in db.execute('SELECT doc_id, uid, start, "end", label, text, attrs, coder, '
                              "origin FROM spans WHERE doc_id BETWEEN ? AND ? ORDER BY id",
                              [first, last]):
            if row[7] not in coders or row[8] == "suggested":
                continue
            span = _span(row, texts.get(row[0]), skipped)
            if span is not None:
                spans.setdefault(row[0], []).append(span)
        statuses: dict[int, dict[str, str]] = {}
        for doc_id, coder, status in db.execute(
                "SELECT doc_id, coder, status FROM doc_status WHERE doc_id BETWEEN ? AND ?",
                [first, last]):
            if isinstance(coder, str) and isinstance(status, str):
                statuses.setdefault(doc_id, {})[coder] = status
        for doc_id, uid, text in rows:
            if not isinstance(text, str):
                skipped.add("documents whose text is not text", f"document {shown(uid)}")
                continue
            yield str(uid), text, spans.get(doc_id, []), statuses.get(doc_id, {})
        after = last


def _span(row: Sequence[Any], text: str | None, skipped: _Skipped) -> Span | None:
    doc_id, uid, start, end, label, covered, attrs, coder, origin = row
    where = f"span {shown(uid)}"
    if not isinstance(text, str):
        return None  # its document is skipped, and said so
    whole = all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end))
    if not whole or not 0 <= start < end <= len(text):
        skipped.add("spans whose offsets are not in their text", f"{where}: {shown(start)}-"
                                                                  f"{shown(end)}")
        return None
    if covered != text[start:end]:
        skipped.add("spans whose text does not match their document",
                    f"{where}: {shown(covered)} where the text has {shown(text[start:end])}")
        return None
    if not isinstance(label, str) or not label:
        skipped.add("spans without a usable label", f"{where}: {shown(label)}")
        return None
    try:
        values = json.loads(attrs) if isinstance(attrs, str) else None
    except (ValueError, RecursionError):
        values = None
    if not isinstance(values, dict):
        # Still a span for F1 and kappa; only its attributes are out of alpha.
        skipped.add("spans whose attributes cannot be read (left out of alpha)",
                    f"{where}: {shown(attrs)}")
        values = {}
    try:
        return Span(start=start, end=end, label=label, text=text[start:end], coder=coder,
                    uid=str(uid), origin=origin if origin in ("manual", "imported") else "manual",
                    attrs=values, doc_id=doc_id)
    except InvalidRecord as exc:
        skipped.add("spans that break a rule of spans", f"{where}: {exc}")
        return None
