"""The casualty reader measured against hand-labelled sentences from real news reports.

The set (tests/data/casualty_eval/) gives, for each casualty span, what a coder reads
from it: outcome, count_low/best/high and qualifier, labelled by hand by the rules in
its README. For each field, precision is the share of the reader's values that equal
the label, recall the share of labelled values the reader gives. The floors are the
figures the reader reached, rounded down, so a change to the reader can only keep
them or raise them: run ``pytest -s`` on this file to see the table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.casualties import parse_casualty
from annotator.core.default_codebook import OUTCOMES, QUALIFIERS

SET = Path(__file__).resolve().parents[1] / "data" / "casualty_eval" / "casualty_eval.jsonl"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / \
    "ain-al-assad-2024-08-06.txt"
FIELDS = ("outcome", "count_low", "count_best", "count_high", "qualifier")
COUNTS = ("count_low", "count_best", "count_high")

# (field, "precision" | "recall") -> the lowest figure allowed: the figures reached.
FLOORS: dict[tuple[str, str], float] = {
    ("outcome", "precision"): 1.00, ("outcome", "recall"): 0.99,
    ("count_low", "precision"): 1.00, ("count_low", "recall"): 1.00,
    ("count_best", "precision"): 1.00, ("count_best", "recall"): 1.00,
    ("count_high", "precision"): 1.00, ("count_high", "recall"): 1.00,
    ("qualifier", "precision"): 1.00, ("qualifier", "recall"): 1.00,
}


def _rows() -> list[dict]:
    with SET.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def measure(rows: list[dict]) -> dict[str, dict[str, float | int]]:
    """Per field: how many values the reader gave, how many were labelled, how many
    it got right; and from those its precision and recall."""
    figures: dict[str, dict[str, float | int]] = {}
    readings = [parse_casualty(row["span"], row["sentence"]) for row in rows]
    for field in FIELDS:
        given = labelled = correct = 0
        for row, reading in zip(rows, readings, strict=True):
            guess, truth = getattr(reading, field), row[field]
            given += guess is not None
            labelled += truth is not None
            correct += guess is not None and guess == truth
        figures[field] = {"given": given, "labelled": labelled, "correct": correct,
                          "precision": correct / given if given else 0.0,
                          "recall": correct / labelled if labelled else 0.0}
    return figures


def table(figures: dict[str, dict[str, float | int]], rows: int) -> str:
    lines = [f"Casualty reader on {rows} labelled spans ({SET.name})",
             f"{'field':<11} {'precision':>9} {'recall':>7} {'correct':>8} {'given':>6} "
             f"{'labelled':>9}"]
    for field, f in figures.items():
        lines.append(f"{field:<11} {f['precision']:>9.3f} {f['recall']:>7.3f} "
                     f"{f['correct']:>8} {f['given']:>6} {f['labelled']:>9}")
    return "\n".join(lines)


def test_the_figures_only_go_up() -> None:
    rows = _rows()
    figures = measure(rows)
    print("\n" + table(figures, len(rows)))
    fallen = [f"{field} {kind} {figures[field][kind]:.3f} < floor {floor:.2f}"
              for (field, kind), floor in FLOORS.items() if figures[field][kind] < floor]
    assert not fallen, "The casualty reader got worse on the evaluation set: " + "; ".join(
        fallen) + "\n" + table(figures, len(rows))


def test_the_floors_cover_every_field() -> None:
    assert set(FLOORS) == {(f, k) for f in FIELDS for k in ("precision", "recall")}


def test_the_set_is_well_formed() -> None:
    rows = _rows()
    assert len({row["sentence"] for row in rows}) >= 150
    assert len({row["id"] for row in rows}) == len(rows), "ids are unique"
    for row in rows:
        where = f"{SET.name}, {row.get('id')}"
        assert row["sentence"][row["start"]:row["end"]] == row["span"], where
        assert row["span"].strip() == row["span"] and row["span"], where
        assert row["outcome"] in OUTCOMES, where
        assert row["qualifier"] is None or row["qualifier"] in QUALIFIERS, where
        for count in COUNTS:
            value = row[count]
            assert value is None or (isinstance(value, int) and value >= 0), where
        low, best, high = (row[c] for c in COUNTS)
        if low is not None and best is not None:
            assert low <= best, where
        if best is not None and high is not None:
            assert best <= high, where
        if any(v is not None for v in (low, best, high)):
            assert row["qualifier"] is not None, f"{where}: a count says how it is meant"
        source = row["source"]
        assert source.get("licence"), f"{where}: every sentence names its licence"
        assert source.get("url") or (source.get("repository") and source.get("path")), \
            f"{where}: every sentence names where it was read"
        assert source.get("publisher"), where


def test_the_qualifier_matches_the_counts() -> None:
    """The conventions of the README, checked on every label: "at least" and "more
    than" have no upper bound, "at most" only one, "exact" all three equal."""
    for row in _rows():
        low, best, high = (row[c] for c in COUNTS)
        where = f"{SET.name}, {row['id']}"
        match row["qualifier"]:
            case "exact":
                assert low == best == high is not None, where
            case "at least" | "more than":
                assert low == best is not None and high is None, where
            case "at most":
                assert low is None and best is None and high is not None, where
            case "vague":
                assert high is None and low == best, where
            case "approx":
                assert best is not None, where


def test_the_seed_sentences_are_the_sample_articles() -> None:
    if not SAMPLE.exists():
        pytest.skip(f"{SAMPLE} is absent")
    article = SAMPLE.read_text(encoding="utf-8")
    seed = [row for row in _rows() if row["source"].get("path") == "resources/samples/"
            "ain-al-assad-2024-08-06.txt"]
    assert seed
    for row in seed:
        assert row["sentence"] in article, row["id"]
