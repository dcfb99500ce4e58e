from __future__ import annotations

import codecs

import pytest

from annotator.core.text import (
    UndecodableText,
    decode,
    normalise,
    normalise_with_offsets,
    snap_to_words,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\x00b", "ab"),
        ("\ufeffhello", "hello"),
        ("tabs\tstay\there", "tabs\tstay\there"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_normalise_with_offsets_moves_offsets_past_removed_characters() -> None:
    raw = "\ufeffOne\r\nTwo\x00 Three\r\n"
    result = normalise_with_offsets(raw)
    assert result.text == "One\nTwo Three\n"
    start = raw.index("Three")
    mapped = result.map_offset(start)
    assert result.text[mapped : mapped + 5] == "Three"
    assert result.map_offset(len(raw)) == len(result.text)


def test_decode_utf8_and_boms() -> None:
    assert decode("Ain al-Assad – ok".encode()).encoding == "utf-8"
    assert decode(codecs.BOM_UTF8 + b"hi").text == "hi"
    utf16 = decode("قاعدة 😀".encode("utf-16"))
    assert utf16.text == "قاعدة 😀"
    assert utf16.encoding == "utf-16"


def test_decode_cp1252_is_detected() -> None:
    raw = "Officials said the “attack” on the café killed 3 — at least.".encode("cp1252")
    decoded = decode(raw)
    assert decoded.text == "Officials said the “attack” on the café killed 3 — at least."
    assert decoded.encoding == "cp1252"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Удар по городу убил пятерых человек, сообщил представитель.", "cp1251"),
        ("قصف صاروخي على قاعدة عين الأسد الجوية في غرب العراق", "cp1256"),
        ("Der Angriff auf die Stadt tötete fünf Menschen, sagte ein Sprecher.", "latin-1"),
    ],
)
def test_decode_other_legacy_encodings(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)).text == text


def test_binary_is_refused() -> None:
    with pytest.raises(UndecodableText):
        decode(bytes(range(256)) * 10)


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("fired at Ain al-Assad airbase.", "in al-Ass", "Ain al-Assad"),
        ("fired at  Ain al-Assad airbase.\n", " Ain al-Assad airbase.\n", "Ain al-Assad airbase."),
        ("At least five US personnel were", "t least five US personnel ", "At least five US personnel"),
        ("قصف على قاعدة عين الأسد", "اعدة عين", "قاعدة عين"),
        ("the Cafe\u0301 owner", "Caf", "Cafe\u0301"),
        ("a 😀 b", "😀", "😀"),
    ],
)
def test_snap_to_words(text: str, selected: str, expected: str) -> None:
    start = text.index(selected)
    snapped = snap_to_words(text, start, start + len(selected))
    assert text[snapped[0] : snapped[1]] == expected


def test_snap_of_only_spaces_is_empty() -> None:
    start, end = snap_to_words("a    b", 1, 5)
    assert start == end


def test_a_truncated_utf16_file_is_refused_with_a_reason() -> None:
    with pytest.raises(UndecodableText, match="byte-order mark but is not utf-16"):
        decode(b"\xfe\xff\x00")
