"""``--import``: only the import, against the plain loop, with the CPU of each process.

The same measure as the whole run's (``measures.measure_import``) on ``docs`` synthetic
articles written for it, with the CPU the importing process and its worker processes
took (``getrusage``): a ratio short of its target says which side to look at.
"""

from __future__ import annotations

import resource
from pathlib import Path

from annotator.bench import measures
from annotator.bench.synthetic import articles, write_jsonl

TARGET = 0.5


def measure(folder: Path, docs: int) -> dict[str, float]:
    source = folder / "import.jsonl"
    write_jsonl(source, articles(docs))
    for name in ("import.sqlite", "import-base.sqlite"):
        for path in folder.glob(f"{name}*"):
            path.unlink()
    before = _cpu()
    figures = measures.measure_import(source, folder / "import.sqlite",
                                      folder / "import-base.sqlite")
    after = _cpu()
    source.unlink()
    return {**figures, "docs": docs,
            "importing_cpu_s": after[0] - before[0], "workers_cpu_s": after[1] - before[1]}


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its ended children (the workers, once closed);
    the plain loop runs in this process too, and is counted with it."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def report(figures: dict[str, float]) -> str:
    ok = "ok" if figures["import_ratio"] >= TARGET else "MISSED"
    return "\n".join([
        f"import of {figures['docs']:,.0f} articles: {figures['import_seconds']:.1f} s, "
        f"{figures['import_docs_per_s']:,.0f} documents/s against "
        f"{figures['baseline_docs_per_s']:,.0f} for the plain loop",
        f"{'import_ratio':<20} {figures['import_ratio']:>10.2f}  >= {TARGET}  {ok}",
        f"CPU: this process {figures['importing_cpu_s']:.1f} s (the plain loop's with it), "
        f"the worker processes {figures['workers_cpu_s']:.1f} s"])
