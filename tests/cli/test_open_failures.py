"""When the window's code cannot be loaded, `annotator open` says why, and the right fix."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO


def run_annotator(script: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PYTHONPATH": str(REPO), "ANNOTATOR_CODER": "alice", **env}
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=environ, cwd=REPO, timeout=120, check=False)


OPEN = "from annotator.cli import main\nimport sys\nsys.argv = ['annotator', 'open']\nmain()\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries are Linux's")
def test_a_system_library_qt_itself_needs_is_named_with_its_package(tmp_path: Path) -> None:
    from annotator.gui.platform_check import qt_folder

    if qt_folder() is None:
        pytest.skip("PySide6 is not where its wheels keep it")
    # A damaged libEGL.so.1 first in the loader's path: Qt's own libraries cannot load.
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libEGL.so.1").write_bytes(b"")
    done = run_annotator(OPEN, LD_LIBRARY_PATH=str(broken), QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 2, done.stderr
    assert "the window cannot start: Qt needs system libraries" in done.stderr
    assert "libEGL.so.1 (package libegl1)" in done.stderr
    assert "sudo apt-get install libegl1" in done.stderr
    assert "Install PySide6" not in done.stderr  # PySide6 is installed; reinstalling won't help
    assert "Traceback" not in done.stderr


def test_a_part_of_the_window_that_fails_to_load_is_not_blamed_on_pyside6() -> None:
    # As a half-updated install leaves it: the window's own module will not import.
    script = textwrap.dedent("""
        import importlib.abc, sys
        class Broken(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == "annotator.gui.main_window":
                    raise ImportError("cannot import name 'MainWindow' (damaged install)")
        sys.meta_path.insert(0, Broken())
    """) + OPEN
    done = run_annotator(script, QT_QPA_PLATFORM="offscreen")
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == ("annotator: the window cannot start: cannot import name "
                                   "'MainWindow' (damaged install)")
