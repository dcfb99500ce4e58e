"""What an export could not carry: counted per kind, with one example each.

No export drops anything in silence: every writer reports here, the CLI and
the window print the report, and ``--strict`` turns any loss into an error.
The same record also lists what an export changed without losing it (cells
neutralised for spreadsheets), which ``--strict`` lets pass.

Examples quote corpus text, which may come from any imported file: they are
printed with control characters escaped and their length bounded, so a
report cannot drive the terminal that shows it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.formats.safe_text import clipped, printable

if TYPE_CHECKING:
    from annotator.core.model import CodedDocument


@dataclass
class LossReport:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, example: str, count: int = 1) -> None:
        self.counts[kind] += count
        if kind not in self.examples:
            self.examples[kind] = printable(example)

    def __bool__(self) -> bool:
        return bool(self.counts)

    def lines(self) -> list[str]:
        return [f"{count} × {kind} (e.g. {self.examples[kind]})"
                for kind, count in self.counts.most_common()]


def describe(doc_uid: str, text: str, start: int, end: int, label: str) -> str:
    """A span as a loss example: where it is and what it says."""
    shown = text[start:end]
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return f"{label} {shown!r} at {start}-{end} in document {clipped(doc_uid)}"


def report_left_out(coded: CodedDocument, losses: LossReport, fmt: str, *,
                    attributes: bool = True, events: bool = True, relations: bool = True,
                    fragments: bool = True, links: bool = True,
                    doc_labels: bool = True) -> None:
    """Report what a format has no place for. Each flag says the format drops that kind
    (the default, so a writer that learns nothing of a new kind still reports it);
    a writer that carries a kind passes False."""
    doc = coded.document
    if attributes:
        for span in coded.spans:
            if span.attrs:
                losses.add(f"span attributes ({fmt} spans hold only a label)",
                           describe(doc.uid, doc.text, span.start, span.end, span.label)
                           + f" {dict(span.attrs)}")
    if events:
        for event in coded.events:
            losses.add(f"events ({fmt} has no place for them: export jsonl, brat or "
                       "events-csv)", f"{event.type} event {event.uid} in document {clipped(doc.uid)}")
    if fragments:
        for span in coded.spans:
            if span.fragments:
                losses.add(f"discontinuous spans written as one stretch, gaps included ({fmt} "
                           "spans are one range)",
                           describe(doc.uid, doc.text, span.start, span.end, span.label)
                           + " pieces " + ", ".join(f"{a}-{b}" for a, b in span.fragments))
    if links:
        for span in coded.spans:
            if span.links:
                losses.add(f"knowledge-base links of spans ({fmt} has no place for them)",
                           describe(doc.uid, doc.text, span.start, span.end, span.label)
                           + " " + ", ".join(f"{link.kb}:{link.id}" for link in span.links),
                           count=len(span.links))
    if relations:
        for relation in coded.relations:
            losses.add(f"relations ({fmt} has no place for them: export jsonl, brat, doccano, "
                       "Label Studio or Prodigy)",
                       f"{relation.label} {relation.head} -> {relation.tail} in document "
                       f"{clipped(doc.uid)}")
    if doc_labels:
        for label in coded.doc_labels:
            losses.add(f"document labels ({fmt} has no place for them)",
                       f"{label.name}={label.value!r} by {label.coder} in document "
                       f"{clipped(doc.uid)}")
