"""The change log read back: who changed what, when; and going back to an earlier state.

Every edit wrote a row with the state before and after. Going back applies
the "before" of later rows, newest first, as new edits: the log only grows,
so a restore can itself be undone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentDetails, KbLink, Relation, Span
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.schema_store import lenient_text


@dataclass(frozen=True, slots=True)
class Change:
    id: int
    at: str
    coder: str
    action: str
    doc_id: int
    span_uid: str | None
    before: Any
    after: Any

    def summary(self) -> str:
        """One line for a listing; a row damaged since it was written is said to be."""
        state = self.after if self.after is not None else self.before
        if isinstance(state, Damaged):
            return "(its record is damaged)"
        if isinstance(state, dict) and "head" in state:
            return f"link {state.get('label')!r} from {state.get('head')} to {state.get('tail')}"
        if self.action == "document label" and isinstance(state, dict):
            if self.after is None:
                return f"document {state.get('name')} cleared"
            return f"document {state.get('name')}: {state.get('value')!r}"
        if isinstance(state, dict) and "label" in state:
            return (f"{state['label']} {state.get('text')!r} at {state.get('start')}-"
                    f"{state.get('end')}")
        if isinstance(state, dict) and "type" in state:
            members = state.get("members")
            return f"{state['type']} event with {len(members) if isinstance(members, list) else 0} spans"
        if self.action == "status":
            return f"{self.before} -> {self.after}"
        if self.action == "import":
            return f"imported with {state.get('spans', 0)} spans" if isinstance(state, dict) else ""
        return ""


class Damaged(str):
    """A before or after in the log that is not JSON: kept as written, shown as such."""


def changes(corpus: Corpus, *, doc_id: int | None = None, span_uid: str | None = None,
            after_id: int = 0, limit: int | None = None, newest: int | None = None
            ) -> list[Change]:
    """Changes in the order they were made: the first ``limit``, or the ``newest`` few."""
    for name, value in (("limit", limit), ("newest", newest)):
        if value is not None and (not isinstance(value, int) or value < 1):
            raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")
    where, params = ["id > ?"], [after_id]
    if doc_id is not None:
        where.append("doc_id = ?")
        params.append(doc_id)
    if span_uid is not None:
        # A span's history holds the relations it had too: removing the span removed them.
        where.append("(span_uid = ? OR (action LIKE '% relation' AND EXISTS (SELECT 1 FROM "
                     "json_each(CASE WHEN json_valid(before) THEN before ELSE '{}' END) b "
                     "WHERE b.key IN ('head', 'tail') AND b.value = ?) OR (action LIKE "
                     "'% relation' AND EXISTS (SELECT 1 FROM json_each(CASE WHEN "
                     "json_valid(after) THEN after ELSE '{}' END) a WHERE a.key IN "
                     "('head', 'tail') AND a.value = ?))))")
        params += [span_uid, span_uid, span_uid]
    sql = ("SELECT id, at, coder, action, doc_id, span_uid, before, after FROM changes WHERE "
           + " AND ".join(where))
    if newest is not None:
        # Only the rows wanted are read, however long the log.
        sql = f"SELECT * FROM ({sql} ORDER BY id DESC LIMIT {newest}) AS newest ORDER BY id"
    else:
        sql += " ORDER BY id" + (f" LIMIT {limit}" if limit is not None else "")
    # A row whose text is not UTF-8 is read with replacement characters: listed,
    # and refused by the checks if a restore tries to write it back.
    with lenient_text(corpus, "replace"):
        rows = corpus.db.execute(sql, params).fetchall()
    return [Change(*row[:6], _load(row[6]), _load(row[7])) for row in rows]


def _load(value: str | None) -> Any:
    if value is None:
        return None
    try:
        return json.loads(value)
    except (ValueError, TypeError, RecursionError):
        # A row edited by another program: listed as damaged, never undone.
        return Damaged(value if isinstance(value, str) else repr(value))


def document_id(corpus: Corpus, given: str) -> int:
    """A document named by its id (uid) or its row number in the corpus."""
    row = corpus.db.execute("SELECT id FROM documents WHERE uid = ?", [given]).fetchone()
    if row:
        return row[0]
    # SQLite's integers stop at 2**63 - 1; a longer number names no row.
    if given.isdigit() and len(given) < 19 and corpus.db.execute("SELECT 1 FROM documents WHERE id = ?",
                                             [int(given)]).fetchone():
        return int(given)
    raise CorpusError(f"{corpus.path}: no document {given!r}")


def span_document(corpus: Corpus, span_uid: str) -> int:
    """The document of a span in the corpus, or of one removed since (from the log);
    CorpusError if neither knows it."""
    row = corpus.db.execute("SELECT doc_id FROM spans WHERE uid = ?", [span_uid]).fetchone()
    row = row or corpus.db.execute("SELECT doc_id FROM changes WHERE span_uid = ? "
                                   "ORDER BY id DESC LIMIT 1", [span_uid]).fetchone()
    if row is None:
        raise CorpusError(f"{corpus.path}: no span {span_uid!r} (neither in the corpus "
                          "nor in its history)")
    return row[0]


def revert(corpus: Corpus, change: Change, coder: str) -> None:
    """Put back the state from before ``change`` (one edit, logged as any other)."""
    try:
        _revert(corpus, change, coder)
    except (KeyError, TypeError, ValueError, AttributeError, AssertionError) as exc:
        # The log row does not hold what its action says (edited by hand or by
        # another program); InvalidRecord is a ValueError.
        raise CorpusError(f"{corpus.path}: change {change.id} ({change.action}) cannot be "
                          f"undone: its record is damaged ({type(exc).__name__}: {exc}); "
                          "nothing was restored") from None


def _revert(corpus: Corpus, change: Change, coder: str) -> None:
    action = change.action
    with corpus.batch():
        if action in ("add span", "remove span", "change span"):
            _revert_span(corpus, change)
        elif action == "status":
            corpus.set_status(change.doc_id, coder if not change.coder else change.coder,
                              change.before)
        elif action in ("add event", "remove event", "change event"):
            _revert_event(corpus, change)
        elif action in ("add relation", "remove relation", "change relation"):
            _revert_relation(corpus, change)
        elif action == "document label":
            state = change.before if change.before is not None else change.after
            corpus.set_doc_label(change.doc_id, state["coder"], state["name"],
                                 None if change.before is None else change.before["value"])
        elif action == "details":
            before = change.before
            corpus.set_details(change.doc_id, DocumentDetails(
                before["date"], before["source"], before["url"], before["notes"],
                before["flags"]))
        else:
            raise CorpusError(f"change {change.id} ({action}) cannot be undone from the log")


def _span(change: Change, state: dict[str, Any]) -> Span:
    assert change.span_uid is not None
    return Span(start=state["start"], end=state["end"], label=state["label"],
                text=state["text"], coder=state["coder"], uid=change.span_uid,
                origin=state["origin"], attrs=state["attrs"], doc_id=change.doc_id,
                fragments=tuple((low, high) for low, high in state.get("fragments", ())),
                links=tuple(KbLink(link["kb"], link["id"], link.get("name", ""))
                            for link in state.get("links", ())))


def _check_owned(corpus: Corpus, change: Change, table: str, uid: str) -> None:
    """A log row acts only on its own coder's work: the states it holds and the row it
    names now must be the coder's it was written by. Annotator writes every row so; a
    row written by hand (a coder's raw SQL on a server) naming another coder's span
    would otherwise make a restore change or remove that coder's work."""
    stored = corpus.db.fetch_one(f"SELECT coder FROM {table} WHERE uid = ?", [uid])
    states = [state for state in (change.before, change.after) if isinstance(state, dict)]
    if _an_acceptance(change):
        states = states[1:]  # a suggestion (anyone's) the logging coder made their own
    named = {state.get("coder") for state in states}
    owners = named | ({stored[0]} if stored else set())
    if owners - {change.coder}:
        raise CorpusError(f"{corpus.path}: change {change.id} ({change.action}) was logged by "
                          f"{change.coder!r} but acts on work of "
                          f"{', '.join(sorted(repr(o) for o in owners - {change.coder}))}; it "
                          "was not written by annotator, and nothing was restored")


def _an_acceptance(change: Change) -> bool:
    before, after = change.before, change.after
    return (isinstance(before, dict) and isinstance(after, dict)
            and before.get("origin") == "suggested" and after.get("origin") == "accepted"
            and after.get("coder") == change.coder)


def _revert_span(corpus: Corpus, change: Change) -> None:
    assert change.span_uid is not None
    _check_owned(corpus, change, "spans", change.span_uid)
    current = corpus.db.execute("SELECT 1 FROM spans WHERE uid = ?",
                                [change.span_uid]).fetchone() is not None
    if change.before is None:  # it was added: remove it
        if current:
            corpus.delete_span(corpus.span(change.span_uid))
    elif not current:  # it was removed (or is gone since): bring it back
        corpus.insert_span(_span(change, change.before))
    else:
        corpus.replace_span(corpus.span(change.span_uid), _span(change, change.before))


def _event(doc_id: int, state: dict[str, Any]) -> Event:
    return Event(doc_id=doc_id, type=state["type"], uid=state["id"], date=state["date"],
                 date_precision=state["date_precision"], note=state["note"],
                 coder=state["coder"], attrs=state.get("attrs", {}),
                 incident=state.get("incident", ""),
                 members=tuple(EventMember(m["span_id"], m["role"], m.get("group", ""))
                               for m in state["members"]))


def _revert_event(corpus: Corpus, change: Change) -> None:
    state = change.before if change.before is not None else change.after
    uid = state["id"]
    _check_owned(corpus, change, "events", uid)
    exists = corpus.db.execute("SELECT 1 FROM events WHERE uid = ?", [uid]).fetchone()
    if change.before is None:
        if exists:
            corpus.delete_event(_event(change.doc_id, change.after))
        return
    before = _event(change.doc_id, change.before)
    present = {row[0] for row in corpus.db.execute(
        "SELECT uid FROM spans WHERE doc_id = ?", [change.doc_id])}
    # Members whose spans are gone since cannot come back with the event.
    before = replace(before, members=tuple(m for m in before.members if m.span_uid in present))
    if exists:
        corpus.replace_event(before)
    else:
        corpus.insert_event(before)


def _relation(doc_id: int, state: dict[str, Any]) -> Relation:
    return Relation(head=state["head"], tail=state["tail"], label=state["label"],
                    coder=state["coder"], uid=state["id"], origin=state["origin"],
                    attrs=state["attrs"], doc_id=doc_id)


def _revert_relation(corpus: Corpus, change: Change) -> None:
    state = change.before if change.before is not None else change.after
    uid = state["id"]
    _check_owned(corpus, change, "relations", uid)
    exists = corpus.db.execute("SELECT 1 FROM relations WHERE uid = ?", [uid]).fetchone()
    if change.before is None:
        if exists:
            corpus.delete_relation(corpus.relation(uid))
        return
    before = _relation(change.doc_id, change.before)
    present = {row[0] for row in corpus.db.execute(
        "SELECT uid FROM spans WHERE uid IN (?, ?)", [before.head, before.tail])}
    if not {before.head, before.tail} <= present:
        return  # a span it linked is gone since: the link cannot come back without it
    if exists:
        corpus.replace_relation(corpus.relation(uid), before)
    else:
        corpus.insert_relation(before)


def restore_point(corpus: Corpus, to_change: int, *, doc_id: int | None = None,
                  span_uid: str | None = None) -> Change:
    """The change a restore goes back to, checked: it exists, and is a change of the
    document (for a span, of the span's document). CorpusError says what is wrong."""
    if span_uid is not None:
        found_in = span_document(corpus, span_uid)
        if doc_id is not None and doc_id != found_in:
            raise CorpusError(f"{corpus.path}: span {span_uid!r} is not in document {doc_id}")
        doc_id = found_in
    found = changes(corpus, after_id=to_change - 1, limit=1) if to_change >= 1 else []
    if not found or found[0].id != to_change:
        last = corpus.db.execute("SELECT max(id) FROM changes").fetchone()[0]
        raise CorpusError(f"{corpus.path}: no change {to_change} in the history "
                          + (f"(changes are numbered 1 to {last})" if last else "(it is empty)"))
    change = found[0]
    if doc_id is not None and change.doc_id != doc_id:
        what = f"span {span_uid!r} (document {doc_id})" if span_uid else f"document {doc_id}"
        own = [c.id for c in changes(corpus, doc_id=doc_id, newest=5)]
        raise CorpusError(f"{corpus.path}: change {to_change} is a change of document "
                          f"{change.doc_id}, not of {what}; its latest changes are "
                          + ", ".join(map(str, own)))
    return change


def restore(corpus: Corpus, to_change: int, coder: str, *, doc_id: int | None = None,
            span_uid: str | None = None) -> int:
    """Undo every later change to a document or a span, newest first; return how many.

    CorpusError if the document, span or change is unknown, or the change is not one
    of that document's; then nothing is changed.
    """
    if doc_id is None and span_uid is None:
        raise CorpusError("name a document or a span to restore")
    restore_point(corpus, to_change, doc_id=doc_id, span_uid=span_uid)
    later = changes(corpus, doc_id=doc_id, span_uid=span_uid, after_id=to_change)
    later = [c for c in later if c.action != "import"]
    with corpus.batch():
        for change in reversed(later):
            revert(corpus, change, coder)
    return len(later)
