"""CoNLL files written by other projects: told by content, counted, and written back.

Every count is checked against one computed here from the raw lines, with seqeval
(an independent reader) where the tags have prefixes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import CodedDocument, Document, DocumentRecord
from annotator.formats import conll
from annotator.formats.base import ReadDocument, ReadOptions
from annotator.formats.exporting import ExportContext
from annotator.formats.losses import LossReport
from annotator.formats.registry import READERS, format_for
from annotator.formats.selection import ExportOptions
from annotator.storage.bulk import text_sha256
from tests.conftest import PEERS, REAL_ANNOTATIONS, SAMPLES, SHARED_DATA, shared

FLAIR = REAL_ANNOTATIONS / "flair" / "tests" / "resources" / "tasks"
NERPY = REAL_ANNOTATIONS / "nerpy" / "examples" / "data"
CONLL03 = NERPY / "conll03" / "dev.word.bioes.tsv"

# path, the columns holding tags (as the file's own documentation says), header line, bare labels
REAL_FILES = [
    (CONLL03, (-1,), False, False),
    (NERPY / "cner" / "dev.char.bio.tsv", (-1,), False, False),
    (NERPY / "people" / "test.char.bmes", (-1,), False, False),
    (REAL_ANNOTATIONS / "arabic-ner" / "data" / "test_data.txt", (-1,), False, False),
    (FLAIR / "fashion" / "eng.train", (-1,), False, False),
    (FLAIR / "trivial" / "trivial_bioes" / "train.txt", (-1,), False, False),
    (FLAIR / "span_labels" / "span_first.txt", (-1,), False, True),
    (FLAIR / "column_with_whitespaces" / "eng.train", (1,), False, False),
    (FLAIR / "column_corpus_options" / "eng.train", (1,), True, True),
    (FLAIR / "ner_german_germeval" / "NER-de-train.tsv", (2, 3), False, False),
    (REAL_ANNOTATIONS / "doccano" / "backend" / "data_import" / "tests" / "data"
     / "sequence_labeling" / "example.conll", (-1,), False, False),
    (PEERS / "conll" / "flair_germeval14_NER-de-train.tsv", (2, 3), False, False),
    (PEERS / "conll" / "spacy_ner-token-per-line.iob", (-1,), False, False),
    (PEERS / "conll" / "spacy_ner-token-per-line-conll2003.iob", (-1,), False, False),
]
IDS = [p.name if p.parent.name not in ("conll",) else f"peers-{p.name}" for p, *_ in REAL_FILES]


def raw_sentences(path: Path, columns: tuple[int, ...], header: bool) -> tuple[list, int]:
    """Per tag column, the file's sentences of tags, and its number of documents."""
    per_column: list[list[list[str]]] = [[] for _ in columns]
    sentence: list[list[str]] = []
    documents = 0
    lines = path.read_text(encoding="utf-8").splitlines()[1 if header else 0:]
    for line in [*lines, ""]:
        if line.startswith("-DOCSTART-") or line.startswith("#\t"):
            documents += 1
            line = ""
        fields = line.split("\t") if "\t" in line else line.split()
        if fields:
            sentence.append([fields[c] for c in columns])
        elif sentence:
            for index in range(len(columns)):
                per_column[index].append([row[index] for row in sentence])
            sentence = []
    return per_column, max(documents, 1)


def independent_count(sentences: list[list[str]], bare: bool) -> int:
    from seqeval.metrics.sequence_labeling import get_entities

    if bare:  # IO: a run of one label is one entity
        return sum(1 for s in sentences for label, _run in itertools.groupby(s) if label != "O")
    same = {"L-": "E-", "U-": "S-", "M-": "I-"}
    mapped = [[same.get(t[:2], t[:2]) + t[2:] if t != "O" else t for t in s] for s in sentences]
    return len(get_entities(mapped))


def read_file(path: Path, fmt: str | None = None) -> list[ReadDocument]:
    items = list(READERS[fmt or format_for(path, "auto") or "?"](path, ReadOptions(coder="alice")))
    assert all(isinstance(i, ReadDocument) for i in items), [str(i) for i in items]
    return items  # type: ignore[return-value]


def coded(records: list[DocumentRecord]) -> Iterator[CodedDocument]:
    for number, record in enumerate(records, start=1):
        # The id a corpus gives a document its file names none of: a hash of its text.
        uid = record.uid or text_sha256(record.text)[:16]
        document = Document(id=number, uid=uid, title=record.title,
                            text=record.text, meta=dict(record.meta))
        yield CodedDocument(document, spans=list(record.spans))


def export_records(records: list[DocumentRecord], out: Path,
                   options: ExportOptions | None = None) -> ExportContext:
    context = ExportContext(options or ExportOptions(), LossReport(), ())
    conll.write(lambda: coded(records), out, context)
    return context


def spans_of(record: DocumentRecord) -> list[tuple[int, int, str, str]]:
    return sorted((s.start, s.end, s.label, s.text) for s in record.spans)


def written_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """(token, tag) per sentence of an export, checking its four columns."""
    sentences, sentence = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-") or not line:
            if sentence:
                sentences.append(sentence)
            sentence = []
            continue
        token, pos, chunk, tag = line.split(" ")
        assert (pos, chunk) == ("-X-", "_")
        sentence.append((token, tag))
    return sentences


@pytest.mark.parametrize(("path", "columns", "header", "bare"), REAL_FILES, ids=IDS)
def test_real_files_give_the_entities_sentences_and_documents_they_hold(
        path: Path, columns: tuple[int, ...], header: bool, bare: bool) -> None:
    shared(path)
    assert format_for(path, "auto") == "conll"  # by content, whatever the name
    documents = read_file(path)
    per_column, expected_documents = raw_sentences(path, columns, header)
    expected = sum(independent_count(s, bare) for s in per_column)
    assert sum(len(d.record.spans) for d in documents) == expected
    assert len(documents) == expected_documents
    # Sentences are kept: a sentence a line of the text.
    assert sum(d.record.text.count("\n") + 1 for d in documents) == len(per_column[0])
    assert all(d.record.meta["tokenization"]["sentences"] == "lines" for d in documents)


def test_conll03_dev_in_bioes_has_5942_entities_and_west_indian_is_one(tmp_path: Path) -> None:
    path = shared(CONLL03)
    tags = [line.split("\t")[-1] for line in path.read_text(encoding="utf-8").splitlines()
            if "\t" in line]
    begins_and_singles = sum(1 for t in tags if t[:2] in ("B-", "S-"))
    documents = read_file(path)
    found = [(s.label, s.text) for d in documents for s in d.record.spans]
    assert len(found) == begins_and_singles == 5942
    assert ("MISC", "West Indian") in found and ("PER", "Phil Simmons") in found
    assert len(documents) == 216  # one per -DOCSTART-
    assert not [w for d in documents for w in d.warnings if "repaired" in w.reason]


def test_chinese_character_files_come_back_as_written() -> None:
    [cner] = read_file(shared(NERPY / "cner" / "dev.char.bio.tsv"))
    assert cner.record.text.startswith("吴重阳，中国国籍，大学本科，")
    assert cner.record.meta["tokenization"]["tokens"] == "characters"
    assert ("NAME", "吴重阳") in [(s.label, s.text) for s in cner.record.spans]
    [people] = read_file(shared(NERPY / "people" / "test.char.bmes"))
    assert people.record.text.split("\n")[0] == "李顺生"
    assert " " not in people.record.text


def test_flair_columns_space_after_and_header() -> None:
    [spaced] = read_file(shared(FLAIR / "column_with_whitespaces" / "eng.train"))
    assert spaced.record.text == "It is a German-owned firm."
    assert spans_of(spaced.record) == [(8, 14, "LOC", "German")]
    [headed] = read_file(shared(FLAIR / "column_corpus_options" / "eng.train"))
    assert headed.record.text == "This is New Berlin"  # the WORD TAG line is not a token
    assert spans_of(headed.record) == [(8, 18, "LOC", "New Berlin")]
    [spans] = read_file(shared(FLAIR / "span_labels" / "span_first.txt"))
    assert [(s.label, s.text) for s in spans.record.spans] == [
        ("PARTA", "RAB"), ("YEAR", "1/2010"), ("MISC", "Rz 8.")]


def test_news_texts_are_still_news() -> None:
    samples = sorted(SAMPLES.glob("*.txt"))
    news = shared(SHARED_DATA / "real" / "news")
    texts = [*samples, *sorted(p for p in news.rglob("*") if p.suffix.lower() == ".txt")]
    assert len(texts) >= 5
    # Never taken for CoNLL; a news database's export is read as one (Nexis's .TXT).
    assert {p.name: format_for(p, "auto") for p in texts} == {
        p.name: "nexis" if p.name == "LexisNexisTools__sample.TXT" else "txt" for p in texts}


@pytest.mark.parametrize(("path", "columns", "header", "bare"), REAL_FILES, ids=IDS)
def test_real_files_written_and_read_again_are_the_same(
        tmp_path: Path, path: Path, columns: tuple[int, ...], header: bool, bare: bool) -> None:
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2, Entities

    records = [d.record for d in read_file(shared(path))]
    out = tmp_path / "out.conll"
    context = export_records(records, out)
    again = [d.record for d in read_file(out, "conll")]
    if path.parent.name == "column_with_whitespaces":
        # flair's +/- column said where no space follows; CoNLL-2003 cannot say it
        assert context.losses.counts == {conll.SPACING: 1}
        assert [r.text for r in again] == ["It is a German - owned firm ."]
        return
    assert [r.text for r in again] == [r.text for r in records]
    # Only entities inside entities (GermEval's inner column) cannot be written, and
    # exactly those are reported.
    lost = sum(len(r.spans) for r in records) - sum(len(r.spans) for r in again)
    assert context.losses.counts == ({"overlapping span left out of IOB tags": lost}
                                     if lost else {})
    for before, after in zip(records, again, strict=True):
        assert set(spans_of(after)) <= set(spans_of(before))
    if path.parent.name == "column_corpus_options":  # "New Berlin" was one token
        assert context.notices.counts == {conll.SPLIT_TOKEN: 1}
    else:
        assert [r.meta["tokenization"] for r in again] == [r.meta["tokenization"] for r in records]
    tags = [[tag for _token, tag in s] for s in written_sentences(out)]
    Entities(tags, IOB2)  # strict IOB2: raises on any tag that breaks it
    assert len(get_entities(tags)) == sum(len(r.spans) for r in again)
