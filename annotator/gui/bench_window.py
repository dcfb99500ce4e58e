"""The window's part of the benchmark, run in a process of its own.

``python -m annotator.gui.bench_window SMALL LARGE BIG [HUGE]`` prints one JSON
object: opening time on a small and a large corpus, memory with the large
one's list scrolled to the end, the list (first page, end, filters, ranked search),
switching and tagging times, the list's search, and the long reports (1 MB, and
10 MB if given; ``bench_reports``).

``--list LARGE`` measures the list alone (``list_*``, ``filter_*``,
``ranked_search_ms``, ``rss_mb``).
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
from PySide6.QtWidgets import QApplication

from annotator.core.search import DocumentFilter
from annotator.gui.app import application
from annotator.gui.bench_reports import discard, measure_report, ms, settle
from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from annotator.storage.plain_baselines import typical_document_ids


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
    discard(holder[0])
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


# A word in every document of the benchmark's articles.
EVERYWHERE = "checkpoint"
# A label and a coder no document has: the filters that once read every document.
NOWHERE = "nowhere-in-this-corpus"


def listed(window: MainWindow, *, refined: bool = False) -> None:
    """Until the list's page has come (searches and filters are read off the GUI
    thread) and been painted; ``refined``: a search's first page for every word its
    last word begins, which follows the page for the word as typed."""
    while window.documents.searching or (refined and window.documents.refining):
        QApplication.processEvents()
        time.sleep(0.0005)
    settle()


def time_list(window: MainWindow, repeats: int = 5) -> dict[str, float]:
    """The list, each figure from asking to painted (median of ``repeats``).

    list_first_page_ms: the plain list read again from the top; list_end_ms: its
    scroll bar dragged to the end; filter_*_ms: a filter's first page, the slower of a
    value every document has and one none has (a status, a label, a coder);
    ranked_search_ms: the first page of a search for a word in every document, as
    typed (the word whole); ranked_refined_ms: until it is listed again for every word
    it begins (a prefix, as the search box reads a last word).
    """
    model, table = window.documents, window.document_pane.table

    def first_page() -> None:
        model.reset()
        table.scrollToTop()
        settle()

    def end() -> None:
        table.scrollToBottom()
        settle()

    def median(action: Callable[[], object], before: Callable[[], object] | None = None
               ) -> float:
        times = []
        for _ in range(repeats):
            if before is not None:
                before()
            times.append(ms(action))
        return statistics.median(times)

    figures = {"list_first_page_ms": median(first_page),
               "list_end_ms": median(end, before=first_page)}
    labels = [label.name for label in window.corpus.labels()]
    choices = {
        "filter_status_ms": (DocumentFilter(status="todo"), DocumentFilter(status="done")),
        "filter_label_ms": (DocumentFilter(with_label=labels[0] if labels else NOWHERE),
                            DocumentFilter(with_label=NOWHERE)),
        "filter_coder_ms": (DocumentFilter(coder=window.session.coder),
                            DocumentFilter(coder=NOWHERE)),
    }
    for key, filters in choices.items():
        figures[key] = max(median(lambda f=f: (model.reset(filters=f), listed(window)),
                                  before=lambda: model.reset(filters=DocumentFilter()))
                           for f in filters)
        model.reset(filters=DocumentFilter())
    figures["ranked_search_ms"] = median(
        lambda: (model.reset(search=EVERYWHERE), listed(window)),
        before=lambda: model.reset(search=""))
    figures["ranked_refined_ms"] = median(
        lambda: (model.reset(search=EVERYWHERE), listed(window, refined=True)),
        before=lambda: model.reset(search=""))
    assert model.rowCount() > 0, f"no document has {EVERYWHERE!r}"
    model.reset(search="")
    figures["list_rows"] = model.rowCount()
    end()
    figures["rss_mb"] = rss_mb()  # the list scrolled to the end
    return figures


def time_tags(window: MainWindow, doc_id: int, count: int = 25) -> float:
    """Median milliseconds from a label key to the span stored and painted, over
    ``count`` words of document ``doc_id``; taken back afterwards (not timed), so a kept
    corpus is tagged afresh at the next run rather than answering "Already tagged"."""
    session = window.session
    session.show_document(doc_id)
    settle()
    text = window.view.text
    label = session.labels[0].name  # the label key 1 tags with
    words = [(i, text.index(" ", i)) for i in range(1, len(text) - 8)
             if text[i - 1] == " " and text[i].islower()]
    # As a selection snaps to whole words: the range a key would tag, not yet tagged.
    fresh = [(start, end) for start, end in words[:: max(1, len(words) // count)]
             if session.corpus.find_span(doc_id, *window.view.snapped(start, end), label,
                                         session.coder) is None]
    tags, done = [], session.history.index
    for start, end in fresh[:count]:
        window.view.select_range(start, end)
        tags.append(ms(lambda: QTest.keyClick(window.view, Qt.Key.Key_1)))
    assert session.history.index - done == len(tags), (session.history.index, done, len(tags))
    for _ in tags:
        session.undo()
    settle()
    return statistics.median(tags)


def measure_list(large: Path) -> dict[str, float]:
    application()
    window = open_window(large)
    settle()
    figures = time_list(window)
    discard(window)
    return figures


def main(small: Path, large: Path, big: Path, huge: Path | None = None) -> dict[str, float]:
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
    figures.update(time_list(window))

    typical = typical_document_ids(window.corpus)
    switches = [ms(lambda d=doc_id: window.session.show_document(d)) for doc_id in typical]
    figures["switch_ms"] = statistics.median(switches)

    figures["tag_ms"] = time_tags(window, typical[0])
    figures.update(time_search(window))
    discard(window)
    figures.update(measure_reports(big, huge))
    return figures


def measure_reports(big: Path, huge: Path | None) -> dict[str, float]:
    """The 1 MB report's figures (keys ``big_*``) and the 10 MB one's (``huge_*``)."""
    application()
    figures = measure_report(big, "big", opens=7)
    if huge is not None:
        # Fewer runs: a bare widget alone takes about a second over 10 MB.
        figures.update(measure_report(huge, "huge", opens=3))
    return figures


def cli() -> None:
    """``SMALL LARGE BIG [HUGE]``, ``--reports BIG [HUGE]`` for the long reports only, or
    ``--list LARGE`` for the list only."""
    args = sys.argv[1:]
    if args and args[0] == "--list":
        figures = measure_list(Path(args[1]))
    elif args and args[0] == "--reports":
        paths = [Path(arg) for arg in args[1:3]]
        figures = measure_reports(paths[0], paths[1] if len(paths) > 1 else None)
    else:
        paths = [Path(arg) for arg in args[:4]]
        figures = main(*paths)
    print(json.dumps(figures))


if __name__ == "__main__":
    cli()
