"""Opening a corpus file safely: refuse what is not ours, never damage it."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Generator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from annotator.storage import migrations
from annotator.storage.errors import (
    CorpusBusy,
    CorpusError,
    CorpusReadOnly,
    CorpusTextDamaged,
    storage_error,
)
from annotator.storage.guard import Hold, check_output

__all__ = ["BUSY_TIMEOUT_MS", "CorpusBusy", "CorpusDatabase", "CorpusError", "CorpusReadOnly",
           "backup_copy", "integrity_problems", "open_database"]

BUSY_TIMEOUT_MS = 30_000
# How long a writer waits quietly for another one before ``on_wait`` is told.
QUIET_WAIT_MS = 1_000

WaitNotice = Callable[[Path], None]


class CorpusDatabase(Database):
    """sqlite-utils' Database with write transactions that begin as a writer.

    A deferred ``BEGIN`` that reads first cannot wait when it later needs to write
    (SQLite answers "database is locked" at once, to avoid a deadlock), so every
    write transaction begins ``IMMEDIATE``: it waits for the other writer, up to
    ``write_timeout`` seconds, saying so through ``on_wait`` after a second.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, *, hold: Hold | None,
                 read_only: str | None) -> None:
        super().__init__(conn)
        self.path = path
        self.read_only = read_only  # why the corpus cannot be written, if it cannot
        self.write_timeout = BUSY_TIMEOUT_MS / 1000
        self.on_wait: WaitNotice | None = None
        self._hold = hold

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """As sqlite-utils', but a damaged file or a failing disk is a CorpusError
        saying so (syntax and constraint errors stay as they are, for their callers)."""
        try:
            return super().execute(sql, parameters)
        except sqlite3.DatabaseError as exc:
            name = getattr(exc, "sqlite_errorname", "") or ""
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_IOERR", "SQLITE_FULL")):
                raise storage_error(exc, self.path, "read") from exc
            raise

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self._hold is not None:
                self._hold.release()
                self._hold = None

    @contextmanager
    def atomic(self) -> Generator[Database, None, None]:
        if self.conn.in_transaction:
            with super().atomic() as db:  # a savepoint inside our transaction
                yield db
            return
        self.begin_write()
        try:
            yield self
        except sqlite3.Error as exc:
            self.rollback()
            # A full disk or an I/O error met by a statement: say what failed.
            raise storage_error(exc, self.path, "saved") from exc
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.rollback()
            raise storage_error(exc, self.path, "saved") from exc

    def begin_write(self) -> None:
        """``BEGIN IMMEDIATE``, waiting for another writer as long as allowed."""
        if self.read_only:
            raise CorpusReadOnly(f"{self.path}: is open read-only ({self.read_only}); "
                                 "nothing can be changed")
        deadline = time.monotonic() + self.write_timeout
        quiet = min(QUIET_WAIT_MS / 1000, self.write_timeout)
        told = False
        try:
            self._set_busy_timeout(quiet)
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    error = storage_error(exc, self.path, "saved")
                    left = deadline - time.monotonic()
                    if not isinstance(error, CorpusBusy) or left <= 0:
                        raise error from exc
                    if not told and self.on_wait is not None:
                        self.on_wait(self.path)
                        told = True
                    self._set_busy_timeout(left)
        finally:
            self._set_busy_timeout(BUSY_TIMEOUT_MS / 1000)

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _set_busy_timeout(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {max(1, int(seconds * 1000))}")


def open_database(path: Path, *, create: bool = True, check: bool = False) -> CorpusDatabase:
    """Open (and if needed create or upgrade) the corpus at ``path``.

    An existing file is looked at through SQLite alone (never a plain ``open``,
    which would drop the locks of another connection in this process) before
    anything is written to it: one that is not a corpus, is damaged (with
    ``check``) or comes from a newer annotator is refused and left exactly as it
    was. One from an older annotator is copied aside before it is upgraded. A
    corpus that cannot be written (read-only file, folder or medium) opens
    read-only, ``read_only`` saying why.
    """
    path = Path(path)
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder, not a corpus file")
    if path.exists() and not path.is_file():
        raise CorpusError(f"{path}: is not a regular file, not a corpus")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise CorpusError(f"{path}: no such corpus")
    if not exists and not path.parent.exists():
        raise CorpusError(f"{path}: the folder {path.parent} does not exist")
    read_only = _why_read_only(path) if exists else None
    if not exists and not os.access(path.parent, os.W_OK):
        raise CorpusReadOnly(f"{path}: cannot be created: the folder {path.parent} is read-only")
    conn = _connect(path, read_only)
    db = CorpusDatabase(conn, path, hold=Hold(path), read_only=read_only)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if exists:
            _check_is_ours(db, path, create=create)  # reads only
            if check:
                problems = integrity_problems(db)
                if problems:
                    raise CorpusError(f"{path}: is damaged ({'; '.join(problems[:3])}); "
                                      "restore it from a backup")
        _configure(db)
        pending = migrations.migrations.pending(db)
        if pending and read_only:
            raise CorpusReadOnly(f"{path}: was made by an older annotator and must be upgraded, "
                                 f"but it is read-only ({read_only})")
        if exists and pending and migrations.applied_migration_names(db):
            backup_copy(db, path.with_name(f"{path.name}.before-{pending[0].name}"))
        if pending:
            migrations.apply(db)
    except sqlite3.Error as exc:
        db.close()
        if _not_a_database(exc):
            raise CorpusError(f"{path}: is not a corpus file (not an SQLite database)") from exc
        raise storage_error(exc, path, "opened") from exc
    except BaseException:
        db.close()
        raise
    return db


def _connect(path: Path, read_only: str | None) -> sqlite3.Connection:
    try:
        if read_only is None:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = _connect_read_only(path)
    except sqlite3.Error as exc:
        raise storage_error(exc, path, "opened") from exc
    # Implicit transactions (a statement outside ``atomic``) begin as a writer too.
    conn.isolation_level = "IMMEDIATE"
    conn.text_factory = _text_reader(path)
    return conn


def _text_reader(path: Path) -> Callable[[bytes], str]:
    """Text as SQLite stores it, or a CorpusError naming the corpus: only a file
    changed outside annotator holds text that is not UTF-8, and sqlite3's own error
    for it ("Could not decode to UTF-8 column") is no message for a coder."""

    def read(value: bytes) -> str:
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusTextDamaged(
                f"{path}: holds a value that is not UTF-8 text ({value[:40]!r}); the corpus "
                "was changed outside annotator. `annotator history` and `annotator restore` "
                "can put the rows back") from exc

    return read


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only, and where SQLite cannot even keep its shared-memory file beside
    the corpus (read-only media), as an immutable file: no one can change it there."""
    uri = "file:" + quote(str(path.resolve()))
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.Error as exc:
        conn.close()
        if _not_a_database(exc):
            raise
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            # Immutable would read the corpus without its write-ahead log: recent edits
            # would be missing from what is shown and exported, without a word.
            raise CorpusReadOnly(
                f"{path}: cannot be read where it is: its latest edits are in {wal.name}, "
                f"which SQLite cannot open on a read-only disk ({exc}); copy both files to "
                "a writable folder and open the copy") from exc
    return sqlite3.connect(f"{uri}?immutable=1", uri=True)


def _why_read_only(path: Path) -> str | None:
    if not os.access(path, os.W_OK):
        return "the file is read-only" if _writable_medium(path) else "the disk is read-only"
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is read-only"
    return None


def _writable_medium(path: Path) -> bool:
    try:
        return not (os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return True


def _not_a_database(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name == "SQLITE_NOTADB" or "file is not a database" in str(exc)


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
    moved into place only when complete. A failure (full disk, say) leaves
    neither the copy nor a partial one, and says what failed.
    """
    source = getattr(db, "path", None)
    check_output(target, Path(source) if source else None)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)

    def check(_status: int, _remaining: int, _total: int) -> None:
        if cancelled is not None and cancelled():
            raise BackupCancelled

    try:
        copy = sqlite3.connect(partial)
    except sqlite3.Error as exc:
        raise storage_error(exc, target, "written") from exc
    try:
        db.conn.backup(copy, pages=1000, progress=check, sleep=0)
        copy.close()
        partial.replace(target)
    except BackupCancelled:
        raise
    except sqlite3.Error as exc:
        raise storage_error(exc, target, "written") from exc
    except OSError as exc:
        raise CorpusError(f"{target}: could not be written ({exc.strerror or exc})") from exc
    finally:
        copy.close()
        partial.unlink(missing_ok=True)
    return target


def _configure(db: CorpusDatabase) -> None:
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.read_only:
        return
    # WAL lets the window read while an import in another process writes;
    # FULL makes every committed edit durable, power cut included.
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")


def _check_is_ours(db: Database, path: Path, *, create: bool) -> None:
    # The first read: a file that is not SQLite fails here, before anything is written.
    objects = db.execute("SELECT type, name FROM sqlite_master").fetchall()
    applied = migrations.applied_migration_names(db)
    if not applied:
        user_objects = [f"{kind} {name}" for kind, name in objects
                        if not name.startswith(("sqlite_", "_sqlite_"))]
        if user_objects:
            raise CorpusError(
                f"{path}: is an SQLite database but not an annotator corpus "
                f"(it has {', '.join(sorted(user_objects)[:5])})"
            )
        header_values = [db.execute(f"PRAGMA {name}").fetchone()[0]
                         for name in ("user_version", "application_id")]
        if any(header_values):
            raise CorpusError(f"{path}: is an SQLite database of another program "
                              "(user_version or application_id set), not an annotator corpus")
        if not create:
            raise CorpusError(f"{path}: is an empty SQLite database, not an annotator corpus "
                              "(`annotator import` or `annotator init` makes a corpus)")
        return  # an empty database: a creation cut short, made into a new corpus
    unknown = applied - migrations.known_migration_names()
    if unknown:
        raise CorpusError(
            f"{path}: was written by a newer version of annotator "
            f"(schema steps {', '.join(sorted(unknown))}); please upgrade annotator"
        )
