"""What the window's forms share: an error line, OK and Cancel, accepting only valid input."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from annotator.gui.theme import current_theme


def error_line() -> QLabel:
    label = QLabel()
    label.setStyleSheet(f"color: {current_theme().error_text}")
    label.setWordWrap(True)
    return label


def ok_cancel(dialog: QDialog, accept: Callable[[], None], ok_text: str = "") -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def accept_valid(dialog: QDialog, error: QLabel, read: Callable[[], Any],
                 keep: Callable[[Any], None]) -> None:
    """Close the dialog with what ``read`` makes of it, or say what is wrong and stay."""
    try:
        value = read()
    except ValueError as exc:  # the forms' own errors (InvalidRecord, BadOption) are these
        error.setText(str(exc))
        return
    keep(value)
    dialog.accept()
