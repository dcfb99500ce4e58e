"""The benchmark's long reports, measured in the window: open, tag, undo, remove, scroll.

Every long report is measured the same way, so the 10 MB report's figures can be
read beside the 1 MB one's: opening against a bare ``QPlainTextEdit.setPlainText``
of the same text (alternated runs, medians), and the time from a key press to the
edit committed and painted, against a 60 Hz frame.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts
from annotator.settings import Settings
from annotator.storage.corpus import Corpus
from annotator.storage.plain_baselines import longest_document_id

EDITS = 25  # tags, then as many undos; a removal for every other one
SCROLL_STEPS = 30


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def discard(widget: QWidget) -> None:
    """Close ``widget`` and free it now. A ``deleteLater`` is done by an event loop, and
    the benchmark runs none (``processEvents`` leaves such deletions waiting): every
    window it opened to time stayed in memory, some 20 MB each, and was counted in the
    memory of the one measured after them."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    settle()


def ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    settle()
    return (time.perf_counter() - start) * 1000


def open_window(path: Path) -> MainWindow:
    window = MainWindow(Corpus.open(path), "bench", Settings(), Prompts())
    window.resize(1360, 860)
    window.show()
    return window


def _free_words(text: str, count: int) -> list[tuple[int, int]]:
    """``count`` lower-case words spread through ``text`` (the synthetic reports tag
    capitalised phrases and numbers, so these are free to tag)."""
    found = [m.span() for m in re.finditer(r"(?<= )[a-z]{4,}(?= )", text)]
    return found[:: max(1, len(found) // count)][:count]


def _afterwards(seconds: float = 0.15) -> tuple[float, float]:
    """Work the event loop still does after an edit was measured (a view laying out its
    rows in batches, say): milliseconds in all, and the longest single turn."""
    work, longest = 0.0, 0.0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        turn = time.perf_counter()
        QApplication.processEvents()
        spent = time.perf_counter() - turn
        if spent > 0.0002:  # an idle turn is a few microseconds
            work += spent
        longest = max(longest, spent)
        time.sleep(0.0005)
    return work * 1000, longest * 1000


def _finish_reading(window: MainWindow) -> None:
    while not getattr(window.session.spans, "complete", True):  # (older code read all at once)
        QApplication.processEvents()
    settle()


def _until_loaded(window: MainWindow, doc_id: int, prefix: str) -> dict[str, float]:
    """Spans read while the coder reads: how long until all are, and the longest the
    window was held meanwhile (one turn of its event loop)."""
    start = time.perf_counter()
    window.session.show_document(doc_id)
    longest = 0.0
    while not getattr(window.session.spans, "complete", True):
        turn = time.perf_counter()
        QApplication.processEvents()
        longest = max(longest, time.perf_counter() - turn)
    settle()
    return {f"{prefix}_loaded_ms": (time.perf_counter() - start) * 1000,
            f"{prefix}_load_turn_max_ms": longest * 1000,
            f"{prefix}_spans": float(len(window.session.spans))}


def measure_report(path: Path, prefix: str, opens: int) -> dict[str, float]:
    """``prefix``_open_ratio and friends for the one long report in corpus ``path``."""
    window = open_window(path)
    settle()
    doc_id = longest_document_id(window.corpus)
    text = window.corpus.document(doc_id).text
    bare = QPlainTextEdit()
    bare.resize(760, 800)
    bare.show()
    # Alternated: the two share whatever the machine is doing at the time. Ours goes on
    # reading spans after it is shown (as the coder reads), and the runs share one event
    # loop: that reading ends before the bare widget's turn, so it is not counted there.
    bare_times, our_times = [], []
    for _ in range(opens):
        _finish_reading(window)
        bare_times.append(ms(lambda: bare.setPlainText(text)))
        our_times.append(ms(lambda: window.session.show_document(doc_id)))
    discard(bare)
    settle()
    baseline, ours = statistics.median(bare_times), statistics.median(our_times)
    figures = {f"{prefix}_open_ms": ours, f"{prefix}_baseline_ms": baseline,
               f"{prefix}_open_ratio": ours / baseline}
    figures.update(_until_loaded(window, doc_id, prefix))

    view = window.view
    window.activateWindow()  # the bare widget took the focus, and shortcuts go to the active
    settle()
    assert window.isActiveWindow()
    view.setFocus()
    tags, undos, removals, after = [], [], [], []
    stack = window.session.history
    for start, end in _free_words(text, EDITS):
        view.select_range(start, end)
        settle()
        tags.append(ms(lambda: QTest.keyClick(view, Qt.Key.Key_1)))
        after.append(_afterwards())
    tagged = len(stack)
    assert tagged == EDITS, f"{tagged} of {EDITS} tags were made"
    for _ in range(EDITS):
        undos.append(ms(lambda: QTest.keyClick(view, Qt.Key.Key_Z,
                                               Qt.KeyboardModifier.ControlModifier)))
        after.append(_afterwards())
    assert stack.index == 0, "every tag was undone"
    places = list(window.session.spans.places())  # type: ignore[attr-defined]
    for place in places[:: max(1, len(places) // (EDITS // 2))][:EDITS // 2]:
        window.session.select(place[3])
        settle()
        removals.append(ms(lambda: QTest.keyClick(view, Qt.Key.Key_Delete)))
    assert len(stack) == len(removals), "every removal was made"
    figures.update({f"{prefix}_tag_ms": statistics.median(tags),
                    f"{prefix}_tag_max_ms": max(tags),
                    f"{prefix}_undo_ms": statistics.median(undos),
                    f"{prefix}_undo_max_ms": max(undos),
                    f"{prefix}_remove_ms": statistics.median(removals),
                    f"{prefix}_after_ms": statistics.median(work for work, _turn in after),
                    f"{prefix}_after_turn_max_ms": max(turn for _work, turn in after)})

    bar = view.verticalScrollBar()
    scrolls = []
    for step in range(SCROLL_STEPS):
        value = bar.maximum() * step // SCROLL_STEPS
        scrolls.append(ms(lambda v=value: (bar.setValue(v), view.viewport().repaint())))
    figures[f"{prefix}_scroll_ms"] = statistics.median(scrolls)
    figures[f"{prefix}_scroll_max_ms"] = max(scrolls)
    discard(window)
    settle()
    return figures
