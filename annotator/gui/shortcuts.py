"""Keys: the F1 sheet of every shortcut, and changing them (kept in the settings)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtGui import QAction, QKeySequence
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

from annotator.gui.dialogs import accept_valid, error_line, ok_cancel

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

# Keys the article itself answers to, not menu actions.
VIEW_KEYS = (
    ("Shift+arrows, Ctrl+Shift+arrows", "select text (Alt as well: exactly, no snapping)"),
    ("Tab, Shift+Tab", "next, previous suggestion (when there are suggestions)"),
    ("Enter", "accept the selected suggestion"),
    ("Backspace", "reject the selected suggestion, or remove the selected span"),
    ("Tab (elsewhere)", "move between the list, the article and the panes"),
    ("Enter, Esc (linking)", "link to the span moved to; stop linking"),
    ("Delete, Enter (Links list)", "remove the link; change its type"),
)


class Declared(NamedTuple):
    """An action as declared once: its title (also its name in the coder's key
    settings), its keys, and whether it changes the corpus (disabled when read-only)."""

    title: str
    keys: tuple[str, ...] = ()
    writes: bool = False


# Relations, fragments and document labels. Keys chosen clear of every other action:
# the label keys (1-9 and initials), the relation types' own keys from the codebook
# (Shift+letter), Ctrl+Return (done), Alt+Left/Right (documents), Ctrl+D (details).
LINK = Declared("Link the selected span to another…", ("Ctrl+L",), writes=True)
NEXT_SPAN = Declared("Next span", ("Alt+Down",))
PREVIOUS_SPAN = Declared("Previous span", ("Alt+Up",))
LINKS_LIST = Declared("Links of the selected span", ("Ctrl+K",))
CHANGE_LINK = Declared("Change the type of the selected link…", (), writes=True)
REMOVE_LINK = Declared("Remove the selected link", (), writes=True)
ADD_RANGE = Declared("Add the selected text to the selected span",
                     ("Shift+Return", "Shift+Enter"), writes=True)
REMOVE_FRAGMENT = Declared("Remove the fragment at the cursor", ("Shift+Backspace",),
                           writes=True)
TOGGLE_RELEVANT = Declared("Toggle: document relevant", ("Ctrl+R",), writes=True)
DOCUMENT_LABELS = Declared("Edit document labels", ("Ctrl+Shift+D",))


class ActionHost(Protocol):
    """Where an action module puts its actions (the window, as action modules see it)."""

    def _action(self, text: str, slot: Callable[[], object], *shortcuts: str,
                writes: bool = False) -> QAction: ...


def declare(host: ActionHost, spec: Declared, slot: Callable[[], object]) -> QAction:
    """The window action ``spec`` declares, running ``slot``."""
    return host._action(spec.title, slot, *spec.keys, writes=spec.writes)


def named_actions(window: MainWindow) -> list[QAction]:
    """Every action with a name, in menu order, each once."""
    seen: dict[str, QAction] = {}
    for action in window.actions():
        name = action.text().replace("&", "")
        if name and name not in seen:
            seen[name] = action
    return list(seen.values())


def sheet_html(window: MainWindow) -> str:
    rows = [(a.text().replace("&", ""), ", ".join(k.toString(QKeySequence.SequenceFormat
                                                                .NativeText)
                                                  for k in a.shortcuts()))
            for a in named_actions(window)]
    body = "".join(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(name)}</td></tr>"
                   for name, keys in rows if keys)
    view = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(t)}</td></tr>" for k, t in VIEW_KEYS)
    return (f"<h3>Keys</h3><table cellpadding='4'>{body}</table>"
            f"<h3>In the article</h3><table cellpadding='4'>{view}</table>"
            "<p>Change them in Edit &gt; Keyboard shortcuts.</p>")


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None, html: str) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
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
        self.setWindowTitle("Keyboard shortcuts")
        self._actions = actions
        self.table = QTableWidget(len(actions), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Key"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.editors: list[QKeySequenceEdit] = []
        for row, action in enumerate(actions):
            self.table.setItem(row, 0, QTableWidgetItem(action.text().replace("&", "")))
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
        """Action name -> new key, for the rows changed; ValueError on a key used twice."""
        keys: dict[str, str] = {}
        changes = {}
        for action, editor in zip(self._actions, self.editors, strict=True):
            key = editor.keySequence().toString()
            name = action.text().replace("&", "")
            if key:
                if key in keys:
                    raise ValueError(f"{key} is given to both “{keys[key]}” and “{name}”")
                keys[key] = name
            if key != action.shortcut().toString():
                changes[name] = key
        return changes

    def _accept(self) -> None:
        accept_valid(self, self.error, self.read_changes,
                     lambda changes: setattr(self, "changes", changes))


def apply_shortcuts(window: MainWindow, chosen: dict[str, str]) -> None:
    """Give the named actions the coder's keys (the first key of each; others dropped)."""
    for action in named_actions(window):
        key = chosen.get(action.text().replace("&", ""))
        if key is not None:
            action.setShortcuts([QKeySequence(key)] if key else [])
