"""brat's ``annotation.conf``: written from the types an export uses, read back for
what it declares (entities, relations with their argument types, events,
attributes), so a test or a report can say what a folder's configuration holds.

The reading follows brat's ``projectconfig.py`` as far as annotator needs it: the
legacy section name ``[spans]`` is ``[entities]``; ``#`` starts a comment; a
``!`` marks a type used only for the hierarchy (tab-indented); ``<NAME>=...``
defines a macro; a line of dashes is a separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTIONS = ("entities", "relations", "events", "attributes")
# Characters that separate types and values in a configuration line.
_CONF_SPECIAL = re.compile(r"[\s,|:]")


@dataclass
class ConfTypes:
    """The types one export writes, gathered document by document."""

    entities: dict[str, None] = field(default_factory=dict)
    # (type, role1, role2) -> head types, tail types
    relations: dict[tuple[str, str, str], tuple[dict[str, None], dict[str, None]]] = \
        field(default_factory=dict)
    equivalences: dict[str, dict[str, None]] = field(default_factory=dict)
    # event type -> role -> argument types; trigger labels that are not event types
    events: dict[str, dict[str, dict[str, None]]] = field(default_factory=dict)
    # name -> owner types, values (None: present or absent)
    attributes: dict[str, tuple[dict[str, None], dict[str | None, None]]] = \
        field(default_factory=dict)

    def entity(self, kind: str) -> None:
        self.entities[kind] = None

    def trigger(self, event_kind: str, label: str) -> None:
        self.events.setdefault(event_kind, {})
        self.events.setdefault(label, {})

    def argument(self, event_kind: str, role: str, kind: str) -> None:
        self.events.setdefault(event_kind, {}).setdefault(role, {})[kind] = None

    def relation(self, kind: str, roles: list[str], head: str, tail: str) -> None:
        heads, tails = self.relations.setdefault((kind, roles[0], roles[1]), ({}, {}))
        heads[head] = None
        tails[tail] = None

    def equivalence(self, kind: str, members: list[str]) -> None:
        self.equivalences.setdefault(kind, {}).update(dict.fromkeys(members))

    def attribute(self, name: str, owner: str, value: str | None) -> None:
        owners, values = self.attributes.setdefault(name, ({}, {}))
        owners[owner] = None
        values[value] = None

    def text(self, codebook: list[str], listed: bool = False) -> str:
        """The configuration: the types the export uses, in the codebook's order, then
        in the order of use; with ``listed``, every label of the codebook too. A type
        that triggers events is listed with the events only."""
        used = [k for k in codebook if k in self.entities or listed]
        used += [k for k in self.entities if k not in used]
        entities = [k for k in used if k not in self.events]
        lines = ["[entities]", *entities, "", "[relations]"]
        for (kind, role1, role2), (heads, tails) in self.relations.items():
            lines.append(f"{kind}\t{role1}:{'|'.join(heads)}, {role2}:{'|'.join(tails)}")
        for kind, members in self.equivalences.items():
            types = "|".join(members)
            lines.append(f"{kind}\tArg1:{types}, Arg2:{types}, <REL-TYPE>:symmetric-transitive")
        lines += ["", "[events]"]
        for kind, roles in self.events.items():
            arguments = ", ".join(f"{role}*:{'|'.join(types)}" for role, types in roles.items())
            lines.append(f"{kind}\t{arguments}" if arguments else kind)
        lines += ["", "[attributes]"]
        for name, (owners, values) in self.attributes.items():
            listed = [v for v in values if v is not None and not _CONF_SPECIAL.search(v)]
            lines.append(f"{name}\tArg:{'|'.join(owners)}"
                         + (f", Value:{'|'.join(listed)}" if listed else ""))
        return "\n".join(lines) + "\n"


Declared = dict[str, list[tuple[str, dict[str, list[str]]]]]


def read_conf(text: str) -> Declared:
    """Section -> (type, {role or key: [types or values]}) for every declaring line."""
    found: Declared = {name: [] for name in SECTIONS}
    macros: dict[str, str] = {}
    section: str | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip() or set(line.strip()) == {"-"}:
            continue
        if line.startswith("[") and line.rstrip().endswith("]"):
            name = line.strip()[1:-1].strip()
            section = "entities" if name == "spans" else name
            continue
        if re.match(r"^<[^>]+>=", line.strip()):
            key, _, value = line.strip().partition("=")
            macros[key] = value
            continue
        if section not in found:
            continue
        for key, value in macros.items():
            line = line.replace(key, value)
        fields = line.strip().split(None, 1)
        kind = fields[0]
        if kind.startswith("!"):
            continue  # only for the hierarchy: nothing is annotated with it
        arguments: dict[str, list[str]] = {}
        for part in (fields[1].split(",") if len(fields) > 1 else []):
            key, _, value = part.strip().partition(":")
            if key:
                arguments[key] = value.split("|")
        found[section].append((kind, arguments))
    return found
