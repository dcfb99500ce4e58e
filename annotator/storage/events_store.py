"""Events and document details in the corpus: the part of ``Corpus`` that keeps them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from sqlite_utils import Database

from annotator.core.events import (
    Event,
    EventMember,
    IncidentChoice,
    IncidentReport,
    event_object,
)
from annotator.core.model import DocumentDetails
from annotator.storage.errors import CorpusError


class EventStore:
    """Mixed into ``Corpus``: events, their members, and document details."""

    db: Database
    path: Path

    def _log(self, coder: str, action: str, doc_id: int | None, span_uid: str | None,
             before: str | None, after: str | None) -> None: ...

    def events(self, doc_id: int) -> list[Event]:
        return self.events_of([doc_id]).get(doc_id, [])

    def events_of(self, doc_ids: Sequence[int]) -> dict[int, list[Event]]:
        """Events of several documents at once, in the order they were made."""
        if not doc_ids:
            return {}
        marks = ",".join("?" * len(doc_ids))
        members: dict[int, list[EventMember]] = {}
        for event_id, span_uid, role, group in self.db.execute(
            f"SELECT m.event_id, m.span_uid, m.role, m.grp FROM event_members m "
            f"JOIN events e ON e.id = m.event_id WHERE e.doc_id IN ({marks}) "
            "ORDER BY m.event_id, m.position", list(doc_ids),
        ):
            members.setdefault(event_id, []).append(EventMember(span_uid, role, group))
        found: dict[int, list[Event]] = {}
        for (event_id, uid, doc_id, kind, date, precision, note, coder, attrs,
             incident) in self.db.execute(
            f"SELECT id, uid, doc_id, type, date, date_precision, note, coder, attrs, incident "
            f"FROM events WHERE doc_id IN ({marks}) ORDER BY id", list(doc_ids),
        ):
            try:
                event = Event(doc_id=doc_id, type=kind, members=tuple(members.get(event_id, ())),
                              uid=uid, date=date, date_precision=precision, note=note,
                              coder=coder, attrs=json.loads(attrs), incident=incident)
            except (ValueError, TypeError) as exc:  # InvalidRecord is a ValueError
                raise CorpusError(f"{self.path}: event {uid!r} of document row {doc_id} is "
                                  f"damaged ({exc}); the corpus was changed outside annotator"
                                  ) from exc
            found.setdefault(doc_id, []).append(event)
        return found

    def incident_links(self) -> dict[str, str]:
        """Every incident id and every event uid named as one -> the incident it belongs
        to. Links are made one at a time (C names B, then B names A), so an event may name
        one that names another: each chain ends at one id, which stands for them all (a
        loop, which no dialog makes, at its smallest id)."""
        pointers = dict(self.db.execute(
            "SELECT uid, incident FROM events WHERE incident != ''").fetchall())
        roots: dict[str, str] = {}
        for start in {*pointers, *pointers.values()}:
            path: list[str] = []
            here = start
            while here in pointers and here not in roots and here not in path:
                path.append(here)
                here = pointers[here]
            if here in roots:
                root = roots[here]
            elif here in path:  # a loop: named by its smallest id, whoever starts it
                root = min(path[path.index(here):])
            else:
                root = here
            for member in (*path, here):
                roots.setdefault(member, root)
        return roots

    def incident_reports(self) -> dict[str, tuple[IncidentReport, ...]]:
        """Each incident several documents report (``core.events.incident_of``, chains
        followed: ``incident_links``) -> those documents, each once, in the order they
        were imported (the first is where it was first read); every id of the incident
        is a key. An event no other names is not listed: it has one source."""
        roots = self.incident_links()
        found: dict[str, dict[int, IncidentReport]] = {}
        for uid, incident, doc_id, doc_uid, title, source, date, url in self.db.execute(
            "SELECT e.uid, e.incident, d.id, d.uid, d.title, d.source, d.date, d.url "
            "FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.incident != '' "
            "OR e.uid IN (SELECT incident FROM events WHERE incident != '') ORDER BY d.id"
        ):
            key = incident or uid
            found.setdefault(roots.get(key, key), {}).setdefault(
                doc_id, IncidentReport(doc_uid, title, source, date, url))
        return {member: tuple(found[root].values()) for member, root in roots.items()
                if root in found}

    def incident_choices(self, doc_id: int, date: str | None,
                         limit: int = 40) -> list[IncidentChoice]:
        """Incidents of other documents an event of ``doc_id`` dated ``date`` may report:
        those dated within a week of it (any date, newest first, when it has none); each
        incident once, by the id that stands for it."""
        near = ("AND e.date BETWEEN date(?, '-7 days') AND date(?, '+7 days')"
                if date else "")
        if date and self.db.dialect == "postgresql":
            near = ("AND e.date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND e.date::date "
                    "BETWEEN ?::date - 7 AND ?::date + 7")
        rows = self.db.execute(
            "SELECT CASE WHEN e.incident != '' THEN e.incident ELSE e.uid END AS incident, "
            "e.type, e.date, d.title FROM events e JOIN documents d ON d.id = e.doc_id "
            f"WHERE e.doc_id != ? {near} ORDER BY e.date DESC, e.id DESC LIMIT ?",
            [doc_id, *([date, date] if date else []), limit * 4]).fetchall()
        roots = self.incident_links()
        reports = self.incident_reports() if rows else {}
        choices: dict[str, IncidentChoice] = {}
        for incident, kind, when, title in rows:
            root = roots.get(incident, incident)
            if root not in choices:
                choices[root] = IncidentChoice(root, kind, when, title,
                                               len(reports.get(root, ())) or 1)
        return list(choices.values())[:limit]

    def events_with_span(self, span_uid: str) -> list[Event]:
        doc_ids = [row[0] for row in self.db.execute(
            "SELECT DISTINCT e.doc_id FROM event_members m JOIN events e ON e.id = m.event_id "
            "WHERE m.span_uid = ?", [span_uid])]
        found = self.events_of(doc_ids)
        return [e for events in found.values() for e in events if e.has(span_uid)]

    def insert_event(self, event: Event) -> None:
        with self.db.atomic():
            self._write_event(event)
            self._log(event.coder, "add event", event.doc_id, None, None, event_json(event))

    def _write_event(self, event: Event) -> None:
        from annotator.storage.corpus import now

        stamp = now()
        cursor = self.db.execute(
            "INSERT INTO events (uid, doc_id, type, date, date_precision, note, coder, "
            "created_at, updated_at, attrs, incident) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [event.uid, event.doc_id, event.type, event.date, event.date_precision, event.note,
             event.coder, stamp, stamp, json.dumps(dict(event.attrs), ensure_ascii=False),
             event.incident],
        )
        self.db.executemany(
            "INSERT INTO event_members (event_id, span_uid, role, grp, position) "
            "VALUES (?, ?, ?, ?, ?)",
            [(cursor.lastrowid, m.span_uid, m.role, m.group, i)
             for i, m in enumerate(event.members)],
        )

    def delete_event(self, event: Event) -> None:
        with self.db.atomic():
            self.db.execute("DELETE FROM events WHERE uid = ?", [event.uid])
            self._log(event.coder, "remove event", event.doc_id, None, event_json(event), None)

    def replace_event(self, event: Event) -> None:
        with self.db.atomic():
            before = [e for e in self.events(event.doc_id) if e.uid == event.uid]
            self.db.execute("DELETE FROM events WHERE uid = ?", [event.uid])
            self._write_event(event)
            self._log(event.coder, "change event", event.doc_id, None,
                      event_json(before[0]) if before else None, event_json(event))

    def details(self, doc_id: int) -> DocumentDetails:
        row = self.db.execute(
            "SELECT date, source, url, notes, flags FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        date, source, url, notes, flags = row
        return DocumentDetails(date, source, url, notes, json.loads(flags))

    def set_details(self, doc_id: int, details: DocumentDetails) -> None:
        with self.db.atomic():
            before = self.details(doc_id)
            self.db.execute(
                "UPDATE documents SET date = ?, source = ?, url = ?, notes = ?, flags = ? "
                "WHERE id = ?",
                [details.date, details.source, details.url, details.notes,
                 json.dumps(dict(details.flags), ensure_ascii=False), doc_id],
            )
            self._log("", "details", doc_id, None, details_json(before), details_json(details))


def event_json(event: Event) -> str:
    return json.dumps(event_object(event), ensure_ascii=False)


def details_json(details: DocumentDetails) -> str:
    return json.dumps({"date": details.date, "source": details.source, "url": details.url,
                       "notes": details.notes, "flags": dict(details.flags)}, ensure_ascii=False)
