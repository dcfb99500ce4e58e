"""acled-csv: ACLED's columns in ACLED's order, read by pandas as ACLED's files are, one
row per incident however many articles report it, and every event ACLED would refuse
named in the loss report."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pandas
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.datasets import dataset_schema
from annotator.core.default_codebook import default_schema
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus

# ACLED Codebook, 2024 edition (7 October 2024), Table 1 "ACLED data columns at a glance",
# in the order of ACLED's export files since its column changes of 20 March 2023 (ACLED's
# "Guide to 2023 ACLED column changes"); checked against files exported by ACLED's tool and
# API that public repositories keep (header "event_id_cnty,event_date,year,...,tags,timestamp").
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]

KIRKUK = {"latitude": 35.46806, "longitude": 44.39222, "country": "IRQ", "geo_precision": "1"}
KIDAL = {"latitude": 18.44345, "longitude": 1.40921, "country": "MLI", "geo_precision": "2"}

REUTERS = ("Militants attacked an army checkpoint in Kirkuk on Monday, killing five soldiers. "
           "In Kidal, gunmen killed dozens of civilians.")
AP = "At least three soldiers died when Islamic State fighters stormed a checkpoint in Kirkuk."


def span(text: str, phrase: str, label: str, uid: str, **attrs: object) -> dict[str, object]:
    start = text.index(phrase)
    return {"id": uid, "start": start, "end": start + len(phrase), "label": label,
            "text": phrase, "attrs": attrs}


def member(uid: str, role: str) -> dict[str, str]:
    return {"span_id": uid, "role": role}


def documents() -> list[dict]:
    return [
        {"id": "reuters-1", "title": "Checkpoint attacked in Kirkuk", "text": REUTERS,
         "date": "2024-08-06", "source": "Reuters", "spans": [
             span(REUTERS, "Militants", "actor", "r-mil", actor_type="Rebel group",
                  acled_name="Islamic State (Iraq)"),
             span(REUTERS, "army", "actor", "r-army", actor_type="State forces",
                  acled_name="Military Forces of Iraq (2022-)"),
             span(REUTERS, "Kirkuk", "location", "r-kirkuk", **KIRKUK),
             span(REUTERS, "five soldiers", "casualty", "r-dead", outcome="killed",
                  count_low=5, count_best=5, count_high=5),
             span(REUTERS, "gunmen", "actor", "r-gunmen", actor_type="Political militia",
                  acled_name="Unidentified Armed Group (Mali)"),
             span(REUTERS, "civilians", "actor", "r-civ", actor_type="Civilians",
                  acled_name="Civilians (Mali)"),
             span(REUTERS, "dozens of civilians", "casualty", "r-civdead", outcome="killed",
                  count_low=12, count_best=12),
             span(REUTERS, "Kidal", "location", "r-kidal", **KIDAL),
         ], "events": [
             {"id": "e-kirkuk", "type": "Battles", "date": "2024-08-05", "date_precision": 1,
              "attrs": {"sub_event_type": "Armed clash", "source_scale": "International"},
              "members": [member("r-mil", "actor1"), member("r-army", "actor2"),
                          member("r-kirkuk", "place"), member("r-dead", "victim")]},
             {"id": "e-kidal", "type": "Violence against civilians", "date": "2024-08-05",
              "date_precision": 2, "note": "Gunmen killed dozens of civilians in Kidal.",
              "attrs": {"sub_event_type": "Attack", "tags": "women targeted: girls"},
              "members": [member("r-gunmen", "actor1"), member("r-civ", "actor2"),
                          member("r-kidal", "place"), member("r-civdead", "victim")]},
         ]},
        {"id": "ap-2", "title": "Kirkuk checkpoint stormed", "text": AP, "date": "2024-08-06",
         "source": "AP", "spans": [
             span(AP, "Islamic State fighters", "actor", "a-is", actor_type="Rebel group"),
             span(AP, "Kirkuk", "location", "a-kirkuk", **KIRKUK),
             span(AP, "At least three soldiers", "casualty", "a-dead", outcome="killed",
                  count_low=3, count_best=3, qualifier="at least"),
         ], "events": [
             # The same battle, reported by another article: one ACLED row, two sources.
             {"id": "e-ap", "type": "Battles", "date": "2024-08-05", "incident": "e-kirkuk",
              "attrs": {"sub_event_type": "Armed clash"},
              "members": [member("a-is", "actor1"), member("a-kirkuk", "place"),
                          member("a-dead", "victim")]},
         ]},
    ]


def build(location: str | Path, docs: list[dict], tmp_path: Path) -> str | Path:
    source = tmp_path / "coded.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs),
                      encoding="utf-8")
    with Corpus.open(location) as corpus:
        corpus.save_schema(dataset_schema("acled"))
        summary = import_paths(corpus, [source], options=ReadOptions(coder="alice"))
        assert summary.ok, summary.lines()
    return location


def export(location: str | Path, out: Path, *more: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["export", str(location), "--format", "acled-csv",
                                      "-o", str(out), *more])
    said = result.output + result.stderr  # the CLI says refusals on standard error
    assert result.exit_code == code, said
    assert "Traceback" not in said
    return said


def test_acleds_columns_read_by_pandas_one_row_per_incident(corpus_location: str | Path,
                                                            tmp_path: Path) -> None:
    location = build(corpus_location, documents(), tmp_path)
    out = tmp_path / "acled.csv"
    before = int(time.time())
    said = export(location, out)
    assert "nothing lost" in said
    frame = pandas.read_csv(out, keep_default_na=False)
    assert list(frame.columns) == ACLED_COLUMNS
    assert len(frame) == 2  # the battle reported twice is one event
    for column in ("year", "time_precision", "iso", "geo_precision", "fatalities",
                   "timestamp"):
        assert frame[column].dtype == "int64", column
    for column in ("latitude", "longitude"):
        assert frame[column].dtype == "float64", column
    battle, massacre = (frame.iloc[i].to_dict() for i in range(2))
    assert battle == {
        "event_id_cnty": "IRQ1", "event_date": "2024-08-05", "year": 2024,
        "time_precision": 1, "disorder_type": "Political violence", "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "Islamic State (Iraq)",
        "assoc_actor_1": "", "inter1": "Rebel group",
        "actor2": "Military Forces of Iraq (2022-)", "assoc_actor_2": "",
        "inter2": "State forces", "interaction": "State forces-Rebel group",
        "civilian_targeting": "", "iso": 368, "region": "Middle East", "country": "Iraq",
        "admin1": "Kirkuk", "admin2": "Kirkuk District", "admin3": "", "location": "Kirkuk",
        "latitude": 35.4681, "longitude": 44.3922, "geo_precision": 1,
        # Every article reporting it, ";" between them as ACLED writes several sources.
        "source": "Reuters; AP", "source_scale": "International",
        "notes": "Militants attacked an army checkpoint in Kirkuk on Monday, killing five "
                 "soldiers.",
        # Five killed says Reuters, at least three says AP: ACLED's most conservative.
        "fatalities": 3, "tags": "", "timestamp": battle["timestamp"]}
    assert before <= battle["timestamp"] <= int(time.time())
    assert massacre["event_id_cnty"] == "MLI1"
    assert (massacre["event_type"], massacre["sub_event_type"], massacre["disorder_type"]) == (
        "Violence against civilians", "Attack", "Political violence")
    assert (massacre["inter1"], massacre["inter2"], massacre["interaction"]) == (
        "Political militia", "Civilians", "Political militia-Civilians")
    assert massacre["civilian_targeting"] == "Civilian targeting"
    assert (massacre["iso"], massacre["region"], massacre["country"]) == (
        466, "Western Africa", "Mali")
    assert massacre["admin1"] == "Kidal"  # from the gazetteer: the place has none of its own
    assert massacre["fatalities"] == 12  # "dozens", ACLED's 12
    assert massacre["notes"] == "Gunmen killed dozens of civilians in Kidal."
    assert (massacre["time_precision"], massacre["tags"]) == (2, "women targeted: girls")
    assert "admin1/admin2 taken from the gazetteer" in said


def incomplete() -> list[dict]:
    text = "=HYPERLINK(\"http://x\") rioters burned tyres in Nowhere; two were hurt."
    return [{"id": "riot-3", "title": "Riot", "text": text, "date": "2024-08-07",
             "source": "Local", "spans": [
                 span(text, "=HYPERLINK(\"http://x\") rioters", "actor", "h-riot"),
                 span(text, "Nowhere", "location", "h-place"),
                 span(text, "two", "casualty", "h-hurt", outcome="injured", count_best=2),
             ], "events": [
                 {"id": "e-riot", "type": "Riots", "attrs": {},
                  "members": [member("h-riot", "actor1"), member("h-place", "place"),
                              member("h-hurt", "victim")]},
                 {"id": "e-odd", "type": "Battles", "date": "2024-08-07",
                  "attrs": {"sub_event_type": "Armed clash", "civilian_targeting": True},
                  "members": [member("h-riot", "actor1"), member("h-place", "place")]},
             ]}]


def test_events_acled_would_refuse_are_named_and_strict_writes_nothing(
        tmp_path: Path) -> None:
    location = build(tmp_path / "riot.sqlite", incomplete(), tmp_path)
    out = tmp_path / "riot.csv"
    said = export(location, out)
    for line in ("no sub-event type (sub_event_type written empty)",
                 "no date (event_date and year written empty)",
                 "Actor 1 has no actor type (Inter 1) (inter1 and interaction written empty)",
                 "a location without latitude and longitude",
                 "a location without its country",
                 "a battle without Actor 2",
                 "civilian targeting marked on an event type ACLED never marks"):
        assert line in said, line
    assert "event e-riot in document riot-3" in said
    assert "event e-odd in document riot-3" in said
    frame = pandas.read_csv(out, keep_default_na=False, dtype=str)
    assert list(frame.columns) == ACLED_COLUMNS
    riot = frame[frame["event_type"] == "Riots"].iloc[0]
    assert (riot["sub_event_type"], riot["event_date"], riot["inter1"]) == ("", "", "")
    assert riot["actor1"] == "'=HYPERLINK(\"http://x\") rioters"  # no spreadsheet formula
    assert riot["fatalities"] == "0"  # injuries are not fatalities
    battle = frame[frame["event_type"] == "Battles"].iloc[0]
    assert battle["civilian_targeting"] == ""
    strict = tmp_path / "strict.csv"
    refused = export(location, strict, "--strict", code=1)
    assert "no sub-event type" in refused
    assert not strict.exists()


def test_a_code_not_in_acleds_codebook_is_named_and_not_written(tmp_path: Path) -> None:
    docs = documents()[:1]
    docs[0]["events"] = docs[0]["events"][:1]
    docs[0]["events"][0]["type"] = "Picnic"  # a type another codebook allowed
    location = build(tmp_path / "odd.sqlite", docs, tmp_path)
    out = tmp_path / "odd.csv"
    said = export(location, out)
    assert "not one of ACLED's event types (event_type and sub_event_type written empty)" \
        in said and "'Picnic'" in said
    row = pandas.read_csv(out, keep_default_na=False, dtype=str).iloc[0]
    assert (row["event_type"], row["sub_event_type"], row["disorder_type"]) == ("", "", "")


def test_a_corpus_of_another_codebook_is_refused_saying_why(tmp_path: Path) -> None:
    location = tmp_path / "plain.sqlite"
    with Corpus.open(location) as corpus:
        corpus.save_schema(default_schema())
    out = tmp_path / "plain.csv"
    # As a user runs it: the program's own handler says the refusal.
    done = subprocess.run([sys.executable, "-m", "annotator", "export", str(location),
                           "--format", "acled-csv", "-o", str(out)], capture_output=True,
                          text=True, timeout=120)
    said = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in said
    assert "acled-csv: the corpus's codebook is its own, not ACLED's" in said
    assert "--codebook acled" in said
    assert not out.exists()


def test_an_event_keeps_its_own_acled_id_and_new_ids_never_repeat_one(
        tmp_path: Path) -> None:
    docs = documents()
    docs[0]["events"][0]["attrs"]["event_id_cnty"] = "IRQ1"  # already in ACLED
    docs[1]["events"][0]["incident"] = ""  # a second Iraqi event, on its own
    location = build(tmp_path / "ids.sqlite", docs, tmp_path)
    out = tmp_path / "ids.csv"
    export(location, out)
    ids = list(pandas.read_csv(out, keep_default_na=False, dtype=str)["event_id_cnty"])
    assert ids == ["IRQ1", "MLI1", "IRQ2"]
