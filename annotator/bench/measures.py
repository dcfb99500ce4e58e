"""What the benchmark times without a window: import, search, exports.

Each figure comes with a baseline measured in the same process at the same
moment, so the ratio means something on a shared, noisy machine.
"""

from __future__ import annotations

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
    for written in ("export.jsonl", "plain.jsonl"):  # 6 GB each at a million articles
        _remove(folder / written)
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


# The export's process says its own peak: the kernel's ru_maxrss of a child counts the
# pages of the process it was forked from (this one, a gigabyte after an import) until
# it runs its own program, while VmHWM is the program's own high-water mark.
_PEAK_CHILD = """import atexit, sys
def said():
    peak = [line for line in open("/proc/self/status") if line.startswith("VmHWM:")]
    print("peak-kb", peak[0].split()[1] if peak else "", file=sys.stderr)
atexit.register(said)
from annotator.cli import main
sys.argv = ["annotator", *sys.argv[1:]]
main()
"""


def measure_export_memory(corpus_path: Path, folder: Path, fmt: str) -> dict[str, float]:
    """``annotator export`` of the whole corpus in a process of its own: its peak
    resident memory (MB) and seconds."""
    out = folder / f"memory-export.{fmt}"
    _remove(out)  # left by a run that was stopped: the export would not write over it
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", _PEAK_CHILD, "export", str(corpus_path),
                            "--format", fmt, "-o", str(out)],
                           capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if child.returncode:
        raise RuntimeError(f"annotator export --format {fmt} failed: {child.stderr[-2000:]}")
    _remove(out)
    said = [line.split() for line in child.stderr.splitlines() if line.startswith("peak-kb")]
    if not said or len(said[-1]) < 2:
        raise RuntimeError("the export's process did not say its peak memory (no /proc?)")
    return {f"export_{fmt}_peak_mb": int(said[-1][1]) / 1024,
            f"export_{fmt}_whole_seconds": seconds}


def _remove(path: Path) -> None:
    """An export's output, a file or a folder of shards: the corpus's size again on disk."""
    if path.is_dir():
        import shutil

        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
