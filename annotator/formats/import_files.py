"""Which files an import reads: the paths walked, and what each file found is (a
format's file, a companion of one, a file of annotator's own, one not wanted), with
what was passed over and why."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.formats import document_sniff, news_sniff
from annotator.formats.base import Problem, file_kind, inside, shown_path
from annotator.formats.exporting import MANIFEST as EXPORT_MANIFEST
from annotator.formats.file_names import ID_MAP_NAME
from annotator.formats.registry import READERS, SUFFIXES, format_for
from annotator.formats.xmi_types import TYPE_SYSTEM_NAMES


@dataclass
class Collected:
    """What a walk of the paths given found: the files to read, and the rest named."""

    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # rejected: named but unreadable
    unsafe: list[Problem] = field(default_factory=list)  # left out for safety: warnings
    passed_over: list[Problem] = field(default_factory=list)  # not read, and why


def collect_files(paths: Iterable[Path], fmt: str) -> Collected:
    """The files to read under ``paths``, folders walked, and what is left out.

    Inside folders, hidden files and folders and files of a type no importer
    reads are passed over, each named with the reason; a file named on its
    own whose type cannot be told is a problem, and so is anything named that
    is not a regular file (a named pipe would make the import wait forever).
    What a folder walk leaves out for safety is a warning: named pipes,
    devices and sockets, and links leading out of the folder given (a shared
    folder must not pull ``/etc/passwd`` into a corpus). Links to folders are
    never walked, so a loop cannot trap the walk; their files are read where
    they really are, if inside. A link named on the command line is
    followed: the user chose it.
    """
    found = Collected()
    seen: dict[str, Path] = {}

    def add(path: Path) -> None:
        real = os.path.realpath(path)
        if real not in seen:  # one file reached twice (through a link) is read once
            seen[real] = path
            found.files.append(path)
        elif seen[real] != path:
            found.passed_over.append(Problem(path, None, f"the same file as "
                                                         f"{shown_path(seen[real])}, read once"))

    for path in paths:
        path = Path(path)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            reason = "does not exist" if isinstance(exc, FileNotFoundError) else \
                f"cannot be read ({exc.strerror or exc})"
            found.problems.append(Problem(path, None, reason))
            continue
        if stat.S_ISDIR(mode):
            _walk(path, fmt, add, found)
        elif (kind := file_kind(mode)) is not None:
            found.problems.append(Problem(path, None, f"is {kind}, not a regular file; not read"))
        elif format_for(path, fmt) is None:
            found.problems.append(
                Problem(path, None, f"format cannot be told from {path.suffix or 'no suffix'!r}; "
                                    f"choose one with --format ({', '.join(READERS)})")
            )
        elif _brat_text(path, fmt):
            add(path.with_suffix(".ann"))  # a brat text is read through its .ann
        else:
            add(path)
    return found


def _walk(root: Path, fmt: str, add: Callable[[Path], None], found: Collected) -> None:
    """Add the files to read under the folder ``root``, depth first, in name order."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            found.problems.append(Problem(folder, None,
                                          f"cannot be read ({exc.strerror or exc})"))
            continue
        suffixes = {Path(entry.name).suffix.lower() for entry in entries}
        subfolders = []
        for entry in entries:
            child = Path(entry.path)
            if entry.name == EXPORT_MANIFEST and entry.is_file(follow_symlinks=False):
                continue  # an export's own record of what it wrote
            if entry.name.startswith("."):
                hidden = "a hidden folder, not looked into" \
                    if entry.is_dir(follow_symlinks=False) else "a hidden file"
                found.passed_over.append(Problem(child, None, hidden))
                continue
            if entry.is_symlink():
                reason = _link_refused(child, root)
                if reason:
                    found.unsafe.append(Problem(child, None, f"skipped: {reason}"))
                    continue
                if os.path.isdir(child):
                    continue  # a folder inside root: walked where it really is
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append(child)
                continue
            try:
                kind = file_kind(child.stat().st_mode)
            except OSError as exc:
                found.problems.append(Problem(child, None,
                                              f"cannot be read ({exc.strerror or exc})"))
                continue
            if kind is not None:
                found.unsafe.append(Problem(child, None, f"skipped: {kind}, not a regular file"))
                continue
            if _companion(child, suffixes):
                continue  # read with the documents beside it
            if (why := _not_wanted(child, fmt, suffixes)) is not None:
                found.passed_over.append(Problem(child, None, why))
                continue
            if _brat_text(child, fmt):
                continue  # read through its .ann
            companion = child.with_suffix(".txt")
            if child.suffix.lower() == ".ann" and companion.is_symlink() and \
                    (reason := _link_refused(companion, root)):
                found.unsafe.append(Problem(child, None, f"skipped: its text {companion.name} "
                                                         f"is {reason}"))
                continue
            add(child)
        stack.extend(reversed(subfolders))


def _link_refused(link: Path, root: Path) -> str | None:
    """Why a link met in a folder walk is not followed, or None if it may be."""
    if not link.exists():
        return "a broken link"
    if not inside(link, root):
        return (f"a link leading out of {shown_path(root)} "
                f"(to {shown_path(os.path.realpath(link))}); not followed")
    return None


def _not_wanted(path: Path, fmt: str, suffixes: set[str]) -> str | None:
    """Why a folder walk does not read ``path``, or None if it does: in auto mode it
    reads the kinds of file its importers read; with brat, the .ann and .txt files.
    ``suffixes`` are those of the files beside it."""
    suffix = path.suffix.lower()
    if fmt == "auto" and suffix not in SUFFIXES:
        if _told_by_content(path):
            return None  # a Factiva XML export, a PDF or a message saved without a suffix
        if suffix == ".conf" and ".ann" in suffixes:
            return "brat's configuration, not a document; labels are read from the .ann files"
        return (f"not a type of file import reads ({suffix!r})" if suffix else
                "no suffix to tell its type by")
    if fmt == "brat" and suffix not in (".ann", ".txt"):
        return "not a brat document (.ann and .txt files are read)"
    return None


def _told_by_content(path: Path) -> bool:
    """Whether a file of a suffix no importer names, met in a folder, is a news export
    or a document by its first bytes. Only kinds with a signature no other file has
    count (a PDF, an RTF, Word's, OpenDocument's and EPUB's zips), and a message only by
    the headers a mail server writes: a log, a YAML file or a Makefile has "Date:" and
    "Subject:" lines too, and a script may hold "<html>"."""
    if news_sniff.sniff(path) is not None:
        return True
    kind = document_sniff.sniff(path)
    if kind in ("pdf", "rtf", "docx", "odt", "epub"):
        return True
    return kind == "email" and document_sniff.has_mail_server_headers(path)


def _companion(path: Path, suffixes: set[str]) -> bool:
    """Whether ``path`` goes with the documents beside it and is no document itself:
    the document ids a brat export keeps beside its .ann files, the type system
    beside INCEpTION's .xmi files."""
    if path.name == ID_MAP_NAME:
        return ".ann" in suffixes
    return path.name in TYPE_SYSTEM_NAMES and ".xmi" in suffixes


def _brat_text(path: Path, fmt: str) -> bool:
    """A brat ``.txt``: the ``.ann`` beside it is what gets read."""
    return (fmt in ("auto", "brat") and path.suffix.lower() == ".txt"
            and path.with_suffix(".ann").exists())
