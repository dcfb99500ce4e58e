"""Long commands in a terminal: a progress bar, and Ctrl+C keeps what was done."""

from __future__ import annotations

import os
import pty
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from annotator.bench.synthetic import articles, write_jsonl
from annotator.storage.corpus import Corpus
from tests.conftest import REPO

COMMAND = [sys.executable, "-m", "annotator"]


def documents_in(path: Path) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not made yet
        return 0
    finally:
        conn.close()


def interrupted(args: list[str], under_way: Callable[[], bool]) -> tuple[str, str]:
    """Run the command on a terminal, press Ctrl+C once ``under_way`` holds; its output
    after it exits with the status of an interrupted command, and no traceback.

    ``under_way`` is asked each time the command redraws its progress bar: the test
    waits for what the command reports, never for a while.
    """
    leader, follower = pty.openpty()
    process = subprocess.Popen([*COMMAND, *args], cwd=REPO, stdout=subprocess.PIPE,
                               stderr=follower, text=True)
    os.close(follower)
    drawn = _read_until(leader, under_way)
    process.send_signal(signal.SIGINT)
    drawn += _read_until(leader, lambda: False)  # to the end, so it never waits on us
    os.close(leader)
    out, _ = process.communicate(timeout=60)
    err = drawn.decode("utf-8", "replace")
    assert process.returncode == 130, err
    assert "Traceback" not in err
    return out, err


def _read_until(leader: int, done: Callable[[], bool]) -> bytes:
    """What the command draws on its terminal, until ``done`` holds or it ends."""
    drawn = b""
    while not done():
        try:
            chunk = os.read(leader, 4096)  # blocks until the command draws again
        except OSError:  # the command ended and closed its end
            break
        if not chunk:
            break
        drawn += chunk
    return drawn


def test_ctrl_c_stops_an_import_between_batches_and_a_rerun_finishes_it(tmp_path: Path) -> None:
    source, corpus = tmp_path / "many.jsonl", tmp_path / "c.sqlite"
    write_jsonl(source, articles(6000, seed=5))
    out, _err = interrupted(["import", str(corpus), str(source), "--coder", "a"],
                            lambda: documents_in(corpus) > 0)
    assert "cancelled: documents read before the cancel are kept" in out
    kept = documents_in(corpus)
    assert 0 < kept < 6000
    with Corpus.open(corpus) as opened:
        assert opened.check() == []
        # Whole documents only: each one kept has all of its spans.
        lonely = opened.db.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM spans s WHERE s.doc_id = d.id)").fetchone()[0]
        assert lonely == 0
    again = subprocess.run([*COMMAND, "import", str(corpus), str(source), "--coder", "a"],
                           cwd=REPO, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert f"{6000 - kept} added, {kept} skipped as duplicates" in again.stdout
    assert documents_in(corpus) == 6000


def test_a_terminal_sees_a_progress_bar_and_a_pipe_does_not(tmp_path: Path) -> None:
    source, corpus = tmp_path / "some.jsonl", tmp_path / "c.sqlite"
    write_jsonl(source, articles(1500, seed=6))
    leader, follower = pty.openpty()
    process = subprocess.Popen([*COMMAND, "import", str(corpus), str(source), "--coder", "a"],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command ended and closed its end
            break
        if not chunk:
            break
        drawn += chunk
    os.close(leader)
    out, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    assert "1500 added" in out and "importing" not in out  # the bar never reaches stdout
    assert b"importing" in drawn and b"100%" in drawn
    piped = subprocess.run([*COMMAND, "export", str(corpus), "-o", str(tmp_path / "o.jsonl")],
                           cwd=REPO, capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0 and "exporting" not in piped.stderr


def test_ctrl_c_stops_an_export_and_writes_nothing(tmp_path: Path) -> None:
    source, corpus = tmp_path / "many.jsonl", tmp_path / "c.sqlite"
    write_jsonl(source, articles(3000, seed=7))
    subprocess.run([*COMMAND, "import", str(corpus), str(source), "--coder", "a"], cwd=REPO,
                   capture_output=True, check=True, timeout=120)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out, _err = interrupted(
        ["export", str(corpus), "--format", "spacy", "-o", str(out_dir / "t.spacy")],
        lambda: any(out_dir.iterdir()))  # its staging folder is there
    assert "cancelled: nothing was written" in out
    assert list(out_dir.iterdir()) == []  # neither the output nor its staging folder


def _imported(tmp_path: Path, name: str, count: int, seed: int) -> Path:
    source, corpus = tmp_path / f"{name}.jsonl", tmp_path / f"{name}.sqlite"
    write_jsonl(source, articles(count, seed=seed))
    subprocess.run([*COMMAND, "import", str(corpus), str(source), "--coder", "a"], cwd=REPO,
                   capture_output=True, check=True, timeout=300)
    return corpus


def _spans_by_document(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    found: dict[str, list[tuple]] = {}
    for row in conn.execute('SELECT d.uid, s.uid, s.start, s."end", s.label, s.coder FROM '
                            "documents d LEFT JOIN spans s ON s.doc_id = d.id ORDER BY s.uid"):
        found.setdefault(row[0], []).append(row[1:])
    conn.close()
    return found


def test_ctrl_c_stops_a_merge_between_documents_and_a_rerun_finishes_it(
        tmp_path: Path) -> None:
    source = _imported(tmp_path, "coder", 3000, seed=8)
    target = tmp_path / "team.sqlite"
    _out, err = interrupted(["merge", str(target), str(source)],
                            lambda: documents_in(target) > 0)
    assert "merging coder.sqlite" in err  # the bar, from its first document on
    assert "coder.sqlite: stopped after" in err and "of 3000 documents" in err
    kept = _spans_by_document(target)
    theirs = _spans_by_document(source)
    assert 0 < len(kept) < 3000
    assert all(kept[uid] == theirs[uid] for uid in kept)  # each document whole
    again = subprocess.run([*COMMAND, "merge", str(target), str(source)], cwd=REPO,
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"added {3000 - len(kept)} documents" in again.stdout
    assert _spans_by_document(target) == theirs


def test_ctrl_c_stops_assign_and_leaves_no_coder_s_file(tmp_path: Path) -> None:
    corpus = _imported(tmp_path, "all", 3000, seed=9)
    folder = tmp_path / "team"

    def writing() -> bool:
        return folder.exists() and any(documents_in(p) > 0 for p in folder.glob(".*.partial"))

    _out, err = interrupted(["assign", str(corpus), "--coders", "ana,ben", "--overlap", "10%",
                             "-o", str(folder)], writing)
    assert "assigning" in err
    assert "stopped on request; no coder's corpus was written" in err
    assert not folder.exists()  # made by this run, and left as it was found


def test_suggest_says_first_what_it_reads_at_a_terminal_only(tmp_path: Path) -> None:
    corpus = _imported(tmp_path, "few", 20, seed=10)
    leader, follower = pty.openpty()
    process = subprocess.Popen([*COMMAND, "suggest", str(corpus), "--coder", "a"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    drawn = _read_until(leader, lambda: False)
    os.close(leader)
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    said = drawn.decode().replace("\r\n", "\n").splitlines()
    assert said[0] == "reading the places and actors coded in few.sqlite"
    assert said[-1].endswith("suggestions stored, pending review") and out
    piped = subprocess.run([*COMMAND, "suggest", str(corpus), "--coder", "a"], cwd=REPO,
                           capture_output=True, text=True, timeout=120)
    assert piped.returncode == 0 and "reading the places" not in piped.stderr
