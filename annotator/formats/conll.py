"""CoNLL-2003 style IOB2: ``token -X- _ TAG`` per line, sentences apart.

Reading takes the layouts peers write: two columns (token, tag) with or
without sentence breaks, CoNLL-2003's four columns with ``-DOCSTART-``, and
GermEval 2014's ``index token outer inner`` with ``#`` source lines (its inner
column holds nested entities). IOB1, IOB2 and BILUO tags are all understood.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annotator.core.dates import parse_date
from annotator.core.model import DocumentRecord, InvalidRecord, Span
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    brief,
    load_text,
)
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.losses import report_left_out
from annotator.formats.safe_text import clipped
from annotator.formats.tokens import align_spans, iob_tags, make_doc, without_overlaps

DOCSTART = "-DOCSTART- -X- O O"


def write(source: Source, path: Path, context: ExportContext) -> int:
    options = context.options
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for coded in source():
            doc = coded.document
            tokens = make_doc(doc.text, options.lang, sentences=True, notices=context.notices,
                              doc_uid=doc.uid)
            aligned = align_spans(tokens, coded.spans, options.align, doc.uid, context.losses)
            kept = without_overlaps(aligned, doc.uid, context.losses, "IOB tags")
            tags = iob_tags(tokens, kept)
            report_left_out(coded, context.losses, "CoNLL")
            out.write(DOCSTART + "\n\n")
            for sentence in tokens.sents:
                lines = [f"{_token(t.text, doc.uid, context)} -X- _ {tags[t.i]}"
                         for t in sentence if not t.is_space]
                if lines:
                    out.write("\n".join(lines) + "\n\n")
            count += 1
    return count


def _token(text: str, doc_uid: str, context: ExportContext) -> str:
    # CoNLL readers (ours, Hugging Face's conll2003) take a line starting with
    # -DOCSTART- for a document break and drop it; CoNLL has no escape.
    if not text.startswith("-DOCSTART-"):
        return text
    written = "_" + text[1:]
    context.losses.add("token that CoNLL readers take for a document break changed",
                       f"{text!r} written as {written!r} in document {clipped(doc_uid)}")
    return written


# -- reading ---------------------------------------------------------------------


class _Builder:
    """Collects tokens and tags of one document and turns them into text and spans."""

    def __init__(self, coder: str) -> None:
        self.coder = coder
        self.parts: list[str] = []
        self.length = 0
        self.sentence_open = False
        self.columns: list[list[tuple[int, int, str]]] = []  # per tag column: (start, end, tag)
        self.meta: dict[str, str] = {}

    def add(self, token: str, tags: list[str]) -> None:
        if self.sentence_open:
            self.parts.append(" ")
            self.length += 1
        start = self.length
        self.parts.append(token)
        self.length += len(token)
        self.sentence_open = True
        while len(self.columns) < len(tags):
            self.columns.append([])
        for column, tag in zip(self.columns, tags, strict=False):
            column.append((start, self.length, tag))

    def end_sentence(self) -> None:
        if self.sentence_open:
            self.parts.append("\n")
            self.length += 1
            self.sentence_open = False

    @property
    def empty(self) -> bool:
        return self.length == 0

    def record(self) -> DocumentRecord:
        text = "".join(self.parts).rstrip("\n")
        spans = [Span(start=s, end=e, label=label, text=text[s:e], coder=self.coder,
                      origin="imported")
                 for column in self.columns for s, e, label in decode_tags(column)]
        return DocumentRecord(text=text, spans=tuple(spans), source=self.meta.get("source"),
                              date=parse_date(self.meta.get("date", "")))


def decode_tags(tokens: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Entities from IOB1, IOB2 or BILUO tags, leniently: a stray I- starts one."""
    current: tuple[int, int, str] | None = None
    for start, end, tag in tokens:
        prefix, _, label = tag.partition("-")
        if tag == "O" or not label:
            if current:
                yield current
            current = None
            continue
        continues = prefix in ("I", "L") and current is not None and current[2] == label
        if continues and current is not None:
            current = (current[0], end, label)
        else:
            if current:
                yield current
            current = (start, end, label)
        if prefix in ("L", "U", "E", "S"):
            yield current
            current = None
    if current:
        yield current


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield loaded
        return
    builder = _Builder(options.coder)
    start_line = 1
    # A bad line refuses the document it is in; the next -DOCSTART- begins afresh.
    problem: Problem | None = None

    def finished(last_line: int) -> ReadItem | None:
        if problem is not None:
            return problem
        if builder.empty:
            return None
        damaged = loaded.damage_problem(path, start_line, last_line)
        return damaged or _finish(builder, path, start_line)

    lines = loaded.text.removeprefix("\ufeff").split("\n")
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        fields = line.split("\t") if "\t" in line else line.split()
        if line.startswith("-DOCSTART-") or (line.startswith("#") and "\t" in line[:2]):
            if item := finished(number - 1):
                yield item
            builder, start_line, problem = _Builder(options.coder), number, None
            if line.startswith("#"):
                source = line[1:].strip().split("\t")
                builder.meta = {"source": source[0], **({"date": source[1].strip("[]")}
                                                          if len(source) > 1 else {})}
            continue
        if problem is not None:
            continue  # the rest of a refused document
        if not fields:
            builder.end_sentence()
            continue
        if len(fields) == 1:
            problem = Problem(path, number, f"has a token but no tag: {brief(line)}")
            continue
        if len(fields) == 4 and fields[0].isdigit() and "\t" in line:
            token, tags = fields[1], fields[2:]  # GermEval: index, token, outer, inner
        else:
            token, tags = fields[0], fields[-1:]
        bad = [t for t in tags if t != "O" and t[:2] not in ("B-", "I-", "L-", "U-", "E-", "S-")]
        if bad:
            problem = Problem(path, number, f"tag {brief(bad[0])} is not O or B-/I-/L-/U- "
                                            "with a label")
            continue
        builder.add(token, tags)
    if item := finished(len(lines)):
        yield item


def _finish(builder: _Builder, path: Path, line: int) -> ReadItem:
    try:
        return ReadDocument(builder.record(), path, line)
    except InvalidRecord as exc:
        return Problem(path, line, str(exc))
