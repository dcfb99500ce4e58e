"""Work queues: coders asking at once each get a different document at once; the share
meant for two coders goes to two different ones; a coder's unfinished claim comes back
first; progress per coder and label; the queue is the lead's to fill."""

from __future__ import annotations

import threading
from collections import Counter

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusError, NotAllowed
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.roles import add_coder, init_server
from annotator.storage.work_queue import (
    claim_next,
    give_back,
    next_document,
    progress,
    queue_documents,
    queue_size,
)
from tests.server.logins import PASSWORD, login

CODERS = [f"coder{n}" for n in range(8)]



@pytest.fixture
def team(pg_url: str) -> dict[str, str]:
    address = ServerAddress.parse(pg_url)
    init_server(address)
    add_coder(address, "lee", "lead", PASSWORD)
    for name in CODERS:
        add_coder(address, name, "coder", PASSWORD)
    urls = {name: login(pg_url, name) for name in ["lee", *CODERS]}
    with Corpus.open(urls["lee"]) as corpus:
        add_documents(corpus, [DocumentRecord(text=f"Report {n}: shelling near Homs.",
                                              uid=f"doc-{n}") for n in range(40)])
    return urls


def test_coders_asking_at_once_never_get_the_same_copy(team: dict[str, str]) -> None:
    with Corpus.open(team["lee"]) as corpus:
        report = queue_documents(corpus, list(range(1, 41)), overlap=0.25, seed=3,
                                 queued_by="lee")
    assert (report.queued, report.double) == (40, 10)
    taken: list[tuple[str, int]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(CODERS))

    def work(name: str) -> None:
        try:
            with Corpus.open(team[name]) as corpus:
                start.wait()
                while (doc_id := claim_next(corpus, name)) is not None:
                    taken.append((name, doc_id))
        except BaseException as exc:  # reported below, in the test's own thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(name,)) for name in CODERS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(taken) == len(set(taken)) == 50  # 30 documents once, 10 twice
    copies = Counter(doc_id for _, doc_id in taken)
    assert sorted(Counter(copies.values()).items()) == [(1, 30), (2, 10)]
    # Everyone got work: no coder waited while another took everything.
    assert all(any(name == coder for coder, _ in taken) for name in CODERS)
    with Corpus.open(team["lee"]) as corpus:
        assert queue_size(corpus) == (0, 50)


def test_next_document_gives_back_the_unfinished_claim_first(team: dict[str, str]) -> None:
    with Corpus.open(team["lee"]) as corpus:
        queue_documents(corpus, [5, 6, 7], queued_by="lee")
    with Corpus.open(team["coder0"]) as corpus:
        first = next_document(corpus, "coder0")
        assert first == 5
        assert next_document(corpus, "coder0") == 5  # not finished: the same again
        corpus.set_status(5, "coder0", "done")
        assert next_document(corpus, "coder0") == 6
        give_back(corpus, 6, "coder0")
    with Corpus.open(team["coder1"]) as corpus:
        assert next_document(corpus, "coder1") == 6  # given back: someone else's now
    with Corpus.open(team["coder0"]) as corpus:
        assert next_document(corpus, "coder0") == 7
        corpus.set_status(7, "coder0", "done")
        assert next_document(corpus, "coder0") is None


def test_progress_per_coder_and_label(team: dict[str, str]) -> None:
    with Corpus.open(team["lee"]) as corpus:
        queue_documents(corpus, [1, 2], queued_by="lee")
    with Corpus.open(team["coder2"]) as corpus:
        doc_id = next_document(corpus, "coder2")
        assert doc_id == 1
        corpus.insert_span(Span(0, 6, "actor", "Report", "coder2", doc_id=1))
        corpus.set_status(1, "coder2", "done")
        next_document(corpus, "coder2")
    with Corpus.open(team["lee"]) as corpus:
        [row] = progress(corpus)
    assert (row.coder, row.claimed, row.done, row.in_progress) == ("coder2", 2, 1, 0)
    assert row.spans == {"actor": 1}


def test_only_a_lead_fills_the_queue_and_a_coder_cannot_claim_for_another(
        team: dict[str, str]) -> None:
    with Corpus.open(team["coder0"]) as corpus:
        with pytest.raises(NotAllowed):
            queue_documents(corpus, [1, 2])
        with pytest.raises(NotAllowed):
            claim_next(corpus, "coder1")
    with Corpus.open(team["lee"]) as corpus:
        assert queue_size(corpus) == (0, 0)


def test_a_limited_queue_serves_only_its_coders_and_a_file_has_none(
        team: dict[str, str], corpus_path) -> None:
    with Corpus.open(team["lee"]) as corpus:
        queue_documents(corpus, [3], coders=["coder3"], queued_by="lee")
    with Corpus.open(team["coder4"]) as corpus:
        assert claim_next(corpus, "coder4") is None
    with Corpus.open(team["coder3"]) as corpus:
        assert claim_next(corpus, "coder3") == 3
    with Corpus.open(corpus_path) as file_corpus:
        add_documents(file_corpus, [DocumentRecord(text="One report.")])
        assert next_document(file_corpus, "alice") == 1  # the first not done, as before
        with pytest.raises(CorpusError, match="work queues are for a team's server"):
            queue_documents(file_corpus, [1])


def test_the_lead_queues_and_follows_progress_from_the_command_line(
        team: dict[str, str]) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli

    runner = CliRunner()
    queued = runner.invoke(cli, ["server", "queue", team["lee"], "--overlap", "25%",
                                 "--limit", "8"])
    assert queued.exit_code == 0, queued.output
    assert "queued 8 documents, 2 of them for two coders" in queued.output
    again = runner.invoke(cli, ["server", "queue", team["lee"], "--limit", "8"])
    assert "queued 8 documents" in again.output  # the next eight, not the same
    with Corpus.open(team["coder5"]) as corpus:
        assert next_document(corpus, "coder5") == 1
        corpus.set_status(1, "coder5", "done")
    shown = runner.invoke(cli, ["server", "progress", team["lee"]])
    assert shown.exit_code == 0, shown.output
    assert "queue: 1 of 18 copies taken, 17 waiting" in shown.output
    assert any(line.split()[:3] == ["coder5", "1", "1"] for line in shown.output.splitlines())
    refused = runner.invoke(cli, ["server", "queue", team["coder5"]])
    assert refused.exit_code != 0 and "does not allow" in refused.output
    bad = runner.invoke(cli, ["server", "queue", team["lee"], "--overlap", "150%"])
    assert bad.exit_code == 2 and "between 0% and 100%" in bad.output


def test_done_and_next_in_a_session_takes_from_the_queue(team: dict[str, str]) -> None:
    from annotator.session.session import Session

    with Corpus.open(team["lee"]) as corpus:
        queue_documents(corpus, [9, 4, 7], queued_by="lee")  # the lead's order, not ids'
    said: list[str] = []
    session = Session(Corpus.open(team["coder6"]), "coder6")
    session.said.connect(lambda message, _ms: said.append(str(message)))
    session.open_corpus(session.corpus)
    assert session.doc_id == 9  # opening takes the first from the queue
    assert session.done_and_next() and session.doc_id == 4
    assert session.done_and_next() and session.doc_id == 7
    with Corpus.open(team["coder7"]) as other:  # someone else takes nothing of coder6's
        assert claim_next(other, "coder7") is None
    assert not session.done_and_next()
    assert any("queue is empty" in text for text in said)
    with Corpus.open(team["lee"]) as corpus:
        assert [(row.coder, row.done) for row in progress(corpus)] == [("coder6", 3)]
    session.close()
