"""Never break SQLite's locks, never write over a corpus.

SQLite on Linux and macOS keeps POSIX advisory locks, and closing *any*
descriptor of a file drops every lock the process holds on it. A plain
``open()``/``close()`` of a corpus (a header check, a hash, a copy, an import that
is given the corpus itself as input) in a process that holds a connection to it
silently drops that connection's locks: the next process to close thinks it is
alone, removes the WAL, and edits shown as saved are gone.

So every corpus file this process has open is *held* here, and an audit hook
(``sys.addaudithook``) refuses any plain open, rename, removal or truncation of a
held file or of its ``-wal``, ``-shm`` and ``-journal``, whichever code asks. The
refusal is a ``CorpusFileInUse`` (a ``PermissionError``) naming the file.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.storage.errors import CorpusError, CorpusFileInUse
from annotator.storage.pg.address import ServerAddress, is_server_address

COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")

_lock = threading.Lock()
_held_names: Counter[str] = Counter()  # real paths of held corpora and their companions
_held_inodes: Counter[tuple[int, int]] = Counter()
_held_bases: Counter[str] = Counter()  # file names of held corpora: a cheap first test
_hook_installed = False


def companions(path: Path) -> list[Path]:
    """The corpus file and the files SQLite keeps beside it."""
    real = Path(os.path.realpath(path))
    return [real.with_name(real.name + suffix) for suffix in COMPANION_SUFFIXES]


class Hold:
    """One connection's claim on a corpus file; ``release`` when it closes."""

    def __init__(self, path: Path) -> None:
        self.names = [str(p) for p in companions(path)]
        self.base = Path(self.names[0]).name
        try:
            stat = os.stat(self.names[0])
            self.inode: tuple[int, int] | None = (stat.st_dev, stat.st_ino)
        except OSError:
            self.inode = None
        self._released = False
        _install_hook()
        with _lock:
            _held_names.update(self.names)
            _held_bases[self.base] += 1
            if self.inode is not None:
                _held_inodes[self.inode] += 1

    def release(self) -> None:
        with _lock:
            if self._released:
                return
            self._released = True
            _held_names.subtract(self.names)
            _held_bases[self.base] -= 1
            if self.inode is not None:
                _held_inodes[self.inode] -= 1
            for counter in (_held_names, _held_bases, _held_inodes):
                for key in [k for k, n in counter.items() if n <= 0]:
                    del counter[key]


def held_file(path: Any, dir_fd: Any = None) -> str | None:
    """The real path of ``path`` when it is a held corpus file or a companion."""
    if not _held_bases or isinstance(path, int):
        return None
    try:
        name = os.fsdecode(path)
    except TypeError:
        return None
    # -1 and AT_FDCWD (-100) are how the audit events say "no folder descriptor".
    if isinstance(dir_fd, int) and dir_fd >= 0 and not os.path.isabs(name):
        try:
            name = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), name)
        except OSError:
            return None
    base = os.path.basename(name)
    by_name = any(base.startswith(held) for held in list(_held_bases))
    real = os.path.realpath(name) if by_name or os.path.islink(name) else None
    if real is not None and real in _held_names:
        return real
    if _held_inodes:
        try:
            stat = os.stat(name)
        except (OSError, ValueError):
            return None
        if (stat.st_dev, stat.st_ino) in _held_inodes:
            return real or name
        if stat.st_nlink > 1:  # perhaps another name of a held -wal or -shm
            for held_name in list(_held_names):
                try:
                    other = os.stat(held_name)
                except OSError:
                    continue
                if (other.st_dev, other.st_ino) == (stat.st_dev, stat.st_ino):
                    return held_name
    return None


def held(path: Path) -> bool:
    """Whether this process holds the corpus at ``path`` open."""
    with _lock:
        return str(companions(path)[0]) in _held_names


def _refuse(path: str, what: str) -> None:
    raise CorpusFileInUse(
        13, f"{path} is a corpus file open in annotator; {what} it as a plain file would "
            "break SQLite's locks (choose another file)", path)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _held_bases:
        return
    if event == "open":
        found = held_file(args[0])
        if found:
            _refuse(found, "opening")
    elif event == "os.rename":
        for path, fd in ((args[0], args[2]), (args[1], args[3])):
            found = held_file(path, fd)
            if found:
                _refuse(found, "renaming or replacing")
    elif event in ("os.remove", "os.truncate"):
        found = held_file(args[0], args[1] if len(args) > 1 and event == "os.remove" else None)
        if found:
            _refuse(found, "removing or truncating")
    elif event == "shutil.rmtree":
        tree = os.path.realpath(os.fsdecode(args[0])) + os.sep
        for name in list(_held_names):
            if name.startswith(tree):
                _refuse(name, "removing a folder holding")


def _install_hook() -> None:
    global _hook_installed
    with _lock:
        if not _hook_installed:
            sys.addaudithook(_audit)
            _hook_installed = True


def check_output(target: Path, corpus: Path | ServerAddress | None, inputs: Iterable[Path] = (), *,
                 database_ok: bool = False) -> None:
    """Refuse, before anything is written, an output that is the corpus, one of the
    files SQLite keeps beside it, one of the command's inputs, a device or other
    special file, another SQLite database (unless ``database_ok``: a backup may
    replace an earlier copy), or the -wal, -shm or -journal of a database beside it.

    (A folder output that merely holds the corpus is allowed: exports put their own
    files into it, and the audit hook above stops any that would land on the corpus.)
    """
    check_not_protected(target, corpus, inputs)
    _check_not_someone_elses(target, Path(os.path.realpath(target)), database_ok=database_ok)


def check_not_protected(target: Path, corpus: Path | ServerAddress | None,
                        inputs: Iterable[Path] = ()) -> None:
    """Refuse ``target`` when it is the corpus, a file SQLite keeps beside it (or a
    folder named like one), or one of ``inputs``."""
    target_real = Path(os.path.realpath(target))
    protected: list[tuple[Path, str]] = []
    if corpus is not None and not is_server_address(corpus):  # a server's is no file
        own = companions(corpus)
        protected += [(own[0], "the corpus itself")]
        protected += [(p, f"the corpus's {p.name[len(own[0].name) + 1:]} file") for p in own[1:]]
    protected += [(Path(os.path.realpath(p)), "one of the inputs") for p in inputs]
    for path, what in protected:
        if target_real == path or _same_file(target_real, path):
            raise CorpusError(f"{target}: is {what}; writing there would destroy it. "
                              "Choose another file")
        if path in target_real.parents:
            raise CorpusError(f"{target}: is inside a folder named as {what} ({path}); "
                              "SQLite needs that name. Choose another place")


def _check_not_someone_elses(target: Path, real: Path, *, database_ok: bool) -> None:
    try:
        os.stat(real)
    except FileNotFoundError:
        pass
    except OSError as exc:  # a name too long, a folder that is a file: said by name
        raise CorpusError(f"{target}: cannot be written there ({exc.strerror or exc})") from exc
    if real.exists() and not real.is_file() and not real.is_dir():
        raise CorpusError(f"{target}: is a device or other special file, not a file to write; "
                          "choose a file name")
    for suffix in COMPANION_SUFFIXES[1:]:
        if real.name.endswith(suffix):
            base = real.with_name(real.name[: -len(suffix)])
            if base.is_file() and _is_sqlite(base):
                raise CorpusError(f"{target}: is the {suffix[1:]} file of the database "
                                  f"{base.name} beside it; writing there would destroy its "
                                  "latest edits. Choose another name")
    if not database_ok and real.is_file() and _is_sqlite(real):
        raise CorpusError(f"{target}: is an SQLite database (a corpus?); an export or report "
                          "never writes over one. Choose another name")


def _is_sqlite(path: Path) -> bool:
    """Whether ``path`` starts as an SQLite database does. Never called on a file this
    process holds (those are refused before, by name and by the audit hook)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\0"
    except OSError:
        return False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
