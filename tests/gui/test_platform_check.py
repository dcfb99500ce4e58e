"""Qt's X11 plugin and the system libraries it needs: said before Qt aborts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.gui.platform_check import (
    BASE_PACKAGES,
    PACKAGES,
    MissingLibrary,
    describe,
    missing_libraries,
    needed_libraries,
    qt_folder,
    xcb_in_use,
    xcb_missing,
    xcb_problem,
)
from tests.conftest import REPO

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="Qt's xcb plugin is a Linux thing")


def qt() -> Path:
    folder = qt_folder()
    if folder is None or not (folder / "plugins" / "platforms" / "libqxcb.so").is_file():
        pytest.skip("PySide6 here has no xcb plugin where its wheels keep it")
    return folder


def plugin() -> Path:
    return qt() / "plugins" / "platforms" / "libqxcb.so"


@linux_only
def test_the_plugin_names_the_libraries_that_minimal_systems_lack() -> None:
    needed = needed_libraries(plugin())
    assert needed is not None
    # The two a minimal Debian lacked, and the one the old README named.
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"} <= set(needed)
    assert "libQt6XcbQpa.so.6" in needed


def test_a_file_that_is_not_a_library_names_nothing(tmp_path: Path) -> None:
    text = tmp_path / "libqxcb.so"
    text.write_text("not a library")
    assert needed_libraries(text) is None
    assert needed_libraries(tmp_path / "absent.so") is None
    assert missing_libraries(text, tmp_path) == []


@linux_only
def test_with_every_library_present_nothing_is_said() -> None:
    assert missing_libraries(plugin(), qt() / "lib") == []
    assert xcb_missing() == []
    assert xcb_problem({}) is None


@linux_only
def test_a_library_the_plugin_needs_that_is_absent_is_named(tmp_path: Path) -> None:
    # The real plugin, but needing a library of a name no system has (same length,
    # so the file stays whole): as the plugin looks where libxcb-icccm4 is missing.
    data = plugin().read_bytes()
    assert data.count(b"libxcb-icccm.so.4\0") == 1
    fake = tmp_path / "libqxcb.so"
    fake.write_bytes(data.replace(b"libxcb-icccm.so.4\0", b"libxcb-iccXm.so.4\0"))
    [missing] = missing_libraries(fake, qt() / "lib")
    assert missing.soname == "libxcb-iccXm.so.4"
    assert missing.package is None
    assert "cannot open shared object file" in missing.reason


def test_the_message_names_each_library_its_package_and_the_install_command() -> None:
    message = describe([
        MissingLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "cannot open shared object file"),
        MissingLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "cannot open shared object"),
        MissingLibrary("libodd.so.2", None, "file too short"),
    ])
    assert "libxcb-icccm.so.4 (package libxcb-icccm4): cannot open shared object file" in message
    assert "libodd.so.2 (package not known): file too short" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in message
    assert "QT_QPA_PLATFORM=wayland" in message


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"QT_QPA_PLATFORM": "xcb:nograb"}, "linux", True),
    ({"QT_QPA_PLATFORM": ""}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),  # another may start
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"XDG_SESSION_TYPE": "wayland"}, "linux", False),
    ({"XDG_SESSION_TYPE": "x11"}, "linux", True),
    ({"QT_PLUGIN_PATH": "/opt/qt/plugins"}, "linux", False),  # the user's own Qt
    ({}, "darwin", False),
    ({}, "win32", False),
])
def test_the_check_applies_only_where_qt_starts_on_x11(environ: dict[str, str], platform: str,
                                                       expected: bool) -> None:
    assert xcb_in_use(environ, platform) is expected


@linux_only
def test_the_readme_names_every_package_the_plugin_needs() -> None:
    needed: set[str] = set()
    queue, seen = [plugin()], set()
    while queue:  # the plugin and the Qt libraries it brings, as the check walks them
        for name in needed_libraries(queue.pop()) or []:
            if name not in seen:
                seen.add(name)
                shipped = qt() / "lib" / name
                if shipped.is_file():
                    queue.append(shipped)
                else:
                    needed.add(name)
    assert needed - set(PACKAGES) == set(), "a library with no package in PACKAGES"
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = re.search(r"`sudo apt-get install ([^`]+)`", readme)
    assert command is not None
    named = set(command.group(1).split())
    packages = {PACKAGES[name] for name in needed if name in PACKAGES} - BASE_PACKAGES
    assert packages - named == set()
    assert named - set(PACKAGES.values()) == set()  # nothing named that is not needed


@linux_only
def test_starting_the_window_with_a_broken_library_says_so_instead_of_aborting(
        tmp_path: Path) -> None:
    qt()
    # A damaged libxcb-icccm.so.4 first in the loader's path: the loader cannot load
    # it, exactly as if it were missing, and Qt aborts (exit 134) on trying.
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-icccm.so.4").write_bytes(b"")
    env = {key: value for key, value in os.environ.items()
           if key not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE",
                          "QT_PLUGIN_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH")}
    env.update(LD_LIBRARY_PATH=str(broken), PYTHONPATH=str(REPO), ANNOTATOR_CODER="alice",
               DISPLAY=":99")
    done = subprocess.run([sys.executable, "-m", "annotator", "open"], capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert "libxcb-icccm.so.4 (package libxcb-icccm4)" in done.stderr
    assert "sudo apt-get install libxcb-icccm4" in done.stderr
    assert "qt.qpa.plugin" not in done.stderr  # Qt never tried
    # Nothing was made before it stopped: the default corpus waits for a real start.
    home = Path(os.environ["ANNOTATOR_HOME"])
    assert not (home / "data" / "corpus.sqlite").exists()


@linux_only
def test_without_the_check_qt_would_abort(tmp_path: Path) -> None:
    """What the check stands in front of: Qt itself, given the same broken library."""
    qt()
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libxcb-icccm.so.4").write_bytes(b"")
    env = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    env.update(LD_LIBRARY_PATH=str(broken), DISPLAY=":99")
    done = subprocess.run(
        [sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode in (-6, 134), done.stderr  # SIGABRT, a core dump
    # Qt's own words blame a library that is there.
    assert "libxcb-cursor0 is needed to load the Qt xcb platform plugin" in done.stderr
