from __future__ import annotations

import pytest

from annotator.core.commands import AddEvent, remove_span
from annotator.core.default_codebook import default_schema
from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentDetails, DocumentRecord, Span
from annotator.core.schema import LabelSpec
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.schema_store import SchemaError

TEXT = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed."


def setup(corpus: Corpus) -> tuple[int, list[Span]]:
    [result] = add_documents(corpus, [DocumentRecord(text=TEXT, date="2024-09-14")])
    doc_id = result.doc_id
    made = []
    for phrase, label in (("Militants", "actor"), ("Kirkuk", "location"),
                          ("two soldiers", "casualty")):
        start = TEXT.index(phrase)
        made.append(corpus.insert_span(Span(start=start, end=start + len(phrase), label=label,
                                            text=phrase, coder="alice", doc_id=doc_id)))
    return doc_id, made


def test_events_are_stored_changed_and_removed(corpus: Corpus) -> None:
    doc_id, (militants, kirkuk, soldiers) = setup(corpus)
    event = Event(doc_id, "attack", (EventMember(militants.uid, "attacker"),
                                     EventMember(kirkuk.uid, "place"),
                                     EventMember(soldiers.uid, "victim", "g1")),
                  date="2024-09-13", date_precision=2, note="night attack", coder="alice")
    undo = AddEvent(event).apply(corpus)
    assert corpus.events(doc_id) == [event]
    undo.apply(corpus)
    assert corpus.events(doc_id) == []


def test_removing_a_span_takes_it_out_of_events_and_undo_puts_it_back(corpus: Corpus) -> None:
    doc_id, (militants, kirkuk, _soldiers) = setup(corpus)
    event = Event(doc_id, "attack", (EventMember(militants.uid, "attacker"),
                                     EventMember(kirkuk.uid, "place")))
    corpus.insert_event(event)
    undo = remove_span(kirkuk, corpus.events_with_span(kirkuk.uid)).apply(corpus)
    assert [m.span_uid for m in corpus.events(doc_id)[0].members] == [militants.uid]
    assert kirkuk.uid not in {s.uid for s in corpus.spans(doc_id)}
    undo.apply(corpus)
    assert corpus.events(doc_id) == [event]


def test_document_details_are_editable_and_logged(corpus: Corpus) -> None:
    doc_id, _ = setup(corpus)
    details = DocumentDetails("2024-09-15", "Reuters", "https://example.org/k", "check toll",
                              {"not relevant": True})
    corpus.set_details(doc_id, details)
    assert corpus.details(doc_id) == details
    assert corpus.document(doc_id).text == TEXT  # the text never changes
    assert corpus.match_count('"kirkuk"', "alice") == 1  # the index still finds it


def test_the_default_schema_is_stored_and_checks_values(corpus: Corpus) -> None:
    schema = corpus.schema()
    assert schema == default_schema()
    casualty = schema.label("casualty")
    assert [a.name for a in casualty.attributes] == [
        "outcome", "count_low", "count_best", "count_high", "qualifier", "victim_type"]
    assert schema.check_span("casualty", {"count_low": "5", "uncertain": True}) == {
        "count_low": 5, "uncertain": True}


def test_schema_changes_rename_move_and_refuse_orphans(corpus: Corpus) -> None:
    doc_id, _ = setup(corpus)
    schema = corpus.schema()
    actor = schema.label("actor")
    renamed = LabelSpec("perpetrator", actor.color, "1", actor.description, actor.attributes)
    without_actor = type(schema)(
        (renamed, *(label for label in schema.labels if label.name != "actor")),
        schema.event_types, schema.event_roles)
    with pytest.raises(SchemaError, match="actor \\(1 spans\\)"):
        corpus.save_schema(without_actor)
    corpus.save_schema(without_actor, renames={"actor": "perpetrator"})
    assert {s.label for s in corpus.spans(doc_id)} == {"perpetrator", "location", "casualty"}
    only_two = type(schema)(tuple(label for label in corpus.schema().labels
                                  if label.name != "location"), ("attack",), ("place",))
    corpus.save_schema(only_two, moves={"location": "perpetrator"})
    assert [label.name for label in corpus.labels()] == ["perpetrator", "casualty"]
    assert corpus.schema().event_types == ("attack",)
