"""Several choices at once ("choices" attributes: event types present): a button
showing what is chosen, opening a list of checkable items that stays open while
the coder ticks (Space or Enter ticks, Esc closes)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

NONE = "—"


class _StayOpenMenu(QMenu):
    """A menu that ticks its items without closing: one choice is rarely the last."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if (event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and action is not None and action.isCheckable() and action.isEnabled()):
            action.trigger()
            return
        super().keyPressEvent(event)


class ChoicesButton(QToolButton):
    """Emits ``changed`` with the chosen values (in the codebook's order) on each tick."""

    changed = Signal(list)

    def __init__(self, values: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = tuple(values)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.choices = _StayOpenMenu(self)
        for value in self._values:
            action = self.choices.addAction(value.replace("&", "&&"))
            action.setCheckable(True)
            action.setData(value)
            action.toggled.connect(lambda _on: self._ticked())
        self.setMenu(self.choices)
        self._show()

    def chosen(self) -> list[str]:
        return [a.data() for a in self.choices.actions() if a.isChecked()]

    def set_chosen(self, values: Sequence[str] | None) -> None:
        """Show ``values`` ticked, telling no one (it is what is stored already)."""
        wanted = set(values or ())
        for action in self.choices.actions():
            action.blockSignals(True)
            action.setChecked(action.data() in wanted)
            action.blockSignals(False)
        self._show()

    def offer(self, allowed: Sequence[str] | None) -> None:
        """List only ``allowed`` (None: every value), and what is ticked already, so a
        narrowed list never hides a choice the coder made."""
        for action in self.choices.actions():
            action.setVisible(allowed is None or action.data() in allowed
                              or action.isChecked())

    def _ticked(self) -> None:
        self._show()
        self.changed.emit(self.chosen())

    def _show(self) -> None:
        chosen = self.chosen()
        self.setText((", ".join(chosen) if chosen else NONE).replace("&", "&&") + "  ▾")
        self.setToolTip("\n".join(chosen))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Down or Enter opens the list, as a combo box does.
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers():
            self.showMenu()
            return
        super().keyPressEvent(event)
