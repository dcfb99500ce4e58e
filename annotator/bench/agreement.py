"""``annotator agree`` on a double-coded corpus: every document coded by two coders.

The corpus: synthetic wire reports (about 3 KB, 28 spans each), coded by alice
and by bob, who agree on most spans and differ on some by label, by boundary,
by a span one of them left out, by an attribute's value, by a relation or a
document label, as two real coders do. It is imported as a team brings
double-coded work in: one JSONL line a document, each span, relation and
document label naming its coder, and both coders' statuses.

The figure is the wall-clock time of ``annotator agree CORPUS --json --html
REPORT`` in a process of its own, as a coder runs it, and its peak memory; beside
it, the least any agreement must do, measured in the same run: read every text
and every span's row, and split every text into tokens (kappa counts them).
A corpus built before (``--keep``) is used again.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from annotator.bench.measures import target_lines
from annotator.bench.synthetic import articles
from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus

TARGETS = {"agreement_seconds": ("<=", 30.0), "agreement_peak_mb": ("<=", 1024.0)}
DOCS = 10_000
CODERS = ("alice", "bob")
EVENT_TYPES = ["attack", "armed clash", "shelling or air strike", "explosion"]
ROLES = ["attacker", "target", "victim", "other"]
OUTCOMES = ["killed", "injured", "abducted"]


def _attrs(label: str, rng: random.Random) -> dict[str, Any]:
    if label == "actor":
        return {"role": rng.choice(ROLES)}
    if label == "casualty":
        return {"outcome": rng.choice(OUTCOMES), "count_best": rng.randint(1, 40)}
    return {"role": rng.choice(["event place", "other"])}


def _second(span: dict[str, Any], text: str, rng: random.Random) -> dict[str, Any] | None:
    """bob's coding of alice's ``span``: mostly the same; some differ by label, by
    boundary or by a value, and some he left out (None)."""
    roll = rng.random()
    if roll < 0.04:
        return None
    theirs = dict(span, attrs=dict(span["attrs"]))
    if roll < 0.10:
        theirs["label"] = rng.choice([n for n in ("actor", "casualty", "location")
                                      if n != span["label"]])
        theirs["attrs"] = {}
    elif roll < 0.16:
        # A boundary one word shorter (a single word loses its last letter).
        words = span["text"].split(" ")
        shorter = len(" ".join(words[:-1])) if len(words) > 1 else len(span["text"]) - 1
        theirs["end"] = span["start"] + max(shorter, 1)
        theirs["text"] = text[theirs["start"]:theirs["end"]]
    elif roll < 0.22:
        theirs["attrs"] = _attrs(span["label"], rng)
    return theirs


def coded_document(document: dict[str, Any], number: int, rng: random.Random
                   ) -> dict[str, Any]:
    """``document`` coded by both coders, as one JSONL line names them."""
    text = document["text"]
    first: list[dict[str, Any]] = []
    second: list[dict[str, Any]] = []
    partner: dict[str, str] = {}
    for index, raw in enumerate(document["spans"]):
        mine = {**raw, "id": f"d{number}-a{index}", "coder": CODERS[0],
                "attrs": _attrs(raw["label"], rng)}
        first.append(mine)
        theirs = _second(mine, text, rng)
        if theirs is not None:
            theirs.update(id=f"d{number}-b{index}", coder=CODERS[1])
            second.append(theirs)
            partner[mine["id"]] = theirs["id"]
    if rng.random() < 0.5:  # a span alice did not mark
        extra = text.find("Residents")
        if extra >= 0:
            second.append({"id": f"d{number}-bx", "start": extra, "end": extra + 9,
                           "label": "actor", "text": "Residents", "coder": CODERS[1],
                           "attrs": {"role": "other"}})
    relations = []
    label_of = {s["id"]: s["label"] for s in (*first, *second)}
    for head, tail in itertools.pairwise(first):
        if head["label"] == "actor" and tail["label"] == "location":
            relations.append({"id": f"r{number}-{head['id']}", "head": head["id"],
                              "tail": tail["id"], "label": "attacked", "coder": CODERS[0]})
            theirs_head, theirs_tail = partner.get(head["id"]), partner.get(tail["id"])
            if theirs_head and theirs_tail and label_of[theirs_head] == "actor" \
                    and label_of[theirs_tail] in ("actor", "location") and rng.random() < 0.9:
                relations.append({"id": f"r{number}-{theirs_head}", "head": theirs_head,
                                  "tail": theirs_tail, "label": "attacked",
                                  "coder": CODERS[1]})
    relevant = rng.random() < 0.9
    kinds = sorted(rng.sample(EVENT_TYPES, rng.randint(1, 2)))
    doc_labels = [{"name": "relevant", "value": relevant, "coder": CODERS[0]},
                  {"name": "relevant", "value": relevant if rng.random() < 0.9 else not relevant,
                   "coder": CODERS[1]},
                  {"name": "event_types", "value": kinds, "coder": CODERS[0]},
                  {"name": "event_types", "coder": CODERS[1],
                   "value": kinds if rng.random() < 0.8
                   else sorted(rng.sample(EVENT_TYPES, rng.randint(1, 2)))}]
    return {"id": document["id"], "title": document["title"], "text": text,
            "date": document["date"], "spans": first + second, "relations": relations,
            "doc_labels": doc_labels, "statuses": dict.fromkeys(CODERS, "done")}


def build(path: Path, docs: int, seed: int = 5) -> None:
    """A corpus at ``path`` of ``docs`` documents, each coded by both coders (one built
    before is kept)."""
    if path.exists():
        with Corpus.open(path, create=False) as corpus:
            if corpus.document_count() == docs and corpus.coders() == list(CODERS):
                return
    rng = random.Random(seed)
    source = path.with_suffix(".jsonl")
    with source.open("w", encoding="utf-8") as out:
        for number, document in enumerate(articles(docs, seed=seed, spans=28)):
            out.write(json.dumps(coded_document(document, number, rng)) + "\n")
    path.unlink(missing_ok=True)
    with Corpus.open(path) as corpus:
        summary = import_paths(corpus, [source], options=ReadOptions(coder=CODERS[0]))
    if not summary.ok:
        raise SystemExit(f"{source}: the double-coded corpus did not import: "
                         f"{summary.lines()[:3]}")
    source.unlink()


def measure(folder: Path, docs: int = DOCS) -> dict[str, Any]:
    """Seconds (and peak MB) ``annotator agree`` takes on ``docs`` double-coded documents,
    with its JSON and HTML reports; the figures it reported beside them."""
    path = folder / "agreement.sqlite"
    build(path, docs)
    seconds, peak, output = run_agree(["agree", str(path), "--json",
                                       "--html", str(folder / "agreement.html")], folder)
    found = json.loads(output)
    overall = found["labels"]["overall"]
    [pair] = found["pairs"]
    baseline = _baseline(path)
    return {"agreement_docs": docs, "agreement_seconds": seconds, "agreement_peak_mb": peak,
            "agreement_baseline_seconds": baseline, "agreement_ratio": baseline / seconds,
            "agreement_documents_compared": pair["documents"],
            "agreement_f1_exact": overall["f1_exact"],
            "agreement_f1_overlap": overall["f1_overlap"],
            "agreement_kappa": found["cohen_kappa_tokens"]}


def _baseline(path: Path) -> float:
    """Seconds to read every text and every span's row, and to split each text into
    tokens."""
    token = re.compile(r"\w+|[^\w\s]")
    with Corpus.open(path, create=False) as corpus:
        start = time.perf_counter()
        tokens = sum(len(token.findall(text)) for (text,) in corpus.db.execute(
            "SELECT text FROM documents"))
        rows = sum(1 for _row in corpus.db.execute(
            'SELECT doc_id, uid, start, "end", label, text, attrs, coder FROM spans'))
        seconds = time.perf_counter() - start
    assert tokens and rows
    return seconds


# ``annotator`` with the arguments after the first (a file for its peak memory), which it
# writes on its way out: its own VmHWM (getrusage would count its parent's before exec)
# and its worker process's peak (which getrusage counts once the worker has ended),
# added, as both may peak at once.
CHILD = """
import atexit, resource, sys
from pathlib import Path

def peak(path=Path(sys.argv[1])):
    status = Path("/proc/self/status")
    lines = status.read_text().splitlines() if status.exists() else []
    own = next((int(l.split()[1]) for l in lines if l.startswith("VmHWM:")), 0)
    path.write_text(str(own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))

atexit.register(peak)
from annotator.cli import main
sys.argv[:] = ["annotator", *sys.argv[2:]]
main()
"""


def run_agree(args: list[str], folder: Path) -> tuple[float, float, str]:
    """Seconds ``annotator`` took with ``args`` in a process of its own, its processes'
    peak memory in MB and what it printed."""
    peak = folder / "agreement-peak.txt"
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", CHILD, str(peak), *args],
                           capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if child.returncode:
        raise SystemExit(f"annotator {' '.join(args)} failed:\n{child.stderr[-3000:]}")
    return seconds, int(peak.read_text()) / 1024, child.stdout


def report(figures: dict[str, Any]) -> str:
    lines = [f"agreement on {figures['agreement_docs']:,} documents each coded by two coders "
             f"(about 28 spans a coder), `annotator agree --json --html`",
             *target_lines(figures, TARGETS)]
    lines.append(f"(it found F1 {figures['agreement_f1_exact']:.3f} exact, "
                 f"{figures['agreement_f1_overlap']:.3f} by overlap, kappa over tokens "
                 f"{figures['agreement_kappa']:.3f}, over "
                 f"{figures['agreement_documents_compared']:,} documents; the least any "
                 f"agreement must do, reading the texts and spans and splitting the texts "
                 f"into tokens, took {figures['agreement_baseline_seconds']:.1f} s, "
                 f"{figures['agreement_ratio']:.2f} of its time)")
    return "\n".join(lines)
