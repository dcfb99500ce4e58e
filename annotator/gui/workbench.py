"""What the window's action modules may use of it: the corpus, the coder, the open
document and its spans, the editor, the article and the status bar.

Typed as a protocol so that those modules depend on this, not on the main window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from annotator.gui.shortcuts import ActionHost

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from annotator.core.schema import Schema
    from annotator.gui.article_view import ArticleView
    from annotator.gui.editing import Editor
    from annotator.gui.prompts import Prompts
    from annotator.gui.span_pane import SpanPane
    from annotator.storage.corpus import Corpus
    from annotator.storage.span_rows import SpanRows


class Workbench(ActionHost, Protocol):
    corpus: Corpus
    coder: str
    doc_id: int | None
    schema: Schema
    editor: Editor
    prompts: Prompts
    view: ArticleView
    span_pane: SpanPane
    current_spans: SpanRows
    show_all_coders: bool

    def statusBar(self) -> QStatusBar: ...

    def actions(self) -> list[QAction]: ...

    def removeAction(self, action: QAction) -> None: ...

    def select_span(self, uid: str) -> None: ...
