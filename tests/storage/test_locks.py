"""SQLite's locks are never dropped, so another process can never remove the WAL
under a writer: edits shown as saved survive other processes and a kill.

Closing any descriptor of a file drops every POSIX lock the process holds on it,
so nothing in a process that holds a corpus open may open it as a plain file.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusFileInUse
from tests.conftest import REPO, integrity

TEXT = "Militants attacked a checkpoint near Kirkuk and two soldiers were killed. " * 4

# A coder's process: the corpus open, a second connection opened and closed in the
# same process (as the window's background check and search do), then told to tag.
CODER = """
import sys
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
path = sys.argv[1]
corpus = Corpus.open(path)
text = corpus.document(1).text
with Corpus.open(path, create=False, check=True) as other:
    other.document_count()
print("ready", flush=True)
sys.stdin.readline()  # another process has opened and closed the corpus meanwhile
for n in range(10):
    span = Span(start=n, end=n + 5, label="actor", text=text[n:n + 5], coder="alice", doc_id=1)
    corpus.insert_span(span)
    print("saved", span.uid, flush=True)
sys.stdin.readline()
"""




@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    path = tmp_path / "shared.sqlite"
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=TEXT, uid="d1")])
    return path


@pytest.mark.parametrize("other", [
    ["stats"], ["search", "Kirkuk"], ["backup", "-o", "{tmp}/copy.sqlite"],
    ["export", "--format", "jsonl", "-o", "{tmp}/out.jsonl"],
])
def test_edits_saved_after_another_process_opened_and_closed_the_corpus_survive_a_kill(
    corpus_file: Path, tmp_path: Path, other: list[str],
) -> None:
    coder = subprocess.Popen([sys.executable, "-c", CODER, str(corpus_file)], cwd=REPO,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert coder.stdin is not None and coder.stdout is not None
    assert coder.stdout.readline().strip() == "ready"
    command = [part.replace("{tmp}", str(tmp_path)) for part in other]
    subprocess.run([sys.executable, "-m", "annotator", command[0], str(corpus_file),
                    *command[1:]], cwd=REPO, check=True, capture_output=True)
    coder.stdin.write("tag\n")
    coder.stdin.flush()
    saved = [coder.stdout.readline().split()[1] for _ in range(10)]
    os.kill(coder.pid, signal.SIGKILL)
    coder.wait()
    assert integrity(corpus_file) == "ok"
    with Corpus.open(corpus_file) as corpus:
        assert sorted(s.uid for s in corpus.spans(1)) == sorted(saved)


@pytest.mark.parametrize("touch", [
    lambda p: open(p, "rb").close(),
    lambda p: os.close(os.open(p, os.O_RDONLY)),
    lambda p: p.read_bytes(),
    lambda p: shutil.copy(p, p.with_name("copy")),
    lambda p: shutil.copy(p.with_name("other"), p),
    lambda p: os.replace(p.with_name("other"), p),
    lambda p: p.unlink(),
    lambda p: os.truncate(p, 0),
    lambda p: shutil.rmtree(p.parent),
])
@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_no_code_in_the_process_can_touch_an_open_corpus_file_as_a_plain_file(
    corpus_file: Path, touch: object, suffix: str,
) -> None:
    (corpus_file.parent / "other").write_text("x")
    target = corpus_file.with_name(corpus_file.name + suffix)
    if not target.exists():
        target.write_bytes(b"")
    with Corpus.open(corpus_file) as corpus, pytest.raises(CorpusFileInUse) as refused:
        touch(target)  # type: ignore[operator]
    assert corpus_file.name in str(refused.value)
    with Corpus.open(corpus_file) as corpus:
        assert corpus.document_count() == 1 and corpus.check() == []


def test_the_guard_sees_through_links_and_lets_go_once_closed(corpus_file: Path) -> None:
    (corpus_file.parent / "link").symlink_to(corpus_file)
    with Corpus.open(corpus_file):
        with Corpus.open(corpus_file.parent / "link", create=False) as again:
            assert again.document_count() == 1  # a second connection is SQLite's own business
        os.link(corpus_file, corpus_file.parent / "hard")  # made by another program meanwhile
        for name in ("link", "hard"):
            with pytest.raises(CorpusFileInUse):
                (corpus_file.parent / name).read_bytes()
    assert corpus_file.read_bytes().startswith(b"SQLite format 3")  # closed: a plain file again


def test_importing_the_corpus_into_itself_is_refused_without_touching_its_locks(
    corpus_file: Path,
) -> None:
    for given in ([], ["--format", "jsonl"]):
        result = subprocess.run([sys.executable, "-m", "annotator", "import", str(corpus_file),
                                 str(corpus_file), str(corpus_file) + "-wal", *given],
                                cwd=REPO, capture_output=True, text=True)
        assert "Traceback" not in result.stderr
        assert result.returncode != 0
        assert "is the corpus itself; it cannot be imported into itself" in result.stderr
        assert integrity(corpus_file) == "ok"


def test_a_reader_given_the_open_corpus_reports_it_as_unreadable(corpus_file: Path) -> None:
    from annotator.formats.importing import import_paths

    with Corpus.open(corpus_file) as corpus:
        summary = import_paths(corpus, [corpus_file], fmt="jsonl")
        assert summary.added == 0 and len(summary.rejected) == 1
        assert "corpus file open in annotator" in summary.rejected[0].reason
    assert integrity(corpus_file) == "ok"


def test_another_name_of_a_held_wal_or_shm_is_refused_too(corpus_file: Path) -> None:
    with Corpus.open(corpus_file) as corpus:
        corpus.set_status(1, "alice", "done")  # the -wal and -shm exist now
        for suffix in ("-wal", "-shm"):
            other = corpus_file.with_name(f"snapshot{suffix}")
            other.hardlink_to(corpus_file.with_name(corpus_file.name + suffix))
            with pytest.raises(CorpusFileInUse):
                other.read_bytes()
