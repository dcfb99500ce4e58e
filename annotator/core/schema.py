"""The label schema: labels, their typed attributes, event types and roles.

A schema is a corpus's codebook in data form. It is shared as JSON of the
shape ``schema_to_json`` writes and ``schema_from_json`` reads.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from annotator.core.model import InvalidRecord

AttributeKind = Literal["choice", "integer", "number", "text", "boolean"]
KINDS: tuple[AttributeKind, ...] = ("choice", "integer", "number", "text", "boolean")


@dataclass(frozen=True, slots=True)
class AttributeSpec:
    name: str
    kind: AttributeKind
    values: tuple[str, ...] = ()
    required: bool = False
    description: str = ""

    def __post_init__(self) -> None:
        if not self.name.isidentifier():
            raise InvalidRecord(f"attribute name {self.name!r} must be a word (letters, digits, _)")
        if self.kind not in KINDS:
            raise InvalidRecord(f"attribute {self.name}: kind {self.kind!r} is not one of "
                                f"{', '.join(KINDS)}")
        if self.kind == "choice" and not self.values:
            raise InvalidRecord(f"attribute {self.name}: a choice needs values")

    def check(self, value: Any) -> Any:
        """``value`` as this attribute holds it; InvalidRecord says why it cannot be."""
        if value is None or value == "":
            # A missing value is incomplete, not wrong: ``LabelSpec.missing`` reports it
            # where completeness matters (marking a document done).
            return None
        if self.kind == "choice":
            if str(value) not in self.values:
                raise InvalidRecord(f"attribute {self.name}: {value!r} is not one of "
                                    f"{', '.join(self.values)}")
            return str(value)
        if self.kind == "integer":
            return _whole_number(self.name, value)
        if self.kind == "number":
            try:
                if isinstance(value, bool):
                    raise ValueError
                return float(value)
            except (TypeError, ValueError):
                raise InvalidRecord(f"attribute {self.name}: {value!r} is not a number") from None
        if self.kind == "boolean":
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "yes", "1"):
                return True
            if str(value).lower() in ("false", "no", "0"):
                return False
            raise InvalidRecord(f"attribute {self.name}: {value!r} is not true or false")
        return str(value)


def _whole_number(name: str, value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise InvalidRecord(f"attribute {name}: {value!r} is not a whole number")


@dataclass(frozen=True, slots=True)
class LabelSpec:
    name: str
    color: str
    shortcut: str = ""
    description: str = ""
    attributes: tuple[AttributeSpec, ...] = ()
    examples: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.name or self.name != self.name.strip():
            raise InvalidRecord(f"label name {self.name!r} is empty or padded with spaces")
        if not (len(self.color) == 7 and self.color.startswith("#")):
            raise InvalidRecord(f"label {self.name}: colour {self.color!r} is not #rrggbb")
        names = [a.name for a in self.attributes]
        if len(set(names)) != len(names):
            raise InvalidRecord(f"label {self.name}: two attributes have the same name")

    def attribute(self, name: str) -> AttributeSpec | None:
        for spec in self.attributes:
            if spec.name == name:
                return spec
        return BUILT_IN.get(name)

    def check(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        """Declared attributes checked and converted; undeclared ones kept as given."""
        checked = {}
        for key, value in attrs.items():
            spec = self.attribute(key)
            converted = spec.check(value) if spec else value
            if converted is not None:
                checked[key] = converted
        return checked

    def missing(self, attrs: Mapping[str, Any]) -> list[str]:
        return [a.name for a in self.attributes if a.required and attrs.get(a.name) in (None, "")]


# Every span may be marked uncertain and carry a note, whatever its label.
BUILT_IN = {
    "uncertain": AttributeSpec("uncertain", "boolean", description="The coder is not sure."),
    "note": AttributeSpec("note", "text", description="A free note on this span."),
}


@dataclass(frozen=True, slots=True)
class Schema:
    labels: tuple[LabelSpec, ...]
    event_types: tuple[str, ...] = ()
    event_roles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [label.name for label in self.labels]
        if len(set(names)) != len(names):
            raise InvalidRecord("two labels have the same name")
        keys = [label.shortcut for label in self.labels if label.shortcut]
        if len(set(keys)) != len(keys):
            raise InvalidRecord("two labels have the same shortcut key")

    def label(self, name: str) -> LabelSpec | None:
        for label in self.labels:
            if label.name == name:
                return label
        return None

    def check_span(self, label: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
        spec = self.label(label)
        return spec.check(attrs) if spec else dict(attrs)

    def with_label(self, spec: LabelSpec) -> Schema:
        labels = [spec if label.name == spec.name else label for label in self.labels]
        if self.label(spec.name) is None:
            labels.append(spec)
        return replace(self, labels=tuple(labels))


# -- the default codebook ------------------------------------------------------

OUTCOMES = ("killed", "injured", "killed or injured", "abducted", "unknown")
QUALIFIERS = ("exact", "at least", "at most", "approx", "more than", "vague")
VICTIM_TYPES = ("civilian", "state security", "non-state armed", "mixed", "unknown")
ACLED_ACTOR_TYPES = (
    "state forces", "rebel groups", "political militias", "identity militias",
    "rioters", "protesters", "civilians", "external/other forces",
)
EVENT_TYPES = ("attack", "armed clash", "shelling or air strike", "explosion",
               "violence against civilians", "other")
EVENT_ROLES = ("attacker", "target", "victim", "place", "instrument", "other")


def default_schema() -> Schema:
    count = ("count_low", "count_best", "count_high")
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
                          *(AttributeSpec(name, "integer") for name in count),
                          AttributeSpec("qualifier", "choice", QUALIFIERS),
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
    )


# -- JSON -------------------------------------------------------------------------


def attribute_to_json(spec: AttributeSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"name": spec.name, "type": spec.kind}
    if spec.values:
        out["values"] = list(spec.values)
    if spec.required:
        out["required"] = True
    if spec.description:
        out["description"] = spec.description
    return out


def attribute_from_json(raw: Any, where: str) -> AttributeSpec:
    if not isinstance(raw, dict) or "name" not in raw or "type" not in raw:
        raise InvalidRecord(f"{where}: an attribute needs a name and a type")
    return AttributeSpec(
        name=str(raw["name"]), kind=raw["type"],
        values=tuple(str(v) for v in raw.get("values") or ()),
        required=bool(raw.get("required", False)),
        description=str(raw.get("description") or ""),
    )


def schema_to_json(schema: Schema) -> dict[str, Any]:
    return {
        "labels": [
            {"name": label.name, "color": label.color, "shortcut": label.shortcut,
             "description": label.description,
             "attributes": [attribute_to_json(a) for a in label.attributes],
             **({"examples": list(label.examples)} if label.examples else {})}
            for label in schema.labels
        ],
        "event_types": list(schema.event_types),
        "event_roles": list(schema.event_roles),
    }


def schema_from_json(raw: Any) -> Schema:
    """A schema from its JSON shape; InvalidRecord names the part that is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("labels"), list):
        raise InvalidRecord('a schema is an object with a "labels" list')
    labels = []
    for index, item in enumerate(raw["labels"], start=1):
        if not isinstance(item, dict) or not item.get("name"):
            raise InvalidRecord(f"label {index} has no name")
        where = f"label {item['name']!r}"
        attributes = item.get("attributes") or []
        if not isinstance(attributes, list):
            raise InvalidRecord(f'{where}: "attributes" must be a list')
        labels.append(LabelSpec(
            name=str(item["name"]), color=str(item.get("color") or "#888888"),
            shortcut=str(item.get("shortcut") or ""),
            description=str(item.get("description") or ""),
            attributes=tuple(attribute_from_json(a, where) for a in attributes),
            examples=tuple(str(e) for e in item.get("examples") or ()),
        ))
    return Schema(tuple(labels), _strings(raw, "event_types", EVENT_TYPES),
                  _strings(raw, "event_roles", EVENT_ROLES))


def _strings(raw: Mapping[str, Any], key: str, default: Sequence[str]) -> tuple[str, ...]:
    value = raw.get(key)
    if value is None:
        return tuple(default)
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise InvalidRecord(f'"{key}" must be a list of names')
    return tuple(value)


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
    return "\n".join(parts)
