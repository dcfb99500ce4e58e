"""The label schema: labels, their typed attributes, event types and roles.

A schema is a corpus's codebook in data form. It is shared as JSON of the
shape ``schema_to_json`` writes and ``schema_from_json`` reads.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from annotator.core.model import InvalidRecord
from annotator.core.names import (
    MAX_NAME,
    SURROGATE,
    json_kind,
    name_problem,
    shortcut_problem,
    shown,
    text_problem,
)
from annotator.core.relation_types import (
    RELATION_KEYS,
    RelationType,
    check_names,
    relation_type_to_json,
)

AttributeKind = Literal["choice", "choices", "integer", "number", "text", "boolean"]
# "choices": any number of the values at once (event types present in a document).
KINDS: tuple[AttributeKind, ...] = ("choice", "choices", "integer", "number", "text", "boolean")

# A text attribute is a short note, not an article.
MAX_TEXT_VALUE = 10_000
# The largest whole number every JSON reader (JavaScript included) keeps exact;
# also what agreement's arithmetic can take without overflowing a float.
MAX_WHOLE = 2**53 - 1
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
DATASET_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")


@dataclass(frozen=True, slots=True)
class AttributeSpec:
    name: str
    kind: AttributeKind
    values: tuple[str, ...] = ()
    required: bool = False
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier() \
                or len(self.name) > MAX_NAME:
            raise InvalidRecord(f"attribute name {shown(self.name)} must be a word "
                                "(letters, digits, _)")
        if self.kind not in KINDS:
            raise InvalidRecord(f"attribute {self.name}: kind {shown(self.kind)} is not one of "
                                f"{', '.join(KINDS)}")
        if self.kind in ("choice", "choices") and not self.values:
            raise InvalidRecord(f"attribute {self.name}: a choice needs values")
        # Only what could not be stored at all: the stricter rules for names (not
        # empty, no controls, each once) are checked where a codebook comes in, so a
        # corpus an earlier version wrote is never refused on reading.
        for value in self.values:
            if not isinstance(value, str) or SURROGATE.search(value):
                raise InvalidRecord(f"attribute {self.name}: the value {shown(value)} is not text")

    def check(self, value: Any) -> Any:
        """``value`` as this attribute holds it; InvalidRecord says why it cannot be."""
        if value is None or value == "":
            # A missing value is incomplete, not wrong: ``LabelSpec.missing`` reports it
            # where completeness matters (marking a document done).
            return None
        if self.kind == "choices":
            return self._choices(value)
        if isinstance(value, dict | list | tuple | bytes):
            # str() of these would make up a value nobody entered.
            raise InvalidRecord(f"attribute {self.name}: {shown(value)} is {json_kind(value)}, "
                                f"not a single value")
        if self.kind == "choice":
            if str(value) not in self.values:
                raise InvalidRecord(f"attribute {self.name}: {shown(value)} is not one of "
                                    f"{', '.join(self.values)}")
            return str(value)
        if self.kind == "integer":
            return _whole_number(self.name, value)
        if self.kind == "number":
            return _finite_number(self.name, value)
        if self.kind == "boolean":
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "yes", "1"):
                return True
            if str(value).lower() in ("false", "no", "0"):
                return False
            raise InvalidRecord(f"attribute {self.name}: {shown(value)} is not true or false")
        text = str(value)
        problem = text_problem(text, max_length=MAX_TEXT_VALUE, lines=True)
        if problem:
            raise InvalidRecord(f"attribute {self.name}: the text {problem}")
        return text

    def _choices(self, value: Any) -> list[str] | None:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            raise InvalidRecord(f"attribute {self.name}: {shown(value)} is {json_kind(value)}, "
                                "not a list of choices")
        chosen: list[str] = []
        for item in items:
            if not isinstance(item, str) or item not in self.values:
                raise InvalidRecord(f"attribute {self.name}: {shown(item)} is not one of "
                                    f"{', '.join(self.values)}")
            if item not in chosen:
                chosen.append(item)
        # In the codebook's order, so the same choices are always the same value.
        return sorted(chosen, key=self.values.index) or None


def _whole_number(name: str, value: Any) -> int:
    number: int | None = None
    if isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().lstrip("-").isdigit() \
            and len(value.strip()) <= 20:  # int() of thousands of digits is refused anyway
        number = int(value)
    if number is None:
        raise InvalidRecord(f"attribute {name}: {shown(value)} is not a whole number")
    if abs(number) > MAX_WHOLE:
        raise InvalidRecord(f"attribute {name}: {shown(value)} is too large "
                            f"(at most {MAX_WHOLE:,})")
    return number


def _finite_number(name: str, value: Any) -> float:
    try:
        if isinstance(value, bool):
            raise ValueError
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise InvalidRecord(f"attribute {name}: {shown(value)} is not a number") from None
    if not math.isfinite(number):
        # NaN and infinity are not JSON, and no count or coordinate is either.
        raise InvalidRecord(f"attribute {name}: {shown(value)} is not a finite number")
    return number


@dataclass(frozen=True, slots=True)
class LabelSpec:
    name: str
    color: str
    shortcut: str = ""
    description: str = ""
    attributes: tuple[AttributeSpec, ...] = ()
    examples: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name or self.name != self.name.strip():
            raise InvalidRecord(f"label name {shown(self.name)} is empty or padded with spaces")
        # As loose as earlier versions were, so what they stored still reads; a
        # codebook or a merge coming in is held to _COLOR and shortcut_problem.
        if not isinstance(self.color, str) or not (len(self.color) == 7
                                                    and self.color.startswith("#")):
            raise InvalidRecord(f"label {self.name}: colour {shown(self.color)} is not #rrggbb "
                                "(such as #3b78d8)")
        if not isinstance(self.shortcut, str) or SURROGATE.search(self.shortcut):
            raise InvalidRecord(f"label {self.name}: shortcut {shown(self.shortcut)} is not a "
                                "key (such as 1, A or F5)")
        names = [a.name for a in self.attributes]
        if len(set(names)) != len(names):
            twice = next(n for n in names if names.count(n) > 1)
            raise InvalidRecord(f"label {self.name}: two attributes are named {twice!r}")

    def attribute(self, name: str) -> AttributeSpec | None:
        for spec in self.attributes:
            if spec.name == name:
                return spec
        return BUILT_IN.get(name)

    def check(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        """Declared attributes checked and converted; undeclared ones kept as given."""
        return checked_attributes(attrs, self.attribute)

    def missing(self, attrs: Mapping[str, Any]) -> list[str]:
        return [a.name for a in self.attributes if a.required and attrs.get(a.name) in (None, "")]


def checked_attributes(attrs: Mapping[str, Any],
                       spec_of: Callable[[str], AttributeSpec | None]) -> dict[str, Any]:
    """``attrs`` with each declared one checked and converted (``spec_of`` says which are
    declared) and each undeclared one kept as given; empty values dropped."""
    checked = {}
    for key, value in attrs.items():
        spec = spec_of(key)
        converted = spec.check(value) if spec else value
        if converted is not None:
            checked[key] = converted
    return checked


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
    relation_types: tuple[RelationType, ...] = ()
    # What a coder says of a whole document (relevant, event types present, language).
    document_attributes: tuple[AttributeSpec, ...] = ()
    # What a coder says of an event beyond its type, date and members: a dataset's
    # codes (ACLED's sub-event type, UCDP's type of violence, PLOVER's mode).
    event_attributes: tuple[AttributeSpec, ...] = ()
    # The dataset whose codebook this is ("acled", "ucdp", "plover", "ace2005"), whose
    # rules its exports check; "" for a codebook of the corpus's own.
    dataset: str = ""

    def __post_init__(self) -> None:
        names = [label.name for label in self.labels]
        if len(set(names)) != len(names):
            twice = next(n for n in names if names.count(n) > 1)
            raise InvalidRecord(f"two labels are named {shown(twice)}")
        keys: dict[str, str] = {}
        for label in self.labels:
            if label.shortcut and label.shortcut in keys:
                raise InvalidRecord(f"labels {shown(keys[label.shortcut])} and "
                                    f"{shown(label.name)} have the same shortcut key "
                                    f"{shown(label.shortcut)}")
            keys.setdefault(label.shortcut, label.name)
        for what, names in (("event type", self.event_types), ("event role", self.event_roles)):
            for name in names:
                problem = name_problem(name)
                if problem:
                    raise InvalidRecord(f"{what} {problem}")
            if len(set(names)) != len(names):
                twice = next(n for n in names if names.count(n) > 1)
                raise InvalidRecord(f"the {what} {shown(twice)} is listed twice")
        check_names(self.relation_types, {label.name: label for label in self.labels})
        for what, specs in (("document", self.document_attributes),
                            ("event", self.event_attributes)):
            attributes = [a.name for a in specs]
            if len(set(attributes)) != len(attributes):
                twice = next(n for n in attributes if attributes.count(n) > 1)
                raise InvalidRecord(f"two {what} attributes are named {twice!r}")
        if not isinstance(self.dataset, str) or (self.dataset and not DATASET_NAME.fullmatch(
                self.dataset)):
            raise InvalidRecord(f"dataset {shown(self.dataset)} must be a short lower-case "
                                "name (such as acled)")

    def relation_type(self, name: str) -> RelationType | None:
        return next((kind for kind in self.relation_types if kind.name == name), None)

    def relation_refusal(self, name: str, head_label: str, tail_label: str) -> str | None:
        """Why the codebook refuses a ``name`` link between spans of these labels, or None.
        A relation type the codebook does not list is refused only if it lists some."""
        kind = self.relation_type(name)
        if kind is None:
            if self.relation_types:
                return (f"the codebook has no relation type {name!r} (it has "
                        f"{', '.join(k.name for k in self.relation_types)})")
            return None
        return kind.refusal(head_label, tail_label)

    def event_attribute(self, name: str) -> AttributeSpec | None:
        return next((a for a in self.event_attributes if a.name == name), None)

    def check_event(self, attrs: Mapping[str, Any]) -> dict[str, Any]:
        """An event's attributes checked and converted; undeclared ones kept as given."""
        return checked_attributes(attrs, self.event_attribute)

    def document_attribute(self, name: str) -> AttributeSpec | None:
        return next((a for a in self.document_attributes if a.name == name), None)

    def check_document_label(self, name: str, value: Any) -> Any:
        """``value`` as the document attribute ``name`` holds it (as given, if the codebook
        does not declare ``name``); InvalidRecord says why it cannot be."""
        spec = self.document_attribute(name)
        return spec.check(value) if spec else value

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

EVENT_TYPES = ("attack", "armed clash", "shelling or air strike", "explosion",
               "violence against civilians", "other")
EVENT_ROLES = ("attacker", "target", "victim", "place", "instrument", "other")



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


_ATTRIBUTE_KEYS = ("name", "type", "values", "required", "description")
_LABEL_KEYS = ("name", "color", "shortcut", "description", "attributes", "examples")
_SCHEMA_KEYS = ("labels", "event_types", "event_roles", "relation_types",
                "document_attributes", "event_attributes", "dataset")


def attribute_from_json(raw: Any, where: str, index: int | None = None) -> AttributeSpec:
    """An attribute from its JSON shape; ``where`` (its label) and ``index`` (its place
    in the label's list) name it in the InvalidRecord that says what is wrong."""
    place = f"{where}, attribute {index}" if index is not None else f"{where}, an attribute"
    if not isinstance(raw, dict):
        raise InvalidRecord(f"{place} must be an object, not {json_kind(raw)}")
    if "name" not in raw or "type" not in raw:
        raise InvalidRecord(f"{place}: an attribute needs a name and a type")
    name = raw["name"]
    if not isinstance(name, str):
        raise InvalidRecord(f"{place}: name must be a string, not {json_kind(name)}")
    if not name.isidentifier() or len(name) > MAX_NAME:
        raise InvalidRecord(f"{place}: name {shown(name)} must be a word (letters, digits, _)")
    here = f"{where}, attribute {name!r}"
    _known_keys(raw, _ATTRIBUTE_KEYS, here)
    kind = raw["type"]
    if not isinstance(kind, str) or kind not in KINDS:
        raise InvalidRecord(f"{here}: kind {shown(kind)} is not one of {', '.join(KINDS)}")
    values = _names(raw.get("values"), f"{here}: values", "strings")
    required = raw.get("required")
    if required is not None and not isinstance(required, bool):
        raise InvalidRecord(f"{here}: required must be true or false, not {json_kind(required)}")
    try:
        return AttributeSpec(name=name, kind=kind, values=values, required=bool(required),
                             description=_text(raw, "description", here))
    except InvalidRecord as exc:
        raise InvalidRecord(f"{here}: {_without_prefix(exc, name)}") from None


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
        "relation_types": [relation_type_to_json(kind) for kind in schema.relation_types],
        "document_attributes": [attribute_to_json(a) for a in schema.document_attributes],
        **({"event_attributes": [attribute_to_json(a) for a in schema.event_attributes]}
           if schema.event_attributes else {}),
        **({"dataset": schema.dataset} if schema.dataset else {}),
    }


def relation_type_from_json(raw: Any, index: int, labels: Sequence[str]) -> RelationType:
    """One relation type of a schema's JSON; ``index`` counts from 1, for messages."""
    if not isinstance(raw, dict):
        raise InvalidRecord(f"relation type {index} must be an object, not {json_kind(raw)}")
    problem = name_problem(raw.get("name"))
    if problem:
        raise InvalidRecord(f"relation type {index}: name {problem}")
    where = f"relation type {raw['name']!r}"
    _known_keys(raw, RELATION_KEYS, where)
    ends = {}
    for key in ("heads", "tails"):
        ends[key] = _names(raw.get(key), f"{where}: {key}", "label names")
        unknown = [name for name in ends[key] if name not in labels]
        if unknown:
            raise InvalidRecord(f"{where}: {key} names {shown(unknown[0])}, which is not a "
                                "label of this schema")
    shortcut = raw.get("shortcut") or ""
    if not isinstance(shortcut, str) or shortcut_problem(shortcut):
        raise InvalidRecord(f"{where}: shortcut {shown(shortcut)} is not a key")
    return RelationType(raw["name"], ends["heads"], ends["tails"],
                        _text(raw, "description", where), shortcut)


def _listed(raw: Mapping[str, Any], key: str) -> list[Any]:
    value = raw.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidRecord(f'"{key}" must be a list of objects, not {json_kind(value)}')
    return value


def label_from_json(item: Any, index: int) -> LabelSpec:
    """One label of a schema's JSON; ``index`` counts from 1, for messages."""
    if not isinstance(item, dict):
        raise InvalidRecord(f"label {index} must be an object, not {json_kind(item)}")
    if item.get("name") in (None, ""):
        raise InvalidRecord(f"label {index} has no name")
    problem = name_problem(item["name"])
    if problem:
        raise InvalidRecord(f"label {index}: name {problem}")
    name: str = item["name"]
    where = f"label {name!r}"
    _known_keys(item, _LABEL_KEYS, where)
    color = item.get("color")
    if color is None or color == "":
        color = "#888888"
    if not isinstance(color, str) or not _COLOR.fullmatch(color):
        raise InvalidRecord(f"{where}: color {shown(color)} is not a colour written #rrggbb "
                            "(such as #3b78d8)")
    shortcut = item.get("shortcut")
    if shortcut is None:
        shortcut = ""
    if not isinstance(shortcut, str):
        raise InvalidRecord(f"{where}: shortcut must be a string (such as \"1\"), "
                            f"not {json_kind(shortcut)}")
    problem = shortcut_problem(shortcut)
    if problem:
        raise InvalidRecord(f"{where}: {problem}")
    attributes = item.get("attributes")
    if attributes is None:
        attributes = []
    if not isinstance(attributes, list):
        raise InvalidRecord(f"{where}: attributes must be a list of objects, "
                            f"not {json_kind(attributes)}")
    specs = tuple(attribute_from_json(a, where, number)
                  for number, a in enumerate(attributes, start=1))
    examples = _strings_of(item.get("examples"), f"{where}: examples")
    try:
        return LabelSpec(name=name, color=color, shortcut=shortcut,
                         description=_text(item, "description", where),
                         attributes=specs, examples=examples)
    except InvalidRecord as exc:
        raise InvalidRecord(f"{where}: {_without_prefix(exc, name, 'label')}") from None


def schema_from_json(raw: Any) -> Schema:
    """A schema from its JSON shape; InvalidRecord names the part that is wrong
    (``label 'actor', attribute 'role': values must be a list of strings, not a string``)."""
    if not isinstance(raw, dict):
        raise InvalidRecord(f'a schema is an object with a "labels" list, not {json_kind(raw)}')
    if not isinstance(raw.get("labels"), list):
        found = json_kind(raw["labels"]) if "labels" in raw else "nothing"
        raise InvalidRecord(f'a schema is an object with a "labels" list; "labels" is {found}')
    _known_keys(raw, _SCHEMA_KEYS, "the schema")
    if not raw["labels"]:
        raise InvalidRecord('"labels" is empty: a schema needs at least one label')
    labels = [label_from_json(item, index) for index, item in enumerate(raw["labels"], start=1)]
    seen: dict[str, int] = {}
    for index, label in enumerate(labels, start=1):
        if label.name in seen:
            raise InvalidRecord(f"labels {seen[label.name]} and {index} are both named "
                                f"{label.name!r}")
        seen[label.name] = index
    names = [label.name for label in labels]
    relation_types = tuple(relation_type_from_json(item, index, names)
                           for index, item in enumerate(_listed(raw, "relation_types"), start=1))
    document_attributes = tuple(
        attribute_from_json(item, "the document attributes", index)
        for index, item in enumerate(_listed(raw, "document_attributes"), start=1))
    event_attributes = tuple(
        attribute_from_json(item, "the event attributes", index)
        for index, item in enumerate(_listed(raw, "event_attributes"), start=1))
    dataset = raw.get("dataset") or ""
    if not isinstance(dataset, str):
        raise InvalidRecord(f'"dataset" must be a string, not {json_kind(dataset)}')
    return Schema(tuple(labels), _event_names(raw, "event_types", EVENT_TYPES),
                  _event_names(raw, "event_roles", EVENT_ROLES), relation_types,
                  document_attributes, event_attributes, dataset)


def _known_keys(raw: Mapping[str, Any], known: Sequence[str], where: str) -> None:
    unknown = [key for key in raw if key not in known]
    if unknown:
        # A misspelt key ("colour", "value") would otherwise be dropped without a word.
        raise InvalidRecord(f"{where}: unknown key {shown(unknown[0])} (known keys: "
                            f"{', '.join(known)})")


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRecord(f"{where}: {key} must be a string, not {json_kind(value)}")
    problem = text_problem(value, lines=True)
    if problem:
        raise InvalidRecord(f"{where}: {key} {problem}")
    return value


def _strings_of(value: Any, where: str) -> tuple[str, ...]:
    """A list of texts (examples): strings, none with a lone surrogate or control."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InvalidRecord(f"{where} must be a list of strings, not {json_kind(value)}")
    for number, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise InvalidRecord(f"{where}: item {number} must be a string, not {json_kind(item)}")
        problem = text_problem(item, max_length=MAX_TEXT_VALUE)
        if problem:
            raise InvalidRecord(f"{where}: item {number} {problem}")
    return tuple(value)


def _names(value: Any, where: str, what: str) -> tuple[str, ...]:
    """A list of names (choices, event types): non-empty strings, each once."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InvalidRecord(f"{where} must be a list of {what}, not {json_kind(value)}")
    for number, item in enumerate(value, start=1):
        problem = name_problem(item)
        if problem:
            raise InvalidRecord(f"{where}: item {number} {problem}")
    twice = [item for item in value if value.count(item) > 1]
    if twice:
        raise InvalidRecord(f"{where}: {shown(twice[0])} is listed twice")
    return tuple(value)


def _event_names(raw: Mapping[str, Any], key: str, default: Sequence[str]) -> tuple[str, ...]:
    if raw.get(key) is None:
        return tuple(default)
    return _names(raw[key], f'"{key}"', "names")


def _without_prefix(exc: InvalidRecord, name: str, kind: str = "attribute") -> str:
    """A model invariant's message without the "attribute NAME: " it starts with,
    when the caller's message names the place already."""
    message = str(exc)
    for prefix in (f"{kind} {name}: ", f"{kind} {name!r}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message
