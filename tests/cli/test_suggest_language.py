"""`annotator suggest` by each document's language: the English casualty phrases and
actor patterns only for English (or a language not known), places and the corpus's
own actors for every document, and a spaCy model only for documents of its language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli

ENGLISH = "At least five soldiers were killed in Mopti by militants loyal to Katiba Macina."
# French press quotes English sources; "militants" is a French word too (activists).
FRENCH = ("Des militants ont manifesté samedi à Mopti contre la Katiba Macina. « At least "
          "five soldiers were killed », a déclaré le porte-parole de l'armée.")
UNKNOWN = "Five soldiers were killed in Kidal."  # too short to tell its language


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    actor = ENGLISH.index("Katiba Macina")
    documents = [
        {"id": "en-1", "text": ENGLISH, "meta": {"language": "en"},
         "spans": [{"start": actor, "end": actor + len("Katiba Macina"), "label": "actor",
                    "coder": "alice"}]},
        {"id": "fr-1", "text": FRENCH, "meta": {"language": "fr"}},
        {"id": "unknown-1", "text": UNKNOWN},
    ]
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents),
                      encoding="utf-8")
    path = tmp_path / "c.sqlite"
    result = run("import", path, source, "--coder", "alice")
    assert result.exit_code == 0, result.output
    return path


def suggestions(result: Result) -> dict[str, set[tuple[str, str, str]]]:
    """Each document's suggestions as (label, text, what suggested it)."""
    assert result.exit_code == 0, result.output
    found: dict[str, set[tuple[str, str, str]]] = {}
    for line in result.stdout.splitlines():
        item = json.loads(line)
        found.setdefault(item["doc"], set()).add(
            (item["label"], item["text"], item["attrs"]["suggested_by"]))
    return found


def test_english_readers_are_left_out_of_documents_in_other_languages(corpus: Path) -> None:
    result = run("suggest", corpus, "--json", "--coder", "alice")
    found = suggestions(result)
    assert ("casualty", "At least five soldiers", "casualty phrase") in found["en-1"]
    assert ("actor", "militants", "actor pattern") in found["en-1"]
    # The French document: places and the actors tagged in this corpus, nothing read by
    # the English patterns (neither the quoted casualty nor "Des militants").
    assert found["fr-1"] == {("location", "Mopti", "gazetteer"),
                             ("actor", "Katiba Macina", "actor dictionary")}
    # A language not known: every reader, as before languages were told.
    assert ("casualty", "Five soldiers", "casualty phrase") in found["unknown-1"]
    assert ("1 documents in other languages than English (1 French): casualty readings "
            "and actor patterns left out") in result.stderr


def test_nothing_is_said_of_a_corpus_in_english(corpus: Path) -> None:
    result = run("suggest", corpus, "--doc", "en-1", "--json")
    assert result.exit_code == 0, result.output
    assert "other languages" not in result.stderr


def _pipeline(folder: Path, lang: str) -> Path:
    """A real spaCy pipeline of ``lang`` whose only named entity is "Ansar Dine"."""
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Ansar Dine"}])
    nlp.to_disk(folder)
    return folder


@pytest.fixture
def named(tmp_path: Path) -> Path:
    documents = [
        {"id": "en-2", "text": "Fighters of Ansar Dine entered the town on Monday.",
         "meta": {"language": "en"}},
        {"id": "fr-2", "text": "Des combattants du groupe Ansar Dine sont entrés lundi dans la ville.",
         "meta": {"language": "fr"}},
    ]
    source = tmp_path / "named.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents),
                      encoding="utf-8")
    path = tmp_path / "named.sqlite"
    assert run("import", path, source).exit_code == 0
    return path


def test_a_model_reads_only_documents_of_its_language(named: Path, tmp_path: Path) -> None:
    english = _pipeline(tmp_path / "en-model", "en")
    result = run("suggest", named, "--json", "--model", english)
    found = suggestions(result)
    assert ("actor", "Ansar Dine", "spaCy model") in found["en-2"]
    assert "fr-2" not in found
    assert ("no spaCy model given for the language of 1 documents (1 French): the model's "
            "suggestions left out of them") in result.stderr


def test_each_document_gets_the_model_of_its_language(named: Path, tmp_path: Path) -> None:
    english = _pipeline(tmp_path / "en-model", "en")
    french = _pipeline(tmp_path / "fr-model", "fr")
    result = run("suggest", named, "--json", "--model", english, "--model", french)
    found = suggestions(result)
    assert found["en-2"] == found["fr-2"] == {("actor", "Ansar Dine", "spaCy model")}
    assert "no spaCy model" not in result.stderr


def test_the_windows_suggestions_use_a_model_only_on_its_language(named: Path,
                                                                   tmp_path: Path) -> None:
    # The window hands make_suggestions the one model it has loaded, whatever the
    # document's language.
    import spacy

    from annotator.storage.corpus import Corpus
    from annotator.storage.history import document_id
    from annotator.storage.suggestions import make_suggestions

    english = spacy.load(_pipeline(tmp_path / "en-model", "en"))
    with Corpus.open(named) as corpus:
        made = {uid: {(s.text, s.attrs["suggested_by"])
                      for s in make_suggestions(corpus, document_id(corpus, uid), "alice",
                                                model=english)}
                for uid in ("en-2", "fr-2")}
    assert ("Ansar Dine", "spaCy model") in made["en-2"]
    assert made["fr-2"] == set()
