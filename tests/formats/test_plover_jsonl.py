"""plover-jsonl: PLOVER event records as the PLOVER specification names their fields,
checked line by line with json, on a file corpus and on a server."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.datasets import dataset_schema
from annotator.core.default_codebook import default_schema
from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentRecord, KbLink, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

# The PLOVER manual, draft version 2.0, chapter "Data Fields" (PLOVER_MANUAL.tex in
# github.com/openeventdata/PLOVER, commit 5e0c24f of 2024-02-04), table "PLOVER JSON":
# every field name, and the required ones (id, date, actor, event).
SPEC_FIELDS = ("id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient",
               "event", "event_loc", "event_text", "quad_code", "event_scale", "mode",
               "context", "link", "text", "text_info", "cite_info", "coder", "coded_date",
               "coded_time", "comment",
               # "size": the chapter's "Information object for size", which the summary
               # of event categories names among ASSAULT's fields
               "size")
SPEC_REQUIRED = ("id", "date", "actor", "event")
# Same chapter, "Information object for entities" and the chapter "Actors"'s example
# block (other_sector_codes); "Location object"; "Information object for size";
# "Information object for citations"; "Information object for text".
SPEC_ENTITY = ("code", "sector", "entity_text", "identifier_id", "identifier_text",
               "religion", "ethnicity", "office", "gender", "age", "other_sector_codes")
SPEC_LOCATION = ("extracted_place", "resolved_place", "geonameid", "lat", "lon", "city",
                 "district", "province", "country", "country_code", "feature_class",
                 "feature_code", "resolution")
SPEC_SIZE = ("dead", "injured", "arrested")
SPEC_CITE = ("corpus", "citation", "url", "title", "language", "publication", "license",
             "copyright", "coder", "codebook", "version")
SPEC_TEXT_INFO = ("sequence", "start", "end", "text_story")
# What this export adds, as the manual invites ("Providers should feel free to include
# named fields beyond those provided here"): each is documented in plover_jsonl.
EXTENSIONS = {"record": ("incident_sources",), "entity": ("start", "end"),
              "location": ("start", "end"), "size": ("killed_or_injured", "abducted"),
              "cite": ("date",)}
# The manual's simplest record, in its own words: its keys' types are what a reader of
# PLOVER expects (the manual writes the date unquoted; it is YYYY-MM-DD text).
SPEC_EXAMPLE = {"id": "PHOXv1-20160724-0042", "date": "2016-07-24",
                "actor": [{"code": "USA"}], "recipient": [{"code": "CAN"}],
                "event": ["CONSULT"]}

TEXT = ("Militants fired rockets at Ain al-Assad airbase in Iraq on Monday. At least five US "
        "personnel were injured; as many as seven were hurt, officials said. Two contractors "
        "were killed.")
AP_TEXT = "Rockets struck Ain al-Assad airbase on Monday, wounding US personnel, AP said."
HOSTILE = ('=HYPERLINK("http://x","Militants") met Iraqi officials. The talks were '
           "cordial.")


def _span(text: str, phrase: str, label: str, uid: str, **attrs: Any) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), label, phrase, "alice", uid=uid, attrs=attrs)


def _records() -> list[DocumentRecord]:
    spans = [
        _span(TEXT, "Militants", "actor", "s1", country="IRQ", sector="REB"),
        _span(TEXT, "Ain al-Assad airbase", "location", "s2", latitude=33.8, longitude=42.44,
              geonames_id=7730185, country="IRQ", admin1="Al Anbar", resolution=5),
        _span(TEXT, "At least five US personnel", "casualty", "s3", outcome="injured",
              count_low=5, count_best=5, qualifier="at least"),
        _span(TEXT, "as many as seven", "casualty", "s4", outcome="injured", count_high=7,
              qualifier="at most"),
        _span(TEXT, "Two contractors", "casualty", "s5", outcome="killed", count_low=2,
              count_best=2, count_high=2),
        _span(TEXT, "US personnel", "actor", "s6", country="USA", sector="MIL",
              other_sectors=["GOV"]),
    ]
    spans[5] = Span(spans[5].start, spans[5].end, "actor", spans[5].text, "alice", uid="s6",
                    attrs=spans[5].attrs, links=(KbLink("Wikidata", "Q11211", "US forces"),))
    attack = Event(0, "ASSAULT", (
        EventMember("s1", "actor"), EventMember("s6", "recipient"), EventMember("s2", "place"),
        EventMember("s3", "victim", "personnel"), EventMember("s4", "victim", "personnel"),
        EventMember("s5", "victim")), uid="e1", date="2024-08-05", coder="alice",
        note="two rockets", attrs={"mode": ["heavy-weapons"], "context": ["military"]})
    ap_spans = [_span(AP_TEXT, "Rockets", "actor", "a1", country="IRQ", sector="UAF"),
                _span(AP_TEXT, "US personnel", "actor", "a2", country="USA", sector="MIL")]
    ap = Event(0, "ASSAULT", (EventMember("a1", "attacker"), EventMember("a2", "target")),
               uid="e2", date="2024-08-05", date_precision=2, coder="bob", incident="e1")
    hostile_spans = [_span(HOSTILE, 'HYPERLINK("http://x","Militants")', "actor", "h1",
                           country="=cmd|' /C calc'!A0", sector="REB"),
                     _span(HOSTILE, "Iraqi officials", "actor", "h2")]
    hostile = Event(0, "COOPERATE", (EventMember("h2", "other"), EventMember("h1", "actor")),
                    uid="e3", coder="carol", attrs={"mode": ["visit", "bogus"]})
    # COOPERATE without its recipient; a CONSULT dated by month in a way PLOVER cannot read
    meeting = Event(0, "CONSULT", (EventMember("h2", "actor"),), uid="e4",
                    date="2024-09", coder="carol", attrs={"mode": ["phone"]})
    return [
        DocumentRecord(TEXT, uid="ain", title="Rockets hit Ain al-Assad", date="2024-08-06",
                       source="Reuters", url="https://example.org/ain", spans=tuple(spans),
                       events=(attack,)),
        DocumentRecord(AP_TEXT, uid="ain-ap", title="Attack on US base", date="2024-08-06",
                       source="AP", spans=tuple(ap_spans), events=(ap,)),
        DocumentRecord(HOSTILE, uid="talks", title="Talks", spans=tuple(hostile_spans),
                       events=(hostile, meeting)),
    ]


def _build(location: str | Path, records: list[DocumentRecord], dataset: str = "plover") -> str:
    with Corpus.open(location) as corpus:
        corpus.save_schema(dataset_schema(dataset) if dataset else default_schema())
        results = add_documents(corpus, records)
        assert all(r.doc_id for r in results), results
    return str(location)


def _export(corpus: str, out: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["export", corpus, "--format", "plover-jsonl",
                                      "-o", str(out), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def _lines(out: Path) -> dict[str, dict[str, Any]]:
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return {record["id"]: record for record in records}


@pytest.fixture
def exported(corpus_location: str | Path, tmp_path: Path) -> tuple[dict[str, Any], str]:
    corpus = _build(corpus_location, _records()[:2])
    out = tmp_path / "events.jsonl"
    code, output = _export(corpus, out)
    assert code == 0, output
    return _lines(out), output


def _check_keys(found: dict[str, Any], spec: tuple[str, ...], extensions: tuple[str, ...],
                what: str) -> None:
    unknown = set(found) - set(spec) - set(extensions)
    assert not unknown, f"{what} has fields neither PLOVER's nor documented: {unknown}"


def test_records_carry_plover_fields_with_the_specs_types(exported) -> None:
    records, output = exported
    assert set(records) == {"e1", "e2"}
    for record in records.values():
        _check_keys(record, SPEC_FIELDS, EXTENSIONS["record"], "a record")
        for name in SPEC_REQUIRED:
            assert record[name] is not None, name
            assert type(record[name]) is type(SPEC_EXAMPLE[name]), name
        assert all(isinstance(e, str) for e in record["event"])
        for entity in record["actor"] + record["recipient"]:
            _check_keys(entity, SPEC_ENTITY, EXTENSIONS["entity"], "an entity")
            assert isinstance(entity["code"], str) and len(entity["code"]) == 3
        _check_keys(record["cite_info"], SPEC_CITE, EXTENSIONS["cite"], "cite_info")
        _check_keys(record["text_info"], SPEC_TEXT_INFO, (), "text_info")
    assert "nothing lost" in output


def test_an_attack_as_plover_codes_it(exported) -> None:
    records, _output = exported
    attack = records["e1"]
    assert (attack["date"], attack["enddate"], attack["event"], attack["mode"],
            attack["context"], attack["quad_code"]) == (
        "2024-08-05", None, ["ASSAULT"], ["heavy-weapons"], ["military"], 4)
    [actor] = attack["actor"]
    assert (actor["entity_text"], actor["code"], actor["sector"]) == ("Militants", "IRQ", "REB")
    [recipient] = attack["recipient"]
    assert (recipient["code"], recipient["sector"], recipient["other_sector_codes"],
            recipient["identifier_id"], recipient["identifier_text"]) == (
        "USA", "MIL", ["GOV"], "Q11211", "US forces")
    assert TEXT[recipient["start"]:recipient["end"]] == "US personnel"
    place = attack["event_loc"]
    _check_keys(place, SPEC_LOCATION, EXTENSIONS["location"], "event_loc")
    assert (place["extracted_place"], place["geonameid"], place["lat"], place["lon"],
            place["province"], place["country"], place["country_code"],
            place["resolution"]) == ("Ain al-Assad airbase", 7730185, 33.8, 42.44,
                                     "Al Anbar", "Iraq", "IRQ", 5)
    # "At least five" and "as many as seven" are one group: the conservative 5, not 12.
    _check_keys(attack["size"], SPEC_SIZE, EXTENSIONS["size"], "size")
    assert attack["size"] == {"injured": 5, "dead": 2}
    start, end = attack["text_info"]["start"], attack["text_info"]["end"]
    assert attack["text"] == TEXT[start:end] == TEXT  # the three sentences its spans are in
    assert (attack["coder"], attack["comment"]) == ("alice", "two rockets")
    assert attack["cite_info"]["citation"] == "ain"
    assert attack["cite_info"]["publication"] == "Reuters"


def test_an_incident_cites_every_article_reporting_it(exported) -> None:
    records, _output = exported
    attack, ap = records["e1"], records["e2"]
    assert attack["link"] == ap["link"] == "e1"
    assert [s["citation"] for s in attack["incident_sources"]] == ["ain", "ain-ap"]
    assert [s["publication"] for s in ap["incident_sources"]] == ["Reuters", "AP"]
    # The default codebook's words for roles still say which side an actor is on.
    assert [a["entity_text"] for a in ap["actor"]] == ["Rockets"]
    assert [r["entity_text"] for r in ap["recipient"]] == ["US personnel"]
    # Dated within a week: date and enddate bound it.
    assert (ap["date"], ap["enddate"]) == ("2024-08-05", "2024-08-11")


def test_pandas_reads_the_lines_as_one_table(exported, tmp_path: Path) -> None:
    records, _output = exported
    out = tmp_path / "again.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records.values()), encoding="utf-8")
    table = pandas.read_json(out, lines=True, dtype=False)
    assert list(table.columns) == list(next(iter(records.values())))
    assert table["quad_code"].dtype.kind == "i"


def test_events_missing_what_plover_requires_are_named(tmp_path: Path) -> None:
    corpus = _build(tmp_path / "c.sqlite", _records())
    out = tmp_path / "events.jsonl"
    code, output = _export(corpus, out)
    assert code == 0, output
    records = _lines(out)
    lost = output[output.index("lost in this format:"):]
    assert "no recipient, which the category requires (written with recipient [])" in lost
    assert "event e3 in document talks: COOPERATE" in lost
    assert "mode not one of the category's (left out of mode)" in lost
    assert "'visit' with COOPERATE" in lost
    assert "mode not in PLOVER's codebook (left out of mode)" in lost
    assert "entity country not a PLOVER country (written with code null)" in lost
    assert "entity without a sector" in lost and "entity without a country code" in lost
    assert "no event date (written with date null)" in lost
    assert "event date not YYYY-MM-DD (written with date null)" in lost
    assert "'2024-09'" in lost
    assert "actor span neither actor nor recipient (left out)" in lost
    talks = records["e3"]
    assert talks["mode"] is None and talks["recipient"] == [] and talks["date"] is None
    # A formula is data in JSON: kept exactly, the bad country code left out.
    assert talks["actor"][0]["entity_text"] == 'HYPERLINK("http://x","Militants")'
    assert talks["actor"][0]["code"] is None
    assert records["e4"]["date"] is None


def test_strict_refuses_an_event_without_its_recipient(tmp_path: Path) -> None:
    [first, *_rest] = _records()
    alone = Event(0, "AID", (EventMember("s1", "actor"),), uid="e9", date="2024-08-05")
    record = DocumentRecord(first.text, uid="ain", date="2024-08-06", spans=first.spans,
                            events=(alone,))
    corpus = _build(tmp_path / "c.sqlite", [record])
    out = tmp_path / "events.jsonl"
    code, output = _export(corpus, out, "--strict")
    assert code == 1
    assert "nothing written" in output
    assert "1 × no recipient, which the category requires" in output
    assert not out.exists()
    complete = _build(tmp_path / "complete.sqlite", _records()[:2])
    code, output = _export(complete, out, "--strict")
    assert code == 0, output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    complete = _build(tmp_path / "complete.sqlite", _records()[:2])
    code, output = _export(complete, out, "--strict")
    assert code == 0, output
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_an_event_dated_by_its_article_says_so(tmp_path: Path) -> None:
    [first, *_rest] = _records()
    undated = replace(first.events[0], date=None, date_precision=3)
    record = DocumentRecord(first.text, uid="ain", title=first.title, date="2024-08-06",
                            spans=first.spans, events=(undated,))
    corpus = _build(tmp_path / "c.sqlite", [record])
    out = tmp_path / "events.jsonl"
    code, output = _export(corpus, out, "--strict")
    assert code == 0, output
    assert "dated by their article's date" in output
    assert (_lines(out)["e1"]["date"], _lines(out)["e1"]["enddate"]) == (
        "2024-08-01", "2024-08-31")


def test_a_corpus_not_coded_with_plover_is_refused(tmp_path: Path) -> None:
    for dataset in ("", "acled"):
        corpus = _build(tmp_path / f"other{dataset}.sqlite", [], dataset=dataset)
        out = tmp_path / "events.jsonl"
        result = CliRunner().invoke(cli, ["export", corpus, "--format", "plover-jsonl",
                                          "-o", str(out)])
        assert result.exit_code != 0
        assert isinstance(result.exception, SystemExit)  # said, not a traceback
        assert "not PLOVER's" in result.output
        assert ("'acled''s" if dataset else "its own") in result.output
        assert not out.exists()
