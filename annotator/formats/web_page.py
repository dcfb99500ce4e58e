"""Saved web pages (.html, .htm, MHTML): the article's own text, not the page around it.

trafilatura finds the main text and the page's metadata, offline: the page is
read as saved, never fetched again. The headline is put at the start of the
text, so it can be coded like the rest; menus, share buttons, date banners and
comments are left out.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import logging
import re
import warnings as python_warnings
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

from annotator.core.dates import parse_date
from annotator.core.model import DocumentRecord
from annotator.core.text import normalise
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    file_bytes,
    file_name,
)

# A page this small has no article to find (a redirect, an error page).
_TOO_LITTLE = 40
# Short lines before the article's first paragraph are banners ("Latest update May 6th"),
# share buttons and datelines; a first paragraph is longer, or ends a sentence.
_SHORT_LINE_WORDS = 10
_LEAD_LINES_KEPT_OUT = 6
_SENTENCE_END = tuple('.!?…:"”»’\'')
# Separators between a headline and the site's name in a page's <title>.
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_TAG_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.I | re.S)


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    data = file_bytes(path)
    if isinstance(data, Problem):
        yield data
        return
    url = None
    if path.suffix.lower() in (".mht", ".mhtml") or data.lstrip()[:200].lower().startswith(
            (b"from:", b"mime-version:", b"snapshot-content-location:")):
        page = _mhtml_page(data)
        if isinstance(page, str):
            yield Problem(path, None, page)
            return
        data, url = page
    warnings: list[Problem] = []
    found = extract_page(data, url)
    if isinstance(found, str):
        yield Problem(path, None, found)
        return
    meta = {"file": file_name(path, warnings), "position": 1}
    yield ReadDocument(DocumentRecord(text=found.text, title=found.title, date=found.date,
                                      source=found.source, url=found.url, meta=meta),
                       path, None, tuple(warnings), consumed=len(data))


class Page:
    """What a page holds: the text kept (headline first) and its details."""

    def __init__(self, text: str, title: str, date: str | None, source: str | None,
                 url: str | None) -> None:
        self.text, self.title, self.date, self.source, self.url = text, title, date, source, url


def extract_page(data: bytes | str, url: str | None = None) -> Page | str:
    """The article in an HTML page, or why there is none (a sentence)."""
    import trafilatura  # slow to import: only when a page is read

    raw = data.encode("utf-8") if isinstance(data, str) else data
    # trafilatura logs and warns about pages it finds odd; the coder gets our message.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    with python_warnings.catch_warnings():
        python_warnings.simplefilter("ignore")
        found = trafilatura.bare_extraction(
            raw, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    if found is None:
        return "has no article text that could be found (not a news page, or only scripts)"
    doc = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    body = normalise(doc.get("text") or "").strip()
    if len(body) < _TOO_LITTLE:
        return "has no article text that could be found (not a news page, or only scripts)"
    host = doc.get("hostname") or None
    title_parts = _title_parts(raw)
    source = _source(doc.get("sitename"), doc.get("title"), title_parts, host)
    headline = _headline(doc.get("title") or "", source)
    body = _without_lead_lines(body, headline)
    date = parse_date(doc.get("date") or "") or _guessed_date(raw)
    text = f"{headline}\n\n{body}" if headline else body
    return Page(text, headline or body.split("\n", 1)[0][:200], date, source,
                doc.get("url") or url)


def _guessed_date(raw: bytes) -> str | None:
    """A date found only by a wide search of the page: trusted to the year at most.

    The wide search falls back to the 1st of January of a year it sees (in a
    URL, a copyright line), which would pass for a real date.
    """
    import htmldate

    try:
        found = htmldate.find_date(raw.decode("utf-8", "replace"), extensive_search=True,
                                   original_date=True)
    except Exception:  # a page htmldate cannot parse has no date, not a failed import
        return None
    if not found:
        return None
    return found[:4] if found[5:] == "01-01" else parse_date(found)


def _title_parts(raw: bytes) -> list[str]:
    match = _TAG_TITLE.search(raw[:500_000])
    if not match:
        return []
    import html

    title = " ".join(html.unescape(match.group(1).decode("utf-8", "replace")).split())
    return [part for part in _TITLE_PARTS.split(title) if part]


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _related(a: str, b: str) -> bool:
    a, b = _key(a), _key(b)
    if len(a) < 3 or len(b) < 3:
        return False
    return a.startswith(b) or b.startswith(a) or (min(len(a), len(b)) >= 5 and (a in b or b in a))


def _source(sitename: str | None, title: str | None, parts: list[str],
            host: str | None) -> str | None:
    """The site's name: the page's own (og:site_name) unless it is a slogan, the
    headline again or a host name; else the part of <title> that names the site."""
    sitename = " ".join((sitename or "").split()) or None
    candidates = [parts[0], parts[-1]] if len(parts) > 1 else []
    good = (sitename is not None and "_" not in sitename and sitename != title
            and not re.fullmatch(r"[\w-]+(\.[\w-]+)+", sitename))
    if good and sitename is not None and (
            not candidates or any(_related(sitename, c) for c in candidates)
            or (host and _related(sitename, host.removeprefix("www.")))):
        return sitename
    for candidate in candidates:
        if host and _related(candidate, host.removeprefix("www.")):
            return candidate
    if candidates and title and _related(candidates[0], title):
        return candidates[-1]
    return sitename or host


def _headline(title: str, source: str | None) -> str:
    """The page's title without the site's name before or after it."""
    title = " ".join(title.split())
    if source:
        parts = _TITLE_PARTS.split(title)
        if len(parts) > 1 and _key(parts[-1]) == _key(source):
            parts = parts[:-1]
        if len(parts) > 1 and _key(parts[0]) == _key(source):
            parts = parts[1:]
        if len(parts) == 1:
            return parts[0]
    return title


def _without_lead_lines(body: str, headline: str) -> str:
    """The body from its first paragraph on: the headline repeated and short lines
    before the first paragraph (banners, datelines, share buttons) left out."""
    lines = body.split("\n")
    for index, line in enumerate(lines[:_LEAD_LINES_KEPT_OUT + 1]):
        stripped = line.strip()
        if headline and " ".join(stripped.split()) == headline:
            continue
        if len(stripped.split()) >= _SHORT_LINE_WORDS or stripped.endswith(_SENTENCE_END):
            return "\n".join(lines[index:]).strip()
    return body  # no line looks like a paragraph: the page's text as found


def _mhtml_page(data: bytes) -> tuple[bytes, str | None] | str:
    """The HTML of a saved MHTML page and its address, or why there is none."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    url = message.get("Snapshot-Content-Location") or message.get("Content-Location")
    for part in message.walk():
        if part.get_content_type() == "text/html" and isinstance(part, EmailMessage):
            try:
                payload = part.get_payload(decode=True)
            except Exception:  # a damaged part: looked past, as a browser would
                continue
            if isinstance(payload, bytes) and payload.strip():
                charset = part.get_content_charset()
                if charset:
                    # trafilatura guesses the encoding of bytes; an MHTML part names its own.
                    with contextlib.suppress(LookupError, UnicodeDecodeError):
                        payload = payload.decode(charset).encode("utf-8")
                return payload, url or part.get("Content-Location")
    return "is an MHTML archive without an HTML page in it"
