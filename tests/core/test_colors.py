"""Colour arithmetic: WCAG contrast and tints faded until text reads on them."""

from __future__ import annotations

import pytest

from annotator.core.colors import (
    MIN_CONTRAST,
    contrast_ratio,
    mix,
    parse_hex,
    readable_tint,
    relative_luminance,
)


def test_contrast_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)
    # WCAG's own example: #767676 on white is the lightest grey that passes 4.5:1.
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert relative_luminance("#fff") == pytest.approx(1)


def test_colours_that_are_not_hex_are_named() -> None:
    with pytest.raises(ValueError, match="'red' is not a colour"):
        parse_hex("red")
    assert parse_hex("#3B78D8") == (0x3B, 0x78, 0xD8)
    assert mix("#ff0000", "#000000", 0.5) == "#800000"


@pytest.mark.parametrize(("base", "text"), [("#ffffff", "#24292f"), ("#191b1e", "#e4e7eb")])
def test_every_colour_gets_a_tint_text_reads_on(base: str, text: str) -> None:
    steps = range(0, 256, 51)
    for color in (f"#{r:02x}{g:02x}{b:02x}" for r in steps for g in steps for b in steps):
        tinted = readable_tint(color, base, text, 0.6)
        assert contrast_ratio(tinted, text) >= MIN_CONTRAST, color


def test_a_tint_that_reads_keeps_its_strength_and_one_that_does_not_fades() -> None:
    assert readable_tint("#3b78d8", "#ffffff", "#24292f", 0.34) == mix("#3b78d8", "#ffffff", 0.34)
    faded = readable_tint("#000000", "#ffffff", "#24292f", 0.9)
    assert contrast_ratio(faded, "#24292f") >= MIN_CONTRAST
    assert faded != mix("#000000", "#ffffff", 0.9)
    with pytest.raises(ValueError, match="below"):
        readable_tint("#3b78d8", "#777777", "#888888", 0.3)
