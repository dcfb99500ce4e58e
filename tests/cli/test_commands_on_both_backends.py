"""Every command that takes a corpus, run on a corpus file and on a database on a real
PostgreSQL server (``corpus_location`` gives each in turn).

A server corpus must answer as a file does: the same counts, the same search hits,
suggestions, history, agreement, and exports byte for byte where the format is
deterministic. So each test fills the corpus under test and a reference corpus *file*
from the same input through the same commands, and compares what they say.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.core.commands import RejectSuggestion, accept
from annotator.core.datasets import dataset_schema
from annotator.core.model import Relation
from annotator.core.search import DocumentFilter
from annotator.formats.registry import EXPORTS
from annotator.storage.corpus import Corpus
from annotator.storage.suggestions import occurrences, pending
from tests.conftest import SAMPLES
from tests.formats.carried import RICH
from tests.formats.conftest import DOCUMENTS, NEWS

EVENTS_TEXT = ("Militants fired rockets at Ain al-Assad airbase on Monday. At least five US "
               "personnel were injured and two contractors were killed.")


def _member(phrase: str, label: str, uid: str, coder: str = "alice",
            **attrs: object) -> dict[str, object]:
    start = EVENTS_TEXT.index(phrase)
    return {"id": uid, "start": start, "end": start + len(phrase), "label": label,
            "coder": coder, "attrs": attrs}


WITH_EVENTS = {
    "id": "ain-events", "title": "Rockets at Ain al-Assad", "text": EVENTS_TEXT,
    "date": "2024-08-05", "source": "Reuters", "statuses": {"alice": "done", "bob": "done"},
    "spans": [
        _member("Militants", "actor", "s1", role="attacker"),
        _member("Ain al-Assad airbase", "location", "s2"),
        _member("At least five US personnel", "casualty", "s3", outcome="injured",
                count_low=5, count_best=5, qualifier="at least"),
        _member("two contractors", "casualty", "s4", outcome="killed", count_best=2),
        # bob codes the same article: the pair agree has to measure
        _member("Militants", "actor", "b1", coder="bob", role="attacker"),
        _member("Ain al-Assad", "location", "b2", coder="bob"),
        _member("At least five US personnel were injured", "casualty", "b3", coder="bob",
                outcome="injured", count_best=5),
    ],
    "events": [{"id": "e1", "type": "shelling or air strike", "date": "2024-08-05",
                "date_precision": 1, "note": "two rockets", "coder": "alice", "members": [
                    {"span_id": "s1", "role": "attacker"},
                    {"span_id": "s2", "role": "place"},
                    {"span_id": "s3", "role": "victim", "group": "personnel"},
                    {"span_id": "s4", "role": "victim"}]}],
}

# Formats whose bytes depend on nothing but the documents exported.
BYTE_FOR_BYTE = {"jsonl", "doccano", "prodigy", "conll", "brat", "csv", "events-csv",
                 "labelstudio", "xmi", "webanno", "spacy", "hf"}


def run(*args: object, code: int | None = 0) -> Result:
    """The command as a user types it; never a traceback, and the exit code expected."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    if code is not None:
        assert result.exit_code == code, result.output
    return result


def is_server(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith("postgresql://")


@pytest.fixture
def coded_input(tmp_path: Path) -> Path:
    """Native JSONL with two coders, statuses, attributes, relations, document labels,
    knowledge-base links, a discontinuous span and an event."""
    source = tmp_path / "input" / "coded.jsonl"
    source.parent.mkdir()
    documents = [{**d, "spans": [{"id": f"{d['id']}-{n}", **s} for n, s in enumerate(d["spans"])]}
                 for d in [*DOCUMENTS, RICH, WITH_EVENTS]]  # ids of their own: made ids differ
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents),
                      encoding="utf-8")
    return source


def filled(location: str | Path, source: Path) -> str | Path:
    run("import", location, source, SAMPLES, "--coder", "alice")
    return location


@pytest.fixture
def both(corpus_location: str | Path, coded_input: Path,
         tmp_path: Path) -> tuple[str | Path, Path]:
    """The corpus under test and a reference corpus file, filled from the same input."""
    reference = tmp_path / "reference.sqlite"
    return filled(corpus_location, coded_input), filled(reference, coded_input)


# -- import ---------------------------------------------------------------------------


def test_import_of_jsonl_and_plain_text_says_its_counts(corpus_location: str | Path,
                                                        coded_input: Path) -> None:
    first = run("import", corpus_location, coded_input, "--coder", "alice")
    assert "5 added, 0 skipped as duplicates, 0 rejected" in first.output
    texts = run("import", corpus_location, SAMPLES, "--coder", "alice")
    assert "4 added, 0 skipped as duplicates, 0 rejected" in texts.output
    again = run("import", corpus_location, SAMPLES, coded_input)
    assert "0 added, 9 skipped as duplicates, 0 rejected" in again.output
    bad = coded_input.with_name("bad.jsonl")
    bad.write_text('{"text": "fine here"}\n{"text": "abc", "spans": [{"start": 0, "end": 9, '
                   '"label": "actor"}]}\n', encoding="utf-8")
    rejected = run("import", corpus_location, bad, code=1)
    assert "1 added, 0 skipped as duplicates, 1 rejected" in rejected.output
    assert f"{bad}:2: span 1 (0-9) is out of range" in rejected.output
    with Corpus.open(corpus_location) as corpus:
        assert corpus.document_count() == 10
        assert corpus.db.dialect == ("postgresql" if is_server(corpus_location) else "sqlite")


# -- exports --------------------------------------------------------------------------


# The datasets' own formats, which take a corpus in the dataset's codebook only.
DATASET_FORMATS = {"acled-csv": ("acled", "Battles", "actor1"),
                   "ucdp-ged-csv": ("ucdp", "state-based conflict", "side_a"),
                   "plover-jsonl": ("plover", "ASSAULT", "actor")}


@pytest.mark.parametrize("fmt", sorted(set(EXPORTS) - set(DATASET_FORMATS)))
def test_every_export_is_the_files_export(both: tuple[str | Path, Path], tmp_path: Path,
                                          fmt: str) -> None:
    location, reference = both
    out, expected = tmp_path / "out" / f"server-{fmt}", tmp_path / "out" / f"file-{fmt}"
    said = run("export", location, "--format", fmt, "-o", out, "--lang", "en")
    told = run("export", reference, "--format", fmt, "-o", expected, "--lang", "en")
    assert said.output.replace(str(out), "OUT") == told.output.replace(str(expected), "OUT")
    assert _tree(out) == _tree(expected)


@pytest.mark.parametrize("fmt", sorted(DATASET_FORMATS))
def test_every_dataset_export_is_the_files_export(corpus_location: str | Path, tmp_path: Path,
                                                  fmt: str) -> None:
    """A dataset's corpus on a server exports as its file does, incidents across
    documents included (ACLED's timestamp, the time of export, aside)."""
    dataset, event_type, role = DATASET_FORMATS[fmt]
    text = "Militants attacked a checkpoint in Kirkuk; two soldiers were killed."
    records = [{"id": f"d{n}", "text": text, "source": source, "date": "2024-09-14",
                "spans": [{"id": f"a{n}", "start": 0, "end": 9, "label": "actor"},
                          {"id": f"k{n}", "start": 35, "end": 41, "label": "location",
                           "attrs": {"latitude": 35.47, "longitude": 44.39, "country": "IRQ"}},
                          {"id": f"c{n}", "start": 43, "end": 55, "label": "casualty",
                           "attrs": {"outcome": "killed", "count_best": 2}}],
                "events": [{"id": f"e{n}", "type": event_type, "date": "2024-09-13",
                            **({"incident": "e0"} if n else {}),
                            "members": [{"span_id": f"a{n}", "role": role},
                                        {"span_id": f"k{n}", "role": "place"},
                                        {"span_id": f"c{n}", "role": "victim"}]}]}
               for n, source in enumerate(("Reuters", "AFP"))]
    source = tmp_path / "coded.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    reference = tmp_path / "reference.sqlite"
    for location in (corpus_location, reference):
        with Corpus.open(location) as corpus:
            corpus.save_schema(dataset_schema(dataset))
        run("import", location, source, "--coder", "alice")
    out, expected = tmp_path / "out" / f"server-{fmt}", tmp_path / "out" / f"file-{fmt}"
    said = run("export", corpus_location, "--format", fmt, "-o", out)
    told = run("export", reference, "--format", fmt, "-o", expected)
    assert said.output.replace(str(out), "OUT") == told.output.replace(str(expected), "OUT")
    written, wanted = out.read_text(encoding="utf-8"), expected.read_text(encoding="utf-8")
    if fmt == "acled-csv":  # the last column is the time of the export
        written, wanted = (re.sub(r",\d+\r?$", ",T", t, flags=re.M) for t in (written, wanted))
    assert written == wanted
    assert "Reuters" in written and "AFP" in written  # one incident, both its sources


# The formats annotator reads as well as writes.
READ_BACK = ("jsonl", "doccano", "prodigy", "spacy", "conll", "brat", "labelstudio", "xmi",
             "webanno")


@pytest.mark.parametrize("fmt", READ_BACK)
def test_every_format_imports_as_into_a_file(corpus_location: str | Path, coded_input: Path,
                                             tmp_path: Path, fmt: str) -> None:
    source = filled(tmp_path / "source.sqlite", coded_input)
    exported = tmp_path / "exported" / f"corpus{EXPORTS[fmt].suffix}"
    run("export", source, "--format", fmt, "-o", exported, "--lang", "en")
    file = tmp_path / "file.sqlite"
    said = run("import", corpus_location, exported, "--coder", "carol")
    assert said.output == run("import", file, exported, "--coder", "carol").output
    assert "9 added" in said.output
    assert _read_back(corpus_location) == _read_back(file)


def _read_back(location: str | Path) -> list[dict]:
    """The native export, but for the ids an import makes afresh (of spans and relations
    a format carries without theirs)."""
    documents = _coding(location_export(location))
    for document in documents:
        made = {s["id"]: n for n, s in enumerate(document["spans"])}
        for span in document["spans"]:
            span["id"] = made[span["id"]]
        for relation in document["relations"]:
            relation.update(id=None, head=made[relation["head"]], tail=made[relation["tail"]])
        for event in document["events"]:
            event["members"] = [{**m, "span_id": made[m["span_id"]]} for m in event["members"]]
    return documents


def _tree(path: Path) -> dict[str, bytes]:
    """An export's bytes: the file's, or each file's in the folder by relative name."""
    if path.is_file():
        return {"": path.read_bytes()}
    return {str(f.relative_to(path)): f.read_bytes() for f in sorted(path.rglob("*"))
            if f.is_file()}


def test_export_split_and_filters_and_standard_output(both: tuple[str | Path, Path],
                                                      tmp_path: Path) -> None:
    location, reference = both
    for n, args in enumerate((["--status", "done", "--coder", "alice"],
                              ["--labels", "location,actor"], ["--split", "60/40", "--seed", "3"])):
        out, expected = tmp_path / f"a{n}" / "x.jsonl", tmp_path / f"b{n}" / "x.jsonl"
        run("export", location, "-o", out, *args)
        run("export", reference, "-o", expected, *args)
        assert _tree(out.parent) == _tree(expected.parent), args
    assert run("export", location, "-o", "-").stdout == run("export", reference, "-o",
                                                            "-").stdout


# -- stats and schema ------------------------------------------------------------------


def test_stats_count_as_a_files(both: tuple[str | Path, Path]) -> None:
    location, reference = both
    figures = json.loads(run("stats", location, "--json").stdout)
    expected = json.loads(run("stats", reference, "--json").stdout)
    assert figures.pop("path") == str(location)
    expected.pop("path")
    assert figures == expected
    assert list(figures["coders"]) == list(expected["coders"])  # the same order printed
    assert figures["relations"] and figures["links"] and figures["discontinuous_spans"]
    table = run("stats", location).stdout.splitlines()
    assert table[1:] == run("stats", reference).stdout.splitlines()[1:]


def test_stats_of_a_server_corpus_hide_its_password(pg_server, pg_url: str) -> None:
    user = pg_url.split("://", 1)[1].split("@", 1)[0]
    with_password = pg_url.replace(f"{user}@", f"{user}:secret@", 1)
    assert "secret" in with_password
    Corpus.open(pg_url).close()
    shown = run("stats", with_password).stdout
    assert "secret" not in shown
    assert pg_url.rsplit("/", 1)[1] in shown.splitlines()[0]


def test_schema_prints_and_is_replaced(both: tuple[str | Path, Path], tmp_path: Path) -> None:
    location, reference = both
    assert run("schema", location).stdout == run("schema", reference).stdout
    assert run("schema", location, "--json").stdout == run("schema", reference, "--json").stdout
    # the actor label renamed everywhere the schema names it, and one label more
    new = json.loads(run("schema", location, "--json").stdout.replace('"actor"', '"party"'))
    new["labels"].append({"name": "weapon", "color": "#aa3377", "shortcut": "w"})
    codebook = tmp_path / "codebook.json"
    codebook.write_text(json.dumps(new), encoding="utf-8")
    for corpus in (location, reference):
        said = run("schema", corpus, "--load", codebook, "--rename", "actor=party")
        assert "replaced from" in said.output
    assert run("schema", location).stdout == run("schema", reference).stdout
    assert "weapon" in run("schema", location).stdout
    with Corpus.open(location) as corpus:
        labels = {s.label for d in corpus.document_ids() for s in corpus.spans(d)}
    assert "party" in labels and "actor" not in labels
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"labels": [{"name": ""}]}', encoding="utf-8")
    refused = run("schema", location, "--load", wrong, code=2)
    assert str(wrong) in refused.output
    assert run("schema", location).stdout == run("schema", reference).stdout  # unchanged


# -- search and filters ------------------------------------------------------------------


QUERIES = ("Basra", "personnel", "Ain al-Assad", "killed OR injured", '"five US"', "Pentag*",
           "personnel NOT Pentagon", "rockets", "US", "the")


def _hits(location: str | Path, query: str) -> list[dict]:
    return [json.loads(line) for line in run("search", location, query, "--json").stdout
            .splitlines()]


def test_search_finds_and_filters_as_a_file(both: tuple[str | Path, Path]) -> None:
    location, reference = both
    for query in QUERIES:
        hits, expected = _hits(location, query), _hits(reference, query)
        assert sorted(hits, key=str) == sorted(expected, key=str), query  # snippets too
    best = [json.loads(line) for line in run("search", location, "Basra", "--json").stdout
            .splitlines()]
    assert best[0]["title"] == "Basra"  # a match in the headline counts for more
    assert "[Basra]" in best[0]["snippet"]
    none = run("search", location, "zzzunfound")
    assert none.stdout == "" and "no documents found" in none.output
    bad = run("search", location, 'NEAR("a', code=None)
    assert bad.exit_code == run("search", reference, 'NEAR("a', code=None).exit_code
    with Corpus.open(location) as corpus, Corpus.open(reference) as file:
        for filters in (DocumentFilter(status="done", coder="alice"),
                        DocumentFilter(status="todo", coder="bob"),
                        DocumentFilter(with_label="casualty"),
                        DocumentFilter(without_label="location"),
                        DocumentFilter(coder="bob"),
                        DocumentFilter(date_from="2024-08-06", date_to="2024-08-06"),
                        DocumentFilter(doc_label="relevant=true"),
                        DocumentFilter(doc_label="category=protest"),
                        DocumentFilter(doc_label="event_types")):
            assert _rows(corpus, filters) == _rows(file, filters), filters
            assert sorted(_rows(corpus, filters, "personnel")) == \
                sorted(_rows(file, filters, "personnel")), filters
            assert corpus.match_count("personnel", "alice", filters) == \
                file.match_count("personnel", "alice", filters)


def test_search_ranks_as_a_file(both: tuple[str | Path, Path],
                                request: pytest.FixtureRequest) -> None:
    location, reference = both
    if is_server(location):
        # The server ranks by ts_rank_cd, not FTS5's bm25: the same documents are found,
        # and a word in the headline still counts for more, but ties of frequency
        # against length fall otherwise (2 of these 10 queries with the rank divided
        # by length; 4 without). Strict: passing again says the ranking was brought in
        # line.
        request.applymarker(pytest.mark.xfail(strict=True, reason="ts_rank_cd is not bm25"))
    for query in QUERIES:
        assert [hit["id"] for hit in _hits(location, query)] == \
            [hit["id"] for hit in _hits(reference, query)], query


def _occurrences(corpus: Corpus, span_uid: str) -> list[tuple[str, int, str]]:
    found = occurrences(corpus, corpus.span(span_uid), "carol")
    assert found is not None
    return [(corpus.document(s.doc_id or 0).uid, s.start, s.text) for s in found]


def _without_ids(lines: str) -> list[dict]:
    """Suggestions as made, but for their ids (new each time)."""
    return [{k: v for k, v in json.loads(line).items() if k != "id"}
            for line in lines.splitlines()]


def _rows(corpus: Corpus, filters: DocumentFilter, search: str = "") -> list[tuple]:
    return [(row.uid, row.title, row.status, row.span_count, row.snippet)
            for row in corpus.page("alice", search=search or None, filters=filters)]


# -- suggestions -------------------------------------------------------------------------


def test_suggestions_are_the_files_and_are_accepted_and_rejected(
        both: tuple[str | Path, Path]) -> None:
    location, reference = both
    made = run("suggest", location, "--json", "--coder", "carol").stdout
    assert made
    assert _without_ids(made) == _without_ids(run("suggest", reference, "--json", "--coder",
                                                  "carol").stdout)
    stats = json.loads(run("stats", location, "--json").stdout)
    assert stats["pending_suggestions"] == len(made.splitlines())
    with Corpus.open(location) as corpus:
        doc_id = corpus.document_ids()[-1]  # a sample article, with several suggestions
        first, second, *_ = pending(corpus, doc_id)
        RejectSuggestion(first).apply(corpus)
        accept(second, "carol", corpus.status(doc_id, "carol")).apply(corpus)
        assert corpus.span(second.uid).origin == "accepted"
        assert corpus.status(doc_id, "carol") == "in progress"
        uid = corpus.document(doc_id).uid
        # "tag every occurrence": the words of a span wherever they stand untagged
        elsewhere = _occurrences(corpus, "news-1-2")
    with Corpus.open(reference) as file:
        assert elsewhere == _occurrences(file, "news-1-2")
    assert len({doc for doc, _start, _text in elsewhere}) == 3
    again = [json.loads(line) for line in
             run("suggest", location, "--json", "--coder", "carol").stdout.splitlines()]
    assert (first.start, first.label) not in [(s["start"], s["label"]) for s in again
                                              if s["doc"] == uid]  # rejected stays out
    stats = json.loads(run("stats", location, "--json").stdout)
    assert stats["coders"]["carol"] == 1
    assert stats["pending_suggestions"] == len(made.splitlines()) - 2 + len(again)


# -- history and restore ---------------------------------------------------------------


def test_history_and_restore(both: tuple[str | Path, Path]) -> None:
    location, reference = both
    for corpus in (location, reference):
        with Corpus.open(corpus) as opened:
            doc_id = opened.document_ids()[0]
            span = opened.spans(doc_id)[0]
            opened.delete_span(span)
            opened.set_status(doc_id, "alice", "skipped")
    log = [json.loads(line) for line in run("history", location, "--json").stdout.splitlines()]
    expected = [json.loads(line) for line in run("history", reference, "--json").stdout
                .splitlines()]
    assert [_without_times(c) for c in log] == [_without_times(c) for c in expected]
    assert log[-1]["action"] == "status" and log[-2]["action"] == "remove span"
    assert len(run("history", location, "--limit", "2").stdout.splitlines()) == 2
    assert run("history", location, "--doc", "news-1", "--json").stdout.count("\n") == \
        run("history", reference, "--doc", "news-1", "--json").stdout.count("\n")
    # back to the document's last change before the span was removed
    before = [c["id"] for c in log if c["doc"] == log[-1]["doc"]][-3]
    restored = run("restore", location, "--to", before, "--doc", "news-1", "--coder", "alice")
    assert restored.stdout == run("restore", reference, "--to", before, "--doc", "news-1",
                                  "--coder", "alice").stdout
    assert "undid 2 later changes" in restored.stdout
    out, expected_out = location_export(location), location_export(reference)
    assert out == expected_out
    for corpus in (location, reference):  # a span's history holds its relations' too
        with Corpus.open(corpus) as opened:
            doc_id = opened.span("pentagon").doc_id
            opened.insert_relation(Relation("pentagon", "people", "reports on", "bob",
                                            uid="r9", doc_id=doc_id))
            opened.delete_relation(opened.relation("r9"))
    of_span = run("history", location, "--span", "pentagon", "--json").stdout
    assert [c["action"] for c in map(json.loads, of_span.splitlines())] == \
        ["add relation", "remove relation"]
    assert [_without_times(json.loads(c)) for c in of_span.splitlines()] == \
        [_without_times(json.loads(c)) for c in run("history", reference, "--span", "pentagon",
                                                      "--json").stdout.splitlines()]
    unknown = run("history", location, "--span", "no-such-span", code=2)
    assert "no span 'no-such-span'" in unknown.output
    past = run("restore", location, "--to", 10**6, "--doc", "news-1", code=2)
    assert "no change 1000000" in past.output


def _without_times(change: dict) -> dict:
    return {k: v for k, v in change.items() if k != "at"}


def location_export(location: str | Path) -> str:
    return run("export", location, "-o", "-").stdout


def _coding(exported: str) -> list[dict]:
    """Each document's native export, its lists in one order: a merge adds spans of one
    place in its own order."""
    documents = []
    for line in exported.splitlines():
        document = json.loads(line)
        for key in ("spans", "relations", "events", "doc_labels"):
            document[key] = sorted(document[key], key=lambda item: json.dumps(item,
                                                                              sort_keys=True))
        documents.append(document)
    return documents


# -- agreement ----------------------------------------------------------------------------


def test_agreement_of_two_coders_is_the_files(both: tuple[str | Path, Path],
                                              tmp_path: Path) -> None:
    location, reference = both
    report = json.loads(run("agree", location, "--json").stdout)
    assert report == json.loads(run("agree", reference, "--json").stdout)
    assert report["coders"] == ["alice", "bob"]
    assert report["labels"]["actor"]["f1_exact"] == pytest.approx(0.5)
    text = run("agree", location, "--coders", "alice,bob").stdout
    assert text == run("agree", reference, "--coders", "alice,bob").stdout
    html = tmp_path / "agree.html"
    run("agree", location, "--html", html)
    page = html.read_text(encoding="utf-8")
    assert "alice and bob" in page and "<svg" in page
    name = location.rsplit("/", 1)[1] if is_server(location) else Path(location).name
    assert name in page
    unknown = run("agree", location, "--coders", "alice,zed", code=2)
    assert "zed: no such coder" in unknown.output


# -- assign, merge, backup -------------------------------------------------------------------


def test_assign_writes_coder_files(both: tuple[str | Path, Path], tmp_path: Path) -> None:
    location, reference = both
    out, expected = tmp_path / "assigned", tmp_path / "expected"
    said = run("assign", location, "--coders", "dana,eli", "--overlap", "40%", "-o", out)
    run("assign", reference, "--coders", "dana,eli", "--overlap", "40%", "-o", expected)
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 2 and all(name.endswith(".sqlite") for name in files)
    for path, other in zip(sorted(out.iterdir()), sorted(expected.iterdir()), strict=True):
        assert path.name in said.stdout
        with Corpus.open(path, create=False) as mine, Corpus.open(other, create=False) as theirs:
            assert mine.db.dialect == "sqlite"
            assert [mine.document(d).uid for d in mine.document_ids()] == \
                [theirs.document(d).uid for d in theirs.document_ids()]
            assert mine.schema() == theirs.schema()
            assert mine.setting("assigned_to") == path.stem.rsplit("-", 1)[1]


def test_merge_from_a_file_into_a_server_and_back(both: tuple[str | Path, Path],
                                                  pg_url: str, tmp_path: Path) -> None:
    location, reference = both
    # the other side: a server when the corpus under test is a file, and a file otherwise
    other: str | Path = tmp_path / "other.sqlite" if is_server(location) else pg_url
    first = run("merge", other, location)
    assert "added 9 documents" in first.output
    again = run("merge", other, location)
    assert "added 0 documents, 0 spans, 0 events, 0 statuses" in again.output
    # everything came across: spans with their pieces and links, statuses, events,
    # relations, document labels
    assert _coding(location_export(other)) == _coding(location_export(reference))
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({"id": "extra-1", "text": NEWS + " Again.", "spans": [
        {"start": 0, "end": 3, "label": "actor", "coder": "zoe"}]}) + "\n", encoding="utf-8")
    run("import", other, extra)
    back = run("merge", location, other)
    assert "added 1 documents" in back.output
    with Corpus.open(location) as corpus:
        assert corpus.document_count() == 10
        assert "zoe" in corpus.coders()


def test_backup_writes_a_corpus_file(both: tuple[str | Path, Path], tmp_path: Path) -> None:
    location, reference = both
    copy = tmp_path / "copies" / "copy.sqlite"
    copy.parent.mkdir()
    said = run("backup", location, "-o", copy)
    assert f"backed up {location if not is_server(location) else ''}" in said.stdout
    assert "secret" not in said.stdout
    with sqlite3.connect(copy) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert location_export(copy) == location_export(reference)
    assert run("history", copy, "--json").stdout.count("\n") == \
        run("history", location, "--json").stdout.count("\n")
    folder = run("backup", location, "-o", f"{tmp_path}/elsewhere/", code=2)
    assert "names a folder" in folder.output


# -- checks and what only a file has ---------------------------------------------------------


def test_opening_checks_and_refusals_are_said(both: tuple[str | Path, Path],
                                              tmp_path: Path) -> None:
    location, _reference = both
    with Corpus.open(location, check=True) as corpus:
        assert corpus.check() == []
        corpus.probe("alice")
    if is_server(location):
        refused = run("init", location, code=2)
        assert "server init" in refused.output
        missing = location.rsplit("/", 1)[0] + "/no_such_database"
        gone = run("stats", missing, code=None)
        assert gone.exit_code != 0 and "no such database" in gone.output
    out = tmp_path / "out.jsonl"
    out.write_text("kept", encoding="utf-8")
    folder = run("export", location, "-o", tmp_path, code=2)
    assert "is a folder" in folder.output
