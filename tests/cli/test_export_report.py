"""`annotator export --report FILE` lists every item an export lost or changed, one a
line: each event a dataset's rows lack a field of, not only the first as an example."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.datasets import dataset_schema
from annotator.core.events import Event, EventMember
from annotator.core.model import DocumentRecord, Span
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

TEXT = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed."


def incomplete_events(path: Path, count: int) -> list[str]:
    """``count`` UCDP events with one actor and no sides, dates or places: each lacks
    what a GED row needs."""
    uids = []
    with Corpus.open(path) as corpus:
        corpus.save_schema(dataset_schema("ucdp"))
        for number in range(count):
            [made] = add_documents(corpus, [DocumentRecord(text=TEXT, uid=f"d{number}")])
            span = corpus.insert_span(Span(start=0, end=9, label="actor", text="Militants",
                                           coder="alice", doc_id=made.doc_id))
            event = Event(made.doc_id, "one-sided violence", (EventMember(span.uid, "other"),),
                          coder="alice", uid=f"event-{number}")
            corpus.insert_event(event)
            uids.append(event.uid)
    return uids


def test_the_report_names_every_event_the_rows_lack_a_field_of(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    uids = incomplete_events(path, 5)
    report = tmp_path / "report.tsv"
    done = CliRunner().invoke(cli, ["export", str(path), "--format", "ucdp-ged-csv", "-o",
                                    str(tmp_path / "ged.csv"), "--strict", "--report",
                                    str(report)])
    assert done.exit_code == 1, done.output
    assert not (tmp_path / "ged.csv").exists()  # --strict: nothing written
    assert f"written to {report}" in done.output
    lines = report.read_text(encoding="utf-8").splitlines()
    assert all(line.startswith(("lost\t", "changed\t")) for line in lines)
    for uid in uids:  # each event named, not one example of five
        assert any(uid in line for line in lines if line.startswith("lost\t")), uid


def test_a_report_that_would_overwrite_the_corpus_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    incomplete_events(path, 1)
    before = path.read_bytes()
    done = CliRunner().invoke(cli, ["export", str(path), "--format", "ucdp-ged-csv", "-o",
                                    str(tmp_path / "ged.csv"), "--report", str(path)])
    assert done.exit_code == 2
    assert path.read_bytes() == before
    with Corpus.open(path) as corpus:
        assert corpus.document_count() == 1


def test_a_report_over_the_export_or_inside_its_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    incomplete_events(path, 1)
    out = tmp_path / "ged.csv"
    done = CliRunner().invoke(cli, ["export", str(path), "--format", "ucdp-ged-csv", "-o",
                                    str(out), "--report", str(out)])
    assert done.exit_code == 2 and "is where the export itself goes" in done.output
    assert not out.exists()
    folder = tmp_path / "brat"
    done = CliRunner().invoke(cli, ["export", str(path), "--format", "brat", "-o",
                                    str(folder), "--report", str(folder / "report.tsv")])
    assert done.exit_code == 2 and "is where the export itself goes" in done.output
