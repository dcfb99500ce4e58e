"""What an attacker's review found, each tried again the way it was found.

Names SQLite uses beside a corpus, paths given relative to the working folder,
files moved or linked while open, leftovers beside a backup target, creations cut
short, read-only and full disks, absurd numbers.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusFileInUse, CorpusMoved
from tests.conftest import REPO, SAMPLE_ARTICLE

COMMAND = [sys.executable, "-m", "annotator"]


def run(*args: object, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([*COMMAND, *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          env=env)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sample_corpus(path: Path) -> Path:
    assert run("import", path, SAMPLE_ARTICLE).returncode == 0
    return path


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_corpus_named_like_another_corpus_companion_is_refused_both_ways(
    tmp_path: Path, suffix: str,
) -> None:
    other = sample_corpus(tmp_path / f"conflict{suffix}")
    before = digest(other)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sample_corpus(elsewhere / "conflict").rename(tmp_path / "conflict")  # put beside it
    for args in (["stats", tmp_path / "conflict"], ["import", tmp_path / "conflict",
                                                    SAMPLE_ARTICLE],
                 ["import", tmp_path / "new", SAMPLE_ARTICLE]):
        if args[1] == tmp_path / "new":  # a new corpus, its -wal name taken by a corpus
            (tmp_path / "conflict").rename(elsewhere / "conflict")
            other.rename(tmp_path / f"new{suffix}")
            other = tmp_path / f"new{suffix}"
        result = run(*args)
        assert result.returncode != 0, args
        assert "SQLite would read, overwrite or delete it" in result.stderr, result.stderr
        assert digest(other) == before
    # The other way round: the corpus exists, and a new one would take its -wal's name.
    base = sample_corpus(tmp_path / "reports")
    result = run("import", tmp_path / f"reports{suffix}", SAMPLE_ARTICLE)
    assert result.returncode != 0
    assert f"its name is the {suffix[1:]} file of reports" in result.stderr
    assert run("stats", base).returncode == 0


def test_relative_paths_cannot_remove_or_replace_an_open_corpus(tmp_path: Path,
                                                                monkeypatch) -> None:
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text="Kirkuk", uid="d")])
    (tmp_path / "junk").write_text("x")
    monkeypatch.chdir(tmp_path)
    with Corpus.open(path):
        for act in (lambda: os.remove("c.sqlite-shm"), lambda: os.replace("junk", "c.sqlite"),
                    lambda: os.rename("c.sqlite", "moved.sqlite")):
            with pytest.raises(CorpusFileInUse):
                act()
    with Corpus.open(path) as corpus:
        assert corpus.document_count() == 1


def test_a_split_or_folder_export_never_lands_on_the_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "train.jsonl"
    assert run("init", corpus, "--sample").returncode == 0
    before = digest(corpus)
    result = run("export", "train.jsonl", "--split", "50/50", "-o", ".", cwd=tmp_path)
    assert result.returncode != 0
    assert "writing there would destroy it" in result.stderr, result.stderr
    assert not (tmp_path / "dev.jsonl").exists()  # nothing moved in before the refusal
    assert digest(corpus) == before
    brat = tmp_path / "b"
    brat.mkdir()
    conf = brat / "annotation.conf"
    assert run("init", conf, "--sample").returncode == 0
    result = run("export", conf, "--format", "brat", "-o", brat)
    assert result.returncode != 0 and "writing there would destroy it" in result.stderr
    assert run("stats", conf).returncode == 0


def test_a_corpus_moved_or_deleted_while_open_stops_saving_and_keeps_what_was_saved(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.sqlite"
    text = "Militants attacked a checkpoint near Kirkuk."
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=text, uid="d")])
    corpus = Corpus.open(path)
    saved = corpus.insert_span(Span(start=37, end=43, label="location", text="Kirkuk",
                                    coder="alice", doc_id=1))
    # Another program moves it (this process refuses to: its guard holds the file).
    subprocess.run(["mv", str(path), str(tmp_path / "moved.sqlite")], check=True)
    with pytest.raises(CorpusMoved, match="moved, renamed or deleted while open"):
        corpus.insert_span(Span(start=0, end=9, label="actor", text="Militants", coder="alice",
                                doc_id=1))
    corpus.close()
    with Corpus.open(tmp_path / "moved.sqlite") as moved:
        assert [s.uid for s in moved.spans(1)] == [saved.uid]
    again = Corpus.open(tmp_path / "moved.sqlite")
    subprocess.run(["rm", str(tmp_path / "moved.sqlite")], check=True)
    with pytest.raises(CorpusMoved, match="moved, renamed or deleted while open"):
        again.set_status(1, "alice", "done")
    again.close()


def test_a_corpus_with_a_second_hard_link_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = sample_corpus(tmp_path / "c.sqlite")
    (tmp_path / "other-name.sqlite").hardlink_to(path)
    before = digest(path)
    for args in (["stats", path], ["suggest", path], ["export", path, "-o", tmp_path / "o.jsonl"],
                 ["stats", tmp_path / "other-name.sqlite"]):
        result = run(*args)
        assert result.returncode != 0, args
        assert "has another name (a hard link" in result.stderr, result.stderr
    assert digest(path) == before
    assert not (tmp_path / "c.sqlite-wal").exists()


def test_a_backup_target_with_leftovers_beside_it_is_refused(tmp_path: Path) -> None:
    source = sample_corpus(tmp_path / "other.sqlite")
    (tmp_path / "c.sqlite-wal").write_bytes(b"\x37\x7f\x06\x82" + bytes(60))
    result = run("backup", source, "-o", tmp_path / "c.sqlite")
    assert result.returncode != 0
    assert "c.sqlite-wal is beside it" in result.stderr, result.stderr
    assert not (tmp_path / "c.sqlite").exists()


def test_a_creation_cut_short_can_be_finished_and_other_databases_are_left_alone(
    tmp_path: Path,
) -> None:
    cut = tmp_path / "cut.sqlite"
    conn = sqlite3.connect(cut)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, "
                 "name TEXT, applied_at TEXT)")
    conn.execute("CREATE UNIQUE INDEX idx__sqlite_migrations_migration_set_name "
                 "ON _sqlite_migrations (migration_set, name)")
    conn.close()
    assert run("import", cut, SAMPLE_ARTICLE).returncode == 0
    assert run("stats", cut).returncode == 0
    for name, setup in (("seq.sqlite", "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT);"
                                       "INSERT INTO t VALUES (NULL); DROP TABLE t"),
                        ("stat.sqlite", "CREATE TABLE t (x); CREATE INDEX i ON t(x); ANALYZE;"
                                        "DROP TABLE t"),
                        ("mine.sqlite", "CREATE TABLE _sqlite_mine (x)")):
        path = tmp_path / name
        conn = sqlite3.connect(path)
        conn.executescript(setup)
        conn.close()
        before = digest(path)
        for args in (["stats", path], ["import", path, SAMPLE_ARTICLE]):
            result = run(*args)
            assert result.returncode != 0, (name, args)
            assert "not an annotator corpus" in result.stderr, result.stderr
        assert digest(path) == before


def test_folders_named_like_a_corpus_companion_are_refused_and_named(tmp_path: Path) -> None:
    path = sample_corpus(tmp_path / "c.sqlite")
    for args in (["export", path, "-o", tmp_path / "c.sqlite-journal" / "x.jsonl"],
                 ["assign", path, "--coders", "a,b", "-o", tmp_path / "c.sqlite-journal"],
                 ["assign", path, "--coders", "a,b", "-o", tmp_path / "c.sqlite-wal"]):
        result = run(*args)
        assert result.returncode != 0, args
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "c.sqlite-journal").exists()
    (tmp_path / "c.sqlite-journal").mkdir()  # made by hand: the corpus says what is in the way
    result = run("stats", path)
    assert result.returncode != 0
    assert "c.sqlite-journal is in the way" in result.stderr, result.stderr


def test_read_only_targets_and_absurd_numbers_get_messages(tmp_path: Path,
                                                           read_only_folder) -> None:
    path = sample_corpus(tmp_path / "c.sqlite")
    [read_only_copy] = read_only_folder(path)
    for args in (["merge", read_only_copy, path], ["backup", path, "-o",
                                                   read_only_copy.parent / "x.sqlite"],
                 ["history", path, "--limit", "9" * 30], ["history", path, "--doc", "9" * 30],
                 ["restore", path, "--doc", "1", "--to", "9" * 30],
                 ["search", path, "the", "--limit", "9" * 30],
                 ["suggest", path, "--doc", "9" * 30], ["agree", path, "--coders", "a,a"],
                 ["export", path, "-o", f"{tmp_path}/newdir/"],
                 ["backup", path, "-o", f"{tmp_path}/newdir2/"]):
        result = run(*args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        if "--limit" in args:
            assert result.returncode == 0  # as many as there are
            continue
        assert result.returncode != 0, args
        assert result.stderr.strip(), args
    assert not (tmp_path / "newdir").exists() and not (tmp_path / "newdir2").exists()


def test_a_corpus_that_cannot_be_made_on_a_full_disk_leaves_no_empty_file(
    small_disk: Path,
) -> None:
    (small_disk / "filler").write_bytes(b"\0" * (2 * 1024 * 1024 - 4096))
    for args in (["init", small_disk / "new.sqlite", "--sample"],
                 ["import", small_disk / "new2.sqlite", SAMPLE_ARTICLE]):
        result = run(*args)
        assert result.returncode != 0
        assert "disk is full" in result.stderr, result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_copy_taken_without_its_wal_says_where_its_content_is(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Corpus.open(path) as corpus:  # made, then copied while open: all of it in the WAL
        corpus.db.execute("PRAGMA wal_autocheckpoint = 0")
        add_documents(corpus, [DocumentRecord(text="Kirkuk", uid="d")])
        copy = subprocess.run(["cp", str(path), str(tmp_path / "copy.sqlite")], check=True)
    assert copy.returncode == 0
    result = run("stats", tmp_path / "copy.sqlite")
    assert result.returncode != 0
    assert "copy.sqlite-wal file left behind" in result.stderr, result.stderr


def test_outputs_that_belong_to_something_else_are_refused_or_written_through(
    tmp_path: Path,
) -> None:
    path = sample_corpus(tmp_path / "c.sqlite")
    other = sample_corpus(tmp_path / "other.sqlite")
    (tmp_path / "notes.sqlite-shm").write_text("my notes\n")
    before = digest(other)
    for args in (["export", path, "-o", other], ["agree", path, "--html", other],
                 ["export", path, "-o", f"{other}-wal"],
                 ["export", path, "-o", "/dev/null"], ["agree", path, "--coders", "a,a,b"],
                 ["agree", path, "--html", f"{tmp_path}/x/"]):
        result = run(*args)
        assert result.returncode != 0, args
        assert "Traceback" not in result.stderr and result.stderr.strip(), args
    assert digest(other) == before and Path("/dev/null").is_char_device()
    result = run("init", tmp_path / "notes.sqlite")
    assert result.returncode != 0 and "not SQLite's shared-memory file" in result.stderr
    assert (tmp_path / "notes.sqlite-shm").read_text() == "my notes\n"
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link.jsonl").symlink_to(real / "out.jsonl")
    assert run("export", path, "-o", tmp_path / "link.jsonl").returncode == 0
    assert (tmp_path / "link.jsonl").is_symlink() and (real / "out.jsonl").stat().st_size > 0


def test_a_killed_backups_leftovers_neither_block_nor_stay(tmp_path: Path) -> None:
    path = sample_corpus(tmp_path / "c.sqlite")
    dead = 2**22 + 12345  # above Linux's default pid_max: no process has it
    for leftover in (f".copy.sqlite.{dead}-0badc0de.partial",
                     f".copy.sqlite.{dead}-0badc0de.partial-journal"):
        (tmp_path / leftover).write_bytes(b"left by a backup killed mid-way")
    result = run("backup", path, "-o", tmp_path / "copy.sqlite")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    assert run("stats", tmp_path / "copy.sqlite").returncode == 0


def test_a_folder_export_again_replaces_the_earlier_one_and_never_mixes(tmp_path: Path) -> None:
    many = tmp_path / "many.sqlite"
    assert run("init", many, "--sample").returncode == 0
    one = sample_corpus(tmp_path / "one.sqlite")
    brat, split = tmp_path / "brat", tmp_path / "split"
    assert run("export", many, "--format", "brat", "-o", brat).returncode == 0
    assert run("export", many, "--split", "50/25/25", "-o", split).returncode == 0
    assert run("export", one, "--format", "brat", "-o", brat).returncode == 0
    assert len(list(brat.glob("*.ann"))) == 1  # the earlier export's documents are gone
    assert run("export", one, "--split", "100/0", "-o", split).returncode == 0
    assert sorted(p.name for p in split.iterdir() if not p.name.startswith(".")) == ["train.jsonl"]
    again = tmp_path / "again.sqlite"
    assert run("import", again, brat).returncode == 0
    assert "documents  1" in run("stats", again).stdout
    (brat / "mine.txt").write_text("a note of my own")  # a file no export wrote
    result = run("export", many, "--format", "brat", "-o", brat)
    assert result.returncode != 0 and "files no earlier export here wrote" in result.stderr
    assert (brat / "mine.txt").read_text() == "a note of my own"
    assert len(list(brat.glob("*.ann"))) == 1
