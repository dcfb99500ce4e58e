from __future__ import annotations

import pytest

from annotator.core.dates import parse_date, typed_date
from annotator.core.model import DocumentRecord, InvalidRecord, Span, overall_status


def test_span_checks_its_offsets_and_text() -> None:
    with pytest.raises(InvalidRecord):
        Span(start=5, end=5, label="actor", text="", coder="a")
    with pytest.raises(InvalidRecord):
        Span(start=0, end=3, label="actor", text="four", coder="a")
    with pytest.raises(InvalidRecord):
        Span(start=0, end=3, label="actor", text="abc", coder="a", origin="guessed")
    span = Span(start=0, end=3, label="actor", text="abc", coder="a")
    assert span.origin == "manual"
    assert len(span.uid) == 32


def test_document_record_refuses_spans_that_do_not_match_its_text() -> None:
    text = "Rockets hit Ain al-Assad."
    good = Span(start=12, end=24, label="location", text="Ain al-Assad", coder="a")
    assert DocumentRecord(text=text, spans=(good,)).spans == (good,)
    wrong = Span(start=11, end=23, label="location", text="Ain al-Assad", coder="a")
    with pytest.raises(InvalidRecord, match="text there"):
        DocumentRecord(text=text, spans=(wrong,))
    past = Span(start=20, end=40, label="location", text="x" * 20, coder="a")
    with pytest.raises(InvalidRecord, match="past the text"):
        DocumentRecord(text=text, spans=(past,))
    with pytest.raises(InvalidRecord, match="status"):
        DocumentRecord(text=text, statuses={"a": "finished"})


def test_overall_status_is_the_furthest_coder() -> None:
    assert overall_status({}) == "todo"
    assert overall_status({"a": "todo", "b": "done"}) == "done"
    assert overall_status({"a": "skipped", "b": "in progress"}) == "in progress"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-08-06", "2024-08-06"), ("2024-08", "2024-08"), ("2024", "2024"),
     ("2024-08-06T10:00:00Z", "2024-08-06"), ("2024-02-30", None), ("06/08/2024", None),
     ("yesterday", None)],
)
def test_parse_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


def test_new_uids_are_unique_ordered_and_32_hex_characters() -> None:
    from annotator.core.model import new_uid

    made = [new_uid() for _ in range(10_000)]
    assert len(set(made)) == len(made)
    assert all(len(u) == 32 and int(u, 16) >= 0 for u in made)
    assert made == sorted(made)  # neighbours in the spans' index


def test_a_typed_date_is_empty_a_date_or_a_clear_error() -> None:
    assert typed_date("  ") is None
    assert typed_date(" 2024-08-06 ") == "2024-08-06"
    assert typed_date("2024-08") == "2024-08"
    with pytest.raises(ValueError, match=r"'6 August' is not a date \(YYYY-MM-DD\)"):
        typed_date("6 August")
