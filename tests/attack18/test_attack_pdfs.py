"""PDFs attacked: a digest of thousands of clippings (time), a PDF whose pages are the
same page twice (what the coder is told)."""

from __future__ import annotations

import time
from pathlib import Path

from annotator.formats import pdf_articles
from annotator.formats.pdf_layout import Line
from tests.formats.test_pdf_import import read_all, write_pdf


def _digest(count: int) -> list[Line]:
    """A clipping digest's lines as extracted: headline, source-and-date line, body; ten
    articles a page."""
    lines: list[Line] = []
    for n in range(count):
        page = 1 + n // 10
        lines += [Line(f"Militants attack convoy number {n} near the border", 14.0, True, page),
                  Line(f"Reuters {1 + n % 28:02d}-03-2024", 9.0, False, page),
                  Line(f"Gunmen fired on trucks carrying food to camp {n} on Sunday, "
                       "officials said,", 11.0, False, page),
                  Line("and the drivers fled into the hills before troops arrived in the "
                       "area.", 11.0, False, page)]
    return lines


def _cut_time(count: int) -> float:
    lines = _digest(count)
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        found = pdf_articles.articles(Path("digest.pdf"), "digest.pdf", lines, ())
        best = min(best, time.perf_counter() - started)
        assert found is not None and len(found) == count
    return best


def test_cutting_a_digest_grows_with_its_articles_not_their_square():
    small, large = _cut_time(1000), _cut_time(4000)
    # Four times the articles: about four times the work, not sixteen.
    assert large / small < 8, f"1,000 articles {small:.2f} s, 4,000 articles {large:.2f} s"


def test_a_pdf_of_one_page_printed_twice_is_not_called_a_scan(tmp_path: Path):
    # A notice of two lines, saved with its page twice (a printer's double feed).
    path = write_pdf(tmp_path / "notice.pdf", [
        ["Gunmen attacked a police station near Kidal on Sunday,",
         "killing four officers, the governor said."]] * 2)
    docs, problems = read_all(path)
    assert not any("no text layer" in problem.reason for problem in problems), problems
    assert docs and "Gunmen attacked a police station" in docs[0].record.text


def _incident_report() -> list[list]:
    """A human-rights division's quarterly note: a cover, then each incident under a
    heading that is a sentence, with its place and date on the line below."""
    from tests.formats.test_pdf_import import GAO, KIDAL, MOPTI, prose

    sections: list = []
    for heading, where, body in (
            ("Armed men attack police post and kill four officers", "Kidal, 2 March 2024", KIDAL),
            ("Convoy carrying food reaches Gao after two weeks", "Gao, 28 February 2024", GAO),
            ("Farmers and herders resume talks in Mopti region", "Mopti, 1 March 2024", MOPTI)):
        sections += [(heading, 14.0, True), (where, 9.0, False), *body, *prose(
            "Staff of the mission confirmed the account with two witnesses and local officials,",
            "and the incident has been entered in the protection database for follow-up.")]
    cover = [("MINUSMA Human Rights Division", 20.0, True),
             ("Quarterly note on trends of violations", 16.0, True),
             ("January - March 2024", 11.0, False)]
    return [cover + sections[:10], sections[10:]]


def test_an_incident_report_keeps_its_name_and_no_place_is_a_source(tmp_path: Path):
    docs, problems = read_all(write_pdf(tmp_path / "note.pdf", _incident_report()))
    assert not problems
    texts = " ".join(doc.record.text + " " + (doc.record.title or "") for doc in docs)
    assert "Quarterly note on trends of violations" in texts, \
        [(d.record.title, d.record.source) for d in docs]
    assert not {doc.record.source for doc in docs} & {"Kidal", "Gao", "Mopti"}
