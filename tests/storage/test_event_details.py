"""An event's dataset codes (attributes) and its incident (the happening several
documents report) are kept like the rest of the event: stored, changed, undone,
restored from the change log, exported and imported again, merged from a team file,
and carried over from a corpus an earlier version wrote."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from annotator.cli import cli
from annotator.core.commands import AddEvent, ChangeEvent
from annotator.core.default_codebook import default_schema
from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentRecord, InvalidRecord, Span
from annotator.core.schema import AttributeSpec, schema_from_json, schema_to_json
from annotator.storage import history, migrations
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.team import merge

TEXT = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed."
CODES = (AttributeSpec("sub_event_type", "choice", ("Armed clash", "Attack")),
         AttributeSpec("inter1", "integer"),
         AttributeSpec("civilian_targeting", "boolean"))


def coded_schema():
    return replace(default_schema(), event_attributes=CODES, dataset="acled")


def setup(corpus: Corpus) -> tuple[int, list[Span]]:
    corpus.save_schema(coded_schema())
    [result] = add_documents(corpus, [DocumentRecord(text=TEXT, date="2024-09-14", uid="k1")])
    made = []
    for phrase, label in (("Militants", "actor"), ("Kirkuk", "location")):
        start = TEXT.index(phrase)
        made.append(corpus.insert_span(Span(start=start, end=start + len(phrase), label=label,
                                            text=phrase, coder="alice", doc_id=result.doc_id)))
    return result.doc_id, made


def doc_row(corpus: Corpus, uid: str) -> int:
    return corpus.db.execute("SELECT id FROM documents WHERE uid = ?", [uid]).fetchone()[0]


def an_event(doc_id: int, spans: list[Span], **changes: object) -> Event:
    event = Event(doc_id, "attack", (EventMember(spans[0].uid, "attacker"),
                                     EventMember(spans[1].uid, "place")),
                  coder="alice", attrs={"sub_event_type": "Attack", "inter1": 2},
                  incident="kirkuk-2024-09-13")
    return replace(event, **changes)  # type: ignore[arg-type]


def test_the_codebook_keeps_its_event_attributes_and_dataset(corpus: Corpus) -> None:
    corpus.save_schema(coded_schema())
    assert corpus.schema() == coded_schema()
    assert schema_from_json(schema_to_json(coded_schema())) == coded_schema()
    assert corpus.schema().check_event({"inter1": "3", "civilian_targeting": "yes"}) == {
        "inter1": 3, "civilian_targeting": True}
    with pytest.raises(InvalidRecord, match=r"sub_event_type.*'Riot' is not one of"):
        corpus.schema().check_event({"sub_event_type": "Riot"})


def test_a_dataset_name_and_event_attributes_are_checked_when_read() -> None:
    raw = schema_to_json(coded_schema())
    with pytest.raises(InvalidRecord, match="dataset"):
        schema_from_json({**raw, "dataset": "ACLED; drop"})
    with pytest.raises(InvalidRecord, match="two event attributes are named 'inter1'"):
        schema_from_json({**raw, "event_attributes": [*raw["event_attributes"],
                                                       {"name": "inter1", "type": "text"}]})
    with pytest.raises(InvalidRecord, match="the event attributes, attribute 'x': kind 'colour'"):
        schema_from_json({**raw, "event_attributes": [{"name": "x", "type": "colour"}]})


def test_event_codes_and_incident_are_stored_changed_undone_and_restored(
        corpus: Corpus) -> None:
    doc_id, spans = setup(corpus)
    event = an_event(doc_id, spans)
    AddEvent(event).apply(corpus)
    assert corpus.events(doc_id) == [event]
    changed = replace(event, attrs={"sub_event_type": "Armed clash", "inter1": 2,
                                    "civilian_targeting": True}, incident="")
    undo = ChangeEvent(event, changed).apply(corpus)
    assert corpus.events(doc_id) == [changed]
    undo.apply(corpus)
    assert corpus.events(doc_id) == [event]
    # The change log holds both states whole: reverting its last change gives back the
    # codes the event had before it.
    ChangeEvent(event, changed).apply(corpus)
    [*_, last] = [c for c in history.changes(corpus, doc_id=doc_id)
                  if c.action == "change event"]
    history.revert(corpus, last, "alice")
    assert corpus.events(doc_id) == [event]


def test_an_exported_corpus_imports_again_with_its_event_codes(
        corpus_location: str, tmp_path: Path) -> None:
    with Corpus.open(corpus_location) as corpus:
        doc_id, spans = setup(corpus)
        corpus.insert_event(an_event(doc_id, spans))
    out = tmp_path / "out.jsonl"
    runner = CliRunner()
    done = runner.invoke(cli, ["export", str(corpus_location), "--format", "jsonl", "-o", str(out)])
    assert done.exit_code == 0, done.output
    [line] = out.read_text(encoding="utf-8").splitlines()
    [written] = json.loads(line)["events"]
    assert written["attrs"] == {"sub_event_type": "Attack", "inter1": 2}
    assert written["incident"] == "kirkuk-2024-09-13"
    again = tmp_path / "again.sqlite"
    with Corpus.open(again) as target:
        target.save_schema(coded_schema())
    done = runner.invoke(cli, ["import", str(again), str(out)])
    assert done.exit_code == 0, done.output
    with Corpus.open(again) as target:
        [event] = target.events(doc_row(target, "k1"))
    assert (dict(event.attrs), event.incident) == ({"sub_event_type": "Attack", "inter1": 2},
                                                    "kirkuk-2024-09-13")


def test_an_event_code_the_codebook_lacks_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        corpus.save_schema(coded_schema())
    record = {"id": "k1", "text": TEXT, "spans": [
        {"id": "s1", "start": 0, "end": 9, "label": "actor"}],
        "events": [{"type": "attack", "members": [{"span_id": "s1", "role": "attacker"}],
                    "attrs": {"sub_event_type": "Riot"}}]}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    done = CliRunner().invoke(cli, ["import", str(path), str(source)])
    assert done.exit_code != 0
    assert "in.jsonl:1: event 1 (attack)" in done.output
    assert "'Riot' is not one of Armed clash, Attack" in done.output
    with Corpus.open(path) as corpus:
        assert corpus.document_count() == 0


def test_a_team_file_brings_its_event_codes_and_refuses_unknown_ones(tmp_path: Path) -> None:
    with Corpus.open(tmp_path / "lead.sqlite") as lead, \
            Corpus.open(tmp_path / "alice.sqlite") as alice:
        setup(lead)
        doc_id, spans = setup(alice)
        good = an_event(doc_id, spans)
        alice.insert_event(good)
        bad = an_event(doc_id, spans, uid="e-bad", attrs={"inter1": "many"})
        alice.db.execute("INSERT INTO events (uid, doc_id, type, created_at, updated_at, attrs) "
                         "VALUES (?, ?, 'attack', 'x', 'x', ?)",
                         [bad.uid, doc_id, json.dumps(dict(bad.attrs))])
        report = merge(lead, alice)
        [event] = lead.events(doc_row(lead, "k1"))
        assert (dict(event.attrs), event.incident) == (dict(good.attrs), good.incident)
        assert "not a whole number" in " ".join(report.problems)


def test_a_corpus_from_before_event_codes_opens_with_its_events_whole(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.migrations.apply(db, stop_before="0008_event_details")
    stamp = "2024-08-06T00:00:00.000+00:00"
    db.execute("INSERT INTO documents (uid, title, text, sha256, imported_at) "
               "VALUES ('d1', 't', ?, 's', ?)", [TEXT, stamp])
    db.execute("INSERT INTO events (uid, doc_id, type, date, note, created_at, updated_at) "
               "VALUES ('e1', 1, 'attack', '2024-09-13', 'night', ?, ?)", [stamp, stamp])
    db.conn.commit()
    db.conn.close()
    with Corpus.open(path) as corpus:
        [event] = corpus.events(1)
    assert (event.uid, event.date, event.note, dict(event.attrs), event.incident) == (
        "e1", "2024-09-13", "night", {}, "")


def test_a_damaged_event_code_names_the_event(tmp_path: Path) -> None:
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        doc_id, spans = setup(corpus)
        corpus.insert_event(an_event(doc_id, spans, uid="e1"))
        corpus.db.execute("UPDATE events SET attrs = '[1, 2]' WHERE uid = 'e1'")
        with pytest.raises(Exception, match=r"event 'e1' .* is damaged"):
            corpus.events(doc_id)


@pytest.mark.parametrize("incident", ["a\nb", "a\u2028b", "a\x7fb", "x" * 201])
def test_an_incident_id_is_a_short_line_of_text(incident: str) -> None:
    with pytest.raises(InvalidRecord, match="incident id"):
        Event(1, "attack", (), incident=incident)
