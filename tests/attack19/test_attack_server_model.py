"""The corpus model of a corpus on a server, attacked: trained and used from the command
line and the window, its password never on a command line."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QProcess

from annotator.model_files import model_dir
from annotator.settings import data_dir
from annotator.storage.pg.address import ServerAddress
from tests.attack19.test_attack_model_folder import run
from tests.gui.conftest import _appearance_left_as_found, open_window, prompts  # noqa: F401

SECRET = "s3cret-Passw0rd"
TRAINING_WAIT_MS = 300_000


def _server_corpus(url: str, folder: Path) -> None:
    source = folder / "reports.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(25):
            text = f"Fighters fired mortars at the camp near Gao on day {n}. Residents fled."
            start = text.index("mortars")
            record: dict[str, object] = {"id": f"d{n}", "text": text}
            if n < 22:
                record |= {"spans": [{"start": start, "end": start + 7, "label": "weapon",
                                      "coder": "alice"}], "statuses": {"alice": "done"}}
            out.write(json.dumps(record) + "\n")
    result = run("import", url, source)
    assert result.exit_code == 0, result.output


def test_a_server_corpus_trains_and_suggests_from_the_command_line(pg_url: str,
                                                                   tmp_path: Path):
    """Held: its model is kept in the data folder, found again by suggest."""
    _server_corpus(pg_url, tmp_path)
    result = run("train", pg_url, "--epochs", "1", "--doubt-pool", "2")
    assert result.exit_code == 0, result.output
    folder = model_dir(ServerAddress.parse(pg_url))
    assert folder.parent == data_dir() / "models" and (folder / "meta.json").is_file()
    result = run("suggest", pg_url, "--model", "corpus", "--doc", "d23")
    assert result.exit_code == 0, result.output


def _with_password(url: str) -> str:
    parts = urlsplit(url)
    user, host = parts.netloc.split("@")
    return urlunsplit(parts._replace(netloc=f"{user}:{SECRET}@{host}"))


def test_the_windows_training_of_a_server_corpus_keeps_the_password_off_its_command_line(
        qtbot, pg_url: str, tmp_path: Path, prompts):  # noqa: F811
    """Held: the child's argv names the server without the password; its environment
    carries it."""
    _server_corpus(pg_url, tmp_path)
    url = _with_password(pg_url)
    window = open_window(qtbot, url, prompts, coder="alice")
    training = window.model_training
    window.binder.bound["suggest.train_model"].trigger()
    process = training.process
    assert process is not None
    qtbot.waitUntil(lambda: process.state() == QProcess.ProcessState.Running, timeout=60_000)
    pid = process.processId()
    argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    assert b"train" in argv
    assert not any(SECRET.encode() in arg for arg in argv), argv
    assert f"PGPASSWORD={SECRET}".encode() in environ
    with qtbot.waitSignal(training.finished, timeout=TRAINING_WAIT_MS) as ended:
        pass
    window.close()
    assert ended.args == [True]
