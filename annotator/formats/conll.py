"""CoNLL-2003 style IOB2: ``token -X- _ TAG`` per line, sentences apart.

Reading is in conll_read (column files), conll_u (CoNLL-U) and conll_tags (tag
schemes); this module writes, and names both readers for the registry.

Writing keeps what a re-import needs to give the same document back: the
sentences and tokens a CoNLL file came with (kept in the document's meta,
conll_text), one character a line for languages written without spaces. A span
is never split: sentences the tokeniser found inside a span are written as one.
What CoNLL cannot hold is reported: overlapping spans, the gaps of
discontinuous spans, relations, events, attributes, document labels, labels
with white space, and spacing between tokens that a re-import would not give
back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from annotator.core.model import CodedDocument
from annotator.formats import conll_read, conll_u
from annotator.formats.base import ReadItem, ReadOptions
from annotator.formats.conll_tags import decode_tags, iob2
from annotator.formats.conll_text import join
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.losses import LossReport, report_left_out
from annotator.formats.safe_text import clipped
from annotator.formats.tokens import Aligned, align_spans, make_doc, without_overlaps

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["DOCSTART", "decode_tags", "read", "read_conllu", "write"]

DOCSTART = "-DOCSTART- -X- O O"
SPACING = ("spacing between tokens (CoNLL holds tokens only: a re-import joins them with one "
           "space, a sentence a line)")
LABEL_SPACES = ("label with white space written with _ in its place (CoNLL columns are apart "
                "by white space; a re-import reads the label with _)")
SPLIT_TOKEN = "token with white space in it written as its words (the text is the same)"
JOINED = "sentences written as one so that no span is split across them"
_WHITE = re.compile(r"\s+")


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Documents of a CoNLL column file (IOB1/IOB2/BIOES/BILOU/BMES/IO tags)."""
    return conll_read.read(path, options)


def read_conllu(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Documents of a CoNLL-U file."""
    return conll_u.read(path, options)


def write(source: Source, path: Path, context: ExportContext) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for coded in source():
            _write_document(coded, out, context)
            count += 1
    return count


def _write_document(coded: CodedDocument, out: TextIO, context: ExportContext) -> None:
    doc = coded.document
    losses = context.losses
    tokens = make_doc(doc.text, context.options.lang, sentences=True, notices=context.notices,
                      doc_uid=doc.uid, meta=doc.meta)
    aligned = align_spans(tokens, coded.spans, context.options.align, doc.uid, losses)
    kept = without_overlaps(aligned, doc.uid, losses, "IOB tags")
    tags = iob2(len(tokens), [(a.token_span.start, a.token_span.end,
                               _label(a, doc.uid, losses)) for a in kept])
    # Attributes, events, relations, fragments, links, document labels.
    report_left_out(coded, losses, "CoNLL")
    sentences = _sentences(tokens, kept, doc.uid, context.notices)
    written: list[list[str]] = []
    out.write(DOCSTART + "\n\n")
    for first, last in sentences:
        rows: list[tuple[str, str]] = []
        for token in tokens[first:last]:
            if token.is_space:
                continue
            tag = tags[token.i]
            inside = "I-" + tag[2:] if tag != "O" else "O"
            # A token with white space in it (a kept source token, a no-break space)
            # is written as its words, the entity continuing over them.
            words = token.text.split()
            if len(words) > 1:
                context.notices.add(SPLIT_TOKEN, f"{token.text!r} in document {clipped(doc.uid)}")
            for number, word in enumerate(words):
                rows.append((word, tag if number == 0 else inside))
        if rows:
            written.append([word for word, _tag in rows])
            out.write("\n".join(f"{_token(word, doc.uid, context)} -X- _ {tag}"
                                for word, tag in rows) + "\n\n")
    _check_spacing(doc.text, written, doc.uid, losses)


def _label(item: Aligned, doc_uid: str, losses: LossReport) -> str:
    label = item.span.label
    safe = _WHITE.sub("_", label.strip()) or "_"
    if safe != label:
        losses.add(LABEL_SPACES, f"{label!r} written as {safe!r} in document {clipped(doc_uid)}")
    return safe


def _sentences(tokens: Doc, kept: list[Aligned], doc_uid: str,
               notices: LossReport) -> list[tuple[int, int]]:
    """Token ranges of the sentences, those a span runs across joined into one."""
    ranges = [(s.start, s.end) for s in tokens.sents]
    merged: list[tuple[int, int]] = []
    spans = sorted((a.token_span.start, a.token_span.end) for a in kept)
    index = 0
    for start, end in ranges:
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        crossing = index < len(spans) and spans[index][0] < start < spans[index][1]
        if merged and crossing:
            notices.add(JOINED, f"a span over {tokens[start - 1].text!r} | "
                                f"{tokens[start].text!r} in document {clipped(doc_uid)}")
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _check_spacing(text: str, written: list[list[str]], doc_uid: str, losses: LossReport) -> None:
    """A loss if a re-import of these tokens would not give the document's text back."""
    again = join(written).text
    if again == text:
        return
    at = next((i for i, (a, b) in enumerate(zip(text, again, strict=False)) if a != b),
              min(len(text), len(again)))
    losses.add(SPACING, f"{text[max(at - 15, 0):at + 15]!r} comes back as "
                        f"{again[max(at - 15, 0):at + 15]!r} in document {clipped(doc_uid)}")


def _token(text: str, doc_uid: str, context: ExportContext) -> str:
    # CoNLL readers (ours, Hugging Face's conll2003) take a line starting with
    # -DOCSTART- for a document break and drop it; CoNLL has no escape.
    if not text.startswith("-DOCSTART-"):
        return text
    written = "_" + text[1:]
    context.losses.add("token that CoNLL readers take for a document break changed",
                       f"{text!r} written as {written!r} in document {clipped(doc_uid)}")
    return written
