"""Before Qt starts on X11: are the system libraries its xcb platform plugin needs there?

Qt's xcb plugin needs a dozen small X11 libraries that a minimal Debian or a
container lacks. Without one, Qt prints a misleading hint (it names only
libxcb-cursor0) and aborts the process with a core dump. This module reads
which libraries the plugin names (its ELF ``DT_NEEDED`` entries, and those of
the Qt libraries it brings), asks the system's loader for each, and says what
is missing and which Debian packages hold it, so the window can stop with a
message instead. It imports nothing of Qt, so it can run before Qt is loaded.
"""

from __future__ import annotations

import ctypes
import importlib.util
import mmap
import os
import struct
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# The Debian (and Ubuntu) package that holds each system library Qt's xcb plugin
# and the Qt libraries it loads need, as PySide6 6.11's ELF headers list them.
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    # On every Debian system already (required or essential packages).
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
    "libm.so.6": "libc6",
    "libc.so.6": "libc6",
    "libdl.so.2": "libc6",
    "libpthread.so.0": "libc6",
    "librt.so.1": "libc6",
    "ld-linux-x86-64.so.2": "libc6",
    "ld-linux-aarch64.so.1": "libc6",
}
# Packages every Debian system has; the README does not ask for them.
BASE_PACKAGES = frozenset({"zlib1g", "libzstd1", "libstdc++6", "libgcc-s1", "libc6"})

XCB = "Qt's X11 platform plugin (xcb)"
_DT_NEEDED = 1
_SHT_DYNAMIC = 6


@dataclass(frozen=True)
class MissingLibrary:
    soname: str
    package: str | None  # None: a library this table does not know
    reason: str  # the loader's own words


def xcb_in_use(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start on X11 through its xcb plugin, and nothing else.

    A Wayland desktop (or a list of platforms to try) may not need xcb at all,
    and a plugin path of the user's own is theirs: Qt is left to speak then.
    """
    if not platform.startswith("linux"):
        return False
    if environ.get("QT_QPA_PLATFORM_PLUGIN_PATH") or environ.get("QT_PLUGIN_PATH"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        names = [part.split(":")[0].strip() for part in chosen.split(";") if part.strip()]
        return names == ["xcb"]
    wayland = environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def qt_folder() -> Path | None:
    """PySide6's Qt folder (lib/, plugins/), found without importing PySide6."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    return folder if folder.is_dir() else None


def needed_libraries(path: Path) -> list[str] | None:
    """The libraries an ELF shared object names as needed, in its order; None if
    ``path`` cannot be read as one (then nothing can be said of it)."""
    try:
        with path.open("rb") as handle, \
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _needed(data)
    except (OSError, ValueError, struct.error, IndexError):
        return None


def _needed(data: mmap.mmap) -> list[str] | None:
    if data[:4] != b"\x7fELF":
        return None
    wide = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if wide:
        (table,) = struct.unpack_from(order + "Q", data, 0x28)
        size, count = struct.unpack_from(order + "HH", data, 0x3A)
        header, entry = order + "IIQQQQIIQQ", order + "qQ"
    else:
        (table,) = struct.unpack_from(order + "I", data, 0x20)
        size, count = struct.unpack_from(order + "HH", data, 0x2E)
        header, entry = order + "IIIIIIIIII", order + "iI"
    sections = [struct.unpack_from(header, data, table + i * size) for i in range(count)]
    # Fields: name, type, flags, address, offset, size, link, info, align, entry size.
    for section in sections:
        if section[1] != _SHT_DYNAMIC:
            continue
        strings = sections[section[6]][4]
        found = []
        step = struct.calcsize(entry)
        for at in range(section[4], section[4] + section[5], step):
            tag, value = struct.unpack_from(entry, data, at)
            if tag == 0:
                break
            if tag == _DT_NEEDED:
                start = strings + value
                found.append(data[start:data.find(b"\0", start)].decode("ascii", "replace"))
        return found
    return []


def missing_libraries(start: Path, qt_lib: Path) -> list[MissingLibrary]:
    """Every system library ``start`` needs, directly or through the Qt libraries in
    ``qt_lib`` it names, that the system's loader cannot load."""
    missing: list[MissingLibrary] = []
    seen: set[str] = set()
    queue = [start]
    while queue:
        names = needed_libraries(queue.pop()) or []
        for name in names:
            if name in seen:
                continue
            seen.add(name)
            if (qt_lib / name).is_file():
                queue.append(qt_lib / name)  # shipped with Qt: what it needs counts too
            elif (reason := unloadable(name)) is not None:
                missing.append(MissingLibrary(name, PACKAGES.get(name), reason))
    return missing


def unloadable(soname: str) -> str | None:
    """Why the system's loader cannot load ``soname``, or None if it can.

    Loading is the one true test (a file in the search path may be damaged, or
    need a library itself missing); Qt would load these libraries a moment later.
    """
    try:
        ctypes.CDLL(soname)
    except OSError as exc:
        return str(exc)
    return None


def describe(missing: Iterable[MissingLibrary], needs: str = XCB,
             wayland_hint: bool = True) -> str:
    """The message: what ``needs`` the libraries, each one missing and why, and the
    command that installs them."""
    missing = list(missing)
    lines = [f"{needs} needs system libraries that are missing or cannot be loaded:"]
    for library in missing:
        package = f"package {library.package}" if library.package else "package not known"
        lines.append(f"  {library.soname} ({package}): {library.reason}")
    packages = sorted({library.package for library in missing if library.package})
    if packages:
        lines.append("On Debian and Ubuntu, install them with:")
        lines.append(f"  sudo apt-get install {' '.join(packages)}")
    if wayland_hint:
        lines.append("On a Wayland desktop, QT_QPA_PLATFORM=wayland starts the window "
                     "without them.")
    return "\n".join(lines)


def xcb_problem(environ: Mapping[str, str] | None = None) -> str | None:
    """What stops Qt from starting on X11, said before Qt tries; None if nothing
    does or the check does not apply (another platform, Qt found elsewhere)."""
    if not xcb_in_use(os.environ if environ is None else environ):
        return None
    missing = xcb_missing()
    return describe(missing) if missing else None


def xcb_missing() -> list[MissingLibrary]:
    """The system libraries Qt's xcb plugin, and the Qt libraries it loads, need and
    the loader cannot load; none if Qt's files are not where PySide6 keeps them."""
    qt = qt_folder()
    if qt is None or not (plugin := qt / "plugins" / "platforms" / "libqxcb.so").is_file():
        return []
    return missing_libraries(plugin, qt / "lib")
