"""`annotator merge` of several corpora and Ctrl+C: a stop asked for is kept, whichever
document it comes during; and its progress reaches the end when every document is in."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import DocumentRecord
from annotator.storage import team
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus


def _coder_file(path: Path, prefix: str, count: int) -> Path:
    with Corpus.open(path) as corpus:
        add_documents(corpus, [DocumentRecord(text=f"Report {prefix} {n}: shelling near the "
                                                   f"market, {n} wounded.", uid=f"{prefix}-{n}")
                               for n in range(count)])
    return path


def _uids(path: Path) -> set[str]:
    with Corpus.open(path) as corpus:
        return {row[0] for row in corpus.db.fetch_all("SELECT uid FROM documents")}


def test_ctrl_c_during_the_first_source_s_last_document_stops_before_the_next_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _coder_file(tmp_path / "ana.sqlite", "ana", 3)
    second = _coder_file(tmp_path / "ben.sqlite", "ben", 3)
    target = tmp_path / "team.sqlite"
    merge_document = team._merge_document

    def pressed_during_the_last(*args: Any) -> None:
        merge_document(*args)
        if args[2].uid == "ana-2":  # the user's Ctrl+C, while this document is merged
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(team, "_merge_document", pressed_during_the_last)
    result = CliRunner().invoke(cli, ["merge", str(target), str(first), str(second)])
    assert "stopping at the next safe point" in result.stderr  # the press was heard
    assert result.exit_code == 130, result.output
    assert not any(uid.startswith("ben-") for uid in _uids(target))


def test_a_merge_s_progress_reaches_every_document(tmp_path: Path) -> None:
    source = _coder_file(tmp_path / "ana.sqlite", "ana", 3)
    seen: list[tuple[int, int]] = []
    with Corpus.open(tmp_path / "team.sqlite") as target, Corpus.open(source) as theirs:
        report = team.merge(target, theirs, progress=lambda done, total: seen.append(
            (done, total)))
    assert report.documents == 3 and report.stopped_after is None
    assert seen[-1] == (3, 3), seen
