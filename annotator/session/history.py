"""The undo history of core edits, without Qt.

Each step records a core edit and its inverse: applying an edit returns its
inverse, so undo and redo are the same operation with the arrow reversed. The
history applies the edit first and moves only when the corpus took it: a step
whose undo failed (another program kept the corpus locked, the disk is full)
must not count as undone while the corpus still holds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from psygnal import Signal

from annotator.core.commands import Edit, EditTarget
from annotator.session.landed import landed
from annotator.session.messages import QT_TRANSLATE_NOOP, Message, said
from annotator.session.steps import describe
from annotator.storage.errors import CorpusConflict, CorpusError, CorpusOffline


@dataclass
class Step:
    """One step: what was done, and the edit that takes it back."""

    forward: Edit
    backward: Edit


class History:
    """Applies edits to the corpus, remembers them for undo and redo, and says what
    happened: ``applied`` with each edit stored, ``failed`` with a Message when one
    was not, ``moved`` whenever what undo and redo would do changes."""

    applied = Signal(object)  # the Edit just stored
    failed = Signal(object)  # a Message: what was not stored, and why
    moved = Signal()
    # How many edits wait for a server that cannot be reached (0: none, all stored).
    waiting = Signal(int)

    def __init__(self, target: EditTarget) -> None:
        self.target = target
        self._steps: list[Step] = []
        self._index = 0  # steps before it are done, from it on undone
        # Edits made while the server could not be reached, in the order made: stored
        # by ``retry`` once it answers, never shown as saved before.
        self._pending: list[Edit] = []

    @property
    def pending(self) -> int:
        """Edits made but not stored yet (the server could not be reached)."""
        return len(self._pending)

    @property
    def waiting_edits(self) -> tuple[Edit, ...]:
        """The edits that wait, oldest first."""
        return tuple(self._pending)

    def set_target(self, target: EditTarget) -> None:
        """Edits go to another corpus from now on; the old history means nothing there
        (edits still waiting for the old corpus's server go to it first, if it answers)."""
        if self._pending and self.target is not target:
            self.retry()
            if self._pending:
                self.failed.emit(said("History", QT_TRANSLATE_NOOP(
                    "History", "{count} edit(s) made while the server could not be reached "
                    "were not saved: the first was “{step}”."), count=len(self._pending),
                    step=describe(self._pending[0])))
                self._pending.clear()
                self.waiting.emit(0)
        self.target = target
        self.clear()

    def clear(self) -> None:
        self._steps.clear()
        self._index = 0
        self.moved.emit()

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return self._index < len(self._steps)

    @property
    def undo_text(self) -> str:
        return self._steps[self._index - 1].forward.description if self.can_undo else ""

    @property
    def redo_text(self) -> str:
        return self._steps[self._index].forward.description if self.can_redo else ""

    @property
    def undo_step(self) -> Message | str:
        """What undo would take back, as the window names it (translatable); "" for nothing."""
        return describe(self._steps[self._index - 1].forward) if self.can_undo else ""

    @property
    def redo_step(self) -> Message | str:
        """What redo would do again, as the window names it; "" for nothing."""
        return describe(self._steps[self._index].forward) if self.can_redo else ""

    def __len__(self) -> int:
        return len(self._steps)

    @property
    def index(self) -> int:
        """How many steps are done (the ones after it are undone, ready to redo)."""
        return self._index

    def do(self, edit: Edit) -> bool:
        """Apply ``edit`` now and remember it; False (and ``failed``) if it was not stored.

        With the server out of reach the edit waits, after any waiting before it, and
        ``waiting`` says how many do; ``retry`` stores them once it answers.
        """
        if self._pending:
            self._pending.append(edit)  # after the ones before it, in the order made
            self.waiting.emit(len(self._pending))
            return False
        try:
            inverse = self._apply(edit, edit, taking_back=False, offline_raises=True)
        except CorpusOffline:
            self._pending.append(edit)
            self.waiting.emit(len(self._pending))
            return False
        if inverse is None:
            return False
        self._remember(edit, inverse)
        return True

    def retry(self) -> bool:
        """Store the edits that wait for the server, in the order made; True when none
        waits any more. One the corpus refuses now (what it changed was changed
        elsewhere meanwhile) is said and dropped; the others go on."""
        while self._pending:
            edit = self._pending[0]
            try:
                inverse = self._apply(edit, edit, taking_back=False, offline_raises=True)
            except CorpusOffline:
                return False
            self._pending.pop(0)
            if inverse is not None:
                self._remember(edit, inverse)
            self.waiting.emit(len(self._pending))
        return True

    def _remember(self, edit: Edit, inverse: Edit) -> None:
        del self._steps[self._index:]  # a new edit ends what could have been redone
        self._steps.append(Step(edit, inverse))
        self._index += 1
        self.moved.emit()

    def _refuse_while_waiting(self, taking_back: bool) -> bool:
        if not self._pending:
            return False
        if taking_back:
            template = QT_TRANSLATE_NOOP("History", "Nothing was taken back: {count} edit(s) "
                                         "still wait for the server, which cannot be reached.")
        else:
            template = QT_TRANSLATE_NOOP("History", "Nothing was done again: {count} edit(s) "
                                         "still wait for the server, which cannot be reached.")
        self.failed.emit(said("History", template, count=len(self._pending)))
        return True

    def undo(self) -> bool:
        """Take back the last edit; the history moves only if the corpus took it back."""
        if not self.can_undo or self._refuse_while_waiting(taking_back=True):
            return False
        step = self._steps[self._index - 1]
        inverse = self._apply(step.backward, step.forward, taking_back=True,
                              drop=self._index - 1)
        if inverse is None:
            return False
        step.forward = inverse  # redo puts back exactly what the undo removed
        self._index -= 1
        self.moved.emit()
        return True

    def redo(self) -> bool:
        """Do again the last undone edit; the history moves only if it was stored."""
        if not self.can_redo or self._refuse_while_waiting(taking_back=False):
            return False
        step = self._steps[self._index]
        inverse = self._apply(step.forward, step.forward, taking_back=False, drop=self._index)
        if inverse is None:
            return False
        step.backward = inverse
        self._index += 1
        self.moved.emit()
        return True

    def _apply(self, edit: Edit, named: Edit, *, taking_back: bool,
               drop: int | None = None, offline_raises: bool = False) -> Edit | None:
        """Apply ``edit``; messages name ``named``, the step as Edit > Undo shows it
        (an undo applies the step's inverse, whose own name would puzzle the coder).
        ``offline_raises``: a server out of reach raises CorpusOffline to the caller,
        which keeps the edit waiting, rather than being said as a failure."""
        try:
            try:
                inverse = edit.apply(self.target)
            except CorpusOffline:
                # The connection died under the edit. Once more, on a new connection,
                # before the edit is said to wait; if the first COMMIT had been made
                # after all, the corpus already shows the edit's work, and it counts
                # as done (``landed``).
                try:
                    inverse = edit.apply(self.target)
                except CorpusConflict:
                    done = landed(edit, self.target)
                    if done is None:
                        raise
                    inverse = done
        except CorpusOffline as exc:
            if offline_raises:
                raise
            # An undo or redo does not wait: the coder asks again when the server answers.
            self.failed.emit(_not_saved(named, exc, taking_back=taking_back))
            return None
        except CorpusConflict as exc:
            if drop is None:
                self.failed.emit(_not_saved(named, exc, taking_back=taking_back))
            else:
                # What the step changed was changed or removed elsewhere: it can never
                # be taken back, so it leaves the history and older steps still undo.
                del self._steps[drop]
                if drop < self._index:
                    self._index -= 1
                self.moved.emit()
                if taking_back:
                    template = QT_TRANSLATE_NOOP(
                        "History", "Could not take back “{step}”: {error}. That step is "
                        "dropped from the undo history.")
                else:
                    template = QT_TRANSLATE_NOOP(
                        "History", "Could not do again “{step}”: {error}. That step is "
                        "dropped from the undo history.")
                # The storage's own words (the error) are English, as it says them.
                self.failed.emit(said("History", template, step=describe(named),
                                      error=str(exc)))
            return None
        except CorpusError as exc:
            # Nothing was committed: the transaction rolled back, and the coder's
            # earlier work is untouched.
            self.failed.emit(_not_saved(named, exc, taking_back=taking_back))
            return None
        self.applied.emit(edit)
        return inverse


def _not_saved(step: Edit, error: CorpusError, *, taking_back: bool = False) -> Message:
    if taking_back:
        template = QT_TRANSLATE_NOOP("History", "Could not take back “{step}”: {error}")
    else:
        template = QT_TRANSLATE_NOOP("History", "Could not save “{step}”: {error}")
    return said("History", template, step=describe(step), error=str(error))
