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
    model = tmp_path / "c.sqlite-model"
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
    assert not (tmp_path / "c.sqlite-model").exists()


def test_only_the_chosen_coder_s_done_documents_are_learnt(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 25, done_by="ben")
    result = run("train", corpus, "--coder", "alice")
    assert result.exit_code == 2 and "no coder 'alice'" in result.output
    assert "(its coders: ben)" in result.output


def test_a_new_model_replaces_the_old_one_whole(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 25)
    out = tmp_path / "models" / "ner"
    assert run("train", corpus, "--out", out, "--epochs", "2").exit_code == 0
    first = (out / "meta.json").read_text(encoding="utf-8")
    assert run("train", corpus, "--out", out, "--epochs", "3").exit_code == 0
    assert spacy.load(out).pipe_names == ["ner"]
    assert (out / "meta.json").exists() and first
    assert sorted(p.name for p in out.parent.iterdir()) == ["ner"]  # nothing left beside it


def _base_pipeline(folder: Path) -> Path:
    """A pipeline as a user might have installed: a sentence splitter, word vectors
    and an entity recogniser of its own labels."""
    import numpy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ner = nlp.add_pipe("ner")
    ner.add_label("OLD_LABEL")
    rng = numpy.random.default_rng(3)
    for article in articles(5, seed=5):
        for word in set(article["text"].split()):
            nlp.vocab.set_vector(word, rng.standard_normal(16).astype("float32"))
    nlp.initialize()
    nlp.to_disk(folder / "base")
    return folder / "base"


def test_a_model_can_start_from_an_installed_pipeline_keeping_its_parts(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 24)
    base = _base_pipeline(tmp_path)
    result = run("train", corpus, "--base", base, "--seed", "1")
    assert result.exit_code == 0, result.output
    nlp = spacy.load(tmp_path / "c.sqlite-model")
    assert nlp.pipe_names == ["sentencizer", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"actor", "casualty", "location"}
    assert nlp.vocab.vectors.shape == spacy.load(base).vocab.vectors.shape
    all_row = next(line.split() for line in result.stdout.splitlines() if line.startswith("all"))
    assert float(all_row[3]) >= 0.5
    doc = nlp("Rebel fighters attacked a checkpoint near Gao. Three soldiers were killed.")
    assert len(list(doc.sents)) == 2  # the installed sentence splitter still works


def test_a_pipeline_not_installed_is_named_and_nothing_is_downloaded(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 24)
    result = run("train", corpus, "--base", "xx_not_a_pipeline_sm")
    assert result.exit_code == 2
    assert "'xx_not_a_pipeline_sm' is not installed; annotator never downloads" in result.output
    assert not (tmp_path / "c.sqlite-model").exists()


def test_the_model_starts_from_the_language_the_coded_documents_are_in(tmp_path: Path):
    weapons = ["obus", "roquettes", "fusils", "grenades", "drones", "mortiers"]
    towns = ["Gao", "Kidal", "Mopti", "Tombouctou"]
    source = tmp_path / "fr.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(22):
            weapon = weapons[n % len(weapons)]
            text = (f"Des combattants ont tiré des {weapon} sur le camp près de "
                    f"{towns[n % len(towns)]} le jour {n}. Les habitants ont fui la ville "
                    "pendant la nuit, selon les autorités locales.")
            start = text.index(weapon)
            out.write(json.dumps({"id": f"fr-{n}", "text": text, "spans": [
                {"start": start, "end": start + len(weapon), "label": "arme",
                 "coder": "alice"}], "statuses": {"alice": "done"}}) + "\n")
    corpus = tmp_path / "fr.sqlite"
    assert run("import", corpus, source).exit_code == 0
    assert run("train", corpus, "--epochs", "2").exit_code == 0
    nlp = spacy.load(tmp_path / "fr.sqlite-model")
    assert nlp.lang == "fr"
    assert [t.text for t in nlp.make_doc("l'armée")] == ["l'", "armée"]  # French rules


CONLL_DEV = "real/annotations/nerpy/examples/data/conll03/dev.word.bioes.tsv"


def test_a_labelled_corpus_imported_from_another_tool_trains_as_it_is(tmp_path: Path):
    """CoNLL-2003's 216 Reuters articles, as another project wrote them: imported with
    their spans and no status, they are the coded documents (not "code 20 more")."""
    from tests.conftest import SHARED_DATA, shared

    corpus = tmp_path / "conll.sqlite"
    assert run("import", corpus, shared(SHARED_DATA / CONLL_DEV)).exit_code == 0
    result = run("train", corpus, "--epochs", "1")
    assert result.exit_code == 0, result.output
    assert set(result.stdout.split()) >= {"PER", "ORG", "LOC", "MISC"}
    assert "216 of the documents came labelled from imported files" in result.stdout
    assert "measured on 43 held out" in result.stdout


def test_an_imported_document_a_coder_took_up_is_theirs_to_mark_done(tmp_path: Path):
    source = tmp_path / "labelled.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for article in articles(22, seed=5):
            spans = [{k: s[k] for k in ("start", "end", "label")} for s in article["spans"]]
            out.write(json.dumps({"id": article["id"], "text": article["text"],
                                  "spans": spans}) + "\n")
    corpus = tmp_path / "c.sqlite"
    assert run("import", corpus, source, "--coder", "tool").exit_code == 0
    from annotator.storage.corpus import Corpus
    from annotator.storage.training_data import coded_texts

    with Corpus.open(corpus) as opened:
        assert len(coded_texts(opened)) == 22
        assert all(text.imported for text in coded_texts(opened))
        first, second = opened.document_ids()[:2]
        opened.set_status(first, "tool", "in progress")  # taken up, not finished
        opened.set_status(second, "ben", "in progress")  # another coder's, not the file's
        texts = coded_texts(opened)
        assert len(texts) == 21
        assert len(coded_texts(opened, ["ben"])) == 0  # ben's spans: none, none done
    assert "21 of the documents came labelled" in run("train", corpus, "--epochs",
                                                          "1").stdout


def test_a_language_spacy_lacks_is_named_when_asked_for(tmp_path: Path):
    corpus = _coded_corpus(tmp_path, 22)
    result = run("train", corpus, "--lang", "zz")
    assert result.exit_code == 2
    assert "spaCy has no language 'zz'" in result.output
    assert not (tmp_path / "c.sqlite-model").exists()
