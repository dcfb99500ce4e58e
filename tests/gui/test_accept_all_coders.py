"""With every coder's spans shown, "accept all" and Tab review only the coder's own
pending suggestions: another coder's are theirs to accept or reject."""

from __future__ import annotations

from annotator.core.model import Span
from annotator.gui.main_window import MainWindow


def test_accept_all_leaves_another_coders_suggestions_alone(window: MainWindow) -> None:
    doc = window.doc_id
    assert doc is not None
    text = window.view.text
    start = text.index("Hezbollah")
    theirs = Span(start=start, end=start + 9, label="actor", text="Hezbollah", coder="bob",
                  origin="suggested", doc_id=doc)
    window.corpus.insert_span(theirs)
    window.suggestion_actions.suggest_here()  # alice's own
    window.session.set_show_all_coders(True)
    assert theirs.uid in {s.uid for s in window.session.spans}
    assert all(place[5] == "alice" for place in window.suggestion_actions.pending())
    window.suggestion_actions.accept_all()
    stored = {s.uid: s for s in window.corpus.spans(doc)}
    assert stored[theirs.uid].origin == "suggested" and stored[theirs.uid].coder == "bob"
    mine = [s for s in stored.values() if s.coder == "alice"]
    assert mine and {s.origin for s in mine} == {"accepted"}


def test_reject_and_accept_go_on_to_the_next_suggestion_not_back(window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    from tests.gui.helpers import press

    window.suggestion_actions.suggest_here()
    pending = sorted(window.suggestion_actions.pending())
    assert len(pending) > 4
    third, fourth = pending[2], pending[3]
    window.session.select(third[3])
    window.view.select_range(pending[0][0], pending[0][0])  # the caret left far before
    window.session.select(third[3])
    press(window.view, Qt.Key.Key_Backspace)  # reject the third
    assert window.session.current_span is not None
    assert window.session.current_span.start >= third[0]
    assert window.session.current_span.uid == fourth[3]
    fifth = sorted(window.suggestion_actions.pending())[3]
    window.view.select_range(0, 0)
    window.session.select(fourth[3])
    press(window.view, Qt.Key.Key_Return)  # accept the fourth: on to the fifth
    assert window.session.current_span is not None
    assert window.session.current_span.uid == fifth[3]
