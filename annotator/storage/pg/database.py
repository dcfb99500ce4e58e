"""A connection to a corpus on a PostgreSQL server, used by storage as it uses a file.

``PgDatabase`` answers the calls storage makes of ``CorpusDatabase`` (execute,
fetch, atomic, savepoints, interrupt) so that one ``Corpus`` class serves both
backends. What differs is said here:

- Writers take turns, as on a file: a write transaction first takes the
  corpus's write lock (a transaction-scoped advisory lock), waiting as long as
  ``write_timeout`` allows and saying so through ``on_wait`` after a second.
  Every check-then-write in storage (an optimistic check, a status and its
  log row) then means on the server what it means in a file.
- Another connection's commit is known by ``LISTEN``: every change to the corpus
  tables notifies, and ``data_version`` counts the notices from others.
- A lost connection fails the statement with ``CorpusOffline`` (nothing of it
  was stored: its transaction never committed) and is made again on next use.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator, Iterable, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from annotator.storage.errors import (
    CorpusBusy,
    CorpusError,
    CorpusInterrupted,
    CorpusOffline,
    CorpusReadOnly,
    NotAllowed,
    QueryNotUnderstood,
)
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.dialect import postgres_sql
from annotator.storage.savepoints import savepoint

CHANNEL = "annotator_changes"
# The key of the corpus's write lock (advisory locks belong to one database).
WRITE_LOCK = 0x616E6E6F  # "anno"
QUIET_WAIT = 1.0
CONNECT_TIMEOUT = 10


class PgCursor:
    """What storage reads of a cursor: rows, the count changed, the id inserted."""

    def __init__(self, db: PgDatabase, cursor: psycopg.Cursor[Any]) -> None:
        self._db = db
        self._cursor = cursor

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall() if self._cursor.description else []

    def __iter__(self) -> Any:
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int:
        # The id the INSERT just made: the session's last sequence value. Corpus tables
        # have no trigger that inserts elsewhere, so it is this row's.
        return int(self._db.fetch_one("SELECT lastval()")[0])


class PgDatabase:
    """One connection to one corpus database."""

    dialect = "postgresql"
    IntegrityError = psycopg.IntegrityError

    def __init__(self, address: ServerAddress, *, connect: bool = True) -> None:
        self.path = address  # what messages name, as a file's path
        self.address = address
        self.read_only: str | None = None
        self.write_timeout = 30.0
        self.on_wait: Callable[[Any], None] | None = None
        self._others = 0  # notices of commits by other connections
        self.login = ""  # who the server says this connection is
        self._connections = 0  # made so far (after the first, each may have missed notices)
        self._conn: psycopg.Connection[Any] | None = None
        if connect:
            self._connect()

    # -- the connection ---------------------------------------------------------------

    @property
    def conn(self) -> psycopg.Connection[Any]:
        if self._conn is None or self._conn.closed:
            self._connect()
        assert self._conn is not None
        return self._conn

    def _connect(self) -> None:
        try:
            conn = psycopg.connect(self.address.conninfo, autocommit=True,
                                   connect_timeout=CONNECT_TIMEOUT,
                                   application_name="annotator")
        except psycopg.Error as exc:
            raise connect_error(exc, self.address) from exc
        conn.execute(f"LISTEN {CHANNEL}")
        self.login = str(conn.execute("SELECT current_user").fetchone()[0])
        if self._connections:
            # Made again after the last was lost: notices sent meanwhile went to no one,
            # so whoever follows the corpus is told it may have changed.
            self._others += 1
        self._connections += 1
        self._conn = conn

    @property
    def in_transaction(self) -> bool:
        conn = self._conn
        return conn is not None and not conn.closed and \
            conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def data_version(self) -> int:
        """Grows whenever another connection commits a change to the corpus."""
        if not self.in_transaction:
            # Notices that came with other replies wait in psycopg's queue; this takes
            # them and any the server has sent since, without waiting.
            try:
                # The server sends the notice of another's commit when it next runs for
                # this connection, a moment after the commit: one round trip makes sure
                # every commit made before this call has been told.
                self.execute("SELECT 1")
                own = self.conn.info.backend_pid
                self._others += sum(1 for notice in self.conn.notifies(timeout=0)
                                    if notice.pid != own)
            except psycopg.Error as exc:  # CorpusError from execute passes as it is
                raise pg_error(exc, self.address, "read") from exc
        return self._others

    def interrupt(self) -> None:
        """Stop the running query, from any thread; it raises CorpusInterrupted."""
        conn = self._conn
        if conn is not None and not conn.closed:
            conn.cancel_safe(timeout=5)

    # -- statements -------------------------------------------------------------------

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> PgCursor:
        params = list(parameters) if parameters else None
        query = postgres_sql(sql, with_parameters=params is not None)
        fresh = self._conn is None or self._conn.closed
        idle = not self.in_transaction  # asked before: a failed call leaves it unknown
        try:
            cursor = self.conn.execute(query, params)
        except psycopg.IntegrityError:
            raise
        except psycopg.OperationalError as exc:
            # A connection found dead by its first statement since it was cut (a dropped
            # network, a restarted server): a read, or the BEGIN of a write, has done
            # nothing yet, so it is sent once more on a new connection. Anything else
            # fails, and the session keeps the edit waiting.
            if fresh or not idle or not _safe_to_resend(sql):
                raise pg_error(exc, self.address, "used") from exc
            self.close()
            try:
                cursor = self.conn.execute(query, params)
            except psycopg.Error as again:
                raise pg_error(again, self.address, "used") from again
        except psycopg.Error as exc:
            raise pg_error(exc, self.address, "used") from exc
        return PgCursor(self, cursor)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if not rows:
            return
        try:
            with self.conn.cursor() as cursor:
                cursor.executemany(postgres_sql(sql), rows)
        except psycopg.IntegrityError:
            raise
        except psycopg.Error as exc:
            raise pg_error(exc, self.address, "saved") from exc

    def fetch_one(self, sql: str, parameters: Sequence[Any] | None = None) -> Any:
        return self.execute(sql, parameters).fetchone()

    def fetch_all(self, sql: str, parameters: Sequence[Any] | None = None) -> list[Any]:
        return self.execute(sql, parameters).fetchall()

    # -- transactions -----------------------------------------------------------------

    def atomic(self) -> AbstractContextManager[PgDatabase]:
        """A write transaction (a savepoint inside one), committed as it ends."""
        return self._transaction(self.begin_write)

    def atomic_unlocked(self) -> AbstractContextManager[PgDatabase]:
        """A transaction that does not take the corpus's write lock: for work whose rows
        carry their own locks (claims on the work queue), so it never waits for an edit."""
        if self.read_only:
            raise CorpusReadOnly(f"{self.address}: is open read-only ({self.read_only})")
        return self._transaction(lambda: self.execute("BEGIN"))

    @contextmanager
    def _transaction(self, begin: Callable[[], object]) -> Generator[PgDatabase, None, None]:
        if self.in_transaction:
            with self.savepoint():
                yield self
            return
        begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except psycopg.Error as exc:
            self.rollback()
            raise pg_error(exc, self.address, "saved") from exc

    def savepoint(self) -> AbstractContextManager[PgDatabase]:
        """Part of a transaction that can fail alone (a refused INSERT undoes only itself)."""
        return savepoint(self)

    def begin_write(self) -> None:
        """``BEGIN`` and the corpus's write lock, waiting for another writer as long as allowed."""
        if self.read_only:
            raise CorpusReadOnly(f"{self.address}: is open read-only ({self.read_only}); "
                                 "nothing can be changed")
        deadline = time.monotonic() + self.write_timeout
        wait = min(QUIET_WAIT, self.write_timeout)
        told = False
        while True:
            self.execute("BEGIN")
            try:
                self.execute(f"SET LOCAL lock_timeout = {max(1, int(wait * 1000))}")
                self.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
                return
            except CorpusBusy as busy:
                self.rollback()
                wait = deadline - time.monotonic()
                if wait <= 0:
                    holders = self._lock_holders()
                    if not holders:
                        raise
                    raise CorpusBusy(
                        f"{busy} The write lock is held by {holders}; if that connection is "
                        "stuck, a lead can end it (SELECT pg_terminate_backend(pid) FROM "
                        "pg_stat_activity WHERE usename = '…')") from busy
                if not told and self.on_wait is not None:
                    self.on_wait(self.address)
                    told = True
            except BaseException:
                self.rollback()
                raise

    def _lock_holders(self) -> str:
        """Whose connections hold the corpus's write lock ("bob's (pid 4242)"), or ""."""
        try:
            rows = self.fetch_all(
                "SELECT a.usename, a.pid FROM pg_locks l JOIN pg_stat_activity a ON "
                "a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted AND l.objid = ? "
                "AND l.database = (SELECT oid FROM pg_database WHERE datname = "
                "current_database())", [WRITE_LOCK])
        except CorpusError:
            return ""
        return ", ".join(f"{name}'s connection (pid {pid})" for name, pid in rows)

    def rollback(self) -> None:
        if self.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except psycopg.Error:
                # A connection lost mid-transaction: the server has rolled it back.
                self.close()


def _safe_to_resend(sql: str) -> bool:
    """Statements that change nothing when sent twice: reads, and opening a transaction."""
    head = sql.lstrip()[:6].upper()
    return head.startswith(("SELECT", "BEGIN", "LISTEN"))


def connect_error(exc: psycopg.Error, address: ServerAddress) -> CorpusError:
    # libpq's messages can quote the URL, password and all: never pass one on.
    text = address.scrub(str(exc).strip())
    if "certificate" in text or "SSL error" in text:
        return CorpusOffline(f"{address}: the server's identity could not be checked "
                             f"({_first_line(text)}); sslrootcert must name the team's CA "
                             "file and the host must be a name in the server's certificate")
    if "password authentication failed" in text or "no password supplied" in text:
        return NotAllowed(f"{address}: the server refused the login ({_first_line(text)}); "
                          "check the user name and the password in ~/.pgpass or the service "
                          "file")
    if "does not exist" in text and "database" in text:
        return CorpusError(f"{address}: no such database on the server ({_first_line(text)}); "
                           "a lead makes it and runs `annotator server init` on it")
    return CorpusOffline(f"{address}: cannot reach the server ({_first_line(text)})")


def pg_error(exc: psycopg.Error, address: ServerAddress, doing: str) -> CorpusError:
    """The CorpusError that says what ``exc`` means for the coder."""
    text = _first_line(address.scrub(str(exc)))
    if isinstance(exc, pg_errors.QueryCanceled) and "lock timeout" not in str(exc):
        return CorpusInterrupted(f"{address}: the query was stopped")
    if isinstance(exc, pg_errors.LockNotAvailable | pg_errors.QueryCanceled
                  | pg_errors.DeadlockDetected | pg_errors.SerializationFailure):
        return CorpusBusy(f"{address}: could not be {doing}: another coder's change is being "
                          "written and did not finish in time; this step was not saved "
                          "(everything saved before is kept), try again")
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return NotAllowed(f"{address}: could not be {doing}: your role on the server does not "
                          f"allow it ({text})")
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return CorpusReadOnly(f"{address}: could not be {doing}: the server is read-only")
    if isinstance(exc, pg_errors.SyntaxError | pg_errors.InvalidTextRepresentation) and \
            "tsquery" in str(exc):
        return QueryNotUnderstood(text)
    if _connection_lost(exc):
        return CorpusOffline(f"{address}: could not be {doing}: the connection to the server "
                             f"was lost ({text}); this step was not saved")
    return CorpusError(f"{address}: could not be {doing} ({text})")


# SQLSTATEs of a connection ended by the server (terminated, shut down, crashed) or of
# class 08 (connection exceptions); a client-side failure has none.
_LOST = ("57P01", "57P02", "57P03")


def _connection_lost(exc: psycopg.Error) -> bool:
    """Whether ``exc`` means the connection is gone (the edit may be sent again on a new
    one), rather than a refusal such as a value over the server's limits, which would
    be refused again however often it were sent."""
    if isinstance(exc, psycopg.InterfaceError):
        return True
    if not isinstance(exc, psycopg.OperationalError):
        return False
    state = exc.sqlstate
    return state is None or state.startswith("08") or state in _LOST


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else "no reason given"
