"""Edits from the window: applied to the corpus at once, undoable.

Each ``QUndoCommand`` only wraps a core edit: applying an edit returns its
inverse, so undo and redo are the same operation with the arrow reversed.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.commands import Edit
from annotator.storage.corpus import Corpus, CorpusError


class EditCommand(QUndoCommand):
    def __init__(self, editor: Editor, done: Edit, inverse: Edit) -> None:
        super().__init__(done.description)
        self._editor = editor
        self._forward = done
        self._backward = inverse
        self._skip_first_redo = True  # the edit was applied before being pushed

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        inverse = self._editor.apply(self._forward)
        if inverse is not None:
            self._backward = inverse

    def undo(self) -> None:
        inverse = self._editor.apply(self._backward)
        if inverse is not None:
            self._forward = inverse


class Editor(QObject):
    """Applies edits to the corpus and tells the window what changed."""

    changed = Signal(object)  # the Edit just applied
    failed = Signal(str)

    def __init__(self, corpus: Corpus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.corpus = corpus
        self.undo_stack = QUndoStack(self)

    def set_corpus(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.undo_stack.clear()

    def do(self, edit: Edit) -> bool:
        """Apply ``edit`` now and put it on the undo stack; False if it failed."""
        inverse = self.apply(edit)
        if inverse is None:
            return False
        self.undo_stack.push(EditCommand(self, edit, inverse))
        return True

    def apply(self, edit: Edit) -> Edit | None:
        try:
            inverse = edit.apply(self.corpus)
        except (CorpusError, sqlite3.Error) as exc:
            # Nothing was committed: the transaction rolled back, and the
            # coder's earlier work is untouched.
            self.failed.emit(f"Could not save “{edit.description}”: {exc}")
            return None
        self.changed.emit(edit)
        return inverse
