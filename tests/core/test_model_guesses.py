"""A trained model's suggestions, each with how sure it is: an entity recogniser read
with a beam, a span categorizer (chosen where the coded spans overlap) with its scores;
below the threshold a suggestion is not made; long texts are read in pieces whose
offsets are the text's."""

from __future__ import annotations

from itertools import pairwise

import pytest

from annotator.bench.synthetic import articles
from annotator.core.gazetteer import Gazetteer
from annotator.core.model_guesses import (
    confident,
    expected_mistakes,
    guesses,
    is_corpus_model,
    pieces,
)
from annotator.core.suggest import CORPUS_MODEL, suggest
from annotator.core.training import CodedText, choose_kind, train

SENTENCE = ("Rebel fighters attacked a checkpoint near Gao on Monday, and three soldiers were "
            "killed, according to the army.")


def _coded(count: int, *, nested: bool = False) -> list[CodedText]:
    documents = []
    for article in articles(count, seed=5):
        spans = [(s["start"], s["end"], s["label"]) for s in article["spans"]]
        if nested:  # the first word of each actor is also a "head": spans that overlap
            text = article["text"]
            spans += [(start, start + len(text[start:end].split()[0]), "head")
                      for start, end, label in spans if label == "actor"]
        documents.append(CodedText(article["id"], article["text"], tuple(spans)))
    return documents


@pytest.fixture(scope="module")
def recogniser():
    nlp, report = train(_coded(24), epochs=6, seed=1)
    return nlp, report


def test_each_guess_has_a_confidence_and_the_threshold_drops_the_doubtful(recogniser):
    nlp, report = recogniser
    assert report.kind == "ner" and is_corpus_model(nlp)
    found = guesses(nlp, SENTENCE)
    assert found and all(0.0 <= g.confidence <= 1.0 for g in found)
    assert ("Gao", "location") in [(SENTENCE[g.start:g.end], g.label)
                                   for g in confident(found, 0.5)]
    # A threshold above every confidence leaves nothing; below every one keeps a
    # non-overlapping set, surest first.
    assert confident(found, 1.01) == []
    kept = confident(found, 0.0)
    assert all(a.end <= b.start for a, b in pairwise(kept))
    # The doubt is what the model expects to get wrong: min(p, 1-p) summed.
    assert expected_mistakes(found) == pytest.approx(
        sum(min(g.confidence, 1 - g.confidence) for g in found))


def test_model_suggestions_say_their_source_and_confidence_and_heed_the_threshold(recogniser):
    nlp, _report = recogniser
    shown = suggest(SENTENCE, places=Gazetteer({}), model=nlp)
    from_model = [s for s in shown if s.source == CORPUS_MODEL]
    assert from_model and all(s.confidence is not None and s.confidence >= 0.5
                              for s in from_model)
    strict = suggest(SENTENCE, places=Gazetteer({}), model=nlp, model_threshold=1.01)
    assert [s for s in strict if s.source == CORPUS_MODEL] == []


def test_a_long_text_is_read_in_pieces_with_the_text_s_offsets(recogniser):
    nlp, _report = recogniser
    filler = "Nothing happened in the market today. " * 40
    text = (filler + SENTENCE + "\n") * 3
    cut = list(pieces(text, size=len(filler) + 40))
    assert len(cut) > 3 and "".join(piece for _offset, piece in cut) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in cut)
    whole = {(g.start, g.end, g.label) for g in confident(guesses(nlp, text), 0.5)}
    assert sum(text[s:e] == "Gao" for s, e, _label in whole) == 3


def test_overlapping_spans_give_a_span_categorizer_whose_suggestions_nest(tmp_path):
    documents = _coded(24, nested=True)
    assert choose_kind(documents) == "spancat" and choose_kind(_coded(24)) == "ner"
    nlp, report = train(documents, epochs=6, seed=1)
    assert report.kind == "spancat" and "spancat" in nlp.pipe_names
    assert report.overlapping == 0  # nothing left out: a categorizer takes overlaps
    assert report.overall.f1 > 0.5
    text = documents[0].text
    found = guesses(nlp, text)
    assert found and all(g.confidence is not None for g in found)
    shown = suggest(text, places=Gazetteer({}), model=nlp)
    heads = [s for s in shown if s.label == "head"]
    actors = [s for s in shown if s.label == "actor"]
    # A head suggested inside an actor suggested: both shown, as the coders coded them.
    assert any(a.start <= h.start and h.end <= a.end for h in heads for a in actors)
    # Saved and loaded as a pipeline, it reads the same.
    nlp.to_disk(tmp_path / "m")
    import spacy

    again = spacy.load(tmp_path / "m")
    assert is_corpus_model(again)
    assert {(g.start, g.end, g.label) for g in guesses(again, text)} == \
        {(g.start, g.end, g.label) for g in found}


def test_a_corpus_model_s_own_label_comes_before_a_reader_s_label_it_never_gives():
    """Coders who tag "LOC" get the model's LOC on Gao, not the gazetteer's "location";
    where the model gives "location" too, the gazetteer's (with its coordinates) stays."""
    from annotator.core.gazetteer import world

    towns = ["Gao", "Kidal", "Mopti", "Menaka", "Segou", "Timbuktu"]
    documents = []
    for n in range(22):
        town = towns[n % len(towns)]
        text = f"Fighters attacked a convoy near {town} on day {n}, residents said."
        start = text.index(town)
        documents.append(CodedText(f"d{n}", text, ((start, start + len(town), "LOC"),)))
    nlp, _report = train(documents, seed=1)
    text = "Fighters attacked a convoy near Gao on day 40, residents said."
    shown = suggest(text, places=world(), model=nlp)
    assert [(s.text, s.label, s.source) for s in shown] == [("Gao", "LOC", CORPUS_MODEL)]
    # Without the model, the gazetteer's as before.
    assert [(s.text, s.label) for s in suggest(text, places=world())] == [("Gao", "location")]
