"""Events: spans grouped into who did what to whom, where, and how many.

Casualty members that share a ``group`` are alternative reports of the same
victims ("at least five" and "as many as seven" hurt in one attack): they
give one range, low = the smallest low, high = the largest high, best = the
smallest best (the conservative reading). Distinct groups are added up.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from annotator.core.model import InvalidRecord, Span
from annotator.core.schema import text_problem

# An incident id is a uuid or a dataset's own id (ACLED's event_id_cnty); past this
# length it is a mistake or an attack.
MAX_INCIDENT = 200

# How sure the date is, as in ACLED's time precision.
DATE_PRECISIONS = {1: "the day", 2: "within a week", 3: "within a month"}


@dataclass(frozen=True, slots=True)
class EventMember:
    span_uid: str
    role: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    doc_id: int
    type: str
    members: tuple[EventMember, ...]
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)
    date: str | None = None
    date_precision: int = 1
    note: str = ""
    coder: str = ""
    # The codebook's event attributes (ACLED's sub-event type, UCDP's type of violence).
    attrs: Mapping[str, Any] = field(default_factory=dict)
    # Events of several documents that report the same happening share an incident
    # id (UCDP's number_of_sources counts their documents); "" for an event on its own.
    incident: str = ""

    def __post_init__(self) -> None:
        if not self.type:
            raise InvalidRecord("an event needs a type")
        if not isinstance(self.attrs, Mapping):
            raise InvalidRecord(f"an event's attributes must be an object, not "
                                f"{type(self.attrs).__name__}")
        if not isinstance(self.incident, str) or text_problem(
                self.incident, max_length=MAX_INCIDENT) or any(
                unicodedata.category(c) in ("Zl", "Zp") for c in self.incident):
            raise InvalidRecord(f"incident id {self.incident!r:.60} must be a short line of "
                                "text")
        uids = [m.span_uid for m in self.members]
        if len(set(uids)) != len(uids):
            raise InvalidRecord("a span is a member of the same event twice")
        if self.date_precision not in DATE_PRECISIONS:
            raise InvalidRecord(f"date precision {self.date_precision} is not one of "
                                f"{', '.join(map(str, DATE_PRECISIONS))}")

    def has(self, span_uid: str) -> bool:
        return any(m.span_uid == span_uid for m in self.members)

    def without(self, span_uid: str) -> Event:
        return replace(self, members=tuple(m for m in self.members if m.span_uid != span_uid))


def incident_of(event: Event) -> str:
    """The happening an event reports: its incident id, or its own uid. Linking an event
    to one that has no incident yet names the other's uid, so the first event never has
    to be changed (it may be another coder's)."""
    return event.incident or event.uid


@dataclass(frozen=True, slots=True)
class IncidentChoice:
    """An incident a coder may say an event reports, as the event dialog offers it."""

    incident: str
    type: str
    date: str | None
    title: str  # of the document it was first coded in
    documents: int  # how many documents report it so far


@dataclass(frozen=True, slots=True)
class IncidentReport:
    """One document that reports an incident: what a dataset cites as a source."""

    doc_uid: str
    title: str
    source: str | None
    date: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Range:
    low: int | None
    best: int | None
    high: int | None

    def __add__(self, other: Range) -> Range:
        def add(a: int | None, b: int | None) -> int | None:
            return None if a is None and b is None else (a or 0) + (b or 0)

        return Range(add(self.low, other.low), add(self.best, other.best),
                     add(self.high, other.high))


def member_range(attrs: Mapping[str, object]) -> Range:
    """A casualty span's counts, each missing bound taken from best."""
    def number(key: str) -> int | None:
        value = attrs.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    best = number("count_best")
    low = number("count_low")
    high = number("count_high")
    return Range(low if low is not None else best, best,
                 high if high is not None else best)


def alternatives(ranges: Iterable[Range]) -> Range:
    """Reports of the same victims: the widest range, the smallest best."""
    ranges = list(ranges)

    def pick(values: list[int | None], choose: type[min] | type[max]) -> int | None:  # type: ignore[valid-type]
        present = [v for v in values if v is not None]
        return choose(present) if present else None

    return Range(pick([r.low for r in ranges], min), pick([r.best for r in ranges], min),
                 pick([r.high for r in ranges], max))


def casualty_totals(event: Event, spans: Mapping[str, Span],
                    casualty_label: str = "casualty") -> dict[str, Range]:
    """Outcome -> the event's casualty range: alternatives merged, groups added up."""
    groups: dict[tuple[str, str], list[Range]] = {}
    for member in event.members:
        span = spans.get(member.span_uid)
        if span is None or span.label != casualty_label:
            continue
        outcome = str(span.attrs.get("outcome") or "unknown")
        key = member.group or f"\0{member.span_uid}"  # ungrouped: a group of its own
        groups.setdefault((outcome, key), []).append(member_range(span.attrs))
    totals: dict[str, Range] = {}
    for (outcome, _key), ranges in groups.items():
        merged = alternatives(ranges)
        totals[outcome] = totals[outcome] + merged if outcome in totals else merged
    return totals


# An actor's own "role" attribute names its part in so many words; these are the
# values that are also event roles (the default codebook's actor roles).
_ACTOR_ROLES = ("attacker", "target", "victim", "other")
# ACLED codes civilians as unarmed: they are never the side that attacks.
_VICTIM_ACTOR_TYPES = ("civilians",)


def default_role(span: Span, neighbours: Iterable[Span] = ()) -> str:
    """The role a span most likely plays in an event.

    What the coder said of the span comes first (an actor whose ``role`` attribute
    says target is a target); then where it sits: an actor inside a casualty phrase
    ("At least five [US personnel] were hurt") is among the victims. ``neighbours``
    are the document's other spans, for the second rule.
    """
    if span.label == "location":
        return "place"
    if span.label == "casualty":
        return "victim"
    role = span.attrs.get("role")
    if isinstance(role, str) and role.strip().lower() in _ACTOR_ROLES:
        return role.strip().lower()
    actor_type = span.attrs.get("actor_type")
    if isinstance(actor_type, str) and actor_type.strip().lower() in _VICTIM_ACTOR_TYPES:
        return "victim"
    if any(_inside(span, other) for other in neighbours
           if other.label == "casualty" and other.uid != span.uid):
        return "victim"
    return "attacker" if span.label == "actor" else "other"


def _inside(span: Span, outer: Span) -> bool:
    """Whether every piece of ``span`` lies within a piece of ``outer`` (same document)."""
    if span.doc_id != outer.doc_id:
        return False
    return all(any(low <= start and end <= high for low, high in outer.pieces)
               for start, end in span.pieces)


def event_object(event: Event) -> dict[str, Any]:
    """An event in the native JSON shape (also what exports write)."""
    return {
        "id": event.uid, "type": event.type, "date": event.date,
        "date_precision": event.date_precision, "note": event.note, "coder": event.coder,
        "members": [{"span_id": m.span_uid, "role": m.role,
                     **({"group": m.group} if m.group else {})} for m in event.members],
        **({"attrs": dict(event.attrs)} if event.attrs else {}),
        **({"incident": event.incident} if event.incident else {}),
    }
