"""brat standoff: a ``.txt`` and an ``.ann`` per document, and ``annotation.conf``.

Writing: a T line per span (split into fragments at line breaks, which brat
cannot draw across), A lines for attributes whose values brat can hold, and
``#`` AnnotatorNotes for the rest. Reading: T, A and ``#`` lines; events,
relations, equivalences and normalisations are counted and reported, not
silently dropped. brat offsets are code points, as annotator's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import DocumentRecord, InvalidRecord, Span
from annotator.core.text import normalise_with_offsets
from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions, load_text
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.losses import describe

_UNSAFE_NAME = re.compile(r"[^\w.-]+")
_TYPE_CHARS = re.compile(r"[^\w-]")


def safe_file_stem(uid: str) -> str:
    return _UNSAFE_NAME.sub("_", uid).strip("._") or "document"


def brat_type(label: str) -> str:
    return _TYPE_CHARS.sub("_", label)


def write(source: Source, path: Path, context: ExportContext) -> int:
    path.mkdir(parents=True, exist_ok=True)
    attributes: dict[str, set[str]] = {}
    used_stems: set[str] = set()
    count = 0
    for coded in source():
        doc = coded.document
        stem = safe_file_stem(doc.uid)
        while stem in used_stems:
            stem += "_"
        used_stems.add(stem)
        lines = []
        a_number = note_number = 0
        for t_number, span in enumerate(coded.spans, start=1):
            kind = brat_type(span.label)
            if kind != span.label:
                context.losses.add("label renamed to fit brat's type names",
                                   f"{span.label!r} written as {kind!r}")
            fragments = ";".join(f"{a} {b}" for a, b in _fragments(doc.text, span.start, span.end))
            covered = doc.text[span.start:span.end].replace("\n", " ")
            lines.append(f"T{t_number}\t{kind} {fragments}\t{covered}")
            for key, value in span.attrs.items():
                if _fits_attribute(key, value):
                    a_number += 1
                    if value is True:
                        lines.append(f"A{a_number}\t{key} T{t_number}")
                    else:
                        lines.append(f"A{a_number}\t{key} T{t_number} {value}")
                    attributes.setdefault(key, set()).add(kind)
                elif value not in (None, False, ""):
                    note_number += 1
                    lines.append(f"#{note_number}\tAnnotatorNotes T{t_number}\t{key}: {value}")
                    context.losses.add("attribute written as a note (brat values hold no spaces)",
                                       describe(doc.uid, doc.text, span.start, span.end,
                                                span.label) + f" {key}={value!r}")
        (path / f"{stem}.txt").write_text(doc.text, encoding="utf-8", newline="\n")
        (path / f"{stem}.ann").write_text("".join(line + "\n" for line in lines),
                                          encoding="utf-8", newline="\n")
        count += 1
    _write_conf(path / "annotation.conf", [brat_type(n) for n in context.label_names], attributes)
    return count


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    position = start
    for line in text[start:end].split("\n"):
        stripped_start = position + (len(line) - len(line.lstrip()))
        stripped_end = position + len(line.rstrip())
        if stripped_end > stripped_start:
            pieces.append((stripped_start, stripped_end))
        position += len(line) + 1
    return pieces or [(start, end)]


def _fits_attribute(key: str, value: Any) -> bool:
    if not re.fullmatch(r"[A-Za-z][\w-]*", key):
        return False
    return value is True or (isinstance(value, int | float | str) and not isinstance(value, bool)
                             and str(value) != "" and not re.search(r"\s", str(value)))


def _write_conf(path: Path, types: list[str], attributes: dict[str, set[str]]) -> None:
    lines = ["[entities]", *types, "", "[relations]", "", "[events]", "", "[attributes]"]
    for name, kinds in sorted(attributes.items()):
        lines.append(f"{name}\tArg:{'|'.join(sorted(kinds))}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


# -- reading ------------------------------------------------------------------------


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Read ``path`` (the ``.ann``; its ``.txt`` sits beside it)."""
    ann_path = path.with_suffix(".ann")
    txt_path = path.with_suffix(".txt")
    if not txt_path.exists():
        yield Problem(ann_path, None, f"has no text file {txt_path.name} beside it")
        return
    text_file = load_text(txt_path)
    if isinstance(text_file, Problem):
        yield text_file
        return
    try:
        ann = ann_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield Problem(ann_path, None, f"cannot be read ({exc})")
        return
    normalised = normalise_with_offsets(text_file.text)
    raw_text, text = text_file.text, normalised.text
    spans: dict[str, dict[str, Any]] = {}
    skipped: dict[str, int] = {}
    problems: list[Problem] = []
    lines = [(n, *line.partition("\t")[::2]) for n, line in enumerate(ann.split("\n"), start=1)
             if line.strip()]
    # Text-bound lines first: other lines may point at ones defined further down.
    for number, ident, rest in lines:
        if ident.startswith("T"):
            try:
                spans[ident] = _text_bound(rest, raw_text, normalised.map_offset)
            except (ValueError, IndexError) as exc:
                problems.append(Problem(ann_path, number, f"{ident}: {exc}"))
    for number, ident, rest in lines:
        kind = ident[:1]
        if kind == "T":
            continue
        try:
            what = _attach(kind, rest, spans)
        except (ValueError, IndexError) as exc:
            problems.append(Problem(ann_path, number, f"{ident}: {exc}"))
            continue
        if what:
            skipped[what] = skipped.get(what, 0) + 1
    if problems:
        yield from problems
        return
    warnings = tuple(Problem(ann_path, None, f"{n} {what} not imported (annotator keeps spans "
                                             "and their attributes)")
                     for what, n in skipped.items())
    try:
        record = DocumentRecord(
            text=text, title=text.split("\n", 1)[0].strip()[:200],
            meta={"file": txt_path.name},
            spans=tuple(Span(start=s["start"], end=s["end"], label=s["label"],
                             text=text[s["start"]:s["end"]], coder=options.coder,
                             origin="imported", attrs=s["attrs"]) for s in spans.values()),
        )
    except InvalidRecord as exc:
        yield Problem(ann_path, None, str(exc))
        return
    yield ReadDocument(record, ann_path, None, warnings)


def _attach(kind: str, rest: str, spans: dict[str, dict[str, Any]]) -> str | None:
    """Put an A, M, # or N line onto its span; say what was not kept, if anything."""
    if kind in ("A", "M"):
        fields = rest.split()
        if fields[1] not in spans:
            return "attributes of events or relations"
        spans[fields[1]]["attrs"][fields[0]] = fields[2] if len(fields) > 2 else True
        return None
    if kind == "#":
        head, _, note = rest.partition("\t")
        note_type, _, target = head.partition(" ")
        if target not in spans:
            return "notes on events or relations"
        key = "note" if note_type == "AnnotatorNotes" else note_type
        spans[target]["attrs"][key] = note.strip()  # brat pads some notes with a space
        return None
    if kind == "N":
        head, _, _name = rest.partition("\t")
        ref_type, target, reference = head.split(" ", 2)
        if target not in spans:
            return "normalisations of events or relations"
        spans[target]["attrs"][ref_type] = reference
        return None
    return {"E": "events", "R": "relations", "*": "equivalences"}.get(kind, f"{kind!r} lines")


def _text_bound(rest: str, raw_text: str, map_offset: Any) -> dict[str, Any]:
    head, _, covered = rest.partition("\t")
    label, _, offsets = head.partition(" ")
    pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
    start, end = pieces[0][0], pieces[-1][1]
    if not all(len(p) == 2 and 0 <= p[0] < p[1] for p in pieces):
        raise ValueError(f"offsets {offsets!r} are not start-end pairs")
    if end > len(raw_text):
        raise ValueError(f"points past the end of the text ({len(raw_text)} characters)")
    fragments = " ".join(raw_text[a:b] for a, b in pieces)
    if covered and fragments != covered:
        raise ValueError(f"the text there is {fragments!r}, not {covered!r}")
    return {"start": map_offset(start), "end": map_offset(end), "label": label, "attrs": {}}
