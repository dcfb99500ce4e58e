"""The hidden folder an export is written into before it is moved in.

It sits beside the output (a rename within one file system is all it takes
to move it in) and its name says whose it is::

    .OUT-NAME.annotator-export-PID-HOST-RANDOM

A process killed with SIGKILL (or a machine that lost power) cannot remove
its own; the next export into the same folder removes every staging folder
whose process is gone. Only those made on this machine are touched (the
folder may be shared), and one whose process still runs is left alone, so
two exports may run side by side.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import socket
import sys
from pathlib import Path

from annotator.formats.file_names import safe_stem

MARK = "annotator-export"
_NAME = re.compile(rf"^\..*\.{MARK}-(?P<pid>\d+)-(?P<host>[0-9a-f]{{6}})-[0-9a-f]+$", re.DOTALL)
_OUT_NAME_BYTES = 60  # the rest of the name takes about 40 more


def _host() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:6]


def name_for(out: Path, pid: int | None = None) -> str:
    pid = os.getpid() if pid is None else pid
    return (f".{safe_stem(out.name, _OUT_NAME_BYTES)}.{MARK}-{pid}-{_host()}-"
            f"{secrets.token_hex(4)}")


def create(out: Path) -> Path:
    """A new, empty staging folder beside ``out``."""
    folder = out.parent / name_for(out)
    folder.mkdir(mode=0o700)
    return folder


def owner(path: Path) -> int | None:
    """The process id a staging folder was made by on this machine, or None."""
    match = _NAME.match(path.name)
    if match is None or match["host"] != _host():
        return None
    return int(match["pid"])


def remove_stale(folder: Path) -> list[Path]:
    """Remove staging left in ``folder`` by processes that no longer run; those removed."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for entry in entries:
        pid = owner(entry)
        if pid is None or pid == os.getpid() or process_exists(pid):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def process_exists(pid: int) -> bool:
    """Whether a process ``pid`` runs on this machine (when unsure: yes)."""
    if sys.platform == "win32":
        return _windows_process_exists(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process is there
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but someone else's
    return True


def _windows_process_exists(pid: int) -> bool:
    # os.kill(pid, 0) on Windows would send Ctrl+C; ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active, invalid_parameter = 0x1000, 259, 87
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() != invalid_parameter
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
