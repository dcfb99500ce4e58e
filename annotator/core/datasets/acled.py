"""ACLED's codebook: event types and sub-event types, actor types and interactions,
disorder types, civilian targeting, geo and time precision, fatalities.

From the ACLED Codebook (2024 edition of 7 October 2024, and the codebook ACLED keeps
online since, whose Inter columns hold text): six event types and 25 sub-event types,
each in ACLED's hierarchical order; the eight actor types ("Inter" codes) and the
interaction of two of them; the disorder type of each sub-event type. The export
(``formats.acled_csv``) and the event dialog check an event against ``event_problems``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core.default_codebook import COUNT_ATTRIBUTES, OUTCOMES, VICTIM_TYPES
from annotator.core.events import Event
from annotator.core.model import Span
from annotator.core.relation_types import DEFAULT_RELATION_TYPES
from annotator.core.schema import AttributeSpec, LabelSpec, Schema

# Event type -> its sub-event types, in ACLED's order (a higher one wins when an event
# has both, e.g. an air strike during shelling is an Air/drone strike).
SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Government regains territory", "Non-state actor overtakes territory",
                "Armed clash"),
    "Protests": ("Excessive force against protesters", "Protest with intervention",
                 "Peaceful protest"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack",
                                   "Abduction/forced disappearance"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
EVENT_TYPES = tuple(SUB_EVENT_TYPES)
ALL_SUB_EVENT_TYPES = tuple(sub for subs in SUB_EVENT_TYPES.values() for sub in subs)
# What the event dialog narrows a choice by (see core.datasets.allowed_values).
DEPENDENT_CHOICES = {"sub_event_type": SUB_EVENT_TYPES}

POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC = "Strategic developments"
BOTH = "Political violence; Demonstrations"
DISORDER_TYPES = (POLITICAL_VIOLENCE, DEMONSTRATIONS, STRATEGIC, BOTH)


def disorder_type(sub_event_type: str) -> str | None:
    """The disorder type ACLED files a sub-event type under (its Table 2)."""
    if sub_event_type == "Excessive force against protesters":
        return BOTH
    if sub_event_type in ("Protest with intervention", "Peaceful protest",
                          "Violent demonstration"):
        return DEMONSTRATIONS
    if sub_event_type in SUB_EVENT_TYPES["Strategic developments"]:
        return STRATEGIC
    return POLITICAL_VIOLENCE if sub_event_type in ALL_SUB_EVENT_TYPES else None


def event_type_of(sub_event_type: str) -> str | None:
    return next((kind for kind, subs in SUB_EVENT_TYPES.items() if sub_event_type in subs),
                None)


# The eight actor types, as ACLED's Inter 1 and Inter 2 columns write them; the number
# is the old numeric Inter code, which orders the two sides of an interaction.
ACTOR_TYPES = ("State forces", "Rebel group", "Political militia", "Identity militia",
               "Rioters", "Protesters", "Civilians", "External/Other forces")
INTER_CODES = {name: number for number, name in enumerate(ACTOR_TYPES, start=1)}
# The names earlier codebooks (and annotator's default one) give the same types.
_ACTOR_TYPE_NAMES = {
    **{name.lower(): name for name in ACTOR_TYPES},
    "state forces": "State forces", "rebel groups": "Rebel group",
    "political militias": "Political militia", "identity militias": "Identity militia",
    "external/other forces": "External/Other forces", "other forces": "External/Other forces",
}
# Armed, organised sides: who can fight a battle.
ARMED = ("State forces", "Rebel group", "Political militia", "Identity militia",
         "External/Other forces")


def actor_type(value: Any) -> str | None:
    """ACLED's name of an actor type, from any spelling a codebook gave it; None if none."""
    if not isinstance(value, str):
        return None
    return _ACTOR_TYPE_NAMES.get(value.strip().lower())


def interaction(inter1: str, inter2: str | None) -> str:
    """ACLED's interaction of two actor types (its Table 3): the lower Inter code first
    ("State forces-Civilians" whichever is Actor 1), "... only" for one actor; the one
    exception is 78, which ACLED writes "External/Other forces-Civilians"."""
    if not inter2:
        return f"{inter1} only"
    first, second = sorted((inter1, inter2), key=INTER_CODES.__getitem__)
    if (first, second) == ("Civilians", "External/Other forces"):
        first, second = second, first
    return f"{first}-{second}"


CIVILIAN_TARGETING = "Civilian targeting"  # what ACLED's files write; else the cell is blank
# Event types whose events may have civilians as their main or only target: ACLED never
# marks a battle (civilians hurt in one are caught in crossfire) and marks every
# violence against civilians.
CAN_TARGET_CIVILIANS = ("Riots", "Explosions/Remote violence", "Violence against civilians")

PRECISIONS = ("1", "2", "3")
EVENT_ROLES = ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "place", "victim", "other")
# Roles of annotator's default codebook, read as ACLED's sides when a corpus has them.
ROLE_ALIASES = {"attacker": "actor1", "target": "actor2"}


def schema() -> Schema:
    return Schema(
        labels=(
            LabelSpec("actor", "#3b78d8", "1",
                      "A named actor: state forces, a rebel group, a militia, rioters, "
                      "protesters, civilians, an external force. ACLED names state forces "
                      "by regime, e.g. Military Forces of Iraq (2022-).",
                      examples=("Islamic State militants", "the armed forces of Mali",
                                "protesters"), attributes=(
                          AttributeSpec("actor_type", "choice", ACTOR_TYPES, description=(
                              "ACLED's actor type, written in the Inter 1 or Inter 2 "
                              "column.")),
                          AttributeSpec("acled_name", "text", description=(
                              "The actor's name as ACLED writes it, e.g. Civilians (Iraq); "
                              "the text is used when empty.")),
                          AttributeSpec("associated_actor", "text", description=(
                              "Actors that identify this one further, e.g. Labor Group "
                              "(Spain); Women (Spain), written as the associated actor.")),
                      )),
            LabelSpec("casualty", "#d9534f", "2",
                      "People killed, injured or abducted, with how many when said. ACLED "
                      "counts the killed only, the most conservative report: dozens 12, "
                      "hundreds 100.",
                      examples=("At least five US personnel", "dozens of civilians"),
                      attributes=(
                          AttributeSpec("outcome", "choice", OUTCOMES),
                          *COUNT_ATTRIBUTES,
                          AttributeSpec("victim_type", "choice", VICTIM_TYPES),
                      )),
            LabelSpec("location", "#3f9b35", "3",
                      "Where it happened: a town, a neighbourhood, a base or a natural "
                      "place. ACLED records no event placed only in a country.",
                      examples=("Ain al-Assad airbase", "south of Kirkuk"), attributes=(
                          AttributeSpec("acled_name", "text", description=(
                              "The location as ACLED writes it (a town, or City - "
                              "District); the text is used when empty.")),
                          AttributeSpec("geo_precision", "choice", PRECISIONS, description=(
                              "1 the town itself, 2 near a town or part of a region, "
                              "3 a larger region (its capital or a natural place)")),
                          AttributeSpec("latitude", "number"),
                          AttributeSpec("longitude", "number"),
                          AttributeSpec("country", "text",
                                        description="ISO 3166 alpha-3 code, e.g. IRQ"),
                          AttributeSpec("admin1", "text",
                                        description="First-level region, e.g. Kirkuk"),
                          AttributeSpec("admin2", "text",
                                        description="Second-level region, e.g. Kirkuk District"),
                          AttributeSpec("admin3", "text", description="Third-level region"),
                          AttributeSpec("geonames_id", "integer"),
                      )),
        ),
        event_types=EVENT_TYPES,
        event_roles=EVENT_ROLES,
        relation_types=DEFAULT_RELATION_TYPES,
        event_attributes=(
            AttributeSpec("sub_event_type", "choice", ALL_SUB_EVENT_TYPES, required=True,
                          description="One of the event type's sub-event types."),
            AttributeSpec("disorder_type", "choice", DISORDER_TYPES, description=(
                "Follows from the sub-event type; the export fills it when empty.")),
            AttributeSpec("civilian_targeting", "boolean", description=(
                "Civilians were the main or only target (never a battle; always violence "
                "against civilians).")),
            AttributeSpec("source_scale", "text", description=(
                "How close the sources are to the event, e.g. National, Subnational, "
                "Local partner-National.")),
            AttributeSpec("tags", "text", description=(
                "ACLED's tags, separated by semicolons, e.g. crowd size=no report.")),
            AttributeSpec("event_id_cnty", "text", description=(
                "ACLED's id of the event when it is already in ACLED, e.g. IRQ12345.")),
        ),
        dataset="acled",
    )


def event_problems(event: Event, spans: Mapping[str, Span], schema: Schema) -> list[str]:
    """What ACLED's rules find missing or wrong in ``event``: one sentence each."""
    return [f"{reason}: {detail}" if detail else reason
            for reason, detail in problems(event, spans)]


def members(event: Event, spans: Mapping[str, Span], role: str) -> list[Span]:
    """The event's spans in ``role`` (the default codebook's attacker and target count as
    actor1 and actor2; an actor in the victim role is Actor 2 as well)."""
    found = []
    for member in event.members:
        span = spans.get(member.span_uid)
        if span is None:
            continue
        said = ROLE_ALIASES.get(member.role, member.role)
        if said == role or (role == "actor2" and said == "victim" and span.label == "actor"):
            found.append(span)
    return found


def places(event: Event, spans: Mapping[str, Span]) -> list[Span]:
    return [span for span in members(event, spans, "place") if span.label == "location"] or [
        spans[m.span_uid] for m in event.members
        if m.span_uid in spans and spans[m.span_uid].label == "location"]


def problems(event: Event, spans: Mapping[str, Span]) -> list[tuple[str, str]]:
    """(what is wrong, in words that group like events, and the particulars)."""
    found: list[tuple[str, str]] = []
    if event.type not in SUB_EVENT_TYPES:
        found.append(("not one of ACLED's event types", repr(event.type)))
    sub = event.attrs.get("sub_event_type")
    if not sub:
        found.append(("no sub-event type", ""))
    elif event.type in SUB_EVENT_TYPES and sub not in SUB_EVENT_TYPES[event.type]:
        found.append(("a sub-event type of another event type",
                      f"{sub!r} is not one of {event.type}'s "
                      f"({', '.join(SUB_EVENT_TYPES[event.type])})"))
    disorder = event.attrs.get("disorder_type")
    if disorder and isinstance(sub, str) and disorder_type(sub) not in (None, disorder):
        found.append(("a disorder type the sub-event type does not have",
                      f"{disorder!r} for {sub!r} (ACLED files it under "
                      f"{disorder_type(sub)})"))
    if event.attrs.get("civilian_targeting") and event.type not in CAN_TARGET_CIVILIANS:
        found.append(("civilian targeting marked on an event type ACLED never marks",
                      f"{event.type} (only {', '.join(CAN_TARGET_CIVILIANS)})"))
    if not event.date:
        found.append(("no date", ""))
    sides = [members(event, spans, "actor1"), members(event, spans, "actor2")]
    kinds: list[str | None] = []
    for number, side in enumerate(sides, start=1):
        actors = [span for span in side if span.label == "actor"]
        if not actors:
            kinds.append(None)
            if number == 1:
                found.append(("no Actor 1 (an actor in the role actor1)", ""))
            continue
        kind = actor_type(actors[0].attrs.get("actor_type"))
        kinds.append(kind)
        if kind is None:
            found.append((f"Actor {number} has no actor type (Inter {number})",
                          repr(actors[0].text)))
    found += _side_rules(event.type, kinds)
    where = places(event, spans)
    if not where:
        found.append(("no location (a location in the role place)", ""))
    else:
        attrs = where[0].attrs
        if not isinstance(attrs.get("latitude"), int | float) \
                or not isinstance(attrs.get("longitude"), int | float):
            found.append(("a location without latitude and longitude", repr(where[0].text)))
        if not attrs.get("country"):
            found.append(("a location without its country", repr(where[0].text)))
        if str(attrs.get("geo_precision") or attrs.get("precision") or "") not in PRECISIONS:
            found.append(("a location without a geo precision (1, 2 or 3)",
                          repr(where[0].text)))
    return found


def _side_rules(kind: str, sides: Sequence[str | None]) -> list[tuple[str, str]]:
    """Which actor types ACLED's event types take: a battle is fought by two armed sides,
    a protest has protesters, a riot rioters, violence against civilians civilians."""
    present = [side for side in sides if side]
    if kind == "Battles":
        if sides[1] is None:
            return [("a battle without Actor 2 (ACLED's battles have two sides)", "")]
        unarmed = [side for side in present if side not in ARMED]
        if unarmed:
            return [("a battle with a side that is not armed", ", ".join(unarmed))]
    needed = {"Protests": "Protesters", "Riots": "Rioters",
              "Violence against civilians": "Civilians"}.get(kind)
    if needed and present and needed not in present:
        return [(f"{kind.lower()} without {needed.lower()} among the actors",
                 " and ".join(present))]
    return []
