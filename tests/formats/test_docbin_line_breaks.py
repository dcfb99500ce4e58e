"""spaCy files normalise line breaks like every other import, spans moved with the text,
so a round trip through annotator keeps every span on its characters (issue 14)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from annotator.core.text import normalise
from annotator.formats.base import ReadOptions
from annotator.formats.exporting import ExportOptions, export_corpus
from annotator.formats.importing import ImportSummary, import_paths
from annotator.formats.registry import EXPORTS
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import REAL_ANNOTATIONS, shared

HEALTHSEA = REAL_ANNOTATIONS / "projects" / "experimental" / "healthsea_spancat" / "data" / \
    "dev.spacy"


def load(corpus: Path, path: Path) -> tuple[ImportSummary, list]:
    with Corpus.open(corpus) as opened:
        summary = import_paths(opened, [path], options=ReadOptions(coder="alice"))
        documents = list(iter_documents(opened))
    return summary, documents


def spans_of(documents: list) -> Counter:
    return Counter((d.document.text, s.start, s.end, s.label, s.text)
                   for d in documents for s in d.spans)


def test_healthsea_spans_cover_the_same_characters_after_crlf_becomes_lf(
        tmp_path: Path) -> None:
    path = shared(HEALTHSEA)
    # Read here by spaCy itself, offsets moved by counting what normalising removes.
    docs = list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
    assert sum("\r" in d.text for d in docs) == 36
    wanted = Counter()
    for doc in docs:
        text = normalise(doc.text)
        # doc.ents repeats the span group here; a span on the same characters with the
        # same label is one span.
        for a, b, label in {(s.start_char, s.end_char, s.label_)
                            for s in (*doc.ents, *doc.spans["health_aspects"])}:
            start = len(normalise(doc.text[:a]))
            end = start + len(normalise(doc.text[a:b]))
            wanted[(text, start, end, label, normalise(doc.text[a:b]))] += 1

    summary, documents = load(tmp_path / "first.sqlite", path)

    assert (summary.added, summary.rejected, summary.warnings) == (len(docs), [], [])
    got = spans_of(documents)
    assert got == wanted
    assert sum(got.values()) == sum(len(d.spans["health_aspects"]) for d in docs) == 1081
    assert not any("\r" in d.document.text for d in documents)
    after_cr = [s for d in documents for s in d.spans if "\n" in d.document.text[:s.start]]
    assert after_cr  # spans past a former CRLF are the ones that would have moved
    assert all(d.document.text[s.start:s.end] == s.text for d in documents for s in d.spans)


def test_healthsea_export_and_import_again_is_stable(tmp_path: Path) -> None:
    path = shared(HEALTHSEA)
    first, documents = load(tmp_path / "first.sqlite", path)
    out = tmp_path / "out.spacy"
    with Corpus.open(tmp_path / "first.sqlite") as corpus:
        result = export_corpus(corpus, EXPORTS["spacy"], out, ExportOptions())
    assert result.written and not result.losses
    again, documents_again = load(tmp_path / "again.sqlite", out)
    assert again.added == first.added
    assert spans_of(documents_again) == spans_of(documents)


def test_a_span_over_only_a_carriage_return_is_reported_not_fatal(tmp_path: Path) -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Rockets", "\r", "\n", "hit", "Basra", "."],
              spaces=[False, False, False, True, False, False])
    doc.spans["sc"] = [Span(doc, 1, 2, label="junk"), Span(doc, 4, 5, label="location")]
    path = tmp_path / "crlf.spacy"
    DocBin(docs=[doc]).to_disk(path)
    summary, [read] = load(tmp_path / "c.sqlite", path)
    assert summary.rejected == []
    assert read.document.text == "Rockets\nhit Basra."
    assert [(s.label, s.text) for s in read.spans] == [("location", "Basra")]
    [said] = summary.warnings
    assert "document 1: 1 span over nothing but a carriage return" in str(said)


def test_spacy_v2_json_with_crlf_in_its_raw_text_is_normalised(tmp_path: Path) -> None:
    raw = "Rockets hit\r\nBasra today."
    tokens = [("Rockets", "O"), ("hit", "O"), ("\r\n", "O"), ("Basra", "U-LOC"),
              ("today", "O"), (".", "O")]
    path = tmp_path / "train.json"
    path.write_text(json.dumps([{"id": 0, "paragraphs": [{"raw": raw, "sentences": [
        {"tokens": [{"orth": o, "ner": t} for o, t in tokens]}]}]}]), encoding="utf-8")
    summary, [read] = load(tmp_path / "c.sqlite", path)
    assert (summary.rejected, summary.warnings) == ([], [])
    assert read.document.text == "Rockets hit\nBasra today."
    assert [(s.start, s.end, s.text) for s in read.spans] == [(12, 17, "Basra")]
