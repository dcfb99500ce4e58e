"""The tokens an export gives one document, looked up near a few characters.

Selections snap to these tokens (core.snap), so a span tagged in the window is
token-aligned in every export. They are the tokens ``tokens.make_doc`` makes of
the whole document, with the same choice of tokeniser (the source's own tokens,
one token a character, or spaCy's for the document's language), but only the
stretch around the asked range is tokenised: spaCy's tokeniser splits the text
at white space first and never looks across it, and ``make_doc`` cuts a long run
without white space into pieces of ``LONGEST_RUN`` counted from the run's start,
so the runs that hold a range, or the pieces of a long one, give the same tokens
alone as in the whole text.

Loading spaCy takes a second or so; ``warm_up`` does it on a thread of its own
while the coder reads, so the first selection does not wait for it.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from functools import cache
from typing import Any

from annotator.formats.conll_text import stored_tokens
from annotator.formats.tokens import (
    AUTO,
    CHARACTERS,
    LONGEST_RUN,
    UnknownLanguage,
    make_doc,
    tokeniser_for,
)

# One at a time: spaCy's pipelines are made once (tokens.pipeline is cached), and
# two threads making the first one would each load it.
_LOADING = threading.Lock()
# The last white space before a place: a greedy match up to it.
_UP_TO_SPACE = re.compile(r".*\s", re.DOTALL)
_SPACE = re.compile(r"\s")
# Where spaCy cannot be loaded: words and single other characters, so a selection
# still snaps to whole words (exports could not tokenise that text either).
_PLAIN = "plain"


def _mark_ranges() -> str:
    """Every combining mark (Unicode category M: a decomposed "ä", Arabic vowel signs,
    Devanagari signs) as a character class: they belong to the word they are on."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)).startswith("M"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


@cache
def _plain_tokens() -> re.Pattern[str]:
    """Words (marks included) and single other characters; made on first use (reading
    the Unicode tables takes a fifth of a second), only where spaCy is missing."""
    return re.compile(rf"[\w{_mark_ranges()}]+|[^\w\s]")
_BACK_STEP = 4096


class ExportTokens:
    """A ``core.snap.TokenFinder`` for one document's text."""

    def __init__(self, text: str, meta: Mapping[str, Any] | None = None,
                 lang: str = AUTO) -> None:
        self._text = text
        self._meta = dict(meta or {})
        self._lang = lang
        self._chosen: str | None = None  # a spaCy language, or CHARACTERS
        self._kept: list[tuple[int, int]] | None = None
        self._kept_starts: list[int] = []
        self._resolved = False

    def _resolve(self) -> None:
        with _LOADING:
            if self._resolved:
                return
            kept = stored_tokens(self._text, self._meta)
            if kept is not None:
                self._kept, self._kept_starts = kept, [start for start, _ in kept]
            else:
                try:
                    self._chosen = tokeniser_for(self._text, self._lang, self._meta)
                    if self._chosen != CHARACTERS:
                        make_doc("", self._chosen)  # the pipeline, loaded now
                except UnknownLanguage:
                    self._chosen = _PLAIN
            self._resolved = True

    def warm_up(self) -> threading.Thread:
        """Choose the tokeniser and load it on a thread of its own; the thread is
        returned (a daemon: closing the window does not wait for it)."""
        thread = threading.Thread(target=self._resolve, name="tokeniser", daemon=True)
        thread.start()
        return thread

    @property
    def ready(self) -> bool:
        return self._resolved

    def __call__(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """The tokens of ``text`` (this document's) overlapping ``lo:hi``, white space
        left out, in reading order."""
        if text is not self._text and text != self._text:
            raise ValueError("these tokens are of another text")
        lo, hi = max(0, lo), min(len(text), hi)
        if lo >= hi:
            return []
        self._resolve()
        if self._kept is not None:
            first = max(0, bisect_right(self._kept_starts, lo) - 1)
            last = bisect_left(self._kept_starts, hi)
            return [t for t in self._kept[first:last] if t[1] > lo]
        if self._chosen == CHARACTERS:
            return [(i, i + 1) for i in range(lo, hi) if not text[i].isspace()]
        if self._chosen == _PLAIN:
            begin = lo if text[lo].isspace() else self._run_start(lo)
            finish = hi if text[hi - 1].isspace() else self._run_end(hi - 1)
            return [m.span() for m in _plain_tokens().finditer(text, begin, finish)
                    if m.start() < hi and m.end() > lo]
        begin = lo if text[lo].isspace() else self._piece(lo)[0]
        finish = hi if text[hi - 1].isspace() else self._piece(hi - 1)[1]
        assert self._chosen is not None
        doc = make_doc(text[begin:finish], self._chosen)
        return [(begin + token.idx, begin + token.idx + len(token.text)) for token in doc
                if not token.is_space and begin + token.idx < hi
                and begin + token.idx + len(token.text) > lo]

    def _piece(self, at: int) -> tuple[int, int]:
        """The piece ``make_doc`` tokenises on its own that holds the character at
        ``at`` (not white space): its run without white space, or the piece of a
        long run."""
        run_start, run_end = self._run_start(at), self._run_end(at)
        if run_end - run_start <= LONGEST_RUN:
            return run_start, run_end
        start = run_start + (at - run_start) // LONGEST_RUN * LONGEST_RUN
        return start, min(run_end, start + LONGEST_RUN)

    def _run_start(self, at: int) -> int:
        low = at
        while low > 0:
            low = max(0, low - _BACK_STEP)
            found = _UP_TO_SPACE.match(self._text, low, at)
            if found is not None:
                return found.end()
        return 0

    def _run_end(self, at: int) -> int:
        found = _SPACE.search(self._text, at)
        return found.start() if found is not None else len(self._text)
