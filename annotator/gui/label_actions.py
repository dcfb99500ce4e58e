"""One action per label of the codebook: on the label bar, in Edit > Tag or relabel
as, on the label's own key and its initial (where that initial is the label's alone)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from annotator.core.schema import LabelSpec
from annotator.gui.action_binder import ActionBinder
from annotator.gui.notices import plain_tooltip
from annotator.gui.style import label_button_qss


class LabelActions:
    def __init__(self, binder: ActionBinder, bar: QToolBar, menu: QMenu,
                 apply_label: Callable[[str], object]) -> None:
        self._binder = binder
        self._bar = bar
        self._menu = menu
        self._apply = apply_label
        self.actions: list[QAction] = []

    def rebuild(self, labels: list[LabelSpec]) -> None:
        for action in self.actions:
            self._binder.drop(action)
        self._bar.clear()
        self._menu.clear()
        self.actions = []
        initials = [label.name[:1].upper() for label in labels]
        for label in labels:
            keys = [label.shortcut] if label.shortcut else []
            initial = label.name[:1].upper()
            if initials.count(initial) == 1 and initial not in keys:
                keys.append(initial)
            name = label.name.capitalize().replace("&", "&&")  # "R&D" is not a mnemonic
            # Left enabled on a read-only corpus: the key then says why nothing happens.
            action = self._binder.make(name, lambda name=label.name: self._apply(name), keys,
                                       ident=f"label.{label.name}")
            # Menus show the key in their key column; the label bar shows it in the caption.
            action.setIconText(f"{label.shortcut}  {name}".strip())
            # The description and examples are the codebook's words.
            lines = [label.description]
            if label.examples:
                lines.append(QCoreApplication.translate("LabelActions", "For example: {examples}")
                             .format(examples="; ".join(label.examples)))
            lines.append(QCoreApplication.translate("LabelActions", "Keys: {keys}")
                         .format(keys=", ".join(keys)))
            action.setToolTip(plain_tooltip("\n".join(lines).strip()))
            self.actions.append(action)
            self._bar.addAction(action)
            self._menu.addAction(action)
            button = self._bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setStyleSheet(label_button_qss(label.color))
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
