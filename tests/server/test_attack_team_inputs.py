"""What a careless or hostile person types at a team's server: an address with a slip in
it, a database that is not annotator's, one set up by a newer annotator, a search in
the file's syntax. Each test names a fault found so and fails until it is mended."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.model import DocumentRecord
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.roles import init_server

SECRET = "Zq9x-not-for-anyone"


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def public_objects(url: str) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The tables, functions and types in the database's public schema."""
    with psycopg.connect(url) as conn:
        return (conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                             "ORDER BY 1").fetchall(),
                conn.execute("SELECT proname FROM pg_proc WHERE pronamespace = "
                             "'public'::regnamespace ORDER BY 1").fetchall(),
                conn.execute("SELECT typname FROM pg_type WHERE typnamespace = "
                             "'public'::regnamespace ORDER BY 1").fetchall())


@pytest.mark.parametrize("slip", [" postgresql://", "POSTGRESQL://", "postgresql:/",
                                  "jdbc:postgresql://"])
def test_a_mistyped_server_address_is_never_said_with_its_password(slip: str,
                                                                   tmp_path: Path) -> None:
    url = f"{slip}alice:{SECRET}@127.0.0.1:5432/team2024"
    said = [run("stats", url), run("pull", url, tmp_path / "copy.sqlite"),
            run("import", url, tmp_path / "nothing.jsonl")]
    for result in said:
        assert result.exit_code != 0
        assert SECRET not in result.output, result.output
    assert not [p for p in tmp_path.rglob("*") if SECRET in str(p)]


def test_another_programs_database_is_refused_by_name_and_left_as_it_was(pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as other:
        other.execute("CREATE TABLE documents (id serial PRIMARY KEY, body text)")
        other.execute("INSERT INTO documents (body) VALUES ('invoice 2024-117')")
    before = public_objects(pg_url)
    result = run("server", "init", pg_url)
    assert result.exit_code != 0
    assert "tables annotator did not make" in result.output, result.output
    assert public_objects(pg_url) == before


def test_add_coder_on_a_corpus_of_a_newer_annotator_is_refused_and_changes_nothing(
        pg_url: str, tmp_path: Path) -> None:
    init_server(ServerAddress.parse(pg_url))
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("INSERT INTO annotator_migrations (name, applied_at) "
                      "VALUES ('0099_from_the_future', 'x')")
    name = f"zoe_{uuid.uuid4().hex[:8]}"
    password = tmp_path / "password"
    password.write_text("correct horse battery\n", encoding="utf-8")
    stats = run("stats", pg_url)
    assert stats.exit_code != 0 and "newer version of annotator" in stats.output
    result = run("server", "add-coder", pg_url, name, "--password-file", password)
    assert result.exit_code != 0, result.output
    assert "newer version of annotator" in result.output
    with psycopg.connect(pg_url) as admin:
        assert admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [name]).fetchone() \
            is None
        assert admin.execute("SELECT name FROM coders").fetchall() == []


def test_a_search_for_documents_without_a_word_never_finds_ones_with_it(pg_url: str) -> None:
    init_server(ServerAddress.parse(pg_url))
    with Corpus.open(pg_url) as corpus:
        add_documents(corpus, [
            DocumentRecord(text="Rebels shelled the market in Homs.", uid="with"),
            DocumentRecord(text="Soldiers withdrew from the airport.", uid="without")])
    result = run("search", pg_url, "NOT rebels", "--json")
    assert '"with"' not in result.output, result.output
