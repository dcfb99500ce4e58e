"""Incidents as coders make them one link at a time in the event dialog: the documents a
happening is counted in (UCDP's number_of_sources, ACLED's sources) stay right whatever
order the links are made in, and whatever is deleted."""

from __future__ import annotations

from dataclasses import replace

from annotator.core.events import incident_of
from annotator.storage.corpus import Corpus
from tests.storage.test_incidents import article, event


def _sources(corpus: Corpus, uid: str, doc_id: int) -> int:
    [found] = [e for e in corpus.events(doc_id) if e.uid == uid]
    reports = corpus.incident_reports().get(incident_of(found))
    return len(reports) if reports else 1


def test_linking_an_event_others_already_name_keeps_one_incident(any_corpus: Corpus) -> None:
    corpus = any_corpus
    a_doc, a_span = article(corpus, "a", "A", "Reuters")
    b_doc, b_span = article(corpus, "b", "B", "AFP")
    c_doc, c_span = article(corpus, "c", "C", "AP")
    corpus.insert_event(event(a_doc, a_span, "2024-09-13", uid="eA"))
    b_event = event(b_doc, b_span, "2024-09-13", uid="eB")
    corpus.insert_event(b_event)
    # The dialog of C's event offers B's (unlinked) event: C names eB.
    offered_c = {x.incident for x in corpus.incident_choices(c_doc, "2024-09-13")}
    assert "eB" in offered_c
    corpus.insert_event(event(c_doc, c_span, "2024-09-13", uid="eC", incident="eB"))
    # Later, B's dialog offers A's event: B names eA.
    assert "eA" in {x.incident for x in corpus.incident_choices(b_doc, "2024-09-13")}
    corpus.replace_event(replace(b_event, incident="eA"))
    counts = {uid: _sources(corpus, uid, doc) for uid, doc in
              (("eA", a_doc), ("eB", b_doc), ("eC", c_doc))}
    assert counts == {"eA": 3, "eB": 3, "eC": 3}
    d_doc, _span = article(corpus, "d", "D", "BBC")
    offered = corpus.incident_choices(d_doc, "2024-09-13")
    assert [(x.incident, x.documents) for x in offered] == [("eA", 3)]


def test_deleting_the_named_event_keeps_the_others_one_incident(any_corpus: Corpus) -> None:
    corpus = any_corpus
    a_doc, a_span = article(corpus, "a", "A", "Reuters")
    b_doc, b_span = article(corpus, "b", "B", "AFP")
    c_doc, c_span = article(corpus, "c", "C", "AP")
    first = event(a_doc, a_span, "2024-09-13", uid="eA")
    corpus.insert_event(first)
    corpus.insert_event(event(b_doc, b_span, "2024-09-13", uid="eB", incident="eA"))
    corpus.insert_event(event(c_doc, c_span, "2024-09-13", uid="eC", incident="eA"))
    corpus.delete_event(first)
    assert _sources(corpus, "eB", b_doc) == 2 and _sources(corpus, "eC", c_doc) == 2
