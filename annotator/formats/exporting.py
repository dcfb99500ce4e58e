"""Exporting a corpus: select, split, write to a temporary place, then move in.

A cancelled or failed export leaves nothing behind; a ``--strict`` export
with any loss writes nothing at all. A full disk is said as such, and what
was there before is left as it was.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.events import Event, IncidentReport, incident_of
from annotator.core.model import CodedDocument, overall_status
from annotator.core.schema import LabelSpec, Schema
from annotator.formats import staging as staging_area
from annotator.formats.losses import LossReport
from annotator.formats.selection import SPLIT_NAMES, ExportOptions, assign_splits, selected
from annotator.formats.whole_file import write_whole
from annotator.storage.bulk import document_keys
from annotator.storage.corpus import Corpus
from annotator.storage.errors import CorpusError
from annotator.storage.guard import check_output

Source = Callable[[], Iterator[CodedDocument]]
Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    pass


class DiskFull(OSError):
    """The disk (or a size limit) refused the export's bytes.

    Raised once the staging area is gone: nothing was written, and what was at
    the output before is as it was."""

    def __init__(self, target: Path, cause: OSError) -> None:
        reason = ("disk full" if cause.errno != errno.EFBIG
                  else "disk full or file size limit reached")
        detail = cause.strerror or str(cause)
        super().__init__(cause.errno or errno.ENOSPC, f"{reason} ({detail})", str(target))


_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def _is_disk_full(exc: OSError) -> bool:
    if exc.errno in _FULL_ERRNOS:
        return True
    # pyarrow's errors carry the system's words but not always its errno.
    text = str(exc)
    return any(words in text for words in ("No space left", "File too large",
                                           "Disk quota exceeded"))


@dataclass(frozen=True)
class ExportContext:
    """What a writer needs besides the documents."""

    options: ExportOptions
    losses: LossReport
    labels: tuple[LabelSpec, ...]
    # What was changed on the way without being lost (e.g. cells neutralised
    # for spreadsheets): reported, and --strict lets it pass.
    notices: LossReport = field(default_factory=LossReport)
    # The labels the exported spans carry (None: not known, list the codebook's).
    used: frozenset[str] | None = None
    # The whole codebook, for exports in a dataset's own format (its event codes).
    schema: Schema | None = None
    # Each incident -> the documents of the whole corpus that report it (not only the
    # exported ones): a dataset's number of sources.
    incidents: Mapping[str, tuple[IncidentReport, ...]] = field(default_factory=dict)
    # Every id of an incident -> the one that stands for it (a chain of links followed).
    incident_links: Mapping[str, str] = field(default_factory=dict)

    def incident(self, event: Event) -> str:
        """The id of the incident ``event`` reports, the same for every event of it: the
        key its row is written under."""
        key = incident_of(event)
        return self.incident_links.get(key, key)

    @property
    def label_names(self) -> list[str]:
        """The labels a format lists, in the codebook's order: those the export uses,
        or every one with ``all_labels``. Every split of one export lists the same."""
        wanted = self.options.labels
        used = None if self.options.all_labels else self.used
        return [label.name for label in self.labels
                if (not wanted or label.name in wanted) and (used is None or label.name in used)]


Writer = Callable[[Source, Path, ExportContext], int]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    suffix: str
    write: Writer
    description: str
    directory: bool = False  # writes a folder of files rather than one file


@dataclass
class ExportResult:
    documents: int = 0
    outputs: list[Path] = field(default_factory=list)
    losses: LossReport = field(default_factory=LossReport)
    notices: LossReport = field(default_factory=LossReport)
    written: bool = False
    cancelled: bool = False
    left_out: str = ""  # what the language filter left out, said in a sentence

    def lines(self) -> list[str]:
        if self.cancelled:
            return ["cancelled: nothing was written"]
        head = (f"wrote {self.documents} documents to " + ", ".join(map(str, self.outputs))
                if self.written else "nothing written: --strict and the export would lose data")
        said = [head, *([self.left_out] if self.left_out else [])]
        changed = (["changed on the way, without loss:"]
                   + [f"  {line}" for line in self.notices.lines()]) if self.notices else []
        if not self.losses:
            return [*said, "nothing lost", *changed]
        return [*said, *changed, "lost in this format:",
                *(f"  {line}" for line in self.losses.lines())]


def export_corpus(
    corpus: Corpus, fmt: ExportFormat, out: Path, options: ExportOptions,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write the selected documents of ``corpus`` to ``out`` in ``fmt``."""
    out = Path(out)
    keys = [(uid, statuses) for uid, statuses in document_keys(corpus)
            if _status_matches(statuses, options)]
    splits = assign_splits([uid for uid, _ in keys], options.split, options.seed) \
        if options.split else None
    try:
        schema: Schema | None = corpus.schema()
    except CorpusError:
        # Damaged settings (relation types, document questions) do not stop an export
        # that needs only the labels; a dataset's export says it has no codebook.
        schema = None
    context = ExportContext(options, LossReport(),
                            schema.labels if schema else tuple(corpus.labels()),
                            used=frozenset(corpus.used_labels(
                                options.coder, suggestions=options.include_suggestions)),
                            schema=schema, incidents=corpus.incident_reports(),
                            incident_links=corpus.incident_links())
    result = ExportResult(losses=context.losses, notices=context.notices)
    if splits is not None:  # a share too small for one document writes no file: say so
        for name in SPLIT_NAMES[:len(options.split)]:
            if name not in splits.values():
                context.notices.add(f"no {name} file: {len(keys)} documents are too few for "
                                    f"a {'/'.join(map(str, options.split))} split", name)
    done = 0
    total = len(keys)

    def documents(split: str | None) -> Source:
        def source() -> Iterator[CodedDocument]:
            nonlocal done
            for coded in selected(corpus, options):
                if cancelled and cancelled():
                    raise ExportCancelled
                if splits is None or splits[coded.document.uid] == split:
                    done += 1
                    if progress and done % 50 == 0:
                        progress(min(done, total), total)
                    yield coded
        return source

    # Only the folder the staging area sits in is made now; the output itself
    # appears when it is moved in, so a failed export adds nothing.
    made: list[Path] = []
    staging = None
    try:
        made = _make_folder(out.parent)
        staging_area.remove_stale(out.parent)
        staging = staging_area.create(out)
        targets = _targets(fmt, out, sorted(set(splits.values())) if splits else None)
        for split, target in targets:
            staged = staging / target.name
            written = fmt.write(documents(split), staged, context)
            result.documents += written
            if progress:
                progress(total, total)
        if options.strict and context.losses:
            return result
        moves = [(staging / target.name, target) for _split, target in targets]
        moves += [(extra, targets[0][1].parent / extra.name) for extra in staging.iterdir()
                  if extra.name not in {target.name for _split, target in targets}]
        _check_destinations(moves, corpus.path)  # before anything is moved in
        folder = out if (splits is not None or (staging / out.name).is_dir()) else None
        destinations = _destinations(moves)
        stale = _stale_files(folder, destinations) if folder is not None else []
        for _split, target in targets:
            _move_into_place(staging / target.name, target)
            result.outputs.append(target)
        for extra, destination in moves[len(targets):]:  # files a writer puts beside its output
            _move_into_place(extra, destination)
            result.outputs.append(destination)
        if folder is not None:
            _finish_folder(folder, destinations, stale)
        result.written = True
    except ExportCancelled:
        result.cancelled = True
    except OSError as exc:
        if _is_disk_full(exc):
            raise DiskFull(out, exc) from exc
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if not result.written:
            _remove_empty(made)
        if options.languages is not None and options.left_out:
            result.left_out = options.left_out.line(options.languages)
    return result


def _status_matches(statuses: dict[str, str], options: ExportOptions) -> bool:
    if options.status is None:
        return True
    status = statuses.get(options.coder, "todo") if options.coder else overall_status(statuses)
    return status == options.status


def _targets(fmt: ExportFormat, out: Path, splits: list[str] | None) -> list[tuple[str | None, Path]]:
    if splits is None:
        return [(None, out)]
    # With a split, OUT is a folder holding one output per split.
    return [(name, out / f"{name}{fmt.suffix}") for name in splits]


def _make_folder(folder: Path) -> list[Path]:
    """Make ``folder`` and its missing parents; the ones made, innermost first."""
    missing = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for made in reversed(missing):
        made.mkdir(exist_ok=True)
    return missing


def _remove_empty(folders: list[Path]) -> None:
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (something else is there now) or already gone


# The files an export put in a folder, so that the next export into it removes those
# it does not write again (a brat document gone from the selection, a test split
# of an earlier 80/10/10): old and new never mix in silence.
MANIFEST = ".annotator-export"


def _destinations(moves: list[tuple[Path, Path]]) -> list[Path]:
    found = []
    for staged, target in moves:
        if staged.is_dir():
            found += [target / child.relative_to(staged) for child in staged.rglob("*")
                      if not child.is_dir()]
        else:
            found.append(target)
    return found


def _stale_files(folder: Path, destinations: list[Path]) -> list[Path]:
    """What an earlier export left in ``folder`` that this one will not write again;
    CorpusError, before anything is moved in, if the folder holds files no export
    wrote (they would be mixed with this export's without a word)."""
    if not folder.is_dir():
        return []
    new = {p.relative_to(folder).as_posix() for p in destinations if p.is_relative_to(folder)}
    manifest = folder / MANIFEST
    listed = set(manifest.read_text(encoding="utf-8").splitlines()) if manifest.is_file() else set()
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*")
               if not p.is_dir() and p.name != MANIFEST}
    foreign = sorted(present - listed - new)
    if foreign:
        raise CorpusError(
            f"{folder}: holds {len(foreign)} files no earlier export here wrote (e.g. "
            f"{foreign[0]}); this export's files would be mixed with them. Choose an empty or "
            "new folder, or remove them")
    return [folder / name for name in sorted(listed - new) if (folder / name).is_file()]


def _finish_folder(folder: Path, destinations: list[Path], stale: list[Path]) -> None:
    for old in stale:
        old.unlink(missing_ok=True)
    written = sorted(p.relative_to(folder).as_posix() for p in destinations
                     if p.is_relative_to(folder))
    write_whole(folder / MANIFEST, "".join(f"{name}\n" for name in written))


def _check_destinations(moves: list[tuple[Path, Path]], corpus: Path) -> None:
    """Every file the export is about to put in place, checked at once: none may be
    the corpus or a file SQLite keeps beside it (a split file, a brat file or a
    schema file named like the corpus would replace it)."""
    for staged, target in moves:
        if staged.is_dir():
            for child in staged.rglob("*"):
                check_output(target / child.relative_to(staged), corpus)
        check_output(target, corpus)


def _move_into_place(staged: Path, target: Path) -> None:
    if staged.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        for child in staged.iterdir():
            destination = target / child.name
            if destination.is_dir():
                shutil.rmtree(destination)
            os.replace(child, destination)
        staged.rmdir()
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staged, target)
