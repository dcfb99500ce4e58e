"""Where the export dialog first offers to write: the last folder used, else Documents,
named after the corpus and the format; never the application's hidden data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.gui.export_dialog import ExportDialog
from annotator.settings import data_dir, default_corpus_path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of the test's own, with a Documents folder in it."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    # Where a desktop may name another Documents folder: here, nowhere.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def dialog(qtbot, corpus: Path, folder: Path | None = None) -> ExportDialog:
    opened = ExportDialog(None, corpus, ["actor", "casualty"], ["alice"], folder)
    qtbot.addWidget(opened)
    return opened


def choose_format(opened: ExportDialog, name: str) -> None:
    opened.format.setCurrentIndex(opened.format.findData(name))


def test_the_first_offer_is_in_documents_named_after_the_corpus(qtbot, home: Path) -> None:
    opened = dialog(qtbot, default_corpus_path())  # the corpus in the hidden data folder
    output = Path(opened.output.text())
    assert output == home / "Documents" / "corpus-jsonl.jsonl"
    assert data_dir() not in output.parents

    choose_format(opened, "conll")
    assert Path(opened.output.text()) == home / "Documents" / "corpus-conll.conll"
    choose_format(opened, "xmi")  # a folder of files, named for its own format
    assert Path(opened.output.text()) == home / "Documents" / "corpus-xmi"


def test_without_a_documents_folder_the_offer_is_in_home(qtbot, home: Path,
                                                         tmp_path: Path) -> None:
    (home / "Documents").rmdir()
    opened = dialog(qtbot, tmp_path / "gao reports.sqlite")
    assert Path(opened.output.text()) == home / "gao reports-jsonl.jsonl"


def test_the_last_folder_used_is_offered_while_it_is_there(qtbot, home: Path,
                                                           tmp_path: Path) -> None:
    last = tmp_path / "exports"
    last.mkdir()
    opened = dialog(qtbot, default_corpus_path(), last)
    assert Path(opened.output.text()) == last / "corpus-jsonl.jsonl"
    choice = opened.read_choice()
    assert choice.folder == last  # what the window keeps for next time

    gone = tmp_path / "unplugged"
    opened = dialog(qtbot, default_corpus_path(), gone)
    assert Path(opened.output.text()) == home / "Documents" / "corpus-jsonl.jsonl"


def test_a_folder_or_name_of_the_coders_own_is_kept(qtbot, home: Path, tmp_path: Path) -> None:
    opened = dialog(qtbot, default_corpus_path())
    opened.output.setText(str(tmp_path / "corpus-jsonl.jsonl"))  # another folder, our name
    choose_format(opened, "spacy")
    assert Path(opened.output.text()) == tmp_path / "corpus-spacy.spacy"
    opened.output.setText(str(tmp_path / "for-training.spacy"))
    choose_format(opened, "conll")
    assert Path(opened.output.text()) == tmp_path / "for-training.spacy"
