"""What the benchmark times without a window: import, search, exports.

Each figure comes with a baseline measured in the same process at the same
moment, so the ratio means something on a shared, noisy machine.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
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
    documents = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    Corpus.open(baseline_target).close()  # the same tables, indexes and FTS triggers
    baseline, _ = timed(lambda: _plain_insert(baseline_target, documents))
    count = len(documents)
    return {"import_docs_per_s": count / seconds, "baseline_docs_per_s": count / baseline,
            "import_ratio": baseline / seconds, "import_seconds": seconds}


def _plain_insert(path: Path, documents: list[dict[str, Any]]) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("INSERT OR IGNORE INTO coders (name) VALUES ('bench')")
    stamp = "2026-01-01T00:00:00"
    with conn:
        conn.executemany(
            "INSERT INTO documents (uid, title, text, date, meta, sha256, imported_at) "
            "VALUES (?, ?, ?, ?, '{}', '', ?)",
            [(d["id"], d["title"], d["text"], d["date"], stamp) for d in documents],
        )
        ids = dict(conn.execute("SELECT uid, id FROM documents"))
        conn.executemany(
            'INSERT INTO spans (uid, doc_id, start, "end", label, text, attrs, coder, origin, '
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '{}', 'bench', 'imported', ?, ?)",
            [(f"{d['id']}-{i}", ids[d["id"]], s["start"], s["end"], s["label"], s["text"],
              stamp, stamp)
             for d in documents for i, s in enumerate(d["spans"])],
        )
    conn.close()


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
    baseline, count = timed(lambda: _plain_json_dump(corpus_path, folder / "plain.jsonl"))
    assert result.documents == count
    return {"export_jsonl_ratio": baseline / seconds, "export_jsonl_seconds": seconds}


def _plain_json_dump(corpus_path: Path, out: Path) -> int:
    conn = sqlite3.connect(corpus_path)
    spans: dict[int, list[dict[str, Any]]] = {}
    for doc_id, start, end, label, text in conn.execute(
            'SELECT doc_id, start, "end", label, text FROM spans'):
        spans.setdefault(doc_id, []).append({"start": start, "end": end, "label": label,
                                             "text": text})
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for doc_id, uid, title, text in conn.execute("SELECT id, uid, title, text FROM documents"):
            handle.write(json.dumps({"id": uid, "title": title, "text": text,
                                     "spans": spans.get(doc_id, [])}, ensure_ascii=False) + "\n")
            count += 1
    conn.close()
    return count


def measure_export_spacy(corpus_path: Path, folder: Path) -> dict[str, float]:
    """DocBin export against spaCy's own make_doc + DocBin.add loop over the same texts."""
    import spacy
    from spacy.tokens import DocBin

    with Corpus.open(corpus_path) as corpus:
        seconds, result = timed(lambda: export_corpus(corpus, EXPORTS["spacy"],
                                                      folder / "export.spacy", ExportOptions()))
    conn = sqlite3.connect(corpus_path)
    texts = [row[0] for row in conn.execute("SELECT text FROM documents ORDER BY id")]
    conn.close()
    nlp = spacy.blank("en")

    def plain() -> None:
        docbin = DocBin()
        for text in texts:
            docbin.add(nlp.make_doc(text))
        docbin.to_disk(folder / "plain.spacy")

    baseline, _ = timed(plain)
    assert result.documents == len(texts)
    return {"export_spacy_ratio": baseline / seconds, "export_spacy_seconds": seconds}
