"""Reading the CoNLL family: detection by content, CoNLL-U, repairs said with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.formats import conll
from annotator.formats.base import Problem, ReadOptions
from annotator.formats.registry import format_for
from tests.formats.test_conll_real import export_records, read_file, spans_of, written_sentences

# Written by hand for these tests: every CoNLL-U feature the reader honours.
CONLLU = """\
# newdoc id = report-1
# sent_id = 1
# text = Gunmen didn't attack Kidal.
1\tGunmen\tgunman\tNOUN\t_\t_\t3\tnsubj\t_\tNER=B-actor
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\t_\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\t_\t_\t4\tadvmod\t_\t_
3.1\tgo\tgo\tVERB\t_\t_\t_\t_\t0:root\t_
4\tattack\tattack\tVERB\t_\t_\t0\troot\t_\t_
5\tKidal\tKidal\tPROPN\t_\t_\t4\tobj\t_\tNER=B-location|SpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_

# sent_id = 2
# text = Al-Qaeda claimed it.
1\tAl-Qaeda\tAl-Qaeda\tPROPN\t_\t_\t2\tnsubj\t_\tEntity=B-actor
2\tclaimed\tclaim\tVERB\t_\t_\t0\troot\t_\t_
3\tit\tit\tPRON\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# newdoc id = report-2
# text = Gao, Mali
1\tGao\tGao\tPROPN\t_\t_\t0\troot\t_\tNER=B-location|SpaceAfter=No
2\t,\t,\tPUNCT\t_\t_\t1\tpunct\t_\t_
3\tMali\tMali\tPROPN\t_\t_\t1\tappos\t_\tNER=B-location
"""


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_conllu_text_documents_multiword_tokens_and_entities(tmp_path: Path) -> None:
    path = write(tmp_path, "ud.conllu", CONLLU)
    assert format_for(path, "auto") == "conllu"
    first, second = read_file(path)
    assert first.record.title == "report-1"
    assert first.record.text == "Gunmen didn't attack Kidal.\nAl-Qaeda claimed it."
    assert [(s.label, s.text) for s in first.record.spans] == [
        ("actor", "Gunmen"), ("location", "Kidal"), ("actor", "Al-Qaeda")]
    assert second.record.text == "Gao, Mali"
    assert [(s.label, s.text) for s in second.record.spans] == [
        ("location", "Gao"), ("location", "Mali")]
    assert not first.warnings and not second.warnings
    # the words of a multiword token are not text; its surface form is one token
    out = tmp_path / "out.conll"
    context = export_records([first.record, second.record], out)
    # CoNLL-2003 has no SpaceAfter: "Kidal." comes back "Kidal .", and the report says so;
    # nor has it a title ("report-1", and "Gao, Mali"'s id) to write.
    assert context.losses.counts == {
        conll.SPACING: 2,
        "document details (CoNLL has no place for a document's title, date, source, url, "
        "meta, notes, flags)": 2}
    assert [w for w, _t in written_sentences(out)[0]] == [
        "Gunmen", "didn't", "attack", "Kidal", "."]


def test_conllu_named_conll_is_told_by_its_content(tmp_path: Path) -> None:
    assert format_for(write(tmp_path, "ud.conll", CONLLU), "auto") == "conllu"


def test_conllu_without_entity_tags_says_so(tmp_path: Path) -> None:
    plain = "\n".join(line.rsplit("\t", 1)[0] + "\t_" if "\t" in line else line
                      for line in CONLLU.splitlines()) + "\n"
    path = write(tmp_path, "plain.conllu", plain)
    documents = read_file(path)
    assert [d.record.spans for d in documents] == [(), ()]
    assert documents[0].record.text == "Gunmen didn't attack Kidal .\nAl-Qaeda claimed it ."
    reasons = [w.reason for w in documents[-1].warnings]
    assert any("has no entity tags" in r for r in reasons)
    assert any("its '# text' differs" in r for r in reasons)  # SpaceAfter went with MISC


def test_a_conllu_line_without_ten_columns_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.conllu", CONLLU.replace("4\tattack\tattack\tVERB\t", "4\tattack\t"))
    from annotator.formats import conll_u

    items = list(conll_u.read(path, ReadOptions()))
    problems = [i for i in items if isinstance(i, Problem)]
    assert [(p.line, p.reason.split(":")[0]) for p in problems] == [
        (9, "has 8 columns, not CoNLL-U's 10")]
    assert len(items) == 2  # the next document is read


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("ner.txt", "-DOCSTART- -X- -X- O\n\nGunmen B-actor\nfled O\n", "conll"),
    ("train.txt", "Gunmen B-actor\nfled O\n\nin O\nGao B-location\n", "conll"),
    ("data.train", "Gunmen\tB-actor\nfled\tO\n", "conll"),
    ("people.bmes", "武 B-PER\n装 E-PER\n", "conll"),
    ("spans.txt", "Vgl. O\nRAB PARTA\nRz MISC\n8. MISC\n", "conll"),
    ("news.txt", "date 2024-08-06 Rockets hit Ain al-Assad\n\nTwo rockets were fired. "
                 "Nobody was hurt.\nThe base is in Anbar O\n", "txt"),
    ("poem.txt", "Rockets fell\nNobody knew\nThe night was O\n", "txt"),
    ("list.txt", "Kidal Mali\nGao Mali\nMopti Mali\n", "txt"),  # two columns, but no tags
    ("notes.test", "Some notes\nabout the test\n", None),
])
def test_formats_are_told_by_content(tmp_path: Path, name: str, content: str,
                                      expected: str | None) -> None:
    assert format_for(write(tmp_path, name, content), "auto") == expected


def test_a_brat_text_keeps_its_priority_over_content(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.txt", "-DOCSTART- -X- -X- O\n\nGunmen B-actor\n")
    write(tmp_path, "doc.ann", "")
    assert format_for(path, "auto") == "brat"


def test_repaired_tag_sequences_are_counted_with_the_first_line(tmp_path: Path) -> None:
    path = write(tmp_path, "ner.conll",
                 "Gunmen B-actor\nattacked O\n\nin O\nGao I-location\nand O\nMopti I-location\n"
                 "\nKidal B-location\n")
    [document] = read_file(path)
    assert [(s.label, s.text) for s in document.record.spans] == [
        ("actor", "Gunmen"), ("location", "Gao"), ("location", "Mopti"), ("location", "Kidal")]
    [warning] = document.warnings
    assert (warning.file, warning.line) == (path, 5)
    assert warning.reason.startswith("2 tag sequences repaired as seqeval reads them (tags read "
                                     "as IOB2): I- with no entity open taken as a start ×2; "
                                     "first at line 5")


def test_iob1_files_are_not_repaired(tmp_path: Path) -> None:
    path = write(tmp_path, "iob1.conll", "Gunmen I-actor\nfled O\nto O\nGao I-location\n"
                                         "Mopti B-location\n")
    [document] = read_file(path)
    assert [(s.label, s.text) for s in document.record.spans] == [
        ("actor", "Gunmen"), ("location", "Gao"), ("location", "Mopti")]
    assert document.warnings == ()


def test_a_file_without_docstart_is_one_document_of_its_sentences(tmp_path: Path) -> None:
    path = write(tmp_path, "ner.iob", "Gunmen B-actor\n\nGao B-location\nfell O\n")
    [document] = read_file(path)
    assert document.record.text == "Gunmen\nGao fell"
    assert spans_of(document.record) == [(0, 6, "actor", "Gunmen"), (7, 10, "location", "Gao")]


def test_germeval_inner_entities_are_read_and_reported_as_lost_on_export(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "#\tsource\t[2005-02-26]\n1\tBank\tB-ORG\tO\n"
                                    "2\tof\tI-ORG\tO\n3\tEngland\tI-ORG\tB-LOC\n")
    [document] = read_file(path)
    assert sorted((s.label, s.text) for s in document.record.spans) == [
        ("LOC", "England"), ("ORG", "Bank of England")]
    context = export_records([document.record], tmp_path / "out.conll")
    assert context.losses.counts == {"overlapping span left out of IOB tags": 1}
