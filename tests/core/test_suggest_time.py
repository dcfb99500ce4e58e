"""Suggesting for a long article takes time in proportion to its length: the overlap
check asks about each suggestion's characters, not about every suggestion kept before."""

from __future__ import annotations

from annotator.core.gazetteer import Gazetteer
from annotator.core.suggest import suggest, whole_word_occurrences
from tests.timing import growth


def test_suggesting_for_a_long_article_grows_with_its_length() -> None:
    places = Gazetteer({})
    phrase = "Rebels attacked Gao and 5 people were killed. "
    text = phrase * 4
    found = suggest(text, places=places, actors=["Rebels"], taken=[(0, 6)])
    # The first "Rebels" is coded already: it is not suggested; the others are, once each.
    assert [(s.start, s.label) for s in found if s.label == "actor"] == [
        (len(phrase) * n, "actor") for n in (1, 2, 3)]
    grows = growth(lambda n: suggest(phrase * n, places=places, actors=["Rebels"]), 1500,
                    runs=3)
    assert grows < 9  # linear: about 4; the old check of every pair: about 16


def test_finding_a_phrase_again_skips_the_coded_places_in_time_with_the_text() -> None:
    text = "Gao " * 8
    assert whole_word_occurrences(text, "Gao", skip=[(0, 3), (8, 11)]) == [
        (4, 7), (12, 15), (16, 19), (20, 23), (24, 27), (28, 31)]

    def many(n: int) -> None:
        long = "Gao " * n
        whole_word_occurrences(long, "Gao", skip=[(at, at + 3) for at in range(0, 4 * n, 8)])

    assert growth(many, 4000, runs=3) < 9
