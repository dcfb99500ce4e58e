"""Attacks on snapping (core.snap with the export tokens of token_lookup): hostile text
(combining marks, right-to-left and bidi controls, emoji sequences, flags, line and
paragraph separators, runs of punctuation longer than every window) under each
tokeniser a document can have (spaCy's, one token a character, the plain fallback,
and tokens kept from the source with gaps between them).

What must hold: the snapped range is inside the text, never empty when the selection
held anything but white space, and snapping what was snapped changes nothing (the
window shows the snapped selection, and the label key snaps it again)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.snap import snap_selection
from annotator.formats.conll_text import TOKENIZATION
from annotator.formats.token_lookup import ExportTokens

PIECES = ["word", "Gao", "x", " ", " ", "  ", "\n", "\t", ".", ",", "!", "?", "...", "(",
          ")", "[", "]", "“", "”", "„", "«", "»", "\"", "'", "’", "-", "—", "–", "%", "#",
          "U.S.", "al-Assad", "Qa'ida", "e\u0301", "\u0651", "\u200f", "\u200e",
          "\u202e", "\u2066", "\u200d", "\u00ad", "\ufeff", "\x85", "\u3000", "\u00a0",
          "مرحبا", "👨\u200d👩\u200d👧", "🇲🇱", "🏽", "。", "、", "「", "」", "٫", "١٢"]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=120).map("".join)
# "zz" has no spaCy tokeniser: the plain fallback (words and single other characters).
LANGUAGES = ["auto", "characters", "zz"]
SLOW = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def check(text: str, start: int, end: int, tokens: ExportTokens) -> None:
    low, high = snap_selection(text, start, end, tokens)
    assert 0 <= low <= high <= len(text)
    if text[start:end].strip():
        assert low < high, (start, end)
        assert not text[low].isspace() and not text[high - 1].isspace()
        assert snap_selection(text, low, high, tokens) == (low, high)
    else:
        assert low == high


@pytest.mark.parametrize("lang", LANGUAGES)
@SLOW
@given(text=TEXTS, data=st.data())
def test_snapping_stays_in_the_text_is_never_empty_and_is_stable(
        lang: str, text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check(text, start, end, ExportTokens(text, None, lang))


@SLOW
@given(text=TEXTS, data=st.data())
def test_snapping_to_tokens_kept_from_a_source_with_gaps_between_them(
        text: str, data: st.DataObject) -> None:
    """A source's own tokens may leave characters out of every token."""
    words = [(i, i + 1) for i, c in enumerate(text) if not c.isspace()]
    kept = sorted(data.draw(st.sets(st.sampled_from(words), max_size=len(words)))
                  if words else set())
    tokens = ExportTokens(text, {TOKENIZATION: {"tokens": [list(t) for t in kept]}})
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check(text, start, end, tokens)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_selection_past_every_window_of_punctuation_keeps_its_tokens(lang: str) -> None:
    text = "Gao " + "—" * 3000 + " .!?" * 400 + " Mali"
    start, end = text.index("—"), text.rindex(" Mali")
    low, high = snap_selection(text, start, end, ExportTokens(text, None, lang))
    assert start <= low < high <= end  # nothing but punctuation: its own tokens, kept
    assert snap_selection(text, start - 4, end + 5, ExportTokens(text, None, lang)) == (
        0, len(text))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_out_of_range_and_reversed_selections_are_brought_inside(lang: str) -> None:
    text = "«Ḥamās» struck Gao."
    tokens = ExportTokens(text, None, lang)
    for start, end in ((-5, 3), (3, 10 ** 6), (-1, -1), (50, 60), (10, 2)):
        low, high = snap_selection(text, start, end, tokens)
        assert 0 <= low <= high <= len(text)


def test_the_plain_fallback_keeps_a_word_with_combining_marks_whole() -> None:
    text = "Das Ma\u0308dchen lief."
    start = text.index("Ma")
    tokens = ExportTokens(text, None, "zz")
    assert snap_selection(text, start, start + 3, tokens) == (start, start + 8)
