"""The map's places, read from a corpus file and from a server alike (``corpus`` runs
every test on both backends)."""

from __future__ import annotations

import json

from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentRecord, Span
from annotator.core.search import DocumentFilter, fts_query
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.places import corpus_places, event_places

KIRKUK = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed near Hawija."
GAO = "Gunmen raided the market of Gao, and villagers fled to Ansongo."


def span(corpus: Corpus, doc_id: int, text: str, phrase: str, coder: str = "alice",
         label: str = "location", **attrs: object) -> Span:
    start = text.index(phrase)
    return corpus.insert_span(Span(start, start + len(phrase), label, phrase, coder,
                                   attrs=attrs, doc_id=doc_id))


def two_documents(corpus: Corpus) -> tuple[int, int, dict[str, Span]]:
    kirkuk_doc, gao_doc = (r.doc_id for r in add_documents(corpus, [
        DocumentRecord(text=KIRKUK, title="Checkpoint attack", date="2024-09-14"),
        DocumentRecord(text=GAO, title="Market raid", date="2024-05-21")]))
    spans = {
        "Kirkuk": span(corpus, kirkuk_doc, KIRKUK, "Kirkuk", latitude=35.47, longitude=44.39,
                       precision=1, country="IRQ", admin1="Kirkuk"),
        "Hawija": span(corpus, kirkuk_doc, KIRKUK, "Hawija"),  # no coordinates: no place
        "Militants": span(corpus, kirkuk_doc, KIRKUK, "Militants", label="actor"),
        "Gao": span(corpus, gao_doc, GAO, "Gao", coder="bob", latitude=16.27, longitude=-0.04,
                    precision=1, country="MLI", admin1="Gao", admin2="Gao cercle"),
        "Ansongo": span(corpus, gao_doc, GAO, "Ansongo", coder="bob", latitude=15.66,
                        longitude=0.5, precision=2),
    }
    return kirkuk_doc, gao_doc, spans


def test_located_spans_are_places_with_their_document_and_events(corpus: Corpus) -> None:
    kirkuk_doc, gao_doc, spans = two_documents(corpus)
    attack = Event(kirkuk_doc, "attack", (EventMember(spans["Militants"].uid, "attacker"),
                                          EventMember(spans["Kirkuk"].uid, "place")))
    clash = Event(kirkuk_doc, "armed clash", (EventMember(spans["Kirkuk"].uid, "place"),))
    corpus.insert_event(attack)
    corpus.insert_event(clash)
    found = corpus_places(corpus, "alice")
    assert found.total == 3 and found.skipped == 0 and not found.capped
    by_name = {p.name: p for p in found.places}
    assert set(by_name) == {"Kirkuk", "Gao", "Ansongo"}  # not Hawija, not the actor
    kirkuk = by_name["Kirkuk"]
    assert (kirkuk.doc_id, kirkuk.title, kirkuk.latitude, kirkuk.longitude) == (
        kirkuk_doc, "Checkpoint attack", 35.47, 44.39)
    assert kirkuk.event_types == ("attack", "armed clash")  # one place, in two events
    assert kirkuk.event_uids == (attack.uid, clash.uid)
    assert (kirkuk.precision, kirkuk.country, kirkuk.admin1) == (1, "IRQ", "Kirkuk")
    gao = by_name["Gao"]
    assert (gao.doc_id, gao.admin2, gao.coder, gao.event_types) == (
        gao_doc, "Gao cercle", "bob", ())


def test_the_lists_filters_and_search_choose_the_places(corpus: Corpus) -> None:
    kirkuk_doc, _gao_doc, _spans = two_documents(corpus)
    names = lambda found: sorted(p.name for p in found.places)  # noqa: E731
    # The coder's own spans, or everyone's.
    assert names(corpus_places(corpus, "alice", spans_of="alice")) == ["Kirkuk"]
    assert names(corpus_places(corpus, "alice", filters=DocumentFilter(coder="bob"))) == [
        "Ansongo", "Gao"]
    assert names(corpus_places(corpus, "alice", search=fts_query("market"))) == ["Ansongo", "Gao"]
    assert names(corpus_places(corpus, "alice", search=fts_query("nowhere"))) == []
    assert names(corpus_places(corpus, "alice", filters=DocumentFilter(
        date_from="2024-09-01"))) == ["Kirkuk"]
    corpus.set_status(kirkuk_doc, "alice", "done")
    assert names(corpus_places(corpus, "alice", filters=DocumentFilter(status="done"))) == [
        "Kirkuk"]
    assert names(corpus_places(corpus, "alice", filters=DocumentFilter(
        without_label="actor"))) == ["Ansongo", "Gao"]


def test_one_events_places(corpus: Corpus) -> None:
    _kirkuk_doc, gao_doc, spans = two_documents(corpus)
    raid = Event(gao_doc, "attack", (EventMember(spans["Gao"].uid, "place"),))
    corpus.insert_event(raid)
    found = event_places(corpus, raid.uid)
    assert [p.name for p in found.places] == ["Gao"]
    assert found.places[0].event_types == ("attack",)
    assert event_places(corpus, "no-such-event").total == 0


def test_suggested_places_wait_until_accepted(corpus: Corpus) -> None:
    [added] = add_documents(corpus, [DocumentRecord(text=GAO, title="Market raid")])
    start = GAO.index("Gao")
    corpus.insert_span(Span(start, start + 3, "location", "Gao", "alice", origin="suggested",
                            attrs={"latitude": 16.27, "longitude": -0.04},
                            doc_id=added.doc_id))
    assert corpus_places(corpus, "alice").total == 0


def test_hostile_coordinates_are_skipped_and_counted(corpus: Corpus) -> None:
    _kirkuk_doc, gao_doc, _spans = two_documents(corpus)
    hostile = [{"latitude": 999, "longitude": 44.0}, {"latitude": "NaN", "longitude": 1.0},
               {"latitude": 16.2, "longitude": "east"}, {"latitude": 16.2, "longitude": "0.5"},
               {"latitude": True, "longitude": 1}, {"latitude": 1e400, "longitude": 2},
               {"latitude": 16.2}, {"longitude": [1, 2]}]
    raw = ['{"latitude": NaN, "longitude": 1}', '{"latitude": Infinity, "longitude": 1}',
           '["latitude", "longitude"]', '{"latitude": 1, "longitude": {"deep": 1}}']
    made = [span(corpus, gao_doc, GAO, "villagers") for _ in range(len(hostile) + len(raw))]
    for row, attrs in zip(made, [*map(json.dumps, hostile), *raw], strict=True):
        # As a hand edit or another program leaves them: no check on the way in.
        corpus.db.execute("UPDATE spans SET attrs = ? WHERE uid = ?", [attrs, row.uid])
    found = corpus_places(corpus, "alice")
    assert sorted(p.name for p in found.places) == ["Ansongo", "Gao", "Kirkuk"]
    assert found.skipped == len(hostile) + len(raw)
    assert found.skipped_examples[0] == "villagers: latitude 999 is not between -90 and 90"
    assert "villagers: latitude \"NaN\" is not a number" in found.skipped_examples


def test_a_big_corpus_is_one_capped_sample_in_one_query(corpus: Corpus) -> None:
    text = "Shelling hit the town. " * 3
    records = [DocumentRecord(text=text, title=f"Report {n}") for n in range(300)]
    doc_ids = [r.doc_id for r in add_documents(corpus, records)]
    with corpus.batch():
        for n, doc_id in enumerate(doc_ids):
            for k in range(2):
                start = 17 + 23 * k
                corpus.insert_span(Span(start, start + 4, "location", "town", "alice",
                                        attrs={"latitude": -40 + n / 10, "longitude": k},
                                        doc_id=doc_id))
    statements: list[str] = []
    fetch_all = corpus.db.fetch_all
    corpus.db.fetch_all = lambda sql, params=(): (statements.append(sql), fetch_all(sql, params))[1]
    found = corpus_places(corpus, "alice", limit=100)
    assert len(statements) == 1  # one query, not one per document
    assert (found.total, len(found.places), found.capped) == (600, 100, True)
    latitudes = sorted(p.latitude for p in found.places)
    # An even sample: the map keeps the shape of the whole, not its first hundred.
    assert latitudes[0] < -39 and latitudes[-1] > -11


def test_a_datasets_own_precision_is_read_by_its_name(corpus: Corpus) -> None:
    [doc] = add_documents(corpus, [DocumentRecord(text=GAO, title="Market raid")])
    span(corpus, doc.doc_id, GAO, "Gao", latitude=16.27, longitude=-0.04, where_prec=6)
    span(corpus, doc.doc_id, GAO, "Ansongo", latitude=15.66, longitude=0.5, geo_precision=2)
    by_name = {p.name: p for p in corpus_places(corpus, "alice").places}
    assert (by_name["Gao"].precision, by_name["Gao"].precision_name) == (6, "where_prec")
    assert (by_name["Ansongo"].precision, by_name["Ansongo"].precision_name) == (
        2, "geo_precision")
