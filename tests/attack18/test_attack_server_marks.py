"""Near-duplicate marks on a team's server: a coder changing the threshold, a coder's
import, and push and pull of a corpus with marks."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage.corpus import Corpus
from tests.server.logins import PASSWORD, login
from tests.storage.test_near_duplicates import OWN_WORDS, REPRINT, TRIMMED, WIRE


def _run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result


def _stories(path: Path) -> Path:
    path.write_text("".join(json.dumps({"id": f"s{n}", "text": text}) + "\n" for n, text in
                            enumerate((WIRE, OWN_WORDS, REPRINT, TRIMMED), start=1)),
                    encoding="utf-8")
    return path


def _team(pg_url: str, tmp_path: Path) -> tuple[str, str]:
    from annotator.storage.pg.address import ServerAddress
    from annotator.storage.pg.roles import add_coder

    assert _run("server", "init", pg_url).exit_code == 0
    address = ServerAddress.parse(pg_url)
    add_coder(address, "lee", "lead", PASSWORD)
    add_coder(address, "ann", "coder", PASSWORD)
    local = tmp_path / "mine.sqlite"
    assert _run("import", local, _stories(tmp_path / "s.jsonl")).exit_code == 0
    lead = login(pg_url, "lee")
    pushed = _run("push", local, lead)
    assert pushed.exit_code == 0, pushed.output
    return lead, login(pg_url, "ann")


def _marks(location: str | Path) -> set[tuple[str, str]]:
    with Corpus.open(location) as corpus:
        return {(a, b) for a, b in corpus.db.fetch_all(
            "SELECT c.uid, o.uid FROM near_duplicates n JOIN documents c ON c.id = n.doc_id "
            "JOIN documents o ON o.id = n.original_id")}


def test_marks_go_up_and_come_back_and_a_coder_sees_them(pg_url: str, tmp_path: Path):
    lead, coder = _team(pg_url, tmp_path)
    assert _marks(lead) == {("s3", "s1")}
    listed = _run("duplicates", coder, "--list")
    assert listed.exit_code == 0 and "s3  copy of s1" in listed.output, listed.output
    pulled = _run("pull", coder, tmp_path / "back.sqlite")
    assert pulled.exit_code == 0, pulled.output
    assert _marks(tmp_path / "back.sqlite") == {("s3", "s1")}


def test_a_coder_changing_the_threshold_is_told_why_not(pg_url: str, tmp_path: Path):
    _lead, coder = _team(pg_url, tmp_path)
    changed = _run("duplicates", coder, "--threshold", "0.5")
    # Refused whole, saying whose corpus and why; the marks and threshold as they were.
    assert changed.exit_code != 0
    assert "ann@" in changed.output and "role on the server does not allow" in changed.output
    assert _marks(coder) == {("s3", "s1")}
    with Corpus.open(coder) as corpus:
        assert corpus.setting("near_duplicate_threshold", None) is None


def test_a_coder_s_import_on_the_server_is_refused_with_a_message(pg_url: str, tmp_path: Path):
    _lead, coder = _team(pg_url, tmp_path)
    more = tmp_path / "more.jsonl"
    more.write_text(json.dumps({"id": "s5", "text": "Another outlet:\n\n" + WIRE}) + "\n",
                    encoding="utf-8")
    imported = _run("import", coder, more)
    # A coder adds no documents: told so, naming the corpus.
    assert imported.exit_code != 0 and "ann@" in imported.output, imported.output
    assert _marks(coder) == {("s3", "s1")}
