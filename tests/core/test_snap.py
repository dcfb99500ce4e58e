"""Selections snap to whole tokens and drop sentence punctuation at their edges.

The tokens are the ones exports write (formats.token_lookup), so besides the rule's
own cases these tests check that a snapped span is always token-aligned in the
whole document's tokens as ``make_doc`` gives them, on made-up and real news text.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.snap import is_edge_punctuation, snap_selection
from annotator.formats.token_lookup import ExportTokens
from annotator.formats.tokens import LONGEST_RUN, make_doc
from tests.conftest import SAMPLE_ARTICLE, SHARED_DATA, shared

ARABIC_PAGE = SHARED_DATA / "real" / "news" / "html" / "goose3__test_cnn_arabic.html"
SEED_ARTICLE = SHARED_DATA / "ain-al-assad-2024-08-06.txt"


def snap(text: str, selected: str, *, occurrence: int = 0, tokens=None) -> str:
    """What a selection of ``selected`` (its ``occurrence``-th place in ``text``) snaps to."""
    starts = [m.start() for m in re.finditer(re.escape(selected), text)]
    start = starts[occurrence]
    low, high = snap_selection(text, start, start + len(selected), tokens or ExportTokens(text))
    return text[low:high]


SENTENCE = ("Two Katyusha rockets were fired at \"Ain al-Assad airbase.\" The U.S. "
            "envoy, Mr. Smith, said the so-called “Islamic State” (IS) fighters fled "
            "(CNN) -- at least 5% of them.")


@pytest.mark.parametrize(("selected", "expected"), [
    ("Ain al-Assad airbase.", "Ain al-Assad airbase"),  # the full stop is the sentence's
    ("\"Ain al-Assad airbase.\"", "Ain al-Assad airbase"),  # so are the quotes round it
    ("in al-Ass", "Ain al-Assad"),  # a cut word grows whole; its hyphen stays inside
    ("U.S. ", "U.S."),  # an abbreviation keeps its full stops
    ("Mr. Smith,", "Mr. Smith"),
    (", Mr.", "Mr."),
    ("“Islamic State”", "Islamic State"),  # quotes round the whole span go
    ("so-called “Islamic State”", "so-called “Islamic State”"),  # a pair inside stays
    ("“Islamic State” (IS)", "“Islamic State” (IS)"),
    ("(IS) fighters fled ", "(IS) fighters fled"),
    ("(CNN) --", "CNN"),
    ("fled (", "fled"),
    ("5% of them.", "5% of them"),  # a percent sign means something; the full stop not
    ("\u201d (IS", "IS"),  # a closing quote without its opener, a bracket not closed
])
def test_a_selection_snaps_to_whole_tokens_without_edge_punctuation(
        selected: str, expected: str) -> None:
    assert snap(SENTENCE, selected) == expected


def test_white_space_alone_snaps_to_nothing_and_punctuation_alone_is_kept() -> None:
    text = "It fell.   Then -- silence."
    assert snap_selection(text, 8, 11, ExportTokens(text)) == (11, 11)
    assert snap(text, " -- ") == "--"
    assert snap(text, ".") == "."


def test_an_apostrophe_inside_a_word_is_no_quote() -> None:
    text = "They said 'al-Qa'ida fighters' came."
    assert snap(text, "'al-Qa'ida fighters'") == "al-Qa'ida fighters"
    assert snap(text, "a'ida fighters'") == "Qa'ida fighters"


def test_edge_punctuation_is_sentence_punctuation_quotes_brackets_and_dashes() -> None:
    for token in (".", ",", ";", ":", "!", "?", "\"", "'", "”", "’", "»", ")", "--", "…",
                  "،", "؟", "。", "」"):
        assert is_edge_punctuation(token), token
    for token in ("%", "#", "@", "$", "U.S.", "5", "a", ""):
        assert not is_edge_punctuation(token), token


def test_a_long_selection_asks_only_for_tokens_near_its_edges() -> None:
    text = ("word " * 50_000) + "end."
    asked: list[tuple[int, int]] = []
    export = ExportTokens(text)

    def tokens(t: str, lo: int, hi: int) -> list[tuple[int, int]]:
        asked.append((lo, hi))
        return export(t, lo, hi)

    assert snap_selection(text, 2, len(text), tokens) == (0, len(text) - 1)
    assert sum(hi - lo for lo, hi in asked) < 1000


def test_a_run_of_punctuation_longer_than_the_first_window_is_still_dropped() -> None:
    text = "Tanks " + "." * 500 + " rolled in"
    low, high = snap_selection(text, 0, len(text) - 10, ExportTokens(text))
    assert text[low:high] == "Tanks"


# -- properties --------------------------------------------------------------------

WORDS = st.sampled_from([
    "Ain", "al-Assad", "airbase", "U.S.", "Mr.", "e.g.", "Iraq's", "don't", "5%", "$5",
    "(IS)", "\"", "'", "“", "”", "(", ")", ".", ",", "--", "…", "?!", "دمشق،", "سوريا",
    "(CNN)", "داعش.", "中国", "😀", "a\u0301", "x" * 250, "." * 230, "http://x.org/a.b",
])
SPACES = st.sampled_from([" ", " ", " ", "\n", "\n\n", "  ", "\t", "\xa0"])
TEXT = st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=25).map(
    lambda pairs: "".join(w + s for w, s in pairs))


def is_pair_mark(token: str) -> bool:
    return len(token) == 1 and (unicodedata.category(token) in ("Ps", "Pe", "Pi", "Pf")
                                or token in "\"'")


def export_offsets(text: str) -> tuple[set[int], set[int]]:
    """Where the tokens of the whole document, as exports make them, start and end."""
    doc = make_doc(text, "auto")
    tokens = [t for t in doc if not t.is_space]
    return {t.idx for t in tokens}, {t.idx + len(t.text) for t in tokens}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.data())
def test_snapping_is_inside_token_aligned_never_empty_and_idempotent(text: str, data) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    start, end = min(a, b), max(a, b)
    tokens = ExportTokens(text)
    low, high = snap_selection(text, start, end, tokens)
    assert 0 <= low <= high <= len(text)
    selected = text[start:end]
    if selected.strip():
        assert low < high  # never empty when anything but white space was selected
        starts, ends = export_offsets(text)
        assert low in starts and high in ends  # token-aligned in every export
        if any(c.isalnum() for c in selected):
            assert any(c.isalnum() for c in text[low:high])
            # Sentence punctuation and dashes never stay at the edge of a span with
            # words in it; a bracket or quote only with its partner inside.
            inside = tokens(text, low, high)
            for token in (text[slice(*inside[0])], text[slice(*inside[-1])]):
                assert not is_edge_punctuation(token) or is_pair_mark(token)
    else:
        assert low == high
    assert snap_selection(text, low, high, tokens) == (low, high)  # idempotent


@settings(max_examples=150, deadline=None)
@given(TEXT, st.data())
def test_tokens_near_a_range_are_the_whole_documents_tokens_there(text: str, data) -> None:
    lo = data.draw(st.integers(0, len(text) - 1))
    hi = data.draw(st.integers(lo + 1, len(text)))
    doc = make_doc(text, "auto")
    expected = [(t.idx, t.idx + len(t.text)) for t in doc
                if not t.is_space and t.idx < hi and t.idx + len(t.text) > lo]
    assert ExportTokens(text)(text, lo, hi) == expected


def test_long_runs_are_cut_where_exports_cut_them() -> None:
    text = "a " + "y" * (LONGEST_RUN * 3 + 17) + " b"
    tokens = ExportTokens(text)
    middle = 2 + LONGEST_RUN + 5
    assert tokens(text, middle, middle + 1) == [(2 + LONGEST_RUN, 2 + 2 * LONGEST_RUN)]
    low, high = snap_selection(text, middle, middle + 1, tokens)
    starts, ends = export_offsets(text)
    assert (low, high) == (2 + LONGEST_RUN, 2 + 2 * LONGEST_RUN)
    assert low in starts and high in ends


def test_a_documents_own_tokens_are_the_ones_it_snaps_to() -> None:
    text = "Ain al-Assad airbase ."
    meta = {"tokenization": {"sentences": "lines", "tokens": "spaces"}}
    tokens = ExportTokens(text, meta)
    assert snap_selection(text, 5, 9, tokens) == (4, 12)  # "al-Assad" is one token here
    assert snap_selection(text, 4, len(text), tokens) == (4, 20)


def test_text_written_without_spaces_snaps_character_by_character() -> None:
    text = "据报道，北京发生爆炸。"
    assert snap(text, "北京发生爆炸。") == "北京发生爆炸"
    assert snap(text, "，北京") == "北京"


# -- real news ------------------------------------------------------------------

def news_sentences(text: str) -> list[tuple[int, int]]:
    """Each sentence of ``text`` with its full stop: what a coder drags over."""
    return [m.span() for m in re.finditer(r"[^\s.!?؟][^.!?؟]*[.!?؟]", text)]


def test_real_english_news_every_sentence_drag_loses_its_full_stop_only() -> None:
    text = (SEED_ARTICLE if SEED_ARTICLE.exists() else SAMPLE_ARTICLE).read_text(encoding="utf-8")
    tokens = ExportTokens(text)
    starts, ends = export_offsets(text)
    checked = 0
    for start, end in news_sentences(text):
        low, high = snap_selection(text, start, end, tokens)
        assert low in starts and high in ends
        assert text[high:end].strip() in (".", "!", "?", ".”", "")
        assert low == start or text[start:low] in ("“", "\"")
        checked += 1
    assert checked >= 10
    i = text.index("Ain al-Assad airbase.")
    assert snap_selection(text, i + 2, i + len("Ain al-Assad airbase."), tokens) == (
        i, i + len("Ain al-Assad airbase"))


def arabic_paragraphs() -> list[str]:
    page = shared(ARABIC_PAGE).read_text(encoding="utf-8")
    paragraphs = [unescape(re.sub(r"<[^>]+>", "", p)).strip()
                  for p in re.findall(r"<p[^>]*>(.*?)</p>", page, re.S)]
    return [p for p in paragraphs if re.search("[\u0600-\u06ff]", p)]


def test_real_arabic_news_words_snap_whole_and_lose_arabic_punctuation() -> None:
    text = "\n\n".join(arabic_paragraphs()[:7])
    tokens = ExportTokens(text)
    starts, ends = export_offsets(text)
    # "Damascus, Syria": the Arabic comma after Damascus is punctuation.
    i = text.index("دمشق،")
    assert text[slice(*snap_selection(text, i + 1, i + 5, tokens))] == "دمشق"
    j = text.index("سوريا (CNN)")
    assert text[slice(*snap_selection(text, i, j + len("سوريا (CNN)") + 4, tokens))] == \
        "دمشق، سوريا (CNN)"
    for start, end in news_sentences(text):
        low, high = snap_selection(text, start, end, tokens)
        assert low in starts and high in ends
        assert not is_edge_punctuation(text[high - 1])


def test_real_arabic_ner_entities_are_their_own_snap() -> None:
    """Every entity of a real Arabic NER file, selected in its sentence, is left as
    it is: a whole token run with no punctuation at its edges."""
    path = shared(SHARED_DATA / "real" / "annotations" / "arabic-ner" / "data" / "test_data.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    sentence: list[tuple[str, str]] = []
    checked = 0
    for line in [*lines, ""]:
        if line.strip() and not line.startswith("-DOCSTART-"):
            word, _, tag = line.rpartition(" ")
            sentence.append((word, tag))
            continue
        if sentence:
            checked += _entities_stay(sentence)
            sentence = []
        if checked > 300:
            break
    assert checked > 300


def _entities_stay(sentence: list[tuple[str, str]]) -> int:
    text = " ".join(word for word, _ in sentence)
    meta = {"tokenization": {"sentences": "lines", "tokens": "spaces"}}
    tokens = ExportTokens(text, meta)
    offsets, at = [], 0
    for word, _ in sentence:
        offsets.append((at, at + len(word)))
        at += len(word) + 1
    checked = 0
    entity: list[tuple[int, int]] = []
    for (_word, tag), place in zip([*sentence, ("", "O")], [*offsets, (at, at)], strict=True):
        if entity and not tag.startswith("I-"):
            start, end = entity[0][0], entity[-1][1]
            if not is_edge_punctuation(text[start:end][-1]):
                assert snap_selection(text, start, end, tokens) == (start, end)
                checked += 1
            entity = []
        if tag.startswith(("B-", "I-")):
            entity.append(place)
    return checked



def test_without_a_tokeniser_a_selection_still_snaps_to_words(monkeypatch) -> None:
    """spaCy that cannot be loaded (a broken install) leaves selections snapping to
    words and punctuation, never an error under the coder's mouse."""
    from annotator.formats import token_lookup
    from annotator.formats.tokens import UnknownLanguage

    def broken(*_args, **_kwargs):
        raise UnknownLanguage("spaCy has no tokeniser for language 'en' (broken)")

    monkeypatch.setattr(token_lookup, "make_doc", broken)
    assert snap(SENTENCE, "in al-Ass") == "Ain al-Assad"
    assert snap(SENTENCE, "Ain al-Assad airbase.\"") == "Ain al-Assad airbase"
