from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli


def run(*args: object) -> object:
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_schema_prints_the_default_codebook(corpus_path: Path) -> None:
    assert run("init", corpus_path).exit_code == 0
    text = run("schema", corpus_path)
    assert text.exit_code == 0
    assert "[2] casualty" in text.output
    assert "qualifier: choice (exact, at least, at most, approx, more than, vague)" in text.output
    # The relation types and the document's questions are the codebook too.
    assert "relation [Shift+L] located in: actor/casualty -> location" in text.output
    assert "document question relevant: boolean" in text.output
    data = json.loads(run("schema", corpus_path, "--json").output)
    assert [label["name"] for label in data["labels"]] == ["actor", "casualty", "location"]
    assert "violence against civilians" in data["event_types"]


def test_schema_load_shares_a_codebook_between_corpora(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    run("init", first)
    run("init", second)
    codebook = json.loads(run("schema", first, "--json").output)
    codebook["labels"].append({"name": "weapon", "color": "#8e5cc7", "shortcut": "4", "description": "",
                               "attributes": [{"name": "kind", "type": "choice",
                                               "values": ["rocket", "drone", "gun"],
                                               "required": True}]})
    path = tmp_path / "codebook.json"
    path.write_text(json.dumps(codebook), encoding="utf-8")
    loaded = run("schema", second, "--load", path)
    assert loaded.exit_code == 0, loaded.output
    assert json.loads(run("schema", second, "--json").output) == codebook


def test_schema_load_explains_what_is_wrong(tmp_path: Path) -> None:
    corpus = tmp_path / "c.sqlite"
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"text": "Hamas said", "spans": [
        {"start": 0, "end": 5, "label": "actor"}]}) + "\n", encoding="utf-8")
    run("import", corpus, data)
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"labels": [\n  {"name": }\n]}')
    result = run("schema", corpus, "--load", bad_json)
    assert result.exit_code == 2
    assert f"{bad_json}:2: not valid JSON" in result.output
    bad_kind = tmp_path / "kind.json"
    bad_kind.write_text(json.dumps({"labels": [{"name": "actor", "attributes": [
        {"name": "n", "type": "complex"}]}]}))
    assert "kind 'complex' is not one of" in run("schema", corpus, "--load", bad_kind).output
    dropping = tmp_path / "drop.json"
    dropping.write_text(json.dumps({"labels": [{"name": "location"}]}))
    refused = run("schema", corpus, "--load", dropping)
    assert refused.exit_code == 2
    assert "actor (1 spans)" in refused.output
    moved = run("schema", corpus, "--load", dropping, "--move", "actor=location")
    assert moved.exit_code == 0
    stats = json.loads(run("stats", corpus, "--json").output)
    assert stats["labels"] == {"location": 1}
