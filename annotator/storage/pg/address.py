"""Where a team's corpus lives: a PostgreSQL URL or libpq service, told apart from a file.

The address keeps what libpq needs to connect (a password written in the URL
included), but shows and remembers only what identifies the server: a password is
never printed, logged or stored by annotator (libpq's ``.pgpass`` and service
files hold those).

What the URL means is what libpq reads in it, not what a general URL parser would
(libpq takes the first ``@`` as the end of the login, and ``#`` and ``+`` as plain
characters). A URL libpq cannot read is refused as it is given, before any
connection: libpq's own messages about it quote the part it stumbled on, which may
be the password, so the refusal says what is wrong with the password blotted out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath
from urllib.parse import quote, unquote

from annotator.storage.errors import CorpusError

SCHEMES = ("postgresql://", "postgres://")
_SERVICE = re.compile(r"^service=([\w.-]+)$")
# libpq's other spelling, "host=… dbname=… user=…": taken for a server when it starts
# with one of libpq's own keywords (a file is never named so by accident, and taking
# one for a file would make a corpus file named after a password).
_KEYWORD_VALUE = re.compile(
    r"^\s*(?:host|hostaddr|port|dbname|user|password|service|passfile|sslmode|sslrootcert|"
    r"sslcert|sslkey|connect_timeout|options|application_name|target_session_attrs)\s*=")
# Connection parameters whose values are secrets: never shown, stored or printed.
SECRET_KEYS = ("password", "sslpassword")
_SECRET_PARAMETER = re.compile(r"(?:^|[?&])(?:ssl)?password=([^&]*)")
_SECRET_KEYWORD = re.compile(r"(?:^|\s)(?:ssl)?password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)")
HIDDEN = "***"


class AddressError(CorpusError, ValueError):
    """A PostgreSQL URL libpq cannot read; the message shows it without its password."""


def is_server_address(value: object) -> bool:
    """Whether ``value`` names a corpus on a server rather than a file."""
    if isinstance(value, ServerAddress):
        return True
    if not isinstance(value, str):
        return False
    return (value.startswith(SCHEMES) or bool(_SERVICE.match(value.strip()))
            or bool(_KEYWORD_VALUE.match(value)))


@dataclass(frozen=True)
class ServerAddress:
    """A corpus on a PostgreSQL server. ``str()`` of it never shows a password."""

    conninfo: str = field(repr=False)

    @classmethod
    def parse(cls, value: str | ServerAddress) -> ServerAddress:
        """The address in ``value``; AddressError if libpq could not read it."""
        if isinstance(value, ServerAddress):
            return value
        text = value.strip()
        service = _SERVICE.match(text)
        if service:
            return cls(f"postgresql:///?service={quote(service.group(1))}")
        if not text.startswith(SCHEMES) and not _KEYWORD_VALUE.match(text):
            raise ValueError(f"{value!r} is not a PostgreSQL URL (postgresql://…) or service=NAME")
        address = cls(text)
        if address._reading is None:
            raise AddressError(f"{address.shown}: is not a PostgreSQL URL libpq can read "
                               f"({address.scrub(address._refusal)})")
        if "@" in address._reading.get("host", ""):
            # libpq ends the login at the first "@": the rest of the password would be
            # taken for a host name, and named in its messages.
            raise AddressError(f"{address.shown}: has more than one @ before the host; write "
                               "an @ in the user name or password as %40")
        return address

    # -- what libpq reads in it ----------------------------------------------------------

    @cached_property
    def _parsed(self) -> tuple[dict[str, str] | None, str]:
        from psycopg import Error, conninfo  # here: opening a file never needs psycopg

        try:
            return {k: str(v) for k, v in conninfo.conninfo_to_dict(self.conninfo).items()}, ""
        except Error as exc:
            lines = str(exc).strip().splitlines()
            return None, lines[0] if lines else "no reason given"

    @property
    def _reading(self) -> dict[str, str] | None:
        """The connection parameters libpq reads in the URL, or None if it cannot."""
        return self._parsed[0]

    @property
    def password(self) -> str | None:
        """The password written in the address (to hand to a child process in its
        environment, never on its command line), None if it has none."""
        reading = self._reading
        return None if reading is None else reading.get("password")

    @property
    def _refusal(self) -> str:
        return self._parsed[1]

    @cached_property
    def secrets(self) -> tuple[str, ...]:
        """The passwords written in the URL, as written and decoded, longest first.

        Read both as libpq reads the URL and as a person would have meant it (up to the
        last ``@``), so that a URL libpq misreads or refuses is blotted out too.
        """
        found: set[str] = set()
        reading = self._reading
        if reading is not None and "@" not in reading.get("host", ""):
            found.update(reading[key] for key in SECRET_KEYS if key in reading)
        rest = self.conninfo.split("://", 1)[-1]
        if "@" in rest and "://" in self.conninfo:
            login = rest.rsplit("@", 1)[0]
            if ":" in login:
                found.add(login.split(":", 1)[1])
        found.update(_SECRET_PARAMETER.findall(self.conninfo))
        found.update(value.strip("'") for value in _SECRET_KEYWORD.findall(self.conninfo))
        found |= {unquote(secret) for secret in found}
        found |= {quote(secret, safe="") for secret in found}
        return tuple(sorted((s for s in found if s), key=len, reverse=True))

    def scrub(self, text: str) -> str:
        """``text`` (a message from libpq, say) with this URL's passwords blotted out."""
        for secret in self.secrets:
            text = text.replace(secret, HIDDEN)
        return text

    # -- what is shown -------------------------------------------------------------------

    @cached_property
    def shown(self) -> str:
        """The URL without its passwords, for titles, messages and the recent list (where
        it opens again, with the password from ``~/.pgpass``)."""
        reading = self._reading
        if reading is None or "@" in reading.get("host", ""):
            return self.scrub(self.conninfo)
        rest = {k: v for k, v in reading.items() if k not in SECRET_KEYS}
        user = rest.pop("user", "")
        database = rest.pop("dbname", "")
        hosts = rest.get("host", "").split(",") if rest.get("host") else []
        ports = rest.get("port", "").split(",") if rest.get("port") else []
        netloc = ""
        # Host names go before the path as people write them; a socket folder cannot.
        if hosts and not any(h.startswith("/") or not h for h in hosts) and \
                len(ports) in (0, 1, len(hosts)):
            del rest["host"]
            rest.pop("port", None)
            each = ports * len(hosts) if len(ports) == 1 else ports or [""] * len(hosts)
            netloc = ",".join((f"[{h}]" if ":" in h else quote(h, safe="")) +
                              (f":{p}" if p else "") for h, p in zip(hosts, each, strict=True))
        if user:
            netloc = f"{quote(user, safe='')}@{netloc}"
        path = f"/{quote(database, safe='')}" if database or rest else ""
        query = "&".join(f"{quote(k, safe='')}={quote(v, safe='/,')}" for k, v in rest.items())
        return self.scrub(f"postgresql://{netloc}{path}" + (f"?{query}" if query else ""))

    @property
    def database(self) -> str:
        reading = self._reading or {}
        return reading.get("dbname") or reading.get("service") or "postgres"

    @property
    def name(self) -> str:
        """A short name, as a file's name is: the database (or the service)."""
        return self.database

    @property
    def user(self) -> str | None:
        return (self._reading or {}).get("user") or None

    @property
    def parent(self) -> PurePosixPath:
        # Code that puts a file beside a corpus asks for its folder; a server has none.
        raise AttributeError("a corpus on a server has no folder")

    def __str__(self) -> str:
        return self.shown

    def __fspath__(self) -> str:
        # Never a file: anything that tries to open a server address as one fails loudly.
        raise TypeError(f"{self.shown} is a server address, not a file")
