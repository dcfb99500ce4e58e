"""What Factiva and Nexis readers share: an article as an export prints it, made a record.

An export holds many articles; each becomes a document whose text is its headline,
its lead and its body paragraphs (the headline stays in the text so it can be
annotated, as plain-text articles keep theirs). The file's name and the article's
place in it are kept in ``meta`` so a coder can go back to the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.text import first_line
from annotator.formats.base import Problem, ReadDocument, ReadItem, brief
from annotator.formats.news_dates import news_date

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def squeeze(text: str) -> str:
    """Runs of blanks as one space, line breaks as spaces: a field printed in HTML."""
    return " ".join(text.split())


def tidy_lines(text: str) -> str:
    """A block of lines with each line's blanks squeezed and empty lines dropped."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


@dataclass
class Article:
    """One article's fields as read from an export, before it is checked."""

    position: int
    line: int | None = None
    headline: str = ""
    byline: str = ""
    date_text: str = ""
    source: str = ""
    section: str = ""
    language: str = ""
    length: str = ""
    accession: str = ""
    lead: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


def article_item(path: Path, shown_name: str, article: Article, export: str,
                 warnings: tuple[Problem, ...] = ()) -> ReadItem:
    """``article`` as a document, or the problem that keeps it out."""
    where = f"article {article.position}"
    if article.headline:
        where += f" ({brief(article.headline)})"
    paragraphs = [p for p in (*article.lead, *article.body) if p.strip()]
    if not paragraphs:
        return Problem(path, article.line, f"{where} has no text; not imported")
    text = "\n\n".join([article.headline, *paragraphs] if article.headline else paragraphs)
    notes = list(warnings)
    date = None
    if article.date_text:
        date = news_date(article.date_text)
        if date is None:
            notes.append(Problem(path, article.line, f"{where}: date {brief(article.date_text)} "
                                                     "is not a date; imported without one"))
    meta: dict[str, object] = {"file": shown_name, "position": article.position,
                               "export": export}
    for key, value in (("byline", article.byline), ("section", article.section),
                       ("language", article.language), ("length", article.length),
                       ("accession", article.accession), *article.extra.items()):
        if value:
            meta[key] = value
    record = DocumentRecord(
        text=text,
        uid=article.accession or None,
        title=article.headline or first_line(text),
        date=date,
        source=article.source or None,
        meta=meta,
    )
    return ReadDocument(record, path, article.line, tuple(notes))


def too_few(path: Path, found: int, said: int | None, where: str) -> Problem | None:
    """A problem when the export says it holds more articles than were found."""
    if said is None or found >= said:
        return None
    return Problem(path, None, f"{where} says it holds {said} articles but {found} were "
                               f"found; {said - found} could not be told apart")
