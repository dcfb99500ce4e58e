"""Links made one at a time (C names B, then B names A) make one incident in every
dataset export: one row, every article counted as its source."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pandas
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.datasets import dataset_schema
from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

TEXT = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed."


def chained(path: Path, dataset: str, event_type: str) -> None:
    with Corpus.open(path) as corpus:
        corpus.save_schema(dataset_schema(dataset))
        events = {}
        for name, source in (("A", "Reuters"), ("B", "AFP"), ("C", "AP")):
            [made] = add_documents(corpus, [DocumentRecord(
                text=TEXT, uid=f"doc-{name}", source=source, date="2024-09-14")])
            span = corpus.insert_span(Span(start=0, end=9, label="actor", text="Militants",
                                           coder="alice", doc_id=made.doc_id))
            events[name] = Event(made.doc_id, event_type, (EventMember(span.uid, "other"),),
                                 date="2024-09-13", uid=f"e{name}", coder="alice")
        corpus.insert_event(events["A"])
        corpus.insert_event(events["B"])
        corpus.insert_event(replace(events["C"], incident="eB"))  # C names B...
        corpus.replace_event(replace(events["B"], incident="eA"))  # ...then B names A


@pytest.mark.parametrize(("dataset", "fmt", "event_type"), [
    ("ucdp", "ucdp-ged-csv", "one-sided violence"),
    ("acled", "acled-csv", "Violence against civilians"),
])
def test_a_chain_of_links_is_one_row_with_three_sources(tmp_path: Path, dataset: str,
                                                         fmt: str, event_type: str) -> None:
    path = tmp_path / "c.sqlite"
    chained(path, dataset, event_type)
    out = tmp_path / "out.csv"
    done = CliRunner().invoke(cli, ["export", str(path), "--format", fmt, "-o", str(out)])
    assert done.exit_code == 0, done.output
    rows = pandas.read_csv(out, encoding="utf-8-sig")
    assert len(rows) == 1
    if fmt == "ucdp-ged-csv":
        assert rows.loc[0, "number_of_sources"] == 3
    else:
        assert sorted(rows.loc[0, "source"].split("; ")) == ["AFP", "AP", "Reuters"]


def test_every_plover_record_of_the_chain_cites_all_three_articles(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    chained(path, "plover", "ASSAULT")
    out = tmp_path / "out.jsonl"
    done = CliRunner().invoke(cli, ["export", str(path), "--format", "plover-jsonl", "-o",
                                    str(out)])
    assert done.exit_code == 0, done.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3
    assert {record["link"] for record in records} == {"eA"}
    assert all(len(record["incident_sources"]) == 3 for record in records)
