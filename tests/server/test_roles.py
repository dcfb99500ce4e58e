"""Roles enforced by the server: coder B, with raw SQL as well as through annotator,
cannot change coder A's rows or the gold; an adjudicator writes the gold; a lead
the codebook."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.schema import LabelSpec
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.errors import NotAllowed
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.roles import add_coder, init_server
from tests.server.logins import PASSWORD, login

TEXT = "Gunmen attacked a checkpoint near Kirkuk on Monday, killing two soldiers."



@pytest.fixture
def team(pg_url: str) -> dict[str, str]:
    address = ServerAddress.parse(pg_url)
    init_server(address)
    for name, kind in (("alice", "coder"), ("bob", "coder"), ("carol", "adjudicator"),
                       ("lee", "lead")):
        add_coder(address, name, kind, PASSWORD)
    urls = {name: login(pg_url, name) for name in ("alice", "bob", "carol", "lee")}
    with Corpus.open(urls["lee"]) as corpus:
        [added] = add_documents(corpus, [DocumentRecord(text=TEXT, uid="doc-1")])
        assert added.outcome == "added"
    with Corpus.open(urls["alice"]) as corpus:
        corpus.insert_span(Span(start=0, end=6, label="actor", text="Gunmen", coder="alice",
                                doc_id=1))
        corpus.set_status(1, "alice", "in progress")
    return urls


def alices_rows(url: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT uid, label, start, \"end\", coder FROM spans ORDER BY id"
                            ).fetchall()


@pytest.mark.parametrize("statement", [
    "UPDATE spans SET label = 'location' WHERE coder = 'alice'",
    "DELETE FROM spans WHERE coder = 'alice'",
    "UPDATE doc_status SET status = 'done' WHERE coder = 'alice'",
    "DELETE FROM doc_status",
    "UPDATE spans SET coder = 'bob' WHERE coder = 'alice'",
])
def test_coder_b_with_raw_sql_changes_no_row_of_coder_a(team: dict[str, str],
                                                         statement: str) -> None:
    before = alices_rows(team["lee"])
    with psycopg.connect(team["bob"], autocommit=True) as bob:
        changed = bob.execute(statement).rowcount
    assert changed == 0
    assert alices_rows(team["lee"]) == before
    with psycopg.connect(team["lee"]) as lead:
        assert lead.execute("SELECT status FROM doc_status WHERE coder = 'alice'"
                            ).fetchone() == ("in progress",)


@pytest.mark.parametrize("statement", [
    # as alice, and as the gold
    "INSERT INTO spans (uid, doc_id, start, \"end\", label, text, coder, origin, created_at, "
    "updated_at) VALUES ('forged', 1, 7, 15, 'actor', 'attacked', 'alice', 'manual', 'x', 'x')",
    "INSERT INTO spans (uid, doc_id, start, \"end\", label, text, coder, origin, created_at, "
    "updated_at) VALUES ('forged', 1, 7, 15, 'actor', 'attacked', 'gold', 'manual', 'x', 'x')",
    "UPDATE spans SET coder = 'alice' WHERE coder = 'bob'",
    "INSERT INTO doc_status (doc_id, coder, status, updated_at) VALUES (1, 'alice', 'done', 'x')",
    "INSERT INTO changes (at, coder, action, doc_id) VALUES ('x', 'alice', 'remove span', 1)",
    "UPDATE documents SET text = 'rewritten'",
    "UPDATE labels SET color = '#000000'",
    "DELETE FROM changes",
    "INSERT INTO documents (uid, text, sha256, imported_at) VALUES ('x', 'y', 'z', 'w')",
])
def test_coder_b_is_refused_writing_as_coder_a_the_gold_the_text_or_the_codebook(
        team: dict[str, str], statement: str) -> None:
    with Corpus.open(team["bob"]) as corpus:  # bob has a span of his own to move
        corpus.insert_span(Span(start=7, end=15, label="actor", text="attacked", coder="bob",
                                doc_id=1))
    before = alices_rows(team["lee"])
    with psycopg.connect(team["bob"], autocommit=True) as bob, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        bob.execute(statement)
    assert alices_rows(team["lee"]) == before


def test_through_annotator_a_refusal_is_named_and_nothing_changes(team: dict[str, str]) -> None:
    with Corpus.open(team["bob"]) as corpus:
        [alices] = corpus.spans(1, "alice")
        with pytest.raises(NotAllowed, match="your role on the server does not allow it"):
            corpus.insert_span(Span(start=7, end=15, label="actor", text="attacked",
                                    coder="alice", doc_id=1))
        schema = corpus.schema()
        bigger = schema.__class__(labels=(*schema.labels, LabelSpec("weapon", "#123456")),
                                  event_types=schema.event_types,
                                  event_roles=schema.event_roles)
        with pytest.raises(NotAllowed):
            corpus.save_schema(bigger)
        assert [label.name for label in corpus.labels()] == [
            label.name for label in schema.labels]
        assert corpus.spans(1, "alice") == [alices]


def test_an_adjudicator_writes_the_gold_and_a_lead_the_codebook(team: dict[str, str]) -> None:
    with Corpus.open(team["carol"]) as corpus:
        corpus.insert_span(Span(start=0, end=6, label="actor", text="Gunmen", coder="gold",
                                doc_id=1))
        assert [s.coder for s in corpus.spans(1, "gold")] == ["gold"]
    with Corpus.open(team["alice"]) as corpus, pytest.raises(NotAllowed):
        corpus.insert_span(Span(start=7, end=15, label="actor", text="attacked", coder="gold",
                                doc_id=1))
    with Corpus.open(team["lee"]) as corpus:
        corpus.ensure_labels(["weapon"])
        assert "weapon" in [label.name for label in corpus.labels()]


def test_a_wrong_password_and_an_unknown_login_are_refused_by_name(pg_url: str,
                                                                   team: dict[str, str]) -> None:
    from annotator.storage.errors import CorpusError

    wrong = team["alice"].replace("correct%20horse", "wrong%20horse")
    with pytest.raises(CorpusError, match="refused the login"):
        Corpus.open(wrong)
    assert "wrong" not in str(ServerAddress.parse(wrong))  # never shown


def test_init_twice_changes_nothing_and_a_coder_cannot_init(pg_url: str,
                                                            team: dict[str, str]) -> None:
    before = alices_rows(team["lee"])
    init_server(ServerAddress.parse(pg_url))
    assert alices_rows(team["lee"]) == before
    with pytest.raises(NotAllowed):
        init_server(ServerAddress.parse(team["bob"]))


def test_add_coder_from_the_command_line_reads_the_password_from_a_file_only(
        pg_url: str, tmp_path) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    runner = CliRunner()
    assert runner.invoke(cli, ["server", "init", pg_url]).exit_code == 0
    secret = tmp_path / "dana.pw"
    secret.write_text("a long enough secret\n", encoding="utf-8")
    made = runner.invoke(cli, ["server", "add-coder", pg_url, "dana", "--role", "adjudicator",
                               "--password-file", str(secret)])
    assert made.exit_code == 0, made.output
    assert "made the login dana (adjudicator)" in made.output
    assert "secret" not in made.output
    with Corpus.open(login(pg_url, "dana").replace(PASSWORD.replace(" ", "%20"),
                                                   "a%20long%20enough%20secret")) as corpus:
        assert corpus.db.login == "dana"
    # No terminal to ask on, and no file: said, nothing made.
    asked = runner.invoke(cli, ["server", "add-coder", pg_url, "erin"])
    assert asked.exit_code == 2 and "--password-file" in asked.output
    short = tmp_path / "short.pw"
    short.write_text("abc\n", encoding="utf-8")
    refused = runner.invoke(cli, ["server", "add-coder", pg_url, "erin", "--password-file",
                                  str(short)])
    assert refused.exit_code == 2 and "at least 8 characters" in refused.output
    for name in ("gold", "bad name", "1st"):
        bad = runner.invoke(cli, ["server", "add-coder", pg_url, name, "--password-file",
                                  str(secret)])
        assert bad.exit_code == 2 and "cannot be a coder's login" in bad.output, name
    with psycopg.connect(pg_url) as admin:
        assert admin.execute("SELECT count(*) FROM pg_roles WHERE rolname IN ('erin', 'gold', "
                             "'bad name', '1st')").fetchone() == (0,)


def test_coder_b_links_his_event_to_alices_incident_but_cannot_change_hers(
        team: dict[str, str]) -> None:
    """B may say his event reports the happening A's event does (he names her event's uid
    in his own row); her event's codes and incident are hers: raw SQL changes nothing."""
    from annotator.core.events import Event, EventMember

    with Corpus.open(team["alice"]) as corpus:
        [gunmen] = corpus.spans(1, "alice")
        corpus.insert_event(Event(1, "attack", (EventMember(gunmen.uid, "attacker"),),
                                  uid="e-alice", coder="alice", attrs={"note_code": "a"}))
    with psycopg.connect(team["bob"], autocommit=True) as bob:
        changed = bob.execute("UPDATE events SET incident = 'hijacked', attrs = '{}' "
                              "WHERE uid = 'e-alice'").rowcount
    assert changed == 0
    with Corpus.open(team["bob"]) as corpus:
        span = corpus.insert_span(Span(start=7, end=15, label="actor", text="attacked",
                                       coder="bob", doc_id=1))
        corpus.insert_event(Event(1, "attack", (EventMember(span.uid, "attacker"),),
                                  uid="e-bob", coder="bob", incident="e-alice"))
    with Corpus.open(team["lee"]) as corpus:
        [hers] = [e for e in corpus.events(1) if e.uid == "e-alice"]
        assert (hers.incident, dict(hers.attrs)) == ("", {"note_code": "a"})
        assert corpus.incident_links()["e-bob"] == "e-alice"
