"""Undo and Redo in the window, following the session's history: named after the
step they would take, enabled when there is one (and the corpus can be written)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from annotator.gui.wording import shown
from annotator.session.history import History
from annotator.session.messages import Message


def follow_history(undo: QAction, redo: QAction, history: History,
                   *, read_only: bool = False) -> None:
    """Name and enable Undo and Redo after ``history`` as it is now; call again
    whenever the history moves or the corpus turns read-only."""
    _name(undo, QCoreApplication.translate("Actions", "&Undo"),
          QCoreApplication.translate("Editing", "&Undo {step}"), history.undo_step)
    _name(redo, QCoreApplication.translate("Actions", "&Redo"),
          QCoreApplication.translate("Editing", "&Redo {step}"), history.redo_step)
    undo.setEnabled(history.can_undo and not read_only)
    redo.setEnabled(history.can_redo and not read_only)


def _name(action: QAction, alone: str, named: str, step: Message | str) -> None:
    """``alone`` when there is no step, else ``named`` naming it."""
    text = shown(step).replace("&", "&&")  # a span's text: no mnemonics in it
    action.setText(named.format(step=text) if text else alone)
