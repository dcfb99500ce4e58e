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
        db.text_factory = bytes  # text that is not UTF-8 is compared too
        tables = [r[0].decode() for r in db.execute(
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


def test_text_that_is_not_utf8_is_named_not_a_traceback(coded: Path) -> None:
    with sqlite3.connect(coded) as db:
        db.execute("UPDATE labels SET description = CAST(X'6f6bff' AS TEXT) "
                   "WHERE name = 'actor'")
        db.execute("UPDATE changes SET after = CAST(X'7bff7d' AS TEXT) WHERE id = 1")
    before = snapshot(coded)
    shown = run("schema", coded)
    assert shown.exit_code == 2
    assert "its label schema is damaged (text that is not UTF-8)" in shown.output
    listing = run("history", coded)
    assert listing.exit_code == 0
    assert listing.output.splitlines()[0].endswith("(its record is damaged)")
    assert snapshot(coded) == before


def test_a_good_codebook_still_loads(coded: Path, tmp_path: Path) -> None:
    codebook = json.loads(run("schema", coded, "--json").output)
    codebook["labels"][0]["attributes"][0]["values"].append("bystander")
    path = tmp_path / "good.json"
    path.write_text(json.dumps(codebook), encoding="utf-8")
    assert run("schema", coded, "--load", path).exit_code == 0
    assert json.loads(run("schema", coded, "--json").output) == codebook


# -- history and restore ---------------------------------------------------------


def ids(path: Path) -> tuple[str, str, str]:
    """The uids of the coded document and of another, and the span's uid."""
    with Corpus.open(path) as corpus:
        first, second = corpus.document_ids()[:2]
        [span] = corpus.spans(first)
        return corpus.document(first).uid, corpus.document(second).uid, span.uid


@pytest.mark.parametrize("limit", ["0", "-1", "-100", "two"])
def test_history_limit_is_a_positive_number(coded: Path, limit: str) -> None:
    result = run("history", coded, "--limit", limit)
    assert result.exit_code == 2
    assert "Invalid value for '--limit'" in result.output
    assert ">=1" in result.output or "is not a valid integer" in result.output


def test_history_limit_gives_the_newest(coded: Path) -> None:
    every = [json.loads(line) for line in run("history", coded, "--json").output.splitlines()]
    newest = [json.loads(line) for line in
              run("history", coded, "--json", "--limit", "2").output.splitlines()]
    assert newest == every[-2:]
    assert [c["action"] for c in newest] == ["change span", "status"]
    assert len(run("history", coded, "--limit", "1000").output.splitlines()) == len(every)


def test_history_of_an_unknown_span_is_an_error(coded: Path) -> None:
    result = run("history", coded, "--span", "no-such-span")
    assert result.exit_code == 2
    assert "no span 'no-such-span'" in result.output


def change_ids(path: Path) -> dict[str, int]:
    """Action -> the number of its latest change."""
    lines = run("history", path, "--json").output.splitlines()
    return {c["action"]: c["id"] for c in map(json.loads, lines)}


@pytest.mark.parametrize("request_", [
    ("--span", "no-such-span", "--to", "1", "no span 'no-such-span'"),
    ("--doc", "no-such-doc", "--to", "1", "no document 'no-such-doc'"),
    ("--doc", "FIRST", "--to", "999", "no change 999 in the history"),
    ("--doc", "FIRST", "--to", "0", "no change 0"),
    ("--doc", "FIRST", "--to", "-3", "no change -3"),
    ("--doc", "SECOND", "--to", "ADD", "is a change of document 1, not of document 2"),
    ("--span", "SPAN", "--to", "OTHER", "not of span"),
    ("--span", "SPAN", "--doc", "SECOND", "--to", "ADD", "name a document with --doc or"),
])
def test_restore_refuses_what_does_not_exist(coded: Path, request_: tuple[str, ...]) -> None:
    first, second, span = ids(coded)
    numbers = change_ids(coded)
    history = run("history", coded, "--json", "--doc", second).output.splitlines()
    other = json.loads(history[0])["id"]  # the other document's import
    names = {"FIRST": first, "SECOND": second, "SPAN": span, "ADD": str(numbers["add span"]),
             "OTHER": str(other)}
    *args, message = [names.get(a, a) for a in request_]
    before = snapshot(coded)
    result = run("restore", coded, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "undid" not in result.output
    assert snapshot(coded) == before


def test_restore_still_goes_back(coded: Path) -> None:
    first, _second, span = ids(coded)
    numbers = change_ids(coded)
    result = run("restore", coded, "--span", span, "--to", numbers["add span"])
    assert result.exit_code == 0, result.output
    assert "undid 1 later changes" in result.output
    with Corpus.open(coded) as corpus:
        assert corpus.span(span).label == "actor"
    again = run("restore", coded, "--doc", first, "--to", change_ids(coded)["change span"])
    assert again.exit_code == 0
    assert "nothing to undo" in again.output


def test_a_damaged_log_row_is_shown_and_never_half_undone(coded: Path) -> None:
    _first, _second, span = ids(coded)
    numbers = change_ids(coded)
    with sqlite3.connect(coded) as db:
        db.execute("UPDATE changes SET before = '{\"label\": 5', after = 'x' WHERE id = ?",
                   [numbers["change span"]])
        db.execute("UPDATE changes SET before = '[1, 2]' WHERE id = ?", [numbers["status"]])
    listing = run("history", coded)
    assert listing.exit_code == 0
    assert "(its record is damaged)" in listing.output
    before = snapshot(coded)
    for args in (["--span", span], ["--doc", ids(coded)[0]]):
        result = run("restore", coded, *args, "--to", numbers["add span"])
        assert result.exit_code == 2, result.output
        assert "cannot be undone: its record is damaged" in result.output
        assert snapshot(coded) == before


# -- assign ------------------------------------------------------------------------


def files_under(folder: Path) -> list[str]:
    """Files in ``folder``, without the -wal and -shm that reading a corpus makes."""
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if not p.name.endswith(("-wal", "-shm")))


@pytest.mark.parametrize(("coders", "message"), [
    ("alice,../bob", "'../bob' has a path separator or '..' in it"),
    ("alice,bob/x", "'bob/x' has a path separator"),
    ("alice,b\\ob", "path separator"),
    ("alice,..", "'..' has a path separator or '..' in it"),
    ("alice,,bob", "a coder name is empty"),
    ("alice, ", "a coder name is empty"),
    ("alice,bo\x07b", "control character (U+0007)"),
    ("alice,bob\x1b[2J", "control character (U+001B)"),
    ("alice," + "b" * 65, "is 65 characters long (at most 64)"),
    ("alice,Alice", "would share the file"),
    ("Mary Ann,Mary_Ann", "would share the file"),
])
def test_assign_checks_every_name_before_writing(coded: Path, tmp_path: Path, coders: str,
                                                 message: str) -> None:
    out = tmp_path / "team"
    result = run("assign", coded, "--coders", coders, "-o", out)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not out.exists()
    assert not (tmp_path / "coded-alice.sqlite").exists()
    assert not list(tmp_path.rglob("*bob*"))


def test_assign_names_files_safely(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "team"
    result = run("assign", coded, "--coders", "Mary Ann,con,a:b", "--overlap", "0%", "-o", out)
    assert result.exit_code == 0, result.output
    assert files_under(out) == ["coded-Mary_Ann.sqlite", "coded-a_b.sqlite", "coded-con_.sqlite"]
    with Corpus.open(out / "coded-Mary_Ann.sqlite") as mine:
        assert mine.setting("assigned_to") == "Mary Ann"


def test_assign_never_writes_over_a_corpus(coded: Path, tmp_path: Path) -> None:
    out = tmp_path / "team"
    out.mkdir()
    other = out / "coded-bob.sqlite"
    assert run("init", other).exit_code == 0  # someone else's corpus, by chance so named
    kept = snapshot(other)
    result = run("assign", coded, "--coders", "alice,bob", "-o", out)
    assert result.exit_code == 2
    assert f"{other}: already exists; nothing was written" in result.output
    assert files_under(out) == ["coded-bob.sqlite"]
    assert snapshot(other) == kept


def test_a_damaged_document_stops_assign_and_leaves_nothing(coded: Path, tmp_path: Path) -> None:
    with sqlite3.connect(coded) as db:
        db.execute("UPDATE documents SET meta = '{not json' WHERE id = 3")
    out = tmp_path / "team"
    result = run("assign", coded, "--coders", "alice,bob", "-o", out)
    assert result.exit_code == 2
    assert "is damaged (meta are not JSON" in result.output
    assert not out.exists()


def test_a_failure_half_way_removes_what_the_run_wrote(coded: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.storage import assignment

    write = assignment._write_assignment
    written: list[Path] = []

    def disk_fills_after_one(corpus: Corpus, path: Path, *args: Any) -> None:
        # Fault injection: the first coder's corpus is written for real, then the
        # disk is "full", as on a small USB stick.
        if written:
            raise OSError(28, "No space left on device")
        write(corpus, path, *args)
        written.append(path)

    monkeypatch.setattr(assignment, "_write_assignment", disk_fills_after_one)
    out = tmp_path / "team"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("assign", coded, "--coders", "alice,bob,carol", "-o", out)
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert written and not written[0].exists()
    assert files_under(out) == ["notes.txt"]


def test_the_whole_history_is_printed_a_page_at_a_time_in_order(
        coded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.cli_review as review

    with Corpus.open(coded) as corpus:
        made = [row[0] for row in corpus.db.fetch_all("SELECT id FROM changes ORDER BY id")]
        first = corpus.document_ids()[0]
        for_first = [row[0] for row in corpus.db.fetch_all(
            "SELECT id FROM changes WHERE doc_id = ? ORDER BY id", [first])]
    assert len(made) > 3
    monkeypatch.setattr(review, "HISTORY_PAGE", 2)  # pages end inside the log
    listed = [json.loads(line)["id"] for line in run("history", coded, "--json").output.splitlines()]
    assert listed == made
    doc_uid, _other, _span = ids(coded)
    by_doc = [json.loads(line)["id"] for line in
              run("history", coded, "--json", "--doc", doc_uid).output.splitlines()]
    assert by_doc == for_first
