"""Keys: the F1 sheet of every shortcut, and changing them (kept in the settings)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequenceEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.gui.action_binder import menu_title, plain_name, shortcut_id
from annotator.gui.dialogs import accept_valid, error_line, ok_cancel
from annotator.session.actions import ACTIONS, MENUS, in_menu

if TYPE_CHECKING:
    from annotator.gui.action_binder import ActionBinder


def _no_mnemonic(title: str) -> str:
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&")


def sheet_html(actions: ActionBinder) -> str:
    """The F1 sheet: every key of the window, from the declarations, menu by menu
    (with the coder's own keys where they changed them), then the keys the codebook
    gives (labels, relation types) and the keys of the article itself."""
    sections = []
    for menu, _title in MENUS:
        rows = [(_keys(actions.bound[spec.id]), actions.shown_name(spec)) for spec in in_menu(menu)
                if spec.id in actions.bound]
        sections.append((_no_mnemonic(menu_title(menu)), rows))
    sections.append((QCoreApplication.translate("Shortcuts", "From the codebook"),
                     [(_keys(a), a.text().replace("&&", "&")) for a in actions.made()]))
    sections.append((QCoreApplication.translate("Shortcuts", "In the article"),
                     actions.view_keys()))
    html = "".join(f"<h3>{escape(title)}</h3>" + _table([(k, n) for k, n in rows if k])
                   for title, rows in sections if any(k for k, _ in rows))
    # The menu and its entry named as the menus name them in the coder's language.
    entry = actions.shown_name(ACTIONS["edit.shortcuts"]).rstrip("….").strip()
    change = QCoreApplication.translate("Shortcuts", "Change them in {menu} > {entry}.").format(
        menu=_no_mnemonic(menu_title("edit")), entry=entry)
    return html + f"<p>{escape(change)}</p>"


def _keys(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                     for k in action.shortcuts())


def _table(rows: Sequence[tuple[str, str]]) -> str:
    # Qt lays a table out left to right whatever the language: in a right-to-left one the
    # cells go name first, so the keys stand on the right, where the reader starts.
    mirrored = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    cells = [(f"<td align='right'>{escape(name)}</td>", f"<td align='right'><b>{escape(keys)}</b></td>")
             if mirrored else (f"<td><b>{escape(keys)}</b></td>", f"<td>{escape(name)}</td>")
             for keys, name in rows]
    body = "".join(f"<tr>{first}{second}</tr>" for first, second in cells)
    align = " align='right'" if mirrored else ""
    return f"<table cellpadding='4'{align}>{body}</table>"


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None, html: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        browser = QTextBrowser()
        browser.setHtml(html)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 640)


class ShortcutEditor(QDialog):
    """One row per action: its name and a key field to press a new shortcut into."""

    def __init__(self, parent: QWidget | None, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self._actions = actions
        self.table = QTableWidget(len(actions), 2)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.editors: list[QKeySequenceEdit] = []
        for row, action in enumerate(actions):
            self.table.setItem(row, 0, QTableWidgetItem(plain_name(action)))
            editor = QKeySequenceEdit(action.shortcut())
            self.table.setCellWidget(row, 1, editor)
            self.editors.append(editor)
        self.error = error_line()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self._accept))
        self.resize(620, 640)
        self.changes: dict[str, str] = {}

    def read_changes(self) -> dict[str, str]:
        """Action id -> new key, for the rows changed; ValueError on a key used twice."""
        keys: dict[str, str] = {}
        changes = {}
        for action, editor in zip(self._actions, self.editors, strict=True):
            key = editor.keySequence().toString()
            name = plain_name(action)
            if key:
                if key in keys:
                    raise ValueError(self.tr("{key} is given to both “{first}” and “{second}”")
                                     .format(key=key, first=keys[key], second=name))
                keys[key] = name
            if key != action.shortcut().toString():
                changes[shortcut_id(action)] = key
        return changes

    def _accept(self) -> None:
        accept_valid(self, self.error, self.read_changes,
                     lambda changes: setattr(self, "changes", changes))
