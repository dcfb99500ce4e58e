"""Factiva's RTF export ("Article" display): each article ends with ``Document <AN>``.

The RTF carries no field codes: a headline block, a block of unlabelled lines
(word count, date, time, source, source code, language, copyright), the body, and
the accession line. A search summary may follow the last article.
"""

from __future__ import annotations

import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from annotator.formats.base import Problem
from annotator.formats.news_export import Article, tidy_lines

_END = re.compile(r"^[ \t]*(?:Document|Dokument|Documento|Documenti)[ \t]+([A-Za-z0-9]{12,})"
                  r"[ \t]*$", re.MULTILINE)
_BLANK = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*")
_WORDS = re.compile(r"^\d[\d.,\u00a0 ]*\s+[^\W\d_]+\.?$")
_FOUND = re.compile(r"Results Found\W+(\d+)")


def read_rtf(path: Path, data: bytes, warnings: list[Problem]) -> tuple[list[Article], int | None]:
    try:
        # RTF is 7-bit ASCII with escapes; its code page is read from \ansicpg.
        text = rtf_to_text(data.decode("cp1252", "replace"), errors="replace")
    except Exception as exc:  # striprtf raises bare errors on broken groups
        warnings.append(Problem(path, None, f"is not readable RTF ({type(exc).__name__}: {exc})"))
        return [], None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    unescaped = re.sub(rb"\\[\\{}]", b"", data)
    # A whole RTF closes every group it opens; a download cut short does not, and what
    # the cut article held is lost with its group.
    cut = unescaped.count(b"{") != unescaped.count(b"}")
    articles: list[Article] = []
    start = 0
    for position, end in enumerate(_END.finditer(text), 1):
        chunk = text[start:end.start()]
        start = end.end()
        article = Article(position, None, accession=end.group(1))
        _fill(chunk, article)
        articles.append(article)
    rest = text[start:].strip()
    if cut:
        warnings.append(Problem(path, None, f"is cut short (its RTF groups are not closed): "
                                            f"{len(articles)} articles read before the cut; "
                                            "anything after it is lost"))
    elif rest and not rest.startswith(("Search Summary", "Résumé de la recherche",
                                     "Zusammenfassung der Suche")):
        if articles:
            warnings.append(Problem(path, None, f"ends with text after article {len(articles)}'s "
                                                "'Document' line (cut short?); that text is not "
                                                "imported"))
        else:
            warnings.append(Problem(path, None, "has no 'Document <number>' line closing an "
                                                "article: not a Factiva article export, or cut "
                                                "short"))
    found = _FOUND.search(text[start:])
    return articles, int(found.group(1)) if found else None


def _fill(chunk: str, article: Article) -> None:
    blocks = [b for b in (tidy_lines(b) for b in _BLANK.split(chunk.strip("\n"))) if b]
    if not blocks:
        return
    # The block with the word count holds the fields; the headline block precedes it.
    meta_at = next((i for i, b in enumerate(blocks[:4])
                    if any(_WORDS.match(line) for line in b.split("\n"))), None)
    if meta_at is None:
        article.body = blocks
        return
    article.headline = " ".join(" ".join(blocks[:meta_at]).split())
    lines = blocks[meta_at].split("\n")
    words = next(i for i, line in enumerate(lines) if _WORDS.match(line))
    if words:
        article.byline = " ".join(lines[:words])
    article.length = lines[words]
    after = lines[words + 1:]
    if after:
        article.date_text = after.pop(0)
    if after and re.match(r"^\d{1,2}[:.]\d{2}", after[0]):
        after.pop(0)
    if after:
        article.source = after[0]
    if len(after) >= 3:
        article.language = after[-2]
    article.body = blocks[meta_at + 1:]
