"""Single documents told by their first bytes: PDF, Word, OpenDocument, EPUB, RTF,
e-mail and web pages, whatever their names say (a download often has no suffix,
and a mail client saves a message without one)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from annotator.formats.base import open_regular

# The suffixes of the formats read here; a file with another suffix is told by content.
SUFFIXES = {
    ".html": "web", ".htm": "web", ".xhtml": "web", ".mht": "web", ".mhtml": "web",
    ".pdf": "pdf", ".docx": "docx", ".odt": "odt", ".rtf": "rtf", ".epub": "epub",
    ".eml": "email", ".msg": "email",
}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Outlook's .msg is an OLE2 compound file
_MAIL_HEADER = re.compile(rb"(?im)^(from|received|return-path|message-id|subject|date"
                          rb"|mime-version|delivered-to|x-[\w-]+):[ \t]")
_HTML = re.compile(rb"<!doctype html|<html[\s>]", re.I)


def sniff(path: Path) -> str | None:
    """The format of ``path`` by its content, or None if it is none of these."""
    try:
        with open_regular(path) as handle:
            head = handle.read(4096)
    except OSError:
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"%PDF-"):
        return "pdf"
    if stripped.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(_OLE2):
        return "email" if path.suffix.lower() == ".msg" else None
    if head.startswith(b"PK\x03\x04"):
        return _zipped(path)
    lines = stripped.split(b"\n", 12)[:12]
    if sum(bool(_MAIL_HEADER.match(line)) for line in lines) >= 2:
        # A page saved as MHTML is a MIME message too: its pieces are "related" to one page.
        lowered = head.lower()
        if b"snapshot-content-location:" in lowered or b"multipart/related" in lowered:
            return "web"
        return "email"  # before HTML: a message's HTML body is no web page
    if _HTML.search(stripped[:1024]):
        return "web"
    return None


def _zipped(path: Path) -> str | None:
    """A zip's kind by what it holds: Word's document part, OpenDocument's or EPUB's
    mimetype entry."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                kind = archive.read("mimetype")[:100].strip()
                if kind == b"application/epub+zip":
                    return "epub"
                if kind == b"application/vnd.oasis.opendocument.text":
                    return "odt"
    except (OSError, zipfile.BadZipFile, KeyError, RuntimeError):
        return None
    return None


# Headers a mail server or client writes, which no log or configuration file has.
_SERVER_HEADER = re.compile(rb"(?m)^(Message-ID|MIME-Version|Received|Return-Path|"
                            rb"Delivered-To):[ \t]")
_FROM = re.compile(rb"(?m)^From:[ \t]")


def has_mail_server_headers(path: Path) -> bool:
    """Whether a file that looks like a message starts with a message's header block: a
    From: line and one a mail system writes (Message-ID, MIME-Version, Received...)."""
    try:
        with open_regular(path) as handle:
            head = handle.read(8192)
    except OSError:
        return False
    block = re.split(rb"\r?\n\r?\n", head.lstrip(b"\xef\xbb\xbf \t\r\n"), maxsplit=1)[0]
    return _FROM.search(block) is not None and _SERVER_HEADER.search(block) is not None
