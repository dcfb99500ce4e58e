"""What every importer yields: documents read, or problems found, with places."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import DocumentRecord
from annotator.core.text import UndecodableText, decode


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


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A file's decoded text, how it was encoded, and its size in bytes."""

    text: str
    encoding: str
    size: int

    def encoding_warning(self, path: Path) -> tuple[Problem, ...]:
        if self.encoding in ("utf-8", "utf-8-sig", "ascii"):
            return ()
        return (Problem(path, None, f"decoded as {self.encoding} (not UTF-8)"),)


def load_text(path: Path) -> LoadedText | Problem:
    """A file's text, or a problem saying why it is not usable text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(path, None, f"cannot be read ({exc.strerror or exc})")
    if not data.strip():
        return Problem(path, None, "is empty")
    try:
        decoded = decode(data)
    except UndecodableText as exc:
        return Problem(path, None, str(exc))
    return LoadedText(decoded.text, decoded.encoding, len(data))
