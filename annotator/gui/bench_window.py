"""The window's part of the benchmark, run in a process of its own.

``python -m annotator.gui.bench_window SMALL LARGE BIG`` prints one JSON
object: opening time on a small and a large corpus, memory with the large
one's list scrolled to the end, switching and tagging times, the list's search,
and the 1 MB document against a bare ``QPlainTextEdit``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.gui.app import application
from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts
from annotator.settings import Settings
from annotator.storage.corpus import Corpus


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    settle()
    return (time.perf_counter() - start) * 1000


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def open_window(path: Path) -> MainWindow:
    window = MainWindow(Corpus.open(path), "bench", Settings(), Prompts())
    window.resize(1360, 860)
    window.show()
    return window


def time_open(path: Path) -> float:
    holder: list[MainWindow] = []
    elapsed = ms(lambda: holder.append(open_window(path)))
    holder[0].close()
    holder[0].deleteLater()
    settle()
    return elapsed


def time_search(window: MainWindow, word: str = "checkpoint") -> dict[str, float]:
    """The list's search: how long the GUI thread is held when it is asked (the
    ranking runs elsewhere), and how long until the first page is listed."""
    held, listed = [], []
    for attempt in range(7):
        query = word if attempt % 2 == 0 else word[:-1]  # a change each time, as typed
        start = time.perf_counter()
        window.documents.reset(search=query)
        held.append((time.perf_counter() - start) * 1000)
        while window.documents.searching:
            QApplication.processEvents()
            time.sleep(0.0005)
        listed.append((time.perf_counter() - start) * 1000)
        assert window.documents.rowCount() > 0
    window.documents.reset(search="")
    return {"search_gui_held_ms": statistics.median(held),
            "search_listed_ms": statistics.median(listed)}


def main(small: Path, large: Path, big: Path) -> dict[str, float]:
    application()
    time_open(small)  # warm-up: Qt's first window pays for fonts and styles
    small_times, large_times = [], []
    for _ in range(3):
        small_times.append(time_open(small))
        large_times.append(time_open(large))
    figures = {"open_small_ms": statistics.median(small_times),
               "open_large_ms": statistics.median(large_times)}
    figures["open_ratio"] = figures["open_large_ms"] / figures["open_small_ms"]

    window = open_window(large)
    settle()
    model = window.documents
    while model.canFetchMore():
        model.fetchMore()
    window.document_pane.table.scrollToBottom()
    settle()
    figures["rss_mb"] = rss_mb()
    figures["list_rows"] = model.rowCount()

    typical = [row[0] for row in window.corpus.db.execute(
        "SELECT id FROM documents WHERE uid LIKE 'typical-%' ORDER BY id")]
    switches = [ms(lambda d=doc_id: window.show_document(d)) for doc_id in typical]
    figures["switch_ms"] = statistics.median(switches)

    tags = []
    window.show_document(typical[0])
    settle()
    text = window.view.text
    words = [i for i in range(1, len(text) - 8) if text[i - 1] == " " and text[i].islower()]
    for start in words[:: max(1, len(words) // 25)][:25]:
        end = text.index(" ", start)
        window.view.select_range(start, end)
        tags.append(ms(lambda: QTest.keyClick(window.view, Qt.Key.Key_1)))
    figures["tag_ms"] = statistics.median(tags)
    figures.update(time_search(window))
    window.close()

    big_window = open_window(big)
    settle()
    [big_id] = [row[0] for row in big_window.corpus.db.execute(
        "SELECT id FROM documents ORDER BY length(text) DESC LIMIT 1")]
    big_text = big_window.corpus.document(big_id).text
    bare = QPlainTextEdit()
    bare.resize(760, 800)
    bare.show()
    # Alternated, seven times each: the two share whatever the machine is doing.
    bare_times, our_times = [], []
    for _ in range(7):
        bare_times.append(ms(lambda: bare.setPlainText(big_text)))
        our_times.append(ms(lambda: big_window.show_document(big_id)))
    baseline, ours = statistics.median(bare_times), statistics.median(our_times)
    figures["big_open_ms"] = ours
    figures["big_baseline_ms"] = baseline
    figures["big_open_ratio"] = ours / baseline
    bar = big_window.view.verticalScrollBar()
    scrolls = []
    for step in range(30):
        value = bar.maximum() * step // 30
        scrolls.append(ms(lambda v=value: (bar.setValue(v), big_window.view.viewport().repaint())))
    figures["big_scroll_ms"] = statistics.median(scrolls)
    figures["big_scroll_max_ms"] = max(scrolls)
    big_window.close()
    return figures


def cli() -> None:
    print(json.dumps(main(*(Path(arg) for arg in sys.argv[1:4]))))


if __name__ == "__main__":
    cli()
