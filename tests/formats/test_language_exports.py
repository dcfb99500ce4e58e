"""Exports by each document's language: the tokeniser of its language, the --language
filter that says what it left out, and the Hugging Face ``language`` column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.language import with_language
from annotator.core.model import DocumentRecord
from annotator.formats.base import ReadDocument, ReadOptions
from annotator.formats.registry import READERS, format_for
from annotator.storage.bulk import add_documents, iter_documents
from annotator.storage.corpus import Corpus

# English and French rules cut these differently: "L'armée", "qu'il" and "l'aéroport"
# are one token each in English, two in French.
FRENCH = ("L'armée a dit qu'il y avait des combats aujourd'hui près de l'aéroport de Gao, "
          "où trois soldats ont été blessés.")
ENGLISH = ("The army said there was fighting today near the airport of Gao, where three "
           "soldiers were wounded.")
DUTCH = ("Het leger meldde dat er vandaag werd gevochten bij de luchthaven van Gao, waar "
         "drie soldaten gewond raakten.")


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def imported_as_plain_text(tmp_path: Path, texts: dict[str, str]) -> Path:
    """A corpus of plain-text files, each read by its reader and given its language as
    every import does (formats/importing.py calls with_language on each record)."""
    path = tmp_path / "plain.sqlite"
    records = []
    for name, text in texts.items():
        source = tmp_path / f"{name}.txt"
        source.write_text(text + "\n", encoding="utf-8")
        fmt = format_for(source, "auto")
        assert fmt is not None
        [item] = READERS[fmt](source, ReadOptions())
        assert isinstance(item, ReadDocument)
        records.append(with_language(item.record))
    with Corpus.open(path) as corpus:
        add_documents(corpus, records)
    return path


def conll_tokens(out: Path) -> list[str]:
    return [line.split()[0] for line in out.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("-DOCSTART-")]


def test_a_french_text_file_is_tokenised_by_french_rules(tmp_path: Path) -> None:
    corpus = imported_as_plain_text(tmp_path, {"fr": FRENCH, "en": ENGLISH})
    with Corpus.open(corpus) as opened:
        languages = sorted(c.document.meta.get("language") for c in iter_documents(opened))
    assert languages == ["en", "fr"]
    out = tmp_path / "out.conll"
    result = run("export", corpus, "--format", "conll", "-o", out)
    assert result.exit_code == 0, result.output
    tokens = conll_tokens(out)
    armee = tokens.index("armée")
    assert tokens[armee - 1:armee + 1] == ["L'", "armée"]
    assert "qu'" in tokens and "il" in tokens and "l'" in tokens and "aéroport" in tokens
    assert "L'armée" not in tokens and "qu'il" not in tokens
    # --lang still overrides every document's own language.
    result = run("export", corpus, "--format", "conll", "-o", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "L'armée" in conll_tokens(out) and "qu'il" in conll_tokens(out)


def test_the_spacy_export_has_french_tokens(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    corpus = imported_as_plain_text(tmp_path, {"fr": FRENCH})
    out = tmp_path / "out.spacy"
    result = run("export", corpus, "--format", "spacy", "-o", out)
    assert result.exit_code == 0, result.output
    [doc] = DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab)
    assert [t.text for t in doc][:2] == ["L'", "armée"]


def test_annotator_import_stores_the_language_of_a_plain_text_file(tmp_path: Path) -> None:
    source = tmp_path / "fr.txt"
    source.write_text(FRENCH + "\n", encoding="utf-8")
    corpus = tmp_path / "c.sqlite"
    assert run("import", corpus, source).exit_code == 0
    with Corpus.open(corpus) as opened:
        [coded] = list(iter_documents(opened))
    assert coded.document.meta.get("language") == "fr"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """English, French, Dutch, one document whose file said "ENGLISH" (stored by a
    release that kept the file's words as they were) and one of no known language: as
    stored, so no import normalises them on the way."""
    path = tmp_path / "mixed.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [
            DocumentRecord(uid="en-1", text=ENGLISH, meta={"language": "en"}),
            DocumentRecord(uid="fr-1", text=FRENCH, meta={"language": "fr"}),
            DocumentRecord(uid="nl-1", text=DUTCH, meta={"language": "nl"}),
            DocumentRecord(uid="en-2", text=ENGLISH + " Again.", meta={"language": "ENGLISH"}),
            DocumentRecord(uid="none-1", text="Gao, 12 May."),
        ])
    return path


def exported_ids(out: Path) -> list[str]:
    return [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]


def test_language_filter_keeps_those_languages_and_says_how_many_it_left_out(
        mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("export", mixed, "-o", out, "--language", "en,fr")
    assert result.exit_code == 0, result.output
    assert sorted(exported_ids(out)) == ["en-1", "en-2", "fr-1"]
    assert ("left out 2 documents for their language (not en, fr), 1 of them of no known "
            "language") in result.stderr
    result = run("export", mixed, "-o", out, "--language", "French")
    assert exported_ids(out) == ["fr-1"]
    assert "left out 4 documents for their language (not fr)" in result.stderr
    result = run("export", mixed, "-o", out)
    assert len(exported_ids(out)) == 5 and "left out" not in result.stderr


def test_language_filter_to_standard_output(mixed: Path) -> None:
    result = run("export", mixed, "-o", "-", "--language", "nl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["nl-1"]
    assert "left out 4 documents for their language (not nl)" in result.stderr


def test_a_split_export_counts_each_document_left_out_once(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "split"
    result = run("export", mixed, "-o", out, "--split", "50/50", "--language", "en")
    assert result.exit_code == 0, result.output
    written = [i for name in ("train.jsonl", "dev.jsonl") if (out / name).exists()
               for i in exported_ids(out / name)]
    assert sorted(written) == ["en-1", "en-2"]
    assert "left out 3 documents for their language (not en)" in result.stderr


@pytest.mark.parametrize("value", ["xx", "en,Klingon"])
def test_a_language_filter_that_names_no_language_is_refused(
        mixed: Path, tmp_path: Path, value: str) -> None:
    out = tmp_path / "out.jsonl"
    result = run("export", mixed, "-o", out, "--language", value)
    assert result.exit_code == 2
    assert "is not a language; give ISO 639-1 codes such as en,fr" in result.stderr
    assert "Traceback" not in result.output and not out.exists()


def test_hugging_face_rows_carry_the_language(mixed: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    from datasets import load_dataset

    out = tmp_path / "ner.parquet"
    result = run("export", mixed, "--format", "hf", "-o", out)
    assert result.exit_code == 0, result.output
    rows = load_dataset("parquet", data_files=str(out), split="train")
    assert dict(zip(rows["id"], rows["language"], strict=True)) == {
        "en-1": "en", "fr-1": "fr", "nl-1": "nl", "en-2": "ENGLISH", "none-1": None}
    lines = tmp_path / "ner.jsonl"
    assert run("export", mixed, "--format", "hf", "-o", lines, "--language", "fr").exit_code == 0
    [row] = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert (row["id"], row["language"]) == ("fr-1", "fr")


def test_the_language_is_not_reported_lost_by_formats_without_meta(mixed: Path,
                                                                   tmp_path: Path) -> None:
    # Every import makes it anew (declared or detected), as it does a file's name.
    out = tmp_path / "out.conll"
    result = run("export", mixed, "--format", "conll", "-o", out)
    assert result.exit_code == 0, result.output
    assert "document details" not in result.output, result.output
