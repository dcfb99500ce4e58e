"""A PDF page's lines with the size and weight of the type they are set in.

pypdf hands each run of text it extracts to a visitor together with the font and
the text and transformation matrices in force; joined, those runs are exactly the
page's extracted text. Cutting them at line breaks gives the page's lines, each
with the size (points, as printed) and weight of most of its letters: what tells a
headline from the body it heads.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from annotator.core.text import normalise

# Font names that say bold: "Arial-BoldMT", "LMRoman12-Bold", "Times,Bold", "Roboto-Black".
_BOLD_NAME = re.compile(r"bold|black|heavy|semibd|demi|[-,]bd\b", re.IGNORECASE)
# A word broken at the line's end: a letter, a hyphen, then a lower-case letter on the next line.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")
# A font descriptor's flag for a bold face drawn from a regular one.
_FORCE_BOLD = 1 << 18


@dataclass(frozen=True)
class Line:
    """One line of a page as extracted, the size and weight of most of its letters."""

    text: str
    size: float = 0.0
    bold: bool = False
    page: int = 1


def page_lines(page: object, number: int = 1) -> list[Line]:
    """The lines of a pypdf page (``number`` counted from 1), in the order and with the
    text its extraction gives."""
    runs: list[tuple[str, float, bool]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        runs.append((text, _points(cm, tm, size), _is_bold(font)))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    lines: list[Line] = []
    letters: Counter[tuple[float, bool]] = Counter()
    text = ""
    for run, points, bold in runs:
        parts = run.replace("\r\n", "\n").split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append(_line(text, letters, number))
                text, letters = "", Counter()
            text += part
            # Only letters and digits weigh: the spacing runs pypdf adds carry odd matrices.
            weight = sum(1 for ch in part if ch.isalnum())
            if weight:
                letters[(points, bold)] += weight
    lines.append(_line(text, letters, number))
    return lines


def _line(text: str, letters: Counter[tuple[float, bool]], page: int) -> Line:
    text = text.rstrip()
    if not letters:
        return Line(text, page=page)
    (size, bold), _ = letters.most_common(1)[0]
    return Line(text, size, bold, page)


def _points(cm: list[float], tm: list[float], size: float) -> float:
    """The type's height on the page: the font size scaled by the text and current
    matrices (a "1 Tf" with a scaled matrix is as common as a "12 Tf")."""
    try:
        # The text space's unit upwards, (0, 1), through Tm and then the CTM.
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        return round(abs(float(size)) * scale, 1)
    except (TypeError, ValueError, IndexError):
        return 0.0


def _is_bold(font: object) -> bool:
    if not isinstance(font, dict):
        return False
    name = str(font.get("/BaseFont", ""))
    if _BOLD_NAME.search(name.split("+")[-1]):
        return True
    try:
        descriptor = font.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else None
        if isinstance(descriptor, dict):
            weight = float(descriptor.get("/FontWeight", 0) or 0)
            flags = int(descriptor.get("/Flags", 0) or 0)
            return weight >= 600 or bool(flags & _FORCE_BOLD)
    except (TypeError, ValueError, AttributeError):
        return False
    return False


def letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def body_size(lines: list[Line]) -> float:
    """The size most of the letters are set in: the body text's."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size:
            sizes[line.size] += letters(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def joined(texts: list[str]) -> str:
    """Lines as one text: line breaks kept, words broken at a line's end joined, line
    ends made LF; what a document's text is made of."""
    return normalise(join_broken_words("\n".join(texts))).strip()


def join_broken_words(text: str) -> str:
    """Undo hyphenation at line ends inside words only ("ver-\\nhuurderheffing"); a
    hyphen before a capital or a digit ("Noord-\\nHolland", "COVID-\\n19") is kept."""
    def join(match: re.Match[str]) -> str:
        following = text[match.end():match.end() + 1]
        return "" if following.islower() else match.group(0)
    return _BROKEN_WORD.sub(join, text)
