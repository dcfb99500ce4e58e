"""Label Studio's JSON task list, with one annotation per coder.

Offsets: Label Studio stores code points (its frontend moved from JavaScript
string lengths to code points in 2022, so an emoji counts one), and it reads
a text file without its byte-order mark, so offsets count from after it.
Exports whose ``data.text`` is an upload URL are read by finding the
uploaded file (its name without Label Studio's 8-hex prefix) beside the
export or in a folder next to it.

Reading also takes exports from before Label Studio 1.0 (``completions``) and
flat tasks (``{"text": ...}``, as Label Studio imports them); relations become
relations, answers about a region span attributes, answers about the whole text
document labels (see ``labelstudio_results``), and a refused task is named by
its number.

Writing: one annotation per coder, holding that coder's regions (one per span; an
accepted suggestion's has Label Studio's origin ``prediction``, read back as accepted),
their attributes as answers about the region (``choices``, or ``number``),
relations between them (``labels`` the relation's label; ``direction`` right, or
bi), and the coder's document labels as answers about the whole text: choices
and true/false as ``choices``, text as ``textarea``, numbers as ``number``. No
labelling config is written: the project's must name these controls. Links to a
knowledge base, discontinuous spans, events and other values are reported.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import CodedDocument, Span
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    brief,
    inside,
    load_text,
    shown_path,
)
from annotator.formats.carried import (
    doc_label_lost,
    is_number,
    is_text_list,
    relation_attrs_lost,
    relation_lost,
    span_lost,
)
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.json_input import read_json_records
from annotator.formats.jsonl import BadLine, parse_object
from annotator.formats.labelstudio_results import region_origin, task_results
from annotator.formats.losses import report_left_out
from annotator.formats.safe_text import clipped, json_line
from annotator.formats.uncarried import Note, summed

_UPLOAD_PREFIX = re.compile(r"^[0-9a-f]{8}-")
# Keys of a task beside its data: a flat task's other keys are its data.
_TASK_KEYS = {"annotations", "completions", "predictions", "drafts", "meta", "id",
              "file_upload"}
_DATA_FIELDS = {"text", "id", "title", "date", "source", "url", "notes", "flags"}


def write(source: Source, path: Path, context: ExportContext) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("[")
        for coded in source():
            doc = coded.document
            report_left_out(coded, context.losses, "Label Studio", attributes=False,
                            relations=False, doc_labels=False, coders=False, details=(), ids=False)
            task = {
                "id": count + 1,
                "data": {"text": doc.text, "id": doc.uid, "title": doc.title, "date": doc.date,
                         "source": doc.source, "url": doc.url,
                         **({"notes": doc.notes} if doc.notes else {}),
                         **({"flags": dict(doc.flags)} if doc.flags else {})},
                "annotations": [{"completed_by": coder, "result": results}
                                for coder, results in _annotations(coded, context)],
                "meta": dict(doc.meta),
            }
            line = json_line(task, context.losses, f"document {clipped(doc.uid)}").rstrip("\n")
            out.write(("\n" if not count else ",\n") + line)
            count += 1
        out.write("\n]\n")
    return count


def _annotations(coded: CodedDocument, context: ExportContext,
                 ) -> list[tuple[str, list[dict[str, Any]]]]:
    """Each coder's results: regions with their answers, relations, document answers."""
    by_coder: dict[str, list[dict[str, Any]]] = {}
    for span in sorted(coded.spans, key=lambda s: s.coder):
        results = by_coder.setdefault(span.coder, [])
        origin = region_origin(span.origin)
        results.append({"id": _result_id(span.uid), "from_name": "label", "to_name": "text",
                        "type": "labels", "origin": origin, "value": _region(span, {
                            "labels": [span.label]})})
        for name, value in span.attrs.items():
            answer = _control(value, as_list=False)
            if answer is None or value in ("true", "false") or (
                    isinstance(value, list) and len(value) == 1):
                span_lost(context.losses, coded, span, "span attributes Label Studio gives "
                          "back otherwise (a list of one choice comes back as that choice; "
                          "only text, choices, numbers and true/false are answers)",
                          f"{name}={value!r}")
            if answer is not None:
                kind, held = answer
                results.append({"id": _result_id(span.uid), "from_name": name,
                                "to_name": "text", "type": kind, "origin": origin,
                                "value": _region(span, held)})
    spans = {span.uid: span for span in coded.spans}
    for relation in coded.relations:
        head, tail = spans[relation.head], spans[relation.tail]
        if head.coder != tail.coder:
            relation_lost(context.losses, coded, relation, "its ends are spans of two coders "
                          "(a Label Studio relation joins regions of one annotation)")
            continue
        if relation.coder != head.coder:
            relation_lost(context.losses, coded, relation, "coded by another coder than its "
                          "spans (written in their annotation, it comes back as theirs)")
        attrs = dict(relation.attrs)
        direction = "bi" if attrs.pop("direction", None) == "bi" else "right"
        relation_attrs_lost(context.losses, "Label Studio", coded, relation, attrs)
        by_coder[head.coder].append({"from_id": _result_id(head.uid),
                                     "to_id": _result_id(tail.uid), "type": "relation",
                                     "direction": direction, "labels": [relation.label]})
    for label in coded.doc_labels:
        answer = _control(label.value, as_list=True)
        if answer is None or label.value in (["true"], ["false"]):
            doc_label_lost(context.losses, "Label Studio", coded, label,
                           "a value Label Studio gives back otherwise (only text, choices, "
                           "numbers and true/false are answers)")
            if answer is None:
                continue
        kind, held = answer
        by_coder.setdefault(label.coder, []).append({
            "id": _result_id(f"document label {label.coder} {label.name}"),
            "from_name": label.name, "to_name": "text", "type": kind, "origin": "manual",
            "value": held})
    return sorted(by_coder.items())


def _region(span: Span, value: dict[str, Any]) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text, **value}


def _control(value: Any, as_list: bool) -> tuple[str, dict[str, Any]] | None:
    """The kind of answer that holds ``value``, and its value object: choices for
    true/false and lists (and, about a span, one choice), text as a textarea."""
    if isinstance(value, bool):
        return "choices", {"choices": ["true" if value else "false"]}
    if is_number(value):
        return "number", {"number": value}
    if is_text_list(value):
        return "choices", {"choices": list(value)}
    if isinstance(value, str) and value:
        if as_list:
            return "textarea", {"text": [value]}
        return "choices", {"choices": [value]}
    return None


def _result_id(uid: str) -> str:
    # Label Studio makes 10-character region ids; cutting a longer uid to 10 could
    # give two regions one id ("event-span-1", "event-span-2"), and it would
    # merge them. A longer uid is hashed instead.
    return uid if len(uid) <= 10 else hashlib.sha256(uid.encode("utf-8", "surrogatepass")
                                                     ).hexdigest()[:10]


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    return summed(_read(path, options))


def _read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    notices: list[Problem] = []  # about the whole file: said with its first document
    records = read_json_records(path, notices)
    for index, (line, task, consumed) in enumerate(records, start=1):
        if isinstance(task, Problem):
            yield task
            continue
        try:
            native, warnings = to_native(task, path)
            record, more = parse_object(native, options)
        except BadLine as exc:
            yield Problem(path, line, f"task {index}: {exc}")
            continue
        except (TypeError, AttributeError, KeyError, IndexError, ValueError) as exc:
            # A task of a shape no check foresaw: it alone is refused.
            yield Problem(path, line, f"task {index} has a value of an unexpected kind "
                                      f"({exc.__class__.__name__}: {brief(str(exc))})")
            continue
        said = tuple(Problem(path, line, w) for w in [*warnings, *more])
        yield ReadDocument(record, path, line, (*notices, *said), consumed=consumed)
        notices.clear()


def to_native(task: Mapping[str, Any], path: Path) -> tuple[dict[str, Any], list[str]]:
    """A task in annotator's native shape, with what could not come along."""
    data = task.get("data")
    if data is None and "text" in task:
        # A flat task ({"text": ...}): Label Studio takes the whole object as its data.
        data = {k: v for k, v in task.items() if k not in _TASK_KEYS}
    if not isinstance(data, dict):
        raise BadLine('task has no "data" object (nor a "text" of its own)')
    text = data.get("text")
    if not isinstance(text, str):
        keys = ", ".join(brief(k) for k in list(data)[:8]) or "none"
        raise BadLine(f'task "data" has no "text" (its keys: {keys})')
    warnings: list[str] = []
    if text.startswith("/data/") and task.get("file_upload"):
        text, said = _uploaded_text(path, str(task["file_upload"]), text)
        warnings += said
    text = text.removeprefix("\ufeff")  # Label Studio's offsets start after a BOM
    results = task_results(task, _coder_name)
    warnings += results.notes(text)
    for key, what in (("predictions", "prediction"), ("drafts", "draft")):
        if found := task.get(key):
            count = len(found) if isinstance(found, list) else 1
            warnings.append(Note(count, what, f"{what}s", "not imported (only annotations are)"))
    meta = dict(task["meta"]) if isinstance(task.get("meta"), dict) else {}
    for key in ("id", "file_upload"):  # where the task was, unless its meta says already
        if key in task:
            meta.setdefault(f"ls_{key}", task[key])
    if rest := {k: v for k, v in data.items() if k not in _DATA_FIELDS}:
        meta["ls_data"] = rest  # other fields of the task's data, kept rather than dropped
    native = {"id": data.get("id"), "text": text, "spans": results.spans, "meta": meta,
              "relations": results.relations, "doc_labels": results.doc_labels,
              **{k: data[k] for k in ("title", "date", "source", "url", "notes", "flags")
                 if data.get(k)}}
    if native["id"] is None:
        del native["id"]
    return native, warnings


def _coder_name(completed_by: Any) -> str:
    if isinstance(completed_by, dict):
        return str(completed_by.get("email") or completed_by.get("id") or "labelstudio")
    if completed_by is None:
        return "labelstudio"
    return str(completed_by) if isinstance(completed_by, str) else f"labelstudio-{completed_by}"


def _uploaded_text(export: Path, upload: str, url: str) -> tuple[str, list[str]]:
    name = _UPLOAD_PREFIX.sub("", upload)
    wanted = _folded(name)
    home = export.parent
    for folder in [home, *(p for p in home.iterdir() if p.is_dir() and inside(p, home))]:
        for candidate in folder.glob("*"):
            if _folded(candidate.name) != wanted or not candidate.is_file():
                continue
            if not inside(candidate, home):
                raise BadLine(f"uploaded text {shown_path(candidate)} is a link leading out of "
                              f"{shown_path(home)}; not followed")
            loaded = load_text(candidate)
            if isinstance(loaded, Problem):
                raise BadLine(f"uploaded text {shown_path(candidate)}: {loaded.reason}")
            if damaged := loaded.damage_problem(candidate):
                raise BadLine(f"uploaded text {damaged}")
            return loaded.text, [f"uploaded text {w}" for w in loaded.encoding_warning(candidate)]
    raise BadLine(f"data.text is the upload {url!r}; put {name} beside the export "
                  f"(or in a folder next to it) to import it")


def _folded(name: str) -> str:
    """File names compared without accents: Label Studio folds some to ASCII."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
