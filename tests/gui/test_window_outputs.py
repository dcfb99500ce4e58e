"""Every dialog that writes a file refuses the corpus and the files SQLite keeps
beside it, before anything is written, and names the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.formats.selection import BadOption, ExportOptions
from annotator.gui.export_dialog import ExportChoice, ExportDialog
from annotator.gui.main_window import MainWindow
from annotator.gui.report_dialog import ReportDialog
from annotator.storage.corpus import Corpus
from tests.gui.conftest import ScriptedPrompts
from tests.gui.helpers import drag_select, press

COMPANIONS = ["", "-wal", "-shm", "-journal"]


def fingerprint(path: Path) -> list[tuple[str, int, int] | None]:
    """Size and change time of the corpus files: read by stat, which never opens them."""
    found = []
    for suffix in COMPANIONS:
        name = path.with_name(path.name + suffix)
        found.append((suffix, (s := os.stat(name)).st_size, s.st_mtime_ns)
                     if name.exists() else None)
    return found


def targets(corpus: Path, tmp_path: Path) -> list[Path]:
    link = tmp_path / "link-to-corpus.jsonl"
    link.symlink_to(corpus)
    return [corpus.with_name(corpus.name + suffix) for suffix in COMPANIONS] + [link]


@pytest.fixture
def coded(window: MainWindow) -> MainWindow:
    """A tag made, so the corpus's -wal and -shm hold something."""
    start = window.view.text.index("Hamas")
    drag_select(window.view, start, start + 5)
    press(window.view, "1")
    assert window.corpus.path.with_name(window.corpus.path.name + "-wal").exists()
    return window


def test_file_export_refuses_the_corpus_and_its_companions(coded: MainWindow, prompts,
                                                           tmp_path: Path) -> None:
    window = coded
    path = window.corpus.path
    before = fingerprint(path)
    for target in targets(path, tmp_path):
        prompts.exports = [ExportChoice("jsonl", target, ExportOptions())]
        window.files.export()
        assert window.background.worker is None  # nothing started, so nothing written
        title, message = prompts.errors[-1]
        assert title == "Export not written"
        assert str(target) in message and "Choose another file" in message
    assert fingerprint(path) == before
    with Corpus.open(path, create=False, check=True) as corpus:
        assert [s.text for s in corpus.spans(window.doc_id)] == ["Hamas"]


def test_the_export_dialog_says_so_in_the_form(qtbot, coded: MainWindow, tmp_path: Path) -> None:
    path = coded.corpus.path
    dialog = ExportDialog(None, path, ["actor"], ["alice"])
    qtbot.addWidget(dialog)
    for target in targets(path, tmp_path):
        dialog.output.setText(str(target))
        with pytest.raises(BadOption, match="writing there would destroy it"):
            dialog.read_choice()
        dialog._accept()
        assert str(target) in dialog.error.text() and dialog.choice is None
    dialog.output.setText(str(tmp_path / "fine.jsonl"))
    assert dialog.read_choice().output == tmp_path / "fine.jsonl"


class SavingPrompts(ScriptedPrompts):
    def __init__(self, answers: list[Path]) -> None:
        super().__init__()
        self.answers = answers

    def save_path(self, title: str, suggested: Path, file_filter: str) -> Path | None:
        return self.answers.pop(0) if self.answers else None


def test_the_agreement_report_refuses_the_corpus_and_its_companions(
        qtbot, coded: MainWindow, tmp_path: Path) -> None:
    path = coded.corpus.path
    before = fingerprint(path)
    chosen = targets(path, tmp_path)
    prompts = SavingPrompts(list(chosen))
    dialog = ReportDialog(None, "<p>report</p>", "<html>full</html>", path, prompts)
    qtbot.addWidget(dialog)
    for target in chosen:
        assert dialog.save() is None  # asked through the prompts, as the button does
        title, message = prompts.errors[-1]
        assert title == "Report not saved" and str(target) in message
    assert fingerprint(path) == before
    fine = tmp_path / "agreement.html"
    prompts.answers = [fine]
    assert dialog.save() == fine and fine.read_text(encoding="utf-8") == "<html>full</html>"


def test_a_new_corpus_is_not_made_of_the_open_corpus_files(coded: MainWindow, prompts,
                                                           tmp_path: Path) -> None:
    window = coded
    path = window.corpus.path
    before = fingerprint(path)
    for suffix in COMPANIONS[1:]:
        target = path.with_name(path.name + suffix)
        prompts.paths = [target]
        window.files.new_corpus()
        title, message = prompts.errors[-1]
        assert title == "New corpus" and str(target) in message
        assert window.corpus.path == path
    assert fingerprint(path) == before


def test_merging_the_corpus_into_itself_is_refused(coded: MainWindow, prompts) -> None:
    window = coded
    window.files.merge([window.corpus.path])
    title, head, _details = prompts.infos[-1]
    assert title == "Merge finished" and "is this corpus itself" in head
    assert [s.text for s in window.corpus.spans(window.doc_id)] == ["Hamas"]


def test_a_report_saved_onto_a_full_disk_leaves_the_old_one_whole(
        qtbot, coded: MainWindow, small_disk: Path) -> None:
    old = small_disk / "agreement.html"
    old.write_text("<html>the report of last week</html>", encoding="utf-8")
    (small_disk / "filler").write_bytes(b"\0" * (2 * 1024 * 1024 - 16384))
    prompts = SavingPrompts([old])
    big = "<html>" + "x" * (64 * 1024) + "</html>"
    dialog = ReportDialog(None, "<p>report</p>", big, coded.corpus.path, prompts)
    qtbot.addWidget(dialog)
    assert dialog.save() is None
    title, message = prompts.errors[-1]
    assert title == "Report not saved" and "the disk is full" in message
    assert old.read_text(encoding="utf-8") == "<html>the report of last week</html>"
    assert sorted(p.name for p in small_disk.iterdir()) == ["agreement.html", "filler"]
