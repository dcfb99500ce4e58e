"""A small list popped up by the text to pick a relation type: typed letters narrow
it, Enter takes the highlighted type, Esc (or a click elsewhere) cancels.

Types the codebook refuses for the two spans are listed greyed, last, with the
reason as their tooltip, so the coder sees why a type is missing instead of
wondering; they cannot be chosen.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.notices import plain_label, plain_tooltip
from annotator.gui.theme import current_theme


class TypeOption(NamedTuple):
    name: str
    refusal: str | None = None  # why the codebook refuses it here, None if it may
    description: str = ""


class TypePopup(QFrame):
    """Offers ``options``; emits ``chosen`` with a name or ``cancelled``, once.

    With ``free`` (a codebook without relation types) whatever is typed can be taken
    as a new type's name.
    """

    chosen = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, title: str, options: list[TypeOption],
                 *, free: bool = False, current: str = "") -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.Box)
        self.setObjectName("typePopup")
        self._free = free
        self._done = False
        self.caption = plain_label(title)
        self.caption.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("type to narrow · Enter links · Esc cancels")
                                       if not free else self.tr("a relation type · Enter links"))
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the filter
        ordered = [o for o in options if o.refusal is None] + [o for o in options if o.refusal]
        for option in ordered:
            item = QListWidgetItem(option.name if option.refusal is None
                                   else self.tr("{name}  (not for these spans)").format(
                                       name=option.name))
            item.setData(Qt.ItemDataRole.UserRole, option.name)
            item.setToolTip(plain_tooltip(option.refusal or option.description))
            if option.refusal is not None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled
                              & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
        rows = max(1, min(10, len(ordered)))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * rows + 2 * self.list.frameWidth()
                                 + 4 if ordered else 40)
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {current_theme().muted}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.filter.textChanged.connect(self._narrow)
        self.filter.installEventFilter(self)
        self.list.itemClicked.connect(lambda item: self._take(item))
        self.setMinimumWidth(340)
        self._narrow("")
        if current:
            for row in range(self.list.count()):
                if self.list.item(row).data(Qt.ItemDataRole.UserRole) == current:
                    self.list.setCurrentRow(row)

    def open_at(self, where: QPoint) -> None:
        self.adjustSize()
        self.move(where)
        self.show()
        self.filter.setFocus()

    def names(self) -> list[str]:
        """The types that can be chosen now (narrowed by what is typed)."""
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._shown() if _enabled(item)]

    def _shown(self) -> list[QListWidgetItem]:
        return [self.list.item(r) for r in range(self.list.count())
                if not self.list.item(r).isHidden()]

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.data(Qt.ItemDataRole.UserRole).casefold()
            # "loc", "in" and "li" (initials) all find "located in".
            initials = "".join(word[:1] for word in name.split())
            item.setHidden(bool(wanted) and wanted not in name and not initials.startswith(wanted))
        choosable = [item for item in self._shown() if _enabled(item)]
        if choosable:
            self.list.setCurrentItem(choosable[0])
            self.hint.setText("")
        else:
            self.list.setCurrentRow(-1)
            self.hint.setText(self.tr("Enter: a new type “{name}”").format(name=text.strip())
                              if self._free and wanted
                              else self.tr("No type here fits what is typed."))

    def _step(self, direction: int) -> None:
        choosable = [item for item in self._shown() if _enabled(item)]
        if not choosable:
            return
        current = self.list.currentItem()
        at = choosable.index(current) if current in choosable else -1
        self.list.setCurrentItem(choosable[(at + direction) % len(choosable)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept_current()
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step(1 if key == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    def accept_current(self) -> None:
        item = self.list.currentItem()
        if item is not None and not item.isHidden() and _enabled(item):
            self._take(item)
        elif self._free and self.filter.text().strip():
            self._finish(self.filter.text().strip())

    def _take(self, item: QListWidgetItem) -> None:
        if _enabled(item):
            self._finish(item.data(Qt.ItemDataRole.UserRole))

    def _finish(self, name: str) -> None:
        self._done = True
        self.close()
        self.chosen.emit(name)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not self._done:  # Esc, or a click elsewhere
            self._done = True
            self.cancelled.emit()


def _enabled(item: QListWidgetItem) -> bool:
    return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
