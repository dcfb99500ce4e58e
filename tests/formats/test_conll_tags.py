"""Tag schemes: told per file, decoded as seqeval's lenient mode, repairs counted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.formats.conll_tags import Repairs, decode, detect_scheme, iob2


def entities(tags: list[str]) -> list[tuple[int, int, str]]:
    return decode(tags, detect_scheme([tags]))


@pytest.mark.parametrize(("tags", "expected"), [
    # BIOES: E- ends the entity it continues ("West/B-MISC Indian/E-MISC" is one span)
    (["B-MISC", "E-MISC", "O", "S-PER"], [(0, 2, "MISC"), (3, 4, "PER")]),
    (["B-ORG", "I-ORG", "E-ORG", "S-ORG"], [(0, 3, "ORG"), (3, 4, "ORG")]),
    # BILOU
    (["B-LOC", "L-LOC", "U-LOC", "O"], [(0, 2, "LOC"), (2, 3, "LOC")]),
    # BMES, typed and untyped (Chinese word segmentation)
    (["B-PER", "M-PER", "E-PER", "S-LOC"], [(0, 3, "PER"), (3, 4, "LOC")]),
    (["B", "M", "E", "S", "B", "E"], [(0, 3, "_"), (3, 4, "_"), (4, 6, "_")]),
    # BIE without S
    (["B-TIME", "I-TIME", "E-TIME", "O", "B-PER", "E-PER"], [(0, 3, "TIME"), (4, 6, "PER")]),
    # IOB1: I- starts; B- only between adjacent entities of one type
    (["I-PER", "I-PER", "B-PER", "O", "I-LOC"], [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC")]),
    # IOB2
    (["B-PER", "I-PER", "B-PER", "O", "B-LOC"], [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC")]),
    # IO: bare labels, runs of one label are one entity (flair span files)
    (["O", "PARTA", "YEAR", "MISC", "MISC"], [(1, 2, "PARTA"), (2, 3, "YEAR"), (3, 5, "MISC")]),
    # suffix form some Chinese corpora use
    (["PER-B", "PER-E"], [(0, 2, "PER")]),
])
def test_each_scheme_decodes_to_its_entities(tags: list[str], expected: list) -> None:
    assert entities(tags) == expected


@pytest.mark.parametrize(("tags", "name"), [
    (["B-X", "E-X", "S-Y"], "BIOES"), (["B-X", "L-X", "U-Y"], "BILOU"),
    (["B-X", "M-X", "E-X"], "BMES"), (["I-X", "B-X"], "IOB1"), (["B-X", "I-X"], "IOB2"),
    (["X", "O"], "IO"), (["B-X", "S-Y", "O"], "IOB2"),  # flair's fashion data: IOB2 and an S-
])
def test_the_scheme_is_told_from_the_tags(tags: list[str], name: str) -> None:
    assert detect_scheme([tags]).name == name


def test_the_scheme_is_told_from_every_sentence_of_a_file() -> None:
    # One sentence alone looks IOB2; the file has E- elsewhere, so B- left open is a repair.
    sentences = [["B-X", "O"], ["B-Y", "E-Y"]]
    scheme = detect_scheme(sentences)
    repairs = Repairs()
    assert decode(sentences[0], scheme, repairs, places=[7, 8]) == [(0, 1, "X")]
    assert (repairs.total, repairs.first) == (1, 8)
    assert "B- not closed by E-" in repairs.describe()


@pytest.mark.parametrize(("tags", "scheme_tags", "what"), [
    (["O", "I-X", "I-X"], ["B-Y"], "I- with no entity open taken as a start"),
    (["O", "E-X"], ["B-Y", "E-Y"], "E- with no entity open taken as a start"),
    (["B-X", "I-X", "O"], ["B-Y", "E-Y"], "I- not closed by E-"),
    (["B-X", "I-X", "O"], ["B-Y", "L-Y"], "I- not closed by L-"),
])
def test_sequences_that_break_the_scheme_are_repaired_and_counted(
        tags: list[str], scheme_tags: list[str], what: str) -> None:
    from seqeval.metrics.sequence_labeling import get_entities

    repairs = Repairs()
    found = decode(tags, detect_scheme([tags, scheme_tags]), repairs)
    assert repairs.counts == {what: 1}
    # as seqeval's lenient mode reads them (L- is E- to it)
    lenient = [t.replace("L-", "E-") for t in tags]
    assert [(a, b + 1, label) for label, a, b in get_entities(lenient)] == found


def test_iob1_inside_starts_are_not_repairs() -> None:
    repairs = Repairs()
    tags = ["I-PER", "O", "I-LOC", "B-LOC"]
    assert decode(tags, detect_scheme([tags]), repairs) == [(0, 1, "PER"), (2, 3, "LOC"),
                                                             (3, 4, "LOC")]
    assert repairs.total == 0


LABELS = st.sampled_from(["PER", "LOC", "ORG"])


@st.composite
def entity_layouts(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, str]]]:
    """Non-overlapping entities over a sentence of some length."""
    length = draw(st.integers(1, 30))
    cuts = sorted(draw(st.sets(st.integers(0, length), max_size=12)))
    found = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < end:
            found.append((start, end, draw(LABELS)))
    return length, found


def encode(length: int, found: list[tuple[int, int, str]], scheme: str) -> list[str]:
    tags = ["O"] * length
    begin, inside, end, single = {"BIOES": "BIES", "BILOU": "BILU", "BMES": "BMES"}.get(
        scheme, "BIII")
    for start, stop, label in found:
        if stop - start == 1 and scheme in ("BIOES", "BILOU", "BMES"):
            tags[start] = f"{single}-{label}"
            continue
        tags[start] = f"{begin}-{label}"
        for index in range(start + 1, stop):
            tags[index] = f"{inside}-{label}"
        if scheme in ("BIOES", "BILOU", "BMES"):
            tags[stop - 1] = f"{end}-{label}"
    return tags


@given(entity_layouts(), st.sampled_from(["IOB2", "BIOES", "BILOU", "BMES"]))
def test_any_entities_written_in_a_scheme_read_back_alike(
        layout: tuple[int, list[tuple[int, int, str]]], scheme: str) -> None:
    length, found = layout
    tags = encode(length, found, scheme)
    repairs = Repairs()
    assert decode(tags, detect_scheme([tags, encode(2, [(0, 2, "X")], scheme)]), repairs) == found
    assert repairs.total == 0


@given(entity_layouts())
def test_iob2_written_is_strict_iob2_for_seqeval(layout: tuple[int, list]) -> None:
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2, Entities

    length, found = layout
    tags = iob2(length, found)
    Entities([tags], IOB2)  # raises on a tag that breaks IOB2
    assert [(a, b + 1, label) for label, a, b in get_entities(tags)] == found


@given(st.lists(st.sampled_from(["O", "B-X", "I-X", "E-X", "S-X", "B-Y", "I-Y", "E-Y", "S-Y"]),
                max_size=25))
def test_any_bioes_sequence_reads_as_seqeval_reads_it(tags: list[str]) -> None:
    from seqeval.metrics.sequence_labeling import get_entities

    found = decode(tags, detect_scheme([tags, ["B-X", "E-X"]]))
    assert found == [(a, b + 1, label) for label, a, b in get_entities(tags)]
