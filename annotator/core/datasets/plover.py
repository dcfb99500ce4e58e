"""PLOVER's codebook, as POLECAT codes it: event categories, their modes, contexts, the
sectors and countries of actors and recipients, the event's size and its place.

Taken from the PLOVER manual (Open Event Data Alliance, "PLOVER: Political Language
Ontology for Verifiable Event Records", draft version 2.0, github.com/openeventdata/PLOVER,
PLOVER_MANUAL.tex as of 2024-02-04): chapter "Event Categories" for the sixteen
categories, their modes and which need a recipient; "Context codes" for the contexts;
"Sector Codes" and "Country names" for the entities; "Data Fields" for the record.

The coder's material keeps the project's three labels: an actor span is an entity
(actor or recipient by its role in the event), a casualty span a number of the event's
size (dead, injured, arrested, by its outcome), a location span the event's place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from annotator.core.default_codebook import COUNT_ATTRIBUTES
from annotator.core.events import Event, casualty_totals
from annotator.core.model import Span
from annotator.core.schema import AttributeSpec, LabelSpec, Schema

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",  # verbal cooperation
    "COOPERATE", "AID", "RETREAT",  # material cooperation
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",  # verbal conflict
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",  # material conflict
)

# The manual's quad category of each (1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict), as each category's own section gives it: the
# appendix's quad table lists SANCTION under verbal conflict, its section and the
# summary table under material conflict.
QUAD = {category: (1 if n < 4 else 2 if n < 7 else 3 if n < 11 else 4)
        for n, category in enumerate(CATEGORIES)}

_REQUEST_MODES = ("assist", "change", "yield", "meet")  # shared by REQUEST and REJECT
MODES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": _REQUEST_MODES,
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": _REQUEST_MODES,
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone",
                "heavy-weapons", "crowd-control", "unconventional"),
}
# Every mode once, in the manual's order: what the event's mode attribute lists.
ALL_MODES = tuple(dict.fromkeys(mode for modes in MODES.values() for mode in modes))

# What the event dialog offers for an attribute once the category is chosen.
DEPENDENT_CHOICES: dict[str, dict[str, tuple[str, ...]]] = {"mode": MODES}

# "Requires recipient: Yes" in the category's section.
REQUIRES_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})

CONTEXTS = (
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security",
    "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory",
    "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime",
    "corruption", "illegal_drugs", "trafficking",
)
# Whether the event happened as reported: the manual's auxiliary modes, which a coder
# puts "in the context" (the export adds them to the record's context).
AUXILIARY = ("historical", "future", "hypothetical", "negation")

SECTORS = (
    # frequently used
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    # less frequently used
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE",
    "REL", "SOC",
)
# Country names that are not ISO 3166 countries: international non-state entities, and
# Kosovo, which has no ISO code.
NON_STATE = {
    "IGO": "International Governmental Organization", "UNO": "United Nations",
    "EUR": "European Union", "NGO": "Non-governmental Organization",
    "ISM": "International Social Movement", "IMG": "Transnational Militarized Group",
    "MNC": "Multi-national Corporation", "KOS": "Kosovo",
}

# A casualty span's outcome -> the size field it counts in. The manual names dead,
# injured and arrested and invites more; "killed or injured" and "abducted" are those.
OUTCOMES = ("killed", "injured", "killed or injured", "abducted", "arrested", "unknown")
SIZE_FIELDS = {"killed": "dead", "injured": "injured", "arrested": "arrested",
               "killed or injured": "killed_or_injured", "abducted": "abducted"}

# Location resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country.
RESOLUTIONS = range(1, 6)

ROLES = ("actor", "recipient", "place", "victim")
# An actor span's role -> where PLOVER puts it; the default codebook's words are read
# too, so events made before the codebook changed still export.
ACTOR_SIDE = {"actor": "actor", "attacker": "actor", "recipient": "recipient",
              "target": "recipient", "victim": "recipient"}
# The roles ``core.events.default_role`` proposes (the default codebook's) -> PLOVER's: who
# attacks is the actor, whom it attacks the recipient (an actor span proposed as a victim
# is a recipient too, ACTOR_SIDE says; a casualty span stays a victim, counted in size).
DEFAULT_ROLES = {"attacker": "actor", "target": "recipient", "victim": "victim",
                 "place": "place"}

_CODE = re.compile(r"[A-Z]{3}")


def schema() -> Schema:
    return Schema(
        labels=(
            LabelSpec("actor", "#3b78d8", "1",
                      "An entity that acts (actor) or is acted upon (recipient): a state, "
                      "force, group, organisation or person.",
                      examples=("Russia's military", "the Pentagon", "Frank-Walter Steinmeier"),
                      attributes=(
                          AttributeSpec("country", "text", description=(
                              "PLOVER's country of the entity: ISO 3166 alpha-3 (IRQ), or IGO, "
                              "UNO, EUR, NGO, ISM, IMG, MNC, KOS")),
                          AttributeSpec("sector", "choice", SECTORS,
                                        description="PLOVER's primary sector code."),
                          AttributeSpec("other_sectors", "choices", SECTORS,
                                        description="Any other sector codes that apply."),
                          AttributeSpec("wikidata_id", "text",
                                        description="The entity's Wikidata id (Q76658)."),
                          AttributeSpec("name", "text", description=(
                              "The entity's canonical name (its Wikidata label).")),
                          AttributeSpec("office", "text",
                                        description="Office or official position."),
                          AttributeSpec("religion", "text"),
                          AttributeSpec("ethnicity", "text"),
                      )),
            LabelSpec("casualty", "#d9534f", "2",
                      "People killed, injured, arrested or abducted: a number of the "
                      "event's size.",
                      examples=("At least five US personnel", "dozens of protesters"),
                      attributes=(
                          AttributeSpec("outcome", "choice", OUTCOMES),
                          *COUNT_ATTRIBUTES,
                      )),
            LabelSpec("location", "#3f9b35", "3",
                      "Where the event happened: PLOVER's event_loc.",
                      examples=("Ain al-Assad airbase", "Lagos"),
                      attributes=(
                          AttributeSpec("latitude", "number"),
                          AttributeSpec("longitude", "number"),
                          AttributeSpec("geonames_id", "integer"),
                          AttributeSpec("country", "text",
                                        description="ISO 3166 alpha-3 code, e.g. IRQ"),
                          AttributeSpec("admin1", "text",
                                        description="Province, governorate or state."),
                          AttributeSpec("admin2", "text", description="District or county."),
                          AttributeSpec("city", "text"),
                          AttributeSpec("resolution", "integer", description=(
                              "5 sub-city, 4 city, 3 district, 2 province, 1 country")),
                      )),
        ),
        event_types=CATEGORIES,
        event_roles=ROLES,
        event_attributes=(
            AttributeSpec("mode", "choices", ALL_MODES,
                          description="How: the category's modes (ASSAULT: firearms, ...)."),
            AttributeSpec("context", "choices", CONTEXTS,
                          description="Why, or in what setting: any of PLOVER's contexts."),
            AttributeSpec("auxiliary", "choices", AUXILIARY, description=(
                "The event as reported is historical, future, hypothetical or negated.")),
        ),
        dataset="plover",
    )


def sector_problem(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return None if value in SECTORS else f"sector {value!r} is not a PLOVER sector code"


def country_problem(value: Any) -> str | None:
    """Why ``value`` is not a PLOVER country (ISO 3166 alpha-3 or a non-state code)."""
    if value in (None, ""):
        return None
    if isinstance(value, str) and _CODE.fullmatch(value) and (
            value in NON_STATE or value in _iso_countries()):
        return None
    return (f"country {value!r} is not an ISO 3166 alpha-3 code (IRQ) nor one of "
            f"{', '.join(NON_STATE)}")


@lru_cache(maxsize=1)
def _iso_countries() -> dict[str, str]:
    import pycountry

    return {country.alpha_3: country.name for country in pycountry.countries}


def country_name(code: str) -> str | None:
    """The country's English short name (ISO 3166), or the non-state entity's."""
    return NON_STATE.get(code) or _iso_countries().get(code)


def event_problems(event: Event, spans: Mapping[str, Span], schema: Schema) -> list[str]:
    """What PLOVER finds missing or wrong in ``event``, each said in a line."""
    return [f"{what}: {detail}" if detail else what
            for what, detail in problems(event, spans, schema)]


def problems(event: Event, spans: Mapping[str, Span],
             schema: Schema) -> list[tuple[str, str]]:
    """(what is wrong, in words that group events alike; the particulars) of ``event``."""
    found: list[tuple[str, str]] = []
    category = event.type
    if category not in CATEGORIES:
        found.append(("event type not a PLOVER category", repr(category)))
    if not event.date:
        found.append(("no event date", ""))
    for name, allowed in (("mode", ALL_MODES), ("context", CONTEXTS),
                          ("auxiliary", AUXILIARY)):
        for value in listed(event.attrs.get(name)):
            if value not in allowed:
                found.append((f"{name} not in PLOVER's codebook", repr(value)))
            elif name == "mode" and category in MODES and value not in MODES[category]:
                modes = ", ".join(MODES[category]) or "none"
                found.append(("mode not one of the category's",
                              f"{value!r} with {category} (its modes: {modes})"))
    sides: dict[str, int] = {"actor": 0, "recipient": 0}
    places = 0
    for member in event.members:
        span = spans.get(member.span_uid)
        if span is None:
            continue
        if span.label == "actor":
            side = ACTOR_SIDE.get(member.role)
            if side is None:
                found.append(("actor span neither actor nor recipient",
                              f"{span.text!r} has role {member.role!r}"))
                continue
            sides[side] += 1
            found += _entity_problems(span)
        elif span.label == "location":
            places += 1
            found += _place_problems(span)
        elif span.label == "casualty":
            outcome = span.attrs.get("outcome")
            if outcome not in SIZE_FIELDS:
                found.append(("casualty without an outcome PLOVER counts",
                              f"{span.text!r} ({outcome or 'no outcome'})"))
            elif not any(isinstance(span.attrs.get(k), int)
                         for k in ("count_best", "count_low", "count_high")):
                found.append(("casualty without a count", repr(span.text)))
    for outcome, counted in casualty_totals(event, spans).items():
        if outcome in SIZE_FIELDS and counted.best is None and counted.low is None \
                and counted.high is not None:
            found.append(("casualty count only an upper bound",
                          f"{outcome}: at most {counted.high}"))
    if not sides["actor"]:
        found.append(("no actor (PLOVER requires one)", ""))
    if category in REQUIRES_RECIPIENT and not sides["recipient"]:
        found.append(("no recipient, which the category requires", category))
    if places > 1:
        found.append(("more than one place (event_loc holds one)", f"{places} places"))
    return found


def listed(value: Any) -> list[Any]:
    """A single value or a list of them, as a list (none for an empty value)."""
    if value in (None, ""):
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _entity_problems(span: Span) -> list[tuple[str, str]]:
    found = []
    code, sector = span.attrs.get("country"), span.attrs.get("sector")
    if code in (None, ""):
        found.append(("entity without a country code", repr(span.text)))
    elif problem := country_problem(code):
        found.append(("entity country not a PLOVER country", f"{span.text!r}: {problem}"))
    if sector in (None, ""):
        found.append(("entity without a sector", repr(span.text)))
    elif problem := sector_problem(sector):
        found.append(("entity sector not a PLOVER sector", f"{span.text!r}: {problem}"))
    for other in listed(span.attrs.get("other_sectors")):
        if problem := sector_problem(other):
            found.append(("entity sector not a PLOVER sector", f"{span.text!r}: {problem}"))
    return found


def _place_problems(span: Span) -> list[tuple[str, str]]:
    found = []
    resolution = span.attrs.get("resolution")
    if resolution not in (None, "") and not (isinstance(resolution, int)
                                             and resolution in RESOLUTIONS):
        found.append(("place resolution not 1 to 5", f"{span.text!r}: {resolution!r}"))
    if (problem := country_problem(span.attrs.get("country"))) is not None:
        found.append(("place country not an ISO 3166 code", f"{span.text!r}: {problem}"))
    return found
