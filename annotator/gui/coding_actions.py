"""The Edit, Document and View menus: tag, relabel, remove, undo, find, move between
documents, mark them, and the span's right-click menu. Each sends the coder's intent
to the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QApplication, QMenuBar, QToolBar

from annotator.core.model import STATUSES
from annotator.gui.action_binder import menu_title
from annotator.gui.appearance import larger_text, set_dark_theme, smaller_text
from annotator.gui.codebook import edit_schema
from annotator.gui.details_dialog import details_text
from annotator.gui.i18n import LANGUAGES, available_languages
from annotator.gui.label_actions import LabelActions
from annotator.gui.span_menu import span_menu

if TYPE_CHECKING:
    from annotator.gui.doc_label_pane import DocLabelActions
    from annotator.gui.find_bar import FindBar
    from annotator.gui.fragment_actions import FragmentActions
    from annotator.gui.panes import DocumentPane
    from annotator.gui.relation_actions import RelationActions
    from annotator.gui.suggestion_actions import SuggestionActions
    from annotator.gui.tool_actions import ToolActions
    from annotator.gui.workbench import Workbench
    from annotator.settings import Settings


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _status_id(status: str) -> str:
    return f"document.mark_{status.replace(' ', '_')}"


class CodingActions:
    def __init__(self, bench: Workbench, find_bar: FindBar, documents: DocumentPane,
                 suggestions: SuggestionActions) -> None:
        self.bench = bench
        self.suggestions = suggestions
        self.session = bench.session
        self.find_bar = find_bar
        self.documents = documents

    def populate(self, menus: QMenuBar, label_bar: QToolBar, fragments: FragmentActions,
                 doc_labels: DocLabelActions, tools: ToolActions) -> None:
        session, bind, fill = self.session, self.bench.actions.bind, self.bench.actions.fill
        edit = menus.addMenu(menu_title("edit"))
        # Through the session's history: a failed undo must not move it.
        self.undo_action = bind("edit.undo", session.undo)
        self.redo_action = bind("edit.redo", session.redo)
        self.remove_action = bind("edit.remove_span", self.remove_selected_span)
        bind("edit.clear_selection", self.clear_selection)
        bind("edit.find", self.find_bar.open)
        bind("edit.find_next", lambda: self.find_bar.step(1))
        bind("edit.find_previous", lambda: self.find_bar.step(-1))
        bind("edit.search", self.focus_search)
        bind("edit.attributes", self.focus_attributes)
        bind("edit.schema", lambda: edit_schema(session, self.bench.prompts))
        bind("edit.shortcuts", tools.edit_shortcuts)
        fill(edit, "edit.undo", "edit.redo", "-", "edit.remove_span")
        fragments.populate(edit)
        fill(edit, "edit.clear_selection", "edit.find", "edit.find_next", "edit.find_previous",
             "edit.search", "edit.attributes")
        self.label_keys = LabelActions(self.bench.actions, label_bar,
                                       edit.addMenu(QCoreApplication.translate(
                                           "CodingActions", "Tag or relabel as")),
                                       self.apply_label)
        fill(edit, "-", "edit.schema", "edit.shortcuts")

        document = self.document_menu = menus.addMenu(menu_title("document"))
        bind("document.done_next", session.done_and_next)
        for status in STATUSES:
            bind(_status_id(status), lambda s=status: session.set_status(s))
        bind("document.details", self.edit_details)
        bind("document.next", lambda: session.go(1))
        bind("document.previous", lambda: session.go(-1))
        bind("document.next_undone", session.next_undone)
        fill(document, "document.done_next", *map(_status_id, STATUSES), "document.details")
        doc_labels.populate(document)
        fill(document, "-", "document.next", "document.previous", "document.next_undone")

        self.view_menu = menus.addMenu(menu_title("view"))
        self.all_coders_action = bind("view.all_coders", session.set_show_all_coders)
        self.dark_action = bind("view.dark_theme", self.set_dark)
        self.dark_action.setChecked(self.bench.settings.theme == "dark")
        bind("view.larger_text", lambda: self._text_size(larger_text))
        bind("view.smaller_text", lambda: self._text_size(smaller_text))
        bind("view.language", self.choose_language)
        fill(self.view_menu, "view.all_coders", "-", "view.dark_theme", "view.larger_text",
             "view.smaller_text", "-", "view.language")

    # -- how the window looks ---------------------------------------------------------

    def set_dark(self, on: bool) -> None:
        """View > Dark theme: applied at once and remembered."""
        set_dark_theme(_app(), self.bench.settings, on)
        self.bench.save_settings()
        # The highlights are tinted for the theme: drawn again.
        self.bench.view.set_colors({label.name: label.color for label in self.session.labels})
        self.session.say(QCoreApplication.translate("CodingActions", "Dark theme.") if on
                         else QCoreApplication.translate("CodingActions", "Light theme."), 3000)

    def _text_size(self, step: Callable[[QApplication, Settings], int]) -> None:
        scale = step(_app(), self.bench.settings)
        self.bench.save_settings()
        self.session.say(QCoreApplication.translate("CodingActions", "Text size {scale} %.")
                         .format(scale=scale), 3000)

    def choose_language(self) -> None:
        """View > Language: the window's language, kept in the settings. The window's
        texts are made in one language as it is built, so the choice shows from the
        next start, and the coder is told so."""
        codes = available_languages()
        names = [LANGUAGES.get(code, code) for code in codes]  # each in its own language
        system = QCoreApplication.translate("CodingActions", "The system's language")
        kept = self.bench.settings.language
        current = names[codes.index(kept)] if kept in codes else system  # offered first
        chosen = self.bench.prompts.choose(
            QCoreApplication.translate("CodingActions", "Language"),
            QCoreApplication.translate("CodingActions",
                                       "The language of the window (from the next start):"),
            [system, *names], current)
        if chosen is None or (chosen != system and chosen not in names):
            return
        settings = self.bench.settings
        settings.language = "" if chosen == system else codes[names.index(chosen)]
        if not self.bench.save_settings():
            return  # save_settings has said why; the window's next save keeps it
        if chosen == system:
            told = QCoreApplication.translate(
                "CodingActions", "The window will be in the system's language from the next "
                "start.")
        else:
            told = QCoreApplication.translate(
                "CodingActions", "The window will be in {language} from the next start.").format(
                    language=chosen)
        self.session.say(told, 10000)

    # -- what the keys do -----------------------------------------------------------

    def apply_label(self, label: str) -> None:
        """Tag the selected text with ``label``, or relabel the selected span. Left
        enabled on a read-only corpus: the key then says why nothing happens."""
        view = self.bench.view
        start, end = view.selection()
        if start < end and self.session.doc_id is not None and not self.session.read_only:
            if self.session.tag(start, end, label) is not None:
                view.clear_selection()
            return
        self.session.apply_label(label, start, start)

    def remove_selected_span(self) -> None:
        span = self.session.current_span
        if span is None:
            self.session.say(QCoreApplication.translate(
                "CodingActions", "Click a span to select it first."), 3000)
            return
        if span.origin == "suggested":  # Backspace on a suggestion rejects it
            self.suggestions.reject_selected()
            return
        self.session.remove(span)

    def edit_details(self) -> None:
        session = self.session
        if session.doc_id is None:
            return
        before = session.corpus.details(session.doc_id)
        if session.read_only:  # shown, not offered for editing
            self.bench.prompts.info(QCoreApplication.translate(
                "CodingActions", "Document details (read-only)"), details_text(before))
            return
        after = self.bench.prompts.edit_details(before)
        if after is not None:
            session.set_details(before, after)

    def span_menu(self, uid: str, where: QPoint, relations: RelationActions,
                  fragments: FragmentActions) -> None:
        """Right-click on a span: relabel, link, take a piece out, remove."""
        self.session.select(uid)
        span = self.session.current_span
        if span is not None:
            view = self.bench.view
            span_menu(view, span, view.text, self.label_keys.actions, self.remove_action,
                      relations, fragments).popup(where)

    def clear_selection(self) -> None:
        """Escape: close the find bar if it is open, else drop the selection."""
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
            return
        self.bench.view.clear_selection()
        self.session.select()

    def focus_attributes(self) -> None:
        if not self.bench.span_pane.form.focus_first():
            self.session.say(QCoreApplication.translate(
                "CodingActions", "Select a span first (click it, or pick it in the span list)."),
                4000)

    def focus_search(self) -> None:
        self.documents.search.setFocus()
        self.documents.search.selectAll()
