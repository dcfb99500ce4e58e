"""``python -m annotator.bench.team_scale --docs N``: a team's corpus of N documents on a
server: the document list's first page, ranked search, window start and ``pull``.

Baselines from the same run: the same figures on a 10-document corpus on the same
server (the window's start is given as the ratio of the two), and for ``pull`` the
time SQLite takes to copy the file it made (``annotator backup``).

``--keep FOLDER`` keeps the server (and its corpus) in FOLDER and reuses it next
time: building a million documents takes long.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WINDOW_CHILD = """
import json, sys
from annotator.gui.app import application
from annotator.gui.bench_window import time_open
application()
small, large = sys.argv[1], sys.argv[2]
time_open(small)  # the first window pays for loading Qt's parts
print(json.dumps({"small_ms": time_open(small), "large_ms": time_open(large)}))
"""
BATCH = 2000


def _ms(call: Callable[[], Any], repeat: int = 5) -> float:
    """The median of ``repeat`` timed calls, in ms (the first, cold, left out)."""
    call()
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 2)


def _database(admin_url: str, name: str) -> bool:
    """Make database ``name`` unless it is there; True when it was made now."""
    from annotator.storage.corpus import Corpus

    with Corpus.open(admin_url) as postgres:
        if postgres.db.fetch_one("SELECT 1 FROM pg_database WHERE datname = ?", [name]):
            return False
        postgres.db.execute(f'CREATE DATABASE "{name}"')
    return True


def _fill(url: str, docs: int, log: Callable[[str], None]) -> float:
    """Import ``docs`` synthetic articles; returns the seconds it took."""
    from annotator.bench.synthetic import articles
    from annotator.core.model import DocumentRecord
    from annotator.storage.bulk import add_documents
    from annotator.storage.corpus import Corpus

    began = time.monotonic()
    with Corpus.open(url) as corpus:
        have = corpus.document_count()
        batch: list[DocumentRecord] = []
        for number, doc in enumerate(articles(docs, seed=5, spans=5)):
            if number < have:
                continue
            batch.append(DocumentRecord(text=doc["text"], uid=doc["id"],
                                        title=doc.get("title", "")))
            if len(batch) == BATCH:
                add_documents(corpus, batch)
                batch = []
                if (number + 1) % 50_000 == 0:
                    log(f"{number + 1} documents")
        if batch:
            add_documents(corpus, batch)
        corpus.db.execute("ANALYZE")
    return time.monotonic() - began


def _corpus_figures(url: str) -> dict[str, float]:
    from annotator.core.search import DocumentFilter, fts_query
    from annotator.storage.corpus import Corpus

    with Corpus.open(url) as corpus:
        last = corpus.db.fetch_one("SELECT max(id) FROM documents")[0] or 0
        common, rare = fts_query("the"), fts_query("checkpoint")
        return {
            "documents": corpus.document_count(),
            "list_first_page_ms": _ms(lambda: corpus.page("bench", limit=200)),
            "list_last_page_ms": _ms(lambda: corpus.page("bench", after_id=max(0, last - 200),
                                                         limit=200)),
            "list_status_filter_ms": _ms(lambda: corpus.page(
                "bench", limit=200, filters=DocumentFilter(status="todo"))),
            "search_common_first_page_ms": _ms(lambda: corpus.page("bench", search=common,
                                                                   limit=50), repeat=3),
            "search_common_count_ms": _ms(lambda: corpus.match_count(common, "bench"), repeat=3),
            "search_rare_first_page_ms": _ms(lambda: corpus.page("bench", search=rare, limit=50),
                                             repeat=3),
            "open_ms": _ms(lambda: Corpus.open(url).close(), repeat=3),
        }


def _window(small: str, large: str, home: Path) -> dict[str, float]:
    child = subprocess.run([sys.executable, "-c", WINDOW_CHILD, small, large],
                           capture_output=True, text=True, check=False,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                                "ANNOTATOR_HOME": str(home)})
    if child.returncode:
        raise SystemExit(f"the window's process failed:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def _pull(url: str, folder: Path) -> dict[str, float]:
    from annotator.storage.corpus import Corpus
    from annotator.storage.transfer import pull_to_file

    target = folder / "pulled.sqlite"
    target.unlink(missing_ok=True)
    began = time.perf_counter()
    with Corpus.open(url) as corpus:
        pull_to_file(corpus, target)
    pulled = time.perf_counter() - began
    copy = folder / "backup.sqlite"
    copy.unlink(missing_ok=True)
    began = time.perf_counter()
    with Corpus.open(target) as corpus:
        corpus.backup(copy)
    copied = time.perf_counter() - began
    size = target.stat().st_size / 2**20
    target.unlink()
    copy.unlink()
    return {"pull_s": round(pulled, 2), "file_backup_s": round(copied, 2),
            "pull_ratio_to_file_backup": round(pulled / copied, 1), "pulled_mb": round(size)}


def run(docs: int, keep: Path | None, url: str | None, pull_limit: int,
        log: Callable[[str], None]) -> dict[str, Any]:
    from annotator.storage.pg.local_server import LocalServer

    folder = keep or Path(tempfile.mkdtemp(prefix="annotator-scale-"))
    server = None
    if url is None:
        # The folder itself holds the server: its user must reach it (root's own
        # temporary folders are private).
        server = LocalServer(folder).start()
        admin = server.url()
    else:
        admin = url
    try:
        small, large = "bench_small", f"bench_{docs}"
        for name, count in ((small, 10), (large, docs)):
            made = _database(admin, name)
            where = admin.rsplit("/", 1)[0] + "/" + name
            log(f"{'building' if made else 'reusing'} {name}")
            seconds = _fill(where, count, log)
            if name == large and made:
                log(f"built {docs} documents in {seconds:.0f} s")
        small_url = admin.rsplit("/", 1)[0] + "/" + small
        large_url = admin.rsplit("/", 1)[0] + "/" + large
        figures: dict[str, Any] = {"docs": docs}
        figures["large"] = _corpus_figures(large_url)
        figures["small"] = _corpus_figures(small_url)
        window = _window(small_url, large_url, folder / "home")
        figures["window_start_ms"] = round(window["large_ms"])
        figures["window_start_small_ms"] = round(window["small_ms"])
        figures["window_start_ratio"] = round(window["large_ms"] / window["small_ms"], 2)
        if docs <= pull_limit:
            log("pulling the corpus into a file")
            figures.update(_pull(large_url, folder))
    finally:
        if server is not None:
            server.stop()
    return figures


TARGETS = {"list_first_page_ms": 100, "search_common_first_page_ms": 200,
           "window_start_ms": 2000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="Keep the server here and reuse it")
    parser.add_argument("--url", help="An admin URL of a server to use instead of one's own")
    parser.add_argument("--pull-limit", type=int, default=100_000,
                        help="Measure pull only up to this many documents (default 100000)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    figures = run(args.docs, args.keep, args.url, args.pull_limit, log)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    large, small = figures.pop("large"), figures.pop("small")
    for key, value in large.items():
        print(f"{key:30} {value:>10}   (10 documents: {small[key]})")
    for key, value in figures.items():
        print(f"{key:30} {value:>10}")
    for key, limit in TARGETS.items():
        value = large.get(key, figures.get(key))
        print(f"{'met' if value <= limit else 'MISSED':6} {key} <= {limit}")


if __name__ == "__main__":
    main()
