"""Nothing lost when the network goes: an edit made while the server cannot be reached
says so, waits with any made after it, is never reported saved before it is stored,
and is stored once, in order, when the server answers again."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from annotator.session.session import Session
from annotator.storage.corpus import Corpus
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.roles import add_coder, init_server
from annotator.storage.transfer import copy_corpus
from annotator.workspace import create_corpus
from tests.server.net_cut import CuttableLink

PASSWORD = "correct horse battery"


@pytest.fixture
def link_and_urls(pg_url: str, tmp_path) -> Iterator[tuple[CuttableLink, str, str]]:
    address = ServerAddress.parse(pg_url)
    init_server(address)
    add_coder(address, "alice", "coder", PASSWORD)
    sample, _ = create_corpus(tmp_path / "sample.sqlite", sample=True)
    with sample, Corpus.open(pg_url) as server:
        copy_corpus(sample, server)
    where = urlsplit(pg_url)
    link = CuttableLink(where.hostname or "127.0.0.1", where.port or 5432)
    alice = link.url(pg_url.replace("annotator_admin@",
                                    f"alice:{PASSWORD.replace(' ', '%20')}@"))
    yield link, alice, pg_url
    link.close()


def stored(admin_url: str) -> list[tuple[str, str]]:
    with Corpus.open(admin_url) as corpus:
        return [(row[0], row[1]) for row in corpus.db.fetch_all(
            "SELECT text, coder FROM spans ORDER BY id")]


def test_edits_made_offline_wait_are_never_said_saved_and_are_stored_once_in_order(
        link_and_urls: tuple[CuttableLink, str, str]) -> None:
    link, alice_url, admin = link_and_urls
    session = Session(Corpus.open(alice_url), "alice")
    saved: list[str] = []
    waiting: list[int] = []
    session.saved.connect(lambda edit: saved.append(edit.description))
    session.waiting_for_server.connect(waiting.append)
    session.open_corpus(session.corpus)
    text = session.document.text
    first, second = "Katyusha", "Ain al-Assad"
    link.cut()
    for phrase in (first, second):
        at = text.index(phrase)
        assert session.tag(at, at + len(phrase), "actor") is None  # not stored
    assert session.history.pending == 2 and waiting == [1, 2]
    assert saved == [] and not session.history.can_undo
    assert session.undo() is False  # nothing to take back while edits wait
    assert stored(admin) == []  # the server has none of it
    assert session.pick_up_outside_changes() is False and session.history.pending == 2
    link.mend()
    # The window's watch, once: the mended link takes a new connection at once.
    session.pick_up_outside_changes()
    assert session.history.pending == 0, "the waiting edits are stored"
    assert stored(admin) == [(first, "alice"), (second, "alice")]  # once each, in order
    assert waiting[-1] == 0 and len(saved) == 2
    assert [s.text for s in session.spans] == [first, second]
    assert session.undo() and stored(admin) == [(first, "alice")]  # an ordinary step now
    session.close()


def test_a_waiting_edit_the_server_refuses_later_is_said_not_dropped_silently(
        link_and_urls: tuple[CuttableLink, str, str]) -> None:
    link, alice_url, admin = link_and_urls
    session = Session(Corpus.open(alice_url), "alice")
    failures: list[str] = []
    session.not_saved.connect(lambda message: failures.append(str(message)))
    session.open_corpus(session.corpus)
    text = session.document.text
    at = text.index("Katyusha")
    link.cut()
    session.tag(at, at + len("Katyusha"), "actor")
    assert session.history.pending == 1
    with Corpus.open(admin) as corpus:  # meanwhile the lead takes the label away
        corpus.db.execute("UPDATE labels SET name = 'gone' WHERE name = 'actor'")
        corpus.db.execute("""UPDATE settings SET value = replace(value, '"actor"', '"gone"')""")
    link.mend()
    session.pick_up_outside_changes()  # the window's watch, once
    assert session.history.pending == 0, "the waiting edit is tried again"
    assert stored(admin) == []
    assert failures and "Katyusha" in failures[-1]
    session.close()


def test_a_connection_cut_while_idle_is_made_again_without_a_word(
        link_and_urls: tuple[CuttableLink, str, str]) -> None:
    _, alice_url, admin = link_and_urls
    session = Session(Corpus.open(alice_url), "alice")
    failures: list[str] = []
    session.not_saved.connect(lambda message: failures.append(str(message)))
    session.open_corpus(session.corpus)
    first_backend = session.corpus.db.fetch_one("SELECT pg_backend_pid()")[0]
    with Corpus.open(admin) as corpus:  # the server drops the coder's connection
        corpus.db.fetch_one("SELECT pg_terminate_backend(?)", [first_backend])
    text = session.document.text
    at = text.index("Katyusha")
    span = session.tag(at, at + len("Katyusha"), "actor")
    assert span is not None and not session.history.pending and failures == []
    assert session.corpus.db.fetch_one("SELECT pg_backend_pid()")[0] != first_backend
    assert stored(admin) == [("Katyusha", "alice")]
    # The reads before the tag were answered too: the document is marked begun with it.
    assert session.corpus.status(session.doc_id, "alice") == "in progress"
    session.close()


def test_a_write_lock_held_too_long_is_said_with_whose_connection_holds_it(
        link_and_urls: tuple[CuttableLink, str, str]) -> None:
    import psycopg

    from annotator.core.model import Span
    from annotator.storage.errors import CorpusBusy
    from annotator.storage.pg.database import WRITE_LOCK

    _, alice_url, admin = link_and_urls
    with psycopg.connect(admin, autocommit=True) as holder:
        holder.execute(f"SELECT pg_advisory_lock({WRITE_LOCK})")
        with Corpus.open(alice_url) as corpus:
            corpus.set_write_wait(1.5)
            text = corpus.document(1).text
            at = text.index("Katyusha")
            with pytest.raises(CorpusBusy, match="held by annotator_admin's connection"):
                corpus.insert_span(Span(at, at + 8, "actor", "Katyusha", "alice", doc_id=1))
