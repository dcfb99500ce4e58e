"""The default codebook (ACLED, UCDP and ACE 2005 practice) and a first codebook text
made from any schema: the content of a codebook, apart from the rules in ``schema``."""

from __future__ import annotations

from annotator.core.relation_types import DEFAULT_RELATION_TYPES
from annotator.core.schema import (
    EVENT_ROLES,
    EVENT_TYPES,
    AttributeSpec,
    LabelSpec,
    Schema,
)

OUTCOMES = ("killed", "injured", "killed or injured", "abducted", "unknown")
QUALIFIERS = ("exact", "at least", "at most", "approx", "more than", "vague")
VICTIM_TYPES = ("civilian", "state security", "non-state armed", "mixed", "unknown")
ACLED_ACTOR_TYPES = (
    "state forces", "rebel groups", "political militias", "identity militias",
    "rioters", "protesters", "civilians", "external/other forces",
)
# How many a casualty span counts, as the casualty reader fills them in: every
# codebook's casualty label has these, so the reader works in each.
COUNT_ATTRIBUTES = (
    *(AttributeSpec(name, "integer") for name in ("count_low", "count_best", "count_high")),
    AttributeSpec("qualifier", "choice", QUALIFIERS),
)


def default_schema() -> Schema:
    return Schema(
        labels=(
            LabelSpec("actor", "#3b78d8", "1",
                      "Who acts or is acted upon: a group, force, person or institution.",
                      examples=("Islamic State militants", "the armed forces of Mali",
                                "Iran-backed fighter groups"), attributes=(
                          AttributeSpec("role", "choice", ("attacker", "target", "victim", "other")),
                          AttributeSpec("actor_type", "choice", ACLED_ACTOR_TYPES,
                                        description="ACLED's eight actor types."),
                          AttributeSpec("affiliation", "text"),
                      )),
            LabelSpec("casualty", "#d9534f", "2",
                      "People killed, injured or abducted, with how many when said.",
                      examples=("At least five US personnel", "dozens of civilians",
                                "two soldiers"), attributes=(
                          AttributeSpec("outcome", "choice", OUTCOMES),
                          *COUNT_ATTRIBUTES,
                          AttributeSpec("victim_type", "choice", VICTIM_TYPES),
                      )),
            LabelSpec("location", "#3f9b35", "3",
                      "Where it happened: a place, base, town, region or country.",
                      examples=("Ain al-Assad airbase", "south of Kirkuk", "central Mali"),
                      attributes=(
                          AttributeSpec("role", "choice", ("event place", "other")),
                          AttributeSpec("precision", "integer", description=(
                              "1 exact place, 2 near or part of a region, 3 region")),
                          AttributeSpec("latitude", "number"),
                          AttributeSpec("longitude", "number"),
                          AttributeSpec("geonames_id", "integer"),
                          AttributeSpec("country", "text",
                                        description="ISO 3166 alpha-3 code, e.g. IRQ"),
                      )),
        ),
        event_types=EVENT_TYPES,
        event_roles=EVENT_ROLES,
        relation_types=DEFAULT_RELATION_TYPES,
        document_attributes=DEFAULT_DOCUMENT_ATTRIBUTES,
    )


DEFAULT_DOCUMENT_ATTRIBUTES = (
    AttributeSpec("relevant", "boolean",
                  description="The article reports political violence the project codes."),
    AttributeSpec("event_types", "choices", EVENT_TYPES,
                  description="The kinds of event the article reports."),
    AttributeSpec("language", "text", description="The article's language (ISO 639-1, e.g. en)."),
)


def codebook_markdown(schema: Schema) -> str:
    """A first codebook from the schema, for a team to write on."""
    parts = ["# Codebook", "", "What to tag, and how. Edit this to your project's rules.", ""]
    for label in schema.labels:
        key = f" (key {label.shortcut})" if label.shortcut else ""
        parts += [f"## {label.name}{key}", "", label.description or "(no description yet)", ""]
        if label.examples:
            parts += ["Examples: " + "; ".join(f"*{e}*" for e in label.examples), ""]
        for attribute in label.attributes:
            values = f": {', '.join(attribute.values)}" if attribute.values else ""
            note = f" — {attribute.description}" if attribute.description else ""
            parts.append(f"- **{attribute.name}** ({attribute.kind}{values}){note}")
        parts.append("")
    parts += ["## Events", "", "Types: " + ", ".join(schema.event_types), "",
              "Roles: " + ", ".join(schema.event_roles), ""]
    for attribute in schema.event_attributes:
        values = f": {', '.join(attribute.values)}" if attribute.values else ""
        note = f" — {attribute.description}" if attribute.description else ""
        parts.append(f"- **{attribute.name}** ({attribute.kind}{values}){note}")
    if schema.event_attributes:
        parts.append("")
    if schema.relation_types:
        parts += ["## Relations", ""]
        for kind in schema.relation_types:
            ends = f"{', '.join(kind.heads) or 'any label'} → {', '.join(kind.tails) or 'any label'}"
            note = f" — {kind.description}" if kind.description else ""
            parts.append(f"- **{kind.name}** ({ends}){note}")
        parts.append("")
    if schema.document_attributes:
        parts += ["## The whole document", ""]
        for attribute in schema.document_attributes:
            values = f": {', '.join(attribute.values)}" if attribute.values else ""
            note = f" — {attribute.description}" if attribute.description else ""
            parts.append(f"- **{attribute.name}** ({attribute.kind}{values}){note}")
        parts.append("")
    return "\n".join(parts)
