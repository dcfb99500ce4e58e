"""Finding texts that escape translation: a pseudo-translation and a walk of the window.

With ``pseudo_translation()`` installed, every string that goes through Qt's
translation comes back wrapped in ⟦…⟧; ``unmarked_texts(widget)`` then walks a
widget tree (texts, titles, placeholders, tooltips, actions, menus, table
headers) and returns every visible text that is not, so a test can say that no
text of the window escapes translation::

    with pseudo_translation():
        window = MainWindow(...)
        assert unmarked_texts(window) == []
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QCoreApplication, QObject, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

OPEN, CLOSE = "⟦", "⟧"
_MARKED = re.compile(f"{OPEN}[^{CLOSE}]*{CLOSE}", re.DOTALL)
# Texts Qt asks for itself that are settings, not words (the layout direction).
_NOT_WORDS = {"QT_LAYOUT_DIRECTION"}


class PseudoTranslator(QTranslator):
    """Gives every source text back wrapped in ⟦…⟧."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        if not source or source in _NOT_WORDS:
            return source
        return f"{OPEN}{source}{CLOSE}"


@contextmanager
def pseudo_translation() -> Iterator[PseudoTranslator]:
    """Install the pseudo-translator for the duration (before the widgets are made)."""
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist (use the qapp or qtbot fixture)"
    translator = PseudoTranslator()
    app.installTranslator(translator)
    try:
        yield translator
    finally:
        app.removeTranslator(translator)


class Unmarked(NamedTuple):
    """A visible text that did not go through translation, and where it was found."""

    text: str
    where: str


def is_marked(text: str) -> bool:
    """Whether ``text`` went through translation: outside its ⟦…⟧ parts nothing is
    left that reads as words (numbers, punctuation and symbols may stay: "3 / 10")."""
    return not any(c.isalpha() for c in _MARKED.sub("", text))


def _name(obj: QObject) -> str:
    return f"{type(obj).__name__}{'#' + obj.objectName() if obj.objectName() else ''}"


def _header_texts(model: QAbstractItemModel | None,
                  orientation: Qt.Orientation) -> Iterator[tuple[str, str]]:
    if model is None:
        return
    if orientation == Qt.Orientation.Vertical:
        count = model.rowCount()
    else:  # (PySide6 makes a list model's columnCount private: a list has one column)
        count = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    for section in range(count):
        value = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            yield value, f"header {section}"
        tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
        if isinstance(tip, str):
            yield tip, f"header {section} tooltip"


def _widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(text, what it is) for everything ``widget`` itself shows in words."""
    if widget.isWindow() or isinstance(widget, QDialog):
        yield widget.windowTitle(), "window title"
    yield widget.toolTip(), "tooltip"
    yield widget.statusTip(), "status tip"
    yield widget.whatsThis(), "what's this"
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text(), "text"
    if isinstance(widget, QLineEdit):
        yield widget.placeholderText(), "placeholder"
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.placeholderText(), "placeholder"
    if isinstance(widget, QGroupBox):
        yield widget.title(), "title"
    if isinstance(widget, QMenu):
        yield widget.title(), "menu title"
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield widget.tabText(index), f"tab {index}"
            yield widget.tabToolTip(index), f"tab {index} tooltip"
    if isinstance(widget, QComboBox) and not widget.isEditable():
        for index in range(widget.count()):
            yield widget.itemText(index), f"item {index}"
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        model = widget.model()
        yield from _header_texts(model, Qt.Orientation.Horizontal)
        yield from _header_texts(model, Qt.Orientation.Vertical)


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    yield action.text(), "action"
    if action.toolTip() != action.text().replace("&", ""):  # Qt makes one from the text
        yield action.toolTip(), "action tooltip"
    yield action.statusTip(), "action status tip"


def unmarked_texts(root: QWidget, *, visible_only: bool = False,
                   skip: Callable[[QObject], bool] = lambda _obj: False) -> list[Unmarked]:
    """Every text ``root`` and the widgets and actions under it show that did not come
    through translation. ``visible_only``: leave out widgets hidden now (a closed find
    bar); ``skip``: leave out widgets (and what is under them) that show data, not
    words of the window (a document's title)."""
    found: list[Unmarked] = []
    # Widgets and actions reached twice (a menu is both) count once; held here so that
    # no id is reused by a wrapper made later in the walk.
    seen: dict[int, QObject] = {}

    def note(text: str, where: str) -> None:
        if text and any(c.isalpha() for c in text) and not is_marked(text):
            found.append(Unmarked(text, where))

    def walk(widget: QWidget, path: str) -> None:
        if id(widget) in seen or skip(widget) or (visible_only and widget is not root
                                                  and widget.isHidden()):
            return
        seen[id(widget)] = widget
        here = f"{path}/{_name(widget)}"
        for text, what in _widget_texts(widget):
            note(text, f"{here} {what}")
        for action in widget.actions():
            if id(action) in seen or action.isSeparator() or skip(action):
                continue
            seen[id(action)] = action
            for text, what in _action_texts(action):
                note(text, f"{here} {what}")
            menu = action.menu()
            if isinstance(menu, QMenu):  # a submenu made without a parent is reached here
                walk(menu, here)
        for child in widget.children():
            if isinstance(child, QWidget):
                walk(child, here)

    walk(root, "")
    return found
