"""ucdp-ged-csv: GED's columns, one row per event however many articles report it, deaths
by side, loaded by pandas; every event lacking what GED needs named, --strict refusing."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.datasets import dataset_schema
from annotator.core.schema import LabelSpec
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus

# The columns of UCDP GED, in order: UCDP Georeferenced Event Dataset Codebook version
# 25.1 (Uppsala Conflict Data Program, June 2025), as GED's CSV files lay them out
# (GEDEvent_v25_1.csv, 49 columns; gwnoa and gwnob last). The same 49 in the same order
# are in public code that reads the real files (e.g. a reader of GED releases published
# without a header row, and the column types of GEDEvent_v23_1 in an R pipeline).
GED_COLUMNS = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
]


def span(text: str, phrase: str, label: str, uid: str, **attrs: Any) -> dict[str, Any]:
    start = text.index(phrase)
    return {"id": uid, "start": start, "end": start + len(phrase), "label": label,
            "text": phrase, "attrs": attrs}


def report(doc: str, source: str, text: str, side_a: str, dead: str, count: dict[str, int],
           incident: str = "", **extra: Any) -> dict[str, Any]:
    """One article on the attack on Boulkessi; its event links to ``incident``."""
    return {
        "id": doc, "title": f"{source}: soldiers killed in Boulkessi", "text": text,
        "date": "2024-08-06", "source": source, "url": f"https://example.org/{doc}",
        "spans": [
            span(text, "JNIM", "actor", f"{doc}-jnim", ucdp_name="JNIM", actor_id=6801),
            span(text, side_a, "actor", f"{doc}-army", ucdp_name="Government of Mali",
                 actor_type="government", government_of="MLI", actor_id=432),
            span(text, "Boulkessi", "location", f"{doc}-place", where_prec="2",
                 latitude=14.62, longitude=-1.92, country="MLI", admin1="Mopti",
                 admin2="Douentza"),
            span(text, dead, "casualty", f"{doc}-dead", outcome="killed", deaths_of="side_a",
                 **count),
        ],
        "events": [{"id": f"{doc}-event", "type": "state-based conflict",
                    "date": "2024-08-05", "date_precision": 1, "incident": incident,
                    "attrs": {"event_clarity": "1", "conflict_new_id": 11347,
                              "conflict_name": "Mali: Government", **extra},
                    "members": [{"span_id": f"{doc}-army", "role": "side_a"},
                                {"span_id": f"{doc}-jnim", "role": "side_b"},
                                {"span_id": f"{doc}-place", "role": "place"},
                                {"span_id": f"{doc}-dead", "role": "victim"}]}],
    }


# The same attack in three articles: one GED event with three sources.
REPORTS = [
    report("reuters", "Reuters", "JNIM attacked the army camp in Boulkessi; 12 soldiers "
           "died.", "the army camp", "12 soldiers", {"count_best": 12}),
    report("afp", "AFP", "At least 10 soldiers were killed when JNIM stormed an army post "
           "at Boulkessi.", "an army post", "At least 10 soldiers",
           {"count_low": 10, "count_best": 10, "count_high": 15},
           incident="reuters-event", source_original="army spokesman"),
    report("ap", "AP", "JNIM fighters overran a Malian base near Boulkessi, killing 14 "
           "troops.", "a Malian base", "14 troops", {"count_best": 14},
           incident="reuters-event"),
]
CIVILIANS_TEXT = ("Gunmen of IS Sahel killed =SUM(A1) villagers, 7 people, in Tillia on "
                  "Sunday.")
# One-sided violence coded with what GED needs but side B (the civilians, unsaid).
ONE_SIDED = {
    "id": "tillia", "title": "Villagers killed in Tillia", "text": CIVILIANS_TEXT,
    "date": "2024-08-12", "source": "RFI",
    "spans": [
        span(CIVILIANS_TEXT, "Gunmen of IS Sahel", "actor", "is", ucdp_name="=HYPERLINK(1)"),
        span(CIVILIANS_TEXT, "Tillia", "location", "tillia-place", where_prec="1",
             latitude=16.13, longitude=4.79, country="NER"),
        span(CIVILIANS_TEXT, "7 people", "casualty", "tillia-dead", outcome="killed",
             count_best=7, deaths_of="civilians"),
    ],
    "events": [{"id": "tillia-event", "type": "one-sided violence", "date": "2024-08-11",
                "date_precision": 1, "attrs": {"event_clarity": "1"},
                "members": [{"span_id": "is", "role": "side_a"},
                            {"span_id": "tillia-place", "role": "place"},
                            {"span_id": "tillia-dead", "role": "victim"}]}],
}
# Lacks side A, a date and event_clarity; its only place has no country.
INCOMPLETE_TEXT = "Two herders were killed near Kidal, a local official said."
INCOMPLETE = {
    "id": "kidal", "title": "Herders killed", "text": INCOMPLETE_TEXT, "source": "Studio Tamani",
    "spans": [
        span(INCOMPLETE_TEXT, "Two herders", "casualty", "kidal-dead", outcome="killed",
             count_best=2, deaths_of="civilians"),
        span(INCOMPLETE_TEXT, "Kidal", "location", "kidal-place", where_prec="2"),
    ],
    "events": [{"id": "kidal-event", "type": "non-state conflict", "members": [
        {"span_id": "kidal-dead", "role": "victim"},
        {"span_id": "kidal-place", "role": "place"}]}],
}


def make(location: str | Path, documents: list[dict[str, Any]], folder: Path,
         *, codebook_first: bool = True) -> str:
    """A corpus at ``location`` with UCDP's codebook and ``documents`` (read as jsonl);
    ``codebook_first`` False imports before the codebook is set, as codes it refuses
    reach a corpus (an older codebook, a merge)."""
    source = folder / "documents.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents),
                      encoding="utf-8")
    ucdp = dataset_schema("ucdp")
    with Corpus.open(location) as corpus:
        # Without it: the same labels and types, none of their attributes declared.
        corpus.save_schema(ucdp if codebook_first else replace(
            ucdp, event_attributes=(), labels=tuple(
                LabelSpec(label.name, label.color, label.shortcut) for label in ucdp.labels)))
        summary = import_paths(corpus, [source], options=ReadOptions(coder="alice"))
        assert summary.ok, summary.lines()
        if not codebook_first:
            corpus.save_schema(ucdp)
    return str(location)


def export(location: str, out: Path, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["export", location, "--format", "ucdp-ged-csv", "-o",
                                    str(out), *extra])


def load(out: Path) -> pd.DataFrame:
    return pd.read_csv(out, encoding="utf-8-sig", parse_dates=["date_start", "date_end"])


def test_one_row_per_event_with_its_sources_on_either_backend(
        corpus_location: str | Path, tmp_path: Path) -> None:
    location = make(corpus_location, [*REPORTS, ONE_SIDED], tmp_path)
    out = tmp_path / "ged.csv"
    result = export(location, out, "--strict")
    assert result.exit_code == 0, result.output
    assert "nothing lost" in result.output
    table = load(out)
    assert list(table.columns) == GED_COLUMNS
    # GED has one row per event, not per article: three reports, one row saying 3.
    assert len(table) == 2
    attack = table[table["relid"] == "reuters-event"].iloc[0]
    assert attack["number_of_sources"] == 3
    assert attack["source_office"] == "Reuters;AFP;AP"
    assert attack["source_article"].split(";")[1] == (
        "AFP,2024-08-06,AFP: soldiers killed in Boulkessi")
    assert attack["source_original"] == "army spokesman"
    assert (attack["type_of_violence"], attack["side_a"], attack["side_b"]) == (
        1, "Government of Mali", "JNIM")
    assert attack["dyad_name"] == "Government of Mali - JNIM"
    assert (attack["side_a_new_id"], attack["side_b_new_id"], attack["conflict_new_id"]) == (
        432, 6801, 11347)
    # The same dead, three reports: the smallest best, the widest range (10-15, 12, 14).
    assert (attack["deaths_a"], attack["deaths_b"], attack["deaths_civilians"],
            attack["deaths_unknown"]) == (10, 0, 0, 0)
    assert (attack["low"], attack["best"], attack["high"]) == (10, 10, 15)
    assert (attack["country"], attack["country_id"], attack["region"], attack["gwnoa"]) == (
        "Mali", 432, "Africa", 432)
    assert (attack["where_prec"], attack["where_coordinates"], attack["adm_1"],
            attack["adm_2"]) == (2, "Boulkessi", "Mopti", "Douentza")
    assert attack["geom_wkt"] == "POINT (-1.92 14.62)"
    # PRIO-GRID: row (14.62 + 90) / 0.5 = 209, column (-1.92 + 180) / 0.5 = 356.
    assert attack["priogrid_gid"] == 209 * 720 + 356 + 1
    assert (attack["date_prec"], attack["year"], attack["event_clarity"],
            attack["code_status"]) == (1, 2024, 1, "Clear")
    assert attack["date_start"] == pd.Timestamp("2024-08-05")
    assert attack["date_end"] == pd.Timestamp("2024-08-05")
    # One-sided violence: the civilians are side B; a name a spreadsheet would run is text.
    village = table[table["relid"] == "tillia-event"].iloc[0]
    assert (village["type_of_violence"], village["side_a"], village["side_b"]) == (
        3, "'=HYPERLINK(1)", "Civilians")
    assert (village["deaths_civilians"], village["best"], village["number_of_sources"],
            village["country_id"]) == (7, 7, 1, 436)
    for column in ("id", "year", "type_of_violence", "number_of_sources", "where_prec",
                   "priogrid_gid", "country_id", "event_clarity", "date_prec", "deaths_a",
                   "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low"):
        assert pd.api.types.is_integer_dtype(table[column]), column
    assert pd.api.types.is_float_dtype(table["latitude"])
    assert pd.api.types.is_datetime64_any_dtype(table["date_start"])


def test_events_lacking_what_ged_needs_are_named_and_strict_refuses(tmp_path: Path) -> None:
    location = make(tmp_path / "corpus.sqlite", [REPORTS[0], INCOMPLETE], tmp_path)
    out = tmp_path / "ged.csv"
    strict = export(location, out, "--strict")
    assert strict.exit_code == 1
    assert not out.exists()
    result = export(location, out)
    assert result.exit_code == 0, result.output
    lines = result.output
    for reason in ("events with no side_a actor: side_a written empty",
                   "events with no side_b actor",
                   "events with no date, or one that is not a day",
                   "events with no place in a country GED knows",
                   "events with no event_clarity"):
        line = next((x for x in lines.splitlines() if reason in x), None)
        assert line is not None, (reason, lines)
        assert "1 × " in line and "kidal-event" in line and "document kidal" in line, line
    table = load(out)
    assert len(table) == 2
    herders = table[table["relid"] == "kidal-event"].iloc[0]
    # Written all the same, the missing fields empty.
    assert pd.isna(herders["side_a"]) and pd.isna(herders["date_start"])
    assert pd.isna(herders["country_id"]) and pd.isna(herders["code_status"])
    assert herders["deaths_civilians"] == 2 and herders["type_of_violence"] == 2


def test_codes_not_in_the_codebook_are_named(tmp_path: Path) -> None:
    hostile = json.loads(json.dumps(REPORTS[0]))
    hostile["events"][0]["attrs"]["event_clarity"] = "9"
    hostile["spans"][3]["attrs"]["deaths_of"] = "=1+1"
    hostile["spans"][3]["attrs"]["outcome"] = "injured"
    location = make(tmp_path / "corpus.sqlite", [hostile], tmp_path, codebook_first=False)
    out = tmp_path / "ged.csv"
    result = export(location, out)
    assert result.exit_code == 0, result.output
    assert "codes not in UCDP's codebook" in result.output
    assert "'9' is not one of 1, 2" in result.output
    assert "casualties other than the killed (GED counts deaths only)" in result.output
    [row] = load(out).to_dict("records")
    assert pd.isna(row["event_clarity"]) and row["best"] == 0
    assert export(location, out, "--strict").exit_code == 1


def test_a_corpus_of_another_codebook_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "plain.sqlite"
    source = tmp_path / "plain.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "Two killed in Gao."}) + "\n",
                      encoding="utf-8")
    assert CliRunner().invoke(cli, ["import", str(corpus), str(source)]).exit_code == 0
    out = tmp_path / "ged.csv"
    # The command as a user runs it (main() says what storage and writers refuse).
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from annotator.cli import main; sys.argv = "
         f"['annotator', 'export', {str(corpus)!r}, '--format', 'ucdp-ged-csv', '-o', "
         f"{str(out)!r}]; main()"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "not UCDP GED's" in done.stderr and "--codebook ucdp" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


@pytest.mark.parametrize("precision,start,end,prec", [
    (2, "2024-08-05", "2024-08-11", 3),
    (3, "2024-08-01", "2024-08-31", 4),
])
def test_a_week_or_a_month_is_a_range(tmp_path: Path, precision: int, start: str, end: str,
                                      prec: int) -> None:
    document = json.loads(json.dumps(REPORTS[0]))
    document["events"][0]["date_precision"] = precision
    location = make(tmp_path / "corpus.sqlite", [document], tmp_path)
    out = tmp_path / "ged.csv"
    assert export(location, out).exit_code == 0
    [row] = load(out).to_dict("records")
    assert (row["date_start"], row["date_end"], row["date_prec"]) == (
        pd.Timestamp(start), pd.Timestamp(end), prec)
