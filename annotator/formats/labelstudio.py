"""Label Studio's JSON task list, with one annotation per coder.

Offsets: Label Studio stores code points (its frontend moved from JavaScript
string lengths to code points in 2022, so an emoji counts one), and it reads
a text file without its byte-order mark, so offsets count from after it.
Exports whose ``data.text`` is an upload URL are read by finding the
uploaded file (its name without Label Studio's 8-hex prefix) beside the
export or in a folder next to it.

Reading also takes exports from before Label Studio 1.0 (``completions``) and
flat tasks (``{"text": ...}``, as Label Studio imports them); relations,
choices and other answers are reported with their counts (see
``labelstudio_results``), and a refused task is named by its number.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping
from itertools import groupby
from pathlib import Path
from typing import Any

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
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.json_input import read_json_records
from annotator.formats.jsonl import BadLine, parse_object
from annotator.formats.labelstudio_results import task_results
from annotator.formats.losses import report_left_out
from annotator.formats.safe_text import clipped, json_line
from annotator.formats.uncarried import Note, summed

_UPLOAD_PREFIX = re.compile(r"^[0-9a-f]{8}-")
# Keys of a task beside its data: a flat task's other keys are its data.
_TASK_KEYS = {"annotations", "completions", "predictions", "drafts", "meta", "id",
              "file_upload"}
_DATA_FIELDS = {"text", "id", "title", "date", "source", "url"}


def write(source: Source, path: Path, context: ExportContext) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("[")
        for coded in source():
            doc = coded.document
            annotations = []
            by_coder = groupby(sorted(coded.spans, key=lambda s: s.coder), key=lambda s: s.coder)
            for coder, spans in by_coder:
                annotations.append({
                    "completed_by": coder,
                    "result": [{
                        "id": _result_id(span.uid), "from_name": "label", "to_name": "text",
                        "type": "labels", "origin": "manual",
                        "value": {"start": span.start, "end": span.end, "text": span.text,
                                  "labels": [span.label]},
                    } for span in spans],
                })
            task = {
                "id": count + 1,
                "data": {"text": doc.text, "id": doc.uid, "title": doc.title, "date": doc.date,
                         "source": doc.source, "url": doc.url},
                "annotations": annotations,
                "meta": dict(doc.meta),
            }
            report_left_out(coded, context.losses, "Label Studio")
            line = json_line(task, context.losses, f"document {clipped(doc.uid)}").rstrip("\n")
            out.write(("\n" if not count else ",\n") + line)
            count += 1
        out.write("\n]\n")
    return count


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
    meta.update({f"ls_{k}": task[k] for k in ("id", "file_upload") if k in task})
    if rest := {k: v for k, v in data.items() if k not in _DATA_FIELDS}:
        meta["ls_data"] = rest  # other fields of the task's data, kept rather than dropped
    native = {"id": data.get("id"), "text": text, "spans": results.spans, "meta": meta,
              **{k: data[k] for k in ("title", "date", "source", "url") if data.get(k)}}
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
