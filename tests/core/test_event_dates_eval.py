"""Date suggestions measured against hand-labelled sentences from real, dated news reports.

The set (tests/data/date_eval/) gives, for each event's words in a sentence, the date a
coder would record by ACLED's rules, labelled by hand (its README says how), or none
when the sentence does not date the event. Precision is the share of the dates
suggested that are right (date and precision both); recall the share of dated events
whose date is suggested right; "wrongly dated" the share of undated events given a date
anyway. The floors are the figures reached, rounded down, so a change can only keep or
raise them: run ``pytest -s`` on this file to see the table.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

from annotator.core.event_dates import DAY, MONTH, WEEK, DateReading, date_for_event

SET = Path(__file__).resolve().parents[1] / "data" / "date_eval" / "sentences.jsonl"
KINDS = {"weekday", "today", "yesterday", "absolute", "week", "weekend", "range", "month",
         "distractor", "none"}

# The lowest figures allowed (the figures reached, rounded down) and the highest share
# of undated events given a date (the share reached, rounded up).
PRECISION_FLOOR = 0.94
RECALL_FLOOR = 1.00
WRONGLY_DATED_CEILING = 0.26


def _rows() -> list[dict]:
    with SET.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def suggest(row: dict) -> DateReading | None:
    """The suggestion for the row's event, read from the row's sentence; a dateline
    opens the text as it opens the article ("CAIRO, Jan. 5 --")."""
    opening = row["dateline"] + "\n" if row.get("dateline") else ""
    return date_for_event(opening + row["sentence"], len(opening) + row["start"],
                          len(opening) + row["end"], row["published"])


def measure(rows: list[dict]) -> dict[str, float | int]:
    given = right = dated = undated = wrongly_dated = 0
    for row in rows:
        reading = suggest(row)
        truth = (row["date"], row["precision"]) if row["date"] else None
        guess = (reading.date, reading.precision) if reading else None
        given += guess is not None
        right += guess is not None and guess == truth
        dated += truth is not None
        undated += truth is None
        wrongly_dated += truth is None and guess is not None
    return {"sentences": len(rows), "given": given, "right": right, "dated": dated,
            "undated": undated, "wrongly dated": wrongly_dated,
            "precision": right / given if given else 0.0,
            "recall": right / dated if dated else 0.0,
            "wrongly dated share": wrongly_dated / undated if undated else 0.0}


def _per_kind(rows: list[dict]) -> str:
    lines = [f"{'kind':<12}{'items':>7}{'right':>7}"]
    totals: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for row in rows:
        reading = suggest(row)
        guess = (reading.date, reading.precision) if reading else (None, None)
        totals[row["kind"]] += 1
        correct[row["kind"]] += guess == (row["date"], row["precision"])
    for kind in sorted(totals):
        lines.append(f"{kind:<12}{totals[kind]:>7}{correct[kind]:>7}")
    return "\n".join(lines)


def test_the_figures_only_go_up() -> None:
    rows = _rows()
    figures = measure(rows)
    print(f"\nDate suggestions on {figures['sentences']} events in real sentences:\n"
          f"  precision {figures['precision']:.3f} ({figures['right']}/{figures['given']} "
          f"dates given)\n"
          f"  recall    {figures['recall']:.3f} ({figures['right']}/{figures['dated']} "
          f"dated events)\n"
          f"  wrongly dated {figures['wrongly dated share']:.3f} "
          f"({figures['wrongly dated']}/{figures['undated']} undated events)\n"
          + _per_kind(rows))
    assert figures["precision"] >= PRECISION_FLOOR
    assert figures["recall"] >= RECALL_FLOOR
    assert figures["wrongly dated share"] <= WRONGLY_DATED_CEILING


def test_the_set_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 80
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        where = f"{SET.name} {row['id']}"
        assert row["sentence"][row["start"]:row["end"]] == row["span"], where
        assert row["span"].strip() == row["span"] and row["span"], where
        date.fromisoformat(row["published"])
        assert row["kind"] in KINDS, where
        if row["date"] is None:
            assert row["precision"] is None, where
        else:
            day = date.fromisoformat(row["date"])
            assert row["precision"] in (DAY, WEEK, MONTH), where
            assert day <= date.fromisoformat(row["published"]), f"{where}: a date to come"
            if row["precision"] == MONTH:
                assert day.day == 1, f"{where}: a month is recorded by its first day"
            if row["kind"] == "week":
                assert day.weekday() == 0, f"{where}: a week is recorded by its Monday"
        source = row["source"]
        assert source.get("url") or source.get("path"), where
        assert source.get("licence") and source.get("publisher"), where
        assert source.get("date") == row["published"], where
    kinds = Counter(row["kind"] for row in rows)
    assert all(kinds[kind] for kind in KINDS), kinds
