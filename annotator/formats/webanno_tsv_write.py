"""Writing WebAnno TSV 3.3: a folder with one ``.tsv`` a document.

Spans are ``NamedEntity`` (``value`` = label, ``identifier`` = a knowledge-base
link), relations ``webanno.custom.Relation`` (``label``), as in the XMI export;
INCEpTION imports the file into a project that has those layers.

Tokens are the document's own (kept from a CoNLL or XMI source) or words and
punctuation; a span edge inside a token is written as a sub-token (``1-3.1``).
Sentences are chosen so that INCEpTION's reader rebuilds the text exactly: one
ends just before a line feed (or where the next begins), and sentences with only
spaces between them are written as one. What TSV cannot hold is reported:
attributes, fragments (the hull is written), links beyond one ``kb:id``, relation
attributes, document labels, events, span edges in white space, and white space
other than spaces before the first word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator.core.model import CodedDocument, Span
from annotator.formats.conll_text import stored_tokens
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.file_names import FileNames
from annotator.formats.inception_values import carried, escape_text, escape_value, identifier_of
from annotator.formats.losses import LossReport, describe, report_left_out
from annotator.formats.safe_text import clipped
from annotator.formats.xmi_types import NAMED_ENTITY, RELATION

HEADER = "#FORMAT=WebAnno TSV 3.3"
FMT = "WebAnno TSV"
_WORDS = re.compile(r"\w+|[^\w\s]")


def write(source: Source, path: Path, context: ExportContext) -> int:
    path.mkdir(parents=True, exist_ok=True)
    names = FileNames()
    count = 0
    for coded in source():
        content = document_tsv(coded, context.losses)
        if content is None:
            continue
        (path / f"{names.stem(coded.document.uid)}.tsv").write_text(
            content, encoding="utf-8", newline="\n")
        count += 1
    return count


def document_tsv(coded: CodedDocument, losses: LossReport) -> str | None:
    """One document as WebAnno TSV 3.3, losses reported; None if it has no word."""
    doc = coded.document
    text = doc.text
    report_left_out(coded, losses, FMT, relations=False, links=False)
    tokens = _tokens(text, doc.meta)
    if not tokens:
        losses.add(f"documents with no word left out ({FMT} needs a token)",
                   f"document {clipped(doc.uid)}")
        return None
    if text[:tokens[0][0]].strip(" "):
        losses.add(f"white space before the first word written as spaces ({FMT} starts a "
                   "document at its first token)", f"document {clipped(doc.uid)}")
    spans, ranges = _placed_spans(coded, losses)
    units = _units(tokens, ranges)
    ids = _ids(units)
    all_rows = {row for rows in units for row in rows}
    sentences = _sentences(text, tokens, doc.meta)
    utf16 = _utf16_offsets(text)
    rows: dict[tuple[int, int], str] = {}  # unit -> its id ("1-2" or "1-2.1")
    order: list[list[tuple[int, int]]] = []
    for number, (first, last) in enumerate(sentences, start=1):
        block: list[tuple[int, int]] = []
        for index in range(first, last):
            token = tokens[index]
            rows[token] = f"{number}-{index - first + 1}"
            block.append(token)
            subs = sorted(u for u in all_rows
                          if u != token and token[0] <= u[0] and u[1] <= token[1])
            for sub, unit in enumerate(subs, start=1):
                rows[unit] = f"{rows[token]}.{sub}"
                block.append(unit)
        order.append(block)
    by_unit: dict[tuple[int, int], list[int]] = {}
    for index, span_units in enumerate(units):
        for unit in span_units:
            by_unit.setdefault(unit, []).append(index)
    relations = _relations(coded, spans, losses)
    out = [HEADER, f"#T_SP={NAMED_ENTITY}|identifier|value"]
    if relations:
        out.append(f"#T_RL={RELATION}|label|BT_{NAMED_ENTITY}")
    out.append("")
    for number, ((first, _), block) in enumerate(zip(sentences, order, strict=True)):
        start = tokens[first][0]
        body = text[start:]
        if number + 1 < len(sentences):
            # Up to the last line feed before the next sentence: the reader puts that
            # line feed back, and spaces after it up to the next sentence's first token.
            body = text[start:tokens[sentences[number + 1][0]][0]]
            body = body[:body.rfind("\n")]
        out.append("")
        out += [f"#Text={escape_text(line)}" for line in body.split("\n")]
        for unit in block:
            cells = [rows[unit], f"{utf16[unit[0]]}-{utf16[unit[1]]}", text[unit[0]:unit[1]]]
            here = by_unit.get(unit, [])
            cells.append("|".join(_identifier(spans[i]) + _id(ids, i) for i in here) or "_")
            cells.append("|".join(escape_value(spans[i].label) + _id(ids, i) for i in here)
                         or "_")
            if relations:
                arcs = [r for r in relations if units[r[1]][0] == unit]  # on the tail
                cells.append("|".join(escape_value(label) for _, _, label in arcs) or "_")
                cells.append("|".join(_ref(rows, units, ids, head, tail)
                                      for head, tail, _ in arcs) or "_")
            out.append("\t".join(cells) + "\t")
    return "\n".join(out) + "\n"


def _tokens(text: str, meta: Mapping[str, Any]) -> list[tuple[int, int]]:
    """The source's tokens where they cover every word, else words and punctuation."""
    kept = stored_tokens(text, meta)
    if kept:
        covered = sum(b - a for a, b in kept)
        if covered == sum(1 for c in text if not c.isspace()):
            return kept
    return [m.span() for m in _WORDS.finditer(text)]


def _placed_spans(coded: CodedDocument, losses: LossReport,
                  ) -> tuple[list[Span], list[tuple[int, int]]]:
    """The spans written and their ranges: the hull, edges in white space moved onto words."""
    doc = coded.document
    spans: list[Span] = []
    ranges: list[tuple[int, int]] = []
    for span in coded.spans:
        where = describe(doc.uid, doc.text, span.start, span.end, span.label)
        start, end = span.start, span.end
        while start < end and doc.text[start].isspace():
            start += 1
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        if start == end:
            losses.add(f"spans of only white space left out ({FMT} cannot address the space "
                       "between tokens)", where)
            continue
        if (start, end) != (span.start, span.end):
            losses.add(f"span edges in white space moved onto the words ({FMT} cannot address "
                       "the space between tokens)", where)
        if len(span.links) > 1 or (span.links and not carried(span.links[0])):
            losses.add(f"knowledge-base links beyond one kb:id without a name ({FMT} has one "
                       "identifier a span)", where + " " + ", ".join(
                           f"{link.kb}:{link.id}" for link in span.links))
        spans.append(span)
        ranges.append((start, end))
    return spans, ranges


def _units(tokens: list[tuple[int, int]], ranges: list[tuple[int, int]],
           ) -> list[list[tuple[int, int]]]:
    """The rows each span is written on: whole tokens, or the part of a token it covers."""
    from bisect import bisect_right

    starts = [a for a, _ in tokens]
    out: list[list[tuple[int, int]]] = []
    for start, end in ranges:
        rows = []
        index = max(bisect_right(starts, start) - 1, 0)
        while index < len(tokens) and tokens[index][0] < end:
            a, b = tokens[index]
            if b > start:
                rows.append((max(a, start), min(b, end)))
            index += 1
        out.append(rows)
    return out


def _ids(units: list[list[tuple[int, int]]]) -> dict[int, int]:
    """Disambiguation ids: for spans over several rows or stacked on one."""
    stacked: dict[tuple[int, int], int] = {}
    for rows in units:
        for row in rows:
            stacked[row] = stacked.get(row, 0) + 1
    ids: dict[int, int] = {}
    for index, rows in enumerate(units):
        if len(rows) > 1 or any(stacked[row] > 1 for row in rows):
            ids[index] = len(ids) + 1
    return ids


def _id(ids: dict[int, int], index: int) -> str:
    return f"[{ids[index]}]" if index in ids else ""


def _identifier(span: Span) -> str:
    return escape_value(identifier_of(span.links[0])) if span.links else "*"


def _relations(coded: CodedDocument, spans: list[Span], losses: LossReport,
               ) -> list[tuple[int, int, str]]:
    """(head index, tail index, label) of the relations whose two spans are written."""
    index = {span.uid: i for i, span in enumerate(spans)}
    out = []
    for relation in coded.relations:
        where = f"{relation.label} {relation.head} -> {relation.tail} in document " \
                f"{clipped(coded.document.uid)}"
        if relation.head not in index or relation.tail not in index:
            losses.add("relations left out with a span they link", where)
            continue
        if relation.attrs:
            losses.add(f"relation attributes ({FMT} relations hold only a label)",
                       where + f" {dict(relation.attrs)}")
        out.append((index[relation.head], index[relation.tail], relation.label))
    return out


def _ref(rows: dict[tuple[int, int], str], units: list[list[tuple[int, int]]],
         ids: dict[int, int], head: int, tail: int) -> str:
    source = rows[units[head][0]]  # the governor's first row
    if head in ids or tail in ids:
        return f"{source}[{ids.get(head, 0)}_{ids.get(tail, 0)}]"
    return source


def _sentences(text: str, tokens: list[tuple[int, int]], meta: Mapping[str, Any],
               ) -> list[tuple[int, int]]:
    """Sentences as token index ranges: a line of text each, joined where the text
    between two has no line feed INCEpTION's reader could put back."""
    groups: list[list[int]] = []
    previous_end = -1
    for index, (start, _) in enumerate(tokens):
        if not groups or "\n" in text[previous_end:start]:
            groups.append([index, index + 1])
        else:
            groups[-1][1] = index + 1
        previous_end = tokens[index][1]
    merged: list[tuple[int, int]] = []
    for first, last in groups:
        if merged:
            gap = text[tokens[merged[-1][1] - 1][1]:tokens[first][0]]
            tail = gap[gap.rfind("\n") + 1:]
            if "\n" not in gap or tail.strip(" "):
                merged[-1] = (merged[-1][0], last)  # no line feed with only spaces after it
                continue
        merged.append((first, last))
    return merged


def _utf16_offsets(text: str) -> list[int]:
    """UTF-16 offset of each code point offset (and of the end)."""
    out = [0]
    for char in text:
        out.append(out[-1] + (2 if ord(char) > 0xFFFF else 1))
    return out
