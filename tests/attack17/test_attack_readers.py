"""The casualty and date readers on hostile text: huge numbers, and sentences with no end
that hold many outcome or date words (a chronology or a transcript without full stops)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from annotator.core.casualties import parse_casualty, prefilled
from annotator.core.default_codebook import default_schema
from annotator.core.event_dates import date_for_event
from tests.attack17.helpers import run

HUGE = "1" + "0" * 400  # more digits than a float holds


def test_suggest_on_an_article_with_a_huge_number_says_no_traceback(tmp_path: Path) -> None:
    corpus = tmp_path / "c.db"
    source = tmp_path / "a.jsonl"
    source.write_text('{"id": "d1", "text": "Yesterday ' + HUGE + ' people were killed in '
                      'Kirkuk."}\n', encoding="utf-8")
    assert run("init", str(corpus)).exit_code == 0
    assert run("--coder", "alice", "import", str(corpus), str(source)).exit_code == 0
    result = run("--coder", "alice", "suggest", str(corpus))
    assert result.exit_code in (0, 1, 2)  # run() fails on a traceback


def test_tagging_a_huge_number_as_casualty_prefills_nothing_it_cannot_hold() -> None:
    text = f"Yesterday {HUGE} people were killed."
    spec = default_schema().label("casualty")
    start = text.index(HUGE)
    attrs = prefilled(spec, text, start, start + len(HUGE) + len(" people"))
    assert attrs.get("outcome") == "killed"


def test_a_number_past_what_the_codebook_holds_is_not_prefilled() -> None:
    # 309 digits: a float still holds it, the codebook's whole numbers do not.
    text = f"Yesterday {'1' * 309} people were killed."
    spec = default_schema().label("casualty")
    attrs = prefilled(spec, text, 10, 10 + 309 + len(" people"))
    assert "count_best" not in attrs


def _seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def _growth(make: Callable[[int], Callable[[], object]], small: int) -> float:
    """How many times longer the work takes on 4x the text (4 if linear, 16 if quadratic)."""
    return _seconds(make(4 * small)) / max(_seconds(make(small)), 1e-3)


def test_casualty_reader_time_grows_no_faster_than_the_sentence() -> None:
    def make(n: int) -> Callable[[], object]:
        sentence = "killed " * n + "five soldiers"
        return lambda: parse_casualty("five soldiers", sentence)
    assert _growth(make, 1500) < 9


def test_date_reader_time_grows_no_faster_than_the_sentence() -> None:
    def make(n: int) -> Callable[[], object]:
        text = "on Monday last week in October " * n
        return lambda: date_for_event(text, len(text) // 2, len(text) // 2 + 5, "2024-08-06")
    assert _growth(make, 500) < 9
