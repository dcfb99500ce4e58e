"""Real processes killed (SIGKILL) at random moments, in a loop.

An edit reported as saved must be in the corpus afterwards, the file must
pass SQLite's integrity check, and an import cut short must leave no
document without its spans; running it again completes it without doubles.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from annotator.bench.synthetic import articles, write_jsonl
from annotator.formats.importing import IN_FLIGHT, import_paths
from annotator.storage.corpus import Corpus
from tests.conftest import REPO, integrity

EDITOR = """
import sys, random
from annotator.core.model import Span, DocumentRecord
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
corpus = Corpus.open(sys.argv[1])
text = "Militants attacked a checkpoint near Kirkuk and two soldiers were killed. " * 20
if corpus.document_count() == 0:
    add_documents(corpus, [DocumentRecord(text=text, uid="d")])
rng = random.Random(int(sys.argv[2]))
mine = []
while True:
    if mine and rng.random() < 0.3:
        span = mine.pop(rng.randrange(len(mine)))
        print("removing", span.uid, flush=True)  # from here on it may be gone
        corpus.delete_span(span)
        print("removed", span.uid, flush=True)
    else:
        start = rng.randrange(0, len(text) - 20)
        span = Span(start=start, end=start + 7, label=rng.choice(["actor", "location"]),
                    text=text[start:start + 7], coder="crash", doc_id=1)
        corpus.insert_span(span)
        mine.append(span)
        print("saved", span.uid, span.label, flush=True)
"""

IMPORTER = """
import sys
from pathlib import Path
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus
with Corpus.open(sys.argv[1]) as corpus:
    print("started", flush=True)
    # Progress is reported as each batch is sent to be read (see IN_FLIGHT).
    import_paths(corpus, [Path(sys.argv[2])],
                 progress=lambda done, total: print("committed", done, flush=True))
print("finished", flush=True)
"""


def start(script: str, *args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=REPO,
                            stdout=subprocess.PIPE, text=True)


def kill_after_lines(process: subprocess.Popen[str], count: int,
                     ) -> tuple[list[list[str]], list[list[str]]]:
    """The first ``count`` lines read, then a kill; also the lines the process wrote
    between the last one read and its death (it runs on meanwhile)."""
    lines = []
    assert process.stdout is not None
    while len(lines) < count:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line.split())
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    after = [line.split() for line in process.stdout.read().splitlines() if line.strip()]
    return lines, after




def test_edits_shown_as_saved_survive_a_kill_at_any_moment(tmp_path: Path) -> None:
    path = tmp_path / "edits.sqlite"
    rng = random.Random(7)
    expected: dict[str, str] = {}
    for round_ in range(6):
        lines, after = kill_after_lines(start(EDITOR, path, round_), rng.randrange(5, 120))
        for line in lines:
            if line[0] == "saved":
                expected[line[1]] = line[2]
            elif line[0] in ("removing", "removed"):
                # A removal cut off by the kill may have been committed or not.
                expected.pop(line[1], None)
        for line in after:  # removals made after the last line read, before the kill
            if line[0] in ("removing", "removed"):
                expected.pop(line[1], None)
        assert integrity(path) == "ok"
        with Corpus.open(path) as corpus:
            stored = {s.uid: s.label for s in corpus.spans(1)}
        # Every edit reported saved is there; an edit cut off mid-way may or may
        # not be (it was never reported), so only reported spans are compared.
        assert {uid: stored.get(uid) for uid in expected} == expected
        expected = {uid: label for uid, label in stored.items()}


def test_an_import_killed_half_way_leaves_whole_documents_and_finishes_later(
    tmp_path: Path,
) -> None:
    source = tmp_path / "many.jsonl"
    documents = list(articles(5000, seed=5))
    write_jsonl(source, iter(documents))
    spans_of = {d["id"]: len(d["spans"]) for d in documents}
    path = tmp_path / "import.sqlite"
    rng = random.Random(3)
    partial = []
    for _ in range(3):
        process = start(IMPORTER, path, source)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "started"
        # Killed after a random number of batches: at least one stored, never the whole
        # file (5,000 documents are ten batches; once a batch is sent, all but the
        # IN_FLIGHT - 1 before it are stored; each run is cut within its first eight).
        for _ in range(rng.randrange(IN_FLIGHT, IN_FLIGHT + 3)):
            assert process.stdout.readline().startswith("committed")
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert integrity(path) == "ok"
        with Corpus.open(path) as corpus:
            counts = dict(corpus.db.execute(
                "SELECT d.uid, (SELECT count(*) FROM spans s WHERE s.doc_id = d.id) "
                "FROM documents d").fetchall())
        assert all(counts[uid] == spans_of[uid] for uid in counts)  # never half a document
        partial.append(len(counts))
    assert any(0 < n < len(documents) for n in partial), partial  # it was cut off mid-way
    with Corpus.open(path) as corpus:
        summary = import_paths(corpus, [source])
        assert summary.ok
        assert summary.added + summary.duplicates == len(documents)
        assert corpus.document_count() == len(documents)
        assert corpus.span_count() == sum(spans_of.values())
