"""brat's quirks, in small files written by hand: what is read, what is written, and
that brat's own checks (``brat_strict``) accept every file the export writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import CodedDocument
from annotator.formats import brat_syntax as syntax
from annotator.formats.base import ReadOptions
from annotator.formats.brat_conf import read_conf
from annotator.formats.importing import ImportSummary, import_paths
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import PEERS, shared
from tests.formats.brat_strict import brat_problems
from tests.formats.conftest import build


def brat_folder(tmp_path: Path, text: str, ann: str, name: str = "d") -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8", newline="")
    return folder


def read_back(tmp_path: Path, folder: Path,
              name: str = "c.sqlite") -> tuple[ImportSummary, list[CodedDocument]]:
    with Corpus.open(tmp_path / name) as corpus:
        summary = import_paths(corpus, sorted(folder.glob("*.ann")), fmt="brat",
                               options=ReadOptions(coder="alice"))
        return summary, list(iter_documents(corpus))


def export(corpus: Path, out: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", "brat", "-o", str(out),
                                      *args])
    assert result.exit_code == 0, result.output
    for ann in out.glob("*.ann"):
        assert brat_problems(ann) == [], ann.read_text(encoding="utf-8")
    return result.output


# -- reading ----------------------------------------------------------------------------


def test_a_discontinuous_span_keeps_its_fragments_and_their_texts(tmp_path: Path) -> None:
    text = "He is, they say, n't here."
    folder = brat_folder(tmp_path, text, "T1\tNegation 3 5;17 20\tis n't\n")
    summary, [doc] = read_back(tmp_path, folder)
    assert summary.ok and summary.warnings == []
    [span] = doc.spans
    assert (span.start, span.end, span.fragments) == (3, 20, ((3, 5), (17, 20)))
    assert " ".join(span.fragment_texts()) == "is n't"  # the .ann text field, as brat joins it


def test_pieces_apart_only_by_a_line_break_are_one_stretch(tmp_path: Path) -> None:
    # brat cuts a selection over two lines into fragments at the break.
    folder = brat_folder(tmp_path, "Fighting in\nDonetsk city", "T1\tGPE 9 11;12 19\tin Donetsk\n")
    _, [doc] = read_back(tmp_path, folder)
    [span] = doc.spans
    assert (span.start, span.end, span.fragments, span.text) == (9, 19, (), "in\nDonetsk")


def test_a_text_field_that_is_not_the_text_is_refused_naming_file_and_line(
        tmp_path: Path) -> None:
    folder = brat_folder(tmp_path, "He is, they say, n't here.",
                         "T1\tX 0 2\tHe\nT2\tNegation 3 5;17 20\tisn't\n")
    summary, documents = read_back(tmp_path, folder)
    assert documents == []
    [problem] = summary.rejected
    assert (problem.file.name, problem.line) == ("d.ann", 2)
    assert "'is n\\'t'" in problem.reason or "is n't" in problem.reason


def test_two_types_on_one_range_and_repeated_attributes_are_kept(tmp_path: Path) -> None:
    text = "overexpression of IkappaBalpha"
    folder = brat_folder(tmp_path, text, "T1\tPositive_regulation 0 14\toverexpression\n"
                         "T2\tGene_expression 0 14\toverexpression\n"
                         "A1\tMention T1 Name\nA2\tMention T1 Nominal\nA3\tMention T1 Name\n"
                         "A4\tComment T2 two words\n")
    summary, [doc] = read_back(tmp_path, folder)
    assert sorted(s.label for s in doc.spans) == ["Gene_expression", "Positive_regulation"]
    attrs = {s.label: dict(s.attrs) for s in doc.spans}
    assert attrs == {"Positive_regulation": {"Mention": ["Name", "Nominal"]},
                     "Gene_expression": {"Comment": "two words"}}  # the value is the rest
    [said] = summary.warnings
    assert (said.file.name, said.line) == ("d.ann", 5)
    assert said.reason.startswith("1 attributes said twice with the same value")


ROUND = ("Rockets hit Gao. Militants fired. They merged.\n")
ROUND_ANN = (
    "T1\tPerson 17 26\tMilitants\n"
    "T2\tAttack 27 32\tfired\n"
    "T3\tGPE 12 15\tGao\n"
    "T4\tMerge 39 45\tmerged\n"
    "T5\tReport 0 7\tRockets\n"
    "T6\tPerson 34 38\tThey\n"
    "E1\tAttack:T2 Agent:T1 Place:T3\n"
    "E2\tMerge:T4\n"  # a trigger and no arguments
    "E3\tReport:T5 Event-Arg:E1 Event-Arg2:E2\n"
    "R1\tLocated Head:T1 Tail:T3\t\n"
    "*\tAlias T1 T3 T6\n"
    "A1\tNegation E2\n"
    "A2\tConfidence E1 High\n"
    "#1\tAnnotatorNotes E1\tCheck the date\n"
    "#2\tAnnotatorNotes R1\tnot stated\n"
    "A3\tCertain R1\n"
    "N1\tReference T3 GeoNames:2457163\tGao\n"
    "N2\tHomepage T3 Web:gao.example\t\n"
)


def test_events_relations_equivalences_and_links_are_carried(tmp_path: Path) -> None:
    folder = brat_folder(tmp_path, ROUND, ROUND_ANN)
    assert brat_problems(folder / "d.ann") == []  # a file brat itself reads
    summary, [doc] = read_back(tmp_path, folder)
    assert summary.ok
    [other_kind] = summary.warnings  # N2's type has no place: said with its line
    assert (other_kind.line, other_kind.reason[:48]) == (
        18, "1 normalisations of type 'Homepage' imported as ")
    text = {s.uid: s.text for s in doc.spans}
    attack, merge, report = doc.events
    assert [(text[m.span_uid], m.role) for m in attack.members] == [
        ("fired", "trigger"), ("Militants", "Agent"), ("Gao", "Place")]
    assert [(text[m.span_uid], m.role) for m in merge.members] == [("merged", "trigger")]
    assert syntax.split_event_note(attack.note) == ("Check the date", {"Confidence": "High"})
    assert syntax.split_event_note(merge.note) == ("", {"Negation": True})
    relations = {(text[r.head], r.label, text[r.tail]): dict(r.attrs) for r in doc.relations}
    assert relations[("Militants", "Located", "Gao")] == {
        syntax.ROLES: "Head Tail", "note": "not stated", "Certain": True}
    assert relations[("Militants", "Alias", "Gao")] == {syntax.EQUIVALENCE: "1"}
    assert relations[("Gao", "Alias", "They")] == {syntax.EQUIVALENCE: "1"}
    assert relations[("Rockets", "Event-Arg", "fired")] == {
        syntax.EVENT: report.uid, syntax.ARGUMENT: attack.uid}
    assert relations[("Rockets", "Event-Arg", "merged")][syntax.ARGUMENT] == merge.uid
    gao = next(s for s in doc.spans if s.text == "Gao")
    assert [(k.kb, k.id, k.name) for k in gao.links] == [
        ("GeoNames", "2457163", "Gao"), ("Web", "gao.example", "")]


def test_what_was_read_is_written_back_line_for_line(tmp_path: Path) -> None:
    _, [first] = read_back(tmp_path, brat_folder(tmp_path, ROUND, ROUND_ANN))
    out = tmp_path / "out"
    report = export(tmp_path / "c.sqlite", out)
    assert "nothing lost" in report
    [written] = out.glob("*.ann")  # named by the document's id
    lines = [re.sub(r"\b[TERAN]\d+\b", "#", line) for line in
             written.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert "#\tMerge:#" in lines  # no trigger: argument, no second trigger line
    assert sum(line.startswith("#\t") and line.count("\t") == 2 and ":" not in line
               for line in lines) == 6  # six T lines, as read
    assert "#\tReport:# Event-Arg:# Event-Arg2:#" in lines
    assert "#\tLocated Head:# Tail:#" in lines
    assert "*\tAlias # # #" in lines
    assert "#\tNegation #" in lines and "#\tConfidence # High" in lines
    assert "#\tReference # GeoNames:2457163\tGao" in lines
    conf = read_conf((out / "annotation.conf").read_text(encoding="utf-8"))
    assert [k for k, _ in conf["entities"]] == ["Person", "GPE"]
    assert ("Located", {"Head": ["Person"], "Tail": ["GPE"]}) in conf["relations"]
    assert ("Alias", {"Arg1": ["Person", "GPE"], "Arg2": ["Person", "GPE"],
                      "<REL-TYPE>": ["symmetric-transitive"]}) in conf["relations"]
    events = dict(conf["events"])
    assert events["Attack"] == {"Agent*": ["Person"], "Place*": ["GPE"]}
    assert events["Report"] == {"Event-Arg*": ["<EVENT>"]}
    attributes = dict(conf["attributes"])
    assert attributes["Confidence"] == {"Arg": ["<EVENT>"], "Value": ["High"]}
    again = tmp_path / "again"
    again.mkdir()
    _, [second] = read_back(again, out)
    assert shape(second) == shape(first)


def shape(coded: CodedDocument) -> tuple[object, ...]:
    keys = {s.uid: (s.pieces, s.label) for s in coded.spans}
    return (sorted((s.pieces, s.label, json.dumps(s.attrs, sort_keys=True),
                    [(k.kb, k.id, k.name) for k in s.links])
                   for s in coded.spans),
            sorted((e.uid, e.type, e.note, e.date, e.coder,
                    sorted((keys[m.span_uid], m.role, m.group) for m in e.members))
                   for e in coded.events),
            sorted((keys[r.head], keys[r.tail], r.label, json.dumps(r.attrs, sort_keys=True))
                   for r in coded.relations))


# -- writing ----------------------------------------------------------------------------

AWKWARD = "Google  Inc. said\n\nthat  Paris \n is   fine. قصف على قاعدة 👩‍👩‍👧 🔥"


def test_spans_over_spaces_and_line_breaks_are_written_as_brat_checks_them(
        tmp_path: Path) -> None:
    base = AWKWARD.index("قاعدة")
    corpus = build(tmp_path / "c.sqlite", [{"id": "d", "text": AWKWARD, "spans": [
        {"start": 0, "end": 7, "label": "ORG"},  # ends in a space
        {"start": 0, "end": 12, "label": "ORG"},  # two spaces inside
        {"start": 13, "end": 25, "label": "X"},  # over a blank line
        {"start": 25, "end": 33, "label": "GPE"},  # a space, a break, a space
        {"start": base, "end": len(AWKWARD), "label": "LOC"},  # RTL and emoji
        {"start": 0, "end": 30, "label": "ORG", "fragments": [[0, 6], [25, 30]]},
    ]}])
    report = export(corpus, tmp_path / "out")
    assert "nothing lost" in report
    lines = (tmp_path / "out" / "d.ann").read_text(encoding="utf-8").split("\n")
    assert "T1\tORG 0 7\tGoogle " in lines
    assert "T4\tX 13 17;19 25\tsaid that  " in lines  # cut at the breaks, spaces kept
    _, [before] = read_back(tmp_path, tmp_path / "out", "unused.sqlite")
    with Corpus.open(corpus) as opened:
        [original] = list(iter_documents(opened))
    assert shape(before) == shape(original)


def test_what_brat_cannot_carry_is_named_with_counts(tmp_path: Path) -> None:
    text = "Rebels\nattacked Gao."
    corpus = build(tmp_path / "c.sqlite", [{
        "id": "d", "text": text, "doc_labels": [{"name": "relevant", "value": True,
                                                 "coder": "alice"}],
        "spans": [
            {"start": 0, "end": 7, "label": "actor", "attrs": {"uncertain": False}},  # ends "\n"
            {"start": 6, "end": 7, "label": "actor"},  # only a line break
            {"start": 15, "end": 16, "label": "actor"},  # only a space
            {"start": 0, "end": 15, "label": "actor", "fragments": [[0, 6], [7, 15]]},
            {"start": 16, "end": 19, "label": "place", "attrs": {"count": 3}},
        ]}])
    report = export(corpus, tmp_path / "out")
    assert "1 × document labels (brat has no place for them)" in report
    assert "1 × false or empty attribute left out" in report
    assert "2 × span of only white space left out" in report
    assert "1 × span starting or ending with a line break written without it" in report
    assert "1 × discontinuous span whose pieces are apart only by line breaks" in report
    assert "1 × number attribute reads back as text" in report
    assert "nothing lost" not in report


def test_the_configuration_lists_the_labels_used_or_all_of_them(tmp_path: Path) -> None:
    corpus = build(tmp_path / "c.sqlite", [{"id": "d", "text": "Rebels attacked Gao.",
                                            "spans": [{"start": 0, "end": 6, "label": "actor"}]}])
    export(corpus, tmp_path / "used")
    used = read_conf((tmp_path / "used" / "annotation.conf").read_text(encoding="utf-8"))
    assert used["entities"] == [("actor", {})]
    export(corpus, tmp_path / "all", "--all-labels")
    listed = read_conf((tmp_path / "all" / "annotation.conf").read_text(encoding="utf-8"))
    assert [k for k, _ in listed["entities"]] == ["actor", "casualty", "location"]


def test_a_real_configuration_with_the_legacy_spans_section_is_read() -> None:
    conf = read_conf((shared(PEERS / "brat" / "tdt-fi-wikinews") / "annotation.conf")
                     .read_text(encoding="utf-8"))
    assert ("Null", {}) in conf["entities"]
    assert ("amod", {"Arg1": ["<ENTITY>"], "Arg2": ["<ENTITY>"]}) in conf["relations"]
    news = read_conf((shared(PEERS / "brat" / "tutorial-news") / "annotation.conf")
                     .read_text(encoding="utf-8"))
    events = dict(news["events"])
    assert events["Die"]["Agent-Arg?"] == ["Person", "Organization", "GPE"]  # the <POG> macro
    assert "Life" not in events and "!Life" not in events
