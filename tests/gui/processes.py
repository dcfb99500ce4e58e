"""Other programs on the same corpus, in processes of their own, driven line by line.

Each reports on stdout what it has done (``held``, ``released``, ``ok …``), and the
tests wait for those reports, never for a fixed time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import TracebackType

REPO = Path(__file__).resolve().parents[2]

# Another program that keeps a write transaction open on the corpus until told
# to let go: what a long command-line import or a second window in the middle
# of a write looks like to this one.
HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
print("released", flush=True)
sys.stdin.readline()
"""


class Process:
    """A Python child that answers each line on stdin with a line on stdout."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
        self.process = subprocess.Popen(
            [sys.executable, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def read(self) -> str:
        """The next line the process reports (blocking until it does)."""
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            self.process.wait()
            raise AssertionError(f"the process ended (exit {self.process.returncode}): "
                                 f"{self.process.stderr.read() if self.process.stderr else ''}")
        return line.strip()

    def expect(self, word: str) -> str:
        line = self.read()
        assert line.split(" ", 1)[0] == word, line
        return line

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.communicate(timeout=30)  # closing stdin lets it end
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.communicate()

    def __enter__(self) -> Process:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


class LockHolder(Process):
    """Holds ``BEGIN IMMEDIATE`` on the corpus from its start until ``release``."""

    def __init__(self, corpus: Path) -> None:
        super().__init__("-c", HOLDER, str(corpus))
        self.expect("held")
        self.held = True

    def release(self) -> None:
        if self.held:
            self.send("release")
            self.expect("released")
            self.held = False


class WindowProcess(Process):
    """A second annotator window in its own process (tests/gui/window_driver.py)."""

    def __init__(self, corpus: Path, coder: str) -> None:
        super().__init__(str(Path(__file__).with_name("window_driver.py")), str(corpus), coder)
        self.expect("ready")
