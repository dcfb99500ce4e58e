"""Every real brat folder (../shared/data/real/annotations/brat and peers/brat): what
the ``.ann`` lines hold, counted here line by line without the reader, equals what
was imported plus what the import reported; and an export of the import gives the
same back."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import CodedDocument
from annotator.formats import brat_syntax as syntax
from annotator.formats.base import ReadOptions
from annotator.formats.importing import ImportSummary, import_paths
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import PEERS, REAL_ANNOTATIONS, shared

EXAMPLES = Path("brat") / "example-data"
FOLDERS = [
    REAL_ANNOTATIONS / EXAMPLES / "tutorials" / "news",
    REAL_ANNOTATIONS / EXAMPLES / "corpora" / "BioNLP-ST_2011" / "BioNLP-ST_2011_GE",
    REAL_ANNOTATIONS / EXAMPLES / "corpora" / "BioNLP-ST_2011" / "BioNLP-ST_2011_REL",
    REAL_ANNOTATIONS / EXAMPLES / "corpora" / "CoNLL-ST_2002" / "esp",
    REAL_ANNOTATIONS / EXAMPLES / "corpora" / "NCBI-disease",
    REAL_ANNOTATIONS / EXAMPLES / "corpora" / "TDT",
    PEERS / "brat" / "tutorial-news",
    PEERS / "brat" / "tdt-fi-wikinews",
]
IDS = [folder.name for folder in FOLDERS[:6]] + ["peers-tutorial-news", "peers-tdt-fi"]


def line_counts(folder: Path) -> Counter[str]:
    """What the ``.ann`` files say, by kind and by what each line is attached to."""
    counts: Counter[str] = Counter()
    for ann in sorted(folder.glob("*.ann")):
        ids: dict[str, str] = {}
        lines = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        for fields in lines:
            ids[fields[0]] = fields[0][:1]
        for fields in lines:
            ident, data = fields[0], fields[1].split(" ")
            kind = ident[:1]
            if kind == "T":
                counts["T"] += 1
                counts["T fragments"] += fields[1].count(";") + 1
            elif kind == "E":
                counts["E"] += 1
                counts["E arguments that are events"] += sum(
                    ids.get(arg.split(":")[1]) == "E" for arg in data[1:])
            elif kind in "AM":
                counts[f"A/M on {ids[data[1]]}"] += 1
            elif kind == "#":
                counts[f"# on {ids[data[1]]}"] += 1
            elif kind == "*":
                counts["*"] += 1
                counts["* pairs"] += len(data) - 2
            else:
                counts[kind] += 1  # R, N
    return counts


def imported_counts(documents: list[CodedDocument]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for coded in documents:
        counts["T"] += len(coded.spans)
        counts["T fragments"] += sum(len(s.pieces) for s in coded.spans)
        counts["E"] += len(coded.events)
        counts["N"] += sum(len(s.links) for s in coded.spans)
        for span in coded.spans:
            for key, value in span.attrs.items():
                number = len(value) if isinstance(value, list) else 1
                if key == "note":
                    counts["# on T"] += value.count("\n") + 1
                elif key == "Lemma":  # TDT's notes of type Lemma
                    counts["# on T"] += number
                else:
                    counts["A/M on T"] += number
        for event in coded.events:
            free, attributes = syntax.split_event_note(event.note)
            counts["# on E"] += free.count("\n") + 1 if free else 0
            counts["A/M on E"] += sum(len(v) if isinstance(v, list) else 1
                                      for v in attributes.values())
        for relation in coded.relations:
            attrs = relation.attrs
            if syntax.EQUIVALENCE in attrs:
                counts["* pairs"] += 1
            elif syntax.EVENT in attrs:
                counts["E arguments that are events"] += 1
            else:
                counts["R"] += 1
                counts["# on R"] += "note" in attrs
                counts["A/M on R"] += len(set(attrs) - {"note", *syntax.STRUCTURAL})
        counts["*"] += len({r.attrs[syntax.EQUIVALENCE] for r in coded.relations
                            if syntax.EQUIVALENCE in r.attrs})
    return +counts


def imported(tmp_path: Path, folder: Path) -> tuple[ImportSummary, list[CodedDocument]]:
    with Corpus.open(tmp_path / "real.sqlite") as corpus:
        summary = import_paths(corpus, sorted(folder.glob("*.ann")), fmt="brat",
                               options=ReadOptions(coder="alice"))
        documents = list(iter_documents(corpus))
    return summary, documents


def reported(summary: ImportSummary) -> Counter[str]:
    counts: Counter[str] = Counter()
    for warning in summary.warnings:
        number, _, what = warning.reason.partition(" ")
        counts[what] += int(number)
    return counts


@pytest.mark.parametrize("folder", FOLDERS, ids=IDS)
def test_every_line_of_a_real_brat_folder_is_imported_or_reported(tmp_path: Path,
                                                                   folder: Path) -> None:
    shared(folder)
    expected = line_counts(folder)
    summary, documents = imported(tmp_path, folder)
    assert summary.rejected == [] and summary.duplicates == 0
    assert summary.added == len(list(folder.glob("*.ann")))
    got = imported_counts(documents)
    # Nothing in these folders is left out: each count is carried, none is reported.
    assert reported(summary) == Counter()
    assert got == +expected


def test_counts_measured_on_the_real_files(tmp_path: Path) -> None:
    """The numbers the folders' SOURCES.md describe, as this reader finds them."""
    ge = shared(FOLDERS[1])
    _, documents = imported(tmp_path, ge)
    got = imported_counts(documents)
    assert (got["T"], got["E"], got["A/M on E"], got["* pairs"]) == (520, 244, 41, 14)
    # Two T lines on one range with different types stay two spans (PMID-9616159 T11/T12).
    pmid = next(d for d in documents if d.document.meta["file"] == "PMID-9616159.txt")
    on_829 = sorted(s.label for s in pmid.spans if (s.start, s.end) == (829, 843))
    assert on_829 == ["Gene_expression", "Positive_regulation"]
    # E1 Positive_regulation:T11 Theme:E2 -> a relation between the two triggers.
    texts = {s.uid: (s.label, s.text) for s in pmid.spans}
    nested = [(texts[r.head], r.label, texts[r.tail]) for r in pmid.relations
              if syntax.EVENT in r.attrs]
    assert (("Positive_regulation", "overexpression"), "Theme",
            ("Gene_expression", "overexpression")) in nested


def line_set(folder: Path) -> Counter[str]:
    """Each .ann line with its ids left out: what an export must write again."""
    found: Counter[str] = Counter()
    for ann in folder.glob("*.ann"):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.strip():
                found[re.sub(r"\b[TERAMN#]\d+\b", "#", line.rstrip("\t"))] += 1
    return found


@pytest.mark.parametrize("folder", [FOLDERS[0], FOLDERS[2], FOLDERS[4], FOLDERS[7]],
                         ids=["tutorial-news", "REL", "NCBI", "peers-tdt-fi"])
def test_a_real_folder_exported_again_reads_back_the_same(tmp_path: Path, folder: Path) -> None:
    shared(folder)
    _, first = imported(tmp_path, folder)
    corpus = tmp_path / "real.sqlite"
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "brat", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "nothing lost" in result.output
    again_path = tmp_path / "again"
    again_path.mkdir()
    _, again = imported(again_path, out)
    assert imported_counts(again) == imported_counts(first)
    assert sorted(map(_shape, again)) == sorted(map(_shape, first))


def _shape(coded: CodedDocument) -> tuple[object, ...]:
    """A document as a comparable value: span uids (new on every import) left out."""
    keys = {s.uid: (s.pieces, s.label) for s in coded.spans}
    spans = sorted((s.pieces, s.label, json.dumps(s.attrs, sort_keys=True),
                    tuple(s.links)) for s in coded.spans)
    events = sorted((e.uid, e.type, e.note, frozenset((keys[m.span_uid], m.role)
                                                      for m in e.members)) for e in coded.events)
    relations = sorted((keys[r.head], keys[r.tail], r.label,
                        json.dumps(r.attrs, sort_keys=True)) for r in coded.relations)
    return coded.document.text, spans, events, relations
