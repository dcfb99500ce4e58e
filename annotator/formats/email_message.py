"""E-mail (.eml, Outlook's .msg): the subject as title, the sender as source, the body.

A message is one document, subject first, unless it is a newsletter whose HTML
body holds several headed items of some length: then each item is one document,
headed by its heading, so a coder codes one story at a time.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

from annotator.core.dates import parse_date
from annotator.core.model import DocumentRecord
from annotator.core.text import first_line, normalise
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    file_bytes,
    file_name,
)
from annotator.formats.html_text import html_blocks

_HEADINGS = ("h1", "h2", "h3")
# A newsletter item: a heading over at least this much text.
_ITEM_CHARS = 200


@dataclass(frozen=True, slots=True)
class Mail:
    subject: str
    sender: str | None
    date: str | None
    plain: str | None
    html: str | None


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    data = file_bytes(path)
    if isinstance(data, Problem):
        yield data
        return
    mail = _msg(path) if data.startswith(b"\xd0\xcf\x11\xe0") else _eml(data)
    if isinstance(mail, str):
        yield Problem(path, None, mail)
        return
    if path.suffix.lower() == ".msg" and not data.startswith(b"\xd0\xcf\x11\xe0") \
            and not mail.subject and not mail.plain and not mail.html:
        yield Problem(path, None, "is not an Outlook message (.msg is a binary file; this is not)")
        return
    warnings: list[Problem] = []
    name = file_name(path, warnings)
    items = _items(mail.html) if mail.html else []
    if len(items) < 2:
        body = mail.plain if mail.plain and mail.plain.strip() else \
            "\n".join(text for _, text in html_blocks(mail.html or ""))
        items = [(mail.subject, normalise(body).strip())]
    if not any(body for _, body in items):
        yield Problem(path, None, f"message {mail.subject!r} has no body"
                      if mail.subject else "message has no subject and no body")
        return
    for position, (heading, body) in enumerate(items, 1):
        text = "\n\n".join(part for part in (heading.strip(), body) if part)
        meta = {"file": name, "position": position}
        if len(items) > 1:
            meta["subject"] = mail.subject
        record = DocumentRecord(text=text, title=heading.strip() or first_line(text),
                                date=mail.date, source=mail.sender, meta=meta)
        yield ReadDocument(record, path, None, tuple(warnings) if position == 1 else (),
                           consumed=len(data) if position == len(items) else 0)


def _eml(data: bytes) -> Mail | str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (
            message.get("From") or message.get("Subject") or message.get("Date")):
        return "is not an e-mail message (no From, Subject or Date header)"
    subject = " ".join(str(message.get("Subject", "")).split())
    sender = _sender(str(message.get("From", "")))
    date = _date(str(message.get("Date", "")))
    plain = html = None
    for kind in ("plain", "html"):
        part = message.get_body(preferencelist=(kind,))
        if part is None:
            continue
        try:
            content = part.get_content()
        except (LookupError, UnicodeError, AssertionError, KeyError):
            payload = part.get_payload(decode=True)
            content = payload.decode("latin-1") if isinstance(payload, bytes) else ""
        if kind == "plain":
            if part.get_param("format", "").lower() == "flowed":
                content = _unflow(content, part.get_param("delsp", "").lower() == "yes")
            plain = content
        else:
            html = content
    return Mail(subject, sender, date, plain, html)


def _msg(path: Path) -> Mail | str:
    import extract_msg  # only for .msg files

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    try:
        message = extract_msg.openMsg(str(path))
    except Exception as exc:  # the library raises many kinds for a damaged file
        return f"is not an Outlook message that can be read ({exc.__class__.__name__})"
    try:
        subject = " ".join((message.subject or "").split())
        raw_date = message.date
        date = raw_date.date().isoformat() if isinstance(raw_date, datetime) else \
            _date(str(raw_date or ""))
        html = message.htmlBody
        if isinstance(html, bytes):
            html = html.decode("utf-8", "replace")
        return Mail(subject, _sender(str(message.sender or "")), date, message.body, html)
    except Exception as exc:
        return f"is an Outlook message whose content cannot be read ({exc.__class__.__name__})"
    finally:
        message.close()


def _sender(value: str) -> str | None:
    name, address = email.utils.parseaddr(value)
    return " ".join(name.split()) or address or None


def _date(value: str) -> str | None:
    """The message's date in its own zone: the calendar day its writer saw."""
    try:
        return parse_date(email.utils.parsedate_to_datetime(value).date().isoformat())
    except (TypeError, ValueError, IndexError):
        return None


def _unflow(text: str, delsp: bool = False) -> str:
    """format=flowed (RFC 3676): a line ending in a space goes on in the next one."""
    out: list[str] = []
    carry = ""
    for line in normalise(text).split("\n"):
        if line != "-- " and line.endswith(" "):
            carry += line[:-1] if delsp else line
            continue
        out.append(carry + line)
        carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)


def _items(html: str) -> list[tuple[str, str]]:
    """A newsletter's headed items, if it has at least two of some length."""
    items: list[tuple[str, list[str]]] = []
    for tag, text in html_blocks(html):
        if tag in _HEADINGS:
            items.append((text, []))
        elif items:
            items[-1][1].append(text)
    kept = [(heading, "\n".join(body)) for heading, body in items
            if sum(len(t) for t in body) >= _ITEM_CHARS]
    return kept if len(kept) >= 2 else []
