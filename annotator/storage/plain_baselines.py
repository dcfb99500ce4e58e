"""The benchmark's baselines: what plain ``sqlite3`` does with the same rows, with
none of annotator's checks, so a figure can be read as a ratio to it. Kept in storage,
the one place that talks to SQLite."""

from __future__ import annotations

import json
import sqlite3
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.storage.label_count_sql import LABEL_COUNT_TRIGGERS

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus


# Documents a plain loop holds at once: the benchmark's million articles do not fit
# in memory as objects, and annotator's import holds a batch at a time too.
PLAIN_CHUNK = 5000


def plain_insert(path: Path, source: Path) -> int:
    """The JSONL file's documents and spans put into the corpus's tables with plain
    ``executemany``, a chunk of documents a transaction; how many documents."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("INSERT OR IGNORE INTO coders (name) VALUES ('bench')")
    # A plain program's tables count no labels: migration 0015's triggers are dropped
    # from this throwaway copy, not merely kept from running. Any insert trigger on spans,
    # even one that does nothing, has SQLite keep a statement journal for each INSERT,
    # which doubled this loop's time; the baseline would be slower and flatter the ratio.
    for name in LABEL_COUNT_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.commit()
    count = 0
    with source.open(encoding="utf-8") as lines:
        while chunk := [json.loads(line) for line in islice(lines, PLAIN_CHUNK)]:
            _insert_chunk(conn, chunk)
            count += len(chunk)
    conn.close()
    return count


def _insert_chunk(conn: sqlite3.Connection, documents: list[dict[str, Any]]) -> None:
    stamp = "2026-01-01T00:00:00"
    with conn:
        [(last,)] = conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchall()
        conn.executemany(
            "INSERT INTO documents (uid, title, text, date, meta, sha256, imported_at) "
            "VALUES (?, ?, ?, ?, '{}', '', ?)",
            [(d["id"], d["title"], d["text"], d["date"], stamp) for d in documents],
        )
        ids = dict(conn.execute("SELECT uid, id FROM documents WHERE id > ?", [last]))
        conn.executemany(
            'INSERT INTO spans (uid, doc_id, start, "end", label, text, attrs, coder, origin, '
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '{}', 'bench', 'imported', ?, ?)",
            [(f"{d['id']}-{i}", ids[d["id"]], s["start"], s["end"], s["label"], s["text"],
              stamp, stamp)
             for d in documents for i, s in enumerate(d["spans"])],
        )


def plain_json_dump(corpus_path: Path, out: Path) -> int:
    """Every document with its spans written as JSON lines, a range of documents at a
    time; how many documents."""
    conn = sqlite3.connect(corpus_path)
    count, after = 0, 0
    with out.open("w", encoding="utf-8") as handle:
        while rows := conn.execute("SELECT id, uid, title, text FROM documents WHERE id > ? "
                                   "ORDER BY id LIMIT ?", [after, PLAIN_CHUNK]).fetchall():
            spans: dict[int, list[dict[str, Any]]] = {}
            for doc_id, start, end, label, text in conn.execute(
                    'SELECT doc_id, start, "end", label, text FROM spans '
                    "WHERE doc_id BETWEEN ? AND ?", [rows[0][0], rows[-1][0]]):
                spans.setdefault(doc_id, []).append({"start": start, "end": end,
                                                     "label": label, "text": text})
            for doc_id, uid, title, text in rows:
                handle.write(json.dumps({"id": uid, "title": title, "text": text,
                                         "spans": spans.get(doc_id, [])},
                                        ensure_ascii=False) + "\n")
            count += len(rows)
            after = rows[-1][0]
    conn.close()
    return count


def plain_texts(corpus_path: Path) -> list[str]:
    conn = sqlite3.connect(corpus_path)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM documents ORDER BY id")]
    finally:
        conn.close()


def typical_document_ids(corpus: Corpus) -> list[int]:
    """The benchmark corpus's typical articles (uids ``typical-…``), in id order."""
    return [row[0] for row in corpus.db.execute(
        "SELECT id FROM documents WHERE uid LIKE 'typical-%' ORDER BY id")]


def longest_document_id(corpus: Corpus) -> int:
    """The longest document of the corpus (the benchmark's long report)."""
    [(doc_id,)] = corpus.db.execute(
        "SELECT id FROM documents ORDER BY length(text) DESC LIMIT 1").fetchall()
    return int(doc_id)
