"""``python -m annotator.bench.team_load``: many coders on one team server at once.

Each coder is a process of its own with its own login, coding through the same
session the window uses: it takes documents from the work queue, tags, relabels,
removes and undoes at a coder's pace. Meanwhile the server cuts coders'
connections at random moments (``pg_terminate_backend``, as a dropped network or
a restarted server does). Printed at the end:

- edit latency, p50 / p95 / p99, under load and for one coder alone (the baseline
  measured first in the same run), and their ratio;
- edits acknowledged (the session said stored) against edits found stored at the
  end: every coder's spans on the server must be exactly what their acknowledged
  edits left, no more and no fewer;
- errors shown to coders (a "not saved" the coder would read), and how many edits
  waited for a cut connection and were stored when it came back.

With no ``--url`` it starts a server of its own in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PASSWORD = "load-test-password"
LABELS = ("actor", "casualty", "location")


@dataclass
class CoderFigures:
    coder: str
    latencies_ms: list[float] = field(default_factory=list)
    acknowledged: int = 0
    waited: int = 0
    errors: list[str] = field(default_factory=list)
    expected: dict[str, str] = field(default_factory=dict)  # span uid -> label
    documents: int = 0


def _coder(url: str, coder: str, seconds: float, pace: float, seed: int,
           out: Any) -> None:
    """One coder's session until ``seconds`` have passed; figures go to ``out``."""
    from annotator.core.commands import relabel
    from annotator.session.session import Session
    from annotator.storage.corpus import Corpus
    from annotator.storage.errors import CorpusOffline

    rng = random.Random(seed)
    figures = CoderFigures(coder)
    session = Session(Corpus.open(url), coder)
    session.not_saved.connect(lambda message: figures.errors.append(str(message)))
    session.open_corpus(session.corpus)
    # What each step in the session's history did, to follow undo: ("add", uid, label),
    # ("relabel", uid, old, new), ("remove", uid, label) or ("status",).
    done: list[tuple[str, ...]] = []
    waiting: list[tuple[str, ...]] = []  # edits that wait for a cut connection
    end = time.monotonic() + seconds

    def timed(kind: tuple[str, ...], call: Any) -> None:
        pending, steps = session.history.pending, session.history.index
        began = time.perf_counter()
        try:
            result = call()
        except CorpusOffline as exc:  # a read before the edit: the window says it
            figures.errors.append(str(exc))
            return
        took = (time.perf_counter() - began) * 1000
        if session.history.pending > pending:
            waiting.append(kind if kind[0] != "add" else ("add", _queued_uid(session), kind[2]))
        elif session.history.index == steps + 1:  # stored: a step to undo
            figures.latencies_ms.append(took)
            figures.acknowledged += 1
            _follow(figures.expected, done, kind if kind[0] != "add" else
                    ("add", result.uid, kind[2]))

    def catch_up() -> None:
        session.pick_up_outside_changes()  # what the window's watch does
        stored = len(waiting) - session.history.pending
        for kind in waiting[:stored]:
            figures.acknowledged += 1
            figures.waited += 1
            _follow(figures.expected, done, kind)
        del waiting[:stored]

    while time.monotonic() < end:
        time.sleep(rng.expovariate(1 / pace))
        if waiting:
            catch_up()
            continue
        if session.document is None or rng.random() < 0.05:
            if session.document is not None:
                timed(("status",), lambda: session.set_status("done"))
            try:
                if not session.next_undone():
                    break
            except CorpusOffline as exc:
                figures.errors.append(str(exc))
                continue
            figures.documents += 1
            continue
        mine = [s for s in session.spans if s.coder == coder]
        roll = rng.random()
        if roll < 0.5 or not mine:
            text = session.document.text
            start = rng.randrange(0, max(1, len(text) - 20))
            stop = min(len(text), start + rng.randint(3, 15))
            if text[start:stop].strip():
                label = rng.choice(LABELS)
                timed(("add", "", label), lambda a=start, b=stop, c=label: session.tag(a, b, c))
        elif roll < 0.7:
            span = rng.choice(mine)
            new_label = rng.choice([name for name in LABELS if name != span.label])
            timed(("relabel", span.uid, span.label, new_label),
                  lambda span=span, new_label=new_label: session.do(relabel(span, new_label)))
        elif roll < 0.85:
            span = rng.choice(mine)
            timed(("remove", span.uid, span.label), lambda span=span: session.remove(span))
        elif done and session.history.can_undo:
            steps = session.history.index
            began = time.perf_counter()
            try:
                session.undo()
            except CorpusOffline as exc:
                figures.errors.append(str(exc))
                continue
            if session.history.index == steps - 1:
                figures.latencies_ms.append((time.perf_counter() - began) * 1000)
                figures.acknowledged += 1
                _undo(figures.expected, done)
    deadline = time.monotonic() + 30
    while waiting and time.monotonic() < deadline:  # the last ones, once it answers
        catch_up()
        time.sleep(0.05)
    figures.errors += [f"{len(waiting)} edits still waiting at the end"] if waiting else []
    session.close()
    out.put(asdict(figures))


def _queued_uid(session: Any) -> str:
    """The span of the tag that just went to wait (alone, or with its status change)."""
    from annotator.core.commands import Batch

    edit = session.history.waiting_edits[-1]
    edits = edit.edits if isinstance(edit, Batch) else [edit]
    for inner in edits:
        span = getattr(inner, "span", None)
        if span is not None:
            return str(span.uid)
    return ""


def _follow(expected: dict[str, str], done: list[tuple[str, ...]], kind: tuple[str, ...]) -> None:
    if kind[0] == "add":
        expected[kind[1]] = kind[2]
    elif kind[0] == "relabel":
        expected[kind[1]] = kind[3]
    elif kind[0] == "remove":
        expected.pop(kind[1], None)
    done.append(kind)


def _undo(expected: dict[str, str], done: list[tuple[str, ...]]) -> None:
    kind = done.pop()
    if kind[0] == "add":
        expected.pop(kind[1], None)
    elif kind[0] in ("relabel", "remove"):  # the label it had before
        expected[kind[1]] = kind[2]


def _run_coders(url_for: Any, coders: list[str], seconds: float, pace: float,
                seed: int) -> list[CoderFigures]:
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    processes = [context.Process(target=_coder, args=(url_for(name), name, seconds, pace,
                                                      seed + n, out))
                 for n, name in enumerate(coders)]
    for process in processes:
        process.start()
    results = [CoderFigures(**out.get(timeout=seconds + 300)) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    return results


def _cutter(admin_url: str, stop: Any, every: float, seed: int, cuts: list[float]) -> None:
    """Cut a random coder's connection at random moments, as a network or server would."""
    from annotator.storage.corpus import Corpus

    rng = random.Random(seed)
    with Corpus.open(admin_url) as admin:
        while not stop.wait(rng.expovariate(1 / every)):
            rows = admin.db.fetch_all("SELECT pid FROM pg_stat_activity WHERE usename LIKE "
                                      "'coder%' AND application_name = 'annotator'")
            if rows:
                admin.db.fetch_one("SELECT pg_terminate_backend(?)", [rng.choice(rows)[0]])
                cuts.append(time.monotonic())


def _stored_matches(admin_url: str, results: list[CoderFigures]) -> tuple[int, int, list[str]]:
    """(spans expected, spans found, differences) over every coder."""
    from annotator.storage.corpus import Corpus

    expected_total = found_total = 0
    problems: list[str] = []
    with Corpus.open(admin_url) as admin:
        for figures in results:
            found = dict(admin.db.fetch_all("SELECT uid, label FROM spans WHERE coder = ? AND "
                                            "origin != 'suggested'", [figures.coder]))
            expected_total += len(figures.expected)
            found_total += len(found)
            if found != figures.expected:
                missing = set(figures.expected) - set(found)
                extra = set(found) - set(figures.expected)
                wrong = {u for u in set(found) & set(figures.expected)
                         if found[u] != figures.expected[u]}
                problems.append(f"{figures.coder}: {len(missing)} acknowledged spans missing, "
                                f"{len(extra)} stored but never acknowledged, {len(wrong)} with "
                                "another label")
    return expected_total, found_total, problems


def _percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        return {"p50": values[0] if values else 0.0, "p95": 0.0, "p99": 0.0}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": round(cuts[49], 2), "p95": round(cuts[94], 2), "p99": round(cuts[98], 2)}


def run(url: str | None, coders: int, minutes: float, pace: float, cut_every: float,
        docs: int, seed: int, log: Any) -> dict[str, Any]:
    import threading

    from annotator.bench.synthetic import articles
    from annotator.core.model import DocumentRecord
    from annotator.storage.bulk import add_documents
    from annotator.storage.corpus import Corpus
    from annotator.storage.pg.address import ServerAddress
    from annotator.storage.pg.local_server import LocalServer
    from annotator.storage.pg.roles import add_coder, init_server
    from annotator.storage.work_queue import queue_documents

    server = None
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="annotator-load-"))
        server = LocalServer(folder).start()
        admin = server.url()
        with Corpus.open(admin) as postgres:
            postgres.db.execute("CREATE DATABASE team_load")
        url = server.url("team_load")
    try:
        address = ServerAddress.parse(url)
        init_server(address)
        names = [f"coder{n:02d}" for n in range(1, coders + 1)]
        for name in ["alone", *names]:  # the baseline's coder codes alone, under a name of its own
            add_coder(address, name, "coder", PASSWORD)
        rest = url.split("@", 1)[1] if "@" in url else url.split("//", 1)[1]

        def url_for(name: str) -> str:
            return f"postgresql://{name}:{PASSWORD}@{rest}"

        with Corpus.open(url) as corpus:
            records = [DocumentRecord(text=a["text"], uid=a["id"], title=a.get("title", ""))
                       for a in articles(docs, seed=seed)]
            add_documents(corpus, records)
            queue_documents(corpus, corpus.document_ids(), overlap=0.2, seed=seed)
        baseline_seconds = max(10.0, minutes * 60 / 10)
        log(f"one coder alone for {baseline_seconds:.0f} s (the baseline)")
        alone = _run_coders(url_for, ["alone"], baseline_seconds, pace, seed)
        log(f"{coders} coders for {minutes:g} min, cutting a connection every ~{cut_every:g} s")
        stop = threading.Event()
        cuts: list[float] = []
        cutter = threading.Thread(target=_cutter, args=(url, stop, cut_every, seed, cuts))
        cutter.start()
        began = time.monotonic()
        try:
            results = _run_coders(url_for, names, minutes * 60, pace, seed + 1000)
        finally:
            stop.set()
            cutter.join()
        took = time.monotonic() - began
        expected, found, problems = _stored_matches(url, [*alone, *results])
    finally:
        if server is not None:
            server.stop()
    latencies = [ms for figures in results for ms in figures.latencies_ms]
    baseline = _percentiles([ms for figures in alone for ms in figures.latencies_ms])
    loaded = _percentiles(latencies)
    acknowledged = sum(f.acknowledged for f in results)
    return {
        "coders": coders, "minutes": minutes, "cuts": len(cuts),
        "edits_acknowledged": acknowledged, "edits_per_second": round(acknowledged / took, 1),
        "edits_waited_then_stored": sum(f.waited for f in results),
        "latency_ms": loaded, "alone_latency_ms": baseline,
        "p95_ratio_to_alone": round(loaded["p95"] / baseline["p95"], 2) if baseline["p95"] else 0,
        "spans_expected": expected, "spans_stored": found, "stored_problems": problems,
        "errors_shown": sum(len(f.errors) for f in [*alone, *results]),
        "error_examples": [e for f in results for e in f.errors][:5],
        "documents_taken": sum(f.documents for f in results),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="A team server's empty database (default: start one)")
    parser.add_argument("--coders", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--pace", type=float, default=1.0,
                        help="A coder's mean seconds between actions (default 1)")
    parser.add_argument("--cut-every", type=float, default=5.0,
                        help="Mean seconds between connection cuts (default 5)")
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    def log(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    figures = run(args.url, args.coders, args.minutes, args.pace, args.cut_every, args.docs,
                  args.seed, log)
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        print(f"{key:28} {value}")
    targets = [("p95 latency <= 50 ms", figures["latency_ms"]["p95"] <= 50),
               ("every acknowledged edit stored", not figures["stored_problems"]),
               ("no error shown to a coder", figures["errors_shown"] == 0)]
    for name, met in targets:
        print(f"{'met' if met else 'MISSED':6} {name}")


if __name__ == "__main__":
    main()
