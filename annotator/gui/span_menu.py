"""The menu of a span right-clicked in the text: relabel, link, take a piece, remove."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    menu.addActions(list(label_actions))
    menu.addSeparator()
    menu.addAction(relations.link_action)
    if span.fragments:
        for low, high in span.pieces:
            words = text[low:high] if high - low <= 40 else text[low:low + 39] + "…"
            item = menu.addAction(f"Take “{words}” out of the span".replace("&", "&&"))
            item.triggered.connect(
                lambda _checked=False, p=(low, high): fragments.remove_piece(p))
    menu.addSeparator()
    menu.addAction(remove)
    return menu
