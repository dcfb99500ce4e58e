from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage.corpus import Corpus
from tests.conftest import damaged_corpus


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def coded(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite"
    data = tmp_path / "d.jsonl"
    text = "Militants attacked Kirkuk."
    data.write_text(json.dumps({"id": "k1", "text": text, "spans": [
        {"id": "s1", "start": 19, "end": 25, "label": "location", "coder": "alice"}]}) + "\n")
    assert run("import", path, data).exit_code == 0
    return path


def test_backup_history_and_restore(tmp_path: Path) -> None:
    path = coded(tmp_path)
    copy = tmp_path / "copy.sqlite"
    result = run("backup", path, "-o", copy)
    assert result.exit_code == 0, result.output
    with Corpus.open(copy) as restored:
        assert restored.span_count() == 1
    assert run("backup", path, "-o", path).exit_code == 2  # never over itself
    with Corpus.open(path) as corpus:
        corpus.delete_span(corpus.span("s1"))
    lines = run("history", path, "--doc", "k1").output.splitlines()
    assert "import" in lines[0] and "remove span" in lines[1]
    assert "location 'Kirkuk' at 19-25" in lines[1]
    first = json.loads(run("history", path, "--json", "--limit", "1").output)
    assert first["action"] == "remove span"
    undo = run("restore", path, "--doc", "k1", "--to", 1)
    assert undo.exit_code == 0, undo.output
    assert "undid 1 later changes" in undo.output
    with Corpus.open(path) as corpus:
        assert [s.uid for s in corpus.spans(1)] == ["s1"]


def test_history_and_restore_explain_bad_requests(tmp_path: Path) -> None:
    path = coded(tmp_path)
    missing = run("history", path, "--doc", "nope")
    assert missing.exit_code == 2
    assert "no document 'nope'" in missing.output
    assert run("restore", path, "--to", "1").exit_code == 2  # neither --doc nor --span


def test_a_damaged_corpus_is_refused_by_every_command(tmp_path: Path) -> None:
    path = damaged_corpus(tmp_path / "c.sqlite")
    for args in (["stats", path], ["export", path, "-o", tmp_path / "o.jsonl"],
                 ["backup", path, "-o", tmp_path / "b.sqlite"]):
        result = run(*args)
        assert result.exit_code == 2
        assert "is damaged" in result.output
        assert "Traceback" not in result.output
