"""A folder of many small JSON Lines files (one a day, one a source: each shorter than a
worker's share of 250 lines) is read by the importing process alone: the pool is started
only for a batch of 250 lines or more, and each file sends its own batch, so the second
core idles for the whole import however many articles the folder holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.article_pool import SHARE
from annotator.formats import jsonl
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus

FILES = 12
LINES = 200  # fewer than SHARE: each file alone would not start the pool


def _folder(root: Path) -> Path:
    folder = root / "daily"
    folder.mkdir()
    for day in range(FILES):
        with (folder / f"2024-03-{day + 1:02}.jsonl").open("w", encoding="utf-8") as out:
            for number in range(LINES):
                text = (f"Day {day} report {number}: gunmen attacked a checkpoint near Gao and "
                        f"{number % 7 + 2} soldiers were killed, officials said. ") * 3
                out.write(json.dumps({"id": f"d{day}-{number}", "text": text, "spans": [
                    {"start": 0, "end": 3, "label": "day", "coder": "ana"}]}) + "\n")
    return folder


def test_a_folder_of_small_files_is_read_in_the_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert LINES < SHARE
    folder = _folder(tmp_path)
    # The workers are spawned and read with the module as written; this process counts
    # each document it reads itself.
    read_here: list[int] = []
    real = jsonl.parse_object
    monkeypatch.setattr(jsonl, "parse_object",
                        lambda obj, options: read_here.append(1) or real(obj, options))
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [folder])
    assert summary.added == FILES * LINES
    # One share read here before the pool is worth starting is fair; the whole folder is not.
    assert len(read_here) <= SHARE, (
        f"{len(read_here)} of {FILES * LINES} documents read in the importing process")
