"""Factiva exports: HTML (field-code table or the newer layout), XML (PPS) and RTF.

One file holds many articles. Each keeps its accession number (AN) as its id, so
importing the same export again finds every article already there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree, html

from annotator.formats.base import (
    Problem,
    ReadItem,
    ReadOptions,
    file_bytes,
    file_name,
)
from annotator.formats.factiva_rtf import read_rtf
from annotator.formats.news_dates import news_date
from annotator.formats.news_export import Article, article_item, squeeze, too_few

_ACCESSION = re.compile(r"^(?:Document|Dokument|Documento|Documenti|Doc)\s+([A-Za-z0-9]{12,})$")
_WORDS = re.compile(r"^\d[\d.,\u00a0 ]*\s+[^\W\d_]+\.?$")
_TIME = re.compile(r"^\d{1,2}[:.h]\d{2}(?:\s*[AaPp][Mm])?$")
_FOUND = re.compile(r"Results Found\W+(\d+)")
_BOX = re.compile(rb"class=[\"']article [a-z]{2}Article[\"']")


def sniff(head: bytes) -> bool:
    """Whether the start of a file is a Factiva export."""
    if b"ppsArticleResponse" in head or b"Factiva RTF" in head:
        return True
    # Every HTML export carries Factiva's logo cell, articles or none.
    # A news page that names Factiva is not one: its article boxes must be Factiva's.
    return b"factivalogo" in head or (b"Factiva" in head and _BOX.search(head) is not None)


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    data = file_bytes(path)
    if isinstance(data, Problem):
        yield data
        return
    warnings: list[Problem] = []
    notes: list[Problem] = []  # said with the first article: the file was read all the same
    name = file_name(path, warnings)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{\\rtf"):
        articles, said = read_rtf(path, data, warnings)
        kind = "Factiva RTF"
    elif head.startswith(b"<?xml") or b"ppsArticleResponse" in head:
        articles, said = _read_xml(path, data, warnings)
        kind = "Factiva XML"
    else:
        articles, said = _read_html(path, data, warnings, notes)
        kind = "Factiva HTML"
    yield from warnings
    if not articles and not any(isinstance(w, Problem) for w in warnings):
        yield Problem(path, None, f"is a {kind} export with no articles in it")
    for article in articles:
        yield article_item(path, name, article, "factiva", tuple(notes))
        notes = []
    if (short := too_few(path, len(articles), said, "its search summary")) is not None:
        yield short


def _decoded(path: Path, data: bytes, notes: list[Problem]) -> str:
    """An HTML export's text; some declare UTF-8 but are Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes.append(Problem(path, None, "is not UTF-8 as it declares; read as Windows-1252"))
        return data.decode("cp1252", "replace")


def _read_html(path: Path, data: bytes, warnings: list[Problem],
               notes: list[Problem]) -> tuple[list[Article], int | None]:
    text = _decoded(path, data, notes)
    # The declaration would make lxml refuse a str; the text is decoded already.
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        warnings.append(Problem(path, None, f"is not readable HTML ({exc})"))
        return [], None
    boxes = [div for div in root.iter("div") if "article" in div.get("class", "").split()
             and not any("article" in d.get("class", "").split() for d in div.iter("div")
                         if d is not div)]
    articles = []
    for position, box in enumerate(boxes, 1):
        article = Article(position, box.sourceline)
        if box.xpath(".//td[contains(@class, 'index')]"):
            _field_table(box, article)
        else:
            _div_layout(box, article)
        articles.append(article)
    found = _FOUND.search(squeeze(root.text_content())) if boxes else None
    return articles, int(found.group(1)) if found else None


def _paragraphs(cell: html.HtmlElement) -> list[str]:
    found = [squeeze(p.text_content()) for p in cell.iter("p")]
    found = [p for p in found if p]
    return found or ([text] if (text := squeeze(cell.text_content())) else [])


def _field_table(box: html.HtmlElement, article: Article) -> None:
    """The classic export: a table of two-letter field codes and their values."""
    for row in box.iter("tr"):
        cells = row.findall("td")
        if len(cells) < 2:
            continue
        code = squeeze(cells[0].text_content())
        value = cells[1]
        if code in ("LP", "TD"):
            (article.lead if code == "LP" else article.body).extend(_paragraphs(value))
            continue
        shown = squeeze(value.text_content())
        if code == "HD":
            article.headline = shown
        elif code == "BY":
            article.byline = shown
        elif code == "PD":
            article.date_text = shown
        elif code == "SN":
            article.source = shown
        elif code == "LA":
            article.language = shown
        elif code == "SE":
            article.section = shown
        elif code == "WC":
            article.length = shown
        elif code == "AN":
            article.accession = shown.split()[-1] if shown else ""


def _div_layout(box: html.HtmlElement, article: Article) -> None:
    """The newer export: unlabelled lines after the headline, then paragraphs."""
    outer = box.getparent()
    if outer is not None and (outer.get("id") or "").startswith("article-"):
        article.accession = outer.get("id", "").removeprefix("article-")
    blocks = [el for el in box.iter("div", "p")
              if el is not box and not any(True for _ in el.iterdescendants("div", "p"))]
    headline = box.xpath(".//*[@id='hd']")
    seen_headline = not headline
    meta: list[str] = []
    for block in blocks:
        shown = squeeze(block.text_content())
        if headline and (block is headline[0] or headline[0] in block.iterancestors()):
            article.headline, seen_headline = shown, True
        elif "articleParagraph" in block.get("class", ""):
            if shown:
                article.body.append(shown)
        elif not seen_headline:
            article.section = shown if shown else article.section
        elif "author" in block.get("class", "").split():
            article.byline = shown
        elif match := _ACCESSION.match(shown):
            article.accession = match.group(1)
        elif shown and not article.body:
            meta.append(shown)
    _unlabelled(meta, article)


def _unlabelled(lines: list[str], article: Article) -> None:
    """Word count, date, (time), source, code, ..., language, copyright, in that order."""
    start = next((i for i, line in enumerate(lines) if _WORDS.match(line)), None)
    if start is None:
        start = -1
    else:
        article.length = lines[start]
    rest = lines[start + 1:]
    dated = next((i for i, line in enumerate(rest) if news_date(line)), None)
    if dated is None:
        return
    article.date_text = rest[dated]
    after = [line for line in rest[dated + 1:] if not _TIME.match(line)]
    if after:
        article.source = after[0]
    if len(after) >= 3:
        article.language = after[-2]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _read_xml(path: Path, data: bytes,
              warnings: list[Problem]) -> tuple[list[Article], int | None]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data.lstrip(b"\xef\xbb\xbf"), parser)
    except etree.XMLSyntaxError as exc:
        warnings.append(Problem(path, exc.lineno, f"is not well-formed XML ({exc.msg}); "
                                                  "cut short or damaged?"))
        return [], None
    articles = []
    for position, item in enumerate((el for el in root.iter() if _local(el.tag) == "article"), 1):
        article = Article(position, item.sourceline)
        for child in item:
            tag = _local(child.tag)
            texts = [squeeze("".join(p.itertext())) for p in child if _local(p.tag) == "paragraph"]
            shown = squeeze("".join(child.itertext()))
            if tag == "headline":
                article.headline = " ".join(texts) or shown
            elif tag == "leadParagraph":
                article.lead = [t for t in texts if t]
            elif tag == "tailParagraphs":
                article.body = [t for t in texts if t]
            elif tag == "accessionNo":
                article.accession = shown
            elif tag == "publicationDate":
                article.date_text = shown
            elif tag == "sourceName":
                article.source = shown
            elif tag == "baseLanguage":
                article.language = shown
            elif tag == "byline":
                article.byline = shown
            elif tag == "sectionName":
                article.section = shown
            elif tag == "wordCount":
                article.length = shown
        articles.append(article)
    counts = [el.get("count") for el in root.iter() if _local(el.tag) == "ppsarticleResultSet"]
    said = int(counts[0]) if counts and (counts[0] or "").isdigit() else None
    return articles, said
