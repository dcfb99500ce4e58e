"""Codebooks written wrong, by mistake or on purpose: each is refused with a message
that names the part at fault, and nothing odd gets into a schema."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from annotator.core.codebook_file import SchemaFileError, read_schema
from annotator.core.default_codebook import default_schema
from annotator.core.model import InvalidRecord
from annotator.core.schema import (
    MAX_WHOLE,
    AttributeSpec,
    LabelSpec,
    Schema,
    schema_from_json,
    schema_to_json,
)

BASE = schema_to_json(default_schema())


def edited(change: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    change(data)
    return data


def label(index: int, key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda data: data["labels"][index].__setitem__(key, value)


def attribute(index: int, number: int, key: str, value: object
              ) -> Callable[[dict[str, Any]], object]:
    return lambda data: data["labels"][index]["attributes"][number].__setitem__(key, value)


def test_the_default_codebook_goes_round_unchanged() -> None:
    assert schema_from_json(BASE) == default_schema()
    assert read_schema(json.dumps(BASE).encode("utf-8")) == default_schema()
    # A byte-order mark, as Windows editors write, is not an error.
    assert read_schema(b"\xef\xbb\xbf" + json.dumps(BASE).encode()) == default_schema()
    assert read_schema(json.dumps(BASE).encode("utf-16")) == default_schema()


@pytest.mark.parametrize(("change", "message"), [
    (attribute(0, 0, "values", "abc"),
     "label 'actor', attribute 'role': values must be a list of strings, not a string"),
    (attribute(0, 0, "values", ["attacker", 3]),
     "label 'actor', attribute 'role': values: item 2 must be a string, not a number"),
    (attribute(0, 0, "values", ["a", "a"]), "label 'actor', attribute 'role': values: 'a' is "
                                            "listed twice"),
    (attribute(0, 0, "values", ["a", ""]), "values: item 2 is empty"),
    (attribute(0, 0, "required", "yes"),
     "label 'actor', attribute 'role': required must be true or false, not a string"),
    (attribute(0, 0, "type", ["choice"]), "kind ['choice'] is not one of"),
    (attribute(0, 0, "description", 3), "attribute 'role': description must be a string"),
    (attribute(0, 0, "name", 5), "label 'actor', attribute 1: name must be a string, not a number"),
    (attribute(0, 1, "name", "role"), "label 'actor': two attributes are named 'role'"),
    (attribute(0, 0, "value", ["a"]), "attribute 'role': unknown key 'value'"),
    (label(0, "examples", 5), "label 'actor': examples must be a list of strings, not a number"),
    (label(0, "examples", ["ok", {"x": 1}]), "examples: item 2 must be a string, not an object"),
    (label(0, "attributes", {"role": "choice"}),
     "label 'actor': attributes must be a list of objects, not an object"),
    (lambda data: data["labels"][0]["attributes"].append("role"),
     "label 'actor', attribute 4 must be an object, not a string"),
    (label(0, "name", 7), "label 1: name must be a string, not a number"),
    (label(0, "name", ""), "label 1 has no name"),
    (label(0, "name", " actor"), "has spaces at its ends"),
    (label(0, "name", "act\x00or"), "control character (U+0000)"),
    (label(0, "name", "act\ud83dor"), "lone surrogate (U+D83D)"),
    (label(0, "name", "x" * 5000), "is 5,000 characters long (at most 100)"),
    (label(0, "shortcut", 1), "label 'actor': shortcut must be a string"),
    (label(0, "shortcut", "\t"), "shortcut '\\t' is not a key"),
    (label(0, "color", "red"), "label 'actor': color 'red' is not a colour"),
    (label(0, "color", "#12345g"), "color '#12345g' is not a colour"),
    (label(0, "color", 3897560), "color 3897560 is not a colour"),
    (label(0, "description", ["a"]), "label 'actor': description must be a string, not a list"),
    (label(0, "colour", "#ffffff"), "label 'actor': unknown key 'colour'"),
    (label(2, "name", "actor"), "labels 1 and 3 are both named 'actor'"),
    (label(2, "shortcut", "1"), "labels 'actor' and 'location' have the same shortcut key '1'"),
    (lambda data: data["labels"].__setitem__(1, None), "label 2 must be an object, not null"),
    (lambda data: data.__setitem__("labels", {}), '"labels" is an object'),
    (lambda data: data.__setitem__("labels", []), "a schema needs at least one label"),
    (lambda data: data.pop("labels"), '"labels" is nothing'),
    (lambda data: data.__setitem__("event_types", "attack"),
     '"event_types" must be a list of names, not a string'),
    (lambda data: data.__setitem__("event_roles", ["victim", "victim"]),
     "\"event_roles\": 'victim' is listed twice"),
    (lambda data: data.__setitem__("version", 2), "the schema: unknown key 'version'"),
])
def test_a_wrong_type_anywhere_is_named(change: Callable[[dict[str, Any]], object],
                                        message: str) -> None:
    with pytest.raises(InvalidRecord) as refused:
        schema_from_json(edited(change))
    assert message in str(refused.value)


@pytest.mark.parametrize("raw", [[], "labels", 5, None])
def test_a_schema_is_an_object(raw: object) -> None:
    with pytest.raises(InvalidRecord, match='a schema is an object with a "labels" list'):
        schema_from_json(raw)


@pytest.mark.parametrize(("data", "message", "line"), [
    ('{\n "labels": [{"name": "caf\xe9"}]}'.encode("latin-1"),
     "is not UTF-8 text (byte 0xe9 cannot be read)", 2),
    (b'{"labels": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply", None),
    (b'{"labels": [{"name": "a", "color": NaN}]}', "NaN is not a JSON value", None),
    (b'{"labels": [{"name": "a", "name": "b"}]}', "the key 'name' appears twice", None),
    (b'{\n"labels": [\n', "not valid JSON", 3),
    (b"\x00\x01\x02\xff", "is not UTF-8 text", 1),
])
def test_a_codebook_file_that_cannot_be_read_says_where(data: bytes, message: str,
                                                         line: int | None) -> None:
    with pytest.raises(SchemaFileError) as refused:
        read_schema(data)
    assert message in str(refused.value)
    assert refused.value.line == line


def test_values_are_checked_against_sane_bounds() -> None:
    count = AttributeSpec("count_best", "integer")
    assert count.check(MAX_WHOLE) == MAX_WHOLE
    for huge in (MAX_WHOLE + 1, 10**400, "9" * 5000, -(10**30)):
        with pytest.raises(InvalidRecord, match=r"too large|not a whole number"):
            count.check(huge)
    latitude = AttributeSpec("latitude", "number")
    for odd in (float("nan"), float("inf"), "nan", "-inf", 10**400, True, [1]):
        with pytest.raises(InvalidRecord, match="attribute latitude"):
            latitude.check(odd)
    note = AttributeSpec("note", "text")
    assert note.check("two lines\nand a tab\t") == "two lines\nand a tab\t"
    for odd in ("x" * 10_001, "bell\x07", "half \udc80", {"a": 1}):
        with pytest.raises(InvalidRecord, match="attribute note"):
            note.check(odd)
    role = AttributeSpec("role", "choice", ("attacker", "target"))
    with pytest.raises(InvalidRecord, match="attribute role: \\['attacker'\\] is a list"):
        role.check(["attacker"])
    with pytest.raises(InvalidRecord, match="…"):  # a huge value is shown cut short
        role.check("y" * 100_000)


def test_what_earlier_versions_stored_still_reads() -> None:
    # Their checks were looser; a corpus they wrote must not become unreadable.
    assert LabelSpec("actor", "#zzzzzz", "Ctrl + 1").color == "#zzzzzz"
    assert AttributeSpec("role", "choice", ("a", "a")).values == ("a", "a")
    # What could never be stored is still refused, wherever it comes from.
    with pytest.raises(InvalidRecord, match="is not text"):
        AttributeSpec("role", "choice", ("a\ud800",))
    with pytest.raises(InvalidRecord, match="colour 'red' is not #rrggbb"):
        LabelSpec("actor", "red")
    with pytest.raises(InvalidRecord, match=r"event type .* control character"):
        Schema(default_schema().labels, ("attack\x1b",))
