"""Training attacked through its data and options: long documents, odd labels, empty
documents, languages spaCy lacks, a coder who is not there, a broken base pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.training import CodedText, train
from annotator.model_files import model_dir
from tests.attack19.test_attack_model_folder import coded_corpus, run

LINE = "Fighters fired mortars at the camp near Gao. Residents fled.\n"


def test_one_long_coded_document_does_not_stop_the_training(tmp_path: Path):
    corpus = coded_corpus(tmp_path)
    text = LINE * (1_050_000 // len(LINE) + 1)  # an archive's whole month, coded
    start = text.index("mortars")
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps({
        "id": "long", "text": text, "statuses": {"alice": "done"},
        "spans": [{"start": start, "end": start + 7, "label": "weapon", "coder": "alice"}],
    }) + "\n", encoding="utf-8")
    assert run("import", corpus, source).exit_code == 0
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0")
    assert result.exit_code == 0, result.output
    assert (model_dir(corpus) / "meta.json").is_file()


def test_a_coder_who_is_not_in_the_corpus_is_named(tmp_path: Path):
    corpus = coded_corpus(tmp_path)
    result = run("train", corpus, "--coder", "alcie", "--epochs", "1")
    assert result.exit_code != 0
    assert "alcie" in result.output, result.output


def test_a_base_pipeline_with_a_null_meta_is_said_plainly(tmp_path: Path):
    corpus = coded_corpus(tmp_path)
    assert run("train", corpus, "--epochs", "1", "--doubt-pool", "0").exit_code == 0
    base = tmp_path / "base"
    model_dir(corpus).rename(base)
    (base / "meta.json").write_text("null", encoding="utf-8")
    result = run("train", corpus, "--epochs", "1", "--doubt-pool", "0", "--base", base)
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert str(base) in result.output


def _reports(count: int) -> list[CodedText]:
    found = []
    for n in range(count):
        text = f"Fighters fired mortars at the camp near Gao on day {n}. Residents fled."
        start = text.index("mortars")
        found.append(CodedText(f"d{n}", text, ((start, start + 7, "weapon"),)))
    return found


ODD = {
    "a label with spaces and other scripts": [CodedText("u", "Shots near Gao", (
        (0, 5, "armed group ✓ ሰላም 武装"),))],
    "a label of 1000 characters": [CodedText("l", "Shots near Gao", ((0, 5, "L" * 1000),))],
    "a span at the text's end": [CodedText("e", "Shots near Gao", ((11, 14, "location"),))],
    "a span over spaces alone": [CodedText("w", "Shots   fired", ((6, 7, "weapon"),))],
    "an empty document marked done": [CodedText("0", "", ())],
    "documents without spans": [CodedText(f"n{n}", "Nothing happened.", ()) for n in range(5)],
    "Chinese without spaces": [CodedText("zh", "叛军在加奥附近发射迫击炮。", ((5, 8, "weapon"),),
                                         "zh")],
}


@pytest.mark.parametrize("case", sorted(ODD))
def test_odd_coded_data_trains(case: str):
    """Held: each trains (one pass) and its report names the labels learnt."""
    nlp, report = train(_reports(21) + ODD[case], epochs=1, hold_out=False)
    assert "weapon" in nlp.get_pipe(report.kind).labels


@pytest.mark.parametrize("lang", ["zz", "ti", "ja"])
def test_a_language_spacy_lacks_or_cannot_tokenize_falls_back(lang: str):
    """Held: a language spaCy lacks (zz) or needs a tokenizer package for (ja) trains
    a multi-language pipeline; one it has (ti) its own."""
    documents = [CodedText(d.uid, d.text, d.spans, lang) for d in _reports(21)]
    nlp, _report = train(documents, epochs=1, hold_out=False)
    assert nlp.lang in (lang, "xx")
