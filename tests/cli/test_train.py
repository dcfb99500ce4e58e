"""`annotator train`: an entity recogniser learnt from the coders' done documents, on the
CPU with nothing downloaded; what it reached on the held-out documents, label by label;
a corpus with too few coded documents says how many more; a model already there stays in
use until the new one is whole."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from click.testing import CliRunner

from annotator.bench.synthetic import articles
from annotator.cli import cli


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _coded_corpus(folder: Path, count: int, done_by: str = "alice") -> Path:
    source = folder / "coded.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for article in articles(count, seed=5):
            out.write(json.dumps({"id": article["id"], "text": article["text"],
                                  "spans": [{**s, "coder": done_by} for s in article["spans"]],
                                  "statuses": {done_by: "done"}}) + "\n")
    corpus = folder / "c.sqlite"
    assert run("import", corpus, source).exit_code == 0
    return corpus


def test_a_model_learns_the_coded_labels_and_says_what_it_reached(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 30)
    result = run("train", corpus, "--epochs", "12", "--seed", "1")
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()[2:]}
    assert set(rows) == {"actor", "casualty", "location", "all"}
    assert float(rows["all"][2]) >= 0.6  # F1 on the held-out documents
    model = tmp_path / "c-model"
    nlp = spacy.load(model)
    doc = nlp("Rebel fighters attacked a checkpoint near Gao on Monday, and three soldiers "
              "were killed, according to the army.")
    assert "Gao" in [ent.text for ent in doc.ents if ent.label_ == "location"]
    # And its labels come through as suggestions, as an installed model's do.
    from annotator.core.gazetteer import Gazetteer
    from annotator.core.suggest import suggest

    found = suggest(doc.text, places=Gazetteer({}), model=nlp)
    assert ("Gao", "location") in [(s.text, s.label) for s in found
                                   if s.source == "corpus model" and s.confidence is not None]


def test_too_few_coded_documents_say_how_many_more(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 12)
    result = run("train", corpus)
    assert result.exit_code == 2
    assert "12 coded documents; training needs at least 20: code 8 more" in result.output
    assert not (tmp_path / "c-model").exists()


def test_only_the_chosen_coder_s_done_documents_are_learnt(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 25, done_by="ben")
    result = run("train", corpus, "--coder", "alice")
    assert result.exit_code == 2 and "0 coded documents" in result.output


def test_a_new_model_replaces_the_old_one_whole(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 25)
    out = tmp_path / "models" / "ner"
    assert run("train", corpus, "--out", out, "--epochs", "2").exit_code == 0
    first = (out / "meta.json").read_text(encoding="utf-8")
    assert run("train", corpus, "--out", out, "--epochs", "3").exit_code == 0
    assert spacy.load(out).pipe_names == ["ner"]
    assert (out / "meta.json").exists() and first
    assert sorted(p.name for p in out.parent.iterdir()) == ["ner"]  # nothing left beside it
