"""The corpus's label schema: the part of ``Corpus`` that keeps the codebook."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from annotator.core.default_codebook import codebook_markdown
from annotator.core.model import DocLabel, InvalidRecord
from annotator.core.relation_types import relation_type_to_json
from annotator.core.schema import (
    EVENT_ROLES,
    EVENT_TYPES,
    LabelSpec,
    Schema,
    attribute_from_json,
    attribute_to_json,
    name_problem,
    relation_type_from_json,
)
from annotator.storage.errors import CorpusError, CorpusTextDamaged


@contextmanager
def lenient_text(corpus: Any, errors: str = "surrogateescape") -> Iterator[None]:
    """Read text that is not UTF-8 (written by another program) with ``errors``, so
    one such value does not stop sqlite3 reading a whole query. "surrogateescape"
    gives lone surrogates, which the schema's text checks refuse; "replace" is for
    showing."""
    if corpus.db.dialect != "sqlite":
        yield  # a server keeps only valid text
        return
    conn = corpus.db.conn
    factory = conn.text_factory
    conn.text_factory = lambda data: data.decode("utf-8", errors)
    try:
        yield
    finally:
        conn.text_factory = factory


class SchemaError(ValueError):
    """A schema change that would orphan or break coded data; the message says why."""


class SchemaStore:
    """Mixed into ``Corpus``: labels with attributes, event types and roles."""

    db: Database
    path: Path

    def labels(self) -> list[LabelSpec]: ...

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    def schema(self) -> Schema:
        """The stored schema; CorpusError if what is stored cannot be read as one
        (a label row or setting edited by hand or by another program)."""
        try:
            labels = tuple(self.labels())
            names = [label.name for label in labels]
            kinds = tuple(relation_type_from_json(item, index, names) for index, item
                          in enumerate(self._list_setting("relation_types"), start=1))
            document = tuple(attribute_from_json(item, "the document attributes", index)
                             for index, item in enumerate(
                                 self._list_setting("document_attributes"), start=1))
            events = tuple(attribute_from_json(item, "the event attributes", index)
                           for index, item in enumerate(
                               self._list_setting("event_attributes"), start=1))
            dataset = self.setting("dataset", "")
            return Schema(labels, self._names_setting("event_types", EVENT_TYPES),
                          self._names_setting("event_roles", EVENT_ROLES), kinds, document,
                          events, dataset)
        except CorpusTextDamaged:
            raise CorpusError(f"{self.path}: its label schema is damaged (text that is not "
                              "UTF-8); load a codebook with `annotator schema --load`, or "
                              "restore a backup") from None
        except (InvalidRecord, ValueError, TypeError) as exc:
            # InvalidRecord and json's errors are ValueErrors; TypeError is a JSON
            # value of the wrong shape where a row is unpacked.
            raise CorpusError(f"{self.path}: its label schema is damaged ({exc}); load a "
                              "codebook with `annotator schema --load`, or restore a backup"
                              ) from None

    def _names_setting(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.setting(key, list(default))
        if not isinstance(value, list) or any(name_problem(v) for v in value):
            raise InvalidRecord(f"the stored {key.replace('_', ' ')} are not a list of names")
        # Earlier versions let a name be listed twice; reading must not refuse that.
        return tuple(dict.fromkeys(value))

    def _list_setting(self, key: str) -> list[Any]:
        value = self.setting(key, [])
        if not isinstance(value, list):
            raise InvalidRecord(f"the stored {key.replace('_', ' ')} are not a list")
        return value

    def ensure_codebook_for(self, relation_labels: Iterable[str],
                            doc_labels: Iterable[DocLabel]) -> None:
        """Add the relation types and document attributes imported records use and the
        codebook lacks, as labels are added for spans: the window then shows them and
        lets coders use them. A new relation type links any labels; a new document
        attribute's kind comes from its values (several choices gain the values seen).
        A name that cannot be a codebook entry is left out of the codebook (its records
        are stored and exported all the same)."""
        kinds = self._list_setting("relation_types")
        known = {item.get("name") for item in kinds if isinstance(item, dict)}
        added = [{"name": name} for name in dict.fromkeys(relation_labels)
                 if name not in known and not name_problem(name)]
        if added:
            self.set_setting("relation_types", kinds + added)
        attributes = self._list_setting("document_attributes")
        by_name = {item.get("name"): item for item in attributes if isinstance(item, dict)}
        changed = False
        for label in doc_labels:
            kind = _kind_of(label.value)
            if kind is None or not label.name.isidentifier():
                continue
            entry = by_name.get(label.name)
            if entry is None:
                entry = by_name[label.name] = {"name": label.name, "type": kind}
                attributes.append(entry)
                changed = True
            if entry.get("type") == "choices" and kind == "choices":
                values = list(entry.get("values", []))
                new = [v for v in label.value if v not in values and not name_problem(v)]
                if new:
                    entry["values"] = values + new
                    changed = True
        if changed:
            self.set_setting("document_attributes", attributes)

    def label_usage(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT label, count(*) FROM spans GROUP BY label").fetchall())

    def save_schema(self, schema: Schema, *, renames: dict[str, str] | None = None,
                    moves: dict[str, str] | None = None) -> None:
        """Replace the schema. ``renames`` old -> new keep spans under a new name;
        ``moves`` old -> other label put a deleted label's spans under another.
        A label in use that is neither kept, renamed nor moved is refused."""
        renames, moves = dict(renames or {}), dict(moves or {})
        new_names = {label.name for label in schema.labels}
        usage = self.label_usage()
        for old, new in {**renames, **moves}.items():
            if new not in new_names:
                raise SchemaError(f"label {old!r} cannot go to {new!r}: no such label in the schema")
        orphaned = sorted(name for name in usage
                          if name not in new_names and name not in renames and name not in moves)
        if orphaned:
            raise SchemaError(
                "these labels are in use and missing from the new schema: "
                + ", ".join(f"{n} ({usage[n]} spans)" for n in orphaned)
                + "; rename them, or move their spans to another label first")
        with self.db.atomic():
            for old, new in renames.items():
                if old == new:
                    continue
                self.db.execute("INSERT INTO labels (name, color) SELECT ?, color FROM labels "
                                "WHERE name = ? ON CONFLICT DO NOTHING", [new, old])
                self.db.execute("UPDATE spans SET label = ? WHERE label = ?", [new, old])
            for old, new in moves.items():
                self.db.execute("UPDATE spans SET label = ? WHERE label = ?", [new, old])
            self.db.execute(
                f"DELETE FROM labels WHERE name NOT IN ({','.join('?' * len(new_names))})",
                sorted(new_names),
            )
            for position, label in enumerate(schema.labels):
                self.db.execute(
                    "INSERT INTO labels (name, color, shortcut, description, attributes, position, "
                    "examples) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                    "color = excluded.color, shortcut = excluded.shortcut, "
                    "description = excluded.description, attributes = excluded.attributes, "
                    "position = excluded.position, examples = excluded.examples",
                    [label.name, label.color, label.shortcut, label.description,
                     json.dumps([attribute_to_json(a) for a in label.attributes]), position,
                     json.dumps(list(label.examples))],
                )
            self.set_setting("event_types", list(schema.event_types))
            self.set_setting("event_roles", list(schema.event_roles))
            self.set_setting("relation_types",
                             [relation_type_to_json(kind) for kind in schema.relation_types])
            self.set_setting("document_attributes",
                             [attribute_to_json(a) for a in schema.document_attributes])
            self.set_setting("event_attributes",
                             [attribute_to_json(a) for a in schema.event_attributes])
            self.set_setting("dataset", schema.dataset)

    def codebook(self) -> str:
        """The corpus codebook (Markdown); a first one made from the schema if none yet."""
        try:
            stored = self.setting("codebook")
            readable = stored is None or isinstance(stored, str)
        except ValueError:  # not JSON: edited by another program
            readable = False
        if not readable:
            raise CorpusError(f"{self.path}: its codebook is damaged; write it again in the "
                              "window (F4), or restore a backup")
        return stored or codebook_markdown(self.schema())

    def set_codebook(self, markdown: str) -> None:
        with self.db.atomic():
            self.set_setting("codebook", markdown)


def _kind_of(value: Any) -> str | None:
    """The attribute kind a document label's value suggests, or None for a value no
    kind holds (an object, a list of other things than names)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "choices"
    return None
