"""A second annotator window in a process of its own, driven by lines on stdin.

    python tests/gui/window_driver.py CORPUS CODER

prints ``ready`` once the window is up, then answers each command with one line:

    tag-words DOC FIRST COUNT KEY   select words FIRST.. of document DOC one by one and
                                    press KEY on each, as a coder does; prints
                                    ``started``, then ``done STORED REFUSED [message]``
    quit                            closes the window

Nothing here waits for a fixed time: each command runs to its end and says so.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts
from annotator.settings import Settings
from annotator.storage.corpus import Corpus


class QuietPrompts(Prompts):
    """No dialogs in a process nobody looks at: what would be shown goes to stderr."""

    def error(self, title: str, message: str) -> None:
        print(f"error: {title}: {message}", file=sys.stderr, flush=True)

    def info(self, title: str, message: str, details: str = "") -> None:
        print(f"info: {title}: {message}", file=sys.stderr, flush=True)

    def show_result(self, title: str, message: str) -> None:
        print(f"result: {title}: {message}", file=sys.stderr, flush=True)


def words(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


def tag_words(window: MainWindow, doc_id: int, first: int, count: int, key: str) -> str:
    window.session.show_document(doc_id)
    stored, refused, message = 0, 0, ""
    for start, end in words(window.view.text)[first:first + count]:
        before = window.session.history.index
        window.view.select_range(start, end)
        QTest.keyClicks(window.view, key)
        if window.session.history.index == before + 1:
            stored += 1
        else:
            refused += 1
            message = message or window.statusBar().currentMessage() or window.notice.text()
    return f"done {stored} {refused} {message}".rstrip()


def main() -> int:
    corpus_path, coder = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    window = MainWindow(Corpus.open(corpus_path, create=False), coder, Settings(),
                        QuietPrompts())
    window.show()
    window.activateWindow()  # label keys are window shortcuts: this window must be active
    deadline = time.monotonic() + 10
    while not window.isActiveWindow() and time.monotonic() < deadline:
        app.processEvents()
    print("ready", flush=True)
    for line in sys.stdin:
        command, *args = line.split()
        if command == "tag-words":
            print("started", flush=True)
            doc_id, first, count = (int(a) for a in args[:3])
            print(tag_words(window, doc_id, first, count, args[3]), flush=True)
        elif command == "quit":
            break
        app.processEvents()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
