"""Agreement between coders over a corpus (see ``core.agreement`` for the figures).

The corpus is read row by row here rather than as records: a value stored in a
form agreement cannot use (edited by hand, or merged by an older annotator) is
left out and said so in the report, and never stops the report.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.agreement import (
    OVERALL,
    AlphaTally,
    Counts,
    PairReport,
    Tokens,
    cohen_kappa,
    document_counts,
    kappa_of,
    label_value,
    matches,
    relation_counts,
)
from annotator.core.model import InvalidRecord, Relation, Span
from annotator.core.schema import KINDS, shown
from annotator.storage.corpus import Corpus
from annotator.storage.schema_store import lenient_text

SKIPPED_CODERS = ("gold",)  # an adjudicated result is not one more coder
PAGE = 500
# The next page of documents anyone has coded: with a span (not a suggestion), a status
# begun (in progress, done or skipped), a relation or a document label. Only these can count, or hold what
# agreement leaves out and says so; in a large archive most documents have none, and
# their texts are not read. Each table gives its first ids through its index on doc_id.
CODED_PAGE = " UNION ".join(
    f"SELECT doc_id FROM (SELECT DISTINCT doc_id FROM {table} "
    f"WHERE doc_id > ? AND doc_id <= ?{condition} "
    f"ORDER BY doc_id LIMIT ?) AS {table}_ids"
    for table, condition in (("spans", " AND origin != 'suggested'"),
                             ("doc_status", " AND status IN ('in progress', 'done', 'skipped')"),
                             ("relations", ""), ("doc_labels", ""))) + " ORDER BY 1 LIMIT ?"
ATTRS_KEPT = 10_000
LAST = 2**63 - 1  # past any document's id
# Spans (by id) from which a corpus is measured on two cores: about 700 documents coded
# twice, a second's work, where starting a process takes a fraction of one.
SHARED_FROM = 40_000


_CODERS_WHO_CODED = """
WITH RECURSIVE
  by_span(coder) AS (
    SELECT min(coder) FROM spans
    UNION ALL SELECT (SELECT min(s.coder) FROM spans s WHERE s.coder > by_span.coder)
    FROM by_span WHERE by_span.coder IS NOT NULL),
  by_status(coder) AS (
    SELECT min(coder) FROM doc_status
    UNION ALL SELECT (SELECT min(d.coder) FROM doc_status d WHERE d.coder > by_status.coder)
    FROM by_status WHERE by_status.coder IS NOT NULL),
  named(coder) AS (
    SELECT coder FROM by_span WHERE coder IS NOT NULL
    UNION SELECT coder FROM by_status WHERE coder IS NOT NULL)
SELECT coder FROM named n
WHERE EXISTS (SELECT 1 FROM spans s WHERE s.coder = n.coder AND s.origin != 'suggested')
   OR EXISTS (SELECT 1 FROM doc_status d WHERE d.coder = n.coder AND d.status != 'todo')
"""


def coded_by(corpus: Corpus) -> list[str]:
    """Coders with spans or a started status, gold aside."""
    # The coders that spans and statuses name, each found by a seek in the coder index
    # from the one before (a scan of every span for its coder took 12 s at a million),
    # then whether each coded anything.
    rows = corpus.db.execute(_CODERS_WHO_CODED).fetchall()
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

    def merge(self, later: _Skipped) -> None:
        """Add what was left out of later documents (their examples come second)."""
        for reason, (count, example) in later.found.items():
            self.add(reason, example, count)


@dataclass
class _Pair:
    coders: tuple[str, str]
    alpha: AlphaTally  # over the attributes of the spans matched by overlap
    totals: dict[str, Counts] = field(default_factory=lambda: {OVERALL: Counts()})
    # (first coder's label, second's) -> tokens so labelled, for kappa.
    tokens: Counter[tuple[str, str]] = field(default_factory=Counter)
    disagreement: list[tuple[str, float]] = field(default_factory=list)
    documents: int = 0
    skipped: _Skipped = field(default_factory=_Skipped)
    relations: dict[str, Counts] = field(default_factory=lambda: {OVERALL: Counts()})
    # Document attribute -> the two coders' values on the documents both labelled.
    doc_labels: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)

    def merge(self, later: _Pair) -> None:
        """Add the counts of later documents, as if they had been read after these."""
        for mine, theirs in ((self.totals, later.totals), (self.relations, later.relations)):
            for label, found in theirs.items():
                mine.setdefault(label, Counts()).add(found)
        self.alpha.merge(later.alpha)
        self.tokens.update(later.tokens)
        self.disagreement.extend(later.disagreement)
        self.documents += later.documents
        self.skipped.merge(later.skipped)
        for name, (left, right) in later.doc_labels.items():
            values = self.doc_labels.setdefault(name, ([], []))
            values[0].extend(left)
            values[1].extend(right)


@dataclass
class _Coded:
    """One document as agreement reads it."""

    uid: str
    text: str
    spans: list[Span]
    statuses: dict[str, str]
    relations: list[Relation] = field(default_factory=list)
    labels: dict[tuple[str, str], Any] = field(default_factory=dict)  # (coder, name) -> value
    _tokens: Tokens | None = None

    def tokens(self) -> Tokens:
        """The text's tokens, read once for every pair of coders, and only for a pair
        that has both coded it."""
        if self._tokens is None:
            self._tokens = Tokens(self.text)
        return self._tokens


def agreement(corpus: Corpus, coders: Sequence[str] | None = None) -> list[PairReport]:
    """One report per pair of coders, over the documents both have coded."""
    shared = _Skipped()
    # Text that is not UTF-8 is read with replacement characters: it could not be
    # read at all otherwise, and agreement only compares it.
    with lenient_text(corpus, "replace"):
        names = list(coders) if coders else coded_by(corpus)
        if len(names) < 2:
            return []  # no pair to compare: no document is read
        kinds = _attribute_kinds(corpus, shared)
        middle = _middle(corpus)
        if middle is None:
            pairs = _measured(corpus, names, kinds, shared, 0, LAST)
        else:
            pairs = _measured_on_two_cores(corpus, names, kinds, shared, middle)
    reports = []
    for pair in pairs:
        pair.disagreement.sort(key=lambda item: -item[1])
        alpha = pair.alpha.alphas()
        for name, count in sorted(pair.alpha.skipped.items()):
            pair.skipped.add(f"values of {name!r} alpha cannot use",
                             f"not a {'number' if kinds[name] in ('integer', 'number') else 'value'}",
                             count)
        reports.append(PairReport(
            pair.coders, pair.documents, pair.totals, kappa_of(pair.tokens), alpha,
            pair.disagreement, shared.lines() + pair.skipped.lines(),
            pair.relations if pair.relations[OVERALL].first + pair.relations[OVERALL].second
            else {},
            {name: cohen_kappa(*values) for name, values in sorted(pair.doc_labels.items())}))
    return reports


def _measured(corpus: Corpus, names: list[str], kinds: dict[str, str], skipped: _Skipped,
              after: int, until: int) -> list[_Pair]:
    """Every pair's counts over the documents after ``after`` up to ``until`` (ids)."""
    pairs = [_Pair((first, second), AlphaTally(kinds))
             for first, second in itertools.combinations(names, 2)]
    for coded in _documents(corpus, set(names), skipped, after, until):
        for pair in pairs:
            _add_document(pair, coded)
    return pairs


def _middle(corpus: Corpus) -> int | None:
    """The document id that halves a large corpus's spans, for another core to measure
    the documents after it; None where one core does (a small corpus, one core, a
    server, whose own processes do the reading)."""
    if corpus.db.dialect != "sqlite" or (os.cpu_count() or 1) < 2:
        return None
    low, high = corpus.db.execute("SELECT min(id), max(id) FROM spans").fetchone()
    if low is None or high - low < SHARED_FROM:
        return None
    row = corpus.db.execute("SELECT doc_id FROM spans WHERE id >= ? ORDER BY id LIMIT 1",
                            [(low + high) // 2]).fetchone()
    return row[0] if row and type(row[0]) is int and row[0] > 0 else None


def _measured_on_two_cores(corpus: Corpus, names: list[str], kinds: dict[str, str],
                           skipped: _Skipped, middle: int) -> list[_Pair]:
    """The documents up to ``middle`` measured here while a process of its own measures
    the rest, their counts added after these (which is what one pass would count)."""
    from concurrent.futures import ProcessPoolExecutor

    from annotator.core.article_pool import end_with_parent

    try:
        # Spawned, not forked: the window's process has threads that a fork would copy
        # in an unknown state, and a forked connection must not be used.
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=end_with_parent)
        later = pool.submit(_measured_file, str(corpus.path), names, kinds, middle)
    except (OSError, RuntimeError):  # no process to be had: one core does it all
        return _measured(corpus, names, kinds, skipped, 0, LAST)
    try:
        pairs = _measured(corpus, names, kinds, skipped, 0, middle)
        try:
            later_pairs, later_skipped = later.result()
        except Exception:  # the process died, could not read or could not send: read here
            later_skipped = _Skipped()
            later_pairs = _measured(corpus, names, kinds, later_skipped, middle, LAST)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    skipped.merge(later_skipped)
    for pair, found in zip(pairs, later_pairs, strict=True):
        pair.merge(found)
    return pairs


def _measured_file(path: str, names: list[str], kinds: dict[str, str],
                   after: int) -> tuple[list[_Pair], _Skipped]:
    """In a process of its own: every pair's counts over the documents after ``after``."""
    skipped = _Skipped()
    with Corpus.open(Path(path), create=False) as corpus, lenient_text(corpus, "replace"):
        return _measured(corpus, names, kinds, skipped, after, LAST), skipped


def _add_document(pair: _Pair, coded: _Coded) -> None:
    first, second = pair.coders
    a = [s for s in coded.spans if s.coder == first]
    b = [s for s in coded.spans if s.coder == second]
    if not (_started(coded.statuses, first, a) and _started(coded.statuses, second, b)):
        return
    pair.documents += 1
    exact, overlapping = matches(a, b)
    counts = document_counts(a, b, (exact, overlapping))
    for label, found in counts.items():
        pair.totals.setdefault(label, Counts()).add(found)
    pair.tokens.update(coded.tokens().pairs(a, b))
    pair.alpha.add(overlapping)
    f1 = counts[OVERALL].f1(counts[OVERALL].overlap)
    pair.disagreement.append((coded.uid, 1 - (1.0 if f1 is None else f1)))
    related = relation_counts([r for r in coded.relations if r.coder == first],
                              [r for r in coded.relations if r.coder == second],
                              exact, overlapping)
    for label, found in related.items():
        pair.relations.setdefault(label, Counts()).add(found)
    names = {name for coder, name in coded.labels if coder in pair.coders}
    for name in names:
        # A label one coder left unset is a category of its own ("not said").
        left, right = pair.doc_labels.setdefault(name, ([], []))
        left.append(label_value(coded.labels.get((first, name), "(not set)")))
        right.append(label_value(coded.labels.get((second, name), "(not set)")))


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


def _documents(corpus: Corpus, coders: set[str], skipped: _Skipped, after: int = 0,
               until: int = 0) -> Iterator[_Coded]:
    """Every document anyone has coded, with the coders' usable spans, relations, document
    labels and statuses, a page of documents at a time; what cannot be used is counted
    in ``skipped``."""
    db = corpus.db
    until = until or LAST
    parsed: dict[str, Any] = {}  # attributes as stored -> read; most spans repeat a few
    while True:
        if len(parsed) > ATTRS_KEPT:
            parsed.clear()
        ids = [row[0] for row in db.execute(CODED_PAGE, [after, until, PAGE] * 4 + [PAGE])]
        if not ids:
            return
        first, last = ids[0], ids[-1]
        rows = db.execute(f"SELECT id, uid, text FROM documents WHERE id IN "
                          f"({', '.join('?' * len(ids))}) ORDER BY id", ids).fetchall()
        spans: dict[int, list[Span]] = {}
        texts = {doc_id: text for doc_id, _uid, text in rows}
        for row in db.execute('SELECT doc_id, uid, start, "end", label, text, attrs, coder, '
                              "origin, fragments FROM spans WHERE doc_id BETWEEN ? AND ? "
                              "ORDER BY id",
                              [first, last]):
            if row[7] not in coders or row[8] == "suggested":
                continue
            span = _span(row, texts.get(row[0]), skipped, parsed)
            if span is not None:
                spans.setdefault(row[0], []).append(span)
        statuses: dict[int, dict[str, str]] = {}
        for doc_id, coder, status in db.execute(
                "SELECT doc_id, coder, status FROM doc_status WHERE doc_id BETWEEN ? AND ?",
                [first, last]):
            if isinstance(coder, str) and isinstance(status, str):
                statuses.setdefault(doc_id, {})[coder] = status
        relations = _relations(corpus, first, last, coders, spans, skipped)
        labels = _doc_labels(corpus, first, last, coders, skipped)
        for doc_id, uid, text in rows:
            if not isinstance(text, str):
                skipped.add("documents whose text is not text", f"document {shown(uid)}")
                continue
            yield _Coded(str(uid), text, spans.get(doc_id, []), statuses.get(doc_id, {}),
                         relations.get(doc_id, []), labels.get(doc_id, {}))
        after = last


def _relations(corpus: Corpus, first: int, last: int, coders: set[str],
               spans: dict[int, list[Span]], skipped: _Skipped) -> dict[int, list[Relation]]:
    usable = {span.uid for found in spans.values() for span in found}
    found: dict[int, list[Relation]] = {}
    for doc_id, uid, head, tail, label, coder in corpus.db.execute(
            "SELECT doc_id, uid, head, tail, label, coder FROM relations "
            "WHERE doc_id BETWEEN ? AND ? ORDER BY id", [first, last]):
        if coder not in coders:
            continue
        if head not in usable or tail not in usable:
            skipped.add("relations linking a span left out", f"relation {shown(uid)}")
            continue
        try:
            found.setdefault(doc_id, []).append(Relation(head, tail, label, coder, uid=uid,
                                                         doc_id=doc_id))
        except InvalidRecord as exc:
            skipped.add("relations that break a rule of relations", f"{shown(uid)}: {exc}")
    return found


def _doc_labels(corpus: Corpus, first: int, last: int, coders: set[str], skipped: _Skipped,
                ) -> dict[int, dict[tuple[str, str], Any]]:
    found: dict[int, dict[tuple[str, str], Any]] = {}
    for doc_id, coder, name, value in corpus.db.execute(
            "SELECT doc_id, coder, name, value FROM doc_labels WHERE doc_id BETWEEN ? AND ?",
            [first, last]):
        if coder not in coders:
            continue
        try:
            found.setdefault(doc_id, {})[(coder, name)] = json.loads(value)
        except (ValueError, TypeError, RecursionError):
            skipped.add("document labels whose value cannot be read", f"{shown(name)}")
    return found


def _span(row: Sequence[Any], text: str | None, skipped: _Skipped,
          parsed: dict[str, Any]) -> Span | None:
    """The span a row holds, or None (counted in ``skipped``). ``parsed`` keeps the
    attributes already read, by their stored text: spans share them, read only."""
    doc_id, uid, start, end, label, covered, attrs, coder, origin, fragments = row
    if not isinstance(text, str):
        return None  # its document is skipped, and said so
    # A database gives an integer as int (never bool): checked by type, as this runs for
    # every span of the corpus.
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(text):
        skipped.add("spans whose offsets are not in their text", f"{_where(uid)}: "
                    f"{shown(start)}-{shown(end)}")
        return None
    if covered != text[start:end]:
        skipped.add("spans whose text does not match their document",
                    f"{_where(uid)}: {shown(covered)} where the text has "
                    f"{shown(text[start:end])}")
        return None
    if not isinstance(label, str) or not label:
        skipped.add("spans without a usable label", f"{_where(uid)}: {shown(label)}")
        return None
    values = parsed.get(attrs) if isinstance(attrs, str) else None
    if values is None:
        try:
            values = json.loads(attrs) if isinstance(attrs, str) else None
        except (ValueError, RecursionError):
            values = None
        if not isinstance(values, dict):
            # Still a span for F1 and kappa; only its attributes are out of alpha.
            skipped.add("spans whose attributes cannot be read (left out of alpha)",
                        f"{_where(uid)}: {shown(attrs)}")
            values = {}
        elif isinstance(attrs, str):
            parsed[attrs] = values
    try:
        return Span(start=start, end=end, label=label, text=covered, coder=coder,
                    uid=str(uid), origin=origin if origin in ("manual", "imported") else "manual",
                    attrs=values, doc_id=doc_id,
                    fragments=_pieces(fragments, skipped, uid) if fragments else ())
    except InvalidRecord as exc:
        skipped.add("spans that break a rule of spans", f"{_where(uid)}: {exc}")
        return None


def _where(uid: Any) -> str:
    return f"span {shown(uid)}"


def _pieces(raw: Any, skipped: _Skipped, uid: Any) -> tuple[tuple[int, int], ...]:
    """A span's fragments; unreadable ones leave it whole (and are said to)."""
    if not raw:
        return ()
    try:
        return tuple((int(low), int(high)) for low, high in json.loads(raw))
    except (ValueError, TypeError, RecursionError):
        skipped.add("spans whose fragments cannot be read (taken whole)", _where(uid))
        return ()
