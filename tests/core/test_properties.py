"""Property-based tests: offsets and readers over text hypothesis makes up."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.casualties import parse_casualty
from annotator.core.offsets import Utf16Map
from annotator.core.text import normalise, normalise_with_offsets, snap_to_words
from annotator.formats import conll, csv_import, jsonl, news_txt
from annotator.formats.base import Problem, ReadDocument, ReadOptions

# Text with astral characters, combining marks, RTL, line breaks and NULs in it.
TEXT = st.lists(st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(["😀", "👩\u200d👩\u200d👧", "\u0301", "ع", "\r\n", "\r", "\u2028", "\x00",
                     "\t", "\ufeff"]),
), max_size=120).map("".join)


@given(TEXT)
def test_utf16_offsets_round_trip(text: str) -> None:
    offsets = Utf16Map(text)
    for cp in range(len(text) + 1):
        u16 = offsets.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert offsets.to_codepoint(u16) == cp


@given(TEXT, st.data())
def test_normalising_keeps_every_kept_character_at_its_mapped_offset(text: str, data) -> None:
    result = normalise_with_offsets(text)
    assert result.text == normalise(text)
    assert "\r" not in result.text and "\x00" not in result.text
    removed = set(result.removed)
    for index, char in enumerate(text):
        if index in removed:
            continue
        mapped = result.text[result.map_offset(index)]
        assert mapped == char or (char in "\r\u2028\u2029" and mapped == "\n")


@given(TEXT, st.integers(0, 200), st.integers(0, 200))
def test_snapping_stays_inside_the_text_and_never_starts_or_ends_with_space(
        text: str, a: int, b: int) -> None:
    start, end = snap_to_words(text, min(a, b), max(a, b))
    assert 0 <= start <= end <= len(text)
    if start < end:
        assert not text[start].isspace() and not text[end - 1].isspace()


def _read(reader, content: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        return list(reader(path, ReadOptions(coder="p")))


def _all_well_formed(items: list) -> None:
    for item in items:
        assert isinstance(item, ReadDocument | Problem)
        if isinstance(item, ReadDocument):
            record = item.record
            for span in record.spans:
                assert record.text[span.start:span.end] == span.text


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_as_a_news_file_give_a_document_or_a_named_problem(content: bytes) -> None:
    _all_well_formed(_read(news_txt.read, content, ".txt"))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_as_conll_or_csv_give_documents_or_named_problems(content: bytes) -> None:
    _all_well_formed(_read(conll.read, content, ".conll"))
    _all_well_formed(_read(csv_import.read, content, ".csv"))


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 300) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=20,
)
SPAN = st.fixed_dictionaries({"start": st.integers(-2, 60), "end": st.integers(-2, 60),
                              "label": st.sampled_from(["actor", "", 5, "location"])},
                             optional={"text": st.text(max_size=5), "attrs": JSON_VALUE,
                                       "id": st.text(max_size=4)})
RECORD = st.fixed_dictionaries({"text": st.one_of(TEXT, JSON_VALUE)},
                               optional={"spans": st.lists(SPAN, max_size=4), "id": JSON_VALUE,
                                         "status": JSON_VALUE, "date": JSON_VALUE,
                                         "meta": JSON_VALUE, "events": JSON_VALUE})


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RECORD, max_size=4))
def test_any_jsonl_records_give_documents_or_named_problems(records: list) -> None:
    content = "\n".join(json.dumps(r) for r in records).encode("utf-8")
    items = _read(jsonl.read, content, ".jsonl")
    _all_well_formed(items)
    assert all(p.line is not None for p in items if isinstance(p, Problem) and records)


@given(st.text(max_size=80), st.text(max_size=200))
def test_the_casualty_reader_never_fails(span: str, sentence: str) -> None:
    found = parse_casualty(span, sentence)
    for value in (found.count_low, found.count_best, found.count_high):
        assert value is None or value >= 0
