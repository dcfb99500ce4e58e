from __future__ import annotations

import pytest

from annotator.core.events import Event, EventMember, Range, casualty_totals, default_role
from annotator.core.model import InvalidRecord, Span

TEXT = ("At least five US personnel were hurt; as many as seven were hurt, officials said. "
        "Two soldiers were killed.")


def casualty(phrase: str, **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), label="casualty", text=phrase,
                coder="a", attrs=attrs, doc_id=1)


FIVE = casualty("At least five US personnel", outcome="injured", count_low=5, count_best=5,
                qualifier="at least")
SEVEN = casualty("as many as seven", outcome="injured", count_high=7, qualifier="at most")
TWO = casualty("Two soldiers", outcome="killed", count_low=2, count_best=2, count_high=2)


def spans() -> dict[str, Span]:
    return {s.uid: s for s in (FIVE, SEVEN, TWO)}


def test_alternative_reports_give_one_range() -> None:
    event = Event(1, "attack", (EventMember(FIVE.uid, "victim", "g"),
                                EventMember(SEVEN.uid, "victim", "g"),
                                EventMember(TWO.uid, "victim")))
    totals = casualty_totals(event, spans())
    assert totals["injured"] == Range(5, 5, 7)
    assert totals["killed"] == Range(2, 2, 2)


def test_distinct_victim_groups_are_added_up() -> None:
    event = Event(1, "attack", (EventMember(FIVE.uid, "victim"), EventMember(SEVEN.uid, "victim")))
    assert casualty_totals(event, spans())["injured"] == Range(5, 5, 12)


def test_events_check_themselves() -> None:
    with pytest.raises(InvalidRecord):
        Event(1, "", ())
    with pytest.raises(InvalidRecord):
        Event(1, "attack", (EventMember("x", "victim"), EventMember("x", "place")))
    with pytest.raises(InvalidRecord):
        Event(1, "attack", (), date_precision=9)


def test_default_roles() -> None:
    place = Span(start=0, end=2, label="location", text="At", coder="a")
    actor = Span(start=0, end=2, label="actor", text="At", coder="a", attrs={"role": "target"})
    assert (default_role(place), default_role(FIVE), default_role(actor)) == (
        "place", "victim", "target")
