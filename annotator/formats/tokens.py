"""Tokens for the formats that need them, from spaCy's rule-based tokeniser.

Only ``spacy.blank(lang)`` is used: no model is ever loaded or downloaded.
Character spans are mapped onto tokens with spaCy's own alignment modes.

Which tokens a document gets (``make_doc``), first rule that applies:

1. the tokens and sentences its source file had, kept in ``meta`` by the
   CoNLL readers (conll_text), so an export gives back what was read;
2. ``lang`` when given (``--lang``), for every document;
3. with ``lang="auto"``: the document's ``meta`` ``lang``/``language``; else its
   script: text mostly in scripts written without spaces (Chinese, Japanese,
   Thai, ...) is one token a character, as spaCy's Chinese tokeniser does by
   default (its Japanese and Thai ones need libraries we do not install); any
   other text gets the English tokeniser, as before there was a choice.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) to keep a
parser's memory in check; a tokeniser-only pipeline needs about 100 bytes a
character, so the limit is lifted here. Its tokeniser takes time quadratic in
the length of a run without white space that it keeps peeling affixes off
(40,000 closing brackets: over two minutes), so such runs are cut into
pieces of ``LONGEST_RUN`` characters first, and the export says so.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from annotator.core.language import normalise
from annotator.core.model import Span
from annotator.formats.conll_text import no_space_share, rule_offsets, sentences_are_lines, stored_tokens
from annotator.formats.losses import LossReport, describe
from annotator.formats.safe_text import clipped

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

Align = Literal["strict", "contract", "expand"]
ALIGN_MODES: tuple[Align, ...] = ("strict", "contract", "expand")


# Longer runs without white space are cut into pieces this long. URLs and
# hashtags stay whole; a run of punctuation costs at most ~4 ms a piece.
LONGEST_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{LONGEST_RUN + 1},}}")
RUN_CUT = (f"run of over {LONGEST_RUN} characters without a space tokenised in pieces of "
           f"{LONGEST_RUN} (whole, spaCy's tokeniser would take hours)")


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
    # Only the tokeniser and the sentencizer run, and they need no more memory
    # per character for a long text than for a short one.
    nlp.max_length = sys.maxsize
    return nlp


AUTO = "auto"
# Tokens a character, for text in scripts written without spaces.
CHARACTERS = "characters"
# Languages whose words are not apart by spaces: one token a character.
_CHARACTER_LANGUAGES = {"zh", "ja", "th", "lo", "km", "my", "bo"}
FALLBACK_LANGUAGE = "en"
BY_CHARACTER = ("tokenised one character a token (text in a script written without spaces; "
                "--lang overrides)")


def tokeniser_for(text: str, lang: str, meta: Mapping[str, Any] | None = None) -> str:
    """The tokeniser of one document: a spaCy language code, or CHARACTERS."""
    if lang != AUTO:
        return CHARACTERS if lang == CHARACTERS else lang
    for key in ("lang", "language"):
        told = (meta or {}).get(key)
        if isinstance(told, str) and told.strip():
            # A file's own words ("ENGLISH", "Français") as a code; a tag as its language.
            code = normalise(told) or told.strip().lower().replace("_", "-").split("-")[0]
            if code in _CHARACTER_LANGUAGES:
                return CHARACTERS
            if _known(code):
                return code
    # A sample is enough to tell a script; the whole of a long text costs time.
    return CHARACTERS if no_space_share(text[:20000]) >= 0.5 else FALLBACK_LANGUAGE


def check_language(lang: str) -> None:
    """UnknownLanguage now if ``lang`` (as given to --lang) has no tokeniser."""
    if lang not in (AUTO, CHARACTERS):
        pipeline(lang)


@lru_cache(maxsize=64)
def _known(code: str) -> bool:
    try:
        pipeline(code)
    except UnknownLanguage:
        return False
    return True


def make_doc(text: str, lang: str, *, sentences: bool = False,
             notices: LossReport | None = None, doc_uid: str = "",
             meta: Mapping[str, Any] | None = None) -> Doc:
    """``text`` as spaCy tokens, whatever its length; ``notices`` hears of cut runs.

    ``meta`` is the document's: the tokens its source had, or its language."""
    kept = stored_tokens(text, meta)
    if kept is not None:
        lines = sentences and sentences_are_lines(meta)
        doc = doc_from_offsets(text, kept, sentence_lines=lines)
        if sentences and not lines:
            doc = pipeline("xx").get_pipe("sentencizer")(doc)
        return doc
    chosen = tokeniser_for(text, lang, meta)
    if chosen == CHARACTERS:
        if notices is not None and lang == AUTO:
            notices.add(BY_CHARACTER, f"document {clipped(doc_uid)}")
        doc = doc_from_offsets(text, rule_offsets(text, CHARACTERS))
        return pipeline("xx").get_pipe("sentencizer")(doc) if sentences else doc
    nlp = pipeline(chosen)
    cuts = list(_cuts(text))
    if not cuts:
        doc = nlp.make_doc(text)
    else:
        from spacy.tokens import Doc

        if notices is not None:
            for start, end in _long_runs(text):
                notices.add(RUN_CUT, f"{text[start:start + 40]!r}… ({end - start} characters) "
                                    f"at {start} in document {clipped(doc_uid)}")
        bounds = [0, *cuts, len(text)]
        # Each piece is tokenised on its own; joined, their texts are the text
        # again (no space added), so every character offset stays as it was.
        doc = Doc.from_docs([nlp.make_doc(text[a:b]) for a, b in itertools.pairwise(bounds)],
                            ensure_whitespace=False)
    if sentences:
        doc = nlp.get_pipe("sentencizer")(doc)
    return doc


def doc_from_offsets(text: str, offsets: Sequence[tuple[int, int]], *,
                     sentence_lines: bool = False) -> Doc:
    """A Doc of ``text`` with these tokens; white space between them as spaCy keeps it
    (one space after a token, longer white space as a token of its own). With
    ``sentence_lines``, each line is a sentence (given to the Doc whole: set token by
    token, spaCy checks the whole Doc each time)."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    line_break = True

    def gap(between: str) -> None:
        nonlocal line_break
        if not between:
            return
        if between.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            between = between[1:]
        if between:
            words.append(between)
            spaces.append(False)
            starts.append(len(words) == 1)
        line_break = line_break or "\n" in between

    previous = 0
    for start, end in offsets:
        gap(text[previous:start])
        words.append(text[start:end])
        spaces.append(False)
        starts.append(line_break or len(words) == 1)
        line_break = False
        previous = end
    gap(text[previous:])
    return Doc(pipeline("xx").vocab, words=words, spaces=spaces,
               sent_starts=starts if sentence_lines else None)


def _long_runs(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _LONG_RUN.finditer(text)]


def _cuts(text: str) -> list[int]:
    """Where to cut ``text`` so no piece holds more than LONGEST_RUN of one long run."""
    return [position for start, end in _long_runs(text)
            for position in range(start + LONGEST_RUN, end, LONGEST_RUN)]


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
