"""Shared builders of the attack tests: an ACLED-coded corpus made from the acled-csv
tests' documents, changed as each attack needs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.datasets import dataset_schema
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus
from tests.formats.test_acled_csv import documents


def acled_documents() -> list[dict]:
    return documents()


def build(location: str | Path, docs: list[dict], tmp_path: Path,
          dataset: str = "acled") -> str | Path:
    source = tmp_path / "coded.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                      encoding="utf-8")
    with Corpus.open(location) as corpus:
        corpus.save_schema(dataset_schema(dataset))
        if not docs:
            return location
        summary = import_paths(corpus, [source], options=ReadOptions(coder="alice"))
        assert summary.ok, summary.lines()
    return location


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output + result.stderr
    # CliRunner catches what would be a traceback in a terminal.
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result
