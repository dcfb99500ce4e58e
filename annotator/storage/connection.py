"""Opening a corpus file safely: refuse what is not ours, never damage it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from annotator.storage import migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000


class CorpusError(Exception):
    """A corpus file cannot be opened or used; the message says why."""


def open_database(path: Path, *, create: bool = True, check: bool = False) -> Database:
    """Open (and if needed create or upgrade) the corpus at ``path``.

    An existing file is looked at before anything is written to it: one that
    is not a corpus, is damaged (with ``check``) or comes from a newer
    annotator is refused and left exactly as it was. One from an older
    annotator is copied aside before it is upgraded.
    """
    path = Path(path)
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder, not a corpus file")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise CorpusError(f"{path}: no such corpus")
    if exists:
        _check_header(path)
    elif not path.parent.exists():
        raise CorpusError(f"{path}: the folder {path.parent} does not exist")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise CorpusError(f"{path}: cannot be opened ({exc})") from exc
    db = Database(conn)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if exists:
            _check_is_ours(db, path)  # reads only
            if check:
                problems = integrity_problems(db)
                if problems:
                    raise CorpusError(f"{path}: is damaged ({'; '.join(problems[:3])}); "
                                      "restore it from a backup")
        _configure(db)
        pending = migrations.migrations.pending(db)
        if exists and pending and migrations.applied_migration_names(db):
            backup_copy(db, path.with_name(f"{path.name}.before-{pending[0].name}"))
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise CorpusError(f"{path}: is damaged or not a corpus ({exc})") from exc
    except CorpusError:
        conn.close()
        raise
    return db


def integrity_problems(db: Database) -> list[str]:
    """What SQLite's quick check finds wrong with a corpus file; empty when it is sound."""
    rows = [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows


class BackupCancelled(Exception):
    pass


def backup_copy(db: Database, target: Path,
                cancelled: Callable[[], bool] | None = None) -> Path:
    """A consistent copy of the corpus, taken while it may be in use.

    SQLite's online backup copies it page by page (a thousand at a time, so
    ``cancelled`` is asked often); the copy is written beside ``target`` and
    moved into place only when complete.
    """
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)

    def check(_status: int, _remaining: int, _total: int) -> None:
        if cancelled is not None and cancelled():
            raise BackupCancelled

    copy = sqlite3.connect(partial)
    try:
        db.conn.backup(copy, pages=1000, progress=check, sleep=0)
    except BackupCancelled:
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    finally:
        copy.close()
    partial.replace(target)
    return target


def _configure(db: Database) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    # WAL lets the window read while an import in another process writes;
    # FULL makes every committed edit durable, power cut included.
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror})") from exc
    if header != SQLITE_MAGIC:
        raise CorpusError(f"{path}: is not a corpus file (not an SQLite database)")


def _check_is_ours(db: Database, path: Path) -> None:
    tables = set(db.table_names())
    applied = migrations.applied_migration_names(db)
    if not applied:
        user_tables = {t for t in tables if not t.startswith(("sqlite_", "_sqlite_"))}
        if user_tables:
            raise CorpusError(
                f"{path}: is an SQLite database but not an annotator corpus "
                f"(it has tables {', '.join(sorted(user_tables)[:5])})"
            )
        return  # an empty database: a creation cut short, made into a new corpus
    unknown = applied - migrations.known_migration_names()
    if unknown:
        raise CorpusError(
            f"{path}: was written by a newer version of annotator "
            f"(schema steps {', '.join(sorted(unknown))}); please upgrade annotator"
        )
