"""Who may change what on a team's server, enforced by PostgreSQL itself.

Each corpus database has three group roles, named after it:

- ``<db>_coder``: reads everything; writes only rows whose coder is their own
  login (spans, relations, events and their members, statuses, document labels),
  the change log's rows of their own edits, and a document's details (date,
  source, link, notes, flags) but never its text;
- ``<db>_adjudicator``: a coder who also writes the gold (rows of coder ``gold``);
- ``<db>_lead``: the codebook, imports, assignments, and anyone's rows.

Row-level security holds for any client, ``psql`` included: a coder's UPDATE of
another coder's span changes no row, their INSERT of one is refused. Each person
logs in as themselves (``annotator server add-coder``); their login is their coder
name in the corpus.
"""

from __future__ import annotations

import hashlib
import re

import psycopg
from psycopg import sql

from annotator.core.adjudication import GOLD
from annotator.storage.errors import CorpusError, NotAllowed
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.database import PgDatabase
from annotator.storage.pg.opening import open_server

KINDS = ("coder", "adjudicator", "lead")
# Tables whose rows belong to a coder (the column naming them).
OWNED = {"spans": "coder", "relations": "coder", "events": "coder", "doc_status": "coder",
         "doc_labels": "coder", "changes": "coder", "coders": "name", "claims": "coder",
         "rejections": "coder"}
CODER_WRITES = ("spans", "relations", "events", "event_members", "doc_status", "doc_labels",
                "rejections")
DOCUMENT_DETAILS = ("date", "source", "url", "notes", "flags")
LOGIN = re.compile(r"^[A-Za-z][A-Za-z0-9_.@-]{0,62}$")
RESERVED = {GOLD, "public", "postgres", "annotator_admin", ""}


def group(database: str, kind: str) -> str:
    """The group role of ``kind`` for the corpus in ``database``: the name's start and a
    digest of all of it, so two databases alike in their first 63 characters (role
    names' limit) never share a group."""
    digest = hashlib.md5(database.encode()).hexdigest()[:8]  # names a group, guards nothing
    return f"{database[:40]}_{digest}_{kind}"


def init_server(address: ServerAddress) -> list[str]:
    """Set up the corpus schema and the team's roles in an existing database; safe to
    run again (after an upgrade, say). Returns what it did, for the command to say."""
    db = open_server(address, create=True)
    try:
        return set_up_roles(db)
    finally:
        db.close()


def set_up_roles(db: PgDatabase) -> list[str]:
    database = db.fetch_one("SELECT current_database()")[0]
    names = {kind: group(database, kind) for kind in KINDS}
    said: list[str] = []
    conn = db.conn
    try:
        with conn.transaction():
            for kind, name in names.items():
                exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                      [name]).fetchone()
                if not exists:
                    conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
                    said.append(f"made the group role {name} ({kind}s)")
            coder, adjudicator, lead = (sql.Identifier(names[k]) for k in KINDS)
            conn.execute(sql.SQL("GRANT {} TO {}").format(coder, adjudicator))
            conn.execute(sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(
                sql.Identifier(database)))
            # No one but the owner makes objects here: a coder's function named as one of
            # annotator's would otherwise run in a lead's session with a lead's rights
            # (PostgreSQL up to 14 lets anyone create in schema public).
            conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
            for role in (coder, lead):
                conn.execute(sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
                    sql.Identifier(database), role))
                conn.execute(sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(role))
                conn.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}")
                             .format(role))
                conn.execute(sql.SQL("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {}")
                             .format(role))
            for table in CODER_WRITES:
                conn.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(
                    sql.Identifier(table), coder))
            conn.execute(sql.SQL("GRANT INSERT ON changes, coders TO {}").format(coder))
            # Claims are made by annotator_claim alone (it checks who claims); a coder may
            # give their own back.
            conn.execute(sql.SQL("GRANT DELETE ON claims TO {}").format(coder))
            for role in (coder, lead):
                conn.execute(sql.SQL("GRANT EXECUTE ON FUNCTION annotator_claim(text) TO {}")
                             .format(role))
            conn.execute(sql.SQL("GRANT UPDATE ({}) ON documents TO {}").format(
                sql.SQL(", ").join(sql.Identifier(c) for c in DOCUMENT_DETAILS), coder))
            conn.execute(sql.SQL("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                                 "TO {}").format(lead))
            conn.execute(sql.SQL("REVOKE UPDATE, DELETE ON changes FROM {}").format(lead))
            # A pushed corpus keeps its ids: the lead moves the id counters past them.
            conn.execute(sql.SQL("GRANT UPDATE ON ALL SEQUENCES IN SCHEMA public TO {}")
                         .format(lead))
            for table, column in OWNED.items():
                _policies(conn, table, column, names)
            _member_policies(conn, names)
    except psycopg.errors.InsufficientPrivilege as exc:
        raise NotAllowed(f"{db.address}: setting up the team's roles needs the database's owner "
                         f"with the right to make roles (CREATEROLE) "
                         f"({db.address.scrub(str(exc))})") from exc
    except psycopg.Error as exc:
        raise CorpusError(f"{db.address}: the team's roles could not be set up "
                          f"({db.address.scrub(str(exc))})") from exc
    said.append(f"row-level security on {', '.join([*OWNED, 'event_members'])}")
    return said


def _policies(conn: psycopg.Connection, table: str, column: str, names: dict[str, str]) -> None:
    """Everyone reads every row; a coder writes their own, an adjudicator the gold's too,
    a lead anyone's."""
    ident = sql.Identifier(table)
    conn.execute(sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(ident))
    own = sql.SQL("{} = current_user").format(sql.Identifier(column))
    gold = sql.SQL("{} = {}").format(sql.Identifier(column), sql.Literal(GOLD))
    if table == "changes":
        # A row of the change log may describe only its writer's work: a restore puts
        # back what the log says, so a row naming another coder's span would make a
        # lead's restore write it.
        own = sql.SQL("coder = current_user AND coalesce(annotator_coder_of(before), "
                      "current_user) = current_user AND coalesce(annotator_coder_of(after), "
                      "current_user) = current_user")
        gold = sql.SQL("coder = {g} AND coalesce(annotator_coder_of(before), {g}) = {g} "
                       "AND coalesce(annotator_coder_of(after), {g}) = {g}").format(
                           g=sql.Literal(GOLD))
    rules = (("annotator_read", "SELECT", "PUBLIC", sql.SQL("true"), None),
             ("annotator_own", "ALL", names["coder"], own, own),
             ("annotator_gold", "ALL", names["adjudicator"], gold, gold),
             ("annotator_lead", "ALL", names["lead"], sql.SQL("true"), sql.SQL("true")))
    for name, command, role, using, check in rules:
        conn.execute(sql.SQL("DROP POLICY IF EXISTS {} ON {}").format(sql.Identifier(name), ident))
        who = sql.SQL("PUBLIC") if role == "PUBLIC" else sql.Identifier(role)
        statement = sql.SQL("CREATE POLICY {} ON {} FOR {} TO {} USING ({})").format(
            sql.Identifier(name), ident, sql.SQL(command), who, using)
        if check is not None:
            statement = sql.SQL("{} WITH CHECK ({})").format(statement, check)
        conn.execute(statement)


def _member_policies(conn: psycopg.Connection, names: dict[str, str]) -> None:
    """An event's members belong to whoever the event belongs to."""
    conn.execute("ALTER TABLE event_members ENABLE ROW LEVEL SECURITY")
    owner = "EXISTS (SELECT 1 FROM events e WHERE e.id = event_id AND e.coder = {})"
    rules = (("annotator_read", "SELECT", None, "true"),
             ("annotator_own", "ALL", names["coder"], owner.format("current_user")),
             ("annotator_gold", "ALL", names["adjudicator"], owner.format(f"'{GOLD}'")),
             ("annotator_lead", "ALL", names["lead"], "true"))
    for name, command, role, condition in rules:
        conn.execute(sql.SQL("DROP POLICY IF EXISTS {} ON event_members").format(
            sql.Identifier(name)))
        who = sql.SQL("PUBLIC") if role is None else sql.Identifier(role)
        statement = sql.SQL("CREATE POLICY {} ON event_members FOR {} TO {} USING ({})").format(
            sql.Identifier(name), sql.SQL(command), who, sql.SQL(condition))
        if command == "ALL":
            statement = sql.SQL("{} WITH CHECK ({})").format(statement, sql.SQL(condition))
        conn.execute(statement)


def add_coder(address: ServerAddress, name: str, kind: str, password: str) -> str:
    """A login for a person in one of the corpus's groups (its password set anew when it
    exists). The password goes to the server only as a SCRAM verifier, never as text."""
    if kind not in KINDS:
        raise ValueError(f"role {kind!r} is not one of {', '.join(KINDS)}")
    if not LOGIN.match(name) or name.lower() in RESERVED:
        raise ValueError(f"{name!r} cannot be a coder's login: use a letter, then letters, "
                         "digits, _ . @ or - (up to 63), and not one of "
                         f"{', '.join(sorted(n for n in RESERVED if n))}")
    if len(password) < 8:
        raise ValueError("the password must have at least 8 characters")
    db = PgDatabase(address)
    try:
        database = db.fetch_one("SELECT current_database()")[0]
        wanted = group(database, kind)
        conn = db.conn
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [wanted]).fetchone():
            raise CorpusError(f"{address}: has no team roles yet; run `annotator server init` "
                              "on it first")
        from annotator.storage.pg import schema

        schema.pending(db)  # a corpus of a newer annotator is refused, nothing changed
        other = conn.execute("SELECT rolcanlogin, rolsuper OR rolcreaterole OR rolbypassrls "
                             "FROM pg_roles WHERE rolname = %s", [name]).fetchone()
        if name in {group(database, k) for k in KINDS} or (other and (not other[0] or other[1])):
            # A group made a login would give whoever holds it every right of the group;
            # a role with powers of its own is no coder's login.
            raise ValueError(f"{name!r} cannot be a coder's login: it is a group role or a "
                             "role with powers of its own on this server")
        verifier = conn.pgconn.encrypt_password(password.encode(), name.encode(),
                                                b"scram-sha-256").decode()
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
                sql.SQL(verb), sql.Identifier(name), sql.Literal(verifier)))
            for other in KINDS:
                if other != kind:
                    conn.execute(sql.SQL("REVOKE {} FROM {}").format(
                        sql.Identifier(group(database, other)), sql.Identifier(name)))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(wanted),
                                                          sql.Identifier(name)))
            conn.execute("INSERT INTO coders (name) VALUES (%s) ON CONFLICT DO NOTHING", [name])
        return ("changed the password and role of" if exists else "made the login") + \
            f" {name} ({kind})"
    except psycopg.errors.InsufficientPrivilege as exc:
        raise NotAllowed(f"{address}: making logins needs the right to make roles "
                         f"(CREATEROLE) ({address.scrub(str(exc))})") from exc
    except psycopg.Error as exc:
        raise CorpusError(f"{address}: the login {name} could not be made "
                          f"({address.scrub(str(exc))})") from exc
    finally:
        db.close()
