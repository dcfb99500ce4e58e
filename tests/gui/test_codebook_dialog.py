"""The codebook viewer offers Save only once there is an edit to save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from annotator.gui.codebook_dialog import CodebookDialog
from tests.gui.helpers import press

TEXT = "# Codebook\n\nTag every armed group.\n"


def opened(qtbot) -> CodebookDialog:
    dialog = CodebookDialog(None, TEXT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_save_waits_for_an_edit(qtbot) -> None:
    dialog = opened(qtbot)
    assert not dialog.save_button.isEnabled()
    assert not dialog.save_button.isDefault()
    assert dialog.close_button.isDefault()

    dialog.edit_button.click()
    dialog.editor.setFocus()
    press(dialog.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    press(dialog.editor, "And militias.")
    assert dialog.save_button.isEnabled() and dialog.save_button.isDefault()
    assert not dialog.close_button.isDefault()

    for _ in "And militias.":  # typed back out: nothing to save again
        press(dialog.editor, Qt.Key.Key_Backspace)
    assert dialog.markdown == TEXT
    assert not dialog.save_button.isEnabled()
    assert dialog.close_button.isDefault()


def test_save_keeps_the_edit(qtbot) -> None:
    dialog = opened(qtbot)
    dialog.edit_button.click()
    dialog.editor.appendPlainText("Militias too.")
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.markdown.endswith("Militias too.")


def test_closing_drops_an_edit_only_when_the_coder_says_so(qtbot, monkeypatch) -> None:
    dialog = opened(qtbot)
    answers: list[bool] = []
    monkeypatch.setattr(dialog, "discard_edits", lambda: answers.pop(0))
    dialog.close_button.click()  # nothing edited: closes without a question
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()

    dialog = opened(qtbot)
    monkeypatch.setattr(dialog, "discard_edits", lambda: answers.pop(0))
    dialog.editor.appendPlainText("Militias too.")
    answers.append(False)
    press(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and answers == []
    answers.append(True)
    dialog.close_button.click()
    assert not dialog.isVisible() and answers == []
