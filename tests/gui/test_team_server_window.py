"""The window on a team's server: connecting from the File menu, the login as the
coder, and another coder's change, a lead's import or codebook change appearing
without a reload while this coder's selection, place and typing stay as they were."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.core.model import DocumentRecord
from annotator.gui.connect_dialog import ConnectDialog
from annotator.gui.main_window import MainWindow
from annotator.settings import Settings, config_dir
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.pg.address import ServerAddress
from annotator.storage.pg.roles import add_coder, init_server
from annotator.storage.transfer import copy_corpus
from annotator.workspace import create_corpus
from tests.gui.conftest import LAPTOP, ScriptedPrompts
from tests.gui.helpers import drag_select, press
from tests.server.logins import PASSWORD, login


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> dict[str, str]:
    address = ServerAddress.parse(pg_url)
    init_server(address)
    for name, kind in (("alice", "coder"), ("bob", "coder"), ("lee", "lead")):
        add_coder(address, name, kind, PASSWORD)
    sample, _ = create_corpus(tmp_path / "sample.sqlite", sample=True)
    with sample, Corpus.open(pg_url) as server:
        copy_corpus(sample, server)
    return {name: login(pg_url, name) for name in ("alice", "bob", "lee")}


class ConnectingPrompts(ScriptedPrompts):
    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[ServerAddress | None] = []

    def server_address(self, user: str) -> ServerAddress | None:
        return self.addresses.pop(0) if self.addresses else None


def opened(qtbot, location: str | Path, coder: str, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(Corpus.open(location), coder, Settings(), prompts)
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def two_coders(qtbot, team: dict[str, str]) -> Iterator[tuple[MainWindow, MainWindow]]:
    alice = opened(qtbot, team["alice"], "alice", ScriptedPrompts())
    bob = opened(qtbot, team["bob"], "bob", ScriptedPrompts())
    yield alice, bob


def test_connecting_from_the_file_menu_codes_as_the_login_and_keeps_no_password(
        qtbot, team: dict[str, str], sample_corpus: Path, pg_url: str) -> None:
    dialog = ConnectDialog(user="someone")
    qtbot.addWidget(dialog)
    dialog.show()
    host, port_db = pg_url.split("@", 1)[1].split(":", 1)
    port, database = port_db.split("/", 1)
    QTest.keyClicks(dialog.host, host)
    dialog.port.selectAll()
    QTest.keyClicks(dialog.port, port)
    QTest.keyClicks(dialog.database, database)
    dialog.user.selectAll()
    QTest.keyClicks(dialog.user, "alice")
    QTest.keyClicks(dialog.password, PASSWORD)
    dialog.ssl.setCurrentIndex(dialog.ssl.findData("prefer"))  # the test server has no TLS
    assert PASSWORD.split()[0] not in dialog.shown.text()  # the address shown hides it
    QTest.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    address = dialog.result_address()
    assert address is not None and address.user == "alice" and address.database == database

    prompts = ConnectingPrompts()
    prompts.addresses.append(address)
    window = opened(qtbot, sample_corpus, "someone", prompts)
    window.files.connect_server()
    assert prompts.errors == []
    assert window.session.coder == "alice"  # the login, not the name the window had
    assert window.windowTitle().startswith(database)
    assert window.settings.recent[0] == address.shown
    window.save_settings()
    saved = (config_dir() / "settings.json").read_text(encoding="utf-8")
    assert "horse" not in saved and address.shown in json.loads(saved)["recent"]


def test_another_coders_change_appears_and_this_coders_selection_and_place_stay(
        qtbot, two_coders: tuple[MainWindow, MainWindow]) -> None:
    alice, bob = two_coders
    alice.session.set_show_all_coders(True)
    view = alice.view
    start = view.text.rindex("Iraq")
    drag_select(view, start, start + 4)  # a selection in progress, far down the article
    chosen, place = view.raw_selection(), view.verticalScrollBar().value()
    assert place > 0
    bob.activateWindow()
    qtbot.waitUntil(bob.isActiveWindow)
    phrase = "Katyusha"
    at = bob.view.text.index(phrase)
    drag_select(bob.view, at, at + len(phrase))
    press(bob.view, "1")
    made = bob.session.current_span
    assert made is not None and made.coder == "bob"
    began = time.monotonic()
    qtbot.waitUntil(lambda: any(s.uid == made.uid for s in alice.session.spans), timeout=10_000)
    print(f"bob's span appeared in alice's window after {time.monotonic() - began:.3f} s")
    assert (view.raw_selection(), view.verticalScrollBar().value()) == (chosen, place)


def test_a_leads_import_and_codebook_change_appear_without_a_reload(
        qtbot, two_coders: tuple[MainWindow, MainWindow], team: dict[str, str]) -> None:
    alice, _ = two_coders
    before = alice.corpus.document_count()
    with Corpus.open(team["lee"]) as lead:
        add_documents(lead, [DocumentRecord(text="Clashes were reported in Sinjar.",
                                            uid="late-arrival")])
        lead.ensure_labels(["weapon"])
    qtbot.waitUntil(lambda: "weapon" in [label.name for label in alice.session.labels],
                    timeout=10_000)
    qtbot.waitUntil(lambda: alice.documents.rowCount() == before + 1, timeout=10_000)


def test_a_tag_made_while_the_network_is_down_shows_waiting_never_saved(
        qtbot, team: dict[str, str], pg_url: str) -> None:
    from urllib.parse import urlsplit

    from tests.server.net_cut import CuttableLink

    where = urlsplit(pg_url)
    link = CuttableLink(where.hostname or "127.0.0.1", where.port or 5432)
    try:
        window = opened(qtbot, link.url(team["alice"]), "alice", ScriptedPrompts())
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        label = window.status_line.saved_label
        link.cut()
        phrase = "Katyusha"
        at = window.view.text.index(phrase)
        drag_select(window.view, at, at + len(phrase))
        press(window.view, "1")
        assert "waiting for the server" in label.text() and "saved" not in label.text()
        assert window.session.spans.by_uid is not None and not any(
            s.text == phrase for s in window.session.spans)
        link.mend()
        qtbot.waitUntil(lambda: "saved" in label.text(), timeout=15_000)
        assert [s.text for s in window.session.spans if s.coder == "alice"] == [phrase]
        with Corpus.open(team["lee"]) as lead:
            assert [s.text for s in lead.spans(window.doc_id, "alice")] == [phrase]
    finally:
        link.close()


def test_annotator_open_a_url_starts_the_window_on_the_server(team: dict[str, str],
                                                             tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "annotator", "open", team["alice"],
                          "--quit-after", "0.5"], capture_output=True, text=True, cwd=REPO,
                         env=env, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "horse" not in run.stderr
    saved = json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8")) \
        if (tmp_path / "config" / "settings.json").exists() else None
    recent = saved["recent"] if saved else json.loads(next(tmp_path.rglob("settings.json"))
                                                      .read_text(encoding="utf-8"))["recent"]
    assert recent[0] == ServerAddress.parse(team["alice"]).shown
    wrong = team["alice"].replace("correct%20horse", "wrong%20horse")
    # The window says it on standard error and in a dialog, which waits for the coder:
    # the line is read as it comes, then the process is ended.
    refused = subprocess.Popen([sys.executable, "-m", "annotator", "open", wrong],
                               stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)
    try:
        assert refused.stderr is not None
        line = refused.stderr.readline()
    finally:
        refused.kill()
        refused.wait()
    assert "refused the login" in line and "wrong" not in line and "Traceback" not in line


def test_another_coders_change_keeps_what_this_coder_is_typing_in_a_form(
        qtbot, two_coders: tuple[MainWindow, MainWindow], team: dict[str, str]) -> None:
    alice, _ = two_coders
    alice.session.set_show_all_coders(True)
    alice.activateWindow()
    qtbot.waitUntil(alice.isActiveWindow)
    phrase = "Ain al-Assad"
    at = alice.view.text.index(phrase)
    drag_select(alice.view, at, at + len(phrase))
    press(alice.view, "3")
    span = alice.session.current_span
    assert span is not None and span.label == "location"
    editor = alice.span_pane.form.editor("note")
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClicks(editor, "seen on video")  # not confirmed yet
    with Corpus.open(team["bob"]) as bob:
        doc = alice.doc_id
        assert doc is not None
        text = bob.document(doc).text
        start = text.index("Katyusha")
        from annotator.core.model import Span

        made = bob.insert_span(Span(start, start + 8, "actor", "Katyusha", "bob", doc_id=doc))
    qtbot.waitUntil(lambda: any(s.uid == made.uid for s in alice.session.spans), timeout=10_000)
    assert editor.hasFocus() and editor.text() == "seen on video"
    press(editor, Qt.Key.Key_Return)
    assert alice.corpus.span(span.uid).attrs.get("note") == "seen on video"


def test_team_progress_in_the_window_per_coder_and_label_with_the_queue(
        qtbot, two_coders: tuple[MainWindow, MainWindow], team: dict[str, str]) -> None:
    from annotator.storage.work_queue import queue_documents

    alice, _ = two_coders
    with Corpus.open(team["lee"]) as lead:
        queue_documents(lead, lead.document_ids()[:2], queued_by="lee")
    alice.activateWindow()
    qtbot.waitUntil(alice.isActiveWindow)
    at = alice.view.text.index("Katyusha")
    drag_select(alice.view, at, at + 8)
    press(alice.view, "1")
    done = alice.doc_id
    alice.session.done_and_next()  # takes the first queued document not done already
    assert alice.doc_id != done
    prompts = alice.bench.prompts
    alice.tools.team_progress()
    html, _ = prompts.reports[-1]
    assert prompts.report_titles[-1] == "Team progress"
    assert "Work queue: 1 of 2 copies taken, 1 waiting." in html
    assert "<td>alice</td><td>1</td><td>1</td>" in html and "<th>actor</th>" in html


def test_the_windows_import_export_and_search_work_on_a_server(
        qtbot, team: dict[str, str], tmp_path: Path) -> None:
    from annotator.formats.selection import ExportOptions
    from annotator.gui.export_dialog import ExportChoice

    prompts = ScriptedPrompts()
    lead = opened(qtbot, team["lee"], "lee", prompts)
    before = lead.corpus.document_count()
    data = tmp_path / "more.jsonl"
    data.write_text(json.dumps({"text": "Militants attacked a convoy near Gao.", "spans": [
        {"start": 0, "end": 9, "label": "actor"}]}) + "\n", encoding="utf-8")
    prompts.paths = [data]
    lead.files.import_files()  # in the background, on a connection of its own
    worker = lead.background.worker
    assert worker is not None
    # Its end as the window sees it (a signal the thread sent before this line
    # started listening would be missed).
    qtbot.waitUntil(lambda: lead.background.worker is None, timeout=30_000)
    assert lead.corpus.document_count() == before + 1
    assert prompts.errors == []
    out = tmp_path / "export.jsonl"
    prompts.exports = [ExportChoice("jsonl", out, ExportOptions())]
    lead.files.export()
    worker = lead.background.worker
    assert worker is not None
    # Its end as the window sees it (a signal the thread sent before this line
    # started listening would be missed).
    qtbot.waitUntil(lambda: lead.background.worker is None, timeout=30_000)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == before + 1 and any("Gao" in line["text"] for line in lines)
    lead.documents.reset(search="convoy")  # the list's search runs on its own thread
    qtbot.waitUntil(lambda: lead.documents.rowCount() == 1, timeout=30_000)
