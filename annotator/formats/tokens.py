"""Tokens for the formats that need them, from spaCy's rule-based tokeniser.

Only ``spacy.blank(lang)`` is used: no model is ever loaded or downloaded.
Character spans are mapped onto tokens with spaCy's own alignment modes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from annotator.core.model import Span
from annotator.formats.losses import LossReport, describe

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

Align = Literal["strict", "contract", "expand"]
ALIGN_MODES: tuple[Align, ...] = ("strict", "contract", "expand")


class UnknownLanguage(ValueError):
    pass


@lru_cache(maxsize=4)
def pipeline(lang: str) -> Language:
    """A blank pipeline for ``lang`` with a rule-based sentence splitter."""
    import spacy

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, OSError) as exc:
        raise UnknownLanguage(f"spaCy has no tokeniser for language {lang!r} ({exc})") from exc
    nlp.add_pipe("sentencizer")
    return nlp


def make_doc(text: str, lang: str, *, sentences: bool = False) -> Doc:
    nlp = pipeline(lang)
    doc = nlp.make_doc(text)
    if sentences:
        doc = nlp.get_pipe("sentencizer")(doc)
    return doc


@dataclass(frozen=True, slots=True)
class Aligned:
    span: Span
    token_span: SpacySpan


def align_spans(doc: Doc, spans: Sequence[Span], mode: Align, doc_uid: str,
                losses: LossReport) -> list[Aligned]:
    """Spans as token spans; those that cannot be aligned, or moved, are reported."""
    aligned = []
    for span in spans:
        token_span = doc.char_span(span.start, span.end, label=span.label, alignment_mode=mode)
        if token_span is None or len(token_span) == 0:
            losses.add(f"span not on token boundaries, left out (--align {mode})",
                       _example(doc_uid, span))
            continue
        if (token_span.start_char, token_span.end_char) != (span.start, span.end):
            losses.add(f"span moved to token boundaries (--align {mode})",
                       f"{_example(doc_uid, span)} became {token_span.text!r}")
        aligned.append(Aligned(span, token_span))
    return aligned


def _example(doc_uid: str, span: Span) -> str:
    # From the span's own text: spaCy's doc.text rebuilds the whole text per call.
    return describe(doc_uid, span.text, 0, len(span.text), span.label).replace(
        f"at 0-{len(span.text)}", f"at {span.start}-{span.end}")


def without_overlaps(aligned: Sequence[Aligned], doc_uid: str, losses: LossReport,
                     where: str) -> list[Aligned]:
    """Keep the longest of overlapping spans (spaCy's rule); report the others."""
    from spacy.util import filter_spans

    kept_ids = {id(s) for s in filter_spans([a.token_span for a in aligned])}
    kept = []
    for item in aligned:
        if id(item.token_span) in kept_ids:
            kept.append(item)
        else:
            losses.add(f"overlapping span left out of {where}", _example(doc_uid, item.span))
    return sorted(kept, key=lambda a: a.token_span.start)


def iob_tags(doc: Doc, aligned: Sequence[Aligned]) -> list[str]:
    """IOB2 tags for every token of ``doc`` from non-overlapping spans."""
    tags = ["O"] * len(doc)
    for item in aligned:
        token_span = item.token_span
        tags[token_span.start] = f"B-{item.span.label}"
        for i in range(token_span.start + 1, token_span.end):
            tags[i] = f"I-{item.span.label}"
    return tags
