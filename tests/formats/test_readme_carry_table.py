"""README's table of what each export format carries is checked against the exports
themselves: a ✓ is never named in the loss report of a corpus that has everything, a –
always is (other cells say "in part" and are left to the round-trip tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.formats.exporting import export_corpus
from annotator.formats.registry import EXPORTS
from annotator.formats.selection import ExportOptions
from annotator.storage.corpus import Corpus
from tests.conftest import REPO
from tests.formats.conftest import build

TEXT = "Rebels attacked Gao and Kidal; two soldiers died in Kidal."

# Words of the report lines that belong to each column of the table.
COLUMNS = {
    "spans, overlapping": ("overlapping span",),
    "pieces": ("discontinuous",),
    "attributes": ("attribute",),
    "links": ("knowledge-base link",),
    "relations": ("relations (", "relations:"),
    "document labels": ("document label",),
    "events": ("events (",),
    "coders": ("× coders (",),
    "statuses": ("document statuses",),
    "ids": ("document ids", "same text as another"),
    "details": ("document details",),
}


def table() -> dict[str, dict[str, str]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    header = next(line for line in readme.splitlines()
                  if line.startswith("| | spans, overlapping"))
    columns = [cell.strip() for cell in header.strip("|").split("|")][1:]
    rows: dict[str, dict[str, str]] = {}
    for line in readme[readme.index(header):].splitlines()[2:]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        for name in re.split(r",\s*", cells[0]):
            rows[name] = dict(zip(columns, cells[1:], strict=True))
    return rows


def at(phrase: str, nth: int = 0) -> tuple[int, int]:
    start = TEXT.index(phrase) if nth == 0 else TEXT.rindex(phrase)
    return start, start + len(phrase)


@pytest.fixture(scope="module")
def everything(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rebels, gao, soldiers, kidal = at("Rebels"), at("Gao"), at("two soldiers"), at("Kidal", 1)
    both = at("Gao and Kidal")
    document = {
        "id": "d1", "text": TEXT, "title": "Clashes in the north", "date": "2024-08-06",
        "source": "Reuters", "url": "https://example.org/a", "meta": {"desk": "Bamako"},
        "notes": "check", "flags": {"not relevant": False},
        "statuses": {"alice": "done", "bob": "in progress"},
        "spans": [
            {"id": "a", "start": rebels[0], "end": rebels[1], "label": "actor",
             "attrs": {"role": "attacker"}},
            {"id": "g", "start": gao[0], "end": gao[1], "label": "location",
             "links": [{"kb": "GeoNames", "id": "2457163"}]},
            {"id": "gk", "start": both[0], "end": both[1], "label": "location",
             "fragments": [[gao[0], gao[1]], [both[1] - 5, both[1]]], "coder": "bob"},
            {"id": "s", "start": soldiers[0], "end": soldiers[1], "label": "casualty"},
            {"id": "k", "start": kidal[0], "end": kidal[1], "label": "location"},
        ],
        "relations": [{"head": "a", "tail": "g", "label": "attacked"},
                      {"head": "s", "tail": "k", "label": "located in"}],
        "doc_labels": [{"name": "relevant", "value": True},
                       {"name": "event_types", "value": ["attack"]}],
        "events": [{"id": "e1", "type": "attack", "members": [
            {"span_id": "a", "role": "attacker"}, {"span_id": "g", "role": "place"}]}],
    }
    return build(tmp_path_factory.mktemp("everything") / "c.sqlite", [document])


ROWS = table()


@pytest.mark.parametrize("fmt", sorted(ROWS))
def test_the_readme_says_what_each_format_carries(fmt: str, everything: Path,
                                                  tmp_path: Path) -> None:
    out = tmp_path / f"out{EXPORTS[fmt].suffix}"
    with Corpus.open(everything) as corpus:
        result = export_corpus(corpus, EXPORTS[fmt], out, ExportOptions())
    report = "\n".join(result.losses.lines())
    for column, said in ROWS[fmt].items():
        named = any(word in report for word in COLUMNS[column])
        if said == "✓":
            assert not named, f"README: {fmt} carries {column}, yet its report names " \
                              f"them:\n{report}"
        elif said == "–":
            assert named, f"README: {fmt} drops {column}, yet its report does not say " \
                          f"so:\n{report}"


def dataset_rows() -> set[str]:
    """The formats of README's table of the datasets' own exports (which refuse a
    corpus of another codebook, so the table above cannot be checked on them)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    header = next(line for line in readme.splitlines() if line.startswith("| format | one"))
    rows = set()
    for line in readme[readme.index(header):].splitlines()[2:]:
        if not line.startswith("|"):
            break
        rows.add(line.strip("|").split("|")[0].strip().strip("`"))
    return rows


def test_every_format_is_in_the_table() -> None:
    assert not set(ROWS) & dataset_rows()
    assert set(ROWS) | dataset_rows() == set(EXPORTS)
