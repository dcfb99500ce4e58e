"""ACE 2005's event codebook: eight types, 33 subtypes, the argument roles each allows,
and the four attributes every event mention carries.

Taken from the Linguistic Data Consortium's "ACE (Automatic Content Extraction) English
Annotation Guidelines for Events", version 5.4.3, 2005-07-01 (section 5, event types
and subtypes with their arguments; section 3, polarity, tense, genericity, modality),
with the time roles as the ACE 2005 corpus (LDC2006T06) writes them (Time-Within ...).

Event types are written "Type:Subtype" ("Conflict:Attack", "Life:Die"), as the corpus's
readers and most systems trained on it do.

Labels: the project's actor, casualty and location stay (the suggestions, the casualty
reader and the map read them), each with ACE's entity type as an attribute (an actor is
a PER, ORG or GPE; a location a GPE, LOC or FAC; a casualty the PER it counts); ACE's
other argument fillers get labels of their own: weapon (WEA), vehicle (VEH), and the
values time (TIMEX2), crime, job_title, sentence and money.
"""

from __future__ import annotations

from collections.abc import Mapping

from annotator.core.default_codebook import COUNT_ATTRIBUTES, OUTCOMES
from annotator.core.events import Event
from annotator.core.model import Span
from annotator.core.schema import AttributeSpec, LabelSpec, Schema

SUBTYPES: dict[str, tuple[str, ...]] = {
    "Life": ("Be-Born", "Marry", "Divorce", "Injure", "Die"),
    "Movement": ("Transport",),
    "Transaction": ("Transfer-Ownership", "Transfer-Money"),
    "Business": ("Start-Org", "Merge-Org", "Declare-Bankruptcy", "End-Org"),
    "Conflict": ("Attack", "Demonstrate"),
    "Contact": ("Meet", "Phone-Write"),
    "Personnel": ("Start-Position", "End-Position", "Nominate", "Elect"),
    "Justice": ("Arrest-Jail", "Release-Parole", "Trial-Hearing", "Charge-Indict", "Sue",
                "Convict", "Sentence", "Fine", "Execute", "Extradite", "Acquit", "Appeal",
                "Pardon"),
}
EVENT_TYPES = tuple(f"{kind}:{sub}" for kind, subs in SUBTYPES.items() for sub in subs)

# The guidelines' Time-Arg, as the corpus annotates it.
TIME_ROLES = ("Time-Within", "Time-Holds", "Time-Starting", "Time-Ending", "Time-Before",
              "Time-After", "Time-At-Beginning", "Time-At-End")
_PLACE_TIME = ("Place", *TIME_ROLES)
_COURT = ("Defendant", "Prosecutor", "Adjudicator", "Crime", *_PLACE_TIME)

# Each subtype's argument roles: its participants, then its attributes (Place, Time).
ROLES: dict[str, tuple[str, ...]] = {
    "Life:Be-Born": ("Person", *_PLACE_TIME),
    "Life:Marry": ("Person", *_PLACE_TIME),
    "Life:Divorce": ("Person", *_PLACE_TIME),
    "Life:Injure": ("Agent", "Victim", "Instrument", *_PLACE_TIME),
    "Life:Die": ("Agent", "Victim", "Instrument", *_PLACE_TIME),
    "Movement:Transport": ("Agent", "Artifact", "Vehicle", "Price", "Origin", "Destination",
                           *TIME_ROLES),
    "Transaction:Transfer-Ownership": ("Buyer", "Seller", "Beneficiary", "Artifact", "Price",
                                       *_PLACE_TIME),
    "Transaction:Transfer-Money": ("Giver", "Recipient", "Beneficiary", "Money",
                                   *_PLACE_TIME),
    "Business:Start-Org": ("Agent", "Org", *_PLACE_TIME),
    "Business:Merge-Org": ("Org", *_PLACE_TIME),
    "Business:Declare-Bankruptcy": ("Org", *_PLACE_TIME),
    "Business:End-Org": ("Org", *_PLACE_TIME),
    "Conflict:Attack": ("Attacker", "Target", "Instrument", *_PLACE_TIME),
    "Conflict:Demonstrate": ("Entity", *_PLACE_TIME),
    "Contact:Meet": ("Entity", *_PLACE_TIME),
    "Contact:Phone-Write": ("Entity", *TIME_ROLES),
    "Personnel:Start-Position": ("Person", "Entity", "Position", *_PLACE_TIME),
    "Personnel:End-Position": ("Person", "Entity", "Position", *_PLACE_TIME),
    "Personnel:Nominate": ("Person", "Agent", "Position", *_PLACE_TIME),
    "Personnel:Elect": ("Person", "Entity", "Position", *_PLACE_TIME),
    "Justice:Arrest-Jail": ("Person", "Agent", "Crime", *_PLACE_TIME),
    "Justice:Release-Parole": ("Person", "Entity", "Crime", *_PLACE_TIME),
    "Justice:Trial-Hearing": _COURT,
    "Justice:Charge-Indict": _COURT,
    "Justice:Sue": ("Plaintiff", "Defendant", "Adjudicator", "Crime", *_PLACE_TIME),
    "Justice:Convict": ("Defendant", "Adjudicator", "Crime", *_PLACE_TIME),
    "Justice:Sentence": ("Defendant", "Adjudicator", "Crime", "Sentence", *_PLACE_TIME),
    "Justice:Fine": ("Entity", "Adjudicator", "Money", "Crime", *_PLACE_TIME),
    "Justice:Execute": ("Person", "Agent", "Crime", *_PLACE_TIME),
    "Justice:Extradite": ("Agent", "Person", "Destination", "Origin", "Crime", *TIME_ROLES),
    "Justice:Acquit": ("Defendant", "Adjudicator", "Crime", *_PLACE_TIME),
    "Justice:Appeal": _COURT,
    "Justice:Pardon": ("Defendant", "Adjudicator", "Crime", *_PLACE_TIME),
}
# Every role once: the codebook's event roles.
ALL_ROLES = tuple(dict.fromkeys(role for roles in ROLES.values() for role in roles))

# Roles only a value fills (the guidelines' event-specific attributes and Time-Arg): the
# label it must carry.
VALUE_ROLES = {"Crime": "crime", "Position": "job_title", "Sentence": "sentence",
               "Money": "money", "Price": "money", **{role: "time" for role in TIME_ROLES}}
# Roles a place fills: a location span (a GPE, LOC or FAC).
PLACE_ROLES = frozenset({"Place", "Origin", "Destination"})

# The roles the default codebook suggests (core.events.default_role), in ACE's words,
# where the subtype has them.
DEFAULT_ROLE_CANDIDATES = {"attacker": ("Attacker", "Agent"), "target": ("Target",),
                    "victim": ("Victim", "Target", "Person"), "place": ("Place",),
                    "instrument": ("Instrument",)}

POLARITY = ("Positive", "Negative")
TENSE = ("Past", "Present", "Future", "Unspecified")
GENERICITY = ("Specific", "Generic")
MODALITY = ("Asserted", "Other")

ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "VEH", "WEA")
ENTITY_SUBTYPES: dict[str, tuple[str, ...]] = {
    "PER": ("Individual", "Group", "Indeterminate"),
    "ORG": ("Government", "Commercial", "Educational", "Entertainment", "Non-Governmental",
            "Media", "Religious", "Medical-Science", "Sports"),
    "GPE": ("Continent", "Nation", "State-or-Province", "County-or-District",
            "Population-Center", "GPE-Cluster", "Special"),
    "LOC": ("Address", "Boundary", "Celestial", "Water-Body", "Land-Region-Natural",
            "Region-General", "Region-International"),
    "FAC": ("Airport", "Building-Grounds", "Path", "Plant", "Subarea-Facility"),
    "VEH": ("Air", "Land", "Water", "Subarea-Vehicle", "Underspecified"),
    "WEA": ("Blunt", "Exploding", "Sharp", "Chemical", "Biological", "Shooting", "Projectile",
            "Nuclear", "Underspecified"),
}
# Which entity types each of the project's labels may be.
LABEL_ENTITY_TYPES = {"actor": ("PER", "ORG", "GPE"), "casualty": ("PER",),
                      "location": ("GPE", "LOC", "FAC"), "vehicle": ("VEH",),
                      "weapon": ("WEA",)}
MENTION_TYPES = ("NAM", "NOM", "PRO")


def _entity(types: tuple[str, ...]) -> tuple[AttributeSpec, ...]:
    subtypes = tuple(dict.fromkeys(s for t in types for s in ENTITY_SUBTYPES[t]))
    return (
        AttributeSpec("entity_type", "choice", types, description="ACE's entity type."),
        AttributeSpec("entity_subtype", "choice", subtypes,
                      description="ACE's subtype of that entity type."),
        AttributeSpec("mention", "choice", MENTION_TYPES,
                      description="A name (NAM), a common noun (NOM) or a pronoun (PRO)."),
    )


def schema() -> Schema:
    return Schema(
        labels=(
            LabelSpec("actor", "#3b78d8", "1",
                      "A person, organisation or geo-political entity taking part.",
                      attributes=_entity(LABEL_ENTITY_TYPES["actor"])),
            LabelSpec("casualty", "#d9534f", "2",
                      "People injured or killed (a Victim), with how many when said.",
                      attributes=(
                          *_entity(LABEL_ENTITY_TYPES["casualty"]),
                          AttributeSpec("outcome", "choice", OUTCOMES),
                          *COUNT_ATTRIBUTES,
                      )),
            LabelSpec("location", "#3f9b35", "3",
                      "A place: a geo-political entity, a location or a facility.",
                      attributes=(
                          *_entity(LABEL_ENTITY_TYPES["location"]),
                          AttributeSpec("latitude", "number"),
                          AttributeSpec("longitude", "number"),
                          AttributeSpec("geonames_id", "integer"),
                          AttributeSpec("country", "text",
                                        description="ISO 3166 alpha-3 code, e.g. IRQ"),
                      )),
            LabelSpec("weapon", "#8e44ad", "4", "A weapon (WEA): an Instrument.",
                      attributes=_entity(LABEL_ENTITY_TYPES["weapon"])),
            LabelSpec("vehicle", "#e67e22", "5", "A vehicle (VEH).",
                      attributes=_entity(LABEL_ENTITY_TYPES["vehicle"])),
            LabelSpec("time", "#16a085", "6", "A time expression (TIMEX2): a Time role."),
            LabelSpec("crime", "#7f8c8d", "7", "The crime a Justice event is about."),
            LabelSpec("job_title", "#2c3e50", "8", "The position of a Personnel event."),
            LabelSpec("sentence", "#c0392b", "9", "The sentence a defendant receives."),
            LabelSpec("money", "#27ae60", "0", "A sum of money: a Money or Price role."),
        ),
        event_types=EVENT_TYPES,
        event_roles=ALL_ROLES,
        event_attributes=(
            AttributeSpec("polarity", "choice", POLARITY, required=True, description=(
                "Negative when the event is said not to have happened.")),
            AttributeSpec("tense", "choice", TENSE, required=True,
                          description="When it happens, relative to the text."),
            AttributeSpec("genericity", "choice", GENERICITY, required=True, description=(
                "Specific: a singular occurrence; Generic: a kind of event.")),
            AttributeSpec("modality", "choice", MODALITY, required=True, description=(
                "Asserted: said to have really happened; Other: believed, hoped, "
                "hypothetical...")),
        ),
        dataset="ace2005",
    )


def roles_for(event_type: str) -> tuple[str, ...]:
    return ROLES.get(event_type, ())


def suggested_role(event_type: str, default: str) -> str | None:
    """The subtype's role for what the default codebook would suggest (attacker, victim,
    place...), or None when the subtype has no such role."""
    allowed = ROLES.get(event_type, ())
    return next((role for role in DEFAULT_ROLE_CANDIDATES.get(default, ())
                 if role in allowed), None)


def event_problems(event: Event, spans: Mapping[str, Span], schema: Schema) -> list[str]:
    """What ACE 2005's rules find missing or wrong in ``event``, each said in a line."""
    found: list[str] = []
    allowed = ROLES.get(event.type)
    if allowed is None:
        found.append(f"event type {event.type!r} is not an ACE 2005 subtype "
                     "(Type:Subtype, such as Conflict:Attack)")
    for spec in schema.event_attributes:
        value = event.attrs.get(spec.name)
        if spec.required and value in (None, ""):
            found.append(f"no {spec.name} ({' or '.join(spec.values)})")
        elif value not in (None, "") and spec.values and value not in spec.values:
            found.append(f"{spec.name} {value!r} is not one of {', '.join(spec.values)}")
    for member in event.members:
        span = spans.get(member.span_uid)
        shown = f"{span.label} {span.text!r}" if span else f"span {member.span_uid}"
        if allowed is not None and member.role not in allowed:
            found.append(f"{shown}: role {member.role!r} is not one of {event.type}'s "
                         f"({', '.join(r for r in allowed if r not in TIME_ROLES)}, Time-…)")
            continue
        if span is None:
            continue
        wanted = VALUE_ROLES.get(member.role)
        if wanted is not None and span.label != wanted:
            found.append(f"{shown}: a {member.role} is a {wanted} span")
        elif member.role in PLACE_ROLES and span.label != "location":
            found.append(f"{shown}: a {member.role} is a location span")
        found += _entity_problems(span, shown)
    return found


def _entity_problems(span: Span, shown: str) -> list[str]:
    kind, subtype = span.attrs.get("entity_type"), span.attrs.get("entity_subtype")
    if kind in (None, "") or subtype in (None, ""):
        return []
    if subtype not in ENTITY_SUBTYPES.get(str(kind), ()):
        return [f"{shown}: {subtype!r} is not a subtype of {kind} "
                f"({', '.join(ENTITY_SUBTYPES.get(str(kind), ()))})"]
    return []
