"""Relations between spans and labels of whole documents: the part of ``Corpus`` that
keeps them. Every change commits with its row in the change log, as spans do."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from annotator.core.model import DocLabel, InvalidRecord, Relation
from annotator.storage.connection import CorpusDatabase
from annotator.storage.errors import CorpusConflict, CorpusError

RELATION_COLUMNS = "uid, doc_id, head, tail, label, attrs, coder, origin"


def relation_from_row(row: Sequence[Any], path: Path) -> Relation:
    uid, doc_id, head, tail, label, attrs, coder, origin = row
    try:
        values = json.loads(attrs) if attrs != "{}" else {}
        if not isinstance(values, dict):
            raise ValueError(f"its attributes are {type(values).__name__}, not an object")
        return Relation(head=head, tail=tail, label=label, coder=coder, uid=uid, origin=origin,
                        attrs=values, doc_id=doc_id)
    except (ValueError, TypeError, RecursionError) as exc:  # InvalidRecord is a ValueError
        raise CorpusError(f"{path}: relation {uid!r} of document row {doc_id} is damaged "
                          f"({exc}); the corpus was changed outside annotator") from exc


def relation_json(relation: Relation) -> str:
    return json.dumps({"id": relation.uid, "head": relation.head, "tail": relation.tail,
                       "label": relation.label, "attrs": dict(relation.attrs),
                       "coder": relation.coder, "origin": relation.origin}, ensure_ascii=False)


def doc_label_json(label: DocLabel | None) -> str | None:
    if label is None:
        return None
    return json.dumps({"name": label.name, "value": label.value, "coder": label.coder},
                      ensure_ascii=False)


def relation_row(relation: Relation, doc_id: int, stamp: str) -> tuple[Any, ...]:
    return (relation.uid, doc_id, relation.head, relation.tail, relation.label,
            json.dumps(dict(relation.attrs), ensure_ascii=False) if relation.attrs else "{}",
            relation.coder, relation.origin, stamp, stamp)


INSERT_RELATION = (f"INSERT INTO relations ({RELATION_COLUMNS}, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
INSERT_DOC_LABEL = ("INSERT INTO doc_labels (doc_id, coder, name, value, updated_at) "
                    "VALUES (?, ?, ?, ?, ?)")


class RelationStore:
    """Mixed into ``Corpus``: relations and document labels."""

    db: CorpusDatabase
    path: Path

    def _log(self, coder: str, action: str, doc_id: int | None, span_uid: str | None,
             before: str | None, after: str | None) -> None: ...

    def ensure_coder(self, name: str) -> None: ...

    # -- relations ------------------------------------------------------------

    def relations(self, doc_id: int, coder: str | None = None) -> list[Relation]:
        return self.relations_of([doc_id], coder).get(doc_id, [])

    def relations_of(self, doc_ids: Sequence[int], coder: str | None = None,
                     ) -> dict[int, list[Relation]]:
        """Relations of several documents at once (of ``coder``, or everyone's), in the
        order they were made."""
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        sql = f"SELECT {RELATION_COLUMNS} FROM relations WHERE doc_id IN ({marks})"
        params: list[Any] = list(doc_ids)
        if coder is not None:
            sql += " AND coder = ?"
            params.append(coder)
        found: dict[int, list[Relation]] = {}
        for row in self.db.fetch_all(sql + " ORDER BY id", params):
            found.setdefault(row[1], []).append(relation_from_row(row, self.path))
        return found

    def relation(self, uid: str) -> Relation:
        row = self.db.fetch_one(f"SELECT {RELATION_COLUMNS} FROM relations WHERE uid = ?", [uid])
        if row is None:
            raise CorpusError(f"{self.path}: no relation {uid}")
        return relation_from_row(row, self.path)

    def relations_with_span(self, span_uid: str) -> list[Relation]:
        rows = self.db.fetch_all(f"SELECT {RELATION_COLUMNS} FROM relations "
                                 "WHERE head = ? OR tail = ? ORDER BY id", [span_uid, span_uid])
        return [relation_from_row(row, self.path) for row in rows]

    def insert_relation(self, relation: Relation) -> Relation:
        if relation.doc_id is None:
            raise ValueError("a relation to store needs its document")
        with self.db.atomic():
            self._check_ends(relation)
            self.ensure_coder(relation.coder)
            self._write_relation(relation)
            self._log(relation.coder, "add relation", relation.doc_id, None, None,
                      relation_json(relation))
        return relation

    def _check_ends(self, relation: Relation) -> None:
        for end in (relation.head, relation.tail):
            row = self.db.fetch_one("SELECT doc_id FROM spans WHERE uid = ?", [end])
            if row is None:
                raise CorpusConflict(f"relation {relation.label!r} links span {end}, which was "
                                     "removed elsewhere (another window or process)")
            if row[0] != relation.doc_id:
                raise CorpusConflict(f"relation {relation.label!r} links span {end} of another "
                                     "document")

    def _write_relation(self, relation: Relation) -> None:
        from annotator.storage.corpus import now

        assert relation.doc_id is not None
        try:
            self.db.execute(INSERT_RELATION, relation_row(relation, relation.doc_id, now()))
        except self.db.IntegrityError as exc:
            raise CorpusError(f"relation {relation.label!r} cannot be stored: {exc}") from exc

    def delete_relation(self, relation: Relation) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM relations WHERE uid = ?", [relation.uid])
            self._log(relation.coder, "remove relation", relation.doc_id, None,
                      relation_json(relation), None)

    def replace_relation(self, before: Relation, after: Relation) -> None:
        from annotator.storage.corpus import now

        with self.db.atomic():
            self._check_ends(after)
            self.ensure_coder(after.coder)
            updated = self.db.execute(
                "UPDATE relations SET head = ?, tail = ?, label = ?, attrs = ?, coder = ?, "
                "origin = ?, updated_at = ? WHERE uid = ?",
                [after.head, after.tail, after.label,
                 json.dumps(dict(after.attrs), ensure_ascii=False), after.coder, after.origin,
                 now(), before.uid]).rowcount
            if not updated:
                raise CorpusConflict(f"relation {before.label!r} was removed elsewhere (another "
                                     "window or process) since it was shown")
            self._log(after.coder, "change relation", after.doc_id, None,
                      relation_json(before), relation_json(after))

    def _delete_relations_of_span(self, span_uid: str) -> None:
        """Remove (and log) the relations a span being removed takes with it, so that
        going back in the history brings them back too."""
        for relation in self.relations_with_span(span_uid):
            self.delete_relation(relation)

    def relation_count(self) -> int:
        row = self.db.fetch_one("SELECT count(*) FROM relations")
        return int(row[0]) if row else 0

    # -- document labels ------------------------------------------------------

    def doc_labels(self, doc_id: int, coder: str | None = None) -> list[DocLabel]:
        return self.doc_labels_of([doc_id], coder).get(doc_id, [])

    def doc_labels_of(self, doc_ids: Sequence[int], coder: str | None = None,
                      ) -> dict[int, list[DocLabel]]:
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        sql = f"SELECT doc_id, coder, name, value FROM doc_labels WHERE doc_id IN ({marks})"
        params: list[Any] = list(doc_ids)
        if coder is not None:
            sql += " AND coder = ?"
            params.append(coder)
        found: dict[int, list[DocLabel]] = {}
        for doc_id, who, name, value in self.db.fetch_all(sql + " ORDER BY coder, name", params):
            found.setdefault(doc_id, []).append(_doc_label(doc_id, who, name, value, self.path))
        return found

    def doc_label(self, doc_id: int, coder: str, name: str) -> DocLabel | None:
        row = self.db.fetch_one("SELECT value FROM doc_labels WHERE doc_id = ? AND coder = ? "
                                "AND name = ?", [doc_id, coder, name])
        return None if row is None else _doc_label(doc_id, coder, name, row[0], self.path)

    def set_doc_label(self, doc_id: int, coder: str, name: str, value: Any) -> None:
        """Give the document ``value`` under ``name`` for ``coder``; None (or an empty
        list) takes the label away."""
        from annotator.storage.corpus import now

        after = None if value is None or value == [] or value == "" else DocLabel(name, value,
                                                                                  coder)
        with self.db.atomic():
            before = self.doc_label(doc_id, coder, name)
            if before == after:
                return
            if after is None:
                self.db.execute("DELETE FROM doc_labels WHERE doc_id = ? AND coder = ? AND "
                                "name = ?", [doc_id, coder, name])
            else:
                self.ensure_coder(coder)
                self.db.execute(
                    INSERT_DOC_LABEL + " ON CONFLICT (doc_id, coder, name) DO UPDATE SET "
                    "value = excluded.value, updated_at = excluded.updated_at",
                    [doc_id, coder, name, json.dumps(value, ensure_ascii=False), now()])
            self._log(coder, "document label", doc_id, None, doc_label_json(before),
                      doc_label_json(after))

    def doc_label_names(self) -> list[str]:
        """Every document label name in use, for the list's filter."""
        return [row[0] for row in self.db.fetch_all(
            "SELECT DISTINCT name FROM doc_labels ORDER BY name")]


def _doc_label(doc_id: int, coder: str, name: str, value: str, path: Path) -> DocLabel:
    try:
        return DocLabel(name, json.loads(value), coder)
    except (ValueError, TypeError, RecursionError, InvalidRecord) as exc:
        raise CorpusError(f"{path}: document label {name!r} of coder {coder!r} on document "
                          f"row {doc_id} is damaged ({exc}); the corpus was changed outside "
                          "annotator") from exc


def doc_label_rows(labels: Iterable[DocLabel], doc_id: int, stamp: str) -> list[tuple[Any, ...]]:
    return [(doc_id, label.coder, label.name, json.dumps(label.value, ensure_ascii=False), stamp)
            for label in labels]
