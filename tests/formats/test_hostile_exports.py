"""Exports of hostile corpora: nothing in them can be turned against the reader.

The corpora are imported from tests/data/hostile/export-*.jsonl (see the
README there); each export is read back by what consumes it: Python's csv
module, annotator's own brat import, spaCy, seqeval, datasets.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats.base import ReadOptions
from annotator.formats.csv_export import NOTICE, neutralise
from annotator.formats.exporting import MANIFEST
from annotator.formats.file_names import MAX_STEM_BYTES, read_id_map, safe_stem
from annotator.formats.importing import import_paths
from annotator.formats.losses import LossReport
from annotator.storage.bulk import document_keys, iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import REPO
from tests.formats.conftest import build

HOSTILE = REPO / "tests" / "data" / "hostile"
# What a spreadsheet runs as a formula (OWASP's CSV injection list, and the same
# after white space or in full width).
LIVE_FORMULA = re.compile(r"^(\s*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b]|[\t\r])")
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)),
                    *(f"LPT{n}" for n in range(10))}


def hostile_corpus(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.sqlite"
    with Corpus.open(path) as corpus:
        summary = import_paths(corpus, [HOSTILE / f"export-{name}.jsonl"],
                               options=ReadOptions(coder="alice"))
    assert summary.ok and summary.added, summary.lines()
    return path


def export(corpus: Path, fmt: str, out: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", fmt, "-o", str(out),
                                      *args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


def documents(corpus: Path) -> list:
    with Corpus.open(corpus) as opened:
        return list(iter_documents(opened))


def report_count(report: str, kind: str) -> int:
    """How many times the report says ``kind`` happened (0 if it does not say)."""
    found = re.search(rf"(\d+) × {re.escape(kind)}", report)
    return int(found.group(1)) if found else 0


# -- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\t", "\rx", " =1", "\t=1", "\n=1",
    "\r\n+1", "\u3000=1", "\xa0@x", "＝1", "＋1", "－1", "＠x", "﹦1", "'=already", "'tis",
])
def test_every_formula_start_is_neutralised_and_can_be_undone(value: str) -> None:
    notices = LossReport()
    written = neutralise(value, notices, " in a test")
    assert written == "'" + value
    assert not LIVE_FORMULA.match(written)
    assert written[1:] == value  # the rule: remove the first apostrophe
    assert notices.counts[NOTICE] == 1


@pytest.mark.parametrize("value", ["a=b", "Gao", "", " x", 5, -5, 2.5, None, True])
def test_harmless_cells_are_left_alone(value: object) -> None:
    notices = LossReport()
    assert neutralise(value, notices) == value
    assert not notices


def test_csv_header_and_cells_hold_no_live_formula(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path, "formula-cells")
    out = tmp_path / "spans.csv"
    report = export(corpus, "csv", out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if LIVE_FORMULA.match(cell)]
    # Undone by the documented rule, every cell is the value in the corpus again.
    [coded] = documents(corpus)
    header = [cell[1:] if cell.startswith("'") else cell for cell in rows[0]]
    names = {name for span in coded.spans for name in span.attrs}
    assert names <= set(header)
    assert '=HYPERLINK("http://x","y")' in header and "\t=tab" in header
    by_text = {row[6][1:] if row[6].startswith("'") else row[6]: row for row in rows[1:]}
    for span in coded.spans:
        row = by_text[span.text]
        assert row[0] == "'=1+1" and row[1] == "'" + coded.document.title
        for name, value in span.attrs.items():
            cell = row[header.index(name)]
            assert (cell[1:] if cell.startswith("'") else cell) == str(value), name
    neutralised = sum(cell.startswith("'") for cell in cells)
    assert report_count(report, NOTICE) == neutralised
    assert "in the header" in report
    assert "changed on the way, without loss" in report


def test_events_csv_holds_no_live_formula(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path, "formula-cells")
    out = tmp_path / "events.csv"
    report = export(corpus, "events-csv", out)
    # Neutralising is not a loss: the one loss named is that a table is not a corpus.
    lost = report.split("lost in this format:")[1].strip().splitlines()
    assert len(lost) == 1 and "documents as a corpus" in lost[0]
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    [row] = rows
    assert row["event_id"] == "'=ev" and row["note"] == "'=HYPERLINK(\"http://x\")"
    assert row["coder"] == "'-alice" and row["actors_attacker"] == "'=cmd|' /C calc'!A0"
    assert not [v for r in rows for v in r.values() if LIVE_FORMULA.match(v)]
    assert report_count(report, NOTICE) == 6


def test_neutralised_cells_are_changes_not_losses(tmp_path: Path) -> None:
    text = "=SUM(1) militants attacked Gao."
    corpus = build(tmp_path / "c.sqlite", [{"id": "-1", "text": text, "spans": [
        {"start": 0, "end": 7, "label": "actor", "attrs": {"note": "+call"}}]}])
    report = export(corpus, "csv", tmp_path / "s.csv")
    # the id, the title (the first line), the span text and the note
    assert report_count(report, NOTICE) == 4
    # The one loss named is the document's text, which a table of spans does not hold.
    lost = report.split("lost in this format:")[1].strip().splitlines()
    assert len(lost) == 1 and "document texts" in lost[0]


# -- brat -------------------------------------------------------------------------------------

BRAT_LINE = re.compile(
    r"T\d+\t\w[\w-]* \d+ \d+(;\d+ \d+)*\t[^\n]*"  # text-bound: the covered text is last
    r"|A\d+\t[A-Za-z][\w-]* T\d+( \S+)?"
    r"|#E?\d+\tAnnotatorNotes [TE]\d+\t[^\t]*"  # a note: no tab after the second field
    r"|E\d+\t\w[\w-]*:T\d+( \w[\w-]*:T\d+)*")


def test_brat_notes_cannot_add_lines_or_fields(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path, "line-breaks")
    folder = tmp_path / "brat"
    report = export(corpus, "brat", folder)
    ann = (folder / "breaks.ann").read_text(encoding="utf-8")
    lines = ann.split("\n")[:-1]
    # str.splitlines breaks at ten characters, as brat's own reader does.
    assert ann.splitlines() == lines
    for line in lines:
        assert BRAT_LINE.fullmatch(line), line
    assert sum(line.startswith("T") for line in lines) == 5  # four spans and a trigger
    assert report_count(report, "line break or tab in a note replaced by a space "
                                "(brat has no escapes)") == 14
    assert report_count(report, "';' in an event's details written as ',' "
                                "(brat event notes use ';')") == 3
    # annotator's brat import finds every span where it was, and no other.
    again = tmp_path / "again.sqlite"
    with Corpus.open(again) as opened:
        summary = import_paths(opened, [folder], fmt="brat", options=ReadOptions(coder="alice"))
    assert summary.ok, summary.lines()
    [before], [after] = documents(corpus), documents(again)
    assert after.document.text == before.document.text
    spans = sorted((s.start, s.end, s.label) for s in after.spans)
    assert spans == sorted((s.start, s.end, s.label) for s in before.spans)
    [event] = after.events
    assert event.uid == "ev,1" and "forged" not in {m.group for m in event.members}


def test_brat_type_names_hold_no_character_brat_forbids(tmp_path: Path) -> None:
    text = "Armed men attacked Gao."
    corpus = build(tmp_path / "c.sqlite", [{"id": "l", "text": text, "spans": [
        {"start": 0, "end": 9, "label": "armed group"},
        {"start": 19, "end": 22, "label": "=place|x:y,z"}]}])
    report = export(corpus, "brat", tmp_path / "brat")
    ann = (tmp_path / "brat" / "l.ann").read_text(encoding="utf-8")
    assert ann == "T1\tarmed_group 0 9\tArmed men\nT2\t_place_x_y_z 19 22\tGao\n"
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    assert "armed_group\n_place_x_y_z\n" in conf
    assert report_count(report, "label renamed to fit brat's type names") == 2


def assert_safe_file_name(name: str) -> None:
    stem = name.split(".")[0]
    assert len(name.encode("utf-8")) <= MAX_STEM_BYTES + 5, name
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    assert not re.search(r'[<>:"|?*]', name), name
    assert not any(unicodedata.category(c).startswith("C") for c in name), name
    assert not name.endswith((".", " ")), name
    assert stem.strip().upper() not in WINDOWS_RESERVED, name


def test_brat_file_names_are_safe_unique_and_mapped_to_their_ids(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path, "file-names")
    ids = [coded.document.uid for coded in documents(corpus)]
    folder = tmp_path / "brat"
    report = export(corpus, "brat", folder)  # a 300-character id once failed it all
    names = [p.name for p in folder.iterdir() if p.name != MANIFEST]
    for name in names:
        assert_safe_file_name(name)
    assert len({n.casefold() for n in names}) == len(names)  # one file on Windows and macOS
    stems = read_id_map(folder / "document-ids.tab")
    assert sorted(stems.values()) == sorted(ids)
    assert sorted(names) == sorted(["annotation.conf", "document-ids.tab",
                                    *(f"{s}{x}" for s in stems for x in (".ann", ".txt"))])
    renamed = [uid for stem, uid in stems.items() if stem != uid]
    assert "Doc" not in renamed and "train" not in renamed
    assert report_count(report, "document id changed to a safe file name (every id is in "
                                "document-ids.tab, which a re-import reads)") == len(renamed)
    # The same id gets the same name whatever else is exported with it.
    some = ("CON", "x" * 300, "../../etc/passwd")
    alone = build(tmp_path / "alone.sqlite", [{"id": uid, "text": "Clashes in Kidal."}
                                              for uid in some])
    export(alone, "brat", tmp_path / "alone")
    assert read_id_map(tmp_path / "alone" / "document-ids.tab") == {
        stem: uid for stem, uid in stems.items() if uid in some}
    again = tmp_path / "again.sqlite"
    with Corpus.open(again) as opened:
        summary = import_paths(opened, [folder], options=ReadOptions(coder="alice"))
    assert summary.ok and summary.added + summary.duplicates == len(ids), summary.lines()
    with Corpus.open(again) as opened:  # every document has its own id back
        assert sorted(uid for uid, _ in document_keys(opened)) == sorted(ids)


def test_a_renamed_brat_file_gives_its_id_back_so_strict_lets_it_pass(tmp_path: Path) -> None:
    corpus = build(tmp_path / "c.sqlite", [{"id": "CON", "text": "Shelling in Idlib."}])
    out = tmp_path / "brat"
    report = export(corpus, "brat", out, "--strict")
    assert "nothing lost" in report and "CON" in report  # said among the changes
    with Corpus.open(tmp_path / "again.sqlite") as again:
        assert import_paths(again, [out]).ok
        assert [uid for uid, _ in document_keys(again)] == ["CON"]


def test_split_folders_use_the_safe_names(tmp_path: Path) -> None:
    corpus = hostile_corpus(tmp_path, "file-names")
    out = tmp_path / "split"
    export(corpus, "brat", out, "--split", "50/50")
    for folder in (out / "train", out / "dev"):
        for path in folder.iterdir():
            assert_safe_file_name(path.name)


@pytest.mark.parametrize("uid", ["CON", "aux.tar.gz", "com1", "LPT9", "x" * 300, "ع" * 150,
                                 "a/b", "report.", "report ", "bell\x07", "..", ".", "🔥"])
def test_safe_stem(uid: str) -> None:
    stem = safe_stem(uid)
    assert_safe_file_name(stem + ".ann")
    assert stem == safe_stem(uid) != safe_stem(uid + "!")


# -- JSON lines, CoNLL and report examples --------------------------------------------------------


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "labelstudio"])
def test_json_exports_stay_one_record_a_line(tmp_path: Path, fmt: str) -> None:
    corpus = hostile_corpus(tmp_path, "line-breaks")
    out = tmp_path / f"out.{fmt}"
    export(corpus, fmt, out)
    text = out.read_text(encoding="utf-8")
    assert text.splitlines() == text.split("\n")[:-1]  # no U+2028, U+0085 raw in a line
    if fmt == "labelstudio":
        [task] = json.loads(text)
        assert task["data"]["text"] == documents(corpus)[0].document.text
    else:
        [record] = [json.loads(line) for line in text.splitlines()]
        assert record["text"] == documents(corpus)[0].document.text


def test_conll_has_no_false_document_breaks(tmp_path: Path) -> None:
    from seqeval.metrics.sequence_labeling import get_entities

    corpus = hostile_corpus(tmp_path, "conll-breaks")
    out = tmp_path / "out.conll"
    report = export(corpus, "conll", out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert [line for line in lines if line.startswith("-DOCSTART-")] == ["-DOCSTART- -X- O O"]
    assert report_count(report, "token that CoNLL readers take for a document break "
                                "changed") == 2
    tags = [line.split()[-1] for line in lines if line and not line.startswith("-DOCSTART-")]
    words = [line.split()[0] for line in lines if line and not line.startswith("-DOCSTART-")]
    entities = {(label, " ".join(words[a:b + 1])) for label, a, b in get_entities(tags)}
    assert entities == {("actor", "Militants"), ("location", "Gao")}
    assert "tokenised in pieces of 200" in report


def test_report_examples_cannot_drive_the_terminal(tmp_path: Path) -> None:
    text = "Shelling in Idlib."
    corpus = build(tmp_path / "c.sqlite", [{"id": "bell\x07\x1b[2J\u202eevil", "text": text,
                                            "spans": [{"start": 12, "end": 17,
                                                       "label": "location",
                                                       "attrs": {"remark": "\x1b]0;owned\x07"}}]}])
    report = export(corpus, "doccano", tmp_path / "d.jsonl")
    assert "span attributes" in report
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", report)
    assert "\\x1b" in report
