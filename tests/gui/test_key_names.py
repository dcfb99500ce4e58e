"""Keys are named the same way everywhere in the window, whatever its language: the
menus' key column, the F1 sheet and the texts that name a key ("Shift+Tab", never
"Maj+Tab" in one place and "Shift+Tab" in another)."""

from __future__ import annotations

from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from annotator.gui.app import build_window
from annotator.gui.i18n import install_translator
from annotator.gui.shortcuts import sheet_html
from annotator.settings import Settings

NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    install_translator(qapp, Settings(language="en"), say=lambda _message: None)


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_keys_keep_their_names_in_every_language(qtbot, english, sample_corpus: Path,
                                                 prompts, language: str) -> None:
    Settings(language=language).save()
    window = build_window(sample_corpus, "alice", prompts)
    assert window is not None
    qtbot.addWidget(window)
    assert window.binder.bound["file.quit"].text() != "&Quit"  # the window is translated
    for keys in ("Ctrl+Shift+F", "Shift+Tab", "Alt+Down", "Backspace", "Esc"):
        assert QKeySequence(keys).toString(NATIVE) == keys
    sheet = unescape(sheet_html(window.binder))
    assert "Ctrl+Shift+F" in sheet and "Shift+Backspace" in sheet
    for native in ("Maj+", "Mayúsculas", "Effacement", "Échap", "Tabulador"):
        assert native not in sheet
    window.close()


def test_the_f1_sheet_is_mirrored_in_a_right_to_left_language(window, english) -> None:
    from PySide6.QtCore import Qt

    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        sheet = sheet_html(window.binder)
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    # Name first, keys last: the keys stand on the right, where the reader starts.
    assert "<td align='right'>Undo</td><td align='right'><b>Ctrl+Z</b></td>" in sheet
    assert "<td><b>Ctrl+Z</b></td><td>Undo</td>" in sheet_html(window.binder)
