"""What the exchange formats share when they carry relations, document labels and links.

Writers report what they cannot write here, one kind per reason, so the loss
report says why (and ``--strict`` refuses); readers name a knowledge base the
same way whichever format the link came in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from annotator.formats.losses import LossReport, describe
from annotator.formats.safe_text import clipped

if TYPE_CHECKING:
    from annotator.core.model import CodedDocument, DocLabel, Relation, Span

_WIKIDATA = re.compile(r"Q[1-9][0-9]*")


def kb_of(entry: str, source: Any = None) -> str:
    """The knowledge base of an entry id: the one the file names, else Wikidata for
    ``Q123`` ids, else "KB" (a base the file does not name)."""
    if isinstance(source, str) and source.strip():
        return source.strip()
    return "Wikidata" if _WIKIDATA.fullmatch(entry) else "KB"


def is_text_list(value: Any) -> bool:
    """A non-empty list of strings: several choices."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def one_per_name(coded: CodedDocument, losses: LossReport, fmt: str) -> list[DocLabel]:
    """The document labels a format without coders can hold: one answer per question.
    Another coder's answer to the same question is reported, not merged."""
    kept: dict[str, DocLabel] = {}
    for label in sorted(coded.doc_labels, key=lambda d: (d.name, d.coder)):
        if label.name in kept:
            doc_label_lost(losses, fmt, coded, label,
                           f"another coder's answer to a question already written ({fmt} "
                           "holds one answer per document label, without its coder)")
        else:
            kept[label.name] = label
    return list(kept.values())


def doc_label_lost(losses: LossReport, fmt: str, coded: CodedDocument, label: DocLabel,
                   why: str) -> None:
    losses.add(f"document labels: {why}",
               f"{label.name}={label.value!r} by {label.coder} in document "
               f"{clipped(coded.document.uid)}")


def relation_lost(losses: LossReport, coded: CodedDocument, relation: Relation,
                  why: str) -> None:
    losses.add(f"relations: {why}", f"{relation.label} {relation.head} -> {relation.tail} "
                                     f"in document {clipped(coded.document.uid)}")


def relation_attrs_lost(losses: LossReport, fmt: str, coded: CodedDocument,
                        relation: Relation, attrs: dict[str, Any]) -> None:
    if attrs:
        losses.add(f"relation attributes ({fmt} relations hold only a label)",
                   f"{relation.label} {attrs} in document {clipped(coded.document.uid)}")


def span_lost(losses: LossReport, coded: CodedDocument, span: Span, kind: str,
              detail: str = "") -> None:
    doc = coded.document
    losses.add(kind, describe(doc.uid, doc.text, span.start, span.end, span.label)
               + (f" {detail}" if detail else ""))


def twins_lost(coded: CodedDocument, losses: LossReport, fmt: str) -> None:
    """Report spans with the offsets and label of another: formats that name a span by
    those (Prodigy's tasks, a DocBin's span group) give them back as one span."""
    seen: set[tuple[int, int, str]] = set()
    for span in coded.spans:
        key = (span.start, span.end, span.label)
        if key in seen:
            span_lost(coded=coded, losses=losses, span=span,
                      kind=f"spans repeating another's offsets and label, with their links, "
                           f"fragments and attributes ({fmt} gives them back as one span)")
        seen.add(key)
