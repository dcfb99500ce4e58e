"""Splitting a corpus among coders: one corpus file per coder, holding their documents,
the schema and the codebook (what a team mails around), a share of the documents
given to two coders so that their agreement can be measured."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.schema import Schema, name_problem, shown
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.schema_store import lenient_text
from annotator.storage.team_rows import MAX_ID, Refused, checked_document, coder_name_problem

# Characters Windows refuses in file names, beside the separators refused outright.
_UNSAFE_IN_FILE_NAME = re.compile(r'[<>:"|?*\s]')
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(1, 10)),
                    *(f"lpt{n}" for n in range(1, 10))}


def coder_file_name(stem: str, coder: str) -> str:
    """``STEM-CODER.sqlite`` with what no file system takes replaced."""
    safe = _UNSAFE_IN_FILE_NAME.sub("_", coder).strip(".")
    if safe.lower() in _WINDOWS_DEVICES:
        safe += "_"
    return f"{stem}-{safe or '_'}.sqlite"


def _stem(corpus: Corpus) -> str:
    """What the coders' files are named after: the corpus file's name without its suffix,
    or a server corpus's database name, made safe as a file name."""
    if isinstance(corpus.path, Path):
        return corpus.path.stem
    safe = _UNSAFE_IN_FILE_NAME.sub("_", corpus.path.name.replace("/", "_").replace("\\", "_"))
    return safe.strip(".") or "corpus"


def plan_assignment(uids: Sequence[str], coders: Sequence[str], overlap: float,
                    seed: int = 0) -> dict[str, list[str]]:
    """Coder -> document ids: a share ``overlap`` of documents goes to two coders each,
    the rest to one, everyone getting about as many."""
    if len(coders) < 2 and overlap > 0:
        raise ValueError("double coding needs at least two coders")
    if not 0 <= overlap <= 1:
        raise ValueError("the overlap is a share between 0% and 100%")
    order = sorted(uids)
    random.Random(seed).shuffle(order)
    shared = round(len(order) * overlap)
    load = {coder: 0 for coder in coders}
    plan: dict[str, list[str]] = {coder: [] for coder in coders}
    for index, uid in enumerate(order):
        wanted = 2 if index < shared else 1
        # The least loaded coders take it (ties in the order given), so work evens out.
        for coder in sorted(coders, key=lambda c: (load[c], coders.index(c)))[:wanted]:
            plan[coder].append(uid)
            load[coder] += 1
    return plan


def assignment_files(corpus: Corpus, coders: Sequence[str], folder: Path) -> dict[str, Path]:
    """Coder -> the file ``assign`` would write, every name checked first: ValueError
    for a bad or repeated name, CorpusError for a file that is already there."""
    if not coders:
        raise ValueError("name at least one coder")
    for coder in coders:
        problem = coder_name_problem(coder)
        if problem:
            raise ValueError(f"coder name {problem}")
    paths = {coder: folder / coder_file_name(_stem(corpus), coder) for coder in coders}
    by_file: dict[str, str] = {}
    for coder, path in paths.items():
        # Case-insensitive file systems (macOS, Windows) would make two names one file.
        other = by_file.setdefault(path.name.casefold(), coder)
        if other != coder:
            raise ValueError(f"coders {other!r} and {coder!r} would share the file {path.name}")
    for path in paths.values():
        if path.exists() or path.is_symlink():
            raise CorpusError(f"{path}: already exists; nothing was written. Choose an empty "
                              "folder (assign never writes over a corpus)")
    return paths


class Stopped(CorpusError):
    """Assigning was stopped on request; nothing of it was left behind."""


def assign(corpus: Corpus, coders: Sequence[str], overlap: float, folder: Path,
           seed: int = 0, *, progress: Callable[[int, int], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> dict[str, Path]:
    """Write one corpus per coder into ``folder``; return coder -> file. ``progress``
    hears of the documents written of all to write; ``cancelled`` is asked between
    documents, and stops it with ``Stopped``.

    Everything is checked before anything is written; each corpus is written under
    a temporary name and put in place only when all are complete, so a failure
    part-way leaves nothing of this run behind.
    """
    paths = assignment_files(corpus, coders, folder)
    with lenient_text(corpus):
        uids = [uid for uid, in corpus.db.execute("SELECT uid FROM documents")]
        for uid in uids:
            if name_problem(uid, MAX_ID):
                raise CorpusError(f"{corpus.path}: a document id is damaged ({shown(uid)}); "
                                  "nothing was written")
        plan = plan_assignment(uids, coders, overlap, seed)
        schema, codebook = corpus.schema(), corpus.codebook()
        written = _Written(sum(len(wanted) for wanted in plan.values()), progress, cancelled)
        return _write_team(corpus, paths, plan, schema, codebook, folder, written)


@dataclass
class _Written:
    """Documents written of all the coders' files, told as they go."""

    total: int
    progress: Callable[[int, int], None] | None
    cancelled: Callable[[], bool] | None
    done: int = 0

    def add(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(self.done, self.total)
        if self.cancelled is not None and self.cancelled():
            raise Stopped("stopped on request; no coder's corpus was written")


def _write_team(corpus: Corpus, paths: dict[str, Path], plan: dict[str, list[str]],
                schema: Schema, codebook: str, folder: Path,
                written: _Written) -> dict[str, Path]:
    made_folder = not folder.exists()
    partials = {coder: path.with_name(f".{path.name}.partial") for coder, path in paths.items()}
    placed: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for partial in partials.values():
            _remove_with_companions(partial)  # left by a run that was killed
        for coder, uids in plan.items():
            _write_assignment(corpus, partials[coder], coder, set(uids), schema, codebook,
                              written)
        for coder, path in paths.items():
            if path.exists():
                raise CorpusError(f"{path}: appeared while assigning; nothing was written")
            partials[coder].rename(path)
            placed.append(path)
    except BaseException as exc:  # Ctrl+C included: leave no half-made team behind
        for path in [*partials.values(), *placed]:
            _remove_with_companions(path)
        if made_folder and folder.exists() and not any(folder.iterdir()):
            folder.rmdir()
        if isinstance(exc, OSError):
            raise CorpusError(f"{folder}: the coders' corpora cannot be written "
                              f"({exc.strerror or exc}); nothing was left there") from exc
        raise
    return paths


def _remove_with_companions(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _write_assignment(corpus: Corpus, path: Path, coder: str, wanted: set[str], schema: Schema,
                      codebook: str, written: _Written) -> None:
    with Corpus.open(path) as mine:
        mine.save_schema(schema, moves={})
        mine.set_codebook(codebook)
        mine.set_setting("assigned_to", coder)
        written.add(0)  # a terminal's progress bar from the first file on
        batch = []
        for doc in _documents(corpus):
            if doc.uid in wanted:
                batch.append(doc)
            if len(batch) >= 500:
                add_documents(mine, batch)
                written.add(len(batch))
                batch = []
        if batch:
            add_documents(mine, batch)
            written.add(len(batch))
        # One self-contained file (no -wal beside it) is what is renamed and mailed;
        # the coder's annotator puts it back in WAL mode when it opens it.
        mine.db.execute("PRAGMA journal_mode = DELETE")


def _documents(corpus: Corpus) -> Iterator[DocumentRecord]:
    """The corpus's documents without their coding (which assign leaves behind)."""
    after = 0
    while True:
        rows = corpus.db.execute(
            "SELECT id, uid, title, text, date, source, url, meta, notes, flags FROM documents "
            "WHERE id > ? ORDER BY id LIMIT 500", [after]).fetchall()
        if not rows:
            return
        for row in rows:
            try:
                yield checked_document(row)
            except Refused as refused:
                raise CorpusError(f"{corpus.path}: document {shown(row[1])} is damaged "
                                  f"({refused.reason}: {refused.detail})") from None
        after = rows[-1][0]
