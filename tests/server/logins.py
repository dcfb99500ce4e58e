"""A person's login on the test server, as the team tests make them."""

from __future__ import annotations

from urllib.parse import quote

PASSWORD = "correct horse battery"


def login(url: str, name: str, password: str = PASSWORD) -> str:
    """``url`` (an admin's) as ``name`` with their password, over TCP (the password is
    checked there)."""
    return f"postgresql://{name}:{quote(password, safe='')}@{url.split('@', 1)[1]}"
