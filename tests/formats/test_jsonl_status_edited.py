"""A JSONL export's "status" changed by hand is taken on re-import (it was ignored
without a word when "statuses" stood beside it)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage.corpus import Corpus
from annotator.workspace import create_corpus


def test_an_edited_status_is_the_importing_coders(tmp_path: Path) -> None:
    corpus, _ = create_corpus(tmp_path / "c.sqlite", sample=True)
    corpus.close()
    runner = CliRunner()
    out = tmp_path / "out.jsonl"
    assert runner.invoke(cli, ["export", str(tmp_path / "c.sqlite"), "--format", "jsonl",
                               "-o", str(out)]).exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["status"] == "todo" and rows[0]["statuses"] == {}
    rows[0]["status"] = "done"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(cli, ["import", str(tmp_path / "new.sqlite"), str(out),
                                 "--coder", "dana"])
    assert result.exit_code == 0, result.output
    assert "differs from its statuses; taken as dana's" in result.output
    with Corpus.open(tmp_path / "new.sqlite") as again:
        statuses = [again.status(doc_id, "dana") for doc_id in again.document_ids()]
    assert statuses.count("done") == 1 and statuses.count("todo") == 3
