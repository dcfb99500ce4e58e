"""What the window and the command line ask of a corpus about the team around it,
whichever backend holds it."""

from __future__ import annotations

from typing import Any


def on_server(corpus: Any) -> bool:
    """Whether the corpus is a team's, on a database server (not a file)."""
    return getattr(getattr(corpus, "db", None), "dialect", "sqlite") != "sqlite"


def login_name(corpus: Any) -> str | None:
    """On a server, the coder's login: their name in the corpus (the server's rules give
    them their own rows by it). None for a file, where the coder names themselves."""
    return getattr(corpus.db, "login", None) if on_server(corpus) else None
