"""A whole corpus copied from one backend to the other, row for row: a server's corpus
pulled into a file (a backup, or a copy to take offline), or a file pushed into an
empty database on a server.

Both backends hold the same tables and columns (storage.migrations and
storage.pg.schema keep them so), so every row goes across as it is, ids
included: documents, the codebook, spans with their pieces and links, relations,
document labels, events, statuses, rejected suggestions, the whole change
log, and the near-duplicate marks with the fingerprints they were found with. The
counts are checked on both sides before the copy is called done.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.storage import near_band_runs
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusError
from annotator.storage.guard import companions
from annotator.storage.label_blocks import count_every_label, set_aside_insert_counting

# In the order foreign keys need; each with the columns both backends have.
TABLES: tuple[tuple[str, str], ...] = (
    ("labels", 'name, color, shortcut, description, attributes, position, examples'),
    ("coders", "name"),
    ("settings", "key, value"),
    ("documents", "id, uid, title, text, date, source, url, meta, sha256, imported_at, notes, "
                  "flags"),
    ("spans", 'id, uid, doc_id, start, "end", label, text, attrs, coder, origin, created_at, '
              "updated_at, fragments, links"),
    ("doc_status", "doc_id, coder, status, updated_at"),
    ("events", "id, uid, doc_id, type, date, date_precision, note, coder, created_at, "
               "updated_at, attrs, incident"),
    ("event_members", "event_id, span_uid, role, grp, position"),
    # A rejection's coder stays behind: a file's rows from before it had one hold none,
    # which a server refuses, and a server names its writer itself.
    ("rejections", 'doc_id, start, "end", label, source'),
    ("relations", "id, uid, doc_id, head, tail, label, attrs, coder, origin, created_at, "
                  "updated_at"),
    ("doc_labels", "doc_id, coder, name, value, updated_at"),
    ("changes", "id, at, coder, action, doc_id, span_uid, before, after"),
    ("near_fingerprints", "doc_id, signature"),
    ("near_bands", "key, doc_id"),
    ("near_duplicates", "doc_id, original_id, similarity"),
)
NOUNS = {"labels": ("label", "labels"), "coders": ("coder", "coders"),
         "settings": ("codebook setting", "codebook settings"),
         "documents": ("document", "documents"), "spans": ("span", "spans"),
         "doc_status": ("status", "statuses"), "events": ("event", "events"),
         "event_members": ("event member", "event members"),
         "rejections": ("rejected suggestion", "rejected suggestions"),
         "relations": ("relation", "relations"),
         "doc_labels": ("document label", "document labels"),
         "changes": ("history entry", "history entries"),
         "near_fingerprints": ("document fingerprint", "document fingerprints"),
         "near_bands": ("fingerprint key", "fingerprint keys"),
         "near_duplicates": ("near-duplicate mark", "near-duplicate marks")}
# Made by a new corpus's first steps, replaced by the source's.
SEEDED = ("labels", "settings")
BATCH = 1000


@dataclass
class TransferReport:
    rows: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        shown = ", ".join(f"{count} {NOUNS[table][count != 1]}"
                          for table, count in self.rows.items() if count)
        return [f"copied {shown or 'nothing'}; every table's count checked on both sides"]


def is_empty(corpus: Corpus) -> bool:
    """Nothing coded or imported yet (a new corpus's default codebook aside)."""
    return not any(corpus.db.fetch_one(f"SELECT 1 FROM {table} LIMIT 1")
                   for table, _ in TABLES if table not in (*SEEDED, "coders"))


class NotEmpty(CorpusError):
    """The corpus to copy into already holds documents or coding."""


class CopyStopped(CorpusError):
    """A copy stopped on request: its transaction undone, nothing copied."""


def rows_to_copy(source: Corpus) -> int:
    """How many rows a copy of ``source`` reads (a progress bar's length)."""
    return sum(int(source.db.fetch_one(f"SELECT count(*) FROM {table}")[0])
               for name, _columns in TABLES
               for table in (near_band_runs.runs(source.db) if name == "near_bands"
                             else (name,)))


def copy_corpus(source: Corpus, target: Corpus,
                progress: Callable[[str, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> TransferReport:
    """Copy every row of ``source`` into ``target``, which must hold nothing yet; one
    transaction, so a copy cut short leaves ``target`` as it was.

    ``progress`` hears of each table's rows copied so far; ``cancelled`` is asked
    between batches, and stops the copy with ``CopyStopped``, nothing copied.

    ``source`` is read as it was at one moment (a server's snapshot), so a commit made
    there meanwhile is either wholly in the copy or wholly out of it. A row of
    ``source`` that names a row it does not have (a file edited by hand) stops the copy,
    said by name, with nothing written.
    """
    report = TransferReport()
    with _snapshot(source), target.db.atomic():
        # Asked under the write lock: a second copy started meanwhile finds the first's.
        if not is_empty(target):
            raise NotEmpty(f"{target.path}: already holds documents or coding; a whole "
                           "corpus is copied only into an empty one (`annotator merge` "
                           "brings one corpus's work into another)")
        for table in SEEDED:
            target.db.execute(f"DELETE FROM {table}")
        # A file's labels are counted once at the end, not by triggers a span at a time
        # (2.5 times as long a copy): set aside for this transaction alone.
        counting = set_aside_insert_counting(target.db) if target.db.dialect == "sqlite" \
            else None
        for table, columns in TABLES:
            try:
                report.rows[table] = _copy_table(source, target, table, columns, progress,
                                                 cancelled)
            except target.db.IntegrityError as exc:
                raise CorpusError(
                    f"{source.path}: its {table.replace('_', ' ')} name rows it does not have, "
                    f"or repeat one ({_first_line(exc)}); nothing was copied. `annotator "
                    "merge` brings in what is sound and names the rest") from exc
        _move_id_counters_on(target)
        if counting is not None:
            count_every_label(target.db)
            for statement in counting:
                target.db.execute(statement)
    for table, _ in TABLES:
        there = target.db.fetch_one(f"SELECT count(*) FROM {table}")[0]
        # Coders the server knew already (logins made by `server add-coder`) stay.
        merged = (table == "coders" and there > report.rows[table]) or \
            (table in ("rejections", "near_bands") and there < report.rows[table])
        if there != report.rows[table] and not merged:
            raise CorpusError(f"{target.path}: holds {there} rows of {table} after the copy, "
                              f"not the {report.rows[table]} sent")
    return report


@contextlib.contextmanager
def _snapshot(source: Corpus) -> Iterator[None]:
    """Every read of ``source`` in one snapshot (a server's repeatable-read transaction;
    a file is read while its copy's transaction holds it still)."""
    if source.db.dialect == "sqlite" or source.db.in_transaction:
        yield
        return
    source.db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        yield
    finally:
        source.db.rollback()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# The columns naming a row of each table that grows with the corpus: a batch is read
# after the last row copied. Read by offset, each batch stepped again through every row
# before it, and a million documents' fingerprints took hours. The other tables are
# small (a codebook, its coders) and keep their offset.
ROW_KEYS = {"documents": ("id",), "spans": ("id",), "events": ("id",), "relations": ("id",),
            "changes": ("id",), "doc_status": ("doc_id", "coder"),
            "event_members": ("event_id", "span_uid"),
            "doc_labels": ("doc_id", "coder", "name"), "near_fingerprints": ("doc_id",),
            "near_bands": ("key", "doc_id"), "near_duplicates": ("doc_id",)}


def _copy_table(source: Corpus, target: Corpus, table: str, columns: str,
                progress: Callable[[str, int], None] | None,
                cancelled: Callable[[], bool] | None = None) -> int:
    marks = ", ".join("?" * len(columns.split(",")))
    insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    if table in ("coders", "rejections", "near_bands"):
        # Logins the server has made are coders there already; rejections travel without
        # their coder (see TABLES), so two coders' of one suggestion become one; a band
        # key another program wrote into two of a file's runs is one key.
        insert += " ON CONFLICT DO NOTHING"
    # A file keeps its newest band keys apart (storage/near_band_runs.py): every run goes
    # into the copy's near_bands.
    sources = near_band_runs.runs(source.db) if table == "near_bands" else (table,)
    copied = 0
    for read in sources:
        # Rows are read a batch at a time, in a stable order, never all at once.
        for rows in _batches(source, read, columns, ROW_KEYS.get(table)):
            if cancelled is not None and cancelled():
                raise CopyStopped(f"{target.path}: stopped on request; nothing was copied")
            target.db.executemany(insert, rows)
            copied += len(rows)
            if progress is not None:
                progress(table, copied)
    return copied


def _batches(source: Corpus, table: str, columns: str,
             key: tuple[str, ...] | None) -> Iterator[list[tuple[Any, ...]]]:
    """``table``'s rows a batch at a time: after the last row's ``key`` where the table
    has one, else by place in a stable order."""
    names = [name.strip() for name in columns.split(",")]
    order = ", ".join(key or names[:3])
    select = f"SELECT {columns} FROM {table}"
    rows = [tuple(row) for row in source.db.fetch_all(
        f"{select} ORDER BY {order} LIMIT {BATCH}")]
    copied = 0
    while rows:
        yield rows
        copied += len(rows)
        if key is None:
            rows = [tuple(row) for row in source.db.fetch_all(
                f"{select} ORDER BY {order} LIMIT {BATCH} OFFSET {copied}")]
            continue
        last = [rows[-1][names.index(name)] for name in key]
        rows = [tuple(row) for row in source.db.fetch_all(
            f"{select} WHERE ({order}) > ({', '.join('?' * len(key))}) "
            f"ORDER BY {order} LIMIT {BATCH}", last)]


def _move_id_counters_on(target: Corpus) -> None:
    """A server's identity columns do not learn of ids given to them: set each past the
    highest copied, so the next span or document does not take an id in use."""
    if target.db.dialect == "sqlite":
        return
    for table in ("documents", "spans", "events", "relations", "changes"):
        target.db.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"coalesce((SELECT max(id) FROM {table}), 0) + 1, false)")


def check_new_file(target: Path) -> None:
    """Refuse, before anything is read or written, a place a new corpus file cannot go."""
    from annotator.storage.guard import check_output

    if os.path.lexists(target):
        raise CorpusError(f"{target}: already exists; pull into a new file (an existing "
                          "corpus takes another's work with `annotator merge`)")
    if not target.parent.is_dir():
        raise CorpusError(f"{target}: cannot be written: the folder {target.parent} does not "
                          "exist")
    check_output(target, None)


def pull_to_file(source: Corpus, target: Path,
                 progress: Callable[[str, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> TransferReport:
    """A new corpus file at ``target`` holding everything in ``source``: written beside it
    under a name of its own and moved into place only when complete and checked (a
    copy stopped by ``cancelled`` leaves nothing)."""
    check_new_file(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.partial")
    try:
        with Corpus.open(partial) as copy:
            report = copy_corpus(source, copy, progress, cancelled)
            copy.db.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        os.replace(partial, target)
    except OSError as exc:
        raise CorpusError(f"{target}: could not be written ({exc.strerror or exc})") from exc
    finally:
        for leftover in companions(partial):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return report
