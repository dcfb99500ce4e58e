"""WebAnno TSV 3.3 in INCEpTION's shapes, written by hand from the format's description."""

from __future__ import annotations

from pathlib import Path

from annotator.formats import webanno_tsv
from annotator.formats.base import Problem, ReadDocument, ReadOptions
from annotator.formats.registry import format_for

NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
TSV = (
    "#FORMAT=WebAnno TSV 3.3\n"
    f"#T_SP={NE}|identifier|value\n"
    "#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceType|"
    "referenceRelation\n"
    f"#T_RL=webanno.custom.Relation|label|BT_{NE}\n"
    "\n\n"
    "#Text=I like Ms. Haag 😊 .\n"
    "1-1\t0-1\tI\t_\t_\t_\t_\t_\t_\t\n"
    "1-2\t2-6\tlike\t_\t_\t_\t_\t_\t_\t\n"
    "1-3\t7-10\tMs.\t*[1]|*[2]\tPER[1]|PERpart[2]\tpr[1]\tcoref->1-1\t_\t_\t\n"
    "1-4\t11-15\tHaag\twikidata:Q1[1]\tPER[1]\t_\t_\tsees\t1-2\t\n"
    "1-5\t16-18\t😊\t*\tEMO\\|JI\t_\t_\t_\t_\t\n"
    "1-5.1\t16-18\t😊\t*\tface\t_\t_\t_\t_\t\n"
    "1-6\t19-20\t.\t_\t_\t_\t_\tof\t1-3[2_0]\t\n"
    "\n"
    "#Text=Line one\n"
    "#Text=and two\\ttab\n"
    "2-1\t21-25\tLine\t*\tx\\_y\t_\t_\t_\t_\t\n"
)


def test_inception_shapes(tmp_path: Path) -> None:
    path = tmp_path / "doc.tsv"
    path.write_text(TSV, encoding="utf-8")
    assert format_for(path, "auto") == "webanno"  # .tsv, yet not CoNLL
    (read,) = webanno_tsv.read(path, ReadOptions(coder="alice"))
    assert isinstance(read, ReadDocument), read
    record = read.record
    assert record.text == "I like Ms. Haag 😊 .\nLine one\nand two\ttab"
    spans = sorted((s.start, s.end, s.label, s.text) for s in record.spans)
    assert spans == [(7, 10, "PERpart", "Ms."), (7, 15, "PER", "Ms. Haag"),
                     (16, 17, "EMO|JI", "😊"), (16, 17, "face", "😊"),
                     (20, 24, "x_y", "Line")]
    per = next(s for s in record.spans if s.label == "PER")
    assert [(link.kb, link.id) for link in per.links] == [("wikidata", "Q1")]
    # "sees" is on 1-4, the row of PER[1] (its tail) from the span on 1-2: there is none,
    # so it is named; "of" goes from PERpart[2] on 1-3 to "." on 1-6, which has none.
    assert record.relations == ()
    said = " ".join(str(w) for w in read.warnings)
    assert "2 Relation relations between annotations not read as spans" in said
    assert "CoreferenceLink chain values not read" in said


def test_a_relation_between_stacked_spans(tmp_path: Path) -> None:
    path = tmp_path / "doc.tsv"
    path.write_text(TSV.replace("1-6\t19-20\t.\t_\t_", "1-6\t19-20\t.\t*\tDOT"), encoding="utf-8")
    (read,) = webanno_tsv.read(path, ReadOptions())
    labels = {s.uid: s.label for s in read.record.spans}
    assert [(labels[r.head], labels[r.tail], r.label) for r in read.record.relations] == [
        ("PERpart", "DOT", "of")]


def test_malformed_files_are_problems_naming_their_line(tmp_path: Path) -> None:
    cases = {
        "#FORMAT=Something else\n": (1, "#FORMAT=WebAnno TSV"),
        TSV.replace("1-2\t2-6", "1-2\ttwo"): (9, "not a token line"),
        TSV.replace("PER[1]|PERpart[2]", "PER[x]|PERpart[2]"): (None, "number in brackets"),
        TSV.replace("1-4\t11-15", "1-4\t11-99"): (11, "not within the text"),
        TSV.replace("1-1\t0-1\tI", "1-1\t5-6\tI"): (None, None),
    }
    for number, (content, (line, words)) in enumerate(cases.items()):
        path = tmp_path / f"bad{number}.tsv"
        path.write_text(content, encoding="utf-8")
        (item,) = webanno_tsv.read(path, ReadOptions())
        if words is None:
            continue  # a sentence placed later is padded, as INCEpTION does
        assert isinstance(item, Problem), (content, item)
        assert words in item.reason
        if line is not None:
            assert item.line == line
