"""Opening a corpus on a server: refuse a database that is not a corpus, set up an empty
one, upgrade an older one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from annotator.storage.errors import CorpusError
from annotator.storage.pg import schema
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.database import PgDatabase


def open_server(address: ServerAddress, *, create: bool = True,
                on_wait: Callable[[Any], None] | None = None) -> PgDatabase:
    """A connection to the corpus at ``address``, its schema brought up to date.

    An empty database becomes a corpus when ``create`` (as an empty file does);
    a database holding other programs' tables is refused and left as it was.
    """
    db = PgDatabase(address)
    try:
        steps = schema.pending(db)
        if steps:
            if not schema.applied(db):
                # Nothing of annotator's yet: any table, view or function named as one of
                # annotator's is another program's, and its database is left as it is.
                others = schema.foreign_objects(db)
                if others:
                    raise CorpusError(
                        f"{address}: the database holds tables annotator did not make "
                        f"({', '.join(others[:5])}); use an empty database for a corpus")
                if not create:
                    raise CorpusError(f"{address}: holds no corpus yet; `annotator server "
                                      "init` sets one up")
            if schema.apply(db) and _has_team_roles(db):
                # New tables of an upgrade get the team's grants and policies too.
                from annotator.storage.pg.roles import set_up_roles

                set_up_roles(db)
    except BaseException:
        db.close()
        raise
    db.on_wait = on_wait
    return db


def _has_team_roles(db: PgDatabase) -> bool:
    from annotator.storage.pg.roles import group

    database = db.fetch_one("SELECT current_database()")[0]
    return db.fetch_one("SELECT 1 FROM pg_roles WHERE rolname = ?",
                        [group(database, "coder")]) is not None
