"""Real places that cannot be written, or that fill up: what chmod cannot give root.

Root writes through any file mode, so a read-only corpus needs a read-only
file system: a small tmpfs, remounted read-only. Without root, modes do the job.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    if shutil.which("mount") is None:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _unmount(folder: Path) -> None:
    if subprocess.run(["umount", str(folder)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)  # still busy


class ReadOnlyPlace:
    """A folder whose files can be written now and made unwritable with ``seal``."""

    def __init__(self, folder: Path, mounted: bool) -> None:
        self.folder = folder
        self.mounted = mounted

    def seal(self) -> None:
        if self.mounted:
            assert _mount("-o", "remount,ro", str(self.folder)), "remount read-only failed"
            return
        for path in self.folder.iterdir():
            path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        self.folder.chmod(stat.S_IRUSR | stat.S_IXUSR)

    def unseal(self) -> None:
        if self.mounted:
            _mount("-o", "remount,rw", str(self.folder))
            return
        self.folder.chmod(stat.S_IRWXU)
        for path in self.folder.iterdir():
            path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[ReadOnlyPlace]:
    """``folder`` as a tmpfs of ``size``, which ``seal`` makes read-only (root only;
    the test is skipped otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                                       str(folder)):
        pytest.skip("needs root and mount for a real small disk")
    try:
        yield ReadOnlyPlace(folder, mounted=True)
    finally:
        _unmount(folder)


@contextmanager
def read_only_place(folder: Path) -> Iterator[ReadOnlyPlace]:
    """A tmpfs remounted read-only when running as root, else file modes; skipped
    when neither can stop writes (root without mount)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        if not _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)):
            pytest.skip("as root, only a read-only mount stops writes, and mount failed")
        place = ReadOnlyPlace(folder, mounted=True)
        try:
            yield place
        finally:
            _unmount(folder)
        return
    place = ReadOnlyPlace(folder, mounted=False)
    try:
        yield place
    finally:
        place.unseal()
