from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from annotator import __version__
from annotator.cli import cli
from tests.conftest import REPO, SAMPLES


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_version_and_module_entry_point() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.output
    run = subprocess.run([sys.executable, "-m", "annotator", "--version"],
                         capture_output=True, text=True, cwd=REPO, check=False)
    assert run.returncode == 0
    assert __version__ in run.stdout


def test_init_with_samples_then_stats_json(corpus_path: Path) -> None:
    result = invoke("init", corpus_path, "--sample")
    assert result.exit_code == 0, result.output
    assert "4 documents" in result.output
    stats = json.loads(invoke("stats", corpus_path, "--json").output)
    assert stats["documents"] == 4
    assert stats["spans"] == 0
    assert stats["labels"] == {"actor": 0, "casualty": 0, "location": 0}
    assert stats["coders"] == {}
    assert stats["status"]["todo"] == 4
    assert invoke("init", corpus_path).exit_code == 2  # never overwrite a corpus


def test_import_creates_the_corpus_and_reports_rejections(tmp_path: Path) -> None:
    corpus_path = tmp_path / "new.sqlite"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{"text": "abc", "spans": [{"start": 0, "end": 9, '
                   '"label": "actor"}]}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(corpus_path), str(SAMPLES), str(bad),
                                      "--coder", "alice"])
    assert result.exit_code == 1
    assert "5 added, 0 skipped as duplicates, 1 rejected" in result.output
    assert f"{bad}:2: span 1 (0-9) is out of range" in result.output
    again = CliRunner().invoke(cli, ["import", str(corpus_path), str(SAMPLES)])
    assert again.exit_code == 0
    assert "0 added, 4 skipped as duplicates, 0 rejected" in again.output


def test_import_of_new_labels_says_so(tmp_path: Path) -> None:
    corpus_path = tmp_path / "c.sqlite"
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"text": "Hamas said", "spans": [
        {"start": 0, "end": 5, "label": "ORG"}]}) + "\n", encoding="utf-8")
    result = invoke("import", corpus_path, data, "--coder", "alice")
    assert result.exit_code == 0
    assert "new labels added to the corpus: ORG" in result.output
    stats = json.loads(invoke("stats", corpus_path, "--json").output)
    assert stats["labels"]["ORG"] == 1
    assert stats["coders"] == {"alice": 1}


def test_csv_import_with_text_column(tmp_path: Path) -> None:
    corpus_path = tmp_path / "c.sqlite"
    data = tmp_path / "a.csv"
    data.write_text("id,body\n1,Clashes in Kidal\n", encoding="utf-8")
    missing = CliRunner().invoke(cli, ["import", str(corpus_path), str(data)])
    assert missing.exit_code == 1
    assert "no column 'text'" in missing.output
    result = invoke("import", corpus_path, data, "--text-column", "body")
    assert result.exit_code == 0
    assert "1 added" in result.output


def test_export_jsonl_has_every_span_with_offsets(tmp_path: Path) -> None:
    corpus_path = tmp_path / "c.sqlite"
    text = "Rockets hit Ain al-Assad airbase; at least five 😀 hurt."
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"id": "x1", "text": text, "status": "done", "spans": [
        {"start": 12, "end": 32, "label": "location"}]}) + "\n", encoding="utf-8")
    assert invoke("import", corpus_path, data, "--coder", "alice").exit_code == 0
    out = tmp_path / "out.jsonl"
    result = invoke("export", corpus_path, "--format", "jsonl", "-o", out)
    assert result.exit_code == 0
    [doc] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert (doc["id"], doc["status"]) == ("x1", "done")
    [span] = doc["spans"]
    assert text[span["start"] : span["end"]] == span["text"] == "Ain al-Assad airbase"
    assert (span["coder"], span["origin"]) == ("alice", "imported")


def test_bad_corpus_files_give_a_message_not_a_traceback(tmp_path: Path) -> None:
    not_corpus = tmp_path / "notes.sqlite"
    not_corpus.write_text("just text")
    for args in (["stats", str(not_corpus)], ["stats", str(tmp_path / "missing.sqlite")],
                 ["export", str(not_corpus), "-o", str(tmp_path / "o.jsonl")],
                 ["import", str(not_corpus), str(SAMPLES)]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, args
        assert "annotator: " in result.output
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not_corpus.read_text() == "just text"
    assert not (tmp_path / "o.jsonl").exists()


def test_every_command_has_help() -> None:
    for command in ("init", "import", "export", "stats", "open"):
        result = invoke(command, "--help")
        assert result.exit_code == 0
        assert "Usage:" in result.output
