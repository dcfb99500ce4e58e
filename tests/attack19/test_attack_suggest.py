"""Suggesting with the corpus model attacked: threshold edge values, very long
documents read in pieces."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from annotator.core.model_guesses import PIECE, confident, guesses
from annotator.model_files import model_dir
from tests.attack19.test_attack_model_folder import coded_corpus, run

LINE = "Fighters fired mortars at the camp near Gao. Residents fled.\n"


@pytest.fixture(scope="module")
def learnt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus whose model learnt its one label (the default passes: seconds)."""
    corpus = coded_corpus(tmp_path_factory.mktemp("learnt"))
    result = run("train", corpus, "--doubt-pool", "0", "--seed", "1")
    assert result.exit_code == 0, result.output
    return corpus


def test_min_confidence_nan_is_refused(learnt: Path):
    result = run("suggest", learnt, "--model", "corpus", "--min-confidence", "nan")
    assert result.exit_code == 2, result.output
    assert "nan" in result.output


@pytest.mark.parametrize("value", ["0", "-0", "1", "1.0"])
def test_min_confidence_edges_are_taken(learnt: Path, tmp_path: Path, value: str):
    """Held: 0, -0 and 1 are thresholds like any other."""
    result = run("suggest", learnt, "--model", "corpus", "--min-confidence", value,
                 "--doc", "d23")
    assert result.exit_code == 0, result.output


def test_a_long_document_is_read_in_pieces_with_exact_offsets(learnt: Path):
    """Held: a text over two pieces long gives spans whose offsets are the text's own, in
    every piece."""
    nlp = spacy.load(model_dir(learnt))
    text = LINE * (int(2.4 * PIECE) // len(LINE))
    found = confident(guesses(nlp, text), 0.5)
    assert found and {text[g.start:g.end] for g in found} == {"mortars"}
    assert max(g.start for g in found) > 2 * PIECE
    assert len(found) == text.count("mortars")


def test_a_corpus_model_of_another_language_is_said_as_such(tmp_path: Path):
    """Held since 19dfbfa (before it, the advice was to give a model of each language)."""
    import json

    source = tmp_path / "fr.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(23):
            text = f"Des combattants ont tiré des mortiers près de Gao le jour {n}."
            start = text.index("mortiers")
            record: dict[str, object] = {"id": f"f{n}", "text": text,
                                         "meta": {"language": "fr"}}
            if n < 22:
                record |= {"spans": [{"start": start, "end": start + 8, "label": "weapon",
                                      "coder": "alice"}], "statuses": {"alice": "done"}}
            out.write(json.dumps(record) + "\n")
        out.write(json.dumps({"id": "e1", "text": "Fighters fired mortars near Gao.",
                              "meta": {"language": "en"}}) + "\n")
    corpus = tmp_path / "fr.sqlite"
    assert run("import", corpus, source).exit_code == 0
    assert run("train", corpus, "--epochs", "1", "--doubt-pool", "0").exit_code == 0
    result = run("suggest", corpus, "--model", "corpus", "--doc", "e1")
    assert result.exit_code == 0, result.output
    assert "English" in result.output  # the document left without the model, named
    assert "give a model of each language" not in result.output, result.output
