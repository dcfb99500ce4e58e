"""Where a team's corpus lives: a PostgreSQL URL or libpq service, told apart from a file.

The address keeps what libpq needs to connect (a password written in the URL
included), but shows and remembers only what identifies the server: a password is
never printed, logged or stored by annotator (libpq's ``.pgpass`` and service
files hold those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")
_SERVICE = re.compile(r"^service=([\w.-]+)$")


def is_server_address(value: object) -> bool:
    """Whether ``value`` names a corpus on a server rather than a file."""
    if isinstance(value, ServerAddress):
        return True
    if not isinstance(value, str):
        return False
    return value.startswith(SCHEMES) or bool(_SERVICE.match(value.strip()))


@dataclass(frozen=True)
class ServerAddress:
    """A corpus on a PostgreSQL server. ``str()`` of it never shows a password."""

    conninfo: str = field(repr=False)

    @classmethod
    def parse(cls, value: str | ServerAddress) -> ServerAddress:
        if isinstance(value, ServerAddress):
            return value
        text = value.strip()
        service = _SERVICE.match(text)
        if service:
            return cls(f"postgresql:///?service={quote(service.group(1))}")
        if not text.startswith(SCHEMES):
            raise ValueError(f"{value!r} is not a PostgreSQL URL (postgresql://…) or service=NAME")
        return cls(text)

    @property
    def shown(self) -> str:
        """The URL without its password, for titles, messages and the recent list."""
        parts = urlsplit(self.conninfo)
        netloc = parts.netloc
        if "@" in netloc:
            login, host = netloc.rsplit("@", 1)
            user = login.split(":", 1)[0]
            netloc = f"{user}@{host}"
        query = urlencode([(k, "***" if k == "password" else v)
                           for k, v in parse_qsl(parts.query, keep_blank_values=True)])
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))

    @property
    def database(self) -> str:
        path = urlsplit(self.conninfo).path.lstrip("/")
        if path:
            return unquote(path)
        query = dict(parse_qsl(urlsplit(self.conninfo).query))
        return query.get("dbname") or query.get("service") or "postgres"

    @property
    def name(self) -> str:
        """A short name, as a file's name is: the database (or the service)."""
        return self.database

    @property
    def user(self) -> str | None:
        parts = urlsplit(self.conninfo)
        if parts.username:
            return unquote(parts.username)
        return dict(parse_qsl(parts.query)).get("user")

    @property
    def parent(self) -> PurePosixPath:
        # Code that puts a file beside a corpus asks for its folder; a server has none.
        raise AttributeError("a corpus on a server has no folder")

    def __str__(self) -> str:
        return self.shown

    def __fspath__(self) -> str:
        # Never a file: anything that tries to open a server address as one fails loudly.
        raise TypeError(f"{self.shown} is a server address, not a file")
