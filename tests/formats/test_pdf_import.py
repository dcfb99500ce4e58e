"""Text PDFs as coders receive them: every real PDF of ../shared/data/real/news/pdf
against its ground truth, and hostile PDFs made here (a scan without text, an
encrypted file, a cut-short file), each refused with a message naming what is wrong."""

from __future__ import annotations

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


def read_all(path: Path) -> tuple[list[ReadDocument], list[Problem]]:
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
    # One document a PDF: the digests' article boundaries cannot be told reliably.
    assert len(docs) == 1
    record = docs[0].record
    text = words(record.text)
    assert record.meta["file"] == path.name and record.meta["position"] == 1
    for first in entry["first"]:
        # Headlines and first words are found with line-end hyphenation undone.
        assert words(first["headline"]) in text, first["headline"]
        if first["body_starts"]:
            assert words(first["body_starts"]) in text, first["body_starts"]
    for line in entry.get("must_contain", []):
        assert words(line) in text, line


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


def write_pdf(path: Path, pages: list[list[str]] | None, password: str | None = None) -> Path:
    """A PDF whose pages show the given lines in Helvetica (``None``: one blank page)."""
    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    for lines in pages or [[]]:
        page = writer.add_blank_page(612, 792)
        if not lines:
            continue
        ops = ["BT /F1 12 Tf 14 TL 72 720 Td"]
        ops += [f"({line}) Tj T*" for line in lines]
        stream = DecodedStreamObject()
        stream.set_data(("\n".join(ops) + "\nET").encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject(
            {NameObject("/F1"): writer._add_object(font)})})
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
    corpus = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["import", str(corpus), str(folder)])
    assert result.exit_code == 0, result.output
    assert "4 added, 0 skipped as duplicates, 0 rejected (4 files read)" in result.output


def test_import_command_rejects_scan_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "report.pdf", [report(1), report(2)])
    write_pdf(folder / "scan.pdf", None)
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "c.db"), str(folder)])
    assert "Traceback" not in result.output
    assert "1 added" in result.output and "1 rejected" in result.output
    assert "scan.pdf" in result.output and "no text layer" in result.output
