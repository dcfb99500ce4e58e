"""``python -m annotator.bench [--docs N] [--json]``: build corpora, measure, report.

``--duplicates`` measures only the near-duplicates (bench/duplicates.py).

``--agreement`` measures only ``annotator agree`` on a double-coded corpus
(bench/agreement.py).

``--learning`` measures only the corpus model's learning curve (bench/learning.py).

``--reports`` measures only the long reports (1 MB with 10,000 spans and 10 MB with
100,000; ``--report-mb`` sets the second's size): open, tag, undo, remove, scroll.

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
from collections.abc import Callable
from pathlib import Path

from annotator.bench import agreement, duplicates, import_only, learning, measures
from annotator.bench.synthetic import article, articles, write_jsonl

TARGETS = {
    "import_ratio": (">=", 0.5), "open_ratio": ("<=", 1.5), "rss_mb": ("<=", 250),
    "switch_ms": ("<=", 30), "big_open_ratio": ("<=", 3), "tag_ms": ("<=", 10),
    "search_ms": ("<=", 100), "export_jsonl_ratio": (">=", 0.3),
    "export_spacy_ratio": (">=", 0.5),
    # The list and search as the window shows them, and an export's memory: held at
    # any size up to a million documents.
    "list_first_page_ms": ("<=", 100), "list_end_ms": ("<=", 100),
    "filter_status_ms": ("<=", 100), "filter_label_ms": ("<=", 100),
    "filter_coder_ms": ("<=", 100), "ranked_search_ms": ("<=", 150),
    "export_jsonl_peak_mb": ("<=", 1024),
}
# Past 100,000 documents the window may hold a little more (a million: 300 MB).
LARGE_TARGETS = {"rss_mb": ("<=", 300)}
# The long reports: each is held to the 1 MB report's targets, whatever its size.
REPORT_TARGETS = {"open_ratio": ("<=", 3), "tag_ms": ("<=", 10), "undo_ms": ("<=", 10),
                  "scroll_max_ms": ("<=", 16.7)}
SPANS_PER_MB = 10_000
# spaCy tokenises about 1 MB a second: a sample gives the same per-document ratio.
SPACY_DOCS = 3000
# The window's figures are measured in a process of its own, as a user starts it (pandas
# installed or not: storage imports sqlite-utils without it).
WINDOW_CHILD = "from annotator.gui.bench_window import cli; cli()"


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
    spacy_sample = folder / "sample.jsonl"
    write_jsonl(spacy_sample, articles(min(docs, SPACY_DOCS), seed=3))
    return {"large": large, "small": small, "sample": spacy_sample, **build_reports(folder, 10)}


def build_reports(folder: Path, huge_mb: int) -> dict[str, Path]:
    """The 1 MB report with 10,000 spans ("big"), and one ``huge_mb`` times as long with as
    many times the spans ("huge"), each alone in a corpus."""
    import random

    rng = random.Random(99)
    paths = {}
    for name, mb in (("big", 1), ("huge", huge_mb)):
        doc = article(0, rng, spans=SPANS_PER_MB * mb, size=1_000_000 * mb)
        doc["id"] = name
        paths[name] = folder / f"{name}.jsonl"
        write_jsonl(paths[name], iter([doc]))
    return paths


# What a kept folder's corpora were built from, and the import's figures then: a
# million articles take most of an hour to build, so a kept build is used again.
BUILT = "built.json"
CORPORA = ("large", "small", "big", "huge", "sample")


def run(docs: int, folder: Path, log: bool) -> dict[str, float]:
    def say(message: str) -> None:
        if log:
            print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    corpora = {name: folder / f"{name}.sqlite" for name in CORPORA}
    figures = _kept_build(folder, docs, corpora)
    if figures:  # said even with --json: the import's figures are not this run's
        print(f"using the corpora built before in {folder} ({docs} documents; the import's "
              "figures are those measured then)", file=sys.stderr, flush=True)
    else:
        figures = _build_and_import(folder, docs, corpora, say)
    say("searching")
    figures["search_ms"] = measures.measure_search(corpora["large"])
    say("exporting JSONL")
    figures.update(measures.measure_export_jsonl(corpora["large"], folder))
    say(f"exporting DocBin ({min(docs, SPACY_DOCS)} documents)")
    figures.update(measures.measure_export_spacy(corpora["sample"], folder))
    say("exporting the whole corpus to JSONL in a process of its own (memory)")
    figures.update(measures.measure_export_memory(corpora["large"], folder, "jsonl"))
    say("opening the window (own process)")
    figures.update(window_child([str(corpora[name])
                                 for name in ("small", "large", "big", "huge")], folder))
    figures["docs"] = docs
    return figures


def _kept_build(folder: Path, docs: int, corpora: dict[str, Path]) -> dict[str, float]:
    """The import's figures of a build of ``docs`` documents kept in ``folder``, or {}
    when there is none (or it was left half-made)."""
    try:
        built = json.loads((folder / BUILT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(built, dict) or built.get("docs") != docs \
            or not all(path.exists() for path in corpora.values()):
        return {}
    return dict(built.get("import", {}))


def _build_and_import(folder: Path, docs: int, corpora: dict[str, Path],
                      say: Callable[[str], None]) -> dict[str, float]:
    (folder / BUILT).unlink(missing_ok=True)
    say(f"writing {docs} synthetic articles")
    sources = build(folder, docs)
    for made in folder.glob("*.sqlite*"):  # a build left half-made: from the start
        made.unlink()
    say("importing (annotator, then plain executemany)")
    figures = measures.measure_import(sources["large"], corpora["large"],
                                      folder / "baseline.sqlite")
    for name in ("small", "big", "huge", "sample"):
        measures.measure_import(sources[name], corpora[name], folder / f"{name}-base.sqlite")
    # Neither is read again: at a million articles they are 20 GB.
    for spent in (folder / "baseline.sqlite", sources["large"]):
        for path in (spent, spent.with_name(spent.name + "-wal"),
                     spent.with_name(spent.name + "-shm")):
            path.unlink(missing_ok=True)
    (folder / BUILT).write_text(json.dumps({"docs": docs, "import": figures}),
                                encoding="utf-8")
    return figures


def window_child(args: list[str], folder: Path) -> dict[str, float]:
    child = subprocess.run(
        [sys.executable, "-c", WINDOW_CHILD, *args],
        capture_output=True, text=True, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
             "ANNOTATOR_HOME": str(folder / "home")},
    )
    if child.returncode:
        sys.exit(f"the window's process failed:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def run_reports(huge_mb: int, folder: Path, log: bool) -> dict[str, float]:
    """Only the long reports: build, import, then open, tag, undo and scroll them."""
    def say(message: str) -> None:
        if log:
            print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    say(f"writing the 1 MB and {huge_mb} MB reports")
    sources = build_reports(folder, huge_mb)
    corpora = {name: folder / f"{name}.sqlite" for name in sources}
    for name, source in sources.items():
        for made in (corpora[name], folder / f"{name}-base.sqlite"):  # from a kept run
            made.unlink(missing_ok=True)
        measures.measure_import(source, corpora[name], folder / f"{name}-base.sqlite")
    say("opening, tagging, undoing and scrolling them (own process)")
    figures = window_child(["--reports", str(corpora["big"]), str(corpora["huge"])], folder)
    figures["huge_mb"] = huge_mb
    return figures


def report_lines(figures: dict[str, float]) -> list[str]:
    """The long reports side by side, each against the same targets."""
    huge = f"{figures.get('huge_mb', 10):g} MB"
    lines = [f"{'long report':<20} {'1 MB':>10} {huge:>10}  target",
             f"{'spans':<20} {figures['big_spans']:>10,.0f} {figures['huge_spans']:>10,.0f}"]
    for key, (op, bound) in REPORT_TARGETS.items():
        values = figures[f"big_{key}"], figures[f"huge_{key}"]
        ok = all(v >= bound if op == ">=" else v <= bound for v in values)
        lines.append(f"{key:<20} {values[0]:>10.2f} {values[1]:>10.2f}  {op} {bound}  "
                     f"{'ok' if ok else 'MISSED'}")
    for key in ("open_ms", "baseline_ms", "loaded_ms", "load_turn_max_ms", "tag_max_ms",
                "undo_max_ms", "remove_ms", "after_ms", "after_turn_max_ms", "scroll_ms"):
        lines.append(f"{key:<20} {figures[f'big_{key}']:>10.2f} {figures[f'huge_{key}']:>10.2f}")
    lines.append(f"(open_ratio: showing the report / a bare QPlainTextEdit.setPlainText of its "
                 f"text; loaded_ms: until every span is read, while the window stays live, "
                 f"load_turn_max_ms the longest it is held meanwhile; "
                 f"a tag, an undo or a removal: key press to committed and painted; "
                 f"after_ms: work the window still does in the 150 ms after one, "
                 f"after_turn_max_ms the longest it is held then; "
                 f"{huge} / 1 MB: tag {figures['huge_tag_ms'] / figures['big_tag_ms']:.2f}x, "
                 f"undo {figures['huge_undo_ms'] / figures['big_undo_ms']:.2f}x)")
    return lines


def targets_for(docs: int) -> measures.Targets:
    return {**TARGETS, **(LARGE_TARGETS if docs > 100_000 else {})}


def report(figures: dict[str, float]) -> str:
    lines = [f"annotator benchmark: {figures['docs']} documents, "
             f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}",
             *measures.target_lines(figures, targets_for(int(figures["docs"])))]
    lines.append(f"(import {figures['import_docs_per_s']:.0f} docs/s against "
                 f"{figures['baseline_docs_per_s']:.0f} for plain executemany; "
                 f"{figures['import_seconds']:.1f} s in all)")
    lines += report_lines(figures)
    lines.append(f"(search in the window: the GUI thread is held "
                 f"{figures['search_gui_held_ms']:.1f} ms, the first page is listed after "
                 f"{figures['search_listed_ms']:.0f} ms)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench")
    parser.add_argument("--docs", type=int, help="documents in the large corpus "
                        "(default 100,000)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="build the corpora in this folder and keep them")
    parser.add_argument("--reports", action="store_true",
                        help="only the long reports (1 MB and 10 MB): open, tag, undo, scroll")
    parser.add_argument("--report-mb", type=int, default=10, metavar="MB",
                        help="size of the longer report with --reports (a quicker run: 3)")
    parser.add_argument("--import", dest="import_only", action="store_true",
                        help="only the import of --docs articles (default 100,000) against "
                             "the plain loop")
    parser.add_argument("--duplicates", action="store_true",
                        help="only the near-duplicates: find them among --docs articles")
    parser.add_argument("--agreement", action="store_true",
                        help="only annotator agree on a double-coded corpus "
                             f"(--docs, default {agreement.DOCS:,})")
    parser.add_argument("--learning", action="store_true",
                        help="only the corpus model's learning curve on a labelled news corpus")
    parser.add_argument("--learning-corpus", type=Path, metavar="PATH",
                        help="the CoNLL file --learning reads (default: CoNLL-2003's English "
                             "development set in the shared data)")
    parser.add_argument("--k", type=learning.parse_steps, metavar="K[,K...]",
                        help="with --learning, only these numbers of coded documents "
                             "(default 25,50,100,200,400)")
    args = parser.parse_args()
    if (args.k or args.learning_corpus) and not args.learning:
        parser.error("--k and --learning-corpus go with --learning")

    def measure(folder: Path) -> dict[str, float]:
        if args.learning:
            return learning.measure(folder, args.learning_corpus, args.k, not args.json)
        if args.agreement:
            return agreement.measure(folder, args.docs or agreement.DOCS)
        if args.import_only:
            return import_only.measure(folder, args.docs or 100_000)
        if args.duplicates:
            return duplicates.measure(folder, args.docs or 100_000)
        if args.reports:
            return run_reports(args.report_mb, folder, not args.json)
        return run(args.docs or 100_000, folder, not args.json)

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = measure(args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="annotator-bench-") as folder:
            figures = measure(Path(folder))
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(learning.report(figures) if args.learning
              else agreement.report(figures) if args.agreement
              else import_only.report(figures) if args.import_only
              else duplicates.report(figures) if args.duplicates
              else "\n".join(report_lines(figures)) if args.reports else report(figures))


if __name__ == "__main__":
    main()
