"""A savepoint, as both backends take one: part of a transaction that can fail alone (a
refused INSERT undoes only itself, the transaction goes on)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

Db = TypeVar("Db", bound=Any)


@contextmanager
def savepoint(db: Db) -> Iterator[Db]:
    """``SAVEPOINT`` on ``db`` (anything with ``execute``), rolled back to on any failure."""
    db.execute("SAVEPOINT part")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK TO SAVEPOINT part")
        db.execute("RELEASE SAVEPOINT part")
        raise
    db.execute("RELEASE SAVEPOINT part")
