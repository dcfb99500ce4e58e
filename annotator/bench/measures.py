"""What the benchmark times without a window: import, search, exports.

Each figure comes with a baseline measured in the same process at the same
moment, so the ratio means something on a shared, noisy machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.core.search import fts_query
from annotator.formats.base import ReadOptions
from annotator.formats.exporting import export_corpus
from annotator.formats.importing import import_paths
from annotator.formats.registry import EXPORTS
from annotator.formats.selection import ExportOptions
from annotator.storage.corpus import Corpus
from annotator.storage.plain_baselines import plain_insert, plain_json_dump, plain_texts

Targets = dict[str, tuple[str, float]]


def target_lines(figures: dict[str, Any], targets: Targets) -> list[str]:
    """A table of each figure against its target ("ok" or "MISSED"), with its header."""
    lines = [f"{'figure':<20} {'value':>10}  target"]
    for key, (op, bound) in targets.items():
        value = figures[key]
        ok = value >= bound if op == ">=" else value <= bound
        lines.append(f"{key:<20} {value:>10.2f}  {op} {bound}  {'ok' if ok else 'MISSED'}")
    return lines


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def measure_import(source: Path, target: Path, baseline_target: Path) -> dict[str, float]:
    """annotator's import of a JSONL file against plain executemany of the same rows."""
    with Corpus.open(target) as corpus:
        seconds, summary = timed(lambda: import_paths(corpus, [source],
                                                      options=ReadOptions(coder="bench")))
    assert summary.ok, summary.lines()[:3]
    Corpus.open(baseline_target).close()  # the same tables, indexes and FTS triggers
    baseline, count = timed(lambda: plain_insert(baseline_target, source))
    assert count == summary.added, (count, summary.added)
    return {"import_docs_per_s": count / seconds, "baseline_docs_per_s": count / baseline,
            "import_ratio": baseline / seconds, "import_seconds": seconds}


def measure_search(corpus_path: Path, word: str = "checkpoint", repeats: int = 7) -> float:
    """Median milliseconds for the first page of a common word's hits (as the list shows)."""
    with Corpus.open(corpus_path) as corpus:
        times = []
        for _ in range(repeats):
            seconds, rows = timed(lambda: corpus.page("bench", search=fts_query(word)))
            assert rows
            times.append(seconds * 1000)
    return statistics.median(times)


def measure_export_jsonl(corpus_path: Path, folder: Path) -> dict[str, float]:
    """Native JSONL export against a json.dumps loop over the same rows."""
    with Corpus.open(corpus_path) as corpus:
        seconds, result = timed(lambda: export_corpus(corpus, EXPORTS["jsonl"],
                                                      folder / "export.jsonl", ExportOptions()))
    baseline, count = timed(lambda: plain_json_dump(corpus_path, folder / "plain.jsonl"))
    assert result.documents == count
    return {"export_jsonl_ratio": baseline / seconds, "export_jsonl_seconds": seconds}


def measure_export_spacy(corpus_path: Path, folder: Path) -> dict[str, float]:
    """DocBin export against spaCy's own make_doc + DocBin.add loop over the same texts."""
    import spacy
    from spacy.tokens import DocBin

    with Corpus.open(corpus_path) as corpus:
        seconds, result = timed(lambda: export_corpus(corpus, EXPORTS["spacy"],
                                                      folder / "export.spacy", ExportOptions()))
    texts = plain_texts(corpus_path)
    nlp = spacy.blank("en")

    def plain() -> None:
        docbin = DocBin()
        for text in texts:
            docbin.add(nlp.make_doc(text))
        docbin.to_disk(folder / "plain.spacy")

    baseline, _ = timed(plain)
    assert result.documents == len(texts)
    return {"export_spacy_ratio": baseline / seconds, "export_spacy_seconds": seconds}


def measure_export_memory(corpus_path: Path, folder: Path, fmt: str) -> dict[str, float]:
    """``annotator export`` of the whole corpus in a process of its own: its peak
    resident memory (MB) and seconds. The spaCy export is sharded, as a corpus of this
    size is exported for training."""
    out = folder / f"memory-export.{fmt}"
    command = [sys.executable, "-m", "annotator", "export", str(corpus_path),
               "--format", fmt, "-o", str(out)]
    _remove(out)  # left by a run that was stopped: the export would not write over it
    start = time.perf_counter()
    # The child's own peak, read from the kernel when it ends (ru_maxrss, in KB).
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env={**os.environ, "PYTHONWARNINGS": "ignore"})
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    errors = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"annotator export --format {fmt} failed: {errors[-2000:]}")
    _remove(out)
    return {f"export_{fmt}_peak_mb": usage.ru_maxrss / 1024,
            f"export_{fmt}_whole_seconds": seconds}


def _remove(path: Path) -> None:
    """An export's output, a file or a folder of shards: the corpus's size again on disk."""
    if path.is_dir():
        import shutil

        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
