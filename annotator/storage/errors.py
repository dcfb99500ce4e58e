"""What storage raises: its own errors, each saying what really failed.

Nothing above storage sees ``sqlite3`` errors. A busy corpus, a read-only one, a
full disk and a damaged file call for different actions from the coder, so they
are told apart here rather than all reported as "damaged".
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path


class CorpusError(Exception):
    """A corpus file cannot be opened or used; the message says why."""


class CorpusBusy(CorpusError):
    """Another program kept the corpus locked for writing longer than we waited."""


class CorpusReadOnly(CorpusError):
    """The corpus can be read but not written (file, folder or medium read-only)."""


class CorpusConflict(CorpusError):
    """What an edit applies to was changed or removed elsewhere (another window or
    process) since it was shown: the edit cannot mean what it meant."""


class CorpusMoved(CorpusError):
    """The corpus file was moved, renamed, deleted or replaced while open: nothing more
    can be saved through this connection (every step is still sound; none is dropped)."""


class CorpusOffline(CorpusError):
    """The server holding the corpus cannot be reached, or the connection to it was
    lost: the step under way was not saved (everything saved before is kept)."""


class NotAllowed(CorpusError):
    """The server refused: the login, or the coder's role does not allow this change."""


class CorpusDamaged(CorpusError):
    """SQLite found the corpus file damaged (a page that does not read back right)."""


class CorpusTextDamaged(CorpusDamaged):
    """A stored value is not UTF-8 text: the file was changed outside annotator."""


class CorpusInterrupted(CorpusError):
    """A query stopped on purpose (``Corpus.interrupt``): a newer search took its place."""


class QueryNotUnderstood(CorpusError):
    """A search the full-text index cannot read (FTS5 syntax)."""


class CorpusFileInUse(PermissionError, CorpusError):
    """A plain open, copy, rename or removal of a corpus file this process holds open.

    A ``PermissionError`` as well, so code that reports unreadable inputs reports
    this one the same way, naming the file.
    """


# What SQLite says of a full-text search it cannot read.
QUERY_FAULTS = ("fts5", "syntax error", "no such column", "unterminated", "malformed MATCH")


def storage_error(exc: sqlite3.Error, path: Path, doing: str) -> CorpusError:
    """The CorpusError that says what ``exc`` means for the coder, ``doing`` being
    what was under way ("saved", "opened", "used")."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if name == "SQLITE_INTERRUPT" or text == "interrupted":
        return CorpusInterrupted(f"{path}: the query was stopped")
    if name == "SQLITE_ERROR" and any(fault in text for fault in QUERY_FAULTS):
        return QueryNotUnderstood(text)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return CorpusBusy(
            f"{path}: could not be {doing}: another program is writing to the corpus and did "
            "not finish in time; this step was not saved (everything saved before is kept), "
            "try again")
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return CorpusReadOnly(f"{path}: could not be {doing}: {_why_not_writable(path)}")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return CorpusError(f"{path}: could not be {doing}: the disk is full. This step was not "
                           "saved; everything saved before is kept. Free some space and try "
                           "again")
    if name.startswith("SQLITE_IOERR") or "disk I/O" in text:
        return CorpusError(f"{path}: could not be {doing}: the disk reported an error ({exc}); "
                           "this step was not saved")
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        return CorpusError(f"{path}: is not a corpus file (not an SQLite database)")
    if name.startswith("SQLITE_CORRUPT"):
        return CorpusDamaged(f"{path}: is damaged ({exc}); restore it from a backup")
    if name.startswith("SQLITE_CANTOPEN"):
        return CorpusError(f"{path}: cannot be opened ({exc})")
    return CorpusError(f"{path}: could not be {doing} ({exc})")


def _why_not_writable(path: Path) -> str:
    """Which file keeps SQLite from writing: the corpus, or a -wal/-shm left read-only
    (a read-only open by another user leaves them with the corpus's permissions)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        name = path.with_name(path.name + suffix)
        if name.exists() and not os.access(name, os.W_OK):
            if suffix:
                return (f"{name.name} beside it is read-only (left by a read-only open); "
                        "remove it while no program has the corpus open, then try again")
            return "the file is read-only"
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is read-only"
    return "the corpus or the disk is read-only"
