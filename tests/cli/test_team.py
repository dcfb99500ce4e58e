"""A team's round: assign, code apart, merge, measure agreement."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import Span
from annotator.storage.corpus import Corpus
from annotator.storage.team import plan_assignment


def run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def tag(path: Path, coder: str, phrase: str, label: str, **attrs: object) -> None:
    with Corpus.open(path) as corpus:
        for doc_id in corpus.document_ids():
            text = corpus.document(doc_id).text
            if phrase in text:
                start = text.index(phrase)
                corpus.insert_span(Span(start=start, end=start + len(phrase), label=label,
                                        text=phrase, coder=coder, doc_id=doc_id, attrs=attrs))
                corpus.set_status(doc_id, coder, "done")


def test_the_plan_shares_work_evenly_and_doubles_the_overlap() -> None:
    plan = plan_assignment([f"d{n}" for n in range(100)], ["alice", "bob", "carol"], 0.2, seed=3)
    assert sorted(len(v) for v in plan.values()) == [40, 40, 40]  # 100 + 20 doubled
    counted = [uid for uids in plan.values() for uid in uids]
    assert len(set(counted)) == 100 and len(counted) == 120
    assert plan == plan_assignment([f"d{n}" for n in range(100)], ["alice", "bob", "carol"],
                                   0.2, seed=3)


def test_assign_code_merge_and_agree(tmp_path: Path) -> None:
    source = tmp_path / "team.sqlite"
    assert run("init", source, "--sample").exit_code == 0
    out = tmp_path / "out"
    result = run("assign", source, "--coders", "alice,bob", "--overlap", "100%", "-o", out)
    assert result.exit_code == 0, result.output
    alice, bob = out / "team-alice.sqlite", out / "team-bob.sqlite"
    with Corpus.open(alice) as mine:
        assert mine.document_count() == 4
        assert mine.codebook().startswith("# Codebook")
        assert mine.setting("assigned_to") == "alice"
    tag(alice, "alice", "Ain al-Assad airbase", "location")
    tag(alice, "alice", "At least five US personnel", "casualty", outcome="injured", count_best=5)
    tag(bob, "bob", "Ain al-Assad airbase", "location")
    tag(bob, "bob", "At least five US personnel were injured", "casualty", outcome="injured",
        count_best=5)
    target = tmp_path / "merged.sqlite"
    first = run("merge", target, alice, bob)
    assert first.exit_code == 0, first.output
    assert "added 4 documents" in first.output
    again = run("merge", target, alice, bob)
    assert "added 0 documents, 0 spans, 0 events, 0 statuses" in again.output
    with Corpus.open(target) as merged:
        assert merged.document_count() == 4
        assert {s.coder for d in merged.document_ids() for s in merged.spans(d)} == {"alice", "bob"}
    report = json.loads(run("agree", target, "--json").output)
    assert report["coders"] == ["alice", "bob"]
    assert report["labels"]["location"] == {"f1_exact": 1.0, "f1_overlap": 1.0}
    assert report["labels"]["casualty"] == {"f1_exact": 0.0, "f1_overlap": 1.0}
    assert report["labels"]["overall"] == {"f1_exact": 0.5, "f1_overlap": 1.0}
    [pair] = report["pairs"]
    assert pair["documents_by_disagreement"][0]["id"] == "b813624435f889e8"
    html = tmp_path / "agree.html"
    assert run("agree", target, "--html", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "<svg" in page and "alice and bob" in page


def test_conflicting_schemas_are_reported_not_mixed(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    run("init", first)
    run("init", second)
    codebook = json.loads(run("schema", second, "--json").output)
    codebook["labels"][0]["attributes"] = [{"name": "side", "type": "text"}]
    codebook["labels"].append({"name": "weapon", "color": "#8e5cc7", "shortcut": "4"})
    path = tmp_path / "other.json"
    path.write_text(json.dumps(codebook))
    assert run("schema", second, "--load", path).exit_code == 0
    result = run("merge", first, second)
    assert result.exit_code == 1
    assert "label 'actor' is defined differently" in result.output
    assert "new labels: weapon" in result.output
    schema = json.loads(run("schema", first, "--json").output)
    assert [a["name"] for a in schema["labels"][0]["attributes"]] == ["role", "actor_type",
                                                                      "affiliation"]


def test_team_commands_explain_bad_requests(tmp_path: Path) -> None:
    source = tmp_path / "c.sqlite"
    run("init", source, "--sample")
    assert "distinct names" in run("assign", source, "--coders", "a,a", "-o", tmp_path / "o"
                                   ).output
    assert "write a share" in run("assign", source, "--coders", "a,b", "--overlap", "lots",
                                  "-o", tmp_path / "o").output
    assert "fewer than two coders" in run("agree", source).output
