"""The corpus schema, built and upgraded one named migration at a time.

Each migration runs in a transaction with the record of it being applied, so
a crash part-way leaves the file as it was before that migration. The FTS
table and its triggers are written out here rather than by
``Table.enable_fts``, because that uses ``executescript``, which commits and
would break that promise.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlite_utils import Database, Migrations

from annotator.storage.label_count_sql import LABEL_BLOCKS  # migration 0015's SQL

MIGRATION_SET = "annotator"

migrations = Migrations(MIGRATION_SET)

DEFAULT_LABELS = (
    # name, colour, shortcut, description
    ("actor", "#3b78d8", "1", "Who acts or is acted upon: a group, force, person or institution."),
    ("casualty", "#d9534f", "2", "People killed, injured or abducted, with how many when said."),
    ("location", "#3f9b35", "3", "Where it happened: a place, base, town, region or country."),
)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    for statement in _INITIAL_SCHEMA:
        db.execute(statement)
    seed_default_labels(db)


def seed_default_labels(db: Database) -> None:
    """The default labels of a new corpus (both backends' first step)."""
    for position, (name, color, shortcut, description) in enumerate(DEFAULT_LABELS):
        db.execute(
            "INSERT INTO labels (name, color, shortcut, description, position) "
            "VALUES (?, ?, ?, ?, ?)",
            [name, color, shortcut, description, position],
        )


_INITIAL_SCHEMA = (
    """CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        date TEXT,
        source TEXT,
        url TEXT,
        meta TEXT NOT NULL DEFAULT '{}',
        sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL
    )""",
    "CREATE INDEX documents_sha256 ON documents (sha256)",
    """CREATE VIRTUAL TABLE documents_fts USING fts5 (
        title, text, content='documents', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TABLE labels (
        name TEXT PRIMARY KEY,
        color TEXT NOT NULL,
        shortcut TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        attributes TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE TABLE coders (name TEXT PRIMARY KEY)",
    """CREATE TABLE spans (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" > start),
        label TEXT NOT NULL REFERENCES labels (name) ON UPDATE CASCADE,
        text TEXT NOT NULL CHECK (length(text) = "end" - start),
        attrs TEXT NOT NULL DEFAULT '{}',
        coder TEXT NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggested', 'imported')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX spans_doc ON spans (doc_id, start)",
    "CREATE INDEX spans_label ON spans (label)",
    "CREATE INDEX spans_coder ON spans (coder)",
    """CREATE TABLE doc_status (
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        coder TEXT NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('todo', 'in progress', 'done', 'skipped')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, coder)
    )""",
    "CREATE INDEX doc_status_coder ON doc_status (coder, status)",
    """CREATE TABLE changes (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        coder TEXT NOT NULL,
        action TEXT NOT NULL,
        doc_id INTEGER NOT NULL,
        span_uid TEXT,
        before TEXT,
        after TEXT
    )""",
    "CREATE INDEX changes_doc ON changes (doc_id, id)",
)


def known_migration_names() -> set[str]:
    """Every migration this version of annotator knows, applied or not."""
    return {m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))}


def applied_migration_names(db: Database) -> set[str]:
    return {m.name for m in migrations.applied(db)}


def apply(db: Database) -> None:
    """Apply what is pending, one migration at a time, each deciding it is still pending
    inside its own write transaction: two programs opening an older corpus at once
    then upgrade it once between them (the second finds the work done)."""
    with db.atomic():
        migrations.ensure_migrations_table(db)
    while True:
        with db.atomic():
            pending = migrations.pending(db)
            if not pending:
                return
            migration = pending[0]
            migration.fn(db)
            db[migrations.migrations_table].insert({  # as sqlite-utils records one
                "migration_set": migrations.name, "name": migration.name,
                "applied_at": str(datetime.now(UTC))})


@migrations(name="0002_schema_events_details")
def _schema_events_details(db: Database) -> None:
    for statement in _EVENTS_AND_DETAILS:
        db.execute(statement)
    seed_events_details(db)


def seed_events_details(db: Database) -> None:
    from annotator.core.default_codebook import default_schema
    from annotator.core.schema import attribute_to_json

    schema = default_schema()
    db.execute("INSERT INTO settings (key, value) VALUES ('event_types', ?), ('event_roles', ?)",
               [json.dumps(list(schema.event_types)), json.dumps(list(schema.event_roles))])
    for label in schema.labels:
        # Only a default label still without attributes gets the default codebook's.
        db.execute(
            "UPDATE labels SET attributes = ? WHERE name = ? AND attributes = '[]'",
            [json.dumps([attribute_to_json(a) for a in label.attributes]), label.name],
        )


_EVENTS_AND_DETAILS = (
    "ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE documents ADD COLUMN flags TEXT NOT NULL DEFAULT '{}'",
    # Re-index a document only when what is indexed changes, not its notes.
    "DROP TRIGGER documents_au",
    """CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        date TEXT,
        date_precision INTEGER NOT NULL DEFAULT 1,
        note TEXT NOT NULL DEFAULT '',
        coder TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX events_doc ON events (doc_id)",
    """CREATE TABLE event_members (
        event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        span_uid TEXT NOT NULL REFERENCES spans (uid) ON DELETE CASCADE ON UPDATE CASCADE,
        role TEXT NOT NULL,
        grp TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (event_id, span_uid)
    )""",
    "CREATE INDEX event_members_span ON event_members (span_uid)",
)


@migrations(name="0003_suggestions")
def _suggestions(db: Database) -> None:
    # A rejected suggestion is remembered, so suggesting again does not bring it back.
    db.execute("""CREATE TABLE rejections (
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (doc_id, start, "end", label)
    )""")
    db.execute("CREATE INDEX spans_origin ON spans (origin, doc_id)")


@migrations(name="0004_label_examples")
def _label_examples(db: Database) -> None:
    db.execute("ALTER TABLE labels ADD COLUMN examples TEXT NOT NULL DEFAULT '[]'")
    seed_label_examples(db)


def seed_label_examples(db: Database) -> None:
    from annotator.core.default_codebook import default_schema

    for label in default_schema().labels:
        db.execute("UPDATE labels SET examples = ? WHERE name = ? AND examples = '[]'",
                   [json.dumps(list(label.examples)), label.name])


@migrations(name="0005_spans_doc_covering")
def _spans_doc_covering(db: Database) -> None:
    # The document list's filters ask whether a document has a span of some label
    # (not a suggestion), or by some coder. With those columns in the document
    # index, the answer comes from the index alone: "with" a label no document has
    # looked at 100,000 documents in 1.5 s reading spans, and now in a fifth of that.
    db.execute("DROP INDEX spans_doc")
    db.execute('CREATE INDEX spans_doc ON spans (doc_id, start, label, origin, coder)')


@migrations(name="0006_relations_fragments_document_labels")
def _relations_fragments_document_labels(db: Database) -> None:
    for statement in _RELATIONS_AND_DOCUMENT_LABELS:
        db.execute(statement)
    # Read as bytes: a label name another program wrote that is not UTF-8 must not stop
    # the upgrade (it is reported where the schema is read).
    labels = {bytes(row[0]).decode("utf-8", "replace")
              for row in db.execute("SELECT CAST(name AS BLOB) FROM labels").fetchall()}
    seed_relation_types(db, labels)


def seed_relation_types(db: Database, labels: set[str]) -> None:
    from annotator.core.default_codebook import DEFAULT_DOCUMENT_ATTRIBUTES
    from annotator.core.relation_types import DEFAULT_RELATION_TYPES, relation_type_to_json
    from annotator.core.schema import attribute_to_json

    # The default relation types where the corpus has the labels they link; a corpus
    # with a codebook of its own gets none (its lead adds them).
    kinds = [relation_type_to_json(kind) for kind in DEFAULT_RELATION_TYPES
             if set(kind.heads) | set(kind.tails) <= labels]
    db.execute("INSERT INTO settings (key, value) VALUES ('relation_types', ?), "
               "('document_attributes', ?) ON CONFLICT DO NOTHING",
               [json.dumps(kinds), json.dumps([attribute_to_json(a)
                                               for a in DEFAULT_DOCUMENT_ATTRIBUTES])])


_RELATIONS_AND_DOCUMENT_LABELS = (
    # A discontinuous span's pieces, [[start, end], ...] (NULL: one piece), and its links
    # to knowledge bases, [{"kb", "id", "name"}] (NULL: none). NULL costs no space in
    # the millions of rows that have neither.
    "ALTER TABLE spans ADD COLUMN fragments TEXT",
    "ALTER TABLE spans ADD COLUMN links TEXT",
    """CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE,
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        head TEXT NOT NULL REFERENCES spans (uid) ON DELETE CASCADE ON UPDATE CASCADE,
        tail TEXT NOT NULL REFERENCES spans (uid) ON DELETE CASCADE ON UPDATE CASCADE,
        label TEXT NOT NULL CHECK (label != ''),
        attrs TEXT NOT NULL DEFAULT '{}',
        coder TEXT NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'suggested', 'imported')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX relations_doc ON relations (doc_id)",
    "CREATE INDEX relations_head ON relations (head)",
    "CREATE INDEX relations_tail ON relations (tail)",
    """CREATE TABLE doc_labels (
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        coder TEXT NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        name TEXT NOT NULL CHECK (name != ''),
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, coder, name)
    )""",
    "CREATE INDEX doc_labels_name ON doc_labels (name, doc_id)",
)


_ORIGINS_BEFORE = "CHECK (origin IN ('manual', 'suggested', 'imported'))"
_ORIGINS_AFTER = "CHECK (origin IN ('manual', 'suggested', 'imported', 'accepted'))"


@migrations(name="0007_accepted_origin")
def _accepted_origin(db: Database) -> None:
    # A suggestion a coder accepts keeps that it was one (origin 'accepted'). SQLite
    # cannot alter a CHECK constraint, and rebuilding spans would, with foreign keys on,
    # cascade its removal to event members and relations; a constraint that only allows
    # more leaves every stored row valid, so SQLite's own procedure for that applies:
    # the table's definition is rewritten in place and the schema version moved on
    # (https://www.sqlite.org/lang_altertable.html#otheralter). A table whose
    # definition reads otherwise (rebuilt by another tool) is left as it is.
    version = db.execute("PRAGMA schema_version").fetchone()[0]
    db.execute("PRAGMA writable_schema = ON")
    try:
        db.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) "
                   "WHERE type = 'table' AND name IN ('spans', 'relations')",
                   [_ORIGINS_BEFORE, _ORIGINS_AFTER])
        db.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        db.execute("PRAGMA writable_schema = OFF")


@migrations(name="0008_event_details")
def _event_details(db: Database) -> None:
    for statement in EVENT_DETAILS:
        db.execute(statement)


# An event's dataset codes (attrs, a JSON object), and the incident it reports, which
# events of other documents may report too ("" for none).
EVENT_DETAILS = (
    "ALTER TABLE events ADD COLUMN attrs TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE events ADD COLUMN incident TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX events_incident ON events (incident) WHERE incident != ''",
)


@migrations(name="0009_near_duplicates")
def _near_duplicates(db: Database) -> None:
    for statement in NEAR_DUPLICATES:
        db.execute(statement)


# Near-duplicate stories (storage/near_duplicates.py): each document's MinHash signature,
# its band keys (looked up by key: a new document's candidates without a scan), and the
# marks found with them.
NEAR_DUPLICATES = (
    """CREATE TABLE near_fingerprints (
        doc_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        signature BLOB NOT NULL
    )""",
    # Read by key only (a document's own keys are made again from its signature): no
    # index by document, which would double the table.
    """CREATE TABLE near_bands (
        key INTEGER NOT NULL,
        doc_id INTEGER NOT NULL,
        PRIMARY KEY (key, doc_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE near_duplicates (
        doc_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        original_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        similarity REAL NOT NULL CHECK (similarity BETWEEN 0 AND 1)
    )""",
    "CREATE INDEX near_duplicates_original ON near_duplicates (original_id)",
)


@migrations(name="0010_rejection_sources")
def _rejection_sources(db: Database) -> None:
    for statement in (*REJECTION_SOURCES, SUGGESTED_BY_INDEX):
        db.execute(statement)


# A rejected suggestion keeps what made it and whose it was, so the acceptance of each
# source can be counted (storage/suggestion_rates.py): one row a coder, so two coders
# rejecting the same suggestion are both counted, and one undoing it leaves the
# other's. Rows rejected before this step have no source (NULL, left out of those
# counts) and no coder (''). A server's rejections have had their coder since its own
# step server_0003_rows_owned.
REJECTION_SOURCES = (
    """CREATE TABLE rejections_by_coder (
        doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        source TEXT,
        coder TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (doc_id, start, "end", label, coder)
    )""",
    'INSERT INTO rejections_by_coder (doc_id, start, "end", label) '
    'SELECT doc_id, start, "end", label FROM rejections',
    "DROP TABLE rejections",
    "ALTER TABLE rejections_by_coder RENAME TO rejections",
    "CREATE INDEX rejections_source ON rejections (source, coder)",
)
SERVER_REJECTION_SOURCES = (
    "ALTER TABLE rejections ADD COLUMN source ctext",
    "ALTER TABLE rejections DROP CONSTRAINT rejections_pkey",
    'ALTER TABLE rejections ADD PRIMARY KEY (doc_id, start, "end", label, coder)',
    "CREATE INDEX rejections_source ON rejections (source, coder)",
)
# Counted by its first 200 characters (SOURCE_MAX), as a server's index can hold it.
SOURCE_MAX = 200
SUGGESTED_BY = ("CASE WHEN json_valid(attrs) THEN "
                f"substr(json_extract(attrs, '$.suggested_by'), 1, {SOURCE_MAX}) END")
SUGGESTED_BY_INDEX = (f"CREATE INDEX spans_suggested_by ON spans (origin, ({SUGGESTED_BY}), "
                      "coder) WHERE origin IN ('accepted', 'suggested')")


@migrations(name="0011_list_indexes")
def _list_indexes(db: Database) -> None:
    for statement in (*LIST_INDEXES, DOCUMENTS_ORDER):
        db.execute(statement)


# A filtered list is read through the index of one filter (storage/search_sql.py
# driven_ids): the documents a status, a label or a coder keeps, in id order. Each
# index keeps its first columns, so what read those reads them still.
LIST_INDEXES = (
    "DROP INDEX doc_status_coder",
    "CREATE INDEX doc_status_coder ON doc_status (coder, status, doc_id)",
    "DROP INDEX spans_label",
    "CREATE INDEX spans_label ON spans (label, doc_id, origin)",
    "DROP INDEX spans_coder",
    "CREATE INDEX spans_coder ON spans (coder, doc_id)",
)
# The ids alone, in order (storage/listing.py): a position in the list is read through
# it, and documents counted, without reading rows that hold whole texts. A server's
# primary key is such an index already.
DOCUMENTS_ORDER = "CREATE INDEX documents_order ON documents (id)"


@migrations(name="0012_search_index_by_batch")
def _search_index_by_batch(db: Database) -> None:
    for statement in SEARCH_INDEX_BY_BATCH:
        db.execute(statement)


# An import adds its documents to the search index a batch at a time, with one
# statement (storage/bulk_rows.py): through the trigger, a row at a time, the index cost
# a sixth of storing the batch. The import writes a row here for the length of its
# transaction, which the trigger sees; no other connection ever does, and a kill rolls it
# back with the batch. Every other insert is indexed by the trigger as before.
SEARCH_INDEX_DEFERRED = "search_index_deferred"
SEARCH_INDEX_BY_BATCH = (
    f"CREATE TABLE {SEARCH_INDEX_DEFERRED} (batch INTEGER PRIMARY KEY)",
    "DROP TRIGGER documents_ai",
    f"""CREATE TRIGGER documents_ai AFTER INSERT ON documents
        WHEN NOT EXISTS (SELECT 1 FROM {SEARCH_INDEX_DEFERRED}) BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
)


@migrations(name="0013_status_blocks")
def _status_blocks(db: Database) -> None:
    for statement in STATUS_BLOCKS:
        db.execute(statement)


# The settled documents of a status row's coder in its block, counted again.
_RECOUNT = """INSERT INTO status_blocks (coder, block, settled)
        SELECT {row}.coder, {row}.doc_id >> 10, count(*) FROM doc_status
        WHERE coder = {row}.coder AND status IN ('done', 'in progress', 'skipped')
        AND doc_id BETWEEN ({row}.doc_id >> 10) << 10 AND (({row}.doc_id >> 10) << 10) + 1023
        ON CONFLICT (coder, block) DO UPDATE SET settled = excluded.settled;"""
# Each coder's settled documents (done, in progress, skipped) counted per block of ids
# (storage/todo_blocks.py), kept by triggers as the statuses change: a "to do" list
# skips the blocks whose documents are all settled, rather than asking each document in
# turn. A document's block is its id >> 10.
STATUS_BLOCKS = (
    """CREATE TABLE status_blocks (
        coder TEXT NOT NULL,
        block INTEGER NOT NULL,
        settled INTEGER NOT NULL,
        PRIMARY KEY (coder, block)
    ) WITHOUT ROWID""",
    "INSERT INTO status_blocks (coder, block, settled) SELECT coder, doc_id >> 10, count(*) "
    "FROM doc_status WHERE status != 'todo' GROUP BY coder, doc_id >> 10",
    # Each trigger counts its block again rather than adding or taking one: another
    # program's INSERT OR REPLACE removes the row it replaces without a delete trigger,
    # and a count kept by steps would drift.
    f"""CREATE TRIGGER doc_status_settled_ai AFTER INSERT ON doc_status BEGIN
        {_RECOUNT.format(row="new")}
    END""",
    f"""CREATE TRIGGER doc_status_settled_ad AFTER DELETE ON doc_status BEGIN
        {_RECOUNT.format(row="old")}
    END""",
    f"""CREATE TRIGGER doc_status_settled_au AFTER UPDATE OF doc_id, coder, status ON doc_status
        BEGIN
        {_RECOUNT.format(row="old")}
        {_RECOUNT.format(row="new")}
    END""",
    # A document's statuses go with it, as its foreign key says, also when another
    # program deletes it with foreign keys off (the sqlite3 shell's default): a status
    # left behind would count its block as settled, and hide a document still to do.
    # With them on, the cascade has removed them already, and this finds none.
    """CREATE TRIGGER documents_statuses_ad AFTER DELETE ON documents BEGIN
        DELETE FROM doc_status WHERE doc_id = old.id;
    END""",
)


@migrations(name="0014_near_band_runs")
def _near_band_runs(db: Database) -> None:
    for statement in NEAR_BAND_RUNS:
        db.execute(statement)


# A file's band keys in three runs, as a log-structured tree keeps them
# (storage/near_band_runs.py): the newest documents' keys in a small table, merged in
# key order into a middle one, and that in turn into near_bands. Written straight into
# near_bands, every comparison's random keys rewrote a third of its index at a million
# documents. Read as one: a key's documents are in any of the three.
NEAR_BAND_RUN_TABLES = ("near_bands_new", "near_bands_recent")
NEAR_BAND_RUNS = tuple(
    f"""CREATE TABLE {table} (
        key INTEGER NOT NULL,
        doc_id INTEGER NOT NULL,
        PRIMARY KEY (key, doc_id)
    ) WITHOUT ROWID""" for table in NEAR_BAND_RUN_TABLES)


@migrations(name="0015_label_blocks")
def _label_blocks(db: Database) -> None:
    """(storage/label_count_sql.py)"""
    for statement in LABEL_BLOCKS:
        db.execute(statement)



# Migrations that change no row the corpus had, only add to its schema (a trigger, a
# table of what its rows say): a corpus is neither read whole nor copied before them,
# as it is before the others.
ROWS_UNCHANGED = frozenset({"0012_search_index_by_batch", "0013_status_blocks",
                            "0014_near_band_runs", "0015_label_blocks"})


def rows_to_change(db: Database) -> bool:
    """Whether a pending migration changes rows: the corpus is then read whole before it,
    and copied. One that only adds to the schema is applied as it is opened."""
    return any(step.name not in ROWS_UNCHANGED for step in migrations.pending(db))
