"""Nexis Uni and LexisNexis Academic exports: DOCX, RTF, plain text and HTML, many articles
a file (their PDFs are read by pdf_articles, with the routines below).

Each layout prints an article as a header (publication, date, headline, labelled
fields such as BYLINE or Length), the body, and trailing fields with the copyright.
The three readers below cut a file into articles and each article into blocks of
paragraphs; one routine then tells header, body and footer apart.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from lxml import etree, html

from annotator.formats.base import (
    Problem,
    ReadItem,
    ReadOptions,
    file_bytes,
    file_name,
)
from annotator.formats.news_dates import news_date
from annotator.formats.news_export import Article, article_item, squeeze, tidy_lines

# "1 of 10 DOCUMENTS": the total is not trusted (a sample reads "8 of 383" among ten).
COUNTER = re.compile(r"^[ \t]*(\d+)[ \t]+(?:of|OF|de|DE|von|VON)[ \t]+\d+[ \t]+"
                      r"(?:DOCUMENTS?|Documents?)[ \t]*\r?$", re.MULTILINE)
# The counter in an RTF, where a control word (\\par) ends its line.
_RTF_COUNTER = re.compile(rb"\b\d+[ \t]+(?:of|OF|de|DE|von|VON)[ \t]+\d+[ \t]+DOCUMENTS?\b")
_DOC = re.compile(r"<DOC\s+NUMBER\s*=\s*\"?\d+\"?\s*>", re.IGNORECASE)
# A field label: "BYLINE: ", "LOAD-DATE: ", or Nexis Uni's "Length:" and a no-break space.
_LABEL = re.compile(r"^\s*([A-Z][A-Z-]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)*(?=:\u00a0)):[\s\u00a0]*(.*)$",
                    re.DOTALL)
_UNI_LABEL = re.compile(r"^\s*([A-Z][A-Za-z]*(?:-[A-Za-z]+)*):\u00a0")
COPYRIGHT = re.compile(r"^(?:Copyright|Copy|©|\(c\))\s", re.IGNORECASE)
_ERROR_STUB = "there is an error in this document"
_FIELDS = {"byline": "byline", "auteur": "byline", "section": "section", "rubrique": "section",
           "length": "length", "longueur": "length", "language": "language",
           "langue": "language"}

# Fields printed after the body, in English and French exports; hyphenated labels
# (LOAD-DATE, PUBLICATION-TYPE...) are fields wherever they are.
_AFTER_BODY = {"LANGUAGE", "GRAPHIC", "CORRECTION", "DISTRIBUTION", "SUBJECT", "ORGANIZATION",
               "GEOGRAPHIC", "PERSON", "CITY", "STATE", "COUNTRY", "COMPANY", "TICKER",
               "INDUSTRY", "NOTES", "URL", "LANGUE", "SUJET", "SOCIETE", "ORGANISATION",
               "PERSONNE", "VILLE", "PAYS"}

Block = list[str]


def is_trailing(paragraph: str) -> bool:
    label = _LABEL.match(paragraph)
    return label is not None and ("-" in label.group(1) or label.group(1) in _AFTER_BODY)


def sniff(head: bytes) -> bool:
    """Whether the start of a file is a Nexis or LexisNexis export."""
    if head.startswith(b"PK"):
        return b"word/" in head and docx_is_nexis(head)
    if head.lstrip().startswith(b"{\\rtf"):
        # Its words are plain ASCII in the RTF, between control words.
        return (b"End of Document" in head and b"Length:" in head) or (
            b"LENGTH:" in head and _RTF_COUNTER.search(head) is not None)
    if _DOC.search(head.decode("latin-1")) and b"DOCFULL" in head:
        return True
    text = head.decode("utf-8", "replace")
    return COUNTER.search(text) is not None and "LENGTH:" in text


def docx_is_nexis(source: Path | bytes) -> bool:
    """Whether a DOCX (a path, or the whole file's bytes) is a Nexis Uni export."""
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) \
                as archive:
            xml = archive.read("word/document.xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError):
        return False
    # Word may split a line over several runs: the markup is dropped before looking.
    words = re.sub(r"<[^>]+>", "", xml)
    return "End of Document" in words and "Length:" in words


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """Every article of a Nexis export, the problems that kept any out coming first."""
    data = file_bytes(path)
    if isinstance(data, Problem):
        yield data
        return
    warnings: list[Problem] = []
    name = file_name(path, warnings)
    if data.startswith(b"PK"):
        chunks, kind = _docx_articles(path, data, warnings), "Nexis DOCX"
    elif data.lstrip().startswith(b"{\\rtf"):
        text = _rtf_text(path, data, warnings)
        if text is not None and COUNTER.search(text):  # LexisNexis Academic: its text layout
            chunks, kind = _txt_articles(text.encode("utf-8")), "LexisNexis RTF"
        else:
            chunks, kind = _paragraph_articles(path, (text or "").split("\n"), warnings), \
                "Nexis RTF"
    elif _DOC.search(data[:1 << 20].decode("latin-1")):
        chunks, kind = _html_articles(path, data, warnings), "LexisNexis HTML"
    else:
        chunks, kind = _txt_articles(data), "LexisNexis text"
    yield from warnings
    if not chunks and not warnings:
        yield Problem(path, None, f"is a {kind} export with no articles in it")
    for position, (line, blocks, uni) in enumerate(chunks, 1):
        article = Article(position, line)
        (fill_uni if uni else fill_academic)(blocks, article)
        yield article_item(path, name, article, "nexis")


def _docx_articles(path: Path, data: bytes,
                   warnings: list[Problem]) -> list[tuple[int | None, list[Block], bool]]:
    import docx  # python-docx is slow to import and only DOCX needs it

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        warnings.append(Problem(path, None, f"is not a readable DOCX ({type(exc).__name__})"))
        return []
    return _paragraph_articles(path, (p.text for p in document.paragraphs), warnings)


def _rtf_text(path: Path, data: bytes, warnings: list[Problem]) -> str | None:
    from striprtf.striprtf import rtf_to_text

    try:
        # RTF is 7-bit ASCII with escapes; its code page is read from \ansicpg.
        return rtf_to_text(data.decode("cp1252", "replace"), errors="replace")
    except Exception as exc:  # striprtf raises bare errors on broken groups
        warnings.append(Problem(path, None, f"is not readable RTF ({type(exc).__name__})"))
        return None


def _paragraph_articles(path: Path, paragraphs: Iterable[str], warnings: list[Problem]
                        ) -> list[tuple[int | None, list[Block], bool]]:
    """A Nexis Uni export's paragraphs (a DOCX's, an RTF's lines) cut at each "End of
    Document" into articles."""
    chunks: list[tuple[int | None, list[Block], bool]] = []
    current: list[Block] = []
    for paragraph in paragraphs:
        text = tidy_lines(paragraph)
        # Nexis Uni follows a label with a no-break space, which tells it from prose.
        if (label := _UNI_LABEL.match(paragraph)) is not None:
            text = f"{label.group(1)}:\u00a0{squeeze(paragraph[label.end():])}"
        if text == "End of Document":
            chunks.append((None, current, True))
            current = []
        elif text:
            current.append([text])
    if any(b for b in current) and chunks:
        warnings.append(Problem(path, None, f"ends with text after article {len(chunks)}'s "
                                            "'End of Document' (cut short?); not imported"))
    return chunks


def fill_uni(blocks: list[Block], article: Article) -> None:
    lines = [b[0] for b in blocks]
    body_at = next((i for i, line in enumerate(lines) if line == "Body"), None)
    head = lines[:body_at] if body_at is not None else lines
    # The cover page's table of contents precedes the first article: the header is found
    # from its date line backwards (headline, publication, date).
    date_at = next((i for i in range(len(head) - 1, -1, -1)
                    if news_date(head[i]) is not None and not _LABEL.match(head[i])
                    and i >= 1), None)
    if date_at is not None:
        article.date_text = head[date_at]
        article.source = head[date_at - 1]
        if date_at >= 2 and not _LABEL.match(head[date_at - 2]):
            article.headline = squeeze(head[date_at - 2])
        for line in head[date_at + 1:]:
            _field(line, article)
    if body_at is None:
        return
    body = lines[body_at + 1:]
    if "Classification" in body:
        body = body[:body.index("Classification")]
    # Trailing fields (Load-Date and the like) and a copyright line are not the story.
    while body and (COPYRIGHT.match(body[-1]) or _UNI_LABEL.match(body[-1])):
        body.pop()
    article.body = body
    for line in lines[body_at + 1 + len(body):]:
        _field(line, article)


def _field(line: str, article: Article) -> bool:
    label = _LABEL.match(line)
    if label is None:
        return False
    key, value = label.group(1).lower(), squeeze(label.group(2))
    if key in _FIELDS:
        setattr(article, _FIELDS[key], value)
    elif value:
        article.extra[key] = value
    return True


def _txt_articles(data: bytes) -> list[tuple[int | None, list[Block], bool]]:
    text = data.decode("utf-8-sig", "replace").replace("\r\n", "\n").replace("\r", "\n")
    starts = list(COUNTER.finditer(text))
    chunks: list[tuple[int | None, list[Block], bool]] = []
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        chunk = text[start.end():end]
        line = text.count("\n", 0, start.start()) + 1
        blocks = [[squeeze(b)] for b in re.split(r"\n[ \t]*\n", chunk) if b.strip()]
        chunks.append((line, blocks, False))
    return chunks


def _html_articles(path: Path, data: bytes,
                   warnings: list[Problem]) -> list[tuple[int | None, list[Block], bool]]:
    text = data.decode("utf-8", "replace") if _utf8(data) else data.decode("cp1252", "replace")
    marks = list(_DOC.finditer(text))
    chunks: list[tuple[int | None, list[Block], bool]] = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        part = text[mark.end():end]
        # The DOC and DOCFULL tags sit in an HTML comment; the article follows it.
        part = part[part.find("-->") + 3:] if "-->" in part else part
        line = text.count("\n", 0, mark.start()) + 1
        try:
            root = html.fragment_fromstring(part, create_parent="div")
        except (etree.ParserError, ValueError):
            warnings.append(Problem(path, line, "holds a document that is not readable HTML"))
            continue
        blocks = _html_blocks(root)
        if not blocks:
            continue
        if len(blocks) == 1 and _ERROR_STUB in blocks[0][0]:
            # Nexis's stand-in for a document it could not print: the coder is told one
            # is missing, and the count of articles stays true.
            warnings.append(Problem(path, line, "holds Nexis's notice that it could not print "
                                                "a document ('there is an error in this "
                                                "document'); that document is not imported"))
            continue
        if COUNTER.match(blocks[0][0]):
            blocks = blocks[1:]
        chunks.append((line, blocks, False))
    return chunks


def _html_blocks(root: html.HtmlElement) -> list[Block]:
    """The document's top-level DIVs (a paragraph each P) and tables (a paragraph a row)."""
    for style in list(root.iter("style")):
        style.drop_tree()  # a style sheet sits inside some exports' source paragraph
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")  # a headline's two lines are one headline
    blocks: list[Block] = []
    for child in root.iterchildren():
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "table":
            rows = [squeeze(row.text_content()) for row in child.iter("tr")]
        elif tag == "div":
            rows = [squeeze(p.text_content()) for p in child.iter("p")]
        else:
            continue
        rows = [row for row in rows if row]
        if rows:
            blocks.append(rows)
    return blocks


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def fill_academic(blocks: list[Block], article: Article) -> None:
    """Publication, date, headline and fields; the body; trailing fields and copyright."""
    date_at = next((i for i, b in enumerate(blocks[:4]) if news_date(b[0]) is not None), None)
    rest = [b for b in blocks if not (len(b) == 1 and COPYRIGHT.match(b[0]))]
    if date_at is not None:
        article.date_text = " ".join(blocks[date_at])
        if date_at >= 1:
            article.source = " ".join(blocks[date_at - 1])
        rest = [b for b in blocks[date_at + 1:] if not (len(b) == 1 and COPYRIGHT.match(b[0]))]
    at = 0
    # The headline is the one-paragraph block before any field; a table or several
    # paragraphs there are the body of an article printed without one.
    if rest and len(rest[0]) == 1 and not _LABEL.match(rest[0][0]):
        article.headline = rest[0][0]
        at = 1
    while at < len(rest) and _field(rest[at][0], article):
        at += 1
    # The body runs to the first of the fields Nexis prints after it (LOAD-DATE,
    # LANGUAGE...): a paragraph opening "WASHINGTON:" is body. Failing such a field, to
    # its last unlabelled block.
    end = next((i for i in range(at, len(rest)) if is_trailing(rest[i][0])), None)
    if end is None:
        end = max((i + 1 for i in range(at, len(rest)) if not _LABEL.match(rest[i][0])),
                  default=at)
    article.body = [p for block in rest[at:end] for p in block]
    for block in rest[end:]:
        _field(block[0], article)
