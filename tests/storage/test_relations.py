"""Relations, discontinuous spans, knowledge-base links and document labels: stored with
a coder, logged, undoable, and carried through bulk import, export and the native JSONL."""

from __future__ import annotations

import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.commands import AddRelation, ChangeRelation, remove_span, set_doc_label
from annotator.core.default_codebook import default_schema
from annotator.core.model import (
    CodedDocument,
    DocLabel,
    DocumentRecord,
    InvalidRecord,
    KbLink,
    Relation,
    Span,
)
from annotator.core.schema import Schema, schema_from_json, schema_to_json
from annotator.formats import jsonl
from annotator.formats.base import ReadDocument, ReadOptions
from annotator.storage.bulk import add_documents, iter_documents
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.history import changes, restore

TEXT = "Two Katyusha rockets were fired at Ain al-Assad airbase. At least five US personnel were injured."


def span_of(phrase: str, label: str, doc_id: int | None = None, coder: str = "alice") -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), label, phrase, coder, doc_id=doc_id)


def stored_document(corpus: Corpus) -> tuple[int, Span, Span]:
    [result] = add_documents(corpus, [DocumentRecord(text=TEXT)])
    assert result.doc_id is not None
    base = corpus.insert_span(span_of("Ain al-Assad airbase", "location", result.doc_id))
    people = corpus.insert_span(span_of("five US personnel", "casualty", result.doc_id))
    return result.doc_id, base, people


def test_a_relation_is_stored_logged_changed_and_removed(corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, base, people = stored_document(corpus)
        link = Relation(people.uid, base.uid, "located in", "alice", doc_id=doc_id,
                        attrs={"certain": True})
        AddRelation(link).apply(corpus)
        assert corpus.relations(doc_id) == [link]
        changed = replace(link, label="attacked", coder="bob")
        undo = ChangeRelation(link, changed).apply(corpus)
        assert corpus.relation(link.uid) == changed
        undo.apply(corpus)
        assert corpus.relation(link.uid) == link
        actions = [c.action for c in changes(corpus, doc_id=doc_id)]
        assert actions[-3:] == ["add relation", "change relation", "change relation"]


def test_a_relation_to_a_span_of_another_document_or_a_removed_span_is_refused(
        corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, base, people = stored_document(corpus)
        [other] = add_documents(corpus, [DocumentRecord(text="Another text about Kirkuk.")])
        assert other.doc_id is not None
        stranger = corpus.insert_span(Span(19, 25, "location", "Kirkuk", "alice",
                                           doc_id=other.doc_id))
        with pytest.raises(CorpusError, match="another document"):
            corpus.insert_relation(Relation(people.uid, stranger.uid, "located in", "alice",
                                            doc_id=doc_id))
        corpus.delete_span(base)
        with pytest.raises(CorpusError, match="removed elsewhere"):
            corpus.insert_relation(Relation(people.uid, base.uid, "located in", "alice",
                                            doc_id=doc_id))
        assert corpus.relations(doc_id) == []


def test_removing_a_span_takes_its_relations_and_undo_brings_both_back(corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, base, people = stored_document(corpus)
        link = corpus.insert_relation(Relation(people.uid, base.uid, "located in", "alice",
                                               doc_id=doc_id))
        undo = remove_span(base, corpus.events(doc_id), corpus.relations(doc_id)).apply(corpus)
        assert corpus.relations(doc_id) == []
        assert [s.uid for s in corpus.spans(doc_id)] == [people.uid]
        undo.apply(corpus)
        assert corpus.relations(doc_id) == [link]
        assert {s.uid for s in corpus.spans(doc_id)} == {people.uid, base.uid}


def test_a_span_removed_without_the_window_logs_its_relations_so_a_restore_brings_them_back(
        corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, base, people = stored_document(corpus)
        link = corpus.insert_relation(Relation(people.uid, base.uid, "located in", "alice",
                                               doc_id=doc_id))
        point = changes(corpus, doc_id=doc_id)[-1].id
        corpus.delete_span(base)  # as `annotator` commands and merges do
        assert [c.action for c in changes(corpus, doc_id=doc_id)][-2:] == [
            "remove relation", "remove span"]
        assert restore(corpus, point, "alice", doc_id=doc_id) == 2
        assert corpus.relations(doc_id) == [link]


def test_document_labels_are_per_coder_logged_and_restored(corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, _, _ = stored_document(corpus)
        point = changes(corpus, doc_id=doc_id)[-1].id
        set_doc_label(doc_id, [], "alice", "relevant", True).apply(corpus)
        set_doc_label(doc_id, [], "bob", "relevant", False).apply(corpus)
        edit = set_doc_label(doc_id, corpus.doc_labels(doc_id), "alice", "event_types",
                             ["attack", "explosion"])
        undo = edit.apply(corpus)
        assert corpus.doc_labels(doc_id) == [
            DocLabel("event_types", ["attack", "explosion"], "alice"),
            DocLabel("relevant", True, "alice"), DocLabel("relevant", False, "bob")]
        undo.apply(corpus)
        assert corpus.doc_label(doc_id, "alice", "event_types") is None
        assert restore(corpus, point, "alice", doc_id=doc_id) == 4
        assert corpus.doc_labels(doc_id) == []
        summaries = [c.summary() for c in changes(corpus, doc_id=doc_id)]
        assert "document relevant: True" in summaries
        assert "document relevant cleared" in summaries


def test_fragments_and_links_survive_storage_change_and_history(corpus_location: str | Path) -> None:
    start = TEXT.index("Ain")
    split = Span(start, start + 20, "location", TEXT[start:start + 20], "alice",
                 fragments=((start, start + 3), (start + 13, start + 20)),
                 links=(KbLink("GeoNames", "99071", "Ain al-Asad"),))
    with Corpus.open(corpus_location) as corpus:
        [result] = add_documents(corpus, [DocumentRecord(text=TEXT, spans=(split,))])
        doc_id = result.doc_id
        [stored] = corpus.spans(doc_id)
        assert stored == replace(split, doc_id=doc_id)
        assert stored.fragment_texts() == ["Ain", "airbase"]
        joined = replace(stored, fragments=(), links=())
        corpus.replace_span(stored, joined)
        assert corpus.span(split.uid) == joined
        [change] = [c for c in changes(corpus, doc_id=doc_id) if c.action == "change span"]
        restore(corpus, change.id - 1, "alice", doc_id=doc_id)
        assert corpus.span(split.uid) == stored


@pytest.mark.parametrize(("pieces", "why"), [
    (((0, 3),), "one fragment"),
    (((0, 3), (2, 8)), "does not come after"),
    (((0, 3), (3, 8)), "does not come after"),
    (((0, 3), (5, 7)), "do not run from"),
    (((0, 0), (5, 8)), "not a non-empty range"),
])
def test_fragments_that_do_not_make_one_span_are_refused(pieces: tuple, why: str) -> None:
    with pytest.raises(InvalidRecord, match=why):
        Span(0, 8, "actor", TEXT[:8], "alice", fragments=pieces)


def test_a_record_refuses_relations_to_spans_it_does_not_have_and_labels_given_twice() -> None:
    base = span_of("Ain al-Assad airbase", "location")
    with pytest.raises(InvalidRecord, match="does not have"):
        DocumentRecord(text=TEXT, spans=(base,),
                       relations=(Relation(base.uid, "nowhere", "located in", "alice"),))
    with pytest.raises(InvalidRecord, match="given twice"):
        DocumentRecord(text=TEXT, doc_labels=(DocLabel("relevant", True, "alice"),
                                               DocLabel("relevant", False, "alice")))


def coded_record() -> DocumentRecord:
    base = span_of("Ain al-Assad airbase", "location")
    same_place = replace(span_of("Ain al-Assad airbase", "actor"), uid="same-offsets")
    people = replace(span_of("five US personnel", "casualty"),
                     links=(KbLink("Wikidata", "Q30", "United States"),))
    rockets = Span(4, 31, "actor", TEXT[4:31], "bob", fragments=((4, 12), (26, 31)))
    return DocumentRecord(
        text=TEXT, uid="doc-1", spans=(base, same_place, people, rockets),
        relations=(Relation(people.uid, base.uid, "located in", "alice", attrs={"sure": 1}),
                   Relation(rockets.uid, base.uid, "attacked", "bob")),
        doc_labels=(DocLabel("relevant", True, "alice"),
                    DocLabel("event_types", ["attack"], "bob")))


def test_bulk_import_and_export_carry_everything_and_the_coder_filter_keeps_only_whole_links(
        corpus_location: str | Path) -> None:
    record = coded_record()
    with Corpus.open(corpus_location) as corpus:
        [result] = add_documents(corpus, [record])
        [coded] = list(iter_documents(corpus))
        assert sorted(s.uid for s in coded.spans) == sorted(s.uid for s in record.spans)
        assert {(s.label, s.start, s.end) for s in coded.spans} >= {
            ("location", 35, 55), ("actor", 35, 55)}  # both labels on the same offsets
        assert {r.uid for r in coded.relations} == {r.uid for r in record.relations}
        assert sorted(coded.doc_labels, key=lambda d: d.coder) == list(record.doc_labels)
        [alice] = list(iter_documents(corpus, coder="alice"))
        # bob's relation links alice's span: without bob's span it is not exported.
        assert [r.label for r in alice.relations] == ["located in"]
        assert alice.doc_labels == [DocLabel("relevant", True, "alice")]
        assert corpus.relation_count() == 2
        assert result.outcome == "added"


def test_the_same_relation_id_twice_in_a_batch_refuses_only_its_document(corpus_location: str | Path) -> None:
    record = coded_record()
    clash = replace(coded_record(), uid="doc-2",
                    spans=tuple(replace(s, uid=s.uid + "-2") for s in record.spans), relations=())
    bad = replace(clash, relations=(replace(record.relations[0], head=clash.spans[2].uid,
                                            tail=clash.spans[0].uid),))
    with Corpus.open(corpus_location) as corpus:
        results = add_documents(corpus, [record, bad])
        assert [r.outcome for r in results] == ["added", "conflict"]
        assert "relation id" in results[1].reason
        assert corpus.relation_count() == 2


def test_native_jsonl_round_trip_keeps_fragments_links_relations_and_document_labels(
        corpus_location: str | Path, tmp_path: Path) -> None:
    record = coded_record()
    with Corpus.open(corpus_location) as corpus:
        add_documents(corpus, [record])
        out = io.StringIO()
        jsonl.write(iter_documents(corpus), out)
    path = tmp_path / "out.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    [read] = list(jsonl.read(path, ReadOptions(coder="someone")))
    assert isinstance(read, ReadDocument)
    again = read.record
    assert sorted(again.spans, key=lambda s: s.uid) == sorted(record.spans, key=lambda s: s.uid)
    assert sorted(again.relations, key=lambda r: r.uid) == sorted(record.relations,
                                                                   key=lambda r: r.uid)
    assert sorted(again.doc_labels, key=lambda d: d.coder) == list(record.doc_labels)


def test_jsonl_maps_fragment_offsets_through_line_break_normalisation(tmp_path: Path) -> None:
    raw = "Rockets\r\nhit the base.\r\nNo one was hurt."
    line = {"text": raw, "spans": [{"start": 0, "end": 22, "label": "actor",
                                    "fragments": [[0, 7], [13, 22]]}]}
    path = tmp_path / "crlf.jsonl"
    path.write_text(json.dumps(line), encoding="utf-8")
    [read] = list(jsonl.read(path, ReadOptions()))
    [span] = read.record.spans
    assert span.fragment_texts() == ["Rockets", "the base."]


@pytest.mark.parametrize(("bad", "message"), [
    ({"relations": [{"head": "s1", "tail": "s9", "label": "x"}]}, "does not have"),
    ({"relations": [{"head": "s1", "tail": "s1", "label": ""}]}, "label"),
    ({"doc_labels": [{"name": "relevant"}]}, "a name and a value"),
    ({"spans": [{"id": "s1", "start": 0, "end": 7, "label": "a",
                 "fragments": [[0, 3], [2, 7]]}]}, "does not come after"),
    ({"spans": [{"id": "s1", "start": 0, "end": 7, "label": "a",
                 "fragments": [[0, 3], [5, 99]]}]}, "out of range"),
    ({"spans": [{"id": "s1", "start": 0, "end": 7, "label": "a", "links": [{"kb": "W"}]}]},
     "links id"),
])
def test_bad_relations_labels_fragments_and_links_refuse_their_line_with_the_reason(
        tmp_path: Path, bad: dict, message: str) -> None:
    line = {"text": "Rockets hit the base.",
            "spans": [{"id": "s1", "start": 0, "end": 7, "label": "actor"}], **bad}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(line), encoding="utf-8")
    [problem] = list(jsonl.read(path, ReadOptions()))
    assert not isinstance(problem, ReadDocument)
    assert message in problem.reason and problem.line == 1


def test_the_codebook_holds_relation_types_and_document_attributes(corpus_location: str | Path) -> None:
    schema = default_schema()
    assert schema.relation_refusal("located in", "casualty", "location") is None
    assert "ends at location" in (schema.relation_refusal("located in", "actor", "actor") or "")
    assert "no relation type" in (schema.relation_refusal("owns", "actor", "actor") or "")
    assert schema.check_document_label("event_types", ["explosion", "attack", "attack"]) == [
        "attack", "explosion"]
    with pytest.raises(InvalidRecord, match="not one of"):
        schema.check_document_label("event_types", ["picnic"])
    assert schema_from_json(json.loads(json.dumps(schema_to_json(schema)))) == schema
    with pytest.raises(InvalidRecord, match="not a label of this schema"):
        schema_from_json({**schema_to_json(schema),
                          "relation_types": [{"name": "x", "heads": ["nobody"]}]})
    with Corpus.open(corpus_location) as corpus:
        assert corpus.schema() == schema
        smaller = Schema(schema.labels, schema.event_types, schema.event_roles,
                         schema.relation_types[:1], schema.document_attributes[:1])
        corpus.save_schema(smaller)
        assert corpus.schema() == smaller


def test_an_older_corpus_gains_the_tables_and_defaults_where_its_labels_allow(
        tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Corpus.open(path) as corpus:
        corpus.db.execute("DELETE FROM settings WHERE key IN "
                          "('relation_types', 'document_attributes')")
    # Back to the corpus as version 0.1 wrote it: no relation tables, no new columns.
    conn = sqlite3.connect(path)
    conn.executescript("""
        DROP TABLE relations; DROP TABLE doc_labels;
        ALTER TABLE spans DROP COLUMN fragments; ALTER TABLE spans DROP COLUMN links;
        DELETE FROM _sqlite_migrations WHERE name = '0006_relations_fragments_document_labels';
        UPDATE labels SET name = 'place' WHERE name = 'location';
    """)
    conn.close()
    with Corpus.open(path) as corpus:
        schema = corpus.schema()
        # Only the default relation types whose labels this corpus has.
        assert [k.name for k in schema.relation_types] == ["member of", "casualty of"]
        assert [a.name for a in schema.document_attributes] == [
            "relevant", "event_types", "language"]
        assert corpus.relation_count() == 0


def test_a_damaged_relation_row_is_named_not_a_traceback(corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, base, people = stored_document(corpus)
        corpus.insert_relation(Relation(people.uid, base.uid, "located in", "alice",
                                        doc_id=doc_id))
        corpus.db.execute("UPDATE relations SET attrs = '[1'")
        with pytest.raises(CorpusError, match=r"relation .* is damaged"):
            corpus.relations(doc_id)
        corpus.db.execute("INSERT INTO doc_labels VALUES (?, 'alice', 'relevant', 'nope', '')",
                          [doc_id])
        with pytest.raises(CorpusError, match=r"document label .relevant. .* is damaged"):
            corpus.doc_labels(doc_id)


def test_exporting_an_empty_coded_document_has_empty_lists() -> None:
    from annotator.core.model import Document
    obj = jsonl.document_object(CodedDocument(Document(1, "u", "t", "text")))
    assert (obj["relations"], obj["doc_labels"]) == ([], [])


@pytest.mark.parametrize(("wanted", "coder", "found"), [
    ("relevant", None, [1, 2]),
    ("relevant=true", None, [1]),
    ("relevant=false", None, [2]),
    ("event_types=attack", None, [1, 3]),
    ("event_types=explosion", None, [3]),
    ("event_types=attack", "bob", [3]),  # bob's label, on a document bob has coded
    ("language=ar", None, [2]),
    ("language", "bob", []),
    ("nothing", None, []),
])
def test_the_document_list_filters_by_document_label(
        corpus_location: str | Path, wanted: str, coder: str | None, found: list[int]) -> None:
    from annotator.core.search import DocumentFilter

    with Corpus.open(corpus_location) as corpus:
        ids = [r.doc_id for r in add_documents(corpus, [
            DocumentRecord(text=f"Document number {n}.") for n in (1, 2, 3)])]
        corpus.set_doc_label(ids[0], "alice", "relevant", True)
        corpus.set_doc_label(ids[0], "alice", "event_types", ["attack"])
        corpus.set_doc_label(ids[1], "alice", "relevant", False)
        corpus.set_doc_label(ids[1], "alice", "language", "ar")
        corpus.set_doc_label(ids[2], "bob", "event_types", ["attack", "explosion"])
        for doc_id in ids:  # the coder filter also asks for the coder's spans
            corpus.insert_span(Span(0, 8, "actor", "Document", "bob", doc_id=doc_id))
        rows = corpus.page("alice", filters=DocumentFilter(doc_label=wanted, coder=coder))
        assert [row.id for row in rows] == [ids[n - 1] for n in found]
        searched = corpus.page("alice", search="document",
                               filters=DocumentFilter(doc_label=wanted, coder=coder))
        assert sorted(row.id for row in searched) == [ids[n - 1] for n in found]


def test_stats_count_relations_fragments_links_and_document_labels(corpus_location: str | Path) -> None:
    from click.testing import CliRunner

    from annotator.cli import cli
    from annotator.storage.stats import corpus_stats

    with Corpus.open(corpus_location) as corpus:
        add_documents(corpus, [coded_record()])
        figures = corpus_stats(corpus)
    assert figures["relations"] == {"attacked": 1, "located in": 1}
    assert (figures["discontinuous_spans"], figures["links"]) == (1, 1)
    assert figures["document_labels"] == {"event_types": 1, "relevant": 1}
    shown = CliRunner().invoke(cli, ["stats", str(corpus_location)]).output
    assert "relations" in shown and "located in" in shown and "discontinuous 1" in shown


def test_an_import_adds_the_relation_types_and_document_attributes_it_uses_to_the_codebook(
        corpus_location: str | Path, tmp_path: Path) -> None:
    from annotator.formats.importing import import_paths

    line = {"text": "Rebels took Gao.", "spans": [
        {"id": "a", "start": 0, "end": 6, "label": "actor"},
        {"id": "b", "start": 12, "end": 15, "label": "location"}],
        "relations": [{"head": "a", "tail": "b", "label": "captured"}],
        "doc_labels": [{"name": "topics", "value": ["war", "politics"]},
                       {"name": "relevant", "value": True},
                       {"name": "reviewed by", "value": "someone"}]}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(line), encoding="utf-8")
    with Corpus.open(corpus_location) as corpus:
        summary = import_paths(corpus, [source])
        schema = corpus.schema()
        assert summary.ok
        assert "relation type captured" in " ".join(summary.lines())
        assert "document attribute topics" in " ".join(summary.lines())
        captured = schema.relation_type("captured")
        assert captured is not None and captured.allows("location", "actor")
        topics = schema.document_attribute("topics")
        assert topics is not None and (topics.kind, topics.values) == ("choices",
                                                                       ("war", "politics"))
        # Known names keep their codebook entry; a name no attribute can have is stored
        # and exported all the same, outside the codebook.
        assert schema.document_attribute("relevant") == default_schema().document_attribute(
            "relevant")
        assert schema.document_attribute("reviewed by") is None
        [coded] = list(iter_documents(corpus))
        assert {d.name for d in coded.doc_labels} == {"topics", "relevant", "reviewed by"}


def test_restoring_a_span_brings_back_the_relations_its_removal_took(corpus_location: str | Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, base, people = stored_document(corpus)
        rockets = corpus.insert_span(span_of("Two Katyusha rockets", "actor", doc_id))
        into = corpus.insert_relation(Relation(people.uid, base.uid, "located in", "alice",
                                               doc_id=doc_id))
        out = corpus.insert_relation(Relation(rockets.uid, base.uid, "attacked", "alice",
                                              doc_id=doc_id))
        point = changes(corpus, span_uid=base.uid)[-1].id
        corpus.delete_span(base)
        assert corpus.relations(doc_id) == []
        assert restore(corpus, point, "alice", span_uid=base.uid) == 3
        assert sorted(r.uid for r in corpus.relations(doc_id)) == sorted([into.uid, out.uid])


def test_damaged_links_and_relations_are_named_not_left_out(corpus_path: Path) -> None:
    with Corpus.open(corpus_path) as corpus:
        doc_id, base, people = stored_document(corpus)
        corpus.insert_relation(Relation(people.uid, base.uid, "located in", "alice",
                                        doc_id=doc_id))
        corpus.db.execute("PRAGMA foreign_keys = OFF")
        corpus.db.execute("UPDATE relations SET tail = 'nowhere'")
        with pytest.raises(CorpusError, match="links span 'nowhere', which is not a span"):
            list(iter_documents(corpus))
        corpus.db.execute("DELETE FROM relations")
        corpus.db.execute("UPDATE spans SET links = '[{\"kb\": 1}]' WHERE uid = ?", [base.uid])
        with pytest.raises(CorpusError, match="damaged in the corpus: its links"):
            list(iter_documents(corpus))


def test_a_jsonl_export_gives_back_no_status_that_was_not_there(tmp_path: Path) -> None:
    line = {"text": "Rockets hit the base.", "status": "todo", "statuses": {}}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line), encoding="utf-8")
    [read] = list(jsonl.read(path, ReadOptions(coder="importer")))
    assert read.record.statuses == {}
