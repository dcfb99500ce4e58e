"""push and pull: a file corpus up to a server and back gives back exactly what went
out (documents, codebook, spans with pieces and links, relations, document labels,
events, statuses, rejections, the whole history); a second push adds nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentRecord, KbLink, Relation, Span
from annotator.core.near_duplicates import fingerprint
from annotator.storage import near_band_runs, transfer
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import NewDocuments
from annotator.storage.transfer import TABLES

TEXT = "Gunmen attacked a checkpoint near Kirkuk on Monday, killing two soldiers."


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def span(phrase: str, label: str, coder: str, **fields: object) -> Span:
    start, end = at(phrase)
    return Span(start, end, label, phrase, coder, doc_id=1, **fields)  # type: ignore[arg-type]


def coded_file(path: Path) -> Path:
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=TEXT, uid="doc-1", title="Kirkuk"),
                               DocumentRecord(text="A quiet day in Basra.", uid="doc-2")])
        gunmen = corpus.insert_span(span("Gunmen", "actor", "alice",
                                              links=(KbLink("wikidata", "Q1", "gunmen"),)))
        place = corpus.insert_span(span("Kirkuk", "location", "alice"))
        first, last = at("checkpoint"), at("Kirkuk")
        split = Span(first[0], last[1], "location", TEXT[first[0]:last[1]], "alice", doc_id=1,
                     fragments=(first, last))
        corpus.insert_span(split)
        corpus.insert_relation(Relation(gunmen.uid, place.uid, "located in", "alice",
                                        doc_id=1))
        corpus.insert_event(Event(doc_id=1, type="attack", coder="alice",
                                  members=(EventMember(gunmen.uid, "attacker"),)))
        corpus.set_doc_label(1, "alice", "relevant", True)
        corpus.set_status(1, "alice", "done")
        suggested = corpus.insert_span(span("killing", "casualty", "alice",
                                                 origin="suggested"))
        corpus.reject_suggestion(suggested)
        corpus.set_codebook("# Our codebook\nActors are who acts.")
    return path


def initialised(url: str) -> str:
    result = CliRunner().invoke(cli, ["server", "init", url])
    assert result.exit_code == 0, result.output
    assert "ready" in result.output
    return url


def rows(corpus: Corpus) -> dict[str, list[tuple]]:
    found = {}
    for table, columns in TABLES:
        found[table] = sorted((tuple(row) for row in corpus.db.fetch_all(
            f"SELECT {columns} FROM {table}")), key=repr)
    return found


def test_push_then_pull_gives_back_exactly_what_went_out(pg_url: str, tmp_path: Path) -> None:
    original = coded_file(tmp_path / "mine.sqlite")
    runner = CliRunner()
    initialised(pg_url)
    pushed = runner.invoke(cli, ["push", str(original), pg_url])
    assert pushed.exit_code == 0, pushed.output
    assert "2 documents, 3 spans" in pushed.output and "11 history entries" in pushed.output
    back = tmp_path / "back.sqlite"
    pulled = runner.invoke(cli, ["pull", pg_url, str(back)])
    assert pulled.exit_code == 0, pulled.output
    conn = sqlite3.connect(back)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file to carry
    conn.close()
    with Corpus.open(original) as a, Corpus.open(back) as b, Corpus.open(pg_url) as server:
        assert rows(a) == rows(b) == rows(server)
        assert all(rows(a)[table] for table in ("spans", "relations", "events", "doc_labels",
                                                "rejections", "changes", "doc_status"))
        assert b.codebook() == a.codebook() == server.codebook()
        assert b.page("alice", search='"kirkuk"')[0].uid == "doc-1"


def test_a_second_push_adds_nothing_and_new_work_merges_in(pg_url: str, tmp_path: Path) -> None:
    original = coded_file(tmp_path / "mine.sqlite")
    runner = CliRunner()
    initialised(pg_url)
    assert runner.invoke(cli, ["push", str(original), pg_url]).exit_code == 0
    with Corpus.open(pg_url) as server:
        before = rows(server)
    again = runner.invoke(cli, ["push", str(original), pg_url])
    assert again.exit_code == 0, again.output
    with Corpus.open(pg_url) as server:
        assert rows(server)["spans"] == before["spans"]
        assert rows(server)["documents"] == before["documents"]
    # Work done offline on a pulled copy checks back in.
    offline = tmp_path / "offline.sqlite"
    assert runner.invoke(cli, ["pull", pg_url, str(offline)]).exit_code == 0
    with Corpus.open(offline) as corpus:
        corpus.insert_span(span("Kirkuk", "location", "bob"))
    back_in = runner.invoke(cli, ["push", str(offline), pg_url])
    assert back_in.exit_code == 0, back_in.output
    with Corpus.open(pg_url) as server:
        assert [s.text for s in server.spans(1, "bob")] == ["Kirkuk"]
        # New ids on the server do not collide with the copied ones.
        server.insert_span(span("Gunmen", "actor", "carol"))


def test_pull_never_overwrites_and_leaves_no_partial_file(pg_url: str, tmp_path: Path) -> None:
    existing = tmp_path / "existing.sqlite"
    existing.write_bytes(b"keep me")
    runner = CliRunner()
    result = runner.invoke(cli, ["pull", pg_url, str(existing)])
    assert result.exit_code != 0 and "already exists" in result.output
    assert existing.read_bytes() == b"keep me"
    missing_folder = tmp_path / "nowhere" / "c.sqlite"
    result = runner.invoke(cli, ["pull", pg_url, str(missing_folder)])
    assert result.exit_code != 0 and "does not exist" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.sqlite"]


def test_push_and_pull_refuse_a_file_where_a_server_is_wanted(tmp_path: Path) -> None:
    original = coded_file(tmp_path / "mine.sqlite")
    runner = CliRunner()
    result = runner.invoke(cli, ["push", str(original), str(tmp_path / "other.sqlite")])
    assert result.exit_code == 2 and "takes a PostgreSQL URL" in result.output
    result = runner.invoke(cli, ["pull", str(original), str(tmp_path / "copy.sqlite")])
    assert result.exit_code == 2 and "takes a PostgreSQL URL" in result.output
    assert not (tmp_path / "other.sqlite").exists() and not (tmp_path / "copy.sqlite").exists()


def test_a_lead_pushes_and_a_coder_pulls(pg_url: str, tmp_path: Path) -> None:
    from annotator.storage.pg.address import ServerAddress
    from annotator.storage.pg.roles import add_coder

    initialised(pg_url)
    address = ServerAddress.parse(pg_url)
    add_coder(address, "lee", "lead", "correct horse battery")
    add_coder(address, "alice", "coder", "correct horse battery")
    rest = pg_url.split("@", 1)[1]
    lead = f"postgresql://lee:correct%20horse%20battery@{rest}"
    coder = f"postgresql://alice:correct%20horse%20battery@{rest}"
    original = coded_file(tmp_path / "mine.sqlite")
    runner = CliRunner()
    pushed = runner.invoke(cli, ["push", str(original), lead])
    assert pushed.exit_code == 0, pushed.output
    with Corpus.open(coder) as corpus:  # new ids on the server follow the copied ones
        corpus.insert_span(span("Gunmen", "actor", "alice"))
    pulled = runner.invoke(cli, ["pull", coder, str(tmp_path / "copy.sqlite")])
    assert pulled.exit_code == 0, pulled.output
    with Corpus.open(tmp_path / "copy.sqlite") as copy:
        assert len(copy.spans(1)) == len(rows(Corpus.open(original))["spans"]) + 1


def test_push_and_pull_read_in_small_batches_carry_every_row(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each table read a batch at a time after the last row's key: two rows a batch here,
    with rows that share the key's first column (statuses and labels of several coders
    on one document) and band keys in each of a file's runs."""
    monkeypatch.setattr(transfer, "BATCH", 2)
    monkeypatch.setattr(near_band_runs, "MERGE_AT",
                        {"near_bands_new": 40, "near_bands_recent": 100})
    original = coded_file(tmp_path / "mine.sqlite")
    with Corpus.open(original) as corpus:
        add_documents(corpus, [DocumentRecord(text=" ".join(f"word{n} of story {k}"
                                                             for n in range(40)),
                                              uid=f"story-{k}") for k in range(7)])
        for coder in ("bob", "carol", "dan"):
            for doc in (1, 2, 3):
                corpus.set_status(doc, coder, "done" if doc != 2 else "skipped")
                corpus.set_doc_label(doc, coder, "relevant", doc % 2 == 1)
                corpus.set_doc_label(doc, coder, "topic", "attack")
        near = NewDocuments(corpus)
        for doc in range(1, 10):  # a document a batch: 32 keys each, merged on the way
            found = fingerprint(corpus.document(doc).text)
            near.store([(doc, found)])
        runs = {run: corpus.db.fetch_all(f"SELECT key, doc_id FROM {run}")
                for run in near_band_runs.RUNS}
        assert all(runs.values()), {run: len(found) for run, found in runs.items()}
        keys = sorted(tuple(row) for found in runs.values() for row in found)
    initialised(pg_url)
    pushed = CliRunner().invoke(cli, ["push", str(original), pg_url])
    assert pushed.exit_code == 0, pushed.output
    back = tmp_path / "back.sqlite"
    pulled = CliRunner().invoke(cli, ["pull", pg_url, str(back)])
    assert pulled.exit_code == 0, pulled.output
    with Corpus.open(original) as a, Corpus.open(back) as b, Corpus.open(pg_url) as server:
        mine, theirs, returned = rows(a), rows(server), rows(b)
        assert len(mine["doc_status"]) == 10 and len(mine["doc_labels"]) == 19
        for table, _columns in TABLES:
            if table != "near_bands":
                assert mine[table] == theirs[table] == returned[table], table
        assert sorted(theirs["near_bands"]) == sorted(returned["near_bands"]) == keys


def _at_a_terminal_stopped_once_under_way(args: list[str]) -> tuple[int, str, str]:
    """The command run with standard error a terminal; Ctrl+C once its bar shows some
    of the rows copied. Its exit status, standard output and what it drew."""
    import os
    import pty
    import re
    import signal
    import subprocess
    import sys

    from tests.cli.test_long_commands import _read_until
    from tests.conftest import REPO

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "annotator", *args], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    drawn = b""
    while not re.search(rb"\b[1-9]\d?%", drawn):
        try:
            more = os.read(leader, 4096)  # blocks until the command draws again
        except OSError:  # it ended and closed its end
            more = b""
        assert more, f"it ended before any progress: {drawn[-300:]!r}"
        drawn += more
    process.send_signal(signal.SIGINT)
    drawn += _read_until(leader, lambda: False)
    os.close(leader)
    out, _ = process.communicate(timeout=120)
    return process.returncode, out, drawn.decode("utf-8", "replace")


def test_push_and_pull_draw_their_progress_and_ctrl_c_copies_nothing(
        pg_url: str, tmp_path: Path) -> None:
    from annotator.bench.synthetic import articles, write_jsonl

    source, original = tmp_path / "many.jsonl", tmp_path / "mine.sqlite"
    write_jsonl(source, articles(3000, seed=12))
    assert CliRunner().invoke(cli, ["import", str(original), str(source),
                                    "--coder", "a"]).exit_code == 0
    initialised(pg_url)
    status, _out, drawn = _at_a_terminal_stopped_once_under_way(["push", str(original),
                                                                  pg_url])
    assert "pushing mine.sqlite" in drawn and "Traceback" not in drawn
    assert status == 130 and "stopped on request; nothing was copied" in drawn
    with Corpus.open(pg_url) as server:
        assert server.document_count() == 0
    pushed = CliRunner().invoke(cli, ["push", str(original), pg_url])
    assert pushed.exit_code == 0 and "3000 documents" in pushed.output
    back = tmp_path / "back.sqlite"
    status, _out, drawn = _at_a_terminal_stopped_once_under_way(["pull", pg_url, str(back)])
    assert "pulling into back.sqlite" in drawn
    assert status == 130 and "stopped on request; nothing was copied" in drawn
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl", "mine.sqlite"]
