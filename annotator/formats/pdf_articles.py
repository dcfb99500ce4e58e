"""PDFs that hold many articles, cut into one document per article.

Two kinds are told apart, and only where their layout says so plainly:

- A Nexis / LexisNexis PDF export prints its articles as its DOCX export does
  ("Length:", "Load-Date:", "End of Document"); its text is read by the Nexis
  reader's own routine for that layout.
- A press-clipping digest or a printed newspaper sets each article's headline in
  type larger than the body and follows it with the article's text. The headlines
  are the lines of the one size that starts most such blocks. A digest prints the
  source and date under each headline ("ANP 20-06-2013 (p.)"); a paper, its name and
  the day in a masthead: one of the two must be there, as a sign that the blocks are
  articles. An index of the articles and a masthead are not articles.

Anything else, such as a report with a few bold or large lines or a front page whose
headlines come in many sizes around adverts, is left to be one document: a wrong cut
loses the reader's trust more than a long document does.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.text import TITLE_MAX
from annotator.formats import nexis
from annotator.formats.base import Problem, ReadDocument, ReadItem
from annotator.formats.news_dates import news_date
from annotator.formats.news_export import Article, article_item
from annotator.formats.pdf_layout import Line, body_size, join_broken_words, joined, letters

# A headline is set at least this much larger than the body.
_LARGER = 1.15
# Sizes this close are one size (rounding in the matrices of the same font).
_SAME = 0.6
# An article has at least this many words of body text; fewer under a large line
# make a masthead ("It's Some News!" and its date), not an article.
_MIN_BODY_WORDS = 12
# A paper's headlines, told from a report's headings without a digest's source-and-date
# lines, are sentences of at least this many words (the median).
_PAPER_HEADLINE_WORDS = 5
# Text before the first headline that is longer than this, and not an index of the
# articles, is prose the cut would lose: then the file is not cut.
_MAX_PREAMBLE_WORDS = 40
# Inside an article, type larger than the body (other than its headline) may be no
# more than this share of its letters: a front page's teasers and adverts are more.
_MAX_OTHER_LARGE = 0.1
# A line under the headline that holds a date is a digest's source-and-date line
# when it is this short.
_META_CHARS = 90
# Numbered section headings ("1.", "2.3", "IV.", "Chapter 2") are a report's, not headlines.
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.|\d+\.\d+|[IVXLC]+\.|[A-Z]\.)\s|"
                       r"^\s*(?:chapter|section|part|annex|appendix|hoofdstuk|kapitel|"
                       r"chapitre|capitolo|anexo)\b", re.IGNORECASE)
# An index line: dot leaders, or a title ending in its page number.
_INDEX_LINE = re.compile(r"\.{4,}|…{2,}|\s\d{1,4}\s*$")
# A contents entry's number before it and its page number or leaders after.
_ENTRY = re.compile(r"^\s*\d{1,4}[.)]?\s+|[\s.·…_-]*\d{0,4}\s*$")
_KEY_CHARS = 40
# A date in digits as clipping services print them: 20-06-2013, 20.06.2013, 20/06/2013.
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([-./])(\d{1,2})\2(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Nexis's labels, printed in the PDF with a plain space after the colon where its
# DOCX has a no-break space (which the Nexis reader looks for).
_NEXIS_LABEL = re.compile(r"^(Section|Length|Byline|Dateline|Highlight|Load-Date|Language|"
                          r"Publication-Type|Journal-Code|Subject|Geographic|Company|"
                          r"Organization|Person|Industry|Ticker|Graphic|Notes|Correction|"
                          r"Series|Edition|Type|Column|Document-Type|Publication-Date):[ \t]+")
# LexisNexis Academic's field labels are capitals: "LENGTH: 512 words", "LOAD-DATE: ...".
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z-]+:")
_END_OF_DOCUMENT = "End of Document"
_MARKS = {_END_OF_DOCUMENT, "Body", "Classification"}


@dataclass
class _Unit:
    """A headline-level block of lines and what follows it up to the next one."""

    head: list[Line]
    lines: list[Line] = field(default_factory=list)
    source: str | None = None
    date: str | None = None
    kind: str = "story"  # or "masthead", "index"


def articles(path: Path, name: str, lines: list[Line],
             warnings: tuple[Problem, ...]) -> list[ReadItem] | None:
    """The articles of a PDF that holds several, or None when it is one document."""
    if is_nexis([line.text for line in lines]):
        return _nexis_articles(path, name, lines, warnings)
    body = body_size(lines)
    units = _units(lines, body)
    if units is None:
        return None
    items: list[ReadItem] = []
    source, date = None, None
    for unit in units:
        if unit.kind == "masthead":
            # A masthead: the paper's name and the day, for the articles under it.
            source, date = _headline(unit), unit.date
            continue
        if unit.kind == "index":
            continue
        headline = _headline(unit)
        text = f"{headline}\n\n{joined([line.text for line in unit.lines])}"
        meta = {"file": name, "position": len(items) + 1, "page": unit.head[0].page}
        record = DocumentRecord(text=text, title=headline[:TITLE_MAX],
                                date=unit.date or date, source=unit.source or source,
                                meta=meta)
        # What is wrong with the file itself is said once, with its first article.
        items.append(ReadDocument(record, path, None, () if items else warnings))
    return items


def _headline(unit: _Unit) -> str:
    return _squeeze(join_broken_words("\n".join(line.text for line in unit.head)))


def _headlines(units: list[_Unit]) -> set[str]:
    return {_headline(unit).lower() for unit in units}


def _units(lines: list[Line], body: float) -> list[_Unit] | None:
    """The blocks a digest or newspaper is made of, or None if the cut is not sure."""
    if not body:
        return None
    groups = _large_groups(lines, body)
    if not groups:
        return None
    # The headline size is the one that starts the most blocks.
    sizes = Counter(round(lines[group[0]].size * 2) / 2 for group in groups)
    level = max(sizes, key=lambda size: (sizes[size], size))
    heads = [group for group in groups if abs(lines[group[0]].size - level) <= _SAME / 2]
    preamble = lines[:heads[0][0]]
    tops = _page_tops(lines)
    units: list[_Unit] = []
    for index, group in enumerate(heads):
        end = heads[index + 1][0] if index + 1 < len(heads) else len(lines)
        unit = _Unit([lines[i] for i in group], lines[group[-1] + 1:end])
        _take_meta_line(unit, body)
        if _words(line.text for line in unit.lines) >= _MIN_BODY_WORDS:
            units.append(unit)
        elif unit.date or _dated(unit.lines) or group[0] in tops or not units:
            # Under a large line at a page's top or with the day's date, few words are
            # a masthead ("It's Some News!", "Saturday, January 02, 2021").
            unit.kind = "masthead"
            dates = (found[0] for found in map(printed_date, (x.text for x in unit.lines))
                     if found)
            unit.date = unit.date or next(dates, None)
            units.append(unit)
        else:
            # A large line with a few words under it inside the run of articles (a
            # kicker, a pull quote): part of the article before, not one of its own.
            units[-1].lines += unit.head + unit.lines
    known = _entry_keys(_headlines(units))
    for unit in units:
        if unit.kind == "story" and _is_index(unit.lines, known):
            unit.kind = "index"
    return units if _trusted(units, preamble, body) else None


def _dated(lines: list[Line]) -> bool:
    return any(printed_date(line.text) for line in lines if len(line.text) <= _META_CHARS)


def _page_tops(lines: list[Line]) -> set[int]:
    """The indices of each page's first three lines with text."""
    tops: set[int] = set()
    seen: Counter[int] = Counter()
    for i, line in enumerate(lines):
        if line.text.strip() and seen[line.page] < 3:
            seen[line.page] += 1
            tops.add(i)
    return tops


def _large_groups(lines: list[Line], body: float) -> list[list[int]]:
    """Runs of lines set larger than the body in one size and weight (a headline
    printed over several lines); blank lines inside a run do not end it."""
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if not line.text.strip():
            continue
        if line.size < body * _LARGER or letters(line.text) == 0:
            groups.append([])
            continue
        last = groups[-1] if groups and groups[-1] else None
        if last is not None and abs(lines[last[-1]].size - line.size) <= _SAME / 2 \
                and lines[last[-1]].bold == line.bold:
            last.append(i)
        else:
            groups.append([i])
    return [group for group in groups if group]


def _take_meta_line(unit: _Unit, body: float) -> None:
    """A digest's "Source DD-MM-YYYY (p.N)" line under the headline, taken out of the
    text into the article's source and date."""
    first = next((i for i, line in enumerate(unit.lines) if line.text.strip()), None)
    if first is None:
        return
    line = unit.lines[first]
    if len(line.text.strip()) > _META_CHARS or line.size > body + _SAME:
        return
    found = printed_date(line.text)
    if found is None:
        return
    unit.date = found[0]
    source = line.text[:found[1]].strip(" \t,;:|-–—")
    unit.source = " ".join(source.split()) or None
    del unit.lines[:first + 1]


def _trusted(units: list[_Unit], preamble: list[Line], body: float) -> bool:
    """Whether the blocks are articles beyond doubt (see the module's notes)."""
    stories = [unit for unit in units if unit.kind == "story"]
    mastheads = sum(1 for unit in units if unit.kind == "masthead")
    pages = {line.page for unit in units for line in unit.head}
    if len(stories) < 2 or mastheads > len(pages):
        return False
    headlines = [_headline(unit) for unit in stories]
    # News headlines say something; a report's headings are numbered, short, or labels.
    if sum(1 for h in headlines if _NUMBERED.match(h) or h.endswith(":")) * 2 >= len(headlines):
        return False
    length = statistics.median(len(h.split()) for h in headlines)
    if length < 3:
        return False
    # And the blocks must show they are articles: a digest prints a source and date
    # under most headlines; a paper, a masthead with the day's date over headlines that
    # are sentences. A report's headings have neither.
    dated = sum(1 for unit in stories if unit.date)
    masthead = any(unit.kind == "masthead" and unit.date for unit in units)
    if dated * 2 < len(stories) and not (masthead and length >= _PAPER_HEADLINE_WORDS):
        return False
    if not masthead and _placed(stories):
        # "Kidal, 2 March 2024" under each heading: where an incident happened, in a
        # report of incidents, not the agency and day of a clipping.
        return False
    for unit in stories:
        total = sum(letters(line.text) for line in unit.lines)
        large = sum(letters(line.text) for line in unit.lines if line.size > body + _SAME)
        if large > total * _MAX_OTHER_LARGE:
            return False
    # Text before the first headline may be a cover, a masthead or an index of the
    # articles (dropped); prose there would be lost, so then the file is not cut.
    return _words(line.text for line in preamble) <= _MAX_PREAMBLE_WORDS or \
        _is_index(preamble, _entry_keys(_headlines(units)))


def _placed(stories: list[_Unit]) -> bool:
    """Whether most of the lines under the headlines name a place where a digest names
    its source (a place of the gazetteer: a town, a country)."""
    sources = [unit.source for unit in stories if unit.source]
    if not sources:
        return False
    from annotator.core.gazetteer import world  # read only for a file that looks cut

    places = world()
    return sum(1 for source in sources if source in places) * 2 > len(sources)


def _entry_keys(headlines: set[str]) -> set[str]:
    """How the headlines are looked up in a table of contents (``_is_index``)."""
    return {headline[:_KEY_CHARS] for headline in headlines if headline}


def _is_index(lines: list[Line], starts: set[str]) -> bool:
    """Whether lines are a table of the articles: most of them dot leaders, a title and
    its page number, or a headline of the file."""
    texts = [_squeeze(line.text) for line in lines if line.text.strip()]
    if not texts:
        return False
    # A headline in a table of contents: the line without its number and dot leaders,
    # looked up (each line against every headline grew with the square of the articles).
    index = sum(1 for text in texts if _INDEX_LINE.search(text)
                or _ENTRY.sub("", text.lower())[:_KEY_CHARS] in starts)
    return index * 10 >= len(texts) * 8


def printed_date(text: str) -> tuple[str, int] | None:
    """The first date printed in a short line as ISO, and where it starts in the line."""
    for pattern, day_month_year in ((_ISO_DATE, False), (_NUMERIC_DATE, True)):
        if (match := pattern.search(text)) is None:
            continue
        if day_month_year:
            first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
            # Clipping services write the day first; a first number above 12 proves it,
            # a second above 12 proves the month came first.
            day, month = (second, first) if second > 12 >= first else (first, second)
        else:
            year, month, day = match.group(1), int(match.group(2)), int(match.group(3))
        iso = _iso(year, month, day)
        if iso:
            return iso, match.start()
    found = news_date(text)
    if found is None:
        return None
    # Where the date starts: the longest head of the line without which it is still read.
    words = text.split(" ")
    start = 0
    for k in range(1, len(words)):
        if news_date(" ".join(words[k:])) != found:
            break
        start = k
    return found, len(" ".join(words[:start])) + (1 if start else 0)


def _iso(year: str, month: int, day: int) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    from datetime import date

    try:
        return date(int(year), month, day).isoformat()
    except ValueError:
        return None


def dateline(lines: list[Line], within: int) -> str | None:
    """The date printed on a line of its own among a document's first ``within`` lines."""
    shown = [line.text.strip() for line in lines if line.text.strip()][:within]
    for text in shown:
        if len(text) <= 60 and (found := printed_date(text)) is not None:
            return found[0]
    return None


def largest_line(lines: list[Line]) -> str | None:
    """The first page's text set in the largest type (a drop cap is not a title)."""
    first = [line for line in lines if line.page == lines[0].page] if lines else []
    sizes = [line.size for line in first if letters(line.text) >= 4]
    if not sizes:
        return None
    top = max(sizes)
    group: list[str] = []
    for line in first:
        if abs(line.size - top) <= _SAME / 2 and letters(line.text):
            group.append(line.text)
        elif group and line.text.strip():
            break
    title = _squeeze(join_broken_words("\n".join(group)))
    return title[:TITLE_MAX] or None


def _words(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def is_nexis(texts: list[str]) -> bool:
    """Whether a PDF's lines are a Nexis export's: Nexis Uni's articles each ended by
    "End of Document" with their "Length:" fields, or LexisNexis Academic's each
    opened by "3 of 10 DOCUMENTS" with their "LENGTH:" fields."""
    stripped = [text.strip() for text in texts]
    if _END_OF_DOCUMENT in stripped and any(t.startswith("Length:") for t in stripped):
        return True
    return _is_academic(stripped)


def _is_academic(stripped: list[str]) -> bool:
    return any(t.startswith("LENGTH:") for t in stripped) and \
        any(nexis.COUNTER.match(t) for t in stripped)


def _nexis_articles(path: Path, name: str, lines: list[Line],
                    warnings: tuple[Problem, ...]) -> list[ReadItem]:
    """A Nexis PDF export's articles, each read as the Nexis reader reads its DOCX (or
    its text export, for LexisNexis Academic's layout)."""
    if _is_academic([line.text.strip() for line in lines]):
        return _academic_articles(path, name, lines, warnings)
    body = body_size(lines)
    chunks: list[list[Line]] = [[]]
    for line in lines:
        if line.text.strip() == _END_OF_DOCUMENT:
            chunks.append([])
        else:
            chunks[-1].append(line)
    items: list[ReadItem] = list(warnings)
    if any(line.text.strip() for line in chunks[-1]):
        items.append(Problem(path, None, f"ends with text after article {len(chunks) - 1}'s "
                                         "'End of Document' (cut short?); not imported"))
    for position, chunk in enumerate(chunks[:-1], 1):
        article, page = _nexis_article(position, chunk, body)
        # Nexis prints an article's headline atop each page it runs on to: above the
        # text, not in it.
        tops = _page_tops(chunk)
        again = {i for i in tops if chunk[i].page > page
                 and _squeeze(chunk[i].text) == article.headline}
        if again and article.headline:
            chunk = [line for i, line in enumerate(chunk) if i not in again]
            article, page = _nexis_article(position, chunk, body)
        item = article_item(path, name, article, "nexis")
        if isinstance(item, ReadDocument):
            record = replace(item.record, meta={**item.record.meta, "page": page})
            item = replace(item, record=record)
        items.append(item)
    return items


def _nexis_article(position: int, chunk: list[Line],
                   body: float) -> tuple[Article, int]:
    """An article of a Nexis export and the page its headline is on (the first
    article's lines hold the export's cover page too)."""
    article = Article(position)
    paragraphs = _paragraphs(chunk, body)
    nexis.fill_uni([[text] for text, _ in paragraphs], article)
    page = next((at for text, at in paragraphs if _squeeze(text) == article.headline),
                paragraphs[0][1] if paragraphs else 1)
    return article, page


def _paragraphs(chunk: list[Line], body: float) -> list[tuple[str, int]]:
    """An article's lines as the paragraphs the Nexis reader takes: a headline set large
    over several lines is one; a label line ("Length: 512 words") one; the body's lines
    run together up to a blank line. Each with the page it starts on."""
    out: list[tuple[str, int]] = []
    current: list[Line] = []

    def close() -> None:
        if current:
            out.append((joined([line.text for line in current]), current[0].page))
            current.clear()

    in_body = False
    for line in chunk:
        text = line.text.strip()
        if not text:
            close()
            continue
        label = _NEXIS_LABEL.match(text)
        if label and in_body and "-" not in label.group(1):
            # "Person: ..." may open a paragraph of the story; hyphenated labels
            # ("Load-Date:") are fields wherever they are, as the Nexis reader has it.
            label = None
        # Before the body each line is a field of its own, but for a large headline's
        # second line; in the body, lines run on.
        headline_goes_on = bool(current) and line.size > body + _SAME \
            and abs(current[-1].size - line.size) <= _SAME / 2
        if label or text in _MARKS or not (in_body or headline_goes_on):
            close()
        if label:
            out.append((f"{label.group(1)}:\u00a0{text[label.end():]}", line.page))
            continue
        current.append(replace(line, text=text))
        if text in ("Body", "Classification"):
            close()
            in_body = text == "Body"
    close()
    return out


def _academic_articles(path: Path, name: str, lines: list[Line],
                       warnings: tuple[Problem, ...]) -> list[ReadItem]:
    """A LexisNexis Academic PDF's articles: each from its "N of M DOCUMENTS" line to
    the next, read as the Nexis reader reads that layout's text export."""
    starts = [i for i, line in enumerate(lines) if nexis.COUNTER.match(line.text.strip())]
    items: list[ReadItem] = list(warnings)
    for position, start in enumerate(starts, 1):
        end = starts[position] if position < len(starts) else len(lines)
        article = Article(position)
        nexis.fill_academic(_academic_blocks(lines[start + 1:end]), article)
        item = article_item(path, name, article, "nexis")
        if isinstance(item, ReadDocument):
            record = replace(item.record, meta={**item.record.meta, "page": lines[start].page})
            item = replace(item, record=record)
        items.append(item)
    return items


def _academic_blocks(chunk: list[Line]) -> list[list[str]]:
    """An Academic article's lines as the blocks the Nexis reader takes: the paper and
    the date a block each, the headline (over one line or more) one, each field one,
    the body's lines run together up to a blank line, the trailing fields one each."""
    texts = [line.text.strip() for line in chunk]
    filled = [i for i, text in enumerate(texts) if text]
    first_label = next((i for i in filled if _CAPS_LABEL.match(texts[i])), len(texts))
    head = [texts[i] for i in filled if i < first_label]
    date_at = next((k for k, text in enumerate(head[:4]) if news_date(text)), None)
    cut = date_at + 1 if date_at is not None else 0
    blocks = [[text] for text in head[:cut]]
    if head[cut:] and first_label < len(texts):
        blocks.append([_squeeze(join_broken_words("\n".join(head[cut:])))])
    elif head[cut:]:
        blocks.append([joined(head[cut:])])
    body: list[str] = []
    fields, trailing = True, False
    for text in texts[first_label:]:
        label = _CAPS_LABEL.match(text) is not None
        # After the body: the fields Nexis prints there, and the copyright line.
        trailing = trailing or (label and nexis.is_trailing(text)) or \
            nexis.COPYRIGHT.match(text) is not None
        if not text or (label and (fields or trailing)) or trailing:
            if body:
                blocks.append([joined(body)])
                body = []
            if text:
                blocks.append([text])
            continue
        fields = False
        body.append(text)
    if body:
        blocks.append([joined(body)])
    return blocks
