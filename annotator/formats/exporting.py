"""Exporting a corpus: select, split, write to a temporary place, then move in.

A cancelled or failed export leaves nothing behind; a ``--strict`` export
with any loss writes nothing at all.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import CodedDocument, overall_status
from annotator.core.schema import LabelSpec
from annotator.formats.losses import LossReport
from annotator.formats.selection import ExportOptions, assign_splits, selected
from annotator.storage.bulk import document_keys
from annotator.storage.corpus import Corpus

Source = Callable[[], Iterator[CodedDocument]]
Progress = Callable[[int, int], None]


class ExportCancelled(Exception):
    pass


@dataclass(frozen=True)
class ExportContext:
    """What a writer needs besides the documents."""

    options: ExportOptions
    losses: LossReport
    labels: tuple[LabelSpec, ...]

    @property
    def label_names(self) -> list[str]:
        wanted = self.options.labels
        return [label.name for label in self.labels if not wanted or label.name in wanted]


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
    written: bool = False
    cancelled: bool = False

    def lines(self) -> list[str]:
        if self.cancelled:
            return ["cancelled: nothing was written"]
        head = (f"wrote {self.documents} documents to " + ", ".join(map(str, self.outputs))
                if self.written else "nothing written: --strict and the export would lose data")
        if not self.losses:
            return [head, "nothing lost"]
        return [head, "lost in this format:"] + [f"  {line}" for line in self.losses.lines()]


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
    context = ExportContext(options, LossReport(), tuple(corpus.labels()))
    result = ExportResult(losses=context.losses)
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

    parent = out.parent if (splits is None and not fmt.directory) else out
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        targets = _targets(fmt, out, sorted(set(splits.values())) if splits else None)
        for split, target in targets:
            staged = staging / target.name
            written = fmt.write(documents(split), staged, context)
            result.documents += written
            if progress:
                progress(total, total)
        if options.strict and context.losses:
            return result
        for _split, target in targets:
            _move_into_place(staging / target.name, target)
            result.outputs.append(target)
        for extra in list(staging.iterdir()):  # files a writer puts beside its output
            destination = targets[0][1].parent / extra.name
            _move_into_place(extra, destination)
            result.outputs.append(destination)
        result.written = True
    except ExportCancelled:
        result.cancelled = True
    finally:
        shutil.rmtree(staging, ignore_errors=True)
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
