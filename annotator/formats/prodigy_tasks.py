"""Prodigy tasks as read: the answer to each span, and several tasks on one text.

A Prodigy task answers ``accept``, ``reject`` or ``ignore``; so may each of its
spans (binary ``ner.teach`` data, and data merged by Prodigy, put the answer on
the span). A span's own answer is the more specific one and wins; a span
without one takes its task's. Only accepted spans become spans: a rejected
suggestion says what the text is *not*, and an ignored one says nothing.

Binary data holds one task per suggestion, so one text comes in many tasks.
They are one document: the union of their accepted spans, each kept once.

Beyond spans: ``rel.manual``'s ``relations`` (``head``/``child`` are the token
indices of each span's last token; ``head_span``/``child_span`` give its offsets
and label, which find the span) become relations; an entity-linking ``choice``
task over a span (``options`` and ``accept``) gives that span a link to each
accepted entry, except "NIL" answers (no entry fits), which are reported; text
classification becomes document labels: the options accepted on a text without
spans are the label named by ``meta.doc_label`` (else ``category``), a list,
or one choice where the task's ``config`` says ``choice_style: single``; a
binary ``label`` answered accept or reject is that label, true or false; ``cats``
scores are numbers by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.model import STATUS_RANK, new_uid
from annotator.formats.base import brief
from annotator.formats.carried import is_number, kb_of
from annotator.formats.jsonl import BadLine
from annotator.formats.uncarried import (
    CategoryRef,
    LinkRef,
    Note,
    RelationRef,
    SpanRef,
    categories_said,
    links_said,
    relations_said,
)

ANSWERS = ("accept", "reject", "ignore")
_STATUS_OF_ANSWER = {"accept": "done", "ignore": "skipped", "reject": "todo"}
_FIELDS = ("title", "date", "source", "url")


@dataclass(frozen=True, slots=True)
class Task:
    """One Prodigy task, its spans sorted by their answers."""

    line: int | None
    text: Any
    answer: str
    accepted: tuple[dict[str, Any], ...]
    rejected: int  # spans answered reject (their own answer or their task's)
    ignored: int
    relations: tuple[RelationRef, ...]
    categories: tuple[CategoryRef, ...]  # document labels, values as stored
    links: tuple[LinkRef, ...]
    meta: Mapping[str, Any]
    doc_id: Any
    unstored: tuple[CategoryRef, ...] = ()  # categories answered ignore, or not a value
    nil: tuple[LinkRef, ...] = ()  # entity-linking answers that no entry fits

    @property
    def spans_task(self) -> bool:
        """A task that annotates spans: not a choice, category or linking task alone."""
        return not (self.categories or self.unstored or self.links or self.nil)


def parse_task(obj: Mapping[str, Any], line: int | None) -> Task:
    """One task, or ``BadLine`` saying why it cannot be read."""
    answer = _answer(obj.get("answer", "accept"), '"answer"')
    found = obj.get("spans")
    if found is not None and not isinstance(found, list):
        raise BadLine(f'"spans" must be a list, not {brief(found)}')
    accepted, rejected, ignored = [], 0, 0
    for number, item in enumerate(found or [], start=1):
        if not isinstance(item, dict):
            raise BadLine(f"span {number} is not an object")
        said = _answer(item.get("answer", answer), f'span {number} "answer"')
        if said == "accept":
            accepted.append({k: item[k] for k in ("start", "end", "label", "text") if k in item})
        elif said == "reject":
            rejected += 1
        else:
            ignored += 1
    meta = dict(obj["meta"]) if isinstance(obj.get("meta"), dict) else {}
    categories, unstored = categories_of(obj)
    links = links_of(obj) if answer == "accept" else ()
    nil = tuple(link for link in links if link.kb_id.upper().startswith("NIL"))
    question = meta.pop("doc_label", None)  # the name a written choice task answers
    if isinstance(question, str) and question:
        categories = tuple(c._replace(name=question) if c.name == CATEGORY else c
                           for c in categories)
    return Task(line=line, text=obj.get("text"), answer=answer, accepted=tuple(accepted),
                rejected=rejected, ignored=ignored, relations=relations_of(obj),
                categories=categories, links=tuple(x for x in links if x not in nil),
                meta=meta, doc_id=meta.pop("id", None) or obj.get("_input_hash"),
                unstored=unstored, nil=nil)


def _answer(value: Any, what: str) -> str:
    if not isinstance(value, str) or value not in ANSWERS:
        raise BadLine(f"{what} {brief(value)} is not accept, reject or ignore")
    return value


def relations_of(obj: Mapping[str, Any]) -> tuple[RelationRef, ...]:
    """``rel.manual``'s relations: head and child spans by offsets, and a label."""
    found = obj.get("relations") or []
    if not isinstance(found, list):
        raise BadLine(f'"relations" must be a list, not {brief(found)}')
    relations = []
    for number, item in enumerate(found, start=1):
        if not isinstance(item, dict):
            raise BadLine(f"relation {number} is not an object")
        label = item.get("label")
        if not isinstance(label, str):
            raise BadLine(f"relation {number} label {brief(label)} is not text")
        relations.append(RelationRef(_span_ref(item.get("head_span"), item.get("head")),
                                     _span_ref(item.get("child_span"), item.get("child")),
                                     label))
    return tuple(relations)


def _span_ref(span: Any, token: Any) -> SpanRef:
    """A relation's end; ``token`` is the token index Prodigy keys it by."""
    key = f"token {token}" if isinstance(token, int) else None
    if not isinstance(span, dict):
        return SpanRef(None, None, None, key)
    start, end, label = span.get("start"), span.get("end"), span.get("label")
    offsets = all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end))
    return SpanRef(start if offsets else None, end if offsets else None,
                   label if isinstance(label, str) else None, key)


def _chosen(obj: Mapping[str, Any]) -> list[str]:
    """The option ids a ``choice`` task accepted (entity links or categories)."""
    accepted = obj.get("accept")
    if accepted is None:
        return []
    if not isinstance(accepted, list):
        raise BadLine(f'"accept" must be a list of option ids, not {brief(accepted)}')
    for choice in accepted:
        if not isinstance(choice, str | int) or isinstance(choice, bool):
            raise BadLine(f'"accept" holds {brief(choice)}, not an option id')
    return [str(choice) for choice in accepted]


def links_of(obj: Mapping[str, Any]) -> tuple[LinkRef, ...]:
    """Entity-linking choices: a ``choice`` task over spans links each to the ids chosen,
    in the knowledge base the option names (``source``), else one told by the id."""
    spans = [s for s in obj.get("spans") or [] if isinstance(s, dict)]
    if not spans or "options" not in obj:
        return ()
    options = {str(o.get("id")): o for o in obj.get("options") or [] if isinstance(o, dict)}
    refs = [_span_ref(s, None) for s in spans]
    links = []
    for choice in _chosen(obj):
        option = options.get(choice, {})
        name = option.get("name")
        links += [LinkRef(ref, choice, kb_of(choice, option.get("source")),
                          name if isinstance(name, str) else "") for ref in refs]
    return tuple(links)


# The document label a choice task without a name of its own answers.
CATEGORY = "category"


def categories_of(obj: Mapping[str, Any]) -> tuple[tuple[CategoryRef, ...],
                                                   tuple[CategoryRef, ...]]:
    """Text classification as document labels, and the answers that are not a value:
    options chosen for a text without spans, a binary ``label`` with its answer, or
    spaCy-style ``cats`` scores."""
    categories, unstored = [], []
    answer = obj.get("answer", "accept")
    if not obj.get("spans") and "options" in obj:
        chosen = _chosen(obj)
        config = obj.get("config") if isinstance(obj.get("config"), dict) else {}
        single = config.get("choice_style") == "single" and len(chosen) == 1
        if answer == "accept" and chosen:
            categories.append(CategoryRef(CATEGORY, chosen[0] if single else chosen))
        else:
            unstored.append(CategoryRef(CATEGORY, chosen or answer))
    label = obj.get("label")
    if isinstance(label, str) and label and not obj.get("spans"):
        if answer in ("accept", "reject"):
            categories.append(CategoryRef(label, answer == "accept"))
        else:
            unstored.append(CategoryRef(label, answer))
    cats = obj.get("cats")
    if isinstance(cats, dict):
        for name, score in cats.items():
            (categories if is_number(score) else unstored).append(CategoryRef(str(name), score))
    elif cats is not None:
        raise BadLine(f'"cats" must be an object of scores, not {brief(cats)}')
    return tuple(categories), tuple(unstored)


def merge(tasks: Sequence[Task], coder: str) -> tuple[dict[str, Any], list[str]]:
    """Tasks on one text as one native document, and what it could not carry."""
    first = tasks[0]
    spans: dict[tuple[Any, Any, Any], dict[str, Any]] = {}
    repeated = 0
    for task in tasks:
        for span in task.accepted:
            key = (span.get("start"), span.get("end"), span.get("label"))
            try:
                hash(key)
            except TypeError:  # offsets of a wrong kind: parse_object names them
                key = (len(spans), "unhashable", None)
            if key not in spans:
                spans[key] = {**span, "id": new_uid()}
            elif task.spans_task:  # a linking task repeats its span on purpose
                repeated += 1
    relations, unresolved = [], []
    for task in tasks:
        for ref in task.relations:
            ends = [spans.get((end.start, end.end, end.label)) for end in (ref.head, ref.tail)]
            if ends[0] is None or ends[1] is None or not ref.label.strip():
                unresolved.append(ref)
            else:
                relations.append({"head": ends[0]["id"], "tail": ends[1]["id"],
                                  "label": ref.label})
    unlinked = []
    for task in tasks:
        for link in task.links:
            span = spans.get((link.span.start, link.span.end, link.span.label))
            if span is None:
                unlinked.append(link)
                continue
            entry = {"kb": link.kb, "id": link.kb_id, "name": link.name}
            if entry not in span.setdefault("links", []):
                span["links"].append(entry)
    labels: dict[str, Any] = {}
    differing = []
    for task in tasks:
        for category in task.categories:
            if category.name not in labels:
                labels[category.name] = category.value
            elif labels[category.name] != category.value:
                differing.append(category)
    status = max((_STATUS_OF_ANSWER[t.answer] for t in tasks), key=STATUS_RANK.__getitem__)
    meta = dict(first.meta)
    native: dict[str, Any] = {
        "text": first.text, "spans": list(spans.values()), "statuses": {coder: status},
        "meta": meta, "relations": relations,
        "doc_labels": [{"name": name, "value": value} for name, value in labels.items()]}
    for key in _FIELDS:
        # A field written empty (null) is no meta of the document's.
        value = meta.pop(key, None)
        if value is not None:
            native[key] = value
    doc_id = next((t.doc_id for t in tasks if t.doc_id is not None), None)
    if doc_id is not None:
        native["id"] = doc_id
    said = _warnings(tasks, repeated)
    text = first.text if isinstance(first.text, str) else None
    said += relations_said(unresolved, text, "not imported (an end is not an accepted span, "
                                             "or the relation has no label)")
    said += links_said(unlinked, text, "not imported (their span is not an accepted span)")
    said += categories_said(differing, "answered otherwise in another task on the text; the "
                                       "first answer kept")
    return native, said


def _warnings(tasks: Sequence[Task], repeated: int) -> list[str]:
    text = tasks[0].text if isinstance(tasks[0].text, str) else None
    said: list[str] = []
    merged = [t for t in tasks if t.spans_task]
    if len(merged) > 1:
        said.append(Note(len(merged), "Prodigy task", "Prodigy tasks",
                         "merged with the others on their text (one document per text: the "
                         "spans accepted in any of its tasks, the first task's metadata)",
                         f"lines {lines_of(merged)}"))
    if repeated:
        said.append(Note(repeated, "span", "spans", "accepted more than once kept once"))
    if rejected := sum(t.rejected for t in tasks):
        said.append(Note(rejected, "span", "spans", "answered reject not imported (a rejected "
                                                    "suggestion is not a span)"))
    if ignored := sum(t.ignored for t in tasks):
        said.append(Note(ignored, "span", "spans", "answered ignore not imported"))
    said += categories_said([c for t in tasks for c in t.unstored], "answered ignore, "
                            "nothing chosen, or a score that is not a number")
    said += links_said([link for t in tasks for link in t.nil], text,
                       "not imported (a NIL answer: no entry of the knowledge base fits)")
    return said


def lines_of(tasks: Sequence[Task]) -> str:
    shown = [str(t.line) for t in tasks[:10]]
    more = f" and {len(tasks) - 10} more" if len(tasks) > 10 else ""
    return ", ".join(shown) + more
