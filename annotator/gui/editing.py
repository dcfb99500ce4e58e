"""Undo and Redo in the window, following the session's history: named after the
step they would take, enabled when there is one (and the corpus can be written)."""

from __future__ import annotations

from PySide6.QtGui import QAction

from annotator.session.history import History


def follow_history(undo: QAction, redo: QAction, history: History,
                   *, read_only: bool = False) -> None:
    """Name and enable Undo and Redo after ``history`` as it is now; call again
    whenever the history moves or the corpus turns read-only."""
    _name(undo, "&Undo", history.undo_text)
    _name(redo, "&Redo", history.redo_text)
    undo.setEnabled(history.can_undo and not read_only)
    redo.setEnabled(history.can_redo and not read_only)


def _name(action: QAction, verb: str, step: str) -> None:
    step = step.replace("&", "&&")  # a span's text: no mnemonics in it
    action.setText(f"{verb} {step}".rstrip())
