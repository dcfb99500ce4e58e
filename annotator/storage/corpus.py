"""A corpus: one SQLite file holding documents, labels, spans and statuses.

Every edit method commits before it returns and writes a row to the change
log in the same transaction: there is no unsaved state to lose.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.commands import SOURCE_ATTR
from annotator.core.model import STATUSES, Document, DocumentRow, KbLink, Span
from annotator.core.schema import LabelSpec, attribute_from_json
from annotator.core.search import DocumentFilter, search_terms, snippet
from annotator.storage.connection import (
    CorpusDatabase,
    backup_copy,
    integrity_problems,
    open_database,
)
from annotator.storage.errors import CorpusBusy, CorpusConflict, CorpusError, CorpusReadOnly
from annotator.storage.events_store import EventStore
from annotator.storage.label_blocks import block_page_ids, by_blocks
from annotator.storage.listing import ListStore, file_ranked_ids
from annotator.storage.migrations import SOURCE_MAX
from annotator.storage.palette import color_for_new_label
from annotator.storage.pg.address import ServerAddress, is_server_address
from annotator.storage.pg.search import ranked_ids, tsquery
from annotator.storage.relations_store import RelationStore
from annotator.storage.schema_store import SchemaStore
from annotator.storage.search_sql import (
    file_matching,
    filter_clauses,
    page_ids,
    server_matching,
)
from annotator.storage.span_rows import SpanRows, fragments_from_json, fragments_json

if TYPE_CHECKING:
    from annotator.storage.pg.database import PgDatabase

__all__ = ["Corpus", "CorpusBusy", "CorpusConflict", "CorpusError", "CorpusReadOnly"]

SPAN_COLUMNS = 'id, uid, doc_id, start, "end", label, text, attrs, coder, origin, fragments, links'
DOCUMENT_COLUMNS = "id, uid, title, text, date, source, url, meta, notes, flags"
# How many documents' texts a corpus keeps at hand for checking spans.
TEXTS_KEPT = 2


# A document row's span count: pending suggestions are not spans until a coder accepts
# them. Origin is in the spans' document index, so the count still reads the index alone.
_SPANS_OF_ROW = ("(SELECT count(*) FROM spans WHERE spans.doc_id = d.id "
                 "AND spans.origin != 'suggested')")
# A near-duplicate's mark: how alike, and the first copy's title (its id if untitled).
_COPY_OF_ROW = ("n.similarity, (SELECT coalesce(nullif(o.title, ''), o.uid) FROM documents o "
                "WHERE o.id = n.original_id)")
_COPY_JOIN = "LEFT JOIN near_duplicates n ON n.doc_id = d.id"


# What a row edited by hand outside annotator can raise when it is made into an object.
DAMAGED_ROW = (ValueError, TypeError, RecursionError, UnicodeError)


def document_from_row(row: Sequence[Any]) -> Document:
    *fields, meta, notes, flags = row
    try:
        return Document(*fields, meta=json.loads(meta), notes=notes, flags=json.loads(flags))
    except DAMAGED_ROW as exc:
        raise CorpusError(f"document {fields[1]!r} (row {fields[0]}) is damaged in the corpus: "
                          f"{exc}; `annotator history --doc {fields[0]}` shows its edits, "
                          "`annotator restore` puts it back") from exc


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def span_from_row(row: Sequence[Any]) -> Span:
    _id, uid, doc_id, start, end, label, text, attrs, coder, origin, fragments, links = row
    try:
        values = json.loads(attrs) if attrs != "{}" else {}
        if not isinstance(values, dict):
            raise ValueError(f"its attributes are {type(values).__name__}, not an object")
        return Span(start=start, end=end, label=label, text=text, coder=coder,
                    uid=uid, origin=origin, attrs=values, doc_id=doc_id,
                    fragments=fragments_from_json(fragments), links=links_from_json(links))
    except DAMAGED_ROW as exc:
        raise CorpusError(f"span {uid!r} of document row {doc_id} is damaged in the corpus: "
                          f"{exc}; `annotator history --span {uid}` shows its edits, "
                          "`annotator restore` puts it back") from exc


def links_from_json(value: str | None) -> tuple[KbLink, ...]:
    if not value:
        return ()
    items = json.loads(value)
    if not isinstance(items, list) or not all(
            isinstance(item, dict) and isinstance(item.get("kb"), str)
            and isinstance(item.get("id"), str) and isinstance(item.get("name", ""), str)
            for item in items):
        raise ValueError("its links are not a list of {kb, id, name} texts")
    return tuple(KbLink(item["kb"], item["id"], item.get("name", "")) for item in items)


def links_json(span: Span) -> str | None:
    if not span.links:
        return None
    return json.dumps([link.as_json() for link in span.links], ensure_ascii=False)


def span_row(span: Span, doc_id: int | None, stamp: str) -> tuple[Any, ...]:
    """A span's values for INSERT_SPAN."""
    return (span.uid, doc_id, span.start, span.end, span.label, span.text,
            json.dumps(dict(span.attrs), ensure_ascii=False) if span.attrs else "{}",
            span.coder, span.origin, fragments_json(span), links_json(span), stamp, stamp)


INSERT_SPAN = (f"INSERT INTO spans ({SPAN_COLUMNS.removeprefix('id, ')}, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def span_json(span: Span) -> str:
    state: dict[str, Any] = {
        "start": span.start, "end": span.end, "label": span.label, "text": span.text,
        "attrs": dict(span.attrs), "coder": span.coder, "origin": span.origin}
    if span.fragments:
        state["fragments"] = [list(piece) for piece in span.fragments]
    if span.links:
        state["links"] = [link.as_json() for link in span.links]
    return json.dumps(state, ensure_ascii=False)


class Corpus(ListStore, EventStore, SchemaStore, RelationStore):
    """The documents, labels, spans and statuses of one corpus file."""

    def __init__(self, db: CorpusDatabase | PgDatabase, path: Path | ServerAddress) -> None:
        self.db = db
        self.path = path
        # The texts of the documents read last. A text never changes after import, so
        # a span's text can be checked against it without SQLite reading the whole
        # text again (10 ms a tag in a 10 MB report).
        self._texts: dict[int, str] = {}

    @property
    def read_only(self) -> str | None:
        """Why this corpus cannot be changed (read-only file, folder or disk), or None."""
        return self.db.read_only

    @classmethod
    def open(cls, path: str | Path | ServerAddress, *, create: bool = True, check: bool = False,
             full_check: bool = False,
             on_wait: Callable[[Path], None] | None = None) -> Corpus:
        """Open a corpus file; ``check`` also reads every page for damage where that is
        cheap (see connection.FULL_CHECK_BYTES), ``full_check`` whatever its size;
        ``on_wait`` is told when another program keeps it busy for over a second."""
        if is_server_address(path):
            from annotator.storage.pg.opening import open_server

            address = ServerAddress.parse(path)  # type: ignore[arg-type]
            return cls(open_server(address, create=create, on_wait=on_wait), address)
        path = Path(path)
        return cls(open_database(path, create=create, check=check, full_check=full_check,
                                 on_wait=on_wait), path)

    def backup(self, target: Path) -> Path:
        """A consistent copy of this corpus at ``target``, safe while it is in use (from a
        server: a new corpus file holding everything, history included)."""
        if self.db.dialect != "sqlite":
            from annotator.storage.transfer import pull_to_file

            pull_to_file(self, Path(target))
            return Path(target)
        return backup_copy(self.db, Path(target))

    def set_write_wait(self, seconds: float, on_wait: Callable[[Path], None] | None = None) -> None:
        """How long an edit waits for another program writing to the corpus before it
        fails with CorpusBusy; ``on_wait`` is told once it has waited a second."""
        self.db.write_timeout = seconds
        self.db.on_wait = on_wait

    def probe(self, coder: str) -> None:
        """Read what a window shows first (codebook, counts, the first page of the list,
        the first document and its spans): a corpus damaged there raises CorpusError
        now, before a window is built on it. The full check reads every page."""
        self.schema()
        self.progress(coder)
        first = self.page(coder, limit=1)
        if first:
            self.document(first[0].id)
            self.spans(first[0].id)

    def check(self) -> list[str]:
        if self.db.dialect != "sqlite":
            return []  # the server keeps its own pages sound (its checksums, its logs)
        return integrity_problems(self.db)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to this corpus
        (SQLite's ``data_version``): how a window notices another program's writes."""
        return self.db.data_version()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ---------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[Corpus]:
        """Several edits committed together, or not at all."""
        with self.db.atomic():
            yield self

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.db.fetch_all(sql, params)

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.db.fetch_one(sql, params)
        return row[0] if row else None

    # -- labels ---------------------------------------------------------

    def labels(self) -> list[LabelSpec]:
        rows = self._query(
            "SELECT name, color, shortcut, description, attributes, examples FROM labels "
            "ORDER BY position, name"
        )
        return [LabelSpec(name, color, shortcut, description,
                          tuple(attribute_from_json(a, f"label {name!r}")
                                for a in json.loads(attributes)),
                          tuple(json.loads(examples)))
                for name, color, shortcut, description, attributes, examples in rows]

    def ensure_labels(self, names: Sequence[str]) -> list[str]:
        """Add the labels the corpus does not know yet; return their names."""
        known = {label.name for label in self.labels()}
        added = []
        position = len(known)
        for name in names:
            if name in known:
                continue
            self.db.execute(
                "INSERT INTO labels (name, color, position) VALUES (?, ?, ?)",
                [name, color_for_new_label(position), position],
            )
            known.add(name)
            added.append(name)
            position += 1
        return added

    def ensure_coder(self, name: str) -> None:
        self.db.execute("INSERT INTO coders (name) VALUES (?) ON CONFLICT DO NOTHING", [name])

    def coders(self) -> list[str]:
        return [row[0] for row in self._query("SELECT name FROM coders ORDER BY name")]

    # -- documents ------------------------------------------------------

    def document_count(self) -> int:
        return self._scalar("SELECT count(*) FROM documents")

    def document(self, doc_id: int) -> Document:
        row = self.db.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise CorpusError(f"{self.path}: no document {doc_id}")
        document = document_from_row(row)
        if len(self._texts) >= TEXTS_KEPT:
            self._texts.pop(next(iter(self._texts)))
        self._texts[doc_id] = document.text
        return document

    def document_ids(self) -> list[int]:
        return [row[0] for row in self._query("SELECT id FROM documents ORDER BY id")]

    def page(
        self, coder: str, *, after_id: int = 0, limit: int = 200, search: str | None = None,
        filters: DocumentFilter | None = None, offset: int = 0,
    ) -> list[DocumentRow]:
        """Documents without their text: in id order after ``after_id``, or, when
        searching, best match first from ``offset``, each with a snippet."""
        filters = filters or DocumentFilter()
        if search:
            return self._search_page(search, coder, filters, limit, offset)
        # The ids first, from an index alone (a filter's, or the ids' own), then the
        # page's rows: a page that passes few documents by reads no texts on the way.
        if self.db.dialect == "sqlite" and by_blocks(filters, coder):
            listed = block_page_ids(self.db, filters, coder, after_id, limit)
            ids, ids_params = "SELECT value AS doc_id FROM json_each(?)", [json.dumps(listed)]
        else:
            ids, ids_params = page_ids(filters, coder, after_id, limit)
        return [DocumentRow(*row) for row in self._query(
            f"""SELECT d.id, d.uid, d.title, d.date, coalesce(s.status, 'todo'),
                   {_SPANS_OF_ROW}, NULL, {_COPY_OF_ROW}
            FROM ({ids}) listed JOIN documents d ON d.id = listed.doc_id
            LEFT JOIN doc_status s ON s.doc_id = d.id AND s.coder = ?
            {_COPY_JOIN} ORDER BY d.id""", [*ids_params, coder])]

    def _search_page(self, search: str, coder: str, filters: DocumentFilter,
                     limit: int, offset: int) -> list[DocumentRow]:
        """Best matches first, among a bounded set on a large corpus (a file:
        ``listing.file_ranked_ids``, a server: ``pg.search.ranked_ids``). Ranking runs in
        the full-text index alone; only the page's rows are then read, with a snippet
        each (FTS5's own would be made for every match first)."""
        ranked = self._ranked(search, coder, filters, limit, offset)
        if not ranked:
            return []
        marks = ",".join("?" * len(ranked))
        rows = {row[0]: row for row in self._query(
            f"""SELECT d.id, d.uid, d.title, d.date, coalesce(s.status, 'todo'),
                       {_SPANS_OF_ROW}, d.text, {_COPY_OF_ROW}
                FROM documents d LEFT JOIN doc_status s ON s.doc_id = d.id AND s.coder = ?
                {_COPY_JOIN}
                WHERE d.id IN ({marks})""", [coder, *ranked])}
        terms = search_terms(search.replace('"', " "))
        return [DocumentRow(*rows[doc_id][:6], snippet(rows[doc_id][6], terms),
                            *rows[doc_id][7:]) for doc_id in ranked]

    def _ranked(self, search: str, coder: str, filters: DocumentFilter,
                limit: int, offset: int) -> list[int]:
        if self.db.dialect == "sqlite":
            return file_ranked_ids(self.db, search, filters, coder, limit, offset)
        query = tsquery(search)
        if not query:
            return []
        return ranked_ids(self.db, query, filter_clauses(filters, coder), limit, offset)

    def match_count(self, search: str, coder: str, filters: DocumentFilter | None = None) -> int:
        """How many documents a search finds (counting needs no ranking, so it is quick)."""
        if self.db.dialect == "sqlite":
            matching, params = file_matching(search, filters or DocumentFilter(), coder)
        else:
            matching, params = server_matching(search, filters or DocumentFilter(), coder)
            if not params[0]:
                return 0
        return int(self._scalar(f"SELECT count(*) {matching}", params))

    def interrupt(self) -> None:
        """Stop the query running on this connection; safe from any thread. The query
        raises ``CorpusInterrupted``; the connection stays usable."""
        self.db.interrupt()

    def row(self, doc_id: int, coder: str) -> DocumentRow:
        found = self.page(coder, after_id=doc_id - 1, limit=1)
        if not found or found[0].id != doc_id:
            raise CorpusError(f"{self.path}: no document {doc_id}")
        return found[0]

    def neighbour(self, doc_id: int, step: int, coder: str, *, undone: bool = False) -> int | None:
        """The next (step 1) or previous (step -1) document, optionally not yet done."""
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        condition = ""
        if undone:
            condition = (
                "AND NOT EXISTS (SELECT 1 FROM doc_status s WHERE s.doc_id = d.id "
                "AND s.coder = ? AND s.status IN ('done', 'skipped'))"
            )
        params: list[Any] = [doc_id] + ([coder] if undone else [])
        return self._scalar(
            f"SELECT d.id FROM documents d WHERE d.id {op} ? {condition} "
            f"ORDER BY d.id {order} LIMIT 1",
            params,
        )

    def first_undone(self, coder: str) -> int | None:
        return self.neighbour(0, 1, coder, undone=True)

    # -- statuses -------------------------------------------------------

    def status(self, doc_id: int, coder: str) -> str:
        found = self._scalar(
            "SELECT status FROM doc_status WHERE doc_id = ? AND coder = ?", [doc_id, coder]
        )
        return found or "todo"

    def statuses(self, doc_id: int) -> dict[str, str]:
        rows = self._query(
            "SELECT coder, status FROM doc_status WHERE doc_id = ? ORDER BY coder", [doc_id]
        )
        return dict(rows)

    def set_status(self, doc_id: int, coder: str, status: str, *,
                   expected: str | None = None) -> None:
        if status not in STATUSES:
            raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")
        with self.db.atomic():
            before = self.status(doc_id, coder)
            if expected is not None and before != expected:
                raise CorpusConflict(f"document {doc_id} was marked {before} elsewhere (another "
                                     f"window or process) since it showed {expected}")
            self.ensure_coder(coder)
            self.db.execute(
                "INSERT INTO doc_status (doc_id, coder, status, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (doc_id, coder) DO UPDATE SET status = excluded.status, "
                "updated_at = excluded.updated_at",
                [doc_id, coder, status, now()],
            )
            self._log(coder, "status", doc_id, None, json.dumps(before), json.dumps(status))

    def done_count(self, coder: str) -> int:
        return self._scalar(
            "SELECT count(*) FROM doc_status WHERE coder = ? AND status = 'done'", [coder]
        )

    def progress(self, coder: str) -> tuple[int, int]:
        """(documents this coder has done, documents in the corpus)."""
        return self.done_count(coder), self.document_count()

    # -- spans ----------------------------------------------------------

    def spans(self, doc_id: int, coder: str | None = None) -> list[Span]:
        sql = f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc_id = ?"
        params: list[Any] = [doc_id]
        if coder is not None:
            sql += " AND coder = ?"
            params.append(coder)
        rows = self._query(sql + ' ORDER BY start, "end", id', params)
        return [span_from_row(row) for row in rows]

    def span_rows(self, doc_id: int, coder: str | None = None) -> SpanRows:
        """A document's spans (of ``coder``, or everyone's) in reading order, made into
        objects as they are used."""
        where, params = "doc_id = ?", [doc_id]
        if coder is not None:
            where += " AND coder = ?"
            params.append(coder)
        places = self._query(f'SELECT start, "end", label, uid, origin, coder, fragments '
                             f'FROM spans '
                             f'WHERE {where} ORDER BY start, "end", id', params)
        return SpanRows(places, self.span, lambda: self.spans(doc_id, coder))

    def span(self, uid: str) -> Span:
        row = self.db.execute(f"SELECT {SPAN_COLUMNS} FROM spans WHERE uid = ?", [uid]).fetchone()
        if row is None:
            raise CorpusError(f"{self.path}: no span {uid}")
        return span_from_row(row)

    def find_span(self, doc_id: int, start: int, end: int, label: str, coder: str) -> str | None:
        """The uid of an identical span by the same coder, if there is one."""
        return self._scalar(
            'SELECT uid FROM spans WHERE doc_id = ? AND start = ? AND "end" = ? AND label = ? '
            "AND coder = ?", [doc_id, start, end, label, coder])

    def insert_span(self, span: Span) -> Span:
        if span.doc_id is None:
            raise ValueError("a span to store needs its document")
        with self.db.atomic():
            known = self._texts.get(span.doc_id)
            text = known[span.start:span.end] if known is not None else self._scalar(
                "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                [span.start + 1, span.end - span.start, span.doc_id],
            )
            if text != span.text:
                raise CorpusConflict(
                    f"span {span.start}-{span.end} {span.text!r} does not match "
                    f"document {span.doc_id} (which has {text!r} there)"
                )
            if self._stored_as(span.uid) == span_json(span):
                # Sent again after a connection died under its commit, which had been
                # made: the span is stored, once (a span's uid is made with it).
                return span
            self.ensure_coder(span.coder)
            self._write_span(span)
            self._log(span.coder, "add span", span.doc_id, span.uid, None, span_json(span))
        return span

    def _stored_as(self, uid: str) -> str | None:
        """The span stored under ``uid`` as ``span_json`` gives it, or None."""
        rows = self._query(f"SELECT {SPAN_COLUMNS} FROM spans WHERE uid = ?", [uid])
        return span_json(span_from_row(rows[0])) if rows else None

    def _write_span(self, span: Span) -> None:
        try:
            self.db.execute(INSERT_SPAN, span_row(span, span.doc_id, now()))
        except self.db.IntegrityError as exc:
            raise CorpusError(f"span {span.text!r} cannot be stored: {exc}") from exc

    def delete_span(self, span: Span, *, alone: bool = False) -> None:
        with self.db.atomic():
            if alone:
                self._check_unchanged(span)
                linked = self._scalar("SELECT count(*) FROM relations WHERE head = ? OR tail = ?",
                                      [span.uid, span.uid])
                placed = self._scalar("SELECT count(*) FROM event_members WHERE span_uid = ?",
                                      [span.uid])
                if linked or placed:
                    raise CorpusConflict(
                        f"span {span.text!r} was linked or put in an event elsewhere (another "
                        "window or process) since it was shown; removing it would take those too")
            self._delete_relations_of_span(span.uid)
            self.db.execute("DELETE FROM spans WHERE uid = ?", [span.uid])
            self._log(span.coder, "remove span", span.doc_id, span.uid, span_json(span), None)

    def _check_unchanged(self, span: Span) -> None:
        """Refuse to act on a span another window or process changed since it was shown:
        acting on the old one would overwrite what they did without a word."""
        rows = self._query(f"SELECT {SPAN_COLUMNS} FROM spans WHERE uid = ?", [span.uid])
        if not rows:
            raise CorpusConflict(f"span {span.text!r} was removed elsewhere (another window or "
                                 "process) since it was shown")
        if span_json(span_from_row(rows[0])) != span_json(span):
            raise CorpusConflict(f"span {span.text!r} was changed elsewhere (another window or "
                                 "process) since it was shown")

    def replace_span(self, before: Span, after: Span) -> None:
        with self.db.atomic():
            if span_json(before) != span_json(after) and \
                    self._stored_as(after.uid) == span_json(after):
                return  # sent again after its commit was made (see insert_span)
            self._check_unchanged(before)
            self.ensure_coder(after.coder)
            updated = self.db.execute(
                'UPDATE spans SET start = ?, "end" = ?, label = ?, text = ?, attrs = ?, '
                "coder = ?, origin = ?, fragments = ?, links = ?, updated_at = ? WHERE uid = ?",
                [after.start, after.end, after.label, after.text,
                 json.dumps(dict(after.attrs), ensure_ascii=False), after.coder, after.origin,
                 fragments_json(after), links_json(after), now(), before.uid],
            ).rowcount
            if not updated:
                raise CorpusConflict(f"span {before.text!r} was removed elsewhere (another window "
                                  "or process) since it was shown")
            self._log(after.coder, "change span", after.doc_id, after.uid,
                      span_json(before), span_json(after))

    def reject_suggestion(self, span: Span) -> None:
        """Remove a suggestion and remember it, so suggesting again leaves it out; with
        what made it and whose it was, so each source's acceptance can be counted."""
        source = span.attrs.get(SOURCE_ATTR)
        with self.db.atomic():
            self.delete_span(span)
            self.db.execute('INSERT INTO rejections (doc_id, start, "end", label, source, coder) '
                            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                            [span.doc_id, span.start, span.end, span.label,
                             source[:SOURCE_MAX] if isinstance(source, str) else None,
                             span.coder])

    def restore_suggestion(self, span: Span) -> None:
        with self.db.atomic():
            # The coder's own rejection (or one from before rejections had a coder);
            # another coder's of the same suggestion stays.
            self.db.execute('DELETE FROM rejections WHERE doc_id = ? AND start = ? AND "end" = ? '
                            "AND label = ? AND coder IN (?, '')",
                            [span.doc_id, span.start, span.end, span.label, span.coder])
            self.insert_span(span)

    def used_labels(self, coder: str | None = None, *, suggestions: bool = False) -> set[str]:
        """The labels spans carry (of ``coder``, or anyone's; suggestions left out unless
        asked for): what an export lists, rather than the whole codebook."""
        sql, params = "SELECT DISTINCT label FROM spans WHERE TRUE", []
        if coder is not None:
            sql += " AND coder = ?"
            params.append(coder)
        if not suggestions:
            sql += " AND origin != 'suggested'"
        return {row[0] for row in self._query(sql, params)}

    def span_count(self) -> int:
        """Spans in the corpus; pending suggestions are not counted (see
        ``suggestion_count``)."""
        return self._scalar("SELECT count(*) FROM spans WHERE origin != 'suggested'")

    def suggestion_count(self) -> int:
        """Suggestions no coder has accepted or rejected yet."""
        return self._scalar("SELECT count(*) FROM spans WHERE origin = 'suggested'")

    # -- change log -----------------------------------------------------

    def _log(
        self, coder: str, action: str, doc_id: int | None, span_uid: str | None,
        before: str | None, after: str | None,
    ) -> None:
        self.db.execute(
            "INSERT INTO changes (at, coder, action, doc_id, span_uid, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [now(), coder, action, doc_id, span_uid, before, after],
        )
