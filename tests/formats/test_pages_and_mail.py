"""Web pages, PDFs, office documents and e-mail as coders receive them: every real
file of ../shared/data/real/news (html/, pdf/, eml/) against its ground truth, and
hostile variants made here, each refused with a message naming what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.formats import office_doc
from annotator.formats.base import Problem, ReadDocument, ReadOptions
from annotator.formats.registry import READERS, format_for
from tests.conftest import SHARED_DATA, shared

NEWS = SHARED_DATA / "real" / "news"


def truth(kind: str) -> list[dict[str, object]]:
    """The ground-truth entries of one folder (empty where the shared data is absent,
    so the tests below are each skipped with the reason)."""
    path = NEWS / "ground-truth.json"
    if not path.exists():
        return [{"path": f"{kind}/absent", "articles": 0, "first": []}]
    return [entry for entry in json.loads(path.read_text(encoding="utf-8"))
            if entry["path"].startswith(kind + "/")]


def read_all(path: Path) -> tuple[list[ReadDocument], list[Problem]]:
    fmt = format_for(path, "auto")
    assert fmt is not None, f"{path.name}: format not told"
    items = list(READERS[fmt](path, ReadOptions()))
    return ([i for i in items if isinstance(i, ReadDocument)],
            [i for i in items if isinstance(i, Problem)])


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("entry", truth("html"), ids=lambda e: str(e["path"]))
def test_web_page_against_ground_truth(entry: dict) -> None:
    path = shared(NEWS / entry["path"])
    assert format_for(path, "auto") == "web"
    docs, problems = read_all(path)
    assert not problems
    assert len(docs) == entry["articles"] == 1
    record, first = docs[0].record, entry["first"][0]
    assert record.title == first["headline"]
    # The headline stays at the start of the text, to be coded like the rest.
    headline, _, body = record.text.partition("\n\n")
    assert headline == first["headline"]
    assert body.startswith(first["body_starts"]), body[:200]
    assert record.source == first["source"]
    if path.name == "goose3__test_cnn_arabic.html":
        # Its only date is in Arabic words ("04 آب/اغسطس 2013"); the year found in the
        # page is kept rather than a made-up 1st of January.
        assert record.date == first["date"][:4]
    else:
        assert record.date == first["date"]
    assert record.url and record.url.startswith("http")
    assert record.meta["file"] == path.name and record.meta["position"] == 1


def test_page_text_is_not_normalised_to_nfc() -> None:
    """The Bengali page's precomposed letters stay as the page has them (NFC would
    change them, and with them every offset after)."""
    path = shared(NEWS / "html" / "trafilatura__ukbdnews.com.23646.html")
    docs, _ = read_all(path)
    assert "\u09df" in docs[0].record.text


def test_mhtml_page(tmp_path: Path) -> None:
    html = ("<html><head><title>Clashes in Kidal - Sahel Daily</title>"
            '<meta property="og:site_name" content="Sahel Daily"></head><body>'
            "<nav>Home | World | Sport</nav><article><h1>Clashes in Kidal</h1>"
            + "<p>Armed men attacked a checkpoint near Kidal on Monday, killing three "
              "soldiers and wounding five, the army said in a statement.</p>" * 3
            + "</article></body></html>")
    mhtml = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://sahel.example/kidal\r\n"
             "Subject: Clashes in Kidal\r\nMIME-Version: 1.0\r\n"
             'Content-Type: multipart/related; type="text/html"; boundary="B"\r\n\r\n'
             "--B\r\nContent-Type: text/html; charset=utf-8\r\n"
             "Content-Transfer-Encoding: 8bit\r\n"
             "Content-Location: https://sahel.example/kidal\r\n\r\n" + html + "\r\n--B--\r\n")
    path = tmp_path / "kidal.mhtml"
    path.write_bytes(mhtml.encode())
    docs, problems = read_all(path)
    assert not problems
    record = docs[0].record
    assert record.text.startswith("Clashes in Kidal\n\nArmed men attacked a checkpoint")
    assert "Home | World" not in record.text
    assert record.source == "Sahel Daily" and record.url == "https://sahel.example/kidal"


def test_page_without_article(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Index</title></head><body><nav><a href='/'>Home</a>"
                    "</nav><script>var x = 1;</script></body></html>", encoding="utf-8")
    docs, problems = read_all(path)
    assert not docs
    assert [p.reason for p in problems] == [
        "has no article text that could be found (not a news page, or only scripts)"]
    assert str(problems[0]).startswith(str(path))


def test_import_command_counts_pages(tmp_path: Path) -> None:
    folder = shared(NEWS / "html")
    corpus = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["import", str(corpus), str(folder)])
    assert result.exit_code == 0, result.output
    assert "9 added, 0 skipped as duplicates, 0 rejected (9 files read)" in result.output


@pytest.mark.parametrize("entry", truth("eml"), ids=lambda e: str(e["path"]))
def test_email_against_ground_truth(entry: dict) -> None:
    path = shared(NEWS / entry["path"])
    assert format_for(path, "auto") == "email"
    docs, problems = read_all(path)
    assert not problems
    assert len(docs) == entry["articles"]
    record, first = docs[0].record, entry["first"][0]
    assert record.title == first["headline"]
    assert record.date == first["date"] and record.source == first["source"]
    subject, _, body = record.text.partition("\n\n")
    assert subject == first["headline"]
    assert body.startswith(first["body_starts"])
    for item in entry.get("items") or []:
        assert words(item["headline"]) in words(record.text)
        assert item["url"] in record.text


def test_email_without_suffix_is_told_by_its_headers(tmp_path: Path) -> None:
    path = tmp_path / "alert"
    path.write_bytes(b"From: Sahel Watch <news@sahel.example>\nSubject: Attack near Gao\n"
                     b"Date: Mon, 01 Jul 2024 23:30:00 -0500\n\nGunmen attacked a convoy near "
                     b"Gao on Monday.\n")
    assert format_for(path, "auto") == "email"
    docs, _ = read_all(path)
    record = docs[0].record
    # The day the writer saw, in the message's own zone (UTC would say the 2nd).
    assert (record.title, record.source, record.date) == ("Attack near Gao", "Sahel Watch",
                                                          "2024-07-01")
    assert record.text == "Attack near Gao\n\nGunmen attacked a convoy near Gao on Monday."


def test_html_newsletter_is_split_into_its_items(tmp_path: Path) -> None:
    story = "<p>" + "Fighting resumed around the town, residents said by telephone. " * 5 + "</p>"
    html = (f"<html><body><p>Your weekly digest</p><h2>Clashes in Kidal</h2>{story}"
            f"<h2>Flooding in Bologna</h2>{story}<h3>Unsubscribe</h3><p>Click here</p>"
            "</body></html>")
    path = tmp_path / "digest.eml"
    path.write_text("From: Digest <d@example.org>\nSubject: Weekly digest\nMIME-Version: 1.0\n"
                    "Content-Type: text/html; charset=utf-8\n\n" + html, encoding="utf-8")
    docs, problems = read_all(path)
    assert not problems
    assert [d.record.title for d in docs] == ["Clashes in Kidal", "Flooding in Bologna"]
    assert [d.record.meta["position"] for d in docs] == [1, 2]
    assert docs[1].record.text.startswith("Flooding in Bologna\n\nFighting resumed")
    assert all(d.record.meta["subject"] == "Weekly digest" for d in docs)


def test_email_with_no_body(tmp_path: Path) -> None:
    path = tmp_path / "empty.eml"
    path.write_text("From: a@example.org\nSubject: Nothing here\n\n   \n", encoding="utf-8")
    docs, problems = read_all(path)
    assert not docs
    assert [p.reason for p in problems] == ["message 'Nothing here' has no body"]


def test_msg_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "fake.msg"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    docs, problems = read_all(path)
    assert not docs and len(problems) == 1
    assert problems[0].reason.startswith("is not an Outlook message that can be read")
    text = tmp_path / "notes.msg"
    text.write_text("just some notes, not a message", encoding="utf-8")
    docs, problems = read_all(text)
    assert not docs and len(problems) == 1 and "not" in problems[0].reason


def read_office(kind: str, path: Path) -> tuple[list[ReadDocument], list[Problem]]:
    """Read with the office reader of ``kind`` (DOCX and RTF are read by name until the
    folder-walk tests that expect them passed over are brought in line)."""
    items = list(getattr(office_doc, f"read_{kind}")(path, ReadOptions()))
    return ([i for i in items if isinstance(i, ReadDocument)],
            [i for i in items if isinstance(i, Problem)])


def office_files(folder: Path) -> dict[str, Path]:
    """One small document of each kind, made with the libraries that write them."""
    import docx
    from ebooklib import epub
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    word = docx.Document()
    word.add_heading("Rockets hit Ain al-Assad", 1)
    word.add_paragraph("Two Katyusha rockets were fired at the base on Monday.")
    table = word.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Injured", "5"
    word.save(folder / "a.docx")
    odt = OpenDocumentText()
    odt.text.addElement(H(outlinelevel=1, text="Clashes in Kidal"))
    odt.text.addElement(P(text="Armed men attacked a checkpoint."))
    odt.save(str(folder / "a.odt"))
    (folder / "a.rtf").write_bytes(
        rb"{\rtf1\ansi{\info{\title Shelling in Donetsk}}\pard Three civilians were killed "
        rb"\u8212? officials said.\par}")
    book = epub.EpubBook()
    book.set_identifier("darfur-1")
    book.set_title("Report on Darfur")
    book.add_metadata("DC", "date", "2024-03-01")
    chapter = epub.EpubHtml(title="One", file_name="c1.xhtml", lang="en")
    chapter.content = "<html><body><h1>Chapter one</h1><p>Militias burned villages.</p></body></html>"
    book.add_item(chapter)
    book.spine = [chapter]
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(folder / "a.epub"), book)
    return {kind: folder / f"a.{kind}" for kind in ("docx", "odt", "rtf", "epub")}


def test_office_documents(tmp_path: Path) -> None:
    files = office_files(tmp_path)
    expected = {
        "docx": ("Rockets hit Ain al-Assad", "Rockets hit Ain al-Assad\nTwo Katyusha rockets "
                 "were fired at the base on Monday.\nInjured\t5", None),
        "odt": ("Clashes in Kidal", "Clashes in Kidal\nArmed men attacked a checkpoint.", None),
        "rtf": ("Shelling in Donetsk", "Shelling in Donetsk\n\nThree civilians were killed "
                "\u2014 officials said.", None),
        "epub": ("Report on Darfur", "Report on Darfur\n\nChapter one\nMilitias burned "
                 "villages.", "2024-03-01"),
    }
    for kind, path in files.items():
        renamed = path.rename(path.with_suffix(""))  # told by content, not by name
        if kind in READERS:
            assert format_for(renamed, "auto") == kind
        docs, problems = read_office(kind, renamed)
        assert not problems, problems
        record = docs[0].record
        assert (record.title, record.text, record.date) == expected[kind], kind
        assert record.meta == {"file": renamed.name, "position": 1}


def test_truncated_docx(tmp_path: Path) -> None:
    whole = office_files(tmp_path)["docx"].read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    docs, problems = read_office("docx", path)
    assert not docs and len(problems) == 1
    assert problems[0].reason.startswith("is a damaged or incomplete Word document (.docx)")
    assert str(path) in str(problems[0])
