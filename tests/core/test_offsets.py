from __future__ import annotations

import pytest

from annotator.core.offsets import Utf16Map

TEXTS = {
    "ascii": "Two Katyusha rockets hit the base.",
    "emoji": "Protest 😀 in Basra 🔥🔥 today",
    "zwj family": "Families 👩‍👩‍👧‍👦 fled; 🇮🇶 flags burned",
    "arabic": "قصف صاروخي على قاعدة عين الأسد الجوية",
    "combining": "Cafe\u0301 owner in Qu\u0308ds",
    "mixed": "tab\there 😀\nمرحبا 👍🏽 e\u0301 end",
}


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_every_offset_round_trips_and_matches_utf16_encoding(text: str) -> None:
    offsets = Utf16Map(text)
    assert offsets.length_utf16 == utf16_len(text)
    for cp in range(len(text) + 1):
        u16 = offsets.to_utf16(cp)
        assert u16 == utf16_len(text[:cp])
        assert offsets.to_codepoint(u16) == cp


def test_offset_inside_a_surrogate_pair_maps_to_the_start_of_its_character() -> None:
    offsets = Utf16Map("a😀b")
    assert offsets.to_codepoint(2) == 1  # between the two halves of 😀
    assert offsets.to_codepoint(3) == 2


def test_offsets_outside_the_text_are_refused() -> None:
    offsets = Utf16Map("ab😀")
    with pytest.raises(IndexError):
        offsets.to_utf16(4)
    with pytest.raises(IndexError):
        offsets.to_codepoint(5)
    with pytest.raises(IndexError):
        offsets.to_utf16(-1)
