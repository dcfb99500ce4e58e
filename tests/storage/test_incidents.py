"""One happening reported by several articles: events linked as the same incident, the
documents counted as its sources, and the incidents an event dialog offers."""

from __future__ import annotations

from annotator.core.events import Event, EventMember, incident_of
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

TEXT = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed."


def article(corpus: Corpus, uid: str, title: str, source: str) -> tuple[int, Span]:
    [made] = add_documents(corpus, [DocumentRecord(text=TEXT, uid=uid, title=title,
                                                   source=source, date="2024-09-14")])
    span = corpus.insert_span(Span(start=0, end=9, label="actor", text="Militants",
                                   coder="alice", doc_id=made.doc_id))
    return made.doc_id, span


def event(doc_id: int, span: Span, date: str | None, incident: str = "",
          uid: str | None = None) -> Event:
    made = Event(doc_id, "attack", (EventMember(span.uid, "attacker"),), date=date,
                 incident=incident, coder="alice")
    return Event(**{**{f: getattr(made, f) for f in made.__dataclass_fields__},
                    **({"uid": uid} if uid else {})})


def test_linking_to_an_unlinked_event_counts_both_documents_without_changing_it(
        corpus: Corpus) -> None:
    first_doc, first_span = article(corpus, "a1", "Attack on Kirkuk checkpoint", "Reuters")
    second_doc, second_span = article(corpus, "a2", "Kirkuk: two soldiers dead", "AFP")
    third_doc, third_span = article(corpus, "a3", "Iraq checkpoint attack", "AP")
    lone_doc, lone_span = article(corpus, "a4", "Unrelated", "BBC")
    first = event(first_doc, first_span, "2024-09-13", uid="e-first")
    corpus.insert_event(first)
    second = event(second_doc, second_span, "2024-09-13", incident="e-first")
    corpus.insert_event(second)
    corpus.insert_event(event(third_doc, third_span, "2024-09-14", incident="e-first"))
    lone = event(lone_doc, lone_span, "2024-09-13")
    corpus.insert_event(lone)
    assert corpus.events(first_doc) == [first]  # the first event is not changed
    assert incident_of(first) == "e-first"
    reports = corpus.incident_reports()
    assert lone.uid not in reports and "e-first" in reports
    assert reports[incident_of(second)] == reports["e-first"]
    assert [(r.doc_uid, r.source) for r in reports["e-first"]] == [
        ("a1", "Reuters"), ("a2", "AFP"), ("a3", "AP")]


def test_an_event_dialog_is_offered_the_incidents_of_other_articles_near_its_date(
        corpus: Corpus) -> None:
    docs = [article(corpus, f"a{n}", f"Article {n}", "Reuters") for n in range(5)]
    corpus.insert_event(event(docs[0][0], docs[0][1], "2024-09-13", uid="e0"))
    corpus.insert_event(event(docs[1][0], docs[1][1], "2024-09-12", incident="e0"))
    corpus.insert_event(event(docs[2][0], docs[2][1], "2024-10-30", uid="e-late"))
    corpus.insert_event(event(docs[3][0], docs[3][1], "2024-09-15", uid="e3"))
    offered = corpus.incident_choices(docs[4][0], "2024-09-14")
    # Each incident once, with how many documents report it; the month-later one is not near.
    assert {(c.incident, c.documents) for c in offered} == {("e0", 2), ("e3", 1)}
    [linked] = [c for c in offered if c.incident == "e0"]
    assert linked.type == "attack" and linked.title in ("Article 0", "Article 1")
    # From the article that holds the incident's own events, the others are offered.
    assert {c.incident for c in corpus.incident_choices(docs[0][0], "2024-09-14")} == {"e0", "e3"}
    # Without a date, the newest are offered.
    assert {c.incident for c in corpus.incident_choices(docs[4][0], None)} == {
        "e0", "e3", "e-late"}
