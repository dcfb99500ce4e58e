"""Bad input to `schema --load`, `history`, `restore` and `assign`: a message naming
the file and what is wrong, exit status 2, never a traceback, and nothing already
saved lost or changed."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.model import Span
from annotator.storage.corpus import Corpus

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"

# Each hostile codebook and what the refusal must say about it.
CODEBOOKS = {
    "schema-latin1.json": ":6: is not UTF-8 text (byte 0xe9",
    "schema-deep.json": "nested too deeply",
    "schema-values-string.json":
        "label 'actor', attribute 'role': values must be a list of strings, not a string",
    "schema-values-mixed.json": "attribute 'outcome': values: item 2 must be a string",
    "schema-examples-number.json": "label 'actor': examples must be a list of strings",
    "schema-labels-object.json": '"labels" is an object',
    "schema-attribute-number.json": "label 'actor', attribute 2 must be an object, not a number",
    "schema-name-number.json": "label 2: name must be a string, not a number",
    "schema-shortcut-number.json": "label 'actor': shortcut must be a string",
    "schema-colour-word.json": "label 'location': color 'green' is not a colour",
    "schema-duplicate-labels.json": "labels 1 and 3 are both named 'actor'",
    "schema-duplicate-shortcut.json": "labels 'actor' and 'location' have the same shortcut",
    "schema-duplicate-keys.json": "the key 'name' appears twice",
    "schema-required-string.json": "attribute 'outcome': required must be true or false",
    "schema-unknown-key.json": "label 'actor': unknown key 'colour'",
    "schema-event-types-string.json": '"event_types" must be a list of names',
    "schema-control-name.json": "control character (U+001B)",
    "schema-surrogate.json": "lone surrogate (U+D800)",
    "schema-long-name.json": "characters long (at most 100)",
    "schema-empty-labels.json": "a schema needs at least one label",
    "schema-not-object.json": 'a schema is an object with a "labels" list, not a list',
    "schema-nan.json": "NaN is not a JSON value",
    "schema-truncated.json": ":30: not valid JSON",
}


def run(*args: object) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    # A traceback shows as an exception other than the exit click makes.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def snapshot(path: Path) -> dict[str, list[Any]]:
    """Every row of every table, read without writing anything."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        return {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in tables}


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    """A sample corpus with one span tagged, changed and a status set."""
    path = tmp_path / "coded.sqlite"
    assert run("init", path, "--sample").exit_code == 0
    with Corpus.open(path) as corpus:
        doc_id = corpus.document_ids()[0]
        text = corpus.document(doc_id).text
        span = corpus.insert_span(Span(start=0, end=4, label="actor", text=text[:4],
                                       coder="alice", doc_id=doc_id))
        corpus.replace_span(span, Span(start=0, end=4, label="location", text=text[:4],
                                       coder="alice", uid=span.uid, doc_id=doc_id))
        corpus.set_status(doc_id, "alice", "done")
    return path


def test_every_hostile_codebook_file_is_listed_here() -> None:
    assert sorted(p.name for p in HOSTILE.glob("schema-*.json")) == sorted(CODEBOOKS)


@pytest.mark.parametrize("name", sorted(CODEBOOKS))
def test_a_hostile_codebook_is_refused_and_the_corpus_kept(coded: Path, name: str) -> None:
    before = snapshot(coded)
    result = run("schema", coded, "--load", HOSTILE / name)
    assert result.exit_code == 2, result.output
    assert f"annotator: {HOSTILE / name}" in result.output  # the file is named
    assert CODEBOOKS[name] in result.output
    assert snapshot(coded) == before


def test_a_codebook_that_cannot_be_opened_is_named(coded: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.json"
    locked.write_text("{}", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        pytest.skip("running as a user who can read anything")
    result = run("schema", coded, "--load", locked)
    assert result.exit_code == 2
    assert f"{locked}: cannot be read" in result.output


def test_a_good_codebook_still_loads(coded: Path, tmp_path: Path) -> None:
    codebook = json.loads(run("schema", coded, "--json").output)
    codebook["labels"][0]["attributes"][0]["values"].append("bystander")
    path = tmp_path / "good.json"
    path.write_text(json.dumps(codebook), encoding="utf-8")
    assert run("schema", coded, "--load", path).exit_code == 0
    assert json.loads(run("schema", coded, "--json").output) == codebook
