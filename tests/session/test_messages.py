"""What the session says reaches the window translatable, still without Qt: each
sentence a marked English template with its values, the steps of the undo history
named the same way, the declared titles marked for the catalogues."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.commands import (
    AddEvent,
    AddRelation,
    AddSpan,
    Batch,
    ChangeEvent,
    ChangeRelation,
    ChangeSpan,
    Edit,
    RejectSuggestion,
    RemoveEvent,
    RemoveRelation,
    RemoveSpan,
    RestoreSuggestion,
    SetDocLabel,
    SetDocumentDetails,
    SetStatus,
    accept,
    accept_many,
    remove_span,
)
from annotator.core.events import Event, EventMember
from annotator.core.model import STATUSES, DocumentDetails, Relation, Span
from annotator.session import Session
from annotator.session.actions import ACTIONS, MENUS, VIEW_KEYS
from annotator.session.messages import Message, said
from annotator.session.steps import describe
from annotator.storage.corpus import Corpus
from tests.conftest import REPO

SESSION = REPO / "annotator" / "session"


def pseudo(context: str, text: str) -> str:
    """A translation that shows where it looked: ⟦context|text⟧."""
    return f"⟦{context}|{text}⟧"


@pytest.fixture
def session(sample_location: str | Path) -> Session:
    corpus = Corpus.open(sample_location)
    opened = Session(corpus, "alice")
    opened.open_corpus(corpus)
    yield opened
    opened.close()


def heard(session: Session) -> list[object]:
    said_now: list[object] = []
    session.said.connect(lambda message, _ms: said_now.append(message))
    return said_now


def test_a_message_reads_as_english_and_translates_its_template_and_nested_values() -> None:
    inner = said("History", "Could not save “{step}”: {error}", step="tag 'x' as actor",
                 error="database is locked")
    outer = said("Session", "Not saved: {message}", message=inner)
    assert str(outer) == "Not saved: Could not save “tag 'x' as actor”: database is locked"
    assert outer.translated(pseudo) == (
        "⟦Session|Not saved: ⟦History|Could not save “tag 'x' as actor”: "
        "database is locked⟧⟧")
    counted = said("Session", "{count:,} found", count=12000)
    assert str(counted) == "12,000 found"


def test_a_translation_naming_a_placeholder_the_template_lacks_reads_in_english() -> None:
    message = said("Session", "Already linked as “{name}”.", name="located in")
    assert message.translated(lambda _c, _t: "Déjà lié comme « {nom} ».") == \
        "Already linked as “located in”."


def _marked(node: ast.expr, context: str) -> bool:
    """``QT_TRANSLATE_NOOP(context, "a literal")``: what lupdate reads."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "QT_TRANSLATE_NOOP" and len(node.args) == 2
            and isinstance(node.args[0], ast.Constant) and node.args[0].value == context
            and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str))


def test_every_sentence_the_session_says_is_marked_for_translation_in_its_context() -> None:
    """lupdate finds a template only inside QT_TRANSLATE_NOOP, with the context the
    window will look it up in; a sentence said any other way would stay English."""
    checked = 0
    for path in sorted(SESSION.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assigned: dict[str, list[ast.expr]] = {}
        helper: set[int] = set()  # the calls inside _said itself, which passes its template on
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                assigned.setdefault(node.targets[0].id, []).append(node.value)
            if isinstance(node, ast.FunctionDef) and node.name == "_said":
                helper |= {id(inner) for inner in ast.walk(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)) \
                    or id(node) in helper:
                continue
            if node.func.id == "said" and len(node.args) >= 2:
                context, template = node.args[0], node.args[1]
            elif node.func.id == "_said" and node.args:  # the session's own: context Session
                context, template = ast.Constant("Session"), node.args[0]
            else:
                continue
            where = f"{path.name}:{node.lineno}"
            name = context.value if isinstance(context, ast.Constant) else \
                {"CONTEXT": "Steps"}[ast.unparse(context)]
            if name == "Status":  # a status word: marked where STATUS_WORDS is
                assert ast.unparse(template).startswith("STATUS_WORDS"), where
                continue
            candidates = assigned.get(template.id, []) if isinstance(template, ast.Name) \
                else [template]
            assert candidates and all(_marked(c, name) for c in candidates), where
            checked += len(candidates)
    assert checked >= 28  # every one there is (a new one raises it)


def test_the_session_says_messages_and_the_english_is_unchanged(session: Session) -> None:
    messages = heard(session)
    session.apply_label("actor", 3, 3)
    [message] = messages
    assert isinstance(message, Message) and message.context == "Session"
    assert message.translated(pseudo) == \
        "⟦Session|Select some text first, then press a label key.⟧"
    assert str(message) == "Select some text first, then press a label key."


def test_a_failed_edit_is_said_with_its_step_and_the_storage_error_kept_as_it_is(
        session: Session) -> None:
    messages = heard(session)
    failures: list[object] = []
    session.not_saved.connect(failures.append)
    doc = session.doc_id
    assert doc is not None and session.document is not None
    text = session.document.text
    bad = Span(start=0, end=5, label="actor", text=text[1:6], coder="alice", doc_id=doc)
    assert not session.do(AddSpan(bad))
    [failure] = failures
    assert isinstance(failure, Message) and failure.context == "History"
    error = str(failure.values["error"])
    assert error and "⟦" not in failure.translated(pseudo).split("”: ", 1)[1]
    assert failure.translated(pseudo).startswith(
        f"⟦History|Could not save “⟦Steps|tag {text[1:6]!r} as actor⟧”")
    assert str(messages[-1]).startswith(f"Not saved: Could not save “tag {text[1:6]!r} as actor”")


def test_an_undo_that_can_never_be_done_says_so_translatably(session: Session) -> None:
    messages = heard(session)
    assert session.document is not None
    start = session.document.text.index("Hamas")
    span = session.tag(start, start + 5, "actor")
    assert span is not None
    session.apply_label("location", 0, 0)  # relabel it
    with Corpus.open(session.corpus.path) as other:  # another window removes it
        [theirs] = other.spans(span.doc_id or 0)
        other.delete_span(theirs)
    assert not session.history.undo()
    latest = messages[-1]
    assert isinstance(latest, Message)
    assert latest.translated(pseudo).startswith(  # named as Edit > Undo named it
        "⟦Session|Not saved: ⟦History|Could not take back “⟦Steps|relabel 'Hamas' as location⟧”: ")
    assert str(latest).endswith("That step is dropped from the undo history.")


def _span(text: str = "Hamas", label: str = "actor", origin: str = "manual") -> Span:
    return Span(start=0, end=len(text), label=label, text=text, coder="alice", doc_id=1,
                origin=origin)


def every_kind_of_edit() -> list[Edit]:
    span, other = _span(), _span("Iran", "location")
    event = Event(1, "attack", (EventMember(span.uid, "attacker"),))
    relation = Relation(span.uid, other.uid, "located in", "alice", doc_id=1)
    suggestion = _span("Baghdad", "location", origin="suggested")
    edits: list[Edit] = [
        AddSpan(span), RemoveSpan(span), ChangeSpan(span, replace(span, label="location")),
        ChangeSpan(span, replace(span, attrs={"note": "x"})),
        *(SetStatus(1, "alice", "todo", status) for status in STATUSES),
        AddEvent(event), RemoveEvent(event), ChangeEvent(event, replace(event, type="clash")),
        SetDocumentDetails(1, DocumentDetails(), DocumentDetails(source="AP")),
        RejectSuggestion(suggestion), RestoreSuggestion(suggestion),
        AddRelation(relation), RemoveRelation(relation),
        ChangeRelation(relation, replace(relation, label="part of")),
        SetDocLabel(1, "alice", "relevant", None, True),
        remove_span(span, [event], [relation]),
        accept(suggestion, "alice", "todo"),
        accept_many([suggestion, _span("Mosul", "location", origin="suggested")], "alice", {1: "todo"}),
        Batch([AddSpan(span), SetStatus(1, "alice", "todo", "in progress")],
              AddSpan(span).description),
        Batch([AddSpan(span), AddSpan(other)], ""),
    ]
    return edits


@pytest.mark.parametrize("edit", every_kind_of_edit(), ids=lambda e: type(e).__name__)
def test_each_step_reads_in_english_as_the_edit_describes_itself(edit: Edit) -> None:
    described = describe(edit)
    assert isinstance(described, Message)
    assert str(described) == edit.description
    assert described.translated(pseudo).startswith("⟦")  # looked up, not left as it was


def test_a_batch_the_window_named_keeps_its_name() -> None:
    named = Batch([AddSpan(_span())], "étiqueter tout 'Hamas'")
    assert describe(named) == "étiqueter tout 'Hamas'"


def test_the_history_names_its_steps_for_the_window(session: Session) -> None:
    assert session.history.undo_step == "" and session.history.redo_step == ""
    assert session.document is not None
    start = session.document.text.index("Hamas")
    session.tag(start, start + 5, "actor")
    step = session.history.undo_step
    assert isinstance(step, Message) and str(step) == session.history.undo_text
    assert step.translated(pseudo) == "⟦Steps|tag 'Hamas' as actor⟧"
    session.undo()
    assert str(session.history.redo_step) == "tag 'Hamas' as actor"


def test_the_status_titles_are_whole_sentences_one_per_status() -> None:
    marks = [spec for spec in ACTIONS.values()
             if spec.id.startswith("document.mark_") and spec.id != "document.mark_done_next"]
    assert [(s.id, s.title) for s in marks] == [
        (f"document.mark_{status.replace(' ', '_')}", f"Mark {status}") for status in STATUSES]


def test_every_declared_title_menu_and_article_key_is_marked_in_context_actions() -> None:
    tree = ast.parse((SESSION / "actions.py").read_text(encoding="utf-8"))
    titles, menus, keys = [], [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ActionSpec":
            titles.append(node.args[1])
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "MENUS":
            menus = [pair.elts[1] for pair in node.value.elts]  # type: ignore[attr-defined]
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "VIEW_KEYS":
            keys = [text for pair in node.value.elts for text in pair.elts]  # type: ignore[attr-defined]
    assert len(titles) == len(ACTIONS) and len(menus) == len(MENUS) \
        and len(keys) == 2 * len(VIEW_KEYS)
    unmarked = [ast.unparse(t) for t in [*titles, *menus, *keys] if not _marked(t, "Actions")]
    assert unmarked == []
