"""Events reach the formats that can carry them: native JSONL, brat, events-csv."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.formats.conftest import build, span

TEXT = ("Militants fired rockets at Ain al-Assad airbase on Monday. At least five US personnel "
        "were hurt; as many as seven were hurt, AP said. Two contractors were killed.")


def member(text: str, label: str, uid: str, **attrs: object) -> dict[str, object]:
    return {**span(TEXT, text, label, attrs=attrs), "id": uid}


@pytest.fixture
def with_events(tmp_path: Path) -> Path:
    return build(tmp_path / "events.sqlite", [{
        "id": "ain", "title": "Rockets hit Ain al-Assad", "text": TEXT, "date": "2024-08-06",
        "spans": [
            member("Militants", "actor", "s1", role="attacker"),
            member("Ain al-Assad airbase", "location", "s2"),
            member("At least five US personnel", "casualty", "s3", outcome="injured",
                   count_low=5, count_best=5, qualifier="at least"),
            member("as many as seven", "casualty", "s4", outcome="injured", count_high=7,
                   qualifier="at most"),
            member("Two contractors", "casualty", "s5", outcome="killed", count_low=2,
                   count_best=2, count_high=2),
        ],
        "events": [{"id": "e1", "type": "shelling or air strike", "date": "2024-08-05",
                    "date_precision": 1, "note": "two rockets", "members": [
                        {"span_id": "s1", "role": "attacker"},
                        {"span_id": "s2", "role": "place"},
                        {"span_id": "s3", "role": "victim", "group": "personnel"},
                        {"span_id": "s4", "role": "victim", "group": "personnel"},
                        {"span_id": "s5", "role": "victim"}]}],
    }])


def export(corpus: Path, fmt: str, out: Path) -> None:
    result = CliRunner().invoke(cli, ["export", str(corpus), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output


def test_events_csv_adds_up_groups_and_merges_alternatives(with_events: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    export(with_events, "events-csv", out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        [row] = list(csv.DictReader(handle))
    assert (row["event_id"], row["document_id"], row["date"], row["type"]) == (
        "e1", "ain", "2024-08-05", "shelling or air strike")
    assert row["actors_attacker"] == "Militants"
    assert row["locations"] == "Ain al-Assad airbase"
    assert (row["injured_low"], row["injured_best"], row["injured_high"]) == ("5", "5", "7")
    assert (row["killed_low"], row["killed_best"], row["killed_high"]) == ("2", "2", "2")
    assert row["abducted_best"] == ""


def test_brat_carries_events_and_reads_them_back(with_events: Path, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    export(with_events, "brat", folder)
    ann = (folder / "ain.ann").read_text(encoding="utf-8")
    assert "E1\tshelling_or_air_strike:T6 attacker:T1 place:T2 victim:T3 victim2:T4 victim3:T5" \
        in ann
    assert "shelling_or_air_strike\tattacker*:actor, place*:location, victim*:casualty" in (
        folder / "annotation.conf").read_text()
    again = tmp_path / "again.sqlite"
    result = CliRunner().invoke(cli, ["import", str(again), str(folder)])
    assert result.exit_code == 0, result.output
    with Corpus.open(again) as corpus:
        [doc] = list(iter_documents(corpus))
    assert len(doc.spans) == 5  # the trigger brat needs is not a span of its own
    [event] = doc.events
    texts = {s.uid: s.text for s in doc.spans}
    assert [(texts[m.span_uid], m.role, m.group) for m in event.members] == [
        ("Militants", "attacker", ""), ("Ain al-Assad airbase", "place", ""),
        ("At least five US personnel", "victim", "personnel"),
        ("as many as seven", "victim", "personnel"), ("Two contractors", "victim", "")]
    assert (event.uid, event.date, event.note) == ("e1", "2024-08-05", "two rockets")


def test_native_jsonl_keeps_events(with_events: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    export(with_events, "jsonl", out)
    [doc] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    [event] = doc["events"]
    assert event["members"][2] == {"span_id": "s3", "role": "victim", "group": "personnel"}


def test_an_event_naming_a_missing_span_is_an_import_error(tmp_path: Path) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text(json.dumps({"text": "Rockets hit the base.", "spans": [],
                                "events": [{"type": "attack", "members": [
                                    {"span_id": "nope", "role": "place"}]}]}) + "\n")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "c.sqlite"), str(data)])
    assert result.exit_code == 1
    assert f"{data}:1: event 1 names span 'nope'" in result.output
