"""Attacks on migration 0007 (origin 'accepted'), which rewrites SQLite's schema table.

An older corpus (at migration 0006) is opened by a process that is killed (SIGKILL)
at each statement of the migration, after it, after the copy taken before it, and
at moments picked from its own reports. Each time the corpus must open afterwards,
pass SQLite's full integrity check, and hold every span, relation, event member and
status it held, with an accepted suggestion then storable. The child reports each
step on stdout and the test waits for those reports, never for a fixed time.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.commands import accept
from annotator.storage import migrations
from annotator.storage.corpus import Corpus
from tests.conftest import REPO, integrity
from tests.storage.test_accepted_suggestions import old_corpus

MIGRATION = "0007_accepted_origin"

# Opens the corpus with the 0007 migration wrapped so that it reports each statement
# it runs ("statement N") and stops for a line on stdin after statement ``stop``
# ("paused"); stop 0 pauses after the whole migration ran, before it is recorded and
# committed; "backup" pauses just after the copy taken before upgrading.
CHILD = """
import sys
from annotator.storage import connection, migrations
from annotator.storage.corpus import Corpus

path, stop = sys.argv[1], sys.argv[2]
[step] = [m for m in migrations.migrations._migrations if m.name == "0007_accepted_origin"]
original = step.fn


def pause():
    print("paused", flush=True)
    sys.stdin.readline()


def reporting(db):
    real = db.execute
    count = 0

    def execute(sql, parameters=None):
        nonlocal count
        result = real(sql, parameters)
        count += 1
        print("statement", count, flush=True)
        if stop == str(count):
            pause()
        return result

    db.execute = execute
    try:
        original(db)
    finally:
        del db.execute
    print("migrated", flush=True)
    if stop == "0":
        pause()


step.fn = reporting
copy = connection.backup_copy


def copying(*args, **kwargs):
    made = copy(*args, **kwargs)
    print("backed up", flush=True)
    if stop == "backup":
        pause()
    return made


connection.backup_copy = copying
Corpus.open(path).close()
print("opened", flush=True)
"""


def child(path: Path, stop: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path), stop], cwd=REPO, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def read_until(process: subprocess.Popen[str], wanted: str) -> list[str]:
    """The lines the child reported, up to and including ``wanted``."""
    assert process.stdout is not None
    lines = []
    while True:
        line = process.stdout.readline()
        if not line:
            process.wait()
            errors = process.stderr.read() if process.stderr else ""
            raise AssertionError(f"the child ended before {wanted!r}: {lines} {errors}")
        lines.append(line.strip())
        if line.strip() == wanted:
            return lines


def kill(process: subprocess.Popen[str]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def assert_whole_and_upgradable(path: Path) -> None:
    """The older corpus's content is all there, and it opens, upgraded."""
    assert integrity(path) == "ok"
    with Corpus.open(path, check=True) as corpus:
        assert MIGRATION in migrations.applied_migration_names(corpus.db)
        assert [(s.uid, s.origin, s.coder) for s in corpus.spans(1)] == [
            ("s1", "manual", "bob"), ("s2", "imported", "bob"), ("s3", "suggested", "bob")]
        [relation] = corpus.relations(1)
        assert (relation.uid, relation.head, relation.tail) == ("r1", "s1", "s2")
        [event] = corpus.events(1)
        assert [(m.span_uid, m.role) for m in event.members] == [("s1", "actor"),
                                                                  ("s2", "location")]
        assert corpus.status(1, "bob") == "in progress"
        accept(corpus.span("s3"), "bob", corpus.status(1, "bob")).apply(corpus)
        assert corpus.span("s3").origin == "accepted"
        assert corpus.check() == []
    assert integrity(path) == "ok"


def test_the_migration_runs_the_statements_it_is_paused_at(tmp_path: Path) -> None:
    """The wrapped migration really reports its statements (else the kills below would
    not land inside it): five, then the whole migration, then the open."""
    path = tmp_path / "old.sqlite"
    old_corpus(path)
    process = child(path, "none")
    lines = read_until(process, "opened")
    process.wait()
    assert [line for line in lines if line.startswith("statement")] == [
        f"statement {n}" for n in range(1, 6)]
    assert lines.index("backed up") < lines.index("statement 1") < lines.index("migrated")
    assert_whole_and_upgradable(path)


@pytest.mark.parametrize("stop", ["backup", "1", "2", "3", "4", "5", "0"])
def test_a_kill_inside_the_migration_leaves_a_corpus_that_opens_with_everything(
        tmp_path: Path, stop: str) -> None:
    path = tmp_path / "old.sqlite"
    old_corpus(path)
    process = child(path, stop)
    read_until(process, "paused")
    kill(process)
    assert integrity(path) == "ok"
    with Corpus.open(path, check=True) as corpus:  # migrated now, as nothing was committed
        assert len(corpus.spans(1)) == 3
    assert_whole_and_upgradable(path)


def test_kills_at_moments_picked_from_the_reports_leave_a_corpus_that_opens(
        tmp_path: Path) -> None:
    """Killed without pausing, after a random number of reported steps: the kill
    lands anywhere from the copy to the commit (and sometimes after)."""
    rng = random.Random(11)
    for round_ in range(6):
        path = tmp_path / f"old-{round_}.sqlite"
        old_corpus(path)
        process = child(path, "never")
        wanted = rng.choice(["backed up", "statement 1", "statement 3", "statement 5",
                             "migrated"])
        read_until(process, wanted)
        kill(process)
        assert_whole_and_upgradable(path)


def test_two_programs_upgrading_one_older_corpus_at_once_both_open_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old_corpus(path)
    first = child(path, "5")  # inside the migration, holding the write lock
    read_until(first, "paused")
    second = child(path, "never")
    # The second has taken its copy (so it has decided what is pending) and is about to
    # wait for the first one's write lock.
    read_until(second, "backed up")
    assert first.stdin is not None
    first.stdin.write("\n")
    first.stdin.flush()
    read_until(first, "opened")
    first.wait()
    assert second.stdout is not None and second.stderr is not None
    rest = second.stdout.read()
    errors = second.stderr.read()
    second.wait()
    for process in (first, second):
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    assert second.returncode == 0, errors[-600:]
    assert "opened" in rest
    assert_whole_and_upgradable(path)
