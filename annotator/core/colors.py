"""Colour arithmetic for readable highlights: WCAG contrast, tints, text that reads.

A label's colour comes from the codebook or an imported file, so nothing about
it can be assumed: the highlight made of it is checked against the text drawn
on it and faded towards the page until the pair reaches WCAG's 4.5:1 for body
text. Colours are ``#rrggbb`` strings; nothing here needs Qt.
"""

from __future__ import annotations

import re
from functools import lru_cache

RGB = tuple[int, int, int]

# WCAG 2.x, success criterion 1.4.3: the least contrast for body text.
MIN_CONTRAST = 4.5

_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def parse_hex(color: str) -> RGB:
    """``#rrggbb`` (or ``#rgb``) as three 0-255 channels; ValueError naming the colour."""
    match = _HEX.fullmatch(color.strip())
    if match is None:
        raise ValueError(f"{color!r} is not a colour written as #rrggbb")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(c))) for c in rgb))


def relative_luminance(color: str) -> float:
    """WCAG's relative luminance: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in parse_hex(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast between two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mix(color: str, base: str, strength: float) -> str:
    """``color`` laid over ``base`` at ``strength`` (0: only base, 1: only colour)."""
    top, bottom = parse_hex(color), parse_hex(base)
    return to_hex(tuple(t * strength + b * (1 - strength)
                        for t, b in zip(top, bottom, strict=True)))  # type: ignore[arg-type]


@lru_cache(maxsize=4096)  # a list repaints its rows' few label colours at every change
def readable_tint(color: str, base: str, text: str, strength: float,
                  minimum: float = MIN_CONTRAST) -> str:
    """A tint of ``color`` over ``base`` at ``strength``, faded towards ``base`` as
    far as needed for ``text`` to read on it with at least ``minimum`` contrast.

    The theme's own page and text colours reach the minimum, so fading always ends
    somewhere readable; a colour that already reads keeps its strength.
    """
    if contrast_ratio(base, text) < minimum:
        raise ValueError(f"text {text} on {base} is below {minimum}:1 even without a tint")
    step = 0.02
    while strength > 0:
        tinted = mix(color, base, strength)
        if contrast_ratio(tinted, text) >= minimum:
            return tinted
        strength = round(strength - step, 4)
    return base
