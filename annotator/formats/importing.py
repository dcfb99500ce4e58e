"""Importing files into a corpus: walk the paths, read, store in batches.

Used alike by ``annotator import`` and the window's File > Import, which
passes a progress callback and a way to cancel.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.model import InvalidRecord
from annotator.core.schema import Schema
from annotator.formats.base import Problem, ReadDocument, ReadOptions
from annotator.formats.registry import READERS, SUFFIXES, format_for
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

BATCH_SIZE = 500

Progress = Callable[[int, int], None]


@dataclass
class ImportSummary:
    added: int = 0
    duplicates: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    new_labels: list[str] = field(default_factory=list)
    files: int = 0
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.rejected and not self.cancelled

    def lines(self) -> list[str]:
        """The summary as a coder reads it."""
        out = [
            f"{self.added} added, {self.duplicates} skipped as duplicates, "
            f"{len(self.rejected)} rejected ({self.files} files read)"
        ]
        if self.new_labels:
            out.append("new labels added to the corpus: " + ", ".join(self.new_labels))
        if self.cancelled:
            out.append("cancelled: documents read before the cancel are kept")
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"rejected: {r}" for r in self.rejected]
        return out


def collect_files(paths: Iterable[Path], fmt: str) -> tuple[list[Path], list[Problem]]:
    """The files to read under ``paths``, folders walked recursively.

    Inside folders, files of unknown type and hidden files are passed over;
    a file named on its own whose type cannot be told is a problem. Links to
    folders are not followed, so a link loop cannot trap the walk.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, names in os.walk(path, onerror=None):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    child = Path(root) / name
                    if name.startswith(".") or not _wanted_in_folder(child, fmt):
                        continue
                    if _brat_text(child, fmt):
                        continue  # read through its .ann
                    files.append(child)
        elif not path.exists():
            problems.append(Problem(path, None, "does not exist"))
        elif format_for(path, fmt) is None:
            problems.append(
                Problem(path, None, f"format cannot be told from {path.suffix or 'no suffix'!r}; "
                                    f"choose one with --format ({', '.join(READERS)})")
            )
        elif not _brat_text(path, fmt):
            files.append(path)
    return files, problems


def _wanted_in_folder(path: Path, fmt: str) -> bool:
    """Files a folder walk reads: known kinds in auto mode; for brat, the .ann files."""
    suffix = path.suffix.lower()
    if fmt == "auto":
        return suffix in SUFFIXES
    if fmt == "brat":
        return suffix in (".ann", ".txt")
    return True


def _brat_text(path: Path, fmt: str) -> bool:
    """A brat ``.txt``: the ``.ann`` beside it is what gets read."""
    return (fmt in ("auto", "brat") and path.suffix.lower() == ".txt"
            and path.with_suffix(".ann").exists())


def import_paths(
    corpus: Corpus,
    paths: Sequence[Path],
    *,
    fmt: str = "auto",
    options: ReadOptions | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportSummary:
    """Import every document under ``paths``; never stops at a bad one."""
    options = options or ReadOptions()
    summary = ImportSummary()
    files, summary.rejected = collect_files(paths, fmt)
    sizes = [_size(f) for f in files]
    total, done = sum(sizes), 0
    labels_before = {label.name for label in corpus.labels()}
    schema = corpus.schema()
    pending: list[ReadDocument] = []

    def flush() -> None:
        results = add_documents(corpus, [item.record for item in pending])
        for item, result in zip(pending, results, strict=True):
            if result.outcome == "added":
                summary.added += 1
            elif result.outcome == "duplicate":
                summary.duplicates += 1
            else:
                summary.rejected.append(Problem(item.file, item.line, result.reason))
        pending.clear()

    for path, size in zip(files, sizes, strict=True):
        if cancelled and cancelled():
            summary.cancelled = True
            break
        summary.files += 1
        name = format_for(path, fmt)
        if name is None:
            summary.rejected.append(Problem(path, None, "its format cannot be told from its "
                                                        "content; choose one with --format"))
            continue
        reader = READERS[name]
        for item in reader(path, options):
            if isinstance(item, Problem):
                summary.rejected.append(item)
                continue
            checked = checked_against(schema, item)
            if isinstance(checked, Problem):
                summary.rejected.append(checked)
                continue
            summary.warnings.extend(item.warnings)
            pending.append(checked)
            if len(pending) >= BATCH_SIZE:
                flush()
                if progress:
                    progress(done + min(item.consumed, size), total)
                if cancelled and cancelled():
                    summary.cancelled = True
                    break
        if summary.cancelled:
            break
        done += size
        if progress:
            progress(done, total)
    if pending:
        flush()
    if progress:
        progress(total if not summary.cancelled else done, total)
    summary.new_labels = [
        label.name for label in corpus.labels() if label.name not in labels_before
    ]
    return summary


def checked_against(schema: Schema, item: ReadDocument) -> ReadDocument | Problem:
    """The document with its span attributes checked (and typed) by the schema."""
    if not any(span.attrs for span in item.record.spans):
        return item  # nothing to check
    spans = []
    for number, span in enumerate(item.record.spans, start=1):
        if not span.attrs:
            spans.append(span)
            continue
        try:
            attrs = schema.check_span(span.label, span.attrs)
        except InvalidRecord as exc:
            return Problem(item.file, item.line, f"span {number} ({span.label} {span.text!r}): {exc}")
        spans.append(span if attrs == span.attrs else replace(span, attrs=attrs))
    return replace(item, record=replace(item.record, spans=tuple(spans)))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
