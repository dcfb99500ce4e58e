"""The export dialog's language filter: codes or names, comma-separated, empty for all."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.formats.selection import BadOption
from annotator.gui.export_dialog import ExportDialog


def test_the_dialog_keeps_only_the_languages_given(qtbot, tmp_path: Path) -> None:
    dialog = ExportDialog(None, tmp_path / "corpus.sqlite", ["actor"], ["alice"], tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.read_choice().options.languages is None  # empty: every document
    dialog.languages.setText(" en, French ")
    assert dialog.read_choice().options.languages == ("en", "fr")
    dialog.languages.setText("en,Klingon")
    with pytest.raises(BadOption, match="Languages: en,Klingon names no language"):
        dialog.read_choice()
    dialog._accept()
    assert "names no language" in dialog.error.text()
    assert dialog.result() == 0  # still open
