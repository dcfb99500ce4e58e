"""Push, pull and import against a team's server, careless and hostile: a damaged file
pushed, two pushes at once, a pull while others write, data a file takes that the
server stumbles on. Each test names a fault found so and fails until it is mended."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusError
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.database import WRITE_LOCK
from annotator.storage.pg.roles import init_server
from annotator.storage.transfer import is_empty, pull_to_file
from annotator.workspace import create_corpus
from tests.conftest import REPO

HOSTILE = REPO / "tests" / "data" / "hostile"
TEXT = "Gunmen attacked a checkpoint near Kirkuk on Monday, killing two soldiers."


def run(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args])


def handled(result: Result) -> bool:
    """The command ended with a message of its own (or none was needed), no traceback."""
    return result.exception is None or isinstance(result.exception, SystemExit | CorpusError)


@pytest.fixture
def server_corpus(pg_url: str) -> str:
    init_server(ServerAddress.parse(pg_url))
    return pg_url


def test_pushing_a_file_whose_rows_name_missing_rows_is_refused_by_name(
        server_corpus: str, tmp_path: Path) -> None:
    # bob's corpus, an event member naming a span that is not there written into it by hand
    damaged = Path(shutil.copy(HOSTILE / "merge-events.sqlite", tmp_path / "bob.sqlite"))
    result = run("push", damaged, server_corpus)
    assert handled(result), result.exception
    assert result.exit_code != 0 and "bob.sqlite" in result.output
    with Corpus.open(server_corpus) as corpus:
        assert is_empty(corpus)


def test_two_pushes_into_one_empty_corpus_at_once(server_corpus: str, tmp_path: Path) -> None:
    files = []
    for name in ("ann", "ben"):
        made, _ = create_corpus(tmp_path / f"{name}.sqlite", sample=True)
        made.close()
        files.append(tmp_path / f"{name}.sqlite")
    # Both pushes are let go at one moment: the corpus's write lock is held until each
    # waits for it, having found the corpus empty.
    with psycopg.connect(server_corpus, autocommit=True) as holder:
        holder.execute(f"SELECT pg_advisory_lock({WRITE_LOCK})")
        pushes = [subprocess.Popen([sys.executable, "-m", "annotator", "push", str(f),
                                    server_corpus], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True) for f in files]
        # Each push says when it has waited a second for the lock: then both are
        # waiting, each having found the corpus empty.
        first_lines = []
        for push in pushes:
            assert push.stderr is not None
            first_lines.append(push.stderr.readline())
        assert all("waiting for another program" in line for line in first_lines), first_lines
        holder.execute(f"SELECT pg_advisory_unlock({WRITE_LOCK})")
        said = [(out, first + err) for (out, err), first in zip(
            (p.communicate(timeout=120) for p in pushes), first_lines, strict=True)]
    for push, (out, err) in zip(pushes, said, strict=True):
        assert "Traceback" not in err, err
        assert push.returncode in (0, 1), (out, err)
    with Corpus.open(server_corpus) as corpus:
        assert corpus.document_count() == 4  # the sample's four, once


def _history_and_spans_agree(path: Path) -> None:
    """Every span the file's history says is there is there, and every status's document."""
    conn = sqlite3.connect(path)
    try:
        alive: set[str] = set()
        for action, uid in conn.execute("SELECT action, span_uid FROM changes ORDER BY id"):
            if action == "add span":
                alive.add(uid)
            elif action == "remove span":
                alive.discard(uid)
        spans = {row[0] for row in conn.execute("SELECT uid FROM spans")}
        orphans = conn.execute("SELECT count(*) FROM doc_status WHERE doc_id NOT IN "
                               "(SELECT id FROM documents)").fetchone()[0]
    finally:
        conn.close()
    assert spans == alive
    assert orphans == 0


def _a_coder_tags(writer: Corpus) -> Callable[[str, int], None]:
    """Once the pull has copied the spans, a coder tags and marks the document."""
    done: list[bool] = []

    def step(table: str, copied: int) -> None:
        if table == "doc_status" and not done:
            done.append(True)
            writer.insert_span(Span(start=7, end=15, label="actor", text="attacked",
                                    coder="bob", doc_id=1))
    return step


def _a_lead_imports(writer: Corpus) -> Callable[[str, int], None]:
    """Once the pull has copied the documents, a lead imports one and a coder starts it."""
    done: list[bool] = []

    def step(table: str, copied: int) -> None:
        if table == "documents" and not done:
            done.append(True)
            add_documents(writer, [DocumentRecord(text="Shelling near Homs.", uid="doc-2")])
            writer.set_status(2, "bob", "in progress")
    return step


@pytest.mark.parametrize("meanwhile", [_a_coder_tags, _a_lead_imports],
                         ids=["a coder tags", "a lead imports"])
def test_a_pull_while_others_write_is_the_corpus_at_one_moment(
        server_corpus: str, tmp_path: Path,
        meanwhile: Callable[[Corpus], Callable[[str, int], None]]) -> None:
    with Corpus.open(server_corpus) as corpus:
        add_documents(corpus, [DocumentRecord(text=TEXT, uid="doc-1")])
        corpus.insert_span(Span(start=0, end=6, label="actor", text="Gunmen", coder="alice",
                                doc_id=1))
        corpus.set_status(1, "alice", "in progress")
    target = tmp_path / "pulled.sqlite"
    with Corpus.open(server_corpus) as writer, Corpus.open(server_corpus) as source:
        pull_to_file(source, target, meanwhile(writer))
    _history_and_spans_agree(target)


def test_a_text_a_file_takes_is_stored_on_a_server_too(server_corpus: str) -> None:
    # A casualty list: under a million characters, each entry a word of its own.
    text = " ".join(f"casualty{n:06d}" for n in range(64_000))[:990_000]
    with Corpus.open(server_corpus) as corpus:
        [added] = add_documents(corpus, [DocumentRecord(text=text, uid="list")])
        assert added.outcome == "added"
        assert corpus.document(1).text == text


def test_an_import_a_file_takes_whole_is_taken_whole_by_a_server(server_corpus: str,
                                                                 tmp_path: Path) -> None:
    source = tmp_path / "wire.jsonl"
    long_id = "".join(chr(0x4E00 + (n * 7919) % 20000) for n in range(3000))  # 9,000 bytes
    source.write_text("\n".join(json.dumps(record, ensure_ascii=False) for record in (
        {"id": long_id, "text": "A report filed under a long reference."},
        {"id": "next", "text": "Shelling near Homs."})) + "\n", encoding="utf-8")
    on_file = run("import", tmp_path / "file.sqlite", source)
    assert on_file.exit_code == 0, on_file.output
    on_server = run("import", server_corpus, source)
    assert "connection to the server was lost" not in on_server.output
    assert on_server.exit_code == 0, on_server.output
    with Corpus.open(server_corpus) as corpus:
        assert corpus.document_count() == 2


def test_a_pull_to_a_name_too_long_for_the_disk_is_refused_by_name(server_corpus: str,
                                                                   tmp_path: Path) -> None:
    target = tmp_path / ("report-" * 40 + ".sqlite")  # 287 bytes: most systems stop at 255
    result = run("pull", server_corpus, target)
    assert handled(result), result.exception
    assert result.exit_code != 0 and "report-report-" in result.output
    assert list(tmp_path.iterdir()) == []
