"""Several writers, mistyped targets, full and read-only disks: the corpus survives
each, and the command says what happened.

Processes here are real; every wait is for something a process reports.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.bench.synthetic import articles, write_jsonl
from annotator.formats.registry import EXPORTS
from annotator.storage.corpus import Corpus
from tests.conftest import REPO

COMMAND = [sys.executable, "-m", "annotator"]

# Holds a write transaction on the corpus until told to let go.
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO coders (name) VALUES ('holder')")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
"""


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*COMMAND, *map(str, args)], cwd=REPO, capture_output=True, text=True)


def fingerprint(path: Path, *, read_only_medium: bool = False) -> tuple[int, int, str]:
    conn = (sqlite3.connect(f"file:{path}?immutable=1", uri=True) if read_only_medium
            else sqlite3.connect(path))
    try:
        return (conn.execute("SELECT count(*) FROM documents").fetchone()[0],
                conn.execute("SELECT count(*) FROM spans").fetchone()[0],
                conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    source = tmp_path / "docs.jsonl"
    write_jsonl(source, articles(12, seed=1))
    path = tmp_path / "corpus.sqlite"
    assert run("import", path, source, "--coder", "a").returncode == 0
    return path


def test_two_imports_at_once_both_finish_and_keep_everything(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    run("init", path)
    sources = []
    for seed in (1, 2, 3):
        source = tmp_path / f"part{seed}.jsonl"
        write_jsonl(source, ({**doc, "id": f"{seed}-{doc['id']}"}
                             for doc in articles(1500, seed=seed)))
        sources.append(source)
    for attempt in range(2):
        processes = [subprocess.Popen([*COMMAND, "import", str(path), str(s), "--coder", "a"],
                                      cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True) for s in sources]
        # communicate, not wait: a process whose output fills its pipe would wait for
        # the test to read it while the test waits for it to end.
        outputs = [p.communicate(timeout=600) for p in processes]
        results = [(p.returncode, out, err)
                   for p, (out, err) in zip(processes, outputs, strict=True)]
        for code, _out, err in results:
            assert code == 0, err
            assert "Traceback" not in err
        documents, _spans, check = fingerprint(path)
        assert (documents, check) == (4500, "ok"), attempt


def test_a_command_waits_for_another_writer_says_so_and_succeeds(coded: Path,
                                                                 tmp_path: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(coded)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "holding"
    source = tmp_path / "more.jsonl"
    write_jsonl(source, ({**doc, "id": f"more-{doc['id']}"} for doc in articles(5, seed=9)))
    importer = subprocess.Popen([*COMMAND, "import", str(coded), str(source)], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert importer.stderr is not None
    notice = importer.stderr.readline()
    assert "waiting for another program writing to" in notice
    assert importer.poll() is None  # still waiting, not failed
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    out, err = importer.communicate(timeout=120)
    assert importer.returncode == 0, err
    assert "5 added" in out
    assert fingerprint(coded)[0] == 17
    holder.wait()


def companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_an_export_onto_the_corpus_or_its_companions_is_refused_before_writing(
    coded: Path, fmt: str,
) -> None:
    before = fingerprint(coded)
    for target in companions(coded):
        result = run("export", coded, "--format", fmt, "-o", target)
        assert result.returncode != 0
        assert "writing there would destroy it" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert fingerprint(coded) == before
    assert coded.read_bytes().startswith(b"SQLite format 3")


def test_every_command_that_writes_a_file_refuses_the_corpus(coded: Path) -> None:
    before = fingerprint(coded)
    for args in (["agree", coded, "--html", coded], ["backup", coded, "-o", f"{coded}-wal"],
                 ["backup", coded, "-o", coded], ["merge", coded, f"{coded}-wal"],
                 ["merge", coded, coded], ["import", coded, f"{coded}-shm"]):
        result = run(*args)
        assert result.returncode != 0, args
        assert "Traceback" not in result.stderr
        assert str(coded.name) in result.stderr, (args, result.stderr)
        assert fingerprint(coded) == before, args


def test_a_full_disk_leaves_no_empty_or_partial_file(coded: Path, small_disk: Path) -> None:
    (small_disk / "filler").write_bytes(b"\0" * (2 * 1024 * 1024 - 8192))
    with Corpus.open(coded) as corpus:
        corpus.db.execute("INSERT INTO coders (name) VALUES ('b')")  # a second coder for agree
        corpus.db.conn.commit()
    report = small_disk / "report.html"
    result = run("agree", coded, "--html", report)
    copy = small_disk / "copy.sqlite"
    backup = run("backup", coded, "-o", copy)
    exported = run("export", coded, "--format", "jsonl", "-o", small_disk / "out.jsonl")
    for done in (backup, exported):
        assert done.returncode != 0
        assert "disk is full" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_read_only_corpus_reads_and_exports_and_refuses_edits_with_the_reason(
    coded: Path, read_only_folder, tmp_path: Path,
) -> None:
    [copy] = read_only_folder(coded)
    assert run("stats", copy).returncode == 0
    assert run("search", copy, "the").returncode == 0
    exported = run("export", copy, "--format", "jsonl", "-o", tmp_path / "out.jsonl")
    assert exported.returncode == 0, exported.stderr
    for args in (["import", copy, tmp_path / "docs.jsonl"], ["suggest", copy]):
        result = run(*args)
        assert result.returncode != 0, args
        assert "read-only" in result.stderr, result.stderr
        assert "damaged" not in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(copy, read_only_medium=True) == fingerprint(coded)


def test_files_that_are_not_corpora_are_left_alone_by_every_reader(tmp_path: Path) -> None:
    for name, setup in (("view.sqlite", "CREATE VIEW v AS SELECT 1"),
                        ("pragmas.sqlite", "PRAGMA user_version = 7"),
                        ("empty-db.sqlite", "PRAGMA page_size = 4096; VACUUM")):
        path = tmp_path / name
        conn = sqlite3.connect(path)
        conn.executescript(setup)
        conn.close()
        before = path.read_bytes()
        result = run("stats", path)
        assert result.returncode != 0
        assert "not an annotator corpus" in result.stderr, result.stderr
        assert path.read_bytes() == before
        assert not path.with_name(name + "-wal").exists()


def test_an_import_onto_a_full_disk_says_so_and_keeps_what_was_stored(
    small_disk: Path, tmp_path: Path,
) -> None:
    path = small_disk / "corpus.sqlite"
    first = tmp_path / "first.jsonl"
    write_jsonl(first, articles(5, seed=1))
    assert run("import", path, first).returncode == 0
    big = tmp_path / "big.jsonl"
    write_jsonl(big, ({**d, "id": f"big-{d['id']}"} for d in articles(3000, seed=2)))
    result = run("import", path, big)
    assert result.returncode != 0
    assert "disk is full" in result.stderr, result.stderr
    assert "The documents added before are kept" in result.stderr
    added = int(result.stdout.split()[0])  # the summary is printed, with what was stored
    assert "Traceback" not in result.stderr
    documents, _spans, check = fingerprint(path)
    assert check == "ok" and documents == 5 + added
    with Corpus.open(path, create=False) as corpus:
        assert {d for d in corpus.db.execute("SELECT uid FROM documents WHERE uid NOT LIKE 'big-%'")
                } == {(d["id"],) for d in articles(5, seed=1)}


def test_links_to_the_corpus_are_refused_as_targets_too(coded: Path, tmp_path: Path) -> None:
    (tmp_path / "soft.jsonl").symlink_to(coded)
    (tmp_path / "wal-link").symlink_to(f"{coded}-wal")
    hard = tmp_path / "hard.jsonl"
    hard.hardlink_to(coded)
    before = fingerprint(coded)
    for target in ("soft.jsonl", "wal-link", "hard.jsonl"):
        result = run("export", coded, "-o", tmp_path / target)
        assert result.returncode != 0, target
        assert "writing there would destroy it" in result.stderr, result.stderr
    assert fingerprint(coded) == before


def test_a_corpus_with_its_latest_edits_in_the_wal_on_a_read_only_disk(
    coded: Path, read_only_folder,
) -> None:
    """Read-only media can hold a corpus whose last edits are still in its WAL (copied
    while open): it is either read with them or refused, never read without them."""
    keeper = sqlite3.connect(coded)
    keeper.execute("PRAGMA wal_autocheckpoint = 0")
    keeper.execute("INSERT INTO coders (name) VALUES ('late')")
    keeper.commit()
    wal = coded.with_name(coded.name + "-wal")
    assert wal.stat().st_size > 0
    copy, _wal_copy = read_only_folder(coded, wal)
    keeper.close()
    result = run("stats", copy, "--json")
    if result.returncode == 0:
        assert '"late"' in result.stdout
    else:
        assert "latest edits are in" in result.stderr, result.stderr


EXCLUSIVE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("SELECT count(*) FROM documents").fetchone()
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
print("released", flush=True)
"""


def test_a_corpus_held_whole_by_another_program_is_waited_for_and_said_so(coded: Path) -> None:
    holder = subprocess.Popen([sys.executable, "-c", EXCLUSIVE, str(coded)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline().strip() == "holding"
    stats = subprocess.Popen([*COMMAND, "stats", str(coded)], cwd=REPO, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    assert stats.stderr is not None
    assert "waiting for another program" in stats.stderr.readline()
    holder.stdin.write("go\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    out, err = stats.communicate(timeout=120)
    assert stats.returncode == 0, err
    assert "documents  12" in out
    holder.wait()
