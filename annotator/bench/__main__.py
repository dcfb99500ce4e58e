"""``python -m annotator.bench [--docs N] [--json]``: build corpora, measure, report.

Every ratio is against a baseline measured in the same run. The window's
figures come from a separate process, so that its memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from annotator.bench import measures
from annotator.bench.synthetic import article, articles, write_jsonl

TARGETS = {
    "import_ratio": (">=", 0.5), "open_ratio": ("<=", 1.5), "rss_mb": ("<=", 250),
    "switch_ms": ("<=", 30), "big_open_ratio": ("<=", 3), "tag_ms": ("<=", 10),
    "search_ms": ("<=", 100), "export_jsonl_ratio": (">=", 0.3),
    "export_spacy_ratio": (">=", 0.5),
}
# spaCy tokenises about 1 MB a second: a sample gives the same per-document ratio.
SPACY_DOCS = 3000
# sqlite-utils imports pandas when it is installed; only the test extra brings it, so the
# window's process keeps it out, to measure the memory a user's install uses.
WINDOW_CHILD = ("import sys; sys.modules['pandas'] = None; "
                "from annotator.gui.bench_window import cli; cli()")


def build(folder: Path, docs: int) -> dict[str, Path]:
    import random

    rng = random.Random(99)
    large = folder / "large.jsonl"
    write_jsonl(large, articles(docs, seed=1))
    with large.open("a", encoding="utf-8") as out:  # typical documents to switch between
        for number in range(20):
            doc = article(number, rng, spans=50, size=5000)
            doc["id"] = f"typical-{number}"
            out.write(json.dumps(doc) + "\n")
    small = folder / "small.jsonl"
    write_jsonl(small, articles(10, seed=2))
    big = folder / "big.jsonl"
    doc = article(0, rng, spans=10_000, size=1_000_000)
    doc["id"] = "big"
    write_jsonl(big, iter([doc]))
    spacy_sample = folder / "sample.jsonl"
    write_jsonl(spacy_sample, articles(min(docs, SPACY_DOCS), seed=3))
    return {"large": large, "small": small, "big": big, "sample": spacy_sample}


def run(docs: int, folder: Path, log: bool) -> dict[str, float]:
    def say(message: str) -> None:
        if log:
            print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    say(f"writing {docs} synthetic articles")
    sources = build(folder, docs)
    corpora = {name: folder / f"{name}.sqlite" for name in sources}
    say("importing (annotator, then plain executemany)")
    figures = measures.measure_import(sources["large"], corpora["large"],
                                      folder / "baseline.sqlite")
    for name in ("small", "big", "sample"):
        measures.measure_import(sources[name], corpora[name], folder / f"{name}-base.sqlite")
    say("searching")
    figures["search_ms"] = measures.measure_search(corpora["large"])
    say("exporting JSONL")
    figures.update(measures.measure_export_jsonl(corpora["large"], folder))
    say(f"exporting DocBin ({min(docs, SPACY_DOCS)} documents)")
    figures.update(measures.measure_export_spacy(corpora["sample"], folder))
    say("opening the window (own process)")
    child = subprocess.run(
        [sys.executable, "-c", WINDOW_CHILD, str(corpora["small"]), str(corpora["large"]),
         str(corpora["big"])],
        capture_output=True, text=True, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
             "ANNOTATOR_HOME": str(folder / "home")},
    )
    figures.update(json.loads(child.stdout.strip().splitlines()[-1]))
    figures["docs"] = docs
    return figures


def report(figures: dict[str, float]) -> str:
    lines = [f"annotator benchmark: {figures['docs']} documents, "
             f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
             f"{'figure':<20} {'value':>10}  target"]
    for key, (op, bound) in TARGETS.items():
        value = figures[key]
        ok = value >= bound if op == ">=" else value <= bound
        lines.append(f"{key:<20} {value:>10.2f}  {op} {bound}  {'ok' if ok else 'MISSED'}")
    lines.append(f"(import {figures['import_docs_per_s']:.0f} docs/s against "
                 f"{figures['baseline_docs_per_s']:.0f} for plain executemany; "
                 f"{figures['import_seconds']:.1f} s in all)")
    lines.append(f"(1 MB document: a scroll step repaints in {figures['big_scroll_ms']:.1f} ms, "
                 f"the slowest of 30 in {figures['big_scroll_max_ms']:.1f} ms; a frame at 60 Hz "
                 f"is 16.7 ms)")
    lines.append(f"(search in the window: the GUI thread is held "
                 f"{figures['search_gui_held_ms']:.1f} ms, the first page is listed after "
                 f"{figures['search_listed_ms']:.0f} ms)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench")
    parser.add_argument("--docs", type=int, default=100_000, help="documents in the large corpus")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="build the corpora in this folder and keep them")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = run(args.docs, args.keep, not args.json)
    else:
        with tempfile.TemporaryDirectory(prefix="annotator-bench-") as folder:
            figures = run(args.docs, Path(folder), not args.json)
    print(json.dumps(figures, indent=2) if args.json else report(figures))


if __name__ == "__main__":
    main()
