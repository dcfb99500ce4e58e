"""Offsets: code points inside annotator, UTF-16 code units at the Qt boundary.

Python strings, spaCy, Prodigy and brat count Unicode code points; Qt counts
UTF-16 code units, in which a character outside the Basic Multilingual Plane
(most emoji, some CJK) takes two. ``Utf16Map`` converts between the two for
one text, and is the only place in annotator where that happens.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _bmp_only(text: str) -> bool:
    """True when ``text`` has no astral character, known without scanning it when it can
    be: an ASCII text says so at once, and a text whose UTF-16 form has two bytes per
    character has none (encoding takes a tenth of the scan: 3 ms against 30 at 10 MB)."""
    return text.isascii() or len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)


class Utf16Map:
    """Converts offsets of one text between code points and UTF-16 units."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "length_utf16")

    def __init__(self, text: str) -> None:
        # Code point positions of the astral characters; for most news text
        # this is empty and every conversion is the identity.
        self._astral_cp = [] if _bmp_only(text) else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + i for i, cp in enumerate(self._astral_cp)]
        self.length = len(text)
        self.length_utf16 = len(text) + len(self._astral_cp)

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral characters: both counts agree everywhere."""
        return not self._astral_cp

    def to_utf16(self, cp: int) -> int:
        """UTF-16 offset of code point offset ``cp``."""
        if not 0 <= cp <= self.length:
            raise IndexError(f"code point offset {cp} outside 0..{self.length}")
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def to_codepoint(self, u16: int) -> int:
        """Code point offset of UTF-16 offset ``u16``.

        An offset that falls between the two halves of a surrogate pair (Qt
        can report one while a selection is being dragged) maps to the start
        of that character.
        """
        if not 0 <= u16 <= self.length_utf16:
            raise IndexError(f"UTF-16 offset {u16} outside 0..{self.length_utf16}")
        if not self._astral_u16:
            return u16
        # Astral characters that start before u16 each took one extra unit;
        # for an offset inside a pair the pair's own start counts, which
        # lands on the start of that character.
        return u16 - bisect_left(self._astral_u16, u16)
