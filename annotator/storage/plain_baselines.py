"""The benchmark's baselines: what plain ``sqlite3`` does with the same rows, with
none of annotator's checks, so a figure can be read as a ratio to it. Kept in storage,
the one place that talks to SQLite."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus


def plain_insert(path: Path, documents: list[dict[str, Any]]) -> None:
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


def plain_json_dump(corpus_path: Path, out: Path) -> int:
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
