"""The loss report is the contract: for every format annotator both writes and reads,
import(export(corpus)) gives back the corpus for everything the format carries, and the
export's report names each kind of thing that did not come back.

Corpora are made up by hypothesis: overlapping, nested and discontinuous spans, several
labels on one range, attributes, knowledge-base links, relations, document labels and
events by two coders, statuses and document details, over text with emoji,
right-to-left script and line breaks. Ids and origins are the corpus's own and are
new on any import; everything else counts.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import CodedDocument
from annotator.formats.base import ReadOptions
from annotator.formats.exporting import ExportResult, export_corpus
from annotator.formats.importing import import_paths
from annotator.formats.registry import EXPORTS, READERS
from annotator.formats.selection import ExportOptions
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus

# Formats annotator writes and reads back. hf and events-csv have no reader, and the csv
# reader takes a spreadsheet of articles, not the span rows the csv export writes: what
# those write is checked by their consumers' tests.
ROUND_TRIP = [name for name in EXPORTS if name in READERS and name != "csv"]

WORDS = ["Rockets", "hit", "Ain", "al-Assad", "airbase", "five", "US", "personnel", "were",
         "hurt", "قاعدة", "عين", "الأسد", "👩‍👩‍👧", "in", "Basra", "🔥", "Kidal", "the",
         "Pentagon", "said"]
LABELS = ["actor", "casualty", "location"]

# Words a report uses for each kind of thing that can fail to come back.
# Meta an import adds of the file it reads; the made-up documents have none of it before,
# so what is compared is whether their own meta comes back.
ADDED_BY_IMPORT = ("file", "tokenization", "ls_id")

REPORT_WORDS = {
    "spans": ("span",),
    "fragments": ("discontinuous", "fragment"),
    "attributes": ("attribute",),
    "links": ("link",),
    "relations": ("relation", "equivalen"),
    "doc_labels": ("document label", "categor"),
    "events": ("event",),
    "coders": ("coder",),
    "statuses": ("status",),
    "details": ("detail",),
}
DETAIL_VALUES = {"title": ["Rockets hit the base", "قصف"], "date": ["2024-08-06"],
                 "source": ["Reuters"], "url": ["https://example.org/a"],
                 "meta": [{"desk": "Baghdad"}], "notes": ["check the toll"],
                 "flags": [{"not relevant": True}]}


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=14))
    breaks = draw(st.lists(st.sampled_from([" ", " ", " ", "\n", "\r\n"]),
                           min_size=len(words) - 1, max_size=len(words) - 1))
    raw = words[0] + "".join(b + w for b, w in zip(breaks, words[1:], strict=True)) + "."
    # Offsets in the file are over the text as written (CRLF and all); import maps them
    # onto the stored text.
    starts, position = [], 0
    for word in words:
        position = raw.index(word, position)
        starts.append(position)
        position += len(word)
    spans = []
    for number in range(draw(st.integers(0, 5))):
        first = draw(st.integers(0, len(words) - 1))
        last = draw(st.integers(first, min(len(words) - 1, first + 3)))
        start, end = starts[first], starts[last] + len(words[last])
        span: dict[str, Any] = {"id": f"s{number}", "start": start, "end": end,
                                "label": draw(st.sampled_from(LABELS)),
                                "coder": draw(st.sampled_from(["alice", "alice", "bob"]))}
        if last > first + 1 and draw(st.booleans()):
            span["fragments"] = [[start, starts[first] + len(words[first])],
                                 [starts[last], end]]
        if draw(st.booleans()):
            span["attrs"] = {"note": draw(st.sampled_from(["sure", "check", "عاجل"]))}
        if draw(st.integers(0, 4)) == 0:
            span["links"] = [{"kb": "GeoNames", "id": str(draw(st.integers(1, 99999)))}]
        spans.append(span)
    if spans and draw(st.booleans()):  # the same range under a second label
        twin = dict(spans[0], id="twin", label=next(x for x in LABELS if x != spans[0]["label"]))
        twin.pop("fragments", None)
        twin["fragments"] = spans[0].get("fragments")
        spans.append({k: v for k, v in twin.items() if v is not None})
    relations = []
    if len(spans) >= 2:
        for number in range(draw(st.integers(0, 2))):
            head, tail = draw(st.permutations([s["id"] for s in spans]))[:2]
            relations.append({"id": f"r{number}", "head": head, "tail": tail,
                              "label": draw(st.sampled_from(["located in", "attacked"])),
                              "coder": "alice"})
    doc_labels = []
    if draw(st.booleans()):
        doc_labels.append({"name": "relevant", "value": draw(st.booleans()), "coder": "alice"})
    events = []
    if spans and draw(st.integers(0, 3)) == 0:
        events.append({"id": "e1", "type": "attack", "coder": "alice",
                       "members": [{"span_id": spans[0]["id"], "role": "place"}]})
    statuses = {"alice": draw(st.sampled_from(["done", "in progress", "todo"]))}
    if draw(st.integers(0, 3)) == 0:
        statuses["bob"] = "skipped"
    details = {name: draw(st.sampled_from(values)) for name, values in DETAIL_VALUES.items()
               if draw(st.integers(0, 2)) == 0}
    return {"text": raw, "spans": spans, "relations": relations, "doc_labels": doc_labels,
            "events": events, "statuses": statuses, **details}


def contents(coded: Iterable[CodedDocument]) -> dict[str, Counter[Any]]:
    """What each kind holds, in terms that do not depend on ids, coders or origins."""
    kinds: dict[str, Counter[Any]] = {kind: Counter() for kind in (*REPORT_WORDS, "texts")}
    for document in coded:
        text = document.document.text
        kinds["texts"][text] += 1
        where = {s.uid: (s.start, s.end, s.label) for s in document.spans}
        for s in document.spans:
            place = (text, s.start, s.end, s.label)
            kinds["spans"][place] += 1
            if s.fragments:
                kinds["fragments"][(*place, s.fragments)] += 1
            if s.attrs:
                kinds["attributes"][(*place, json.dumps(dict(s.attrs), sort_keys=True))] += 1
            for link in s.links:
                kinds["links"][(*place, link.kb, link.id)] += 1
        for r in document.relations:
            kinds["relations"][(text, where.get(r.head), where.get(r.tail), r.label)] += 1
        for d in document.doc_labels:
            kinds["doc_labels"][(text, d.name, json.dumps(d.value))] += 1
        for e in document.events:
            kinds["events"][(text, e.type, tuple(sorted(
                (where.get(m.span_uid), m.role) for m in e.members)))] += 1
        for s in document.spans:
            kinds["coders"][(text, s.start, s.end, s.label, s.coder)] += 1
        # A relation is known by its ends: a format may rename its type (brat's names have
        # no spaces), which the report names under relations, not coders.
        kinds["coders"].update((text, "relation", where.get(r.head), where.get(r.tail), r.coder)
                               for r in document.relations)
        kinds["coders"].update((text, "label", d.name, d.coder) for d in document.doc_labels)
        kinds["coders"].update((text, "event", e.type, e.coder) for e in document.events
                               if e.coder)
        kinds["statuses"].update((text, coder, status) for coder, status
                                 in document.statuses.items() if status != "todo")
        doc = document.document
        for name in DETAIL_VALUES:
            value = getattr(doc, name)
            if name == "meta":  # what an import notes of the file it reads is its own
                value = {k: v for k, v in value.items() if k not in ADDED_BY_IMPORT}
            if value:
                kinds["details"][(text, name, json.dumps(value, sort_keys=True))] += 1
    return kinds


def round_trip(records: list[dict[str, Any]], fmt: str, folder: Path
               ) -> tuple[dict[str, Counter[Any]], dict[str, Counter[Any]], ExportResult]:
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(_numbered(r, n), ensure_ascii=False) + "\n"
                              for n, r in enumerate(records)), encoding="utf-8")
    with Corpus.open(folder / "first.sqlite") as corpus:
        summary = import_paths(corpus, [source], options=ReadOptions(coder="alice"))
        assert summary.ok, summary.lines()
        before = contents(iter_documents(corpus))
        out = folder / f"out-{fmt}{EXPORTS[fmt].suffix}"
        result = export_corpus(corpus, EXPORTS[fmt], out, ExportOptions())
        assert result.written, result.lines()
    # Into a format without coders, one coder's work comes back as that coder's when its
    # import names them (--coder), as a user does.
    coder = result.losses.first_coder or "alice"
    with Corpus.open(folder / "second.sqlite") as again:
        summary = import_paths(again, [out], fmt=fmt, options=ReadOptions(coder=coder))
        assert not summary.rejected, [str(p) for p in summary.rejected]
        after = contents(iter_documents(again))
    return before, after, result


def _numbered(record: dict[str, Any], number: int) -> dict[str, Any]:
    """The record with ids of its own: span, relation and event ids are corpus-wide."""
    def own(uid: str) -> str:
        return f"d{number}-{uid}"

    return {**record, "id": f"doc{number}",
            "spans": [{**s, "id": own(s["id"])} for s in record["spans"]],
            "relations": [{**r, "id": own(r["id"]), "head": own(r["head"]),
                           "tail": own(r["tail"])} for r in record["relations"]],
            "events": [{**e, "id": own(e["id"]), "members": [
                {**m, "span_id": own(m["span_id"])} for m in e["members"]]}
                for e in record["events"]]}


@pytest.mark.parametrize("fmt", ROUND_TRIP)
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(records=st.lists(documents(), min_size=1, max_size=3))
def test_what_does_not_come_back_is_named_in_the_report(fmt: str, records: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        before, after, result = round_trip(records, fmt, Path(folder))
    report = "\n".join(result.losses.lines()).lower()
    texts = (before.pop("texts"), after.pop("texts"))
    if texts[0] != texts[1]:
        # A format of tokens (CoNLL) gives back its own spacing, one without document ids
        # (WebAnno TSV) one document of several with the same text: said in the report,
        # and those documents are compared no further.
        assert "spacing" in report or "same text" in report, (
            f"{fmt}: texts changed without a word:\n{report}")
        kept = {text for text, count in texts[0].items() if texts[1][text] == count}
        for side in (before, after):
            for kind, found in side.items():
                side[kind] = Counter({k: n for k, n in found.items() if k[0] in kept})
    # Who made something is compared only for what came back at all, and as a set: what
    # did not come back, or came back once for twice, is named under its own kind.
    common = {key[:-1] for key in before["coders"]} & {key[:-1] for key in after["coders"]}
    for side in (before, after):
        side["coders"] = Counter({k: 1 for k in side["coders"] if k[:-1] in common})
    differing = [kind for kind in REPORT_WORDS if before[kind] != after[kind]]
    if not result.losses:
        assert differing == [], (f"{fmt}: 'nothing lost', yet these did not come back: "
                                 + "; ".join(f"{k}: {before[k] - after[k]} became "
                                             f"{after[k] - before[k]}" for k in differing))
    # And the other way: what the report says is lost of a document's coders, statuses
    # and details is lost (a report that cries wolf makes --strict useless).
    for kind, words in (("coders", "× coders ("), ("statuses", "× document statuses"),
                        ("details", "× document details")):
        if words in report and texts[0] == texts[1]:
            assert kind in differing, f"{fmt}: the report says {kind} are lost, yet they " \
                                      f"came back:\n{report}"
    for kind in differing:
        assert any(word in report for word in REPORT_WORDS[kind]), (
            f"{fmt}: {kind} did not come back ({before[kind] - after[kind]} became "
            f"{after[kind] - before[kind]}) and the report does not name them:\n{report}")
