"""jsonl with events' dataset codes and incidents: a re-import gives back exactly what went
out, on both backends, whatever shape the codes an attacker's file gives them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus
from tests.attack17.helpers import acled_documents, build, run

HOSTILE = {
    "nested": {"a": [1, {"b": None}], "c": "=HYPERLINK(\"x\")"},
    "controls": "a\x1b[31m\u202eb\u2028c",
    "quotes": 'say "hi",\nnext line',
    "unicode": "مرحبا 👋",
    "big": 2**53 - 1,
    "float": 0.1,
    "flag": True,
    "empty": "",
    "list": [],
}


def _events(path: Path) -> list[dict]:
    out = []
    # split at "\n" only: a JSON line may hold U+2028 unescaped
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        record = json.loads(line)
        for event in record.get("events", []):
            out.append({k: event.get(k) for k in ("id", "type", "attrs", "incident")})
    return sorted(out, key=lambda e: e["id"])


def test_hostile_codes_and_incidents_come_back_as_they_went_out(corpus_location: str | Path,
                                                                tmp_path: Path) -> None:
    docs = acled_documents()
    docs[0]["events"][0]["attrs"].update(HOSTILE)
    docs[0]["events"][1]["incident"] = "ACLED:IRQ1 «x» ='1'"
    build(corpus_location, docs, tmp_path)
    first = tmp_path / "first.jsonl"
    assert run("export", str(corpus_location), "--format", "jsonl", "-o", str(first)
               ).exit_code == 0
    exported = _events(first)
    [kirkuk] = [e for e in exported if e["id"] == "e-kirkuk"]
    assert kirkuk["attrs"] == {**docs[0]["events"][0]["attrs"]}
    again = tmp_path / "again.db"
    build(again, [], tmp_path)
    with Corpus.open(again) as corpus:
        summary = import_paths(corpus, [first], options=ReadOptions(coder="alice"))
        assert summary.ok, summary.lines()
    second = tmp_path / "second.jsonl"
    assert run("export", str(again), "--format", "jsonl", "-o", str(second)).exit_code == 0
    assert _events(second) == exported


@pytest.mark.parametrize("value", ["a\x00b", {"k\x00": 1}])
def test_a_nul_in_codes_is_refused_or_kept_on_both_backends(corpus_location: str | Path,
                                                            tmp_path: Path, value: object) -> None:
    docs = acled_documents()
    docs[0]["events"][0]["attrs"]["weird"] = value
    source = tmp_path / "nul.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    with Corpus.open(corpus_location) as corpus:
        from annotator.core.datasets import dataset_schema
        corpus.save_schema(dataset_schema("acled"))
    result = run("--coder", "alice", "import", str(corpus_location), str(source))
    out = tmp_path / "out.jsonl"
    assert run("export", str(corpus_location), "--format", "jsonl", "-o", str(out)
               ).exit_code == 0
    kept = [e for e in _events(out) if e["id"] == "e-kirkuk"]
    if kept:
        assert kept[0]["attrs"]["weird"] == value
    else:
        assert "e-kirkuk" in result.output + result.stderr or "nul.jsonl:1" in \
            result.output + result.stderr
