"""`annotator duplicates` and near-duplicates found by real imports: a batch large
enough to go to the worker processes, an import killed part way (the rest compared at
the next check, with the marks a whole check makes), two imports at once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from annotator.bench.synthetic import articles
from annotator.cli import cli
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import recheck
from tests.conftest import REPO
from tests.storage.test_near_duplicates import OWN_WORDS, REPRINT, TRIMMED, WIRE


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def _stories(path: Path) -> Path:
    path.write_text("".join(json.dumps({"id": f"s{i}", "text": text}) + "\n" for i, text in
                            enumerate((WIRE, OWN_WORDS, REPRINT, TRIMMED), start=1)),
                    encoding="utf-8")
    return path


def _articles(path: Path, count: int, seed: int = 5, reprints: int = 40) -> Path:
    """``count`` English articles (from one template: alike in many phrases, copies of
    none) of which the last ``reprints`` repeat earlier ones with a new headline (a wire
    report as other outlets ran it)."""
    texts = [doc["text"] for doc in articles(count - reprints, seed=seed)]
    texts += [f"Headline {n}\n\n{texts[n * 3]}" for n in range(reprints)]
    path.write_text("".join(json.dumps({"id": f"{path.stem}-{n}", "text": t}) + "\n"
                            for n, t in enumerate(texts)), encoding="utf-8")
    return path


def _marks(corpus_path: Path) -> set[tuple[str, str]]:
    with Corpus.open(corpus_path) as corpus:
        return {(a, b) for a, b in corpus.db.fetch_all(
            "SELECT c.uid, o.uid FROM near_duplicates n JOIN documents c ON c.id = n.doc_id "
            "JOIN documents o ON o.id = n.original_id")}


def test_the_command_lists_sets_the_threshold_and_carries(tmp_path: Path):
    corpus = tmp_path / "c.sqlite"
    assert run("import", corpus, _stories(tmp_path / "s.jsonl")).exit_code == 0
    listed = run("duplicates", corpus, "--list", "--json")
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["doc"], r["duplicate_of"]) for r in rows] == [("s3", "s1")]
    assert 0.8 <= rows[0]["similarity"] <= 1
    assert "1 of 4 documents are near-duplicates" in listed.stderr
    lowered = run("duplicates", corpus, "--threshold", "0.6", "--list")
    assert lowered.exit_code == 0
    assert [line.split()[0] for line in lowered.stdout.splitlines()] == ["s3", "s4"]
    assert "copy of s1" in lowered.stdout
    with Corpus.open(corpus) as opened:
        first = opened.document_ids()[0]
        start = WIRE.index("Gunmen")
        from annotator.core.model import Span
        opened.insert_span(Span(start, start + 6, "actor", "Gunmen", "ana", doc_id=first))
    carried = run("duplicates", corpus, "--carry", "--coder", "ben")
    assert carried.exit_code == 0 and "2 spans carried" in carried.stderr
    with Corpus.open(corpus) as opened:
        suggested = [s for doc in opened.document_ids()[2:] for s in opened.spans(doc)]
    assert [(s.text, s.coder, s.origin) for s in suggested] == [("Gunmen", "ben", "suggested")] * 2


def test_a_threshold_out_of_range_is_refused_and_changes_nothing(tmp_path: Path):
    corpus = tmp_path / "c.sqlite"
    run("import", corpus, _stories(tmp_path / "s.jsonl"))
    before = _marks(corpus)
    result = run("duplicates", corpus, "--threshold", "0.2")
    assert result.exit_code == 2 and "between 0.5 and 1.0" in result.output
    assert "Traceback" not in result.output
    assert _marks(corpus) == before


def test_a_large_import_finds_its_reprints_with_the_worker_processes(tmp_path: Path):
    corpus = tmp_path / "c.sqlite"
    source = _articles(tmp_path / "batch.jsonl", 1200)
    done = subprocess.run([sys.executable, "-m", "annotator", "import", str(corpus), str(source)],
                          capture_output=True, text=True, cwd=REPO, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "40 of the 1200 new documents repeat an earlier story" in done.stdout
    marks = _marks(corpus)
    assert marks == {(f"batch-{1160 + n}", f"batch-{n * 3}") for n in range(40)}
    with Corpus.open(corpus) as opened:
        languages = {row[0] for row in opened.db.fetch_all(
            "SELECT DISTINCT m.value FROM documents d, json_each(d.meta) m "
            "WHERE m.key = 'language'")}
    assert languages == {"en"}  # every article's language was read, by the pool too


def test_an_import_killed_part_way_is_compared_whole_at_the_next_check(tmp_path: Path):
    corpus = tmp_path / "c.sqlite"
    source = _articles(tmp_path / "batch.jsonl", 6000, reprints=400)
    process = subprocess.Popen([sys.executable, "-m", "annotator", "import", str(corpus),
                                str(source)], cwd=REPO, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        stored = 0
        while process.poll() is None and stored < 1500:  # what the import reports, read
            if corpus.exists():
                try:
                    with Corpus.open(corpus, create=False) as opened:
                        stored = opened.document_count()
                except Exception:  # still being made
                    stored = 0
        assert process.poll() is None, "the import ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    with Corpus.open(corpus) as opened:
        kept = opened.document_count()
        fingerprinted = opened.db.fetch_one("SELECT count(*) FROM near_fingerprints")[0]
    assert 0 < kept < 6000 and fingerprinted <= kept
    result = run("duplicates", corpus)
    assert result.exit_code == 0, result.output
    incremental = _marks(corpus)
    with Corpus.open(corpus) as opened:
        assert opened.db.fetch_one("SELECT count(*) FROM near_fingerprints")[0] == kept
        recheck(opened)  # every mark found again from the stored fingerprints
    assert _marks(corpus) == incremental


def test_two_imports_at_once_both_compare_and_neither_fails(tmp_path: Path):
    corpus = tmp_path / "c.sqlite"
    run("import", corpus, _stories(tmp_path / "seed.jsonl"))
    sources = [_articles(tmp_path / f"part{n}.jsonl", 800, seed=20 + n) for n in range(2)]
    processes = [subprocess.Popen([sys.executable, "-m", "annotator", "import", str(corpus),
                                   str(source)], cwd=REPO, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for source in sources]
    outputs = [p.communicate(timeout=600) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert "40 of the 800 new documents repeat an earlier story" in out
    with Corpus.open(corpus) as opened:
        assert opened.document_count() == 4 + 1600
        assert opened.db.fetch_one("SELECT count(*) FROM near_fingerprints")[0] == 1604
        together = _marks(corpus)
        recheck(opened)
    assert _marks(corpus) == together
