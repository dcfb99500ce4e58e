"""The menu of a span right-clicked in the text: relabel, link, take a piece, remove."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from annotator.core.model import Span
    from annotator.gui.fragment_actions import FragmentActions
    from annotator.gui.relation_actions import RelationActions


def span_menu(parent: QWidget, span: Span, text: str, label_actions: Sequence[QAction],
              remove: QAction, relations: RelationActions,
              fragments: FragmentActions) -> QMenu:
    """The menu for ``span`` (already selected) of a document with ``text``."""
    menu = QMenu(parent)
    # A menu is made at every right-click: it goes once it has closed.
    menu.aboutToHide.connect(menu.deleteLater)
    for action in label_actions:
        menu.addAction(_menu_entry(menu, action))
    menu.addSeparator()
    menu.addAction(relations.link_action)
    if span.fragments:
        for low, high in span.pieces:
            words = text[low:high] if high - low <= 40 else text[low:low + 39] + "…"
            # The span's words are shown as written: an & in them is not a mnemonic.
            item = menu.addAction(QCoreApplication.translate(
                "SpanMenu", "Take “{words}” out of the span").format(
                    words=words.replace("&", "&&")))
            item.triggered.connect(
                lambda _checked=False, p=(low, high): fragments.remove_piece(p))
    menu.addSeparator()
    menu.addAction(remove)
    return menu


def _menu_entry(menu: QMenu, action: QAction) -> QAction:
    """``action`` as a menu names it: its key once, in the menu's key column.

    A label's action is captioned "1  Actor" for the tool bar, where nothing else
    shows its key; a menu also shows the key at the right ("1  Actor    1"), so the
    entry drops the caption's leading key and keeps the action's own keys.
    """
    caption = action.text()
    key = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
    if key and caption.startswith(f"{key} "):
        caption = caption[len(key):].lstrip()
    entry = QAction(caption, menu)
    entry.setShortcuts(action.shortcuts())
    # Only while the menu itself has the keys: the window's own action answers elsewhere.
    entry.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    entry.setToolTip(action.toolTip())
    entry.setEnabled(action.isEnabled())
    entry.triggered.connect(lambda _checked=False: action.trigger())
    return entry
