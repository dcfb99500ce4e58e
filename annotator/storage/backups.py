"""Rolling backups: a copy of a corpus each time it is opened, the last few kept."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from annotator.storage.connection import BUSY_TIMEOUT_MS, backup_copy

KEEP = 5


def backup_folder(root: Path, corpus_path: Path) -> Path:
    """Where one corpus's backups go: its name and a short hash of its full path."""
    resolved = corpus_path.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    return root / f"{resolved.stem}-{digest}"


def rolling_backup(corpus_path: Path, root: Path, keep: int = KEEP,
                   cancelled: Callable[[], bool] | None = None) -> Path | None:
    """Copy the corpus into its backup folder unless nothing changed since the
    newest copy; drop all but the newest ``keep``. Returns the new copy, if any.

    Uses a connection of its own, so it can run in a background thread while
    the window works on the corpus.
    """
    folder = backup_folder(root, corpus_path)
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(folder.glob("*.sqlite"))
    changed = max((p.stat().st_mtime for p in (corpus_path, _wal(corpus_path)) if p.exists()),
                  default=0)
    if existing and existing[-1].stat().st_mtime >= changed:
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    conn = sqlite3.connect(corpus_path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        target = backup_copy(Database(conn, execute_plugins=False),
                             folder / f"{corpus_path.stem}-{stamp}.sqlite", cancelled)
    finally:
        conn.close()
    for old in sorted(folder.glob("*.sqlite"))[:-keep]:
        old.unlink(missing_ok=True)
    return target


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")
