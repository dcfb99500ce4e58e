"""import(export(corpus)) for INCEpTION's formats: XMI gives back everything; WebAnno
TSV gives back text, spans (edges on words) and relations, and reports the rest."""

from __future__ import annotations

import tempfile
from pathlib import Path

from cassis import load_cas_from_xmi, load_typesystem
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import CodedDocument, DocLabel, Document, KbLink, Relation, Span
from annotator.core.text import first_line
from annotator.formats import webanno_tsv, webanno_tsv_write, xmi, xmi_write
from annotator.formats.base import ReadDocument, ReadOptions
from annotator.formats.exporting import ExportContext
from annotator.formats.losses import LossReport
from annotator.formats.selection import ExportOptions
from annotator.storage.bulk import text_sha256

WORDS = ["Rockets", "hit", "😀", "אבג", "الأسد", "al-Assad", "|x_", "[y]", "*", "\\", "5"]


@st.composite
def documents(draw: st.DrawFn) -> CodedDocument:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
    gaps = draw(st.lists(st.sampled_from([" ", "\n", "  ", "\n\n", " \n"]),
                         min_size=len(words), max_size=len(words)))
    text = "".join(w + g for w, g in zip(words, gaps, strict=True)).rstrip() or "x"
    edges = sorted({0, len(text), *(i for i, c in enumerate(text) if c.isspace())})
    spans: list[Span] = []
    for _ in range(draw(st.integers(0, 6))):
        a, b = sorted(draw(st.lists(st.sampled_from(edges), min_size=2, max_size=2,
                                    unique=True)))
        if not text[a:b].strip():
            continue
        a += len(text[a:b]) - len(text[a:b].lstrip())
        b -= len(text[a:b]) - len(text[a:b].rstrip())
        label = draw(st.sampled_from(["actor", "loc|x", "a_b", "*"]))
        links = draw(st.sampled_from([(), (KbLink("wikidata", "Q1"),)]))
        fragments: tuple[tuple[int, int], ...] = ()
        inner = [e for e in edges if a < e < b and text[e - 1] != " "]
        if inner and draw(st.booleans()):
            cut = inner[0]
            rest = cut + len(text[cut:b]) - len(text[cut:b].lstrip())
            if rest < b:
                fragments = ((a, cut), (rest, b))
        spans.append(Span(a, b, label, text[a:b], draw(st.sampled_from(["alice", "bob"])),
                          attrs=draw(st.sampled_from([{}, {"n": 1}])), links=links,
                          fragments=fragments))
    relations = [Relation(spans[i].uid, spans[j].uid, "at", "alice")
                 for i, j in draw(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)),
                                           max_size=3)) if i < len(spans) and j < len(spans)]
    labels = draw(st.sampled_from([[], [DocLabel("relevant", True, "alice"),
                                        DocLabel("types", ["a", "b"], "bob")]]))
    doc = Document(1, "doc-1", "A title", text, date="2024-08-06", meta={"lang": "ar"})
    return CodedDocument(doc, spans, {"alice": "done"}, [], relations, labels)


def _export(writer, coded: CodedDocument) -> tuple[Path, LossReport]:
    out = Path(tempfile.mkdtemp()) / "out"
    context = ExportContext(ExportOptions(), LossReport(), ())
    assert writer(lambda: iter([coded]), out, context) == 1
    return out, context.losses


def _spans(spans, uid_of=lambda s: s.uid) -> list[tuple]:
    return sorted((s.start, s.end, s.label, s.text, s.fragments, s.links) for s in spans)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_xmi_gives_back_everything_and_cassis_agrees(coded: CodedDocument) -> None:
    out, losses = _export(xmi_write.write, coded)
    assert not losses
    (read,) = xmi.read(out / "doc-1.xmi", ReadOptions(coder="zed"))
    assert isinstance(read, ReadDocument), read
    record = read.record
    doc = coded.document
    assert (record.text, record.uid, record.title, record.date, dict(record.meta),
            dict(record.statuses)) == (doc.text, doc.uid, doc.title, doc.date, dict(doc.meta),
                                       coded.statuses)
    assert {s.uid: s for s in record.spans} == {s.uid: s for s in coded.spans}
    assert {r.uid: r for r in record.relations} == {r.uid: r for r in coded.relations}
    assert list(record.doc_labels) == coded.doc_labels
    # dkpro-cassis loads it with our type system: one NamedEntity a piece, same texts.
    cas = load_cas_from_xmi((out / "doc-1.xmi").read_text(encoding="utf-8"),
                            typesystem=load_typesystem(out / "TypeSystem.xml"))
    entities = cas.select("de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity")
    assert sorted(e.get_covered_text() for e in entities) == sorted(
        doc.text[a:b] for s in coded.spans for a, b in s.pieces)
    assert len(cas.select("webanno.custom.Relation")) == len(coded.relations)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_webanno_tsv_gives_back_what_it_carries_and_reports_the_rest(
        coded: CodedDocument) -> None:
    out, losses = _export(webanno_tsv_write.write, coded)
    (read,) = webanno_tsv.read(out / "doc-1.tsv", ReadOptions(coder="zed"))
    assert isinstance(read, ReadDocument), read
    record = read.record
    assert record.text == coded.document.text
    # What TSV carries: each span's hull with its label and one kb:id link.
    want = sorted((s.start, s.end, s.label, s.links) for s in coded.spans)
    assert sorted((s.start, s.end, s.label, s.links) for s in record.spans) == want
    by_uid = {s.uid: s for s in coded.spans}
    got_uid = {s.uid: s for s in record.spans}
    key = lambda s: (s.start, s.end, s.label)  # noqa: E731
    assert sorted((key(got_uid[r.head]), key(got_uid[r.tail]), r.label)
                  for r in record.relations) == sorted(
        (key(by_uid[r.head]), key(by_uid[r.tail]), r.label) for r in coded.relations)
    kinds = set(losses.counts)
    expected = set()
    if any(s.attrs for s in coded.spans):
        expected.add("span attributes (WebAnno TSV spans hold only a label)")
    if any(s.fragments for s in coded.spans):
        expected.add("discontinuous spans written as one stretch, gaps included (WebAnno TSV "
                     "spans are one range)")
    if coded.doc_labels:
        expected.add("document labels (WebAnno TSV has no place for them)")
    if any(status != "todo" for status in coded.statuses.values()):
        expected.add("document statuses (WebAnno TSV has none: a re-import leaves each "
                     "document to do)")
    # Coders of what TSV carries (its document labels are lost as such).
    makers = [x.coder for x in (*coded.spans, *coded.relations) if x.coder]
    if len(set(makers)) > 1:
        expected.add(f"coders (WebAnno TSV has no place for who coded what: a re-import gives "
                     f"everything to one coder; here, made by others than {makers[0]})")
    document = coded.document
    if document.uid != text_sha256(document.text)[:16]:
        expected.add("document ids (WebAnno TSV has no place for them: a re-import names "
                     "each document by its text)")
    if (document.title and document.title != first_line(document.text)) or any(
            (document.date, document.source, document.url, set(document.meta) - {"file"},
             document.notes, document.flags)):
        expected.add("document details (WebAnno TSV has no place for a document's title, "
                     "date, source, url, meta, notes, flags)")
    assert kinds == expected
