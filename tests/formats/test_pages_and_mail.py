"""Web pages, PDFs, office documents and e-mail as coders receive them: every real
file of ../shared/data/real/news (html/, pdf/, eml/) against its ground truth, and
hostile variants made here, each refused with a message naming what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
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
