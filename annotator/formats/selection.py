"""Which documents and spans an export takes, and how it splits them."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from annotator.core.language import detect, language_of, normalise
from annotator.core.model import CodedDocument, overall_status
from annotator.formats.tokens import Align
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus

SPLIT_NAMES = ("train", "dev", "test")


class BadOption(ValueError):
    """An export option that cannot be honoured; the message says why."""


@dataclass
class LeftOut:
    """How many documents the language filter left out of the last full reading of the
    selection: those in another language and those whose language is not known. Each
    split file reads the whole selection again, so the count starts anew each time
    rather than adding up."""

    other_language: int = 0
    no_language: int = 0

    def __bool__(self) -> bool:
        return bool(self.other_language or self.no_language)

    def line(self, languages: Sequence[str]) -> str:
        unknown = (f", {self.no_language} of them of no known language"
                   if self.no_language else "")
        return (f"left out {self.other_language + self.no_language} documents for their "
                f"language (not {', '.join(languages)}){unknown}")


@dataclass(frozen=True)
class ExportOptions:
    status: str | None = None
    coder: str | None = None
    labels: tuple[str, ...] | None = None
    split: tuple[int, ...] | None = None
    seed: int = 0
    align: Align = "expand"
    strict: bool = False
    lang: str = "auto"  # tokens.AUTO: each document's language, else "en"
    spans_key: str = "sc"
    include_suggestions: bool = False
    # Formats that list their labels (Hugging Face's tag names, brat's annotation.conf)
    # list those the export uses; this lists every label of the codebook.
    all_labels: bool = False
    # Only documents in these languages (ISO 639-1 codes, from parse_languages); a
    # document whose language is not known is left out too.
    languages: tuple[str, ...] | None = None
    # Filled in as the selection is read: what the language filter left out.
    left_out: LeftOut = field(default_factory=LeftOut, compare=False)


def parse_split(value: str) -> tuple[int, ...]:
    """``80/10/10`` as (80, 10, 10): two or three whole parts adding up to 100."""
    try:
        parts = tuple(int(p) for p in value.split("/"))
    except ValueError:
        raise BadOption(f"--split {value!r}: write it as parts like 80/10/10") from None
    if not 2 <= len(parts) <= 3 or any(p < 0 for p in parts) or sum(parts) != 100:
        raise BadOption(f"--split {value!r}: two or three parts that add up to 100")
    return parts


def parse_languages(value: str) -> tuple[str, ...]:
    """``en,fr`` (or ``English, French``) as ISO 639-1 codes; BadOption for a value that
    names no language (the window passes no value for every language)."""
    wanted = [piece.strip() for piece in value.split(",") if piece.strip()]
    codes = []
    for piece in wanted:
        code = normalise(piece)
        if code is None:
            raise BadOption(f"--language {value!r}: {piece!r} is not a language; give ISO "
                            "639-1 codes such as en,fr")
        codes.append(code)
    if not codes:  # "" or ",": a filter that names no language keeps nothing
        raise BadOption(f"--language {value!r}: names no language; give ISO 639-1 codes "
                        "such as en,fr")
    return tuple(dict.fromkeys(codes))


def selected(corpus: Corpus, options: ExportOptions) -> Iterator[CodedDocument]:
    """Documents and spans that pass the status, coder, language and label filters."""
    wanted_labels = set(options.labels) if options.labels else None
    left_out = options.left_out
    left_out.other_language = left_out.no_language = 0
    for coded in iter_documents(corpus, coder=options.coder):
        if options.status is not None:
            status = (coded.statuses.get(options.coder, "todo") if options.coder
                      else overall_status(coded.statuses))
            if status != options.status:
                continue
        if options.languages is not None:
            # A document stored before languages were read (or whose file said none it
            # could be read by) is read now, as an import would have.
            language = language_of(coded.document.meta) or detect(coded.document.text)
            if language not in options.languages:
                if language is None:
                    left_out.no_language += 1
                else:
                    left_out.other_language += 1
                continue
        if wanted_labels is not None or not options.include_suggestions:
            coded = replace(coded, spans=[
                s for s in coded.spans
                if (wanted_labels is None or s.label in wanted_labels)
                and (options.include_suggestions or s.origin != "suggested")])
            kept = {s.uid for s in coded.spans}
            coded.events = [replace(e, members=tuple(m for m in e.members if m.span_uid in kept))
                            for e in coded.events]
            # A relation goes with its spans: one whose end is not exported is not either.
            coded.relations = [r for r in coded.relations if r.head in kept and r.tail in kept]
        yield coded


def assign_splits(uids: Sequence[str], parts: tuple[int, ...], seed: int) -> dict[str, str]:
    """Each document uid's split: shuffled with ``seed``, cut by the given shares."""
    order = sorted(uids)
    random.Random(seed).shuffle(order)
    cuts, total = [], 0
    for share in parts[:-1]:
        total += share
        cuts.append(round(len(order) * total / 100))
    assignment = {}
    for index, uid in enumerate(order):
        name = SPLIT_NAMES[sum(1 for cut in cuts if index >= cut)]
        assignment[uid] = name
    return assignment
