"""Corpus files kept safe: refused when foreign or damaged, copied before upgrades,
backed up while open, and every edit restorable from the change log."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.model import DocumentRecord, Span
from annotator.storage import migrations
from annotator.storage.backups import backup_folder, rolling_backup
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.errors import CorpusConflict
from annotator.storage.history import changes, restore
from tests.conftest import damaged_corpus

TEXT = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed."


def span(phrase: str, label: str, doc_id: int) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase,
                coder="alice", doc_id=doc_id)


def test_a_damaged_corpus_is_named_and_left_as_it_was(tmp_path: Path) -> None:
    path = damaged_corpus(tmp_path / "damaged.sqlite")
    damaged = path.read_bytes()
    with pytest.raises(CorpusError, match="damaged"):
        Corpus.open(path, check=True)
    assert path.read_bytes() == damaged


def test_an_older_corpus_is_copied_aside_before_it_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.migrations.apply(db, stop_before="0002_schema_events_details")
    db.execute("INSERT INTO documents (uid, title, text, sha256, imported_at) "
               "VALUES ('d', 't', 'old text', 's', 'now')")
    db.conn.commit()
    db.conn.close()
    with Corpus.open(path) as corpus:
        assert corpus.document_count() == 1
        assert corpus.events(1) == []  # the new tables are there
    copy = tmp_path / "old.sqlite.before-0002_schema_events_details"
    assert copy.exists()
    old = sqlite3.connect(copy)
    assert [r[0] for r in old.execute("SELECT name FROM _sqlite_migrations")] == ["0001_initial"]
    assert old.execute("SELECT text FROM documents").fetchone() == ("old text",)
    old.close()


def test_backup_while_another_connection_writes(tmp_path: Path) -> None:
    path = tmp_path / "live.sqlite"
    with Corpus.open(path) as corpus, Corpus.open(path) as window:
        [result] = add_documents(corpus, [DocumentRecord(text=TEXT)])
        window.insert_span(span("Kirkuk", "location", result.doc_id))  # not checkpointed yet
        copy = corpus.backup(tmp_path / "copy.sqlite")
    with Corpus.open(copy) as restored:
        assert [s.text for s in restored.spans(1)] == ["Kirkuk"]
        assert restored.check() == []


def test_rolling_backups_keep_the_last_few_and_skip_when_nothing_changed(tmp_path: Path) -> None:
    path = tmp_path / "daily.sqlite"
    root = tmp_path / "backups"
    made = []
    for number in range(7):
        with Corpus.open(path) as corpus:
            add_documents(corpus, [DocumentRecord(text=f"Report {number}")])
        copy = rolling_backup(path, root, keep=5)
        assert copy is not None
        made.append(copy)
        # Dated a second before the corpus, so the next change counts as newer however
        # coarse the file system's clock is (no waiting on the clock).
        older = path.stat().st_mtime - 1
        os.utime(copy, (older, older))
    last = made[-1]
    os.utime(last, None)  # the newest copy: taken after the last change
    assert rolling_backup(path, root, keep=5) is None  # unchanged since the last copy
    kept = sorted(backup_folder(root, path).glob("*.sqlite"))
    assert [p.name for p in kept] == [p.name for p in made[-5:]]
    with Corpus.open(kept[-1]) as newest:
        assert newest.document_count() == 7


def test_restore_a_document_and_a_span_from_the_log(corpus: Corpus) -> None:
    [result] = add_documents(corpus, [DocumentRecord(text=TEXT)])
    doc_id = result.doc_id
    kirkuk = corpus.insert_span(span("Kirkuk", "location", doc_id))
    corpus.set_status(doc_id, "alice", "in progress")
    checkpoint = changes(corpus)[-1].id
    soldiers = corpus.insert_span(span("two soldiers", "casualty", doc_id))
    corpus.replace_span(kirkuk, Span(**{**{f: getattr(kirkuk, f) for f in Span.__slots__},
                                        "label": "actor"}))
    corpus.delete_span(corpus.span(kirkuk.uid))
    corpus.set_status(doc_id, "alice", "done")
    assert [s.text for s in corpus.spans(doc_id)] == ["two soldiers"]

    undone = restore(corpus, checkpoint, "alice", span_uid=kirkuk.uid)
    assert undone == 2
    assert [(s.text, s.label) for s in corpus.spans(doc_id)] == [("Kirkuk", "location"),
                                                                 ("two soldiers", "casualty")]
    restore(corpus, checkpoint, "alice", doc_id=doc_id)
    assert [(s.text, s.label) for s in corpus.spans(doc_id)] == [("Kirkuk", "location")]
    assert corpus.status(doc_id, "alice") == "in progress"
    assert soldiers.uid not in {s.uid for s in corpus.spans(doc_id)}
    # The log kept all of it, restores included.
    assert len(changes(corpus, doc_id=doc_id)) > 6


def test_two_writers_on_one_span_the_stale_one_is_refused_not_the_first_lost(
        tmp_path: Path) -> None:
    path = tmp_path / "two.sqlite"
    with Corpus.open(path) as first, Corpus.open(path) as second:
        [result] = add_documents(first, [DocumentRecord(text=TEXT)])
        kirkuk = first.insert_span(span("Kirkuk", "location", result.doc_id))
        relabel = {f: getattr(kirkuk, f) for f in Span.__slots__}
        first.replace_span(kirkuk, Span(**{**relabel, "label": "actor"}))
        # The second writer still shows the span as it was: its change would overwrite
        # the first's without a word, so it is refused and the first's is kept.
        with pytest.raises(CorpusConflict, match="changed elsewhere"):
            second.replace_span(kirkuk, Span(**{**relabel, "label": "casualty"}))
        with pytest.raises(CorpusConflict, match="changed elsewhere"):
            second.delete_span(kirkuk, alone=True)
        assert first.span(kirkuk.uid).label == "actor"
        logged = [(c.before["label"], c.after["label"])
                  for c in changes(first, span_uid=kirkuk.uid) if c.action == "change span"]
        assert logged == [("location", "actor")]
        second.delete_span(second.span(kirkuk.uid))
        with pytest.raises(CorpusError, match="removed elsewhere"):
            first.replace_span(kirkuk, Span(**{**relabel, "label": "actor"}))


def test_a_cancelled_backup_leaves_no_file(tmp_path: Path) -> None:
    from annotator.storage.connection import BackupCancelled, backup_copy

    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text="x" * 5000 + str(n)) for n in range(400)])
        with pytest.raises(BackupCancelled):
            backup_copy(corpus.db, tmp_path / "copy.sqlite", cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == []
