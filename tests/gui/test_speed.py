"""Coding at speed: suggestions reviewed by key, all occurrences at once, search and filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from annotator.gui.main_window import MainWindow
from tests.gui.helpers import drag_select, press, search_corpus


def origins(window: MainWindow) -> dict[str, str]:
    return {s.text: s.origin for s in window.corpus.spans(window.doc_id)}


def test_suggestions_are_drawn_apart_and_reviewed_with_tab_enter_backspace(
        window: MainWindow) -> None:
    press(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    pending = [s for s in window.corpus.spans(window.doc_id) if s.origin == "suggested"]
    assert len(pending) > 10
    assert "At least five US personnel" in {s.text for s in pending}
    first = window.view.selected_span()
    assert first is not None and first.origin == "suggested"  # the queue starts at once
    window.view.viewport().repaint()
    block = window.view.document().findBlock(window.view.text.index("Tehran"))
    from PySide6.QtGui import QTextCharFormat

    styles = {r.format.underlineStyle() for r in block.layout().formats()}
    assert styles == {QTextCharFormat.UnderlineStyle.DashUnderline}

    QTest.keyClick(window.view, Qt.Key.Key_Return)  # accept: it becomes alice's own span
    accepted = window.corpus.span(first.uid)
    # ...and keeps where it came from.
    assert (accepted.origin, accepted.coder) == ("accepted", "alice")
    assert accepted.attrs.get("suggested_by") == first.attrs.get("suggested_by")
    second = window.view.selected_span()
    assert second.uid != first.uid and second.origin == "suggested"
    press(window.view, Qt.Key.Key_Backspace)  # reject
    assert second.uid not in {s.uid for s in window.corpus.spans(window.doc_id)}
    third = window.view.selected_span()
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.view.selected_span().start > third.start
    QTest.keyClick(window.view, Qt.Key.Key_Backtab)
    assert window.view.selected_span().uid == third.uid
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the reject
    assert second.uid in {s.uid for s in window.corpus.spans(window.doc_id)}

    press(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert "No new suggestions" in window.statusBar().currentMessage()
    press(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)  # accept all
    assert set(origins(window).values()) == {"accepted"}


def test_a_rejected_suggestion_is_not_suggested_again(window: MainWindow) -> None:
    window.suggestion_actions.suggest_here()
    rejected = window.view.selected_span()
    press(window.view, Qt.Key.Key_Backspace)
    window.suggestion_actions.reject_all()
    window.suggestion_actions.suggest_here()
    again = {(s.start, s.end) for s in window.corpus.spans(window.doc_id)}
    assert (rejected.start, rejected.end) not in again
    assert again == set()  # everything was rejected, nothing comes back


def test_tag_all_occurrences_in_the_document_and_undo_as_one(window: MainWindow) -> None:
    text = window.view.text
    start = text.index("Hamas")
    drag_select(window.view, start, start + 5)
    press(window.view, "1")
    press(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    hamas = [s for s in window.corpus.spans(window.doc_id) if s.text == "Hamas"]
    assert len(hamas) == text.count("Hamas") == 4
    assert sorted(s.origin for s in hamas) == ["manual", "suggested", "suggested", "suggested"]
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step
    [tagged] = window.corpus.spans(window.doc_id)
    assert tagged.origin == "manual"
    window.session.select(tagged.uid)
    window.suggestion_actions.occurrences_here()
    window.suggestion_actions.accept_all()
    assert {s.label for s in window.corpus.spans(window.doc_id)} == {"actor"}
    assert len(window.corpus.spans(window.doc_id)) == 4


def tagged_everywhere(qtbot, window: MainWindow) -> None:
    """Tag all occurrences in the corpus, and wait for the background search to end."""
    window.suggestion_actions.occurrences_everywhere()
    qtbot.waitUntil(lambda: window.background.worker is None)


def test_tag_all_occurrences_across_the_corpus(qtbot, window: MainWindow) -> None:
    from annotator.core.model import DocumentRecord
    from annotator.storage.bulk import add_documents

    [added] = add_documents(window.corpus, [DocumentRecord(
        text="Protests spread across Iraq on Friday; in Iraq's south, roads were shut.")])
    ids = window.corpus.document_ids()
    other = window.corpus.document(ids[1])  # the clash article mentions Tripoli
    window.session.show_document(ids[1])
    start = other.text.index("Tripoli")
    drag_select(window.view, start, start + len("Tripoli"))
    press(window.view, "3")
    tagged_everywhere(qtbot, window)
    assert "no other" in window.statusBar().currentMessage().lower()
    window.session.show_document(ids[0])
    start = window.view.text.index("in Iraq") + 3
    drag_select(window.view, start, start + 4)
    press(window.view, "3")
    tagged_everywhere(qtbot, window)
    found = [(d, s.text) for d in ids for s in window.corpus.spans(d) if s.origin == "suggested"]
    assert {t for _d, t in found} == {"Iraq"}
    assert len(found) >= 3
    assert len([d for d, _t in found if d == added.doc_id]) == 2  # in other documents too
    press(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo step
    assert not [s for d in ids for s in window.corpus.spans(d) if s.origin == "suggested"]


def test_tagging_all_occurrences_can_be_cancelled(qtbot, window: MainWindow, monkeypatch) -> None:
    from annotator.gui import background

    window.session.show_document(window.corpus.document_ids()[0])
    start = window.view.text.index("in Iraq") + 3
    drag_select(window.view, start, start + 4)
    press(window.view, "3")
    monkeypatch.setattr(background.CorpusWorker, "cancelled", lambda self: True)  # Cancel
    tagged_everywhere(qtbot, window)
    assert "cancelled" in window.statusBar().currentMessage()
    spans = [s for d in window.corpus.document_ids() for s in window.corpus.spans(d)]
    assert not [s for s in spans if s.origin == "suggested"]


def test_search_ranks_hits_and_opening_one_marks_the_match(qtbot, window: MainWindow) -> None:
    search_corpus(qtbot, window, "drone market")
    assert window.documents.rowCount() == 1
    label = window.document_pane.search_status.label
    qtbot.waitUntil(lambda: label.text() == "1 document found")
    index = window.documents.index(0, 1)
    assert "[market]" in window.documents.data(index, Qt.ItemDataRole.ToolTipRole)
    window.document_pane.table.setCurrentIndex(index)
    selection = window.view.textCursor().selectedText().lower()
    assert selection in ("drone", "market")
    assert len(window.view.extraSelections()) >= 2  # every match marked


def test_a_search_with_bad_syntax_says_so(qtbot, window: MainWindow) -> None:
    search_corpus(qtbot, window, 'NEAR("rockets')
    assert window.documents.rowCount() == 0
    assert "not understood" in window.statusBar().currentMessage()


def test_filters_combine_with_search(qtbot, window: MainWindow) -> None:
    from annotator.core.search import DocumentFilter

    press(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # first done
    pane = window.document_pane
    documents = window.documents

    def listed_after(change) -> int:
        change()
        qtbot.waitUntil(lambda: not documents.searching)
        return documents.rowCount()

    assert listed_after(lambda: pane.status_filter.setCurrentText("done")) == 1
    assert pane.search_status.label.text() == "1 document found"
    assert listed_after(lambda: pane.status_filter.setCurrentText("todo")) == 3
    start = window.view.text.index(window.view.text.split()[0])
    drag_select(window.view, start, start + len(window.view.text.split()[0]))
    press(window.view, "1")
    assert listed_after(lambda: pane.status_filter.setCurrentIndex(0)) == 4  # any status
    assert listed_after(lambda: pane.label_filter.setCurrentText("without actor")) == 3
    assert listed_after(lambda: pane.label_filter.setCurrentText("with actor")) == 1
    search_corpus(qtbot, window, "killed")
    assert window.documents.filters == DocumentFilter(with_label="actor")
    expected = window.corpus.page("alice", search='"killed"*',
                                  filters=DocumentFilter(with_label="actor"))
    listed = [window.documents.doc_id(r) for r in range(window.documents.rowCount())]
    assert listed == [row.id for row in expected]
    pane.label_filter.setCurrentText("without actor")  # a filter change searches again
    qtbot.waitUntil(lambda: not window.documents.searching)
    unfiltered = window.corpus.page("alice", search='"killed"*')
    listed_now = {window.documents.doc_id(r) for r in range(window.documents.rowCount())}
    assert listed_now == {row.id for row in unfiltered} - set(listed)


def test_find_in_the_document_steps_through_every_match(window: MainWindow) -> None:
    press(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible()
    QTest.keyClicks(bar.field, "hamas")
    assert bar.count.text() == "1 of 4"
    first = window.view.selection()
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 4"
    assert window.view.selection()[0] > first[0]
    QTest.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection() == first
    press(window.view, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "4 of 4"  # round from the first to the last
    QTest.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.view.extraSelections() == []
    press(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar.field.setText("no such words")
    assert bar.count.text() == "no match"


def test_f1_lists_every_shortcut(window: MainWindow, prompts) -> None:
    press(window.view, Qt.Key.Key_F1)
    [sheet] = prompts.sheets
    for expected in ("Mark done and open next", "Ctrl+Return", "Find in document", "F2",
                     "Suggest spans for this document", "accept the selected suggestion",
                     "Tag all occurrences in this document", "Tab, Shift+Tab"):
        assert expected in sheet, expected


def test_shortcuts_can_be_changed_and_are_remembered(qtbot, window: MainWindow, prompts,
                                                    sample_corpus) -> None:
    from annotator.settings import Settings

    prompts.shortcut_answer = {"document.done_next": "Ctrl+J"}
    window.tools.edit_shortcuts()
    assert "Mark done and open next" in prompts.shortcut_actions
    first = window.doc_id
    press(window.view, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.corpus.status(first, "alice") == "done"
    # Kept by the action's id: it holds whatever language the window is shown in.
    assert Settings.load().shortcuts == {"document.done_next": "Ctrl+J"}
    from annotator.gui.main_window import MainWindow as Window
    from annotator.storage.corpus import Corpus

    again = Window(Corpus.open(sample_corpus), "alice", Settings.load(), prompts)
    qtbot.addWidget(again)
    [done] = [a for a in again.actions() if a.text() == "Mark done and open next"]
    assert [k.toString() for k in done.shortcuts()] == ["Ctrl+J"]


def test_the_shortcut_editor_refuses_a_key_used_twice(qtbot, window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    from annotator.gui.shortcuts import ShortcutEditor

    actions = window.binder.named()
    editor = ShortcutEditor(None, actions)
    qtbot.addWidget(editor)
    editor.editors[0].setKeySequence(QKeySequence("Ctrl+Return"))
    editor._accept()
    assert "is given to both" in editor.error.text()


def test_the_codebook_lives_in_the_corpus(window: MainWindow, prompts) -> None:
    prompts.codebook_answer = "# Our rules\n\nTag every armed group as an actor."
    press(window.view, Qt.Key.Key_F4)
    assert prompts.codebooks[0].startswith("# Codebook")  # made from the schema at first
    assert "Examples: *At least five US personnel*" in prompts.codebooks[0]
    assert window.corpus.codebook() == "# Our rules\n\nTag every armed group as an actor."


def test_label_guidelines_show_beside_the_palette_and_the_span(window: MainWindow) -> None:
    casualty = next(a for a in window.label_actions if "Casualty" in a.text())
    assert "For example: At least five US personnel" in casualty.toolTip()
    start = window.view.text.index("At least five US personnel")
    drag_select(window.view, start, start + 26)
    press(window.view, "2")
    assert "People killed, injured or abducted" in window.span_pane.details.text()


def test_the_codebook_dialog_previews_markdown(qtbot) -> None:
    from annotator.gui.codebook_dialog import CodebookDialog

    dialog = CodebookDialog(None, "# Rules\n\n*careful*")
    qtbot.addWidget(dialog)
    assert "Rules" in dialog.browser.toPlainText()
    dialog.toggle()
    dialog.editor.setPlainText("# Changed")
    dialog.toggle()
    assert dialog.browser.toPlainText().strip() == "Changed"
    assert dialog.markdown == "# Changed"


def test_a_spacy_model_that_is_not_installed_is_refused(window: MainWindow, prompts) -> None:
    from annotator.settings import Settings

    prompts.text_answer = "xx_not_installed_model"
    window.suggestion_actions.choose_model()
    assert "is not installed here" in prompts.errors[-1][1]
    assert Settings.load().spacy_model == ""
    prompts.text_answer = ""
    window.suggestion_actions.choose_model()
    assert Settings.load().spacy_model == ""


def test_a_slow_search_leaves_the_window_working_and_esc_stops_it(
        qtbot, window: MainWindow, monkeypatch) -> None:
    from annotator.storage.corpus import Corpus
    from tests.gui.test_models import EndlessPage

    endless = EndlessPage()
    real_page = Corpus.page
    monkeypatch.setattr(Corpus, "page", endless)
    field, status = window.document_pane.search, window.document_pane.search_status
    field.setFocus()
    QTest.keyClicks(field, "rockets")
    qtbot.waitUntil(endless.started.is_set)
    assert status.isVisible() and status.stop.isVisible() and status.busy.isVisible()
    assert status.label.text() == "Searching…"
    # Meanwhile the coder carries on: the next document opens at once.
    before = window.doc_id
    press(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.doc_id != before and window.documents.searching
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_Escape)  # stops the search, keeps the words
    qtbot.waitUntil(endless.stopped.is_set)
    assert status.label.text() == "Search stopped" and not status.stop.isVisible()
    assert not status.busy.isVisible()
    assert field.text() == "rockets" and window.documents.rowCount() == 0
    monkeypatch.setattr(Corpus, "page", real_page)
    QTest.keyClick(field, Qt.Key.Key_Escape)  # a second Esc clears it: the whole list again
    qtbot.waitUntil(lambda: window.documents.rowCount() == 4)
    assert field.text() == "" and not status.isVisible()


def test_the_stop_button_stops_a_search(qtbot, window: MainWindow, monkeypatch) -> None:
    from annotator.storage.corpus import Corpus
    from tests.gui.test_models import EndlessPage

    endless = EndlessPage()
    monkeypatch.setattr(Corpus, "page", endless)
    window.document_pane.search.setText("rockets")
    qtbot.waitUntil(endless.started.is_set)
    qtbot.mouseClick(window.document_pane.search_status.stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(endless.stopped.is_set)
    assert not window.documents.searching
