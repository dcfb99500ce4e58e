"""Factiva and Nexis exports as coders download them: every real sample against its ground
truth (../shared/data/real/news/ground-truth.json), and damaged exports made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats.base import Problem, ReadDocument, ReadOptions
from annotator.formats.importing import import_paths
from annotator.formats.registry import READERS, format_for
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.conftest import SHARED_DATA

NEWS = SHARED_DATA / "real" / "news"
TRUTH = NEWS / "ground-truth.json"


def _truth() -> list[dict]:
    if not TRUTH.exists():
        return []
    return [entry for entry in json.loads(TRUTH.read_text(encoding="utf-8"))
            if entry["path"].startswith(("factiva/", "nexis/"))]


def _real(path: str) -> Path:
    found = NEWS / path
    if not found.exists():
        pytest.skip(f"{found} is absent: real news exports are kept beside the repository "
                    "(set ANNOTATOR_SHARED_DATA to their folder)")
    return found


def _read(path: Path, fmt: str | None = None) -> tuple[list, list[Problem]]:
    fmt = fmt or format_for(path, "auto")
    assert fmt is not None, f"{path.name}: format not told"
    items = list(READERS[fmt](path, ReadOptions()))
    return ([i.record for i in items if isinstance(i, ReadDocument)],
            [i for i in items if isinstance(i, Problem)])


def _body(record) -> str:
    """The text after the headline, which the document's text starts with."""
    assert record.text.startswith(record.title), "the headline stays in the text"
    return record.text[len(record.title):]


@pytest.mark.parametrize("entry", _truth() or [pytest.param(None, marks=pytest.mark.skip(
    reason=f"{TRUTH} is absent: real news exports are kept beside the repository"))],
    ids=lambda e: e["path"] if e else "absent")
def test_real_export_matches_its_ground_truth(entry: dict) -> None:
    path = _real(entry["path"])
    expected = "factiva" if entry["path"].startswith("factiva/") else "nexis"
    if expected not in READERS:
        pytest.skip(f"no {expected} reader yet")
    assert format_for(path, "auto") == expected
    records, _problems = _read(path)
    assert len(records) == entry["articles"]
    for record, first in zip(records, entry["first"], strict=False):
        if first["headline"] is not None:
            assert record.title == first["headline"]
        assert record.date == first["date"]
        assert record.source == first["source"]
        words = len(first["body_starts"].split())
        # Without a headline the title shown is the text's first line, which is body.
        body = _body(record) if first["headline"] is not None else record.text
        assert " ".join(body.split()[:words]) == first["body_starts"]
    if entry.get("all_headlines"):
        assert [r.title or None for r in records] == entry["all_headlines"]
    for position, record in enumerate(records, 1):
        assert record.meta["file"] == path.name
        assert record.meta["position"] == position


def test_factiva_keeps_its_fields_and_accession_number() -> None:
    path = _real("factiva/newspapers__nyt_1_1993-01-03.html")
    items = list(READERS["factiva"](path, ReadOptions()))
    records = [i.record for i in items if isinstance(i, ReadDocument)]
    first = records[0]
    assert first.uid == "NYTF000020050408dp1900j9s"
    assert first.meta["byline"] == "By ALAN RIDING"
    assert first.meta["section"] == "Foreign Desk; 1"
    assert first.meta["language"] == "Englisch"
    # Declared UTF-8, written in Windows-1252: read, and the coder told, with the first
    # article (a warning: every article was imported, so the import does not fail).
    assert not [i for i in items if isinstance(i, Problem)]
    assert any("Windows-1252" in w.reason for w in items[0].warnings)
    assert len({r.uid for r in records}) == len(records)


CLASSIC = """<html><head><title>Factiva</title></head><body><div id="navcontainer"><table><tr>
<td class="factivalogo"><h1>Factiva</h1></td></tr></table></div><div id="contentLeft">{articles}
</div></body></html>"""
ARTICLE = """<div class="article enArticle"><table>
<tr><td class="index"><b>HD</b></td><td><b class='enHeadline'>{headline}</b></td></tr>
<tr><td class="index"><b>PD</b></td><td>{date}</td></tr>
<tr><td class="index"><b>SN</b></td><td>Daily Test</td></tr>
{body}
<tr><td class="index"><b>AN</b></td><td>Document {an}</td></tr></table></div>"""
BODY = """<tr><td class="index"><b>LP</b></td><td><p class="articleParagraph">{lead}</p></td></tr>
<tr><td class="index"><b>TD</b></td><td><p class="articleParagraph">More text.</p></td></tr>"""


def _classic(tmp_path: Path, *articles: tuple[str, str, str, bool]) -> Path:
    parts = [ARTICLE.format(headline=h, date=d, an=an,
                            body=BODY.format(lead=f"Lead of {h}.") if body else "")
             for h, d, an, body in articles]
    path = tmp_path / "export.html"
    path.write_text(CLASSIC.format(articles="\n".join(parts)), encoding="utf-8")
    return path


def test_factiva_article_without_body_is_said_and_others_are_read(tmp_path: Path) -> None:
    path = _classic(tmp_path, ("Shelling in Kidal", "3 mars 2024", "TESTAAAA00000001", True),
                    ("Empty one", "4 March 2024", "TESTAAAA00000002", False),
                    ("Raid near Gao", "5. März 2024", "TESTAAAA00000003", True))
    records, problems = _read(path)
    assert [(r.title, r.date, r.uid) for r in records] == [
        ("Shelling in Kidal", "2024-03-03", "TESTAAAA00000001"),
        ("Raid near Gao", "2024-03-05", "TESTAAAA00000003")]
    assert records[1].meta["position"] == 3
    assert records[0].text == "Shelling in Kidal\n\nLead of Shelling in Kidal.\n\nMore text."
    [problem] = problems
    assert "article 2" in problem.reason and "Empty one" in problem.reason
    assert "no text" in problem.reason


def test_factiva_html_without_articles_is_said(tmp_path: Path) -> None:
    path = _classic(tmp_path)
    assert format_for(path, "auto") == "factiva"
    records, problems = _read(path)
    assert records == []
    assert [p.reason for p in problems] == ["is a Factiva HTML export with no articles in it"]


def test_factiva_rtf_cut_in_the_middle(tmp_path: Path) -> None:
    data = _real("factiva/AutomatedWeather__Factiva.rtf").read_bytes()
    cut = tmp_path / "cut.rtf"
    cut.write_bytes(data[: len(data) // 2])
    records, problems = _read(cut, "factiva")
    whole, _ = _read(_real("factiva/AutomatedWeather__Factiva.rtf"))
    assert 0 < len(records) < len(whole)
    assert [r.uid for r in records] == [r.uid for r in whole[: len(records)]]
    assert any("cut short" in p.reason and f"{len(records)} articles read" in p.reason
               for p in problems)


def test_factiva_xml_cut_short_is_said(tmp_path: Path) -> None:
    data = _real("factiva/tm.plugin.factiva__factiva_test.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[:5000])
    records, problems = _read(cut)
    assert records == []
    assert any("not well-formed XML" in p.reason and "cut short" in p.reason for p in problems)


def test_import_through_the_cli_counts_and_skips_duplicates(tmp_path: Path) -> None:
    export = _real("factiva/amcat__factivia.htm")
    corpus = tmp_path / "news.sqlite"
    runner = CliRunner()
    first = runner.invoke(cli, ["import", str(corpus), str(export)])
    assert first.exit_code == 0, first.output
    assert "9 added" in first.output
    again = runner.invoke(cli, ["import", str(corpus), str(export)])
    assert again.exit_code == 0, again.output
    assert "0 added, 9 skipped as duplicates" in again.output
    with Corpus.open(corpus) as opened:
        stored = list(iter_documents(opened))
    assert len(stored) == 9
    assert {d.document.meta["position"] for d in stored} == set(range(1, 10))


def test_import_paths_reports_the_bad_article(tmp_path: Path) -> None:
    path = _classic(tmp_path, ("Shelling in Kidal", "3 March 2024", "TESTAAAA00000001", True),
                    ("Empty one", "4 March 2024", "TESTAAAA00000002", False))
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [path], fmt="auto", options=ReadOptions())
    assert summary.added == 1
    assert any("Empty one" in str(p) for p in summary.rejected)


def test_a_news_page_that_names_factiva_is_not_an_export(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Found on Factiva.</p><div class=\"article-body\">"
                    "Troops entered the town.</div></body></html>", encoding="utf-8")
    assert format_for(page, "auto") != "factiva"


NEXIS_TXT = """\ufeff
Download Request: Selected Items: 1-2

                               1 of 5 DOCUMENTS

                                  Daily Test

                            March 3, 2024 Sunday

Shelling in Kidal
reaches the market

BYLINE: A. Reporter

LENGTH: 120 words

Shells hit the market on Sunday,
witnesses said.

WASHINGTON: the State Department condemned the attack.

LOAD-DATE: March 4, 2024

LANGUAGE: ENGLISH

                  Copyright 2024 Daily Test Ltd. All Rights Reserved

                               2 of 383 DOCUMENTS

                                  Other Paper

                            5 March 2024 Tuesday

Raid near Gao

SECTION: WORLD; Pg. 3

Gunmen raided a village near Gao.

LOAD-DATE: March 6, 2024
"""


def test_nexis_text_export_kept_apart_from_its_header_and_footer(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(NEXIS_TXT.replace("\n", "\r\n").encode("utf-8"))
    assert format_for(path, "auto") == "nexis"
    records, problems = _read(path)
    assert problems == []
    # "2 of 383": the total printed is not what tells articles apart.
    assert [(r.title, r.date, r.source) for r in records] == [
        ("Shelling in Kidal reaches the market", "2024-03-03", "Daily Test"),
        ("Raid near Gao", "2024-03-05", "Other Paper")]
    first, second = records
    assert first.text == ("Shelling in Kidal reaches the market\n\nShells hit the market on "
                          "Sunday, witnesses said.\n\nWASHINGTON: the State Department "
                          "condemned the attack.")
    assert first.meta["byline"] == "A. Reporter"
    assert first.meta["length"] == "120 words"
    assert first.meta["load-date"] == "March 4, 2024"
    assert (first.meta["file"], first.meta["export"]) == ("export.txt", "nexis")
    assert second.meta["section"] == "WORLD; Pg. 3"
    assert second.meta["position"] == 2
    assert "Copyright" not in first.text and "LOAD-DATE" not in second.text


def _uni_docx(path: Path, *paragraphs: str) -> Path:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


UNI_ARTICLE = ("Shelling in Kidal", "Daily Test", "March 3, 2024 Sunday",
               "Copyright 2024 Daily Test Ltd.", "Length:\u00a0120 words",
               "Byline:\u00a0A. Reporter", "Body", "Shells hit the market on Sunday.",
               "Witnesses counted twelve dead.", "Classification", "Language:\u00a0ENGLISH",
               "Load-Date:\u00a0March 4, 2024",
               "End of Document")


def test_nexis_uni_docx_with_a_cover_page(tmp_path: Path) -> None:
    path = _uni_docx(tmp_path / "uni.docx", "Date and Time: Monday, 4. March 2024",
                     "Documents (1)", "1. Shelling in Kidal", "Search Terms: Kidal",
                     *UNI_ARTICLE)
    assert format_for(path, "auto") == "nexis"
    [record], problems = _read(path)
    assert problems == []
    assert (record.title, record.date, record.source) == (
        "Shelling in Kidal", "2024-03-03", "Daily Test")
    assert record.text == ("Shelling in Kidal\n\nShells hit the market on Sunday.\n\n"
                           "Witnesses counted twelve dead.")
    assert record.meta["byline"] == "A. Reporter"
    assert record.meta["length"] == "120 words"
    assert record.meta["load-date"] == "March 4, 2024"
    assert record.meta["language"] == "ENGLISH"


def test_nexis_uni_docx_cut_after_an_article_is_said(tmp_path: Path) -> None:
    path = _uni_docx(tmp_path / "cut.docx", *UNI_ARTICLE, "Raid near Gao", "Daily Test")
    records, problems = _read(path)
    assert [r.title for r in records] == ["Shelling in Kidal"]
    assert any("after article 1" in p.reason and "End of Document" in p.reason
               for p in problems)


def test_a_word_document_is_not_a_nexis_export(tmp_path: Path) -> None:
    path = _uni_docx(tmp_path / "letter.docx", "Dear colleagues,", "The meeting is on Monday.")
    assert format_for(path, "auto") != "nexis"


def test_nexis_text_without_articles_is_said(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("Download Request: Selected Items: 1-0\n\nNo documents found.\n",
                    encoding="utf-8")
    records, problems = _read(path, "nexis")
    assert records == []
    assert [p.reason for p in problems] == ["is a LexisNexis text export with no articles in it"]


def test_nexis_error_notice_is_no_article_and_is_said() -> None:
    records, problems = _read(_real("nexis/tm.plugin.lexisnexis__lexisnexis_test_copyright_error.html"))
    assert len(records) == 1
    assert "Copy 2013" not in records[0].text
    [problem] = problems
    assert "could not print a document" in problem.reason


def test_nexis_docx_larger_than_the_sniffed_head_is_told(tmp_path: Path) -> None:
    import os
    import zipfile

    path = _uni_docx(tmp_path / "big.docx", *UNI_ARTICLE)
    # Stored, not compressed: the zip's directory ends up past the first megabyte.
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("word/media/scan.bin", os.urandom(3 << 19))
    assert path.stat().st_size > 1 << 20
    assert format_for(path, "auto") == "nexis"
    assert [r.title for r in _read(path)[0]] == ["Shelling in Kidal"]


def _as_rtf(lines: list[str]) -> bytes:
    """``lines`` as the paragraphs of an RTF file, as Word and Nexis write one: ASCII,
    other characters as \\u escapes (a no-break space too)."""
    def escaped(line: str) -> str:
        out = []
        for char in line:
            if char in "\\{}":
                out.append("\\" + char)
            elif ord(char) < 128:
                out.append(char)
            else:
                out += [f"\\u{unit - 65536 if unit > 32767 else unit}?" for unit in
                        (ord(char),) if ord(char) < 65536] or [
                    f"\\u{hi - 65536}?\\u{lo - 65536}?" for hi, lo in
                    [divmod(ord(char) - 0x10000, 0x400)]]
        return "".join(out)
    body = "".join(escaped(line) + "\\par\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
            + body + "}").encode("ascii")


def _same_articles(rtf: list, other: list) -> None:
    assert len(rtf) == len(other) > 0
    for a, b in zip(rtf, other, strict=True):
        assert (a.title, a.date, a.source, a.text) == (b.title, b.date, b.source, b.text)


def test_nexis_uni_rtf_gives_the_articles_its_docx_gives(tmp_path: Path) -> None:
    import docx

    source = _real("nexis/newspapers__guardian1.docx")
    paragraphs = [p.text for p in docx.Document(str(source)).paragraphs]
    rtf = tmp_path / "guardian1.rtf"
    rtf.write_bytes(_as_rtf(paragraphs))
    assert format_for(rtf, "auto") == "nexis"
    from_rtf, problems = _read(rtf)
    assert problems == []
    _same_articles(from_rtf, _read(source)[0])


def test_lexisnexis_academic_rtf_gives_the_articles_its_text_export_gives(tmp_path: Path) -> None:
    source = _real("nexis/LexisNexisTools__sample.TXT")
    text = source.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    rtf = tmp_path / "sample.rtf"
    rtf.write_bytes(_as_rtf(text.split("\n")))
    assert format_for(rtf, "auto") == "nexis"
    _same_articles(_read(rtf)[0], _read(source)[0])
