"""Merging a coder's corpus brings everything they coded, into a file or a server's
database alike: a discontinuous span's pieces, knowledge-base links, relations and
document labels as well as spans, statuses and events, also into a document the
target already holds; rows edited by hand are refused by name, and an answer given
otherwise on each side is said, the target's kept."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner, Result

from annotator.cli import cli
from annotator.storage.corpus import Corpus
from tests.formats.carried import RICH


def run(*args: object, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == code, result.output
    return result


def imported(location: str | Path, documents: list[dict], folder: Path, name: str) -> None:
    source = folder / f"{name}.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents),
                      encoding="utf-8")
    run("import", location, source, "--coder", "alice")


def coding(location: str | Path) -> dict:
    """The one document's coding as the native export has it, lists in one order."""
    [line] = run("export", location, "-o", "-").stdout.splitlines()
    document = json.loads(line)
    return {key: sorted(document[key], key=lambda item: json.dumps(item, sort_keys=True))
            for key in ("spans", "relations", "doc_labels", "events")} | \
        {"statuses": document["statuses"]}


def test_merge_into_a_document_already_there_brings_relations_labels_pieces_and_links(
        corpus_location: str | Path, tmp_path: Path) -> None:
    # The target has the article and its spans, without their pieces, links, relations
    # and document labels (as the lead's corpus had it when the work was handed out).
    bare = {**RICH, "relations": [], "doc_labels": [],
            "spans": [{k: v for k, v in s.items() if k not in ("fragments", "links")}
                      for s in RICH["spans"]]}
    imported(corpus_location, [bare], tmp_path, "bare")
    mine = tmp_path / "alice.sqlite"
    imported(mine, [RICH], tmp_path, "rich")
    said = run("merge", corpus_location, mine)
    # the spans are there already (by id): not added twice, and not changed either
    assert "added 0 documents, 0 spans, 0 events, 0 statuses, 3 relations, " \
        "5 document labels" in said.output
    merged, expected = coding(corpus_location), coding(mine)
    assert merged["relations"] == expected["relations"]
    assert merged["doc_labels"] == expected["doc_labels"]
    again = run("merge", corpus_location, mine)
    assert "added 0 documents, 0 spans, 0 events, 0 statuses, 0 relations, " \
        "0 document labels" in again.output
    stats = json.loads(run("stats", corpus_location, "--json").stdout)
    assert stats["relations"] == {"located in": 2, "reports on": 1}
    assert stats["document_labels"]["relevant"] == 1


def test_merge_of_a_new_document_keeps_pieces_and_links(corpus_location: str | Path,
                                                        tmp_path: Path) -> None:
    mine = tmp_path / "alice.sqlite"
    imported(mine, [RICH], tmp_path, "rich")
    said = run("merge", corpus_location, mine)
    assert "added 1 documents, 6 spans, 0 events, 1 statuses, 3 relations, " \
        "5 document labels" in said.output
    assert coding(corpus_location) == coding(mine)
    with Corpus.open(corpus_location) as corpus:
        assert corpus.span("protest").fragments == ((0, 7), (17, 22))
        assert [link.id for link in corpus.span("base").links] == ["99071", "Q1760921"]


def test_an_answer_given_otherwise_on_each_side_is_said_and_the_targets_kept(
        corpus_location: str | Path, tmp_path: Path) -> None:
    here = {**RICH, "doc_labels": [{"name": "relevant", "value": False, "coder": "alice"}]}
    imported(corpus_location, [here], tmp_path, "here")
    mine = tmp_path / "alice.sqlite"
    imported(mine, [RICH], tmp_path, "rich")
    said = run("merge", corpus_location, mine, code=1)
    assert "problem: document 'rich-1': alice's document label 'relevant' is true there " \
        "and false here; kept as here" in said.output
    assert "4 document labels" in said.output  # the other four were not answered here
    with Corpus.open(corpus_location) as corpus:
        [doc_id] = corpus.document_ids()
        assert corpus.doc_label(doc_id, "alice", "relevant").value is False


def test_rows_edited_by_hand_are_refused_by_name_and_the_rest_merged(
        corpus_location: str | Path, tmp_path: Path) -> None:
    mine = tmp_path / "alice.sqlite"
    imported(mine, [RICH], tmp_path, "rich")
    with sqlite3.connect(mine) as conn:  # another program's edits, past every check
        conn.execute("UPDATE relations SET attrs = 'not json' WHERE uid = 'r2'")
        conn.execute("UPDATE doc_labels SET value = '{broken' WHERE name = 'language'")
        conn.execute("UPDATE spans SET fragments = '[[0]]' WHERE uid = 'protest'")
        conn.execute("UPDATE spans SET links = '[{\"kb\": 5}]' WHERE uid = 'base'")
    conn.close()
    said = run("merge", corpus_location, mine, code=1)
    out = said.output
    assert "relations: 1 refused (attributes are not JSON): relation 'r2'" in out
    assert "document labels: 1 refused (value is not JSON): document label 'language'" in out
    assert "spans: 1 refused (pieces are not a list of [start, end] pairs): span 'protest'" \
        in out
    assert "spans: 1 refused (links are not a list of {kb, id, name} texts): span 'base'" in out
    # r1 links the span refused for its links
    assert "relations: 1 refused (links a span that is missing or was refused): relation " \
        "'r1' in document 'rich-1': span 'base'" in out
    assert "added 1 documents, 4 spans, 0 events, 1 statuses, 1 relations, " \
        "4 document labels" in out
    with Corpus.open(corpus_location) as corpus:
        [doc_id] = corpus.document_ids()
        assert [r.uid for r in corpus.relations(doc_id)] == ["r3"]
