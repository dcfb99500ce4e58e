"""Where a coder's selection really starts and ends: whole tokens, no sentence punctuation.

A drag over "Ain al-Assad airbase." up to the end of the sentence means the base,
not its full stop; a drag that starts in the middle of "Assad" means the word. So
a selection grows to the whole tokens it touches (the tokens exports write, so a
tagged span is always token-aligned there) and then drops tokens of sentence
punctuation, quotes, brackets and dashes at either edge. Punctuation inside the
span stays ("al-Assad", "(IS) fighters"), and so does a bracket or quote whose
partner is inside it ("Islamic State (IS)"); tokens such as "U.S." and "Mr." are
kept whole because the tokeniser keeps them whole.

The rule only asks for the tokens near the selection's two edges, so a selection
over a whole 10 MB report costs no more than one over a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from annotator.core.text import trimmed

# The tokens (start, end) of ``text`` that overlap ``lo:hi``, in reading order,
# white space left out: what a tokeniser says of that stretch.
TokenFinder = Callable[[str, int, int], Sequence[tuple[int, int]]]

# Punctuation that is no sentence punctuation: it carries meaning at a span's edge
# ("5%", "#hashtag", "@user", "§ 3", a footnote mark).
_MEANINGFUL = frozenset("%‰‱#&@*/\\§¶†‡′″‴٪؉؊٭")
_DROPPED_CATEGORIES = frozenset({"Pd", "Ps", "Pe", "Pi", "Pf"})

# Openers and what closes them. „ and ‚ open German quotes, closed by “ and ‘.
_CLOSERS = {
    "(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", "«": "»", "‹": "›", "„": "“”",
    "‚": "‘’", "（": "）", "［": "］", "｛": "｝", "「": "」", "『": "』", "【": "】",
    "〈": "〉", "《": "》", "〔": "〕", "〖": "〗", "⟨": "⟩", "﴾": "﴿",
}
_OPENERS: dict[str, str] = {}
for _opener, _closers in _CLOSERS.items():
    for _closer in _closers:
        _OPENERS[_closer] = _OPENERS.get(_closer, "") + _opener
# Quotes that open and close alike: a standalone one pairs with the next.
_SYMMETRIC = frozenset("\"'")

# Windows of text asked for at each edge; they grow when every token in one is dropped.
_FIRST_WINDOW = 64


def is_edge_punctuation(token: str) -> bool:
    """Whether a token is only sentence punctuation, quotes, brackets or dashes."""
    return bool(token) and all(_dropped_char(c) for c in token)


def _dropped_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category in _DROPPED_CATEGORIES or (category == "Po" and char not in _MEANINGFUL)


def snap_selection(text: str, start: int, end: int, tokens: TokenFinder) -> tuple[int, int]:
    """``start:end`` grown to whole tokens, without edge punctuation.

    White space at the edges goes first; ``(p, p)`` is returned when nothing else
    was selected. A selection of nothing but punctuation keeps its tokens, so the
    result is never empty when the selection held anything but white space.
    """
    start, end = trimmed(text, start, end)
    if start == end:
        return start, start
    window = _FIRST_WINDOW
    while True:
        snapped = _snap(text, start, end, tokens, window)
        if snapped is not None:
            return snapped
        window *= 8


def _snap(text: str, start: int, end: int, tokens: TokenFinder,
          window: int) -> tuple[int, int] | None:
    """The snapped range, or None when ``window`` characters at an edge held too
    few tokens to decide (every one of them was dropped)."""
    whole = end - start <= 2 * window
    head = list(tokens(text, start, end if whole else start + window))
    tail = head if whole else list(tokens(text, end - window, end))
    if not head or not tail:
        # No token here at all (tokens kept from a source may leave gaps): the
        # selection is taken as it is.
        return start, end
    low, high = head[0][0], tail[-1][1]
    first, last = 0, len(tail) - 1  # head[first] and tail[last] are the edge tokens
    while True:
        if whole and first > last:  # nothing but punctuation: keep its tokens
            return low, high
        if not whole and (first == len(head) or last < 0):
            return None
        left, right = head[first][0], tail[last][1]
        a, b = head[first], tail[last]
        if a != b and _wraps(text, a, b):
            first, last = first + 1, last - 1
        elif is_edge_punctuation(text[a[0]:a[1]]) and not _opens_inside(text, a, right):
            first += 1
        elif is_edge_punctuation(text[b[0]:b[1]]) and not _closes_inside(text, b, left):
            last -= 1
        else:
            return left, right


def _wraps(text: str, first: tuple[int, int], last: tuple[int, int]) -> bool:
    """Whether the first token opens what the last one closes: “…”, (…)."""
    if first[1] - first[0] != 1 or last[1] - last[0] != 1:
        return False
    return _partner_after(text, first[0], last[1]) == last[0]


def _opens_inside(text: str, token: tuple[int, int], end: int) -> bool:
    return token[1] - token[0] == 1 and _partner_after(text, token[0], end) is not None


def _closes_inside(text: str, token: tuple[int, int], start: int) -> bool:
    return token[1] - token[0] == 1 and _partner_before(text, token[0], start) is not None


def _standalone(text: str, at: int) -> bool:
    """A quote mark, not an apostrophe inside a word ("Qa'ida", "don't")."""
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def _partner_after(text: str, at: int, end: int) -> int | None:
    """Where the mark opened at ``at`` is closed before ``end``, if it opens and is."""
    opener = text[at]
    if opener in _SYMMETRIC:
        if not _standalone(text, at):
            return None
        return next((m.start() for m in _marks(opener).finditer(text, at + 1, end)
                     if _standalone(text, m.start())), None)
    closers = _CLOSERS.get(opener)
    if closers is None:
        return None
    depth = 0
    for found in _marks(opener + closers).finditer(text, at + 1, end):
        if found.group() in closers and depth == 0:
            return found.start()
        depth += 1 if found.group() == opener else -1
    return None


def _partner_before(text: str, at: int, start: int) -> int | None:
    """Where the mark closed at ``at`` was opened, from ``start`` on, if it closes and was."""
    closer = text[at]
    if closer in _SYMMETRIC:
        if not _standalone(text, at):
            return None
        found = [m.start() for m in _marks(closer).finditer(text, start, at)
                 if _standalone(text, m.start())]
        return found[-1] if found else None
    openers = _OPENERS.get(closer)
    if openers is None:
        return None
    depth = 0
    for found in reversed(list(_marks(openers + closer).finditer(text, start, at))):
        if found.group() in openers and depth == 0:
            return found.start()
        depth += 1 if found.group() == closer else -1
    return None


@lru_cache(maxsize=64)
def _marks(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chars)}]")
