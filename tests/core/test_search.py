"""The words shown under a search hit, and how typed text becomes a query."""

from __future__ import annotations

from annotator.core.search import fts_query, search_terms, snippet

FILLER = " ".join(f"word{i}" for i in range(400))


def test_plain_words_become_quoted_words_the_last_a_prefix() -> None:
    assert fts_query('rebels "attacked') == 'rebels "attacked'  # syntax is passed on
    assert fts_query("rebels attacked") == '"rebels" "attacked"*'
    assert fts_query("   ") == ""


def test_search_terms_leave_out_operators_and_single_letters() -> None:
    assert search_terms("rebels AND a checkpoint") == ["rebels", "checkpoint"]


def test_snippet_at_the_start_has_no_leading_ellipsis() -> None:
    text = "Checkpoint attacked near Kidal. " + FILLER
    shown = snippet(text, ["checkpoint"])
    assert shown.startswith("[Checkpoint] attacked near Kidal.")
    assert shown.endswith("…")


def test_snippet_deep_in_a_long_text_shows_only_the_words_around_it() -> None:
    text = FILLER + " rebels stormed the checkpoints at dawn, " + FILLER
    shown = snippet(text, ["checkpoint"])
    assert shown == "…word399 rebels stormed the [checkpoints] at dawn, word0 word1 word2 word3 word4…"


def test_snippet_at_the_very_end_has_no_trailing_ellipsis() -> None:
    text = FILLER + " the last word is checkpoint"
    shown = snippet(text, ["checkpoint"])
    assert shown.startswith("…") and shown.endswith("is [checkpoint]")


def test_snippet_keeps_a_match_inside_a_very_long_unbroken_run() -> None:
    text = "x" * 5000 + " (checkpoint)" + "y" * 5000
    shown = snippet(text, ["checkpoint"])
    assert shown.startswith("…([checkpoint])yyy") and shown.endswith("y…")
    assert len(shown) < 1200  # a window around the match, not the whole run


def test_snippet_lines_are_joined_and_every_match_is_marked() -> None:
    text = "Shelling hit Homs.\nShelling resumed."
    assert snippet(text, ["shelling"]) == "[Shelling] hit Homs. [Shelling] resumed."


def test_snippet_without_a_match_is_empty() -> None:
    assert snippet("nothing here", ["checkpoint"]) == ""
    assert snippet("nothing here", []) == ""
