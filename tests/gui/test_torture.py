"""Many processes on one corpus, killed at random: nothing reported saved is lost.

Real windows (offscreen, real key presses) tag and undo while command-line imports,
exports, merges, backups and stats run on the same corpus file, in an order drawn
at random each round; processes are killed (SIGKILL) at random moments. At the end
of every round each span a window reported saved (and did not report removing) is
in the corpus, every imported document has all its spans, and SQLite's integrity
check passes. The test prints how much it did.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.bench.synthetic import articles, write_jsonl
from annotator.storage.corpus import Corpus
from tests.conftest import REPO, integrity

WINDOW = r"""
import random, re, sys
from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from annotator.core.commands import AddSpan, Batch, RemoveSpan
from annotator.core.offsets import Utf16Map
from annotator.gui.app import build_window

path, coder, seed, steps = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
window = build_window(path, coder)
window.show()
app = QApplication.instance()
rng = random.Random(seed)

added_now = []

def applied(edit):
    if isinstance(edit, Batch):
        for part in edit.edits:
            applied(part)
    elif isinstance(edit, AddSpan):
        added_now.append(edit.span.uid)
        print("saved", edit.span.uid, flush=True)
    elif isinstance(edit, RemoveSpan):
        print("removed", edit.span.uid, flush=True)

window.session.history.applied.connect(applied)
window.session.history.failed.connect(lambda message: print("failed", flush=True))
if window.health is not None:  # the background check and backup run first, as after 5 s
    window.health_timer.stop()
    window.health.start()
    while not window.health.isFinished():
        app.processEvents()
print("ready", flush=True)
mine = []
for step in range(steps):
    app.processEvents()  # the window's timers run: it picks up what others wrote
    ids = window.corpus.document_ids()
    window.session.show_document(rng.choice(ids))
    view = window.view
    stack = window.session.history
    if mine and stack.can_undo and rng.random() < 0.2:
        newest = mine.pop()
        for uid in newest:  # what the newest edit added, about to be taken back
            print("removing", uid, flush=True)
        was = (len(stack), stack.index)
        QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        if (len(stack), stack.index) == was:  # not taken back (another writer kept the
            mine.append(newest)               # corpus busy): still there, still the newest
            for uid in newest:
                print("kept", uid, flush=True)
        continue
    words = [m.span() for m in re.finditer(r"\w+", view.text)]
    start, end = rng.choice(words)
    where = Utf16Map(view.text)
    cursor = view.textCursor()
    cursor.setPosition(where.to_utf16(start))
    cursor.setPosition(where.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    before = len(stack)
    added_now.clear()
    QTest.keyClick(view, rng.choice("123"))
    if len(stack) > before:
        mine.append(list(added_now))
window.close()  # closed normally, as a coder does: the last connection out checkpoints
app.processEvents()
print("finished", flush=True)
"""


@dataclass
class Ledger:
    """What the windows reported, as the test read it."""

    saved: set[str] = field(default_factory=set)
    uncertain: set[str] = field(default_factory=set)  # removal begun: may or may not be done
    edits: int = 0
    failures: int = 0

    def read(self, line: str) -> None:
        kind, _, uid = line.strip().partition(" ")
        if kind == "saved":
            self.saved.add(uid)
            self.uncertain.discard(uid)
            self.edits += 1
        elif kind == "removing":
            self.uncertain.add(uid)
        elif kind == "kept":  # the undo was refused: the span stays, as reported saved
            self.uncertain.discard(uid)
        elif kind == "removed":
            self.saved.discard(uid)
            self.uncertain.discard(uid)
            self.edits += 1
        elif kind == "failed":
            self.failures += 1


class Window:
    def __init__(self, path: Path, coder: str, seed: int, steps: int, ledger: Ledger) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", WINDOW, str(path), coder, str(seed), str(steps)], cwd=REPO,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        self.ledger = ledger
        self.lines = 0
        self.ready = threading.Event()
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.lock:
                self.ledger.read(line)
                self.lines += 1
            if line.startswith("ready"):
                self.ready.set()

    def kill(self) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)

    def finish(self) -> str:
        self.process.wait(timeout=600)
        self.reader.join(timeout=60)
        assert self.process.stderr is not None
        return self.process.stderr.read()


def cli(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "annotator", *map(str, args)], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)




def test_windows_and_commands_on_one_corpus_killed_at_random_lose_nothing_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    rng = random.Random(2026)
    path = tmp_path / "team.sqlite"
    seed_docs = tmp_path / "seed.jsonl"
    write_jsonl(seed_docs, articles(30, seed=1))
    assert subprocess.run([sys.executable, "-m", "annotator", "import", str(path),
                           str(seed_docs), "--coder", "seed"], cwd=REPO).returncode == 0
    other = tmp_path / "other.sqlite"  # a coder's corpus to merge in, again and again
    subprocess.run([sys.executable, "-m", "annotator", "import", str(other), str(seed_docs),
                    "--coder", "bob"], cwd=REPO, check=True, capture_output=True)
    spans_per_doc = {}
    ledger = Ledger()
    kills = commands = 0
    orders: set[tuple[str, ...]] = set()
    for round_ in range(4):
        batch = tmp_path / f"batch{round_}.jsonl"
        docs = [{**d, "id": f"r{round_}-{d['id']}"} for d in articles(900, seed=round_ + 10)]
        spans_per_doc.update({d["id"]: len(d["spans"]) for d in docs})
        write_jsonl(batch, iter(docs))
        windows = [Window(path, f"coder{n}", rng.randrange(10**6), rng.randrange(20, 60), ledger)
                   for n in range(2)]
        for window in windows:
            assert window.ready.wait(120), window.process.stderr
        jobs = {
            "import": lambda b=batch: cli("import", path, b, "--coder", "imp"),
            "export": lambda: cli("export", path, "--format", "jsonl", "-o", tmp_path / "o.jsonl"),
            "merge": lambda: cli("merge", path, other),
            "backup": lambda: cli("backup", path, "-o", tmp_path / "copy.sqlite"),
            "stats": lambda: cli("stats", path),
            "window": lambda: None,
        }
        order = list(jobs)
        rng.shuffle(order)
        orders.add(tuple(order))
        running = []
        for name in order:
            started = jobs[name]()
            if started is not None:
                running.append((name, started))
                commands += 1
        victims = rng.sample(windows, rng.randrange(0, 3))
        for window in victims:  # killed once it has done a random amount of work
            goal = rng.randrange(1, 30)
            while window.process.poll() is None and window.lines < goal:
                window.reader.join(0.05)  # wait for its next report
            window.kill()
            kills += 1
        if rng.random() < 0.5:
            name, process = rng.choice(running)
            process.kill()  # a command killed mid-way
            kills += 1
        for name, process in running:
            _out, err = process.communicate(timeout=600)
            assert "Traceback" not in err, (name, err)
        for window in windows:
            err = window.finish()
            assert "Traceback" not in err, err
        assert integrity(path) == "ok"
        with Corpus.open(path) as corpus:
            present = {row[0] for row in corpus.db.execute("SELECT uid FROM spans")}
            counts = dict(corpus.db.execute(
                "SELECT d.uid, (SELECT count(*) FROM spans s WHERE s.doc_id = d.id "
                "AND s.coder = 'bench') FROM documents d WHERE d.uid LIKE 'r%'").fetchall())
        lost = ledger.saved - ledger.uncertain - present
        assert not lost, f"round {round_}: {len(lost)} spans reported saved are gone"
        assert all(counts[uid] == spans_per_doc[uid] for uid in counts)  # whole documents
    with capsys.disabled():  # shown in every run's output, not only with -s
        print(f"\ntorture: {ledger.edits} window edits saved or undone, {ledger.failures} refused "
              f"with a message, {commands} commands, {kills} kills, {len(orders)} orders")
    assert ledger.edits > 50
