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
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.core.text import first_line
from annotator.formats.safe_text import clipped, printable

if TYPE_CHECKING:
    from annotator.core.model import CodedDocument, Document


# A document's details besides its text, each a field a format may have no place for.
DETAILS = ("title", "date", "source", "url", "meta", "notes", "flags")
# Meta an import writes of the file it reads (its name, the article's place in it and the
# kind of export it came in, the tokens the document came in, a Label Studio task's id,
# the document's language): made anew by every import, so not a detail an export carries
# or loses. The language is the file's own where it says one, else detected from the
# text (core/language.py). These keys are the importers' own (README, "Input formats").
READ_PROVENANCE = ("file", "position", "export", "tokenization", "ls_id", "language")


def _has(doc: Document, name: str) -> bool:
    """Whether ``doc`` has a ``name`` detail an export would have to carry."""
    value = getattr(doc, name)
    if name == "meta":
        return any(key not in READ_PROVENANCE for key in value)
    # A title that is the text's first line comes back from every reader, which makes
    # one so when a format has no title.
    if name == "title":
        return bool(value) and value != first_line(doc.text)
    return bool(value)


# Items kept per kind for the full list: past this, a count (a kind lost for every span
# of a million-document corpus must not hold all their names in memory).
EVERY_KEPT = 100_000


@dataclass
class LossReport:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    # The first coder an export met: a format without coders gives everything back to
    # one importing coder, so what other coders made is what it loses.
    first_coder: str | None = field(default=None, compare=False)
    # Texts written so far, for formats whose re-import tells documents by their text.
    texts: set[str] = field(default_factory=set, compare=False)
    # Every item of each kind (up to EVERY_KEPT), for a full list a coder works through
    # (`annotator export --report FILE`): each event a dataset's row lacks a field of.
    every: dict[str, list[str]] = field(default_factory=dict, compare=False)

    def add(self, kind: str, example: str, count: int = 1) -> None:
        self.counts[kind] += count
        if kind not in self.examples:
            self.examples[kind] = printable(example)
        kept = self.every.setdefault(kind, [])
        if len(kept) < EVERY_KEPT:
            kept.append(printable(example))

    def full_lines(self) -> list[str]:
        """Every item, one a line: its kind, a tab, the item; a kind with more items than
        were kept ends with how many more there are."""
        out = []
        for kind, count in self.counts.most_common():
            kept = self.every.get(kind, [])
            out += [f"{kind}\t{item}" for item in kept]
            if count > len(kept):
                out.append(f"{kind}\t… and {count - len(kept):,} more")
        return out

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
                    doc_labels: bool = True, coders: bool | Iterable[str] = True,
                    statuses: bool = True, ids: bool = True,
                    details: Iterable[str] = DETAILS) -> None:
    """Report what a format has no place for. Each flag says the format drops that kind
    (the default, so a writer that learns nothing of a new kind still reports it);
    a writer that carries a kind passes False. ``coders`` may name the kinds ("spans",
    "relations", "doc_labels", "events") whose coders the format drops; ``details``
    names the document details it drops."""
    doc = coded.document
    if ids:
        _report_ids(coded, losses, fmt)
    if coders:
        # Only what the format carries: what it drops is named as such, coder and all.
        kinds = {"spans", "relations", "doc_labels", "events"} if coders is True else set(coders)
        _report_coders(coded, losses, fmt, [
            *(coded.spans if "spans" in kinds else []),
            *(coded.relations if "relations" in kinds and not relations else []),
            *(coded.doc_labels if "doc_labels" in kinds and not doc_labels else []),
            *(coded.events if "events" in kinds and not events else [])])
    if statuses:
        for coder, status in sorted(coded.statuses.items()):
            if status != "todo":
                losses.add(f"document statuses ({fmt} has none: a re-import leaves each "
                           "document to do)", f"{status!r} of {coder} on document "
                           f"{clipped(doc.uid)}")
    lost = [name for name in details if _has(doc, name)]
    if lost:
        dropped = ", ".join(name for name in DETAILS if name in set(details))
        losses.add(f"document details ({fmt} has no place for a document's {dropped})",
                   f"{', '.join(lost)} of document {clipped(doc.uid)}", count=len(lost))
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


def _report_ids(coded: CodedDocument, losses: LossReport, fmt: str) -> None:
    """A format without document ids: a re-import names each document by a hash of its
    text, so an id of its own is lost, and of several documents with one text only the
    first comes back."""
    from annotator.storage.bulk import text_sha256

    doc = coded.document
    sha = text_sha256(doc.text)
    if doc.uid != sha[:16]:
        losses.add(f"document ids ({fmt} has no place for them: a re-import names each "
                   "document by its text)", f"document {clipped(doc.uid)}")
    if sha in losses.texts:
        losses.add(f"documents with the same text as another ({fmt} has no document id: a "
                   "re-import keeps the first)", f"document {clipped(doc.uid)}")
    losses.texts.add(sha)


def _report_coders(coded: CodedDocument, losses: LossReport, fmt: str,
                   carried: list[Any]) -> None:
    """Count what coders other than the first one met made: a re-import gives it all to
    the one coder who imports."""
    for made in carried:
        coder = made.coder
        if not coder:
            continue
        if losses.first_coder is None:
            losses.first_coder = coder
        elif coder != losses.first_coder:
            losses.add(f"coders ({fmt} has no place for who coded what: a re-import gives "
                       f"everything to one coder; here, made by others than "
                       f"{losses.first_coder})",
                       f"{type(made).__name__.lower()} of {coder} in document "
                       f"{clipped(coded.document.uid)}")
