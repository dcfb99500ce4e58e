"""What every importer yields: documents read, or problems found, with places."""

from __future__ import annotations

import os
import reprlib
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from annotator.core.model import DocumentRecord
from annotator.core.text import Damage, UndecodableText, decode, describe_damage


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in an input file, and where."""

    file: Path
    line: int | None
    reason: str

    def __str__(self) -> str:
        file = shown_path(self.file)
        where = f"{file}:{self.line}" if self.line is not None else file
        return f"{where}: {self.reason}"


_BRIEF = reprlib.Repr()
_BRIEF.maxlevel, _BRIEF.maxstring, _BRIEF.maxother = 3, 60, 60
_BRIEF.maxlist = _BRIEF.maxtuple = _BRIEF.maxdict = 4


def brief(value: object) -> str:
    """A read value for a message: ``repr``, but never long and never deep.

    Input values can be megabytes long or nested hundreds of levels (where
    plain ``repr`` would recurse and fail).
    """
    return _BRIEF.repr(value)


def shown_path(path: Path | str) -> str:
    """A path as it can be printed: bytes of a name that are not UTF-8 as ``\\xff``.

    Python keeps such bytes as lone surrogates, which no terminal, log or
    corpus can take.
    """
    return os.fsencode(path).decode("utf-8", "backslashreplace")


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


# A file that is not UTF-8 as a whole has its encoding guessed by a detector,
# which can be wrong for short texts: the coder is told so.
GUESSED = "the encoding is a guess: check its accented letters"


class NotRegularFile(OSError):
    """A named pipe, device or socket where a file was expected."""


def file_kind(mode: int) -> str | None:
    """What a ``stat`` mode names, if it is not a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary, if it is a regular file.

    Opened without blocking and checked on the open descriptor: a named pipe
    would otherwise make the import wait for a writer forever, and a file
    swapped for one after its folder was listed is caught all the same.
    """
    nonblocking = getattr(os, "O_NONBLOCK", 0)  # not on Windows, which has no named pipes
    fd = os.open(path, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
    try:
        kind = file_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise NotRegularFile(f"is {kind}, not a regular file")
        if nonblocking:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: Path) -> bytes:
    with open_regular(path) as handle:
        return handle.read()


def file_name(path: Path, warnings: list[Problem]) -> str:
    """``path``'s name to keep with its document, as text.

    A name with bytes that are not UTF-8 (possible on Linux) is kept with
    those bytes shown as ``\\xff``, and a warning says so.
    """
    shown = shown_path(path.name)
    if shown != path.name:
        warnings.append(Problem(path, None, f"its name is not UTF-8; kept as {shown!r}"))
    return shown


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, links followed, is ``folder`` or lies within it."""
    real, home = os.path.realpath(path), os.path.realpath(folder)
    return real == home or real.startswith(home.rstrip(os.sep) + os.sep)


def file_bytes(path: Path) -> bytes | Problem:
    """The bytes of a document file, or why there are none to read (cannot be read,
    or empty): what every reader of whole files asks first."""
    try:
        data = read_regular(path)
    except OSError as exc:
        return unreadable(path, exc)
    return data if data.strip() else Problem(path, None, "is empty")


def unreadable(path: Path, exc: OSError) -> Problem:
    """Why ``path`` could not be read, as a problem."""
    if isinstance(exc, NotRegularFile):
        return Problem(path, None, f"{exc}; not read")
    return Problem(path, None, f"cannot be read ({exc.strerror or exc})")


# A document on a line with bytes that are not UTF-8 is refused, not stored with
# U+FFFD in their place: a document's text never changes after import, and a
# replaced byte may have been part of a character, shifting every offset after
# it. The coder is told the file, the lines and how many bytes, fixes them and
# imports again (what was already imported is skipped as a duplicate); the rest
# of the file is imported meanwhile.
REFUSED_DAMAGE = ("refused rather than stored with U+FFFD in their place; fix those bytes and "
                  "import again")


def damage_problem(path: Path, damaged: tuple[Damage, ...], what: str = "has") -> Problem | None:
    """A problem naming the damaged lines of a document, if any."""
    if not damaged:
        return None
    return Problem(path, damaged[0].line, f"{what} {describe_damage(damaged)}; {REFUSED_DAMAGE}")


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A file's decoded text, how it was encoded, and its size in bytes."""

    text: str
    encoding: str
    size: int
    # The encoding was the charset detector's guess (the file is not UTF-8).
    guessed: bool = False
    # Lines of a UTF-8 file with bytes that are not UTF-8 (U+FFFD in ``text``).
    damaged: tuple[Damage, ...] = ()

    def encoding_warning(self, path: Path) -> tuple[Problem, ...]:
        if self.guessed:
            return (Problem(path, None, f"decoded as {self.encoding} (not UTF-8; {GUESSED})"),)
        if self.encoding in ("utf-8", "utf-8-sig", "ascii"):
            return ()
        return (Problem(path, None, f"decoded as {self.encoding} (not UTF-8)"),)

    def damage_problem(self, path: Path, first: int = 1, last: int | None = None,
                       ) -> Problem | None:
        """A problem if lines ``first`` to ``last`` (default: all) have bad bytes."""
        damaged = tuple(d for d in self.damaged
                        if first <= d.line and (last is None or d.line <= last))
        return damage_problem(path, damaged)


def load_text(path: Path) -> LoadedText | Problem:
    """A file's text, or a problem saying why it is not usable text."""
    try:
        data = read_regular(path)
    except OSError as exc:
        return unreadable(path, exc)
    if not data.strip():
        return Problem(path, None, "is empty")
    try:
        decoded = decode(data)
    except UndecodableText as exc:
        return Problem(path, None, str(exc))
    return LoadedText(decoded.text, decoded.encoding, len(data), decoded.guessed,
                      decoded.damaged)
