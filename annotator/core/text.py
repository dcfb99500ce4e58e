"""Text as it enters a corpus: decoded and normalised once, never again.

After this, ``QPlainTextEdit.toPlainText()`` of the stored text equals the
stored text, so offsets mean the same in every part of annotator.
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

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
class Damage:
    """Bytes on one line of a mostly UTF-8 file that are not UTF-8."""

    line: int
    count: int


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Decoded text; ``damaged`` lines hold U+FFFD where their bad bytes were."""

    text: str
    encoding: str
    # True when the encoding is the charset detector's best guess.
    guessed: bool = False
    damaged: tuple[Damage, ...] = ()

    def damage_between(self, first: int, last: int) -> tuple[Damage, ...]:
        """The damaged lines from ``first`` to ``last`` (1-based, inclusive)."""
        return tuple(d for d in self.damaged if first <= d.line <= last)


def describe_damage(damaged: Sequence[Damage], shown: int = 5) -> str:
    """'3 bytes that are not UTF-8 (line 4: 1, line 9: 2)', the first few lines named."""
    total = sum(d.count for d in damaged)
    lines = ", ".join(f"line {d.line}: {d.count}" for d in damaged[:shown])
    more = f" and {len(damaged) - shown} more lines" if len(damaged) > shown else ""
    return f"{total} byte{'s' if total != 1 else ''} that {'are' if total != 1 else 'is'} " \
           f"not UTF-8 ({lines}{more})"


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


def unpaired_surrogate(text: str) -> int | None:
    """Where ``text`` holds half of a UTF-16 pair (JSON's ``"\\ud800"``), or None.

    Such a string is not text: it cannot be encoded as UTF-8, so SQLite and
    every exporter would fail on it. Encoding is the quickest way to look
    (several times quicker than a regular expression, for every document).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


# -- decoding -------------------------------------------------------------------

# Where the counting error handler notes the bad bytes it meets: (start, end) in
# the bytes being decoded. One list per thread, set around each decode call.
_bad_spans = threading.local()


def _note_bad_bytes(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    spans = getattr(_bad_spans, "spans", None)
    if spans is not None:
        spans.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("annotator-note-bad-bytes", _note_bad_bytes)


# How many bad stretches per well-formed multi-byte character a file may have
# and still be taken for damaged UTF-8 (see Utf8Survey.mostly_utf8).
_BAD_PER_GOOD = 8


@dataclass(slots=True)
class Utf8Survey:
    """How UTF-8 a stream of bytes is, fed a chunk at a time (memory stays flat).

    ``bad`` counts the stretches that are not UTF-8, ``good`` the well-formed
    characters beyond ASCII. A legacy (Windows-1252, Latin-1...) file has
    plenty of the first and, but for rare accidents, none of the second; a
    UTF-8 file with a few damaged bytes has both.
    """

    bad: int = 0
    good: int = 0
    _decoder: codecs.IncrementalDecoder = field(
        default_factory=lambda: codecs.getincrementaldecoder("utf-8")(
            "annotator-note-bad-bytes"))

    def feed(self, chunk: bytes, final: bool = False) -> None:
        _bad_spans.spans = spans = []
        try:
            text = self._decoder.decode(chunk, final)
        finally:
            _bad_spans.spans = None
        self.bad += len(spans)
        # Every bad stretch became one U+FFFD; the rest beyond ASCII is good UTF-8.
        self.good += len(text) - len(text.encode("ascii", "ignore")) - len(spans)

    @property
    def clean(self) -> bool:
        return self.bad == 0

    @property
    def mostly_utf8(self) -> bool:
        """UTF-8 with damage rather than another encoding.

        Well-formed multi-byte characters hardly ever turn up by chance in a
        legacy file (it takes a capital accented letter followed by a curly
        quote or a guillemet, as in "«ÉTÉ»"), while its other accented letters
        are all bad stretches: a legacy file has none of the first or dozens of
        the second for each. So a file with well-formed ones and not many more
        bad stretches was written as UTF-8 and then damaged. Erring this way is
        the safe side: a damaged document is refused and named, where a wrong
        guess would store "CafÃ©" with only a warning.
        """
        return self.bad <= _BAD_PER_GOOD * self.good


def decode(data: bytes) -> DecodedText:
    """Decode file contents: BOM first, then UTF-8, then a detected charset.

    A file that is UTF-8 but for a few damaged bytes stays UTF-8: the bad
    bytes become U+FFFD and ``damaged`` says on which lines and how many, so
    a reader can refuse just the documents on those lines. Only a file that
    is not UTF-8 as a whole has its charset guessed (``guessed`` is then True).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8-sig":
                return read_utf8(data, len(bom), "utf-8-sig")
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
    survey = Utf8Survey()
    survey.feed(data, final=True)
    if survey.mostly_utf8:
        return read_utf8(data)
    best = charset_normalizer.from_bytes(data).best()
    western = _as_cp1252(data)
    if western is not None and (best is None or _prefer_cp1252(western, str(best))):
        return DecodedText(western, "cp1252", guessed=True)
    if best is None:
        raise UndecodableText("is not text in any encoding that could be detected")
    return DecodedText(str(best), best.encoding, guessed=True)


def read_utf8(data: bytes, skip: int = 0, encoding: str = "utf-8") -> DecodedText:
    """``data[skip:]`` as UTF-8, each bad stretch replaced by U+FFFD and its line noted."""
    _bad_spans.spans = spans = []
    try:
        text = (data[skip:] if skip else data).decode("utf-8", "annotator-note-bad-bytes")
    finally:
        _bad_spans.spans = None
    return DecodedText(text, encoding, damaged=bad_lines(data, [(a + skip, b + skip)
                                                                for a, b in spans]))


def bad_lines(data: bytes, spans: Sequence[tuple[int, int]], first_line: int = 1,
              ) -> tuple[Damage, ...]:
    """Bad byte stretches of ``data`` as counts per line (LF-separated, from ``first_line``)."""
    per_line: dict[int, int] = {}
    line, counted_to = first_line, 0
    for start, end in spans:
        line += data.count(b"\n", counted_to, start)
        counted_to = start
        per_line[line] = per_line.get(line, 0) + end - start
    return tuple(Damage(n, count) for n, count in per_line.items())


def utf8_line(line: bytes) -> tuple[str, int]:
    """One line of a mostly UTF-8 file: its text and how many of its bytes are not UTF-8."""
    try:
        return line.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    _bad_spans.spans = spans = []
    try:
        text = line.decode("utf-8", "annotator-note-bad-bytes")
    finally:
        _bad_spans.spans = None
    return text, sum(end - start for start, end in spans)


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


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` kept within ``text`` and without white space at its edges
    (``(p, p)`` when nothing else is left)."""
    start = min(max(0, start), len(text))
    end = max(start, min(len(text), end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start:end`` to whole words and trim surrounding white space.

    A selection that cuts a word ("in al-Ass") grows to the whole word
    ("Ain al-Assad"); one that caught spaces or a line break at either edge
    loses them. Returns ``(start, start)`` when nothing but space is left.
    """
    start, end = trimmed(text, start, end)
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


# A title made from a text is its first line, cut to this many characters.
TITLE_MAX = 200


def first_line(text: str) -> str:
    """A title made from the first non-blank line of a text: what a document gets when
    its file names none, whatever the format."""
    for line in text.split("\n"):
        if line.strip():
            line = line.strip()
            return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1] + "…"
    return ""
