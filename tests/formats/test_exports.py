"""Every export opened by the tool that consumes it, and read back where it can be."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats.exporting import MANIFEST
from tests.formats.conftest import DOCUMENTS, MIXED, NEWS, spans_of


def export(corpus: Path, fmt: str, out: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", fmt, "-o", str(out),
                                      *args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def reimport(tmp_path: Path, source: Path, fmt: str, name: str = "again.sqlite") -> Path:
    target = tmp_path / name
    result = CliRunner().invoke(cli, ["import", str(target), str(source), "--format", fmt,
                                      "--coder", "alice"])
    assert result.exit_code == 0, result.output
    return target


def all_spans() -> dict[str, list[tuple[int, int, str, str]]]:
    return {d["id"]: sorted((s["start"], s["end"], s["label"], s["text"]) for s in d["spans"])
            for d in DOCUMENTS}


# -- spaCy ----------------------------------------------------------------------------


def test_spacy_docbin_loads_with_every_span_and_non_overlapping_ents(coded: Path,
                                                                     tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    out = tmp_path / "train.spacy"
    report = export(coded, "spacy", out)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    assert [d.user_data["id"] for d in docs] == ["news-1", "mixed-2", "quiet-3"]
    expected = all_spans()
    for doc in docs:
        want = expected[doc.user_data["id"]]
        got = sorted((s.start_char, s.end_char, s.label_, s.text) for s in doc.spans["sc"])
        assert got == want
        for start, end, label, _text in want:
            assert doc.char_span(start, end, label=label) is not None
        ents = [(e.start_char, e.end_char) for e in doc.ents]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ents))
    news = docs[0]
    assert [e.text for e in news.ents] == ["Ain al-Assad airbase", "At least five US personnel",
                                           "the Pentagon"]
    assert "overlapping span left out of doc.ents" in report
    assert "US personnel" in report


def test_spacy_round_trip(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.spacy"
    export(coded, "spacy", out)
    again = reimport(tmp_path, out, "spacy")
    assert spans_of(again) == all_spans()



def test_a_large_spacy_export_is_a_folder_that_spacy_training_reads(
        coded: Path, tmp_path: Path, monkeypatch) -> None:
    import spacy
    from spacy.training import Corpus as TrainingCorpus

    from annotator.formats import spacy_docbin

    monkeypatch.setattr(spacy_docbin, "TOKENS_PER_FILE", 1)  # a file for each document
    out = tmp_path / "train.spacy"
    export(coded, "spacy", out)
    assert out.is_dir()
    assert sorted(p.name for p in out.iterdir() if p.name != MANIFEST) == [
        "train-0001.spacy", "train-0002.spacy", "train-0003.spacy"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left over
    nlp = spacy.blank("en")
    examples = list(TrainingCorpus(out)(nlp))  # what `spacy train --paths.train` does
    assert sorted(e.reference.user_data["id"] for e in examples) == [
        "mixed-2", "news-1", "quiet-3"]
    again = reimport(tmp_path, out, "spacy")
    assert spans_of(again) == all_spans()

# -- CoNLL ----------------------------------------------------------------------------------


def read_conll(path: Path) -> list[list[list[str]]]:
    """Documents -> sentences -> tags, checking the layout on the way."""
    documents: list[list[list[str]]] = []
    sentence: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line == "-DOCSTART- -X- O O":
            documents.append([])
        elif not line:
            if sentence:
                documents[-1].append(sentence)
            sentence = []
        else:
            token, pos, chunk, tag = line.split(" ")
            assert token and (pos, chunk) == ("-X-", "_")
            sentence.append(tag)
    return documents


def test_conll_passes_seqeval_strict_iob2_and_spacy_reads_it(coded: Path, tmp_path: Path) -> None:
    from seqeval.metrics import classification_report
    from seqeval.scheme import IOB2, Entities

    out = tmp_path / "train.conll"
    report = export(coded, "conll", out)
    documents = read_conll(out)
    assert len(documents) == 3
    sentences = [s for d in documents for s in d]
    entities = Entities(sentences, IOB2)  # raises on any tag that breaks IOB2
    labels = sorted(e.tag for e in entities.entities for e in e)
    assert labels == ["actor", "casualty", "casualty", "location", "location", "location",
                      "location"]
    classification_report(sentences, sentences, mode="strict", scheme=IOB2)
    assert "overlapping span left out of IOB tags" in report
    assert len(documents[0]) == 2  # two sentences in the news document

    from spacy.training.converters import conll_ner_to_docs

    docs = conll_ner_to_docs(out.read_text(encoding="utf-8"), n_sents=10)
    assert sorted(e.label_ for d in docs for e in d.ents) == labels


def test_conll_round_trip_keeps_the_labels_on_the_same_words(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "train.conll"
    export(coded, "conll", out)
    again = spans_of(reimport(tmp_path, out, "conll"))
    texts = sorted((label, text) for spans in again.values() for _s, _e, label, text in spans)
    assert ("location", "قاعدة عين الأسد") in texts
    assert ("casualty", "👩 \u200d 👩 \u200d 👧") in texts  # CoNLL separates tokens by spaces
    assert ("actor", "the Pentagon") in texts


# -- Hugging Face ---------------------------------------------------------------------------------


def test_hf_parquet_loads_with_tag_names(coded: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    out = tmp_path / "ner.parquet"
    export(coded, "hf", out)
    dataset = load_dataset("parquet", data_files=str(out), split="train")
    names = dataset.features["ner_tags"].feature.names
    assert names == ["O", "B-actor", "I-actor", "B-casualty", "I-casualty", "B-location",
                     "I-location"]
    first = dataset[0]
    tags = [names[i] for i in first["ner_tags"]]
    assert first["id"] == "news-1"
    assert len(first["tokens"]) == len(tags)
    at = first["tokens"].index("Ain")
    assert tags[at:at + 5] == ["B-location"] + ["I-location"] * 4
    assert "\n" not in dataset[1]["tokens"]


def test_hf_split_and_jsonl_load_as_datasets(coded: Path, tmp_path: Path,
                                                     monkeypatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    folder = tmp_path / "splits"
    export(coded, "hf", folder, "--split", "67/33")
    files = sorted(p.name for p in folder.iterdir() if p.name != MANIFEST)
    assert files == ["dev.parquet", "train.parquet"]
    splits = load_dataset("parquet", data_dir=str(folder))
    assert sorted(splits) == ["train", "validation"]
    assert splits["train"].num_rows + splits["validation"].num_rows == 3
    jsonl_out = tmp_path / "ner.jsonl"
    export(coded, "hf", jsonl_out)
    names = json.loads((tmp_path / "ner.tags.json").read_text())
    rows = load_dataset("json", data_files=str(jsonl_out), split="train")
    assert rows.num_rows == 3
    assert max(max(r) for r in rows["ner_tags"]) < len(names)


# -- doccano, Prodigy, Label Studio ---------------------------------------------------------------


def test_doccano_export_and_round_trip(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "doccano.jsonl"
    report = export(coded, "doccano", out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        assert set(line) >= {"id", "text", "label", "meta"}
        for start, end, _label in line["label"]:
            assert 0 <= start < end <= len(line["text"])
    assert "span attributes" in report
    assert spans_of(reimport(tmp_path, out, "doccano")) == all_spans()


def test_prodigy_tokens_and_spans_agree(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "prodigy.jsonl"
    export(coded, "prodigy", out)
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text, tokens = record["text"], record["tokens"]
        assert record["answer"] == "accept"
        for i, token in enumerate(tokens):
            assert token["id"] == i
            assert text[token["start"]:token["end"]] == token["text"]
        for s in record["spans"]:
            assert tokens[s["token_start"]]["start"] == s["start"]
            assert tokens[s["token_end"]]["end"] == s["end"]  # token_end is inclusive
    assert spans_of(reimport(tmp_path, out, "prodigy")) == all_spans()


def test_labelstudio_offsets_are_code_points_and_round_trip(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "ls.json"
    export(coded, "labelstudio", out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    mixed = next(t for t in tasks if t["data"]["id"] == "mixed-2")
    [annotation] = mixed["annotations"]
    basra = next(r["value"] for r in annotation["result"] if r["value"]["text"] == "Basra")
    assert basra["start"] == MIXED.index("Basra")  # an emoji before it counts one
    assert {a["completed_by"] for t in tasks for a in t["annotations"]} == {"alice", "bob"}
    assert spans_of(reimport(tmp_path, out, "labelstudio")) == all_spans()


# -- brat, CSV ------------------------------------------------------------------------------------


def test_brat_folder_round_trips_with_attributes(coded: Path, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    export(coded, "brat", folder)
    assert sorted(p.name for p in folder.iterdir() if p.name != MANIFEST) == [
        "annotation.conf", "document-ids.tab", "mixed-2.ann", "mixed-2.txt", "news-1.ann", "news-1.txt",
        "quiet-3.ann", "quiet-3.txt"]
    conf = (folder / "annotation.conf").read_text()
    assert "[entities]\nactor\ncasualty\nlocation\n" in conf
    ann = (folder / "news-1.ann").read_text(encoding="utf-8")
    assert "A1\tprecision T1 1" in ann
    assert "\tqualifier T2\tat least\n" in ann  # a note of its own name: read back as written
    again = reimport(tmp_path, folder, "auto")
    assert sorted(spans_of(again).values()) == sorted(all_spans().values())


def test_brat_splits_a_span_across_lines_into_fragments(tmp_path: Path) -> None:
    from tests.formats.conftest import build, span

    text = "Fighting in\nDonetsk city"
    corpus = build(tmp_path / "c.sqlite", [{"id": "d", "text": text, "spans": [
        span(text, "in\nDonetsk", "location")]}])
    export(corpus, "brat", tmp_path / "b")
    assert "T1\tlocation 9 11;12 19\tin Donetsk" in (tmp_path / "b" / "d.ann").read_text()
    assert spans_of(reimport(tmp_path, tmp_path / "b", "brat"))


def test_csv_is_one_row_per_span_and_safe_in_a_spreadsheet(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    export(coded, "csv", out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 8
    assert list(rows[0])[:9] == ["document_id", "title", "date", "label", "start", "end", "text",
                                 "coder", "origin"]
    assert {"precision", "count_low", "qualifier"} <= set(rows[0])
    quiet = next(r for r in rows if r["document_id"] == "quiet-3")
    assert quiet["title"] == "'=cmd|' /C calc'!A0"
    first = rows[0]
    assert NEWS[int(first["start"]):int(first["end"])] == first["text"]


# -- options: losses, strict, align, filters, split --------------------------------------------------


def test_strict_refuses_a_lossy_export_and_writes_nothing(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.conll"
    report = export(coded, "conll", out, "--strict", code=1)
    assert "nothing written" in report
    assert not out.exists()
    assert list(tmp_path.glob(".x.conll*")) == []
    export(coded, "jsonl", tmp_path / "x.jsonl", "--strict")  # native JSONL loses nothing


@pytest.mark.parametrize(("mode", "expected"), [("expand", "Katyusha"), ("contract", None),
                                                 ("strict", None)])
def test_align_modes(coded_misaligned: Path, tmp_path: Path, mode: str,
                     expected: str | None) -> None:
    out = tmp_path / f"{mode}.jsonl"
    report = export(coded_misaligned, "prodigy", out, "--align", mode)
    spans = [s["text"] for s in json.loads(out.read_text(encoding="utf-8").splitlines()[0])["spans"]]
    if expected:
        assert expected in spans
        assert "span moved to token boundaries (--align expand)" in report
        assert "Katyush" in report
    else:
        assert not any(s.startswith("Katyush") for s in spans)
        assert f"span not on token boundaries, left out (--align {mode})" in report


def test_filters_by_status_coder_and_label(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.jsonl"
    export(coded, "jsonl", out, "--status", "done", "--coder", "alice", "--labels", "location")
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in docs] == ["news-1", "quiet-3"]
    assert [(s["label"], s["coder"]) for d in docs for s in d["spans"]] == [
        ("location", "alice"), ("location", "alice")]
    export(coded, "jsonl", out, "--status", "in progress", "--coder", "bob")
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["news-1"]


def test_split_is_deterministic_and_by_document(tmp_path: Path) -> None:
    from tests.formats.conftest import build

    docs = [{"id": f"d{n}", "text": f"Report {n} of shelling."} for n in range(50)]
    corpus = build(tmp_path / "many.sqlite", docs)
    seen = []
    for attempt in range(2):
        folder = tmp_path / f"split{attempt}"
        export(corpus, "jsonl", folder, "--split", "80/10/10", "--seed", "7")
        ids = {name: [json.loads(line)["id"] for line in (folder / f"{name}.jsonl").read_text()
                      .splitlines()] for name in ("train", "dev", "test")}
        assert [len(v) for v in ids.values()] == [40, 5, 5]
        assert sorted(i for group in ids.values() for i in group) == sorted(d["id"] for d in docs)
        seen.append(ids)
    assert seen[0] == seen[1]
    other = tmp_path / "other"
    export(corpus, "jsonl", other, "--split", "80/10/10", "--seed", "8")
    assert [json.loads(x)["id"] for x in (other / "test.jsonl").read_text().splitlines()] != \
        seen[0]["test"]


@pytest.mark.parametrize(("args", "message"), [
    (["--split", "90/20"], "add up to 100"),
    (["--split", "a/b"], "parts like 80/10/10"),
    (["--format", "conll", "--lang", "zz-nope"], "no tokeniser"),
])
def test_bad_options_are_explained(coded: Path, tmp_path: Path, args: list[str],
                                   message: str) -> None:
    result = CliRunner().invoke(cli, ["export", str(coded), "-o", str(tmp_path / "o"), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_a_cancelled_export_leaves_nothing(coded: Path, tmp_path: Path) -> None:
    from annotator.formats.exporting import export_corpus
    from annotator.formats.registry import EXPORTS
    from annotator.formats.selection import ExportOptions
    from annotator.storage.corpus import Corpus

    out = tmp_path / "c.jsonl"
    with Corpus.open(coded) as corpus:
        result = export_corpus(corpus, EXPORTS["jsonl"], out, ExportOptions(),
                               cancelled=lambda: True)
    assert result.cancelled and not result.written
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in tmp_path.iterdir() if not p.name.startswith(".c.jsonl"))
    assert not out.exists()
