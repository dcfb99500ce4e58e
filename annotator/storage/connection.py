"""Opening a corpus file safely: refuse what is not ours, never damage it."""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Generator
from contextlib import AbstractContextManager, contextmanager
from glob import escape as glob_escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlite_utils import Database

from annotator.storage import migrations
from annotator.storage.errors import (
    CorpusBusy,
    CorpusDamaged,
    CorpusError,
    CorpusMoved,
    CorpusReadOnly,
    CorpusTextDamaged,
    storage_error,
)
from annotator.storage.guard import COMPANION_SUFFIXES, Hold, check_output, companions, held
from annotator.storage.savepoints import savepoint

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

    dialect = "sqlite"
    IntegrityError = sqlite3.IntegrityError

    def __init__(self, conn: sqlite3.Connection, path: Path, *, hold: Hold | None,
                 read_only: str | None) -> None:
        # No sqlite-utils plugins: looking for them reads every installed package at each
        # open, and one could add functions to the corpus's connection.
        super().__init__(conn, execute_plugins=False)
        self.path = path
        self.read_only = read_only  # why the corpus cannot be written, if it cannot
        self.write_timeout = BUSY_TIMEOUT_MS / 1000
        self.on_wait: WaitNotice | None = None
        self._hold = hold
        self.inode: tuple[int, int] | None = None  # the file opened, once it exists

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        """As sqlite-utils', but every failure but a constraint's (which storage's own
        code handles) is a CorpusError saying what failed: nothing above storage sees
        sqlite3's errors."""
        try:
            return super().execute(sql, parameters)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path, "used") from exc

    def executemany(self, sql: str, rows: Any) -> None:
        """Many rows through one statement; failures as in ``execute``."""
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path, "saved") from exc

    def data_version(self) -> int:
        """SQLite's ``data_version``: changes whenever another connection commits."""
        return int(self.fetch_one("PRAGMA data_version")[0])

    def interrupt(self) -> None:
        self.conn.interrupt()

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def savepoint(self) -> AbstractContextManager[CorpusDatabase]:
        """Part of a transaction that can fail alone (a refused INSERT undoes only itself)."""
        return savepoint(self)

    def fetch_one(self, sql: str, parameters: Any = None) -> Any:
        """The first row of ``sql`` or None; failures as in ``fetch_all``."""
        cursor = self.execute(sql, parameters)
        try:
            return cursor.fetchone()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path, "read") from exc

    def fetch_all(self, sql: str, parameters: Any = None) -> list[Any]:
        """Every row of ``sql``; a failure while reading them (a damaged page met, an
        interrupt) is a CorpusError, as in ``execute``."""
        cursor = self.execute(sql, parameters)
        try:
            return cursor.fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path, "read") from exc

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
        self._check_still_there()
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

    def _check_still_there(self) -> None:
        """Refuse to write once the corpus was moved, renamed or deleted while open.

        SQLite goes on writing to the old name's write-ahead log, which the file
        under its new name never reads: edits would be reported saved and be
        missing there. What is in the log so far is put into the file first.
        """
        if self.inode is None:
            return
        try:
            stat = os.stat(self.path)
            now: tuple[int, int] | None = (stat.st_dev, stat.st_ino)
        except OSError:
            now = None
        if now == self.inode:
            return
        with contextlib.suppress(sqlite3.Error):  # best effort: the refusal is what matters
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        what = "moved, renamed or deleted" if now is None else "replaced by another file"
        raise CorpusMoved(
            f"{self.path}: was {what} while open; nothing more is saved here. Everything "
            "saved before is in the file itself: open it where it is now")  # (if not deleted)

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _set_busy_timeout(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {max(1, int(seconds * 1000))}")


def open_database(path: Path, *, create: bool = True, check: bool = False,
                  full_check: bool = False,
                  on_wait: WaitNotice | None = None) -> CorpusDatabase:
    """Open (and if needed create or upgrade) the corpus at ``path``.

    An existing file is looked at through SQLite alone (never a plain ``open``,
    which would drop the locks of another connection in this process) before
    anything is written to it: one that is not a corpus, is damaged (with
    ``check``) or comes from a newer annotator is refused and left exactly as it
    was. ``check`` reads every page of a file up to FULL_CHECK_BYTES, or of any file
    about to be upgraded, or with ``full_check``; a larger one is not read whole at
    every open (damage there is named when a command reaches it, and by `annotator
    check`). One from an older annotator is copied aside before it is upgraded. A
    corpus that cannot be written (read-only file, folder or medium) opens
    read-only, ``read_only`` saying why.
    """
    path = Path(path)
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder, not a corpus file")
    if path.exists() and not path.is_file():
        raise CorpusError(f"{path}: is not a regular file, not a corpus")
    path_existed = path.exists()
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise CorpusError(f"{path}: no such corpus")
    if not held(path):
        _check_names_around(path)
    if not exists and not path.parent.exists():
        raise CorpusError(f"{path}: the folder {path.parent} does not exist")
    if exists and path.stat().st_nlink > 1:
        # Each name has its own -wal and -shm: two programs writing through two names
        # damage the file, and one reading through the other name misses the edits
        # still in the first name's -wal.
        raise CorpusError(f"{path}: has another name (a hard link, {path.stat().st_nlink} "
                          "names in all); annotator cannot tell which name holds its latest "
                          "edits. Remove the other names (`find . -samefile FILE` lists them) "
                          "and open it by the one it is used by")
    read_only = _why_read_only(path) if exists else None
    if not exists and not os.access(path.parent, os.W_OK):
        raise CorpusReadOnly(f"{path}: cannot be created: the folder {path.parent} is read-only")
    conn = _connect(path, read_only)
    db = CorpusDatabase(conn, path, hold=Hold(path), read_only=read_only)
    try:
        if exists:
            _wait_for_first_read(db, on_wait)
            _check_is_ours(db, path, create=create)  # reads only
            if full_check or (check and (_cheap_to_read(path) or migrations.rows_to_change(db))):
                problems = integrity_problems(db)
                if problems:
                    raise CorpusDamaged(f"{path}: is damaged ({_first_lines(problems)}); "
                                        "restore it from a backup")
        _configure(db)
        pending = migrations.migrations.pending(db)
        if pending and read_only:
            raise CorpusReadOnly(f"{path}: was made by an older annotator and must be upgraded, "
                                 f"but it is read-only ({read_only})")
        if exists and migrations.rows_to_change(db) and migrations.applied_migration_names(db):
            backup_copy(db, path.with_name(f"{path.name}.before-{pending[0].name}"))
        if pending:
            migrations.apply(db)
        stat = os.stat(path)
        db.inode = (stat.st_dev, stat.st_ino)
    except sqlite3.Error as exc:
        db.close()
        _remove_if_made(path, existed=path_existed)
        if _not_a_database(exc):
            raise CorpusError(f"{path}: is not a corpus file (not an SQLite database)") from exc
        raise storage_error(exc, path, "opened") from exc
    except BaseException:
        db.close()
        _remove_if_made(path, existed=path_existed)
        raise
    return db


def _wait_for_first_read(db: CorpusDatabase, on_wait: WaitNotice | None) -> None:
    """The first read, which waits while another program holds the corpus whole (an
    exclusive lock, a recovery): quietly for a second, then saying so."""
    db.conn.execute(f"PRAGMA busy_timeout = {QUIET_WAIT_MS}")
    try:
        db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if not isinstance(storage_error(exc, db.path, "opened"), CorpusBusy):
            raise
        if on_wait is not None:
            on_wait(db.path)
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _remove_if_made(path: Path, *, existed: bool) -> None:
    """A corpus that could not be made (full disk, say) leaves no empty file behind."""
    if existed:
        return
    for name in companions(path):
        with contextlib.suppress(OSError):
            name.unlink(missing_ok=True)


def _check_names_around(path: Path) -> None:
    """Refuse a corpus whose ``-wal``, ``-shm`` or ``-journal`` name is taken by a file
    that is not SQLite's own (SQLite would read it as part of the corpus, then delete
    or overwrite it), or which is itself such a name beside an existing database.

    Only called when this process does not hold the corpus: then reading those
    files drops no lock of ours.
    """
    own = companions(path)
    for name in own[1:]:
        if not os.path.lexists(name):
            continue
        if not name.is_file():
            raise CorpusError(f"{path}: cannot be used: {name} is in the way (it is not a file "
                              "SQLite made, and SQLite needs that name); move it away")
        problem = _not_sqlite_companion(name)
        if problem:
            raise CorpusError(f"{path}: cannot be used: {name} is {problem}, and SQLite would "
                              "read, overwrite or delete it as part of this corpus; move it away "
                              "or choose another name")
    for suffix in COMPANION_SUFFIXES[1:]:
        if own[0].name.endswith(suffix):
            base = own[0].with_name(own[0].name[: -len(suffix)])
            if base.is_file() and base.stat().st_size > 0:
                raise CorpusError(f"{path}: cannot be used: its name is the {suffix[1:]} file "
                                  f"of {base.name} beside it; choose another name")


WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
# The first field of a -shm file: the WAL-index version, in the machine's byte order.
SHM_VERSION = 3007000
JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"


def _not_sqlite_companion(name: Path) -> str | None:
    """Why ``name`` cannot be SQLite's own -wal, -shm or -journal, or None."""
    try:
        with open(name, "rb") as handle:
            head = handle.read(32)
    except OSError:
        return None  # unreadable: SQLite will say so itself
    if not head:
        return None
    if head.startswith(b"SQLite format 3\0"):
        return "another SQLite database"
    suffix = name.name.rsplit("-", 1)[-1]
    if suffix == "wal" and head[:4] not in WAL_MAGIC:
        return "not a write-ahead log"
    if suffix == "journal" and head[:8] not in (JOURNAL_MAGIC, bytes(8)):
        return "not a rollback journal"
    if suffix == "shm" and len(head) >= 4 and SHM_VERSION not in (
            int.from_bytes(head[:4], "little"), int.from_bytes(head[:4], "big")):
        return "not SQLite's shared-memory file"
    return None


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
    uri = "file:" + quote(os.fsencode(path.resolve()))
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
    for companion in companions(path)[1:]:
        if companion.exists() and not os.access(companion, os.W_OK):
            return (f"{companion.name} beside it is read-only (left by a read-only open); "
                    "remove it while no program has the corpus open")
    return None


def _writable_medium(path: Path) -> bool:
    try:
        return not (os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return True


def _not_a_database(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name == "SQLITE_NOTADB" or "file is not a database" in str(exc)


def _first_lines(problems: list[str], count: int = 3) -> str:
    """A few of SQLite's findings, each cut to its first line: one alone can run to
    a hundred lines."""
    return "; ".join(p.splitlines()[0][:200] for p in problems[:count] if p.strip())


# A corpus up to this size is read whole at every checked open: SQLite's quick check
# reads about a gigabyte a second, so this costs a command under 0.1 s; a larger one
# would make every command wait for its whole file (2.7 s at 100,000 articles).
FULL_CHECK_BYTES = 64 * 1024 * 1024


def _cheap_to_read(path: Path) -> bool:
    size = 0
    for name in companions(path)[:2]:  # the file and its write-ahead log
        try:
            size += os.stat(name).st_size
        except OSError:
            continue
    return size <= FULL_CHECK_BYTES


def integrity_problems(db: Database) -> list[str]:
    """What SQLite's quick check finds wrong with a corpus file; empty when it is sound."""
    fetched = (db.fetch_all("PRAGMA quick_check") if isinstance(db, CorpusDatabase)
               else db.execute("PRAGMA quick_check").fetchall())
    rows = [row[0] for row in fetched]
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
    if not target.parent.is_dir():
        raise CorpusError(f"{target}: cannot be written: the folder {target.parent} does not "
                          "exist")
    check_output(target, Path(source) if source else None, database_ok=True)
    for name in companions(target)[1:]:
        if os.path.lexists(name):
            raise CorpusError(f"{target}: cannot be written: {name} is beside it, and SQLite "
                              "would read it as part of the copy; remove it or choose another "
                              "name")
    _remove_stale_partials(target)
    # A name of this run's own, so a second backup to the same place, or a link put
    # where the copy is made, cannot mix with it.
    partial = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")
    if os.path.lexists(partial):
        raise CorpusError(f"{target}: cannot be written: {partial.name} is in the way")

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
        for name in companions(partial):  # the copy's journal too, after a failure
            with contextlib.suppress(OSError):
                name.unlink(missing_ok=True)
    return target


def _remove_stale_partials(target: Path) -> None:
    """Copies left by backups that were killed (their process is gone)."""
    for leftover in target.parent.glob(f".{glob_escape(target.name)}.*-*.partial*"):
        pid = leftover.name[len(target.name) + 2:].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, as another user's
    return True


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
        # A creation cut short leaves sqlite-utils' migrations table and its index;
        # anything else (sqlite_sequence and sqlite_stat1 included) is another program's.
        user_objects = [f"{kind} {name}" for kind, name in objects
                        if name not in ("_sqlite_migrations",
                                        "idx__sqlite_migrations_migration_set_name")
                        and not name.startswith("sqlite_autoindex__sqlite_migrations")]
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
            hint = ("`annotator import` or `annotator init` makes a corpus")
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                # What a corpus copied while open looks like without its -wal.
                hint = (f"if it is a copy of a corpus taken while it was open, its content is "
                        f"in the {path.name}-wal file left behind: copy that beside it, or "
                        "make copies with `annotator backup`")
            raise CorpusError(f"{path}: is an empty SQLite database, not an annotator corpus "
                              f"({hint})")
        return  # an empty database: a creation cut short, made into a new corpus
    unknown = applied - migrations.known_migration_names()
    if unknown:
        raise CorpusError(
            f"{path}: was written by a newer version of annotator "
            f"(schema steps {', '.join(sorted(unknown))}); please upgrade annotator"
        )
