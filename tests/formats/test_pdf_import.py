"""Text PDFs as coders receive them: every real PDF of ../shared/data/real/news/pdf
against its ground truth (a clipping digest and a printed paper cut into their
articles, a report and a front page kept whole); PDFs made here that hold many
articles (Nexis exports, a digest, a paper) or look as if they might (reports with
bold and large headings); and hostile PDFs (a scan without text, an encrypted file, a
cut-short file), each refused with a message naming what is wrong."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from annotator.cli import cli
from annotator.formats.base import Problem, ReadDocument, ReadOptions
from annotator.formats.registry import READERS, format_for
from tests.conftest import SHARED_DATA, shared

NEWS = SHARED_DATA / "real" / "news"


def pdf_truth() -> list[dict]:
    path = NEWS / "ground-truth.json"
    if not path.exists():
        return [{"path": "pdf/absent", "articles": 0, "first": []}]
    return [entry for entry in json.loads(path.read_text(encoding="utf-8"))
            if entry["path"].startswith("pdf/")]


@functools.cache
def read_all(path: Path) -> tuple[list[ReadDocument], list[Problem]]:
    """Every item the reader gives for ``path`` (read once: pypdf takes seconds a file)."""
    fmt = format_for(path, "auto")
    assert fmt == "pdf", f"{path.name}: told as {fmt}"
    items = list(READERS[fmt](path, ReadOptions()))
    return ([i for i in items if isinstance(i, ReadDocument)],
            [i for i in items if isinstance(i, Problem)])


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("entry", pdf_truth(), ids=lambda e: str(e["path"]))
def test_pdf_against_ground_truth(entry: dict) -> None:
    path = shared(NEWS / entry["path"])
    docs, problems = read_all(path)
    assert not problems
    # A digest or printed paper is one document an article; a report, one in all.
    assert len(docs) == entry["articles"]
    if "all_headlines" in entry:
        assert [d.record.title for d in docs] == [words(h) for h in entry["all_headlines"]]
        assert [d.record.meta["position"] for d in docs] == list(range(1, len(docs) + 1))
    for doc, first in zip(docs, entry["first"], strict=False):
        record = doc.record
        text = words(record.text)
        assert record.meta["file"] == path.name
        # Headlines and first words are found with line-end hyphenation undone.
        assert words(first["headline"]) in text, first["headline"]
        if first["body_starts"]:
            assert words(first["body_starts"]) in text, first["body_starts"]
        if len(docs) > 1:
            # The article's text is its headline, then its body: the digest's source
            # and date line under the headline went into the record's fields.
            headline, body = record.text.split("\n\n", 1)
            assert words(headline) == words(first["headline"])
            assert words(body).startswith(words(first["body_starts"])), body[:80]
            assert (record.date, record.source) == (first["date"], first["source"])
        else:
            # A date is taken only where the text prints one near its top: never a wrong one.
            assert record.date in (None, first["date"])
    for line in entry.get("must_contain", []):
        assert words(line) in words(docs[0].record.text), line


def test_split_articles_say_their_page(tmp_path: Path) -> None:
    amcat = read_all(shared(NEWS / "pdf" / "amcat__test.pdf"))[0]
    # Two index pages come first; the index is not an article.
    assert [d.record.meta["page"] for d in amcat[:4]] == [3, 3, 3, 4]
    assert amcat[-1].record.meta["page"] == 23
    # Progress: the whole file is read once its last article is.
    assert amcat[-1].consumed == (NEWS / "pdf" / "amcat__test.pdf").stat().st_size
    assert not any("......" in d.record.text for d in amcat)
    newsie = read_all(shared(NEWS / "pdf" / "newsie__newspaper.pdf"))[0]
    # Page 1 is the paper's masthead alone: its name and day are every article's.
    assert {d.record.meta["page"] for d in newsie} == {2}
    assert not any("Humidity" in d.record.text for d in newsie)


def test_hyphenation_joined_and_page_numbers_dropped() -> None:
    path = shared(NEWS / "pdf" / "amcat__test.pdf")
    text = read_all(path)[0][0].record.text
    # "ver-\nhuurderheffing" on the page; the word is whole again, the hyphen gone.
    assert "verhuurderheffing anders" in words(text)
    assert "ver-" not in text
    amnesty = read_all(shared(NEWS / "pdf" / "amnesty-urgent-action-pdfs__test.pdf"))[0][0]
    # The page numbers "1" and "2" at the pages' tops are not text to code.
    assert amnesty.record.text.startswith("URGENT ACTION\n")
    assert "\n2\n" not in amnesty.record.text


Styled = str | tuple[str, float, bool]


def write_pdf(path: Path, pages: list[list[Styled]] | None,
              password: str | None = None, title: str | None = None) -> Path:
    """A PDF whose pages show the given lines (``None``: one blank page). A line is its
    text in 12-point Helvetica, or (text, size in points, bold)."""
    writer = PdfWriter()
    if title is not None:
        writer.add_metadata({"/Title": title})
    fonts = DictionaryObject()
    for key, face in (("/F1", "/Helvetica"), ("/F2", "/Helvetica-Bold")):
        fonts[NameObject(key)] = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject(face)}))
    for lines in pages or [[]]:
        page = writer.add_blank_page(612, 792)
        if not lines:
            continue
        ops = ["BT 72 740 Td"]
        for line in lines:
            text, size, bold = (line, 12.0, False) if isinstance(line, str) else line
            text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"/F{2 if bold else 1} {size} Tf 0 {-1.2 * size:.1f} Td ({text}) Tj")
        stream = DecodedStreamObject()
        stream.set_data(("\n".join(ops) + "\nET").encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    if password is not None:
        # An empty user password only restricts copying or printing; viewers open it.
        writer.encrypt(password, owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as out:
        writer.write(out)
    return path


PLACES = ["Kidal", "Gao", "Mopti"]


def report(n: int) -> list[str]:
    """A report page: running header, a body of its own, a page-number footer."""
    place = PLACES[n - 1]
    return ["Quarterly Conflict Report", f"In {place} shelling was reported near the bor-",
            "der on Monday, and the Noord-", f"Holland office in {place} closed.",
            f"Aid convoys reached {place} again.", f"Page {n} of 3"]


def test_made_pdf_headers_hyphens_and_page_numbers(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "report.pdf", [report(1), report(2), report(3)])
    docs, problems = read_all(path)
    assert not problems and len(docs) == 1
    text = docs[0].record.text
    assert "near the border on Monday" in text
    assert "the Noord-\nHolland office" in text  # a hyphen before a capital is the word's own
    assert "Page" not in text
    # The running header repeats on every page: it is not the text, not even once.
    assert "Quarterly Conflict Report" not in text
    assert text.startswith("In Kidal shelling")
    assert "Aid convoys reached Kidal again.\n\nIn Gao" in text or \
        "Aid convoys reached Kidal again.\nIn Gao" in text


def test_scanned_pdf_without_text_is_refused(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", None)
    docs, problems = read_all(path)
    assert not docs
    assert [p.reason for p in problems] == [
        "has no text layer (a scanned or image-only PDF); "
        "run text recognition (OCR) on it and import the result"]


def test_encrypted_pdf_is_said_to_be_encrypted(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "secret.pdf", [report(1)], password="s3cret")
    docs, problems = read_all(path)
    assert not docs
    assert len(problems) == 1 and "encrypted PDF" in problems[0].reason
    assert "password" in problems[0].reason


def test_pdf_restricted_without_a_password_opens(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "restricted.pdf", [report(1), report(2)], password="")
    docs, problems = read_all(path)
    assert not problems and len(docs) == 1
    assert "Aid convoys reached Gao again." in docs[0].record.text


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    whole = write_pdf(tmp_path / "whole.pdf", [report(1), report(2)]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    docs, problems = read_all(path)
    assert not docs
    assert [p.reason for p in problems] == [
        "is a damaged or incomplete PDF that cannot be read (PdfStreamError); "
        "the file may have been cut short"]


def test_import_command_counts_pdfs(tmp_path: Path) -> None:
    folder = shared(NEWS / "pdf")
    files = [folder / "newsie__newspaper.pdf", folder / "amnesty-urgent-action-pdfs__test.pdf",
             folder / "Can-AI-read-newspapers__newspaper.pdf"]
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "c.db"), *map(str, files)])
    assert result.exit_code == 0, result.output
    # The paper's 8 articles, the report and the front page as one document each.
    assert "10 added, 0 skipped as duplicates, 0 rejected (3 files read)" in result.output


def test_import_command_adds_each_article_of_a_digest(tmp_path: Path) -> None:
    path = shared(NEWS / "pdf" / "amcat__test.pdf")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "c.db"), str(path)])
    assert result.exit_code == 0, result.output
    assert "45 added, 0 skipped as duplicates, 0 rejected (1 file read)" in result.output


def test_import_command_rejects_scan_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "report.pdf", [report(1), report(2)])
    write_pdf(folder / "scan.pdf", None)
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "c.db"), str(folder)])
    assert "Traceback" not in result.output
    assert "1 added" in result.output and "1 rejected" in result.output
    assert "scan.pdf" in result.output and "no text layer" in result.output


BODY = 11.0


def prose(*lines: str) -> list[Styled]:
    return [(line, BODY, False) for line in lines]


KIDAL = prose("KIDAL, Mali - Fighting between the army and armed groups drove thou-",
              "sands of families from their homes on Saturday, aid workers said.",
              "Convoys could not reach the town for a second week.")
GAO = prose("Gao - A convoy of forty trucks reached the city after two weeks on the",
            "road, bringing food and medicine to the camps east of the river.")
MOPTI = prose("MOPTI - Talks between farmers and herders resumed on Friday under the",
              "eyes of the regional governor, who called for calm in the markets.")


def test_nexis_pdf_export_is_cut_into_its_articles(tmp_path: Path) -> None:
    def article(headline: list[str], byline: str, body: list[Styled]) -> list[Styled]:
        return [*[(line, 14.0, True) for line in headline], "The Sahel Times",
                "March 3, 2024 Sunday", "Copyright 2024 The Sahel Times",
                "Section: WORLD; Pg. 4", "Length: 312 words", f"Byline: {byline}", "Body",
                *body, "Classification", "Language: ENGLISH", "Load-Date: March 4, 2024",
                "End of Document"]
    cover = ["Documents 2", "1. Kidal fighting displaces thousands",
             "2. Convoy reaches Gao after two weeks", "Client/Matter: -None-",
             "Search Terms: Mali", "Page 1 of 4"]
    kidal = article(["Kidal fighting displaces thousands"], "Amadou Diallo", KIDAL)
    # The first article runs on to a second page, under its headline printed again.
    at = kidal.index("Classification")
    path = write_pdf(tmp_path / "Files 1-2.PDF", [
        cover, [*kidal[:at - 1], "Page 2 of 4"],
        [("Kidal fighting displaces thousands", 9.0, False), *kidal[at - 1:], "Page 3 of 4"],
        # A headline printed over two lines is one headline.
        article(["Convoy reaches Gao after", "two weeks"], "Fatou Traore", GAO)])
    docs, problems = read_all(path)
    assert not problems
    assert [d.record.title for d in docs] == ["Kidal fighting displaces thousands",
                                              "Convoy reaches Gao after two weeks"]
    first = docs[0].record
    # The paper's name and the date at every article's top are fields, not running headers.
    assert (first.source, first.date) == ("The Sahel Times", "2024-03-03")
    assert first.meta["byline"] == "Amadou Diallo" and first.meta["section"] == "WORLD; Pg. 4"
    assert (first.meta["position"], first.meta["page"]) == (1, 2)
    # A word broken at a line's end is joined; the other line breaks are kept.
    assert first.text == ("Kidal fighting displaces thousands\n\nKIDAL, Mali - Fighting between "
                          "the army and armed groups drove thousands of families from their "
                          "homes on Saturday, aid workers said.\nConvoys could not reach the "
                          "town for a second week.")
    assert first.text.count("Kidal fighting displaces thousands") == 1
    second = docs[1].record
    assert (second.meta["position"], second.meta["page"], second.meta["byline"]) == \
        (2, 4, "Fatou Traore")
    assert second.text.startswith("Convoy reaches Gao after two weeks\n\nGao - A convoy")
    for doc in docs:
        for printed in ("Load-Date", "Copyright", "End of Document", "Length:", "Page "):
            assert printed not in doc.record.text


def digest_pages(cover: list[Styled]) -> list[list[Styled]]:
    """A press-clipping digest: a cover, then articles under large bold headlines, each
    with a line naming its paper and date."""
    return [cover,
            [("Kidal fighting displaces thousands", 14.0, True), ("Reuters 03-03-2024 (p.4)", 9.0,
                                                                  False), *KIDAL,
             ("Convoy reaches Gao after", 14.0, True), ("two weeks", 14.0, True),
             ("Le Monde 02-03-2024", 9.0, False), *GAO],
            [("Herders and farmers talk again in Mopti", 14.0, True),
             ("Jeune Afrique 1 mars 2024", 9.0, False), *MOPTI]]


INDEX: list[Styled] = [("Press digest", 20.0, True), ("Index", 14.0, True),
                       ("Kidal fighting displaces thousands (Reuters).............. 2", 9.0, False),
                       ("Convoy reaches Gao after two weeks (Le Monde)............ 2", 9.0, False),
                       ("Herders and farmers talk again in Mopti (Jeune Afrique)... 3", 9.0,
                        False)]


def test_clipping_digest_is_cut_at_its_headlines(tmp_path: Path) -> None:
    docs, problems = read_all(write_pdf(tmp_path / "digest.pdf", digest_pages(INDEX)))
    assert not problems
    # The index page is not an article; each headline starts one.
    assert [(d.record.title, d.record.source, d.record.date, d.record.meta["page"])
            for d in docs] == [
        ("Kidal fighting displaces thousands", "Reuters", "2024-03-03", 2),
        ("Convoy reaches Gao after two weeks", "Le Monde", "2024-03-02", 2),
        ("Herders and farmers talk again in Mopti", "Jeune Afrique", "2024-03-01", 3)]
    assert docs[0].record.text == (
        "Kidal fighting displaces thousands\n\nKIDAL, Mali - Fighting between the army and "
        "armed groups drove thousands of families from their homes on Saturday, aid workers "
        "said.\nConvoys could not reach the town for a second week.")
    assert [d.record.meta["position"] for d in docs] == [1, 2, 3]


def test_digest_with_prose_before_its_first_headline_stays_whole(tmp_path: Path) -> None:
    # Text before the first headline that is no index would be lost by a cut.
    cover: list[Styled] = [("Press digest", 20.0, True), *prose(
        "This week the ministry's press office collected the reports below on the",
        "security situation in central and northern Mali, where fighting and floods",
        "have displaced many families. Readers are asked to treat the figures quoted",
        "with care, as the sources could not always check them on the ground.")]
    docs, problems = read_all(write_pdf(tmp_path / "digest.pdf", digest_pages(cover)))
    assert not problems and len(docs) == 1
    assert "Herders and farmers talk again in Mopti" in docs[0].record.text


def report_pages(headings: list[str]) -> list[list[Styled]]:
    """A report: a title, a date, sections under larger bold headings, bold lines in its
    body."""
    sections: list[Styled] = []
    for heading, body in zip(headings, (KIDAL, GAO, MOPTI), strict=True):
        sections += [(heading, 14.0, True), *body, ("Action needed: funding", BODY, True)]
    return [[("Quarterly Conflict Report", 20.0, True), ("3 March 2024", BODY, False),
             *sections[:8]], sections[8:]]


@pytest.mark.parametrize("headings", [
    ["1. Fighting in the north", "2. Convoys to the east", "3. Talks in the centre"],
    ["Security", "Humanitarian access", "Outlook"],
    ["Fighting in the north", "Convoys to the east", "Talks in the centre"]],
    ids=["numbered", "short", "unnumbered"])
def test_report_with_bold_and_large_headings_stays_one_document(
        tmp_path: Path, headings: list[str]) -> None:
    docs, problems = read_all(write_pdf(tmp_path / "report.pdf", report_pages(headings)))
    assert not problems and len(docs) == 1
    record = docs[0].record
    # The largest line of page 1 is the title; the date printed under it is the date.
    assert (record.title, record.date) == ("Quarterly Conflict Report", "2024-03-03")
    assert all(heading in record.text for heading in headings)


def test_bold_lines_in_a_report_do_not_cut_it(tmp_path: Path) -> None:
    page: list[Styled] = [("Situation update", BODY, True), *KIDAL,
                          ("Convoys and access", BODY, True), *GAO,
                          ("Talks between communities", BODY, True), *MOPTI]
    docs, problems = read_all(write_pdf(tmp_path / "update.pdf", [page, page]))
    assert not problems and len(docs) == 1
    # No date is printed near the top: none is made up from the file's creation date.
    assert docs[0].record.date is None


def test_printed_paper_masthead_names_source_and_date(tmp_path: Path) -> None:
    masthead: list[Styled] = [("The Sahel Times", 14.0, True), ("Sunday 3 March 2024", 9.0, True)]
    page: list[Styled] = [
        ("Kidal fighting displaces thousands", 14.0, True), *KIDAL,
        ("Convoy reaches Gao after two weeks", 14.0, True), *GAO,
        # A large line with a few words under it is the article's, not one of its own.
        ("Quote of the day", 14.0, True), ("We are still waiting.", BODY, False),
        ("Herders and farmers talk again in Mopti", 14.0, True), *MOPTI]
    # The front page holds the masthead alone: the paper's name and day are its articles'.
    docs, problems = read_all(write_pdf(tmp_path / "paper.pdf", [masthead, page]))
    assert not problems
    assert [(d.record.title, d.record.source, d.record.date) for d in docs] == [
        ("Kidal fighting displaces thousands", "The Sahel Times", "2024-03-03"),
        ("Convoy reaches Gao after two weeks", "The Sahel Times", "2024-03-03"),
        ("Herders and farmers talk again in Mopti", "The Sahel Times", "2024-03-03")]
    assert docs[1].record.text.endswith("Quote of the day\nWe are still waiting.")
    assert [d.record.meta["page"] for d in docs] == [2, 2, 2]


@pytest.mark.parametrize(("property_title", "title"), [
    ("Mali: situation report no. 12", "Mali: situation report no. 12"),
    ("Microsoft Word - sitrep12.docx", "Quarterly Conflict Report"),
    ("", "Quarterly Conflict Report")])
def test_single_pdf_title(tmp_path: Path, property_title: str, title: str) -> None:
    path = write_pdf(tmp_path / "r.pdf", report_pages(["Security", "Access", "Outlook"]),
                     title=property_title)
    docs, _ = read_all(path)
    # A title the file's properties hold is a real one unless a word processor wrote the
    # file's name there; else the largest line on page 1 is the title.
    assert [d.record.title for d in docs] == [title]


def test_lexisnexis_academic_pdf_is_cut_into_its_articles(tmp_path: Path) -> None:
    kidal: list[Styled] = [
        "1 of 2 DOCUMENTS", "The Sahel Times", "March 3, 2024 Sunday",
        "Kidal fighting displaces", "thousands", "BYLINE: Amadou Diallo",
        "SECTION: WORLD; Pg. 4", "LENGTH: 312 words", *KIDAL, "LOAD-DATE: March 4, 2024",
        "LANGUAGE: ENGLISH", "PUBLICATION-TYPE: Newspaper", "Copyright 2024 The Sahel Times"]
    gao: list[Styled] = [
        "2 of 2 DOCUMENTS", "Le Monde", "March 2, 2024 Saturday",
        "Convoy reaches Gao after two weeks", "LENGTH: 200 words", *GAO,
        "LOAD-DATE: March 3, 2024", "LANGUAGE: FRENCH"]
    docs, problems = read_all(write_pdf(tmp_path / "academic.pdf", [kidal, gao]))
    assert not problems
    assert [(d.record.title, d.record.source, d.record.date, d.record.meta["page"])
            for d in docs] == [
        ("Kidal fighting displaces thousands", "The Sahel Times", "2024-03-03", 1),
        ("Convoy reaches Gao after two weeks", "Le Monde", "2024-03-02", 2)]
    first = docs[0].record
    assert first.meta["byline"] == "Amadou Diallo" and first.meta["length"] == "312 words"
    assert first.text == ("Kidal fighting displaces thousands\n\nKIDAL, Mali - Fighting between "
                          "the army and armed groups drove thousands of families from their "
                          "homes on Saturday, aid workers said.\nConvoys could not reach the "
                          "town for a second week.")
    assert docs[1].record.text.endswith("east of the river.")
