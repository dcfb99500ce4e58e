"""What every importer yields: documents read, or problems found, with places."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import DocumentRecord


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in an input file, and where."""

    file: Path
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else str(self.file)
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadDocument:
    record: DocumentRecord
    file: Path
    line: int | None
    warnings: tuple[Problem, ...] = ()
    # Bytes of the file read up to and including this document, for progress.
    consumed: int = 0


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Choices that shape how files are read."""

    coder: str = "unknown"
    text_column: str = "text"


# An importer yields documents and problems in file order as it meets them.
ReadItem = ReadDocument | Problem
Reader = Callable[[Path, ReadOptions], Iterator[ReadItem]]


def read_bytes(path: Path) -> bytes | Problem:
    """A file's bytes, or a problem saying why they could not be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        return Problem(path, None, f"cannot be read ({exc.strerror or exc})")
