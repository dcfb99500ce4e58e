"""Text as it enters a corpus: decoded and normalised once, never again.

After this, ``QPlainTextEdit.toPlainText()`` of the stored text equals the
stored text, so offsets mean the same in every part of annotator.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

import charset_normalizer
from charset_normalizer.cd import coherence_ratio
from charset_normalizer.md import mess_ratio

# Qt turns each of these into a paragraph break; we store the LF it gives back.
_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableText(ValueError):
    """Bytes that are not text in any encoding we can tell."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def normalise(text: str) -> str:
    """Line breaks to LF, NUL removed, a leading BOM dropped."""
    if _is_normal(text):
        return text
    # The BOM first: only a leading one is a BOM (one after a NUL is text).
    text = text.removeprefix("\ufeff")
    return _LINE_BREAKS.sub("\n", text.replace("\x00", ""))


def _is_normal(text: str) -> bool:
    """Most texts need no change; telling so is cheaper than changing nothing."""
    return ("\r" not in text and "\x00" not in text and "\u2028" not in text
            and "\u2029" not in text and not text.startswith("\ufeff"))


def decode(data: bytes) -> DecodedText:
    """Decode file contents: BOM first, then UTF-8, then a detected charset."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise UndecodableText(f"starts with a {encoding} byte-order mark but is not "
                                      f"{encoding} text ({exc.reason} at byte {exc.start})"
                                      ) from None
    if looks_binary(data):
        raise UndecodableText("looks like a binary file, not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    western = _as_cp1252(data)
    if western is not None and (best is None or _prefer_cp1252(western, str(best))):
        return DecodedText(western, "cp1252")
    if best is None:
        raise UndecodableText("is not text in any encoding that could be detected")
    return DecodedText(str(best), best.encoding)


def _as_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if mess_ratio(text, maximum_threshold=1.0) == 0 else None


def _prefer_cp1252(western: str, detected: str) -> bool:
    """Windows-1252 unless the detector's reading is clearly more like a language.

    Short Western texts are ambiguous to a statistical detector (a wire
    report can come out as Baltic or Central European), and Windows-1252 is
    by far the commonest legacy encoding of news in Western languages; a
    Cyrillic or Arabic code page reads as gibberish in it and loses here.
    """
    if western == detected:
        return True
    return _coherence(western) >= _coherence(detected) - 0.05


def _coherence(text: str) -> float:
    return max((ratio for _language, ratio in coherence_ratio(text[:20_000])), default=0.0)


def looks_binary(data: bytes) -> bool:
    """Control bytes other than whitespace in the first 8 KiB mean binary.

    A stray NUL is tolerated (it is removed by ``normalise``); a run of them,
    or other control characters, is how images, archives and PDFs look.
    """
    head = data[:8192]
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 0))
    nuls = head.count(0)
    return (controls + max(0, nuls - 1)) / len(head) > 0.05


def is_word_char(ch: str) -> bool:
    """Letters, digits and combining marks belong to a word."""
    if ch.isalnum() or ch == "_":
        return True
    return unicodedata.category(ch).startswith("M")


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` to whole words and trim surrounding white space.

    A selection that cuts a word ("in al-Ass") grows to the whole word
    ("Ain al-Assad"); one that caught spaces or a line break at either edge
    loses them. Returns ``(start, start)`` when nothing but space is left.
    """
    start = min(max(0, start), len(text))
    end = max(start, min(len(text), end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, start
    while start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
        start -= 1
    while end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1]):
        end += 1
    return start, end


# Characters that normalise() deletes (rather than replaces one for one):
# the CR of a CRLF pair, NUL, and a leading BOM.
_REMOVED = re.compile("\r(?=\n)|\x00|^\ufeff")


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text and where each offset of the original went."""

    text: str
    removed: tuple[int, ...]

    def map_offset(self, offset: int) -> int:
        """Offset in the normalised text of ``offset`` in the original."""
        if not self.removed:
            return offset
        return offset - bisect_left(self.removed, offset)


def normalise_with_offsets(text: str) -> Normalised:
    """``normalise`` that also tells how offsets into ``text`` move."""
    if _is_normal(text):
        return Normalised(text, ())
    removed = tuple(m.start() for m in _REMOVED.finditer(text))
    return Normalised(normalise(text), removed)
