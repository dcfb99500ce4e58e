"""Edits from the window: applied to the corpus at once, undoable.

Each step on the undo stack only records a core edit and its inverse: applying
an edit returns its inverse, so undo and redo are the same operation with the
arrow reversed. The Editor applies the edit first and moves the stack only
when the corpus took it: ``QUndoCommand.undo`` cannot refuse, so a step whose
undo failed (another program kept the corpus locked, the disk is full) would
otherwise count as undone while the corpus still holds it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from annotator.core.commands import Edit
from annotator.storage.corpus import Corpus, CorpusConflict, CorpusError


class EditCommand(QUndoCommand):
    """One step on the undo stack: what was done and the edit that takes it back.

    It applies nothing itself (see the module docstring); the Editor applies the
    edit and then moves the stack, which calls these no-op ``undo``/``redo``.
    """

    def __init__(self, done: Edit, inverse: Edit) -> None:
        super().__init__(done.description)
        self.forward = done
        self.backward = inverse

    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


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
        self.undo_stack.push(EditCommand(edit, inverse))
        return True

    def undo(self) -> bool:
        """Take back the last edit; the stack moves only if the corpus took it back."""
        stack = self.undo_stack
        if not stack.canUndo():
            return False
        command = stack.command(stack.index() - 1)
        assert isinstance(command, EditCommand)
        inverse = self.apply(command.backward, conflict=self._drop_step)
        if inverse is None:
            return False
        command.forward = inverse  # redo puts back exactly what the undo removed
        stack.undo()
        return True

    def _drop_step(self) -> None:
        """A step that can never be taken back (what it changed was changed or
        removed elsewhere) leaves the history, so older steps can still be undone;
        an obsolete command is deleted by QUndoStack when it is undone."""
        command = self.undo_stack.command(self.undo_stack.index() - 1)
        if command is not None:
            command.setObsolete(True)
            self.undo_stack.undo()

    def redo(self) -> bool:
        """Do again the last undone edit; the stack moves only if it was stored."""
        stack = self.undo_stack
        if not stack.canRedo():
            return False
        command = stack.command(stack.index())
        assert isinstance(command, EditCommand)
        inverse = self.apply(command.forward, conflict=self._drop_redo_step)
        if inverse is None:
            return False
        command.backward = inverse
        stack.redo()
        return True

    def _drop_redo_step(self) -> None:
        command = self.undo_stack.command(self.undo_stack.index())
        if command is not None:
            command.setObsolete(True)
            self.undo_stack.redo()

    def apply(self, edit: Edit, conflict: Callable[[], None] | None = None) -> Edit | None:
        try:
            inverse = edit.apply(self.corpus)
        except CorpusConflict as exc:
            if conflict is None:
                self.failed.emit(f"Could not save “{edit.description}”: {exc}")
            else:
                conflict()
                self.failed.emit(f"Could not take back “{edit.description}”: {exc}. "
                                 "That step is dropped from the undo history.")
            return None
        except CorpusError as exc:
            # Nothing was committed: the transaction rolled back, and the
            # coder's earlier work is untouched.
            self.failed.emit(f"Could not save “{edit.description}”: {exc}")
            return None
        self.changed.emit(edit)
        return inverse

    def undo_action(self, parent: QObject) -> QAction:
        """Edit > Undo, named after the step it takes back, enabled when there is one."""
        stack = self.undo_stack
        action = StackAction("Undo", self.undo, parent)
        action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        action.follow(stack.canUndo(), stack.undoText())
        stack.canUndoChanged.connect(action.setEnabled)
        stack.undoTextChanged.connect(action.name_step)
        return action

    def redo_action(self, parent: QObject) -> QAction:
        stack = self.undo_stack
        action = StackAction("Redo", self.redo, parent)
        # Both common bindings, whatever the platform's standard one is.
        action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        action.follow(stack.canRedo(), stack.redoText())
        stack.canRedoChanged.connect(action.setEnabled)
        stack.redoTextChanged.connect(action.name_step)
        return action


class StackAction(QAction):
    """Undo or Redo through the Editor (unlike QUndoStack's own actions, which
    move the stack whether or not the corpus took the change)."""

    def __init__(self, verb: str, run: Callable[[], bool], parent: QObject) -> None:
        super().__init__(f"&{verb}", parent)
        self._verb = verb
        self.triggered.connect(lambda _checked=False: run())

    def follow(self, enabled: bool, step: str) -> None:
        self.setEnabled(enabled)
        self.name_step(step)

    def name_step(self, step: str) -> None:
        step = step.replace("&", "&&")  # a span's text: no mnemonics in it
        self.setText(f"&{self._verb} {step}".rstrip())
