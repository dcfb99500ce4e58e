"""The corpus schema on PostgreSQL, built one named step at a time.

The steps carry the names of the file's migrations (``storage.migrations``) and
leave the same tables, columns and constraints, written as PostgreSQL writes
them; data both backends seed (default labels, codebook settings) comes from
the same functions. Each step runs in its own transaction (PostgreSQL's DDL is
transactional) under the corpus's write lock, deciding inside it that it is
still pending: two programs upgrading at once upgrade once.

PostgreSQL alone has:
- ``ctext``: text that sorts by code point, as SQLite sorts (a database's own
  collation would order names differently in a file and on the server);
- a generated ``tsvector`` with a GIN index for search (title weighted A, body B);
- functions named as SQLite's JSON functions storage uses, taking text;
- a statement trigger on every corpus table that notifies ``annotator_changes``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from annotator.storage import migrations as file_migrations
from annotator.storage.errors import CorpusError
from annotator.storage.pg.database import WRITE_LOCK, PgDatabase

MIGRATIONS_TABLE = "annotator_migrations"
# How much of a text goes into its search vector: PostgreSQL refuses a tsvector over
# 1 MB, and a text of distinct words takes up to about 1.9 bytes of it a character
# (a 990,000-character casualty list of distinct entries was refused). Beyond this
# many characters a text is stored and shown whole, but searched in its first part.
SEARCHED_CHARS = 500_000
# Between the headline's words and the body's in the search vector: a mark no one types,
# placed far enough on that a phrase or NEAR never joins the headline's last words to
# the body's first (FTS5 keeps the two columns apart; one tsvector holds both here).
HEADLINE_GAP = "'''\u2042'':1000'"  # an SQL literal of the tsvector '⁂':1000


@dataclass(frozen=True)
class Step:
    name: str
    statements: tuple[str, ...]
    seed: Callable[[PgDatabase], None] | None = None


_FUNCTIONS = (
    """DO $$ BEGIN
        CREATE DOMAIN ctext AS text COLLATE "C";
    EXCEPTION WHEN duplicate_object THEN NULL; END $$""",
    # SQLite's JSON functions on text, as storage's queries use them: never an error
    # for text that is not JSON (SQLite's json_valid is false; the others are NULL).
    """CREATE OR REPLACE FUNCTION json_valid(value text) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN PERFORM value::jsonb; RETURN value IS NOT NULL;
        EXCEPTION WHEN others THEN RETURN false; END $$""",
    """CREATE OR REPLACE FUNCTION json_type(value text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN RETURN CASE jsonb_typeof(value::jsonb) WHEN 'number' THEN
            CASE WHEN value::jsonb::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END
            WHEN 'boolean' THEN value::jsonb::text ELSE jsonb_typeof(value::jsonb) END;
        EXCEPTION WHEN others THEN RETURN NULL; END $$""",
    """CREATE OR REPLACE FUNCTION json_array_length(value text) RETURNS integer
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN RETURN jsonb_array_length(value::jsonb);
        EXCEPTION WHEN others THEN RETURN NULL; END $$""",
    # As SQLite's json_each: an object's keys, or an array's indexes, with each value as
    # text (a string unquoted, anything else as JSON).
    """CREATE OR REPLACE FUNCTION json_each(source text)
        RETURNS TABLE (key text, value text) LANGUAGE plpgsql IMMUTABLE AS $$
        DECLARE doc jsonb;
        BEGIN
            BEGIN doc := source::jsonb; EXCEPTION WHEN others THEN RETURN; END;
            IF jsonb_typeof(doc) = 'object' THEN
                RETURN QUERY SELECT e.key::text, CASE jsonb_typeof(e.value) WHEN 'string'
                    THEN e.value #>> '{}' ELSE e.value::text END FROM jsonb_each(doc) e;
            ELSIF jsonb_typeof(doc) = 'array' THEN
                RETURN QUERY SELECT (e.n - 1)::text, CASE jsonb_typeof(e.v) WHEN 'string'
                    THEN e.v #>> '{}' ELSE e.v::text END
                    FROM jsonb_array_elements(doc) WITH ORDINALITY AS e(v, n);
            END IF;
        END $$""",
    """CREATE OR REPLACE FUNCTION annotator_notify() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('annotator_changes', TG_TABLE_NAME); RETURN NULL; END $$""",
    # Search folds case and, where the server has the unaccent extension, accents, as
    # the file's search does (unicode61 remove_diacritics).
    """DO $$ BEGIN
        CREATE TEXT SEARCH CONFIGURATION annotator_search (COPY = simple);
    EXCEPTION WHEN unique_violation OR duplicate_object THEN NULL; END $$""",
    """DO $$ BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
        ALTER TEXT SEARCH CONFIGURATION annotator_search
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    EXCEPTION WHEN others THEN NULL; END $$""",
)


def _notify(table: str) -> str:
    return (f"CREATE TRIGGER {table}_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION annotator_notify()")


_INITIAL = (
    *_FUNCTIONS,
    f"""CREATE TABLE documents (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        uid ctext NOT NULL UNIQUE,
        title ctext NOT NULL DEFAULT '',
        text ctext NOT NULL,
        date ctext,
        source ctext,
        url ctext,
        meta ctext NOT NULL DEFAULT '{{}}',
        sha256 ctext NOT NULL,
        imported_at ctext NOT NULL,
        search tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('annotator_search'::regconfig, title), 'A') ||
            {HEADLINE_GAP}::tsvector ||
            setweight(to_tsvector('annotator_search'::regconfig,
                                  left(text, {SEARCHED_CHARS})), 'B')) STORED
    )""",
    "CREATE INDEX documents_sha256 ON documents (sha256)",
    "CREATE INDEX documents_search ON documents USING gin (search)",
    """CREATE TABLE labels (
        name ctext PRIMARY KEY,
        color ctext NOT NULL,
        shortcut ctext NOT NULL DEFAULT '',
        description ctext NOT NULL DEFAULT '',
        attributes ctext NOT NULL DEFAULT '[]',
        position integer NOT NULL DEFAULT 0
    )""",
    "CREATE TABLE coders (name ctext PRIMARY KEY)",
    """CREATE TABLE spans (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        uid ctext NOT NULL UNIQUE,
        doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start integer NOT NULL CHECK (start >= 0),
        "end" integer NOT NULL CHECK ("end" > start),
        label ctext NOT NULL REFERENCES labels (name) ON UPDATE CASCADE,
        text ctext NOT NULL CHECK (length(text) = "end" - start),
        attrs ctext NOT NULL DEFAULT '{}',
        coder ctext NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        origin ctext NOT NULL CHECK (origin IN ('manual', 'suggested', 'imported')),
        created_at ctext NOT NULL,
        updated_at ctext NOT NULL
    )""",
    "CREATE INDEX spans_doc ON spans (doc_id, start)",
    "CREATE INDEX spans_label ON spans (label)",
    "CREATE INDEX spans_coder ON spans (coder)",
    """CREATE TABLE doc_status (
        doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        coder ctext NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        status ctext NOT NULL CHECK (status IN ('todo', 'in progress', 'done', 'skipped')),
        updated_at ctext NOT NULL,
        PRIMARY KEY (doc_id, coder)
    )""",
    "CREATE INDEX doc_status_coder ON doc_status (coder, status)",
    """CREATE TABLE changes (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        at ctext NOT NULL,
        coder ctext NOT NULL,
        action ctext NOT NULL,
        doc_id bigint NOT NULL,
        span_uid ctext,
        before ctext,
        after ctext
    )""",
    "CREATE INDEX changes_doc ON changes (doc_id, id)",
    *(_notify(t) for t in ("documents", "labels", "coders", "spans", "doc_status")),
)

_EVENTS_AND_DETAILS = (
    "ALTER TABLE documents ADD COLUMN notes ctext NOT NULL DEFAULT ''",
    "ALTER TABLE documents ADD COLUMN flags ctext NOT NULL DEFAULT '{}'",
    "CREATE TABLE settings (key ctext PRIMARY KEY, value ctext NOT NULL)",
    """CREATE TABLE events (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        uid ctext NOT NULL UNIQUE,
        doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        type ctext NOT NULL,
        date ctext,
        date_precision integer NOT NULL DEFAULT 1,
        note ctext NOT NULL DEFAULT '',
        coder ctext NOT NULL DEFAULT '',
        created_at ctext NOT NULL,
        updated_at ctext NOT NULL
    )""",
    "CREATE INDEX events_doc ON events (doc_id)",
    """CREATE TABLE event_members (
        event_id bigint NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        span_uid ctext NOT NULL REFERENCES spans (uid) ON DELETE CASCADE ON UPDATE CASCADE,
        role ctext NOT NULL,
        grp ctext NOT NULL DEFAULT '',
        position integer NOT NULL DEFAULT 0,
        PRIMARY KEY (event_id, span_uid)
    )""",
    "CREATE INDEX event_members_span ON event_members (span_uid)",
    *(_notify(t) for t in ("settings", "events", "event_members")),
)

_SUGGESTIONS = (
    """CREATE TABLE rejections (
        doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        start integer NOT NULL,
        "end" integer NOT NULL,
        label ctext NOT NULL,
        PRIMARY KEY (doc_id, start, "end", label)
    )""",
    "CREATE INDEX spans_origin ON spans (origin, doc_id)",
    _notify("rejections"),
)

_RELATIONS_AND_DOCUMENT_LABELS = (
    "ALTER TABLE spans ADD COLUMN fragments ctext",
    "ALTER TABLE spans ADD COLUMN links ctext",
    """CREATE TABLE relations (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        uid ctext NOT NULL UNIQUE,
        doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        head ctext NOT NULL REFERENCES spans (uid) ON DELETE CASCADE ON UPDATE CASCADE,
        tail ctext NOT NULL REFERENCES spans (uid) ON DELETE CASCADE ON UPDATE CASCADE,
        label ctext NOT NULL CHECK (label != ''),
        attrs ctext NOT NULL DEFAULT '{}',
        coder ctext NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        origin ctext NOT NULL CHECK (origin IN ('manual', 'suggested', 'imported')),
        created_at ctext NOT NULL,
        updated_at ctext NOT NULL
    )""",
    "CREATE INDEX relations_doc ON relations (doc_id)",
    "CREATE INDEX relations_head ON relations (head)",
    "CREATE INDEX relations_tail ON relations (tail)",
    """CREATE TABLE doc_labels (
        doc_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        coder ctext NOT NULL REFERENCES coders (name) ON UPDATE CASCADE,
        name ctext NOT NULL CHECK (name != ''),
        value ctext NOT NULL,
        updated_at ctext NOT NULL,
        PRIMARY KEY (doc_id, coder, name)
    )""",
    "CREATE INDEX doc_labels_name ON doc_labels (name, doc_id)",
    *(_notify(t) for t in ("relations", "doc_labels")),
)

_ORIGINS = "origin IN ('manual', 'suggested', 'imported', 'accepted')"

# A team's work queue: the server's alone (a file's work is shared by `assign`).
_WORK_QUEUE = (
    """CREATE TABLE queue (
        doc_id bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        position bigint NOT NULL,
        copies integer NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 10),
        coders ctext[],
        queued_by ctext NOT NULL DEFAULT '',
        queued_at ctext NOT NULL
    )""",
    "CREATE INDEX queue_position ON queue (position)",
    """CREATE TABLE claims (
        doc_id bigint NOT NULL REFERENCES queue (doc_id) ON DELETE CASCADE,
        coder ctext NOT NULL,
        claimed_at ctext NOT NULL,
        PRIMARY KEY (doc_id, coder)
    )""",
    "CREATE INDEX claims_coder ON claims (coder)",
    *(_notify(t) for t in ("queue", "claims")),
    # The one way to claim: the first queued document the coder may take, does not have,
    # has not done already, and that still wants a coder, its queue row locked and skipped by anyone else
    # claiming at the same moment. It runs with its owner's rights, so a coder needs no
    # right to lock queue rows or to write claims directly, and claims only for
    # themselves (a lead or the database's owner may claim for anyone).
    """CREATE FUNCTION annotator_claim(wanted text) RETURNS bigint
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            taken bigint;
            passed bigint[] := '{}';
            lead text := left(current_database(), 40) || '_'
                         || left(md5(current_database()), 8) || '_lead';
        BEGIN
            IF wanted IS DISTINCT FROM session_user
               AND NOT (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = lead)
                        AND pg_has_role(session_user, lead, 'MEMBER'))
               AND NOT pg_has_role(session_user, (SELECT datdba FROM pg_database
                                                   WHERE datname = current_database()),
                                   'MEMBER') THEN
                RAISE EXCEPTION 'a coder claims documents for themselves only'
                    USING ERRCODE = 'insufficient_privilege';
            END IF;
            LOOP
                SELECT q.doc_id INTO taken FROM queue q
                WHERE (q.coders IS NULL OR wanted = ANY (q.coders))
                  AND NOT (q.doc_id = ANY (passed))
                  AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = q.doc_id
                                  AND c.coder = wanted)
                  AND NOT EXISTS (SELECT 1 FROM doc_status s WHERE s.doc_id = q.doc_id
                                  AND s.coder = wanted AND s.status IN ('done', 'skipped'))
                  AND (SELECT count(*) FROM claims c WHERE c.doc_id = q.doc_id) < q.copies
                ORDER BY q.position LIMIT 1 FOR UPDATE OF q SKIP LOCKED;
                EXIT WHEN taken IS NULL;
                -- Counted again now that the row is ours: the search above saw the claims
                -- committed when it began, and another coder's may have landed since.
                IF (SELECT count(*) FROM claims c WHERE c.doc_id = taken)
                       < (SELECT copies FROM queue WHERE doc_id = taken)
                   AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = taken
                                   AND c.coder = wanted) THEN
                    INSERT INTO claims (doc_id, coder, claimed_at)
                    VALUES (taken, wanted, to_char(now() AT TIME ZONE 'UTC',
                                                   'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"'));
                    RETURN taken;
                END IF;
                passed := passed || taken;
            END LOOP;
            RETURN taken;
        END $$""",
    "REVOKE ALL ON FUNCTION annotator_claim(text) FROM PUBLIC",
)

# What a coder may write on a shared row is checked by the server, whatever client
# writes it: a document's flags and details stay JSON objects, a rejected suggestion
# is its rejecter's, and a row of the change log speaks only of its writer's work.
_ROWS_OWNED = (
    "ALTER TABLE documents ADD CONSTRAINT documents_flags_object "
    "CHECK (coalesce(json_type(flags), '') = 'object')",
    "ALTER TABLE documents ADD CONSTRAINT documents_meta_object "
    "CHECK (coalesce(json_type(meta), '') = 'object')",
    "ALTER TABLE rejections ADD COLUMN coder ctext NOT NULL DEFAULT current_user",
    # Whose work a change-log state describes (a span's, a relation's, an event's
    # coder), or NULL for a state that names no one (a status, a document's details).
    # A state the server cannot read (NaN, Infinity, \u0000, which Python's reader
    # takes) names no one it could vouch for: it answers a name no login has.
    """CREATE FUNCTION annotator_coder_of(state text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
            IF jsonb_typeof(state::jsonb) = 'object' THEN
                RETURN state::jsonb ->> 'coder';
            END IF;
            RETURN NULL;
        EXCEPTION WHEN others THEN RETURN ' unreadable'; END $$""",
)

# A suggestion's source (attrs' suggested_by) kept in a column of its own, with an index
# of it over accepted and pending suggestions: counting them by source
# (storage/suggestion_rates.py) then reads the index, where reading it out of each
# row's JSON took 250 ms for 50,000 suggestions. NULL for the coders' own spans and
# for attrs that are not JSON (a row changed by hand), never an error. A source is
# counted by its first 200 characters (SOURCE_MAX): an index row holds 2,704 bytes at
# most, and a longer one would refuse the span.
_SUGGESTED_BY = (
    """ALTER TABLE spans ADD COLUMN suggested_by ctext GENERATED ALWAYS AS (
        CASE WHEN origin IN ('accepted', 'suggested') THEN
            CASE WHEN json_valid(attrs) THEN left(attrs::jsonb ->> 'suggested_by', 200) END
        END) STORED""",
    "CREATE INDEX spans_suggested_by ON spans (origin, suggested_by, coder) "
    "WHERE origin IN ('accepted', 'suggested')",
)

STEPS = (
    Step("0001_initial", _INITIAL, file_migrations.seed_default_labels),
    Step("0002_schema_events_details", _EVENTS_AND_DETAILS, file_migrations.seed_events_details),
    Step("0003_suggestions", _SUGGESTIONS),
    Step("0004_label_examples",
         ("ALTER TABLE labels ADD COLUMN examples ctext NOT NULL DEFAULT '[]'",),
         file_migrations.seed_label_examples),
    Step("0005_spans_doc_covering",
         ("DROP INDEX spans_doc",
          "CREATE INDEX spans_doc ON spans (doc_id, start, label, origin, coder)")),
    Step("0006_relations_fragments_document_labels", _RELATIONS_AND_DOCUMENT_LABELS,
         lambda db: file_migrations.seed_relation_types(
             db, {row[0] for row in db.fetch_all("SELECT name FROM labels")})),
    Step("0007_accepted_origin",
         ("ALTER TABLE spans DROP CONSTRAINT spans_origin_check",
          f"ALTER TABLE spans ADD CONSTRAINT spans_origin_check CHECK ({_ORIGINS})",
          "ALTER TABLE relations DROP CONSTRAINT relations_origin_check",
          f"ALTER TABLE relations ADD CONSTRAINT relations_origin_check CHECK ({_ORIGINS})")),
    Step("0008_event_details",
         (*(statement.replace(" TEXT ", " ctext ") for statement in file_migrations.EVENT_DETAILS),
          "ALTER TABLE events ADD CONSTRAINT events_attrs_object "
          "CHECK (coalesce(json_type(attrs), '') = 'object')")),
    Step("0009_near_duplicates",
         tuple(statement.replace(" INTEGER ", " bigint ").replace(" BLOB ", " bytea ")
               .replace(" REAL ", " double precision ").replace(" WITHOUT ROWID", "")
               for statement in file_migrations.NEAR_DUPLICATES)),
    Step("server_0001_work_queue", _WORK_QUEUE),
    # Headlines searched alone: a search's ranked set takes the newest documents with
    # the word in the headline too (pg.search.ranked_ids).
    Step("server_0002_headline_search", (
        "CREATE INDEX documents_title_search ON documents USING gin "
        "(to_tsvector('annotator_search'::regconfig, title))",)),
    Step("server_0003_rows_owned", _ROWS_OWNED),
    # A document's id of any length, as a file takes it: a unique B-tree stops at about
    # 2,700 bytes a row; a hash index keeps equal ids apart at any length.
    Step("server_0004_long_document_ids", (
        "ALTER TABLE documents DROP CONSTRAINT documents_uid_key",
        "ALTER TABLE documents ADD CONSTRAINT documents_uid_key EXCLUDE USING hash (uid WITH =)",
    )),
    # After server_0003, which gave a server's rejections their coder: only the source
    # is new here, and the suggestions' source kept beside each span (see below).
    Step("0010_rejection_sources",
         (*file_migrations.SERVER_REJECTION_SOURCES, *_SUGGESTED_BY)),
    Step("0011_list_indexes", file_migrations.LIST_INDEXES),
)


def step_names() -> list[str]:
    return [step.name for step in STEPS]


def applied(db: PgDatabase) -> set[str]:
    present = db.fetch_one("SELECT to_regclass(?)", [MIGRATIONS_TABLE])[0]
    if present is None:
        return set()
    return {row[0] for row in db.fetch_all(f"SELECT name FROM {MIGRATIONS_TABLE}")}


def pending(db: PgDatabase) -> list[Step]:
    done = applied(db)
    unknown = done - set(step_names())
    if unknown:
        raise CorpusError(f"{db.address}: was set up by a newer version of annotator (schema "
                          f"steps {', '.join(sorted(unknown))}); please upgrade annotator")
    return [step for step in STEPS if step.name not in done]


def foreign_objects(db: PgDatabase) -> list[str]:
    """In a database annotator has not set up: every table, view and sequence there,
    functions named as annotator's (which setting up would replace), types, and any
    schema of its own: another program's, left as they are."""
    rows = db.fetch_all(
        "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
        "AND c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S') AND c.relname != ? ORDER BY 1",
        [MIGRATIONS_TABLE])
    functions = db.fetch_all(
        "SELECT DISTINCT p.proname FROM pg_proc p WHERE p.pronamespace = "
        "current_schema()::regnamespace AND p.proname IN ('json_valid', 'json_type', "
        "'json_each', 'json_array_length', 'annotator_notify', 'annotator_claim', "
        "'annotator_coder_of') ORDER BY 1")
    schemas = db.fetch_all(
        "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('public', 'information_schema') "
        "AND nspname NOT LIKE 'pg\\_%' AND nspowner != (SELECT oid FROM pg_roles WHERE "
        "rolname = 'pg_database_owner') ORDER BY 1")
    types = db.fetch_all(
        "SELECT t.typname FROM pg_type t WHERE t.typnamespace = current_schema()::regnamespace "
        "AND t.typelem = 0 AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid) "
        "ORDER BY 1")
    return ([row[0] for row in rows] + [f"function {row[0]}" for row in functions]
            + [f"schema {row[0]}" for row in schemas] + [f"type {row[0]}" for row in types])


def has_other_tables(db: PgDatabase) -> list[str]:
    """Tables in the database's schema that annotator did not make."""
    rows = db.fetch_all("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                        "ORDER BY tablename")
    ours = {"documents", "labels", "coders", "spans", "doc_status", "changes", "settings",
            "events", "event_members", "rejections", "relations", "doc_labels",
            "queue", "claims", MIGRATIONS_TABLE}
    return [row[0] for row in rows if row[0] not in ours]


def apply(db: PgDatabase) -> list[str]:
    """Apply every pending step; returns the names applied by this call."""
    done: list[str] = []
    with db.atomic():
        db.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name text PRIMARY KEY, "
                   "applied_at text NOT NULL)")
    while True:
        with db.atomic():
            db.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            steps = pending(db)
            if not steps:
                return done
            step = steps[0]
            for statement in step.statements:
                db.execute(statement)
            if step.seed is not None:
                step.seed(db)
            db.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                       [step.name, str(datetime.now(UTC))])
            done.append(step.name)
