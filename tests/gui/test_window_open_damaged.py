"""A corpus damaged where the window reads first is refused with a dialog, not a crash."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.gui.app import build_window
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from tests.gui.conftest import ScriptedPrompts


def scribbled(path: Path) -> Path:
    """The pages of the labels table scribbled over: opening reads none of them, the
    window reads them first."""
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=f"Report {n} " + "x" * 2000) for n in range(20)])
        corpus.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        [root] = corpus.db.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'labels'").fetchone()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for offset in range((root - 1) * size, root * size):
        data[offset] = (data[offset] * 7 + 13) % 256
    path.write_bytes(bytes(data))
    return path


def test_a_corpus_damaged_where_the_window_reads_first_is_refused_with_a_dialog(
    qtbot, tmp_path: Path,
) -> None:
    path = scribbled(tmp_path / "broken.sqlite")
    prompts = ScriptedPrompts()
    window = build_window(path, "alice", prompts)
    assert window is None
    [(title, message)] = prompts.errors
    assert title == "Cannot open corpus"
    assert "damaged" in message and str(path) in message
