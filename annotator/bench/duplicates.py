"""``python -m annotator.bench --duplicates``: near-duplicates in a large corpus.

The corpus: articles drawn from a vocabulary with the word frequencies of
English news (Zipf's law), 250 to 800 words each, and a known share of wire
reprints (an earlier article with a new headline, a few words changed, or its
last paragraph cut). Figures:

- the time to find every near-duplicate in the corpus, its peak memory (this
  process and its workers), against the baseline of reading every text and
  splitting it into words, the least any comparison must do;
- recall of the planted reprints as alike as the threshold, and precision (a
  mark whose pair shares fewer than 0.6 of their phrases is a false one);
- a new import's check against the whole corpus: the time per new article at
  the full size against the same at a tenth of it (reading the corpus's texts
  would make it grow tenfold).
"""

from __future__ import annotations

import itertools
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from annotator.bench.measures import target_lines
from annotator.core.model import DocumentRecord
from annotator.core.near_duplicates import DEFAULT_THRESHOLD, fingerprint, shingles
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import NewDocuments, check_new
from annotator.storage.plain_baselines import plain_texts

TARGETS = {"seconds": ("<=", 60.0), "peak_mb": ("<=", 1024.0), "recall": (">=", 0.95),
           "precision": (">=", 0.99), "new_import_growth": ("<=", 2.0)}
REPRINT_SHARE = 0.1
NEW_ARTICLES = 1000
_WORD = re.compile(r"\w+")


class _Writer:
    """Deterministic news-like articles and reprints of them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        letters = "abcdefghijklmnopqrstuvwxyz"
        self.words = list(dict.fromkeys(
            "".join(self.rng.choice(letters) for _ in range(self.rng.randint(2, 11)))
            for _ in range(40_000)))
        self.weights = list(itertools.accumulate(1 / (rank + 1)
                                                 for rank in range(len(self.words))))

    def article(self) -> str:
        paragraphs = []
        for _ in range(self.rng.randint(5, 12)):
            words = self.rng.choices(self.words, cum_weights=self.weights,
                                     k=self.rng.randint(40, 70))
            paragraphs.append(" ".join(words).capitalize() + ".")
        return "\n\n".join(paragraphs)

    def reprint(self, text: str) -> str:
        kind = self.rng.choice(("headline", "edited", "cut"))
        if kind == "headline":
            return " ".join(self.rng.choices(self.words, k=8)).title() + "\n\n" + text
        if kind == "edited":
            words = text.split(" ")
            for _ in range(3):
                words[self.rng.randrange(len(words))] = self.rng.choice(self.words)
            return " ".join(words)
        paragraphs = text.split("\n\n")
        return "\n\n".join(paragraphs[:-1]) if len(paragraphs) > 6 else text


def build(path: Path, docs: int, seed: int = 7, *, start: int = 0) -> dict[int, int]:
    """Store ``docs`` articles (no fingerprints yet); the planted reprints: uid number of
    each reprint to the uid number of the article it repeats."""
    writer = _Writer(seed)
    texts: list[str] = []
    planted: dict[int, int] = {}
    with Corpus.open(path) as corpus:
        batch: list[DocumentRecord] = []
        for number in range(start, start + docs):
            if texts and writer.rng.random() < REPRINT_SHARE:
                source = writer.rng.randrange(len(texts))
                text = writer.reprint(texts[source])
                planted[number] = start + source
            else:
                text = writer.article()
            texts.append(text)
            batch.append(DocumentRecord(text=text, uid=f"a{number}", title=f"Article {number}"))
            if len(batch) == 1000:
                _store_without_check(corpus, batch)
        _store_without_check(corpus, batch)
    return planted


def _store_without_check(corpus: Corpus, batch: list[DocumentRecord]) -> None:
    add_documents(corpus, batch)
    batch.clear()


def _exact(a: str, b: str) -> float:
    left, right = set(shingles(a).tolist()), set(shingles(b).tolist())
    return len(left & right) / len(left | right) if left | right else 0.0


def _tree_rss_kib(pid: int) -> int:
    """The resident memory of ``pid`` and its descendants (the worker processes), from
    /proc; 0 where it cannot be read."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:  # "pid (name) state ppid ...": the name may hold spaces and parentheses
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for member in tree:
        try:
            for line in Path(f"/proc/{member}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            continue
    return total


def _run_measured(args: list[str]) -> tuple[float, float]:
    """Seconds ``annotator`` took with ``args``, and the most memory its processes held
    at once (sampled every 50 ms), in MB."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "annotator", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while True:
        try:
            _out, err = process.communicate(timeout=0.05)
            break
        except subprocess.TimeoutExpired:
            peak = max(peak, _tree_rss_kib(process.pid))
    seconds = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"annotator {' '.join(args)} failed:\n{err[-3000:]}")
    if not peak:  # no /proc: the largest process, as the system counts it
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak / 1024


def measure(folder: Path, docs: int) -> dict[str, Any]:
    path = folder / "duplicates.sqlite"
    path.unlink(missing_ok=True)
    planted = build(path, docs)
    baseline_start = time.perf_counter()
    words = sum(len(_WORD.findall(text.casefold())) for text in plain_texts(path))
    baseline = time.perf_counter() - baseline_start
    # As a coder runs it: `annotator duplicates`, in a process of its own (its memory, its
    # worker processes' too).
    seconds, peak = _run_measured(["duplicates", str(path)])
    figures: dict[str, Any] = {"docs": docs, "seconds": seconds, "baseline_seconds": baseline,
                               "ratio": baseline / seconds, "peak_mb": peak, "words": words}
    with Corpus.open(path) as corpus:
        figures["marked"] = corpus.db.fetch_one("SELECT count(*) FROM near_duplicates")[0]
        figures.update(_quality(corpus, planted))
        figures.update(_new_import(corpus, folder, docs))
    return figures


def _quality(corpus: Corpus, planted: dict[int, int]) -> dict[str, float]:
    uid_of = {doc: int(uid[1:]) for doc, uid in corpus.db.fetch_all(
        "SELECT id, uid FROM documents")}
    text_of = dict(corpus.db.fetch_all("SELECT id, text FROM documents"))
    id_of = {number: doc for doc, number in uid_of.items()}
    marks = corpus.db.fetch_all("SELECT doc_id, original_id FROM near_duplicates")
    wanted = [copy for copy, first in planted.items()
              if _exact(text_of[id_of[copy]], text_of[id_of[first]]) >= DEFAULT_THRESHOLD]
    marked = {uid_of[doc] for doc, _first in marks}
    recall = sum(1 for copy in wanted if copy in marked) / max(len(wanted), 1)
    false = sum(1 for doc, first in marks if _exact(text_of[doc], text_of[first]) < 0.6)
    return {"recall": recall, "precision": 1 - false / max(len(marks), 1),
            "planted_at_threshold": len(wanted)}


def _new_import(corpus: Corpus, folder: Path, docs: int) -> dict[str, float]:
    """Seconds a new article at this size and at a tenth of it."""
    small = folder / "duplicates-tenth.sqlite"
    small.unlink(missing_ok=True)
    build(small, max(docs // 10, 1))
    with Corpus.open(small) as tenth:
        check_new(tenth)
        at_tenth = _check_new_articles(tenth)
    at_full = _check_new_articles(corpus)
    return {"new_ms_full": at_full * 1000, "new_ms_tenth": at_tenth * 1000,
            "new_import_growth": at_full / at_tenth}


def _check_new_articles(corpus: Corpus) -> float:
    writer = _Writer(seed=11)
    records = [DocumentRecord(text=writer.article(), uid=f"new{n}") for n in range(NEW_ARTICLES)]
    results = add_documents(corpus, records)
    start = time.perf_counter()
    # The article's own cost, on one core: fingerprinted, compared, stored.
    NewDocuments(corpus).store([(r.doc_id, fingerprint(rec.text))
                                for r, rec in zip(results, records, strict=True)])
    return (time.perf_counter() - start) / NEW_ARTICLES


def report(figures: dict[str, Any]) -> str:
    lines = [f"near-duplicates in {figures['docs']:,} articles "
             f"({figures['planted_at_threshold']} reprints planted at similarity "
             f"{DEFAULT_THRESHOLD} or more, {figures['marked']} marked)",
             *target_lines(figures, TARGETS)]
    lines.append(f"(baseline: reading every text and splitting it into words took "
                 f"{figures['baseline_seconds']:.1f} s, {figures['ratio']:.2f} of the check's "
                 f"time; a new article's check: {figures['new_ms_full']:.2f} ms at this size, "
                 f"{figures['new_ms_tenth']:.2f} ms at a tenth of it)")
    return "\n".join(lines)
