"""The network failing at the worst moments: the server commits an edit and its answer
is lost on the way back; another coder's change lands while this coder's connection
is down. What the coder is told must be what the server holds."""

from __future__ import annotations

import contextlib
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from annotator.core.model import Span
from annotator.session.session import Session
from annotator.storage.corpus import Corpus
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.roles import add_coder, init_server
from annotator.storage.transfer import copy_corpus
from annotator.workspace import create_corpus
from tests.server.net_cut import CuttableLink

PASSWORD = "correct horse battery"


class AnswerLosingLink:
    """A TCP hop to the server that, once ``arm``ed, lets the next COMMIT through and
    loses the server's answer to it: the connection dies after the server committed,
    before the client hears so (a laptop's network going at that instant)."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._armed = threading.Event()
        self.lost = threading.Event()  # an answer to a COMMIT was thrown away
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, url: str) -> str:
        parts = urlsplit(url)
        login = parts.netloc.rsplit("@", 1)[0] + "@" if "@" in parts.netloc else ""
        return urlunsplit(parts._replace(netloc=f"{login}127.0.0.1:{self.port}"))

    def arm(self) -> None:
        self.lost.clear()
        self._armed.set()

    def close(self) -> None:
        self.listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            state = _Relay(client, server)
            threading.Thread(target=self._up, args=(state,), daemon=True).start()
            threading.Thread(target=self._down, args=(state,), daemon=True).start()

    def _up(self, relay: _Relay) -> None:
        try:
            while data := relay.client.recv(65536):
                # The statement text travels as itself in both the simple and the
                # extended protocol, ended by a NUL.
                if self._armed.is_set() and b"COMMIT\x00" in data:
                    self._armed.clear()
                    relay.commit_sent = True
                relay.server.sendall(data)
        except OSError:
            pass
        finally:
            relay.close()

    def _down(self, relay: _Relay) -> None:
        try:
            while data := relay.server.recv(65536):
                if relay.commit_sent:  # the server's answer: committed; never delivered
                    self.lost.set()
                    break
                relay.client.sendall(data)
        except OSError:
            pass
        finally:
            relay.close()


@dataclass
class _Relay:
    client: socket.socket
    server: socket.socket
    commit_sent: bool = False

    def close(self) -> None:
        for sock in (self.client, self.server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()


@pytest.fixture
def team(pg_url: str) -> dict[str, str]:
    address = ServerAddress.parse(pg_url)
    init_server(address)
    for name in ("alice", "bob"):
        add_coder(address, name, "coder", PASSWORD)
    sample, _ = create_corpus(Path(tempfile.mkdtemp(prefix="sample-")) / "sample.sqlite",
                              sample=True)
    with sample, Corpus.open(pg_url) as server:
        copy_corpus(sample, server)
    rest = pg_url.split("@", 1)[1]
    return {"admin": pg_url,
            **{n: f"postgresql://{n}:{PASSWORD.replace(' ', '%20')}@{rest}"
               for n in ("alice", "bob")}}


@dataclass
class Watched:
    session: Session
    saved: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@pytest.fixture
def alice_through_a_lossy_link(team: dict[str, str]) -> Iterator[tuple[Watched, AnswerLosingLink]]:
    where = urlsplit(team["admin"])
    link = AnswerLosingLink(where.hostname or "127.0.0.1", where.port or 5432)
    session = Session(Corpus.open(link.url(team["alice"])), "alice")
    watched = Watched(session)
    session.saved.connect(lambda edit: watched.saved.append(edit.description))
    session.not_saved.connect(lambda message: watched.failed.append(str(message)))
    session.open_corpus(session.corpus)
    yield watched, link
    session.close()
    link.close()


def stored(admin: str) -> list[tuple[str, str]]:
    with Corpus.open(admin) as corpus:
        return [(row[0], row[1]) for row in corpus.db.fetch_all(
            "SELECT text, coder FROM spans ORDER BY id")]


def _tag(session: Session) -> None:
    assert session.document is not None
    at = session.document.text.index("Ain al-Assad")
    session.tag(at, at + len("Ain al-Assad"), "actor")


def _mark_done(session: Session) -> None:
    session.set_status("done")


def _remove(session: Session) -> None:
    [katyusha] = [span for span in session.spans if span.text == "Katyusha"]
    session.remove(katyusha)


@pytest.mark.parametrize("edit, then", [
    pytest.param(_tag, [("Katyusha", "alice"), ("Ain al-Assad", "alice")], id="tag"),
    pytest.param(_mark_done, [("Katyusha", "alice")], id="mark done"),
    pytest.param(_remove, [], id="remove a span"),
])
def test_an_edit_the_server_committed_but_whose_answer_was_lost_counts_as_saved(
        team: dict[str, str], alice_through_a_lossy_link: tuple[Watched, AnswerLosingLink],
        edit: Callable[[Session], None], then: list[tuple[str, str]]) -> None:
    watched, link = alice_through_a_lossy_link
    session = watched.session
    assert session.document is not None
    at = session.document.text.index("Katyusha")
    assert session.tag(at, at + len("Katyusha"), "actor") is not None  # an ordinary one
    link.arm()
    edit(session)
    assert link.lost.is_set()  # the server committed; its answer never came
    assert stored(team["admin"]) == then
    assert watched.failed == []
    assert session.history.undo_text == watched.saved[-1]
    assert len(watched.saved) == 2


def test_an_undo_the_server_committed_but_whose_answer_was_lost_counts_as_done(
        team: dict[str, str], alice_through_a_lossy_link: tuple[Watched, AnswerLosingLink]
        ) -> None:
    watched, link = alice_through_a_lossy_link
    session = watched.session
    assert session.document is not None
    at = session.document.text.index("Katyusha")
    assert session.tag(at, at + len("Katyusha"), "actor") is not None
    link.arm()
    session.undo()
    assert link.lost.is_set()
    assert stored(team["admin"]) == []
    assert watched.failed == []
    assert session.history.can_redo and session.redo()
    assert stored(team["admin"]) == [("Katyusha", "alice")]


def test_a_change_made_while_the_connection_was_down_is_shown_once_it_is_back(
        team: dict[str, str]) -> None:
    where = urlsplit(team["admin"])
    link = CuttableLink(where.hostname or "127.0.0.1", where.port or 5432)
    session = Session(Corpus.open(link.url(team["alice"])), "alice")
    try:
        session.open_corpus(session.corpus)
        session.set_show_all_coders(True)
        assert session.document is not None and session.doc_id is not None
        text, doc_id = session.document.text, session.doc_id
        link.cut()
        with Corpus.open(team["bob"]) as bob:
            at = text.index("Katyusha")
            bob.insert_span(Span(start=at, end=at + len("Katyusha"), label="actor",
                                 text="Katyusha", coder="bob", doc_id=doc_id))
        assert session.pick_up_outside_changes() is False  # out of reach
        link.mend()
        # What the window's watch does, four times a second.
        # The window's watch, once: the connection is made again and the corpus reread.
        assert session.pick_up_outside_changes(), \
            "bob's span, made while alice's connection was down, never showed"
        assert [span.text for span in session.spans] == ["Katyusha"]
    finally:
        session.close()
        link.close()
