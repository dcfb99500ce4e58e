"""The map's places are read off the GUI thread: a slow read never holds the window,
and only the newest question's answer is shown."""

from __future__ import annotations

import threading
from pathlib import Path

from annotator.core.places import PlaceSet
from annotator.gui.places_runner import PlacesRunner
from annotator.storage.corpus import Corpus


def test_only_the_newest_answer_comes_and_the_gui_thread_never_waits(
        qtbot, sample_corpus: Path) -> None:
    runner = PlacesRunner(sample_corpus)
    answers: list[tuple[int, PlaceSet]] = []
    runner.ready.connect(lambda ticket, found: answers.append((ticket, found)))
    released = threading.Event()
    started = threading.Event()
    threads: list[threading.Thread] = []

    def slow(corpus: Corpus) -> PlaceSet:
        threads.append(threading.current_thread())
        started.set()
        released.wait(30)  # held until the test lets it go, as a read of 120,000 places
        return PlaceSet((), 1)

    def quick(corpus: Corpus) -> PlaceSet:
        return PlaceSet((), 2)

    runner.ask(1, slow)
    assert started.wait(30)
    # The GUI thread is free while the slow read goes on: it asks again at once.
    runner.ask(2, quick)
    released.set()
    qtbot.waitUntil(lambda: answers != [], timeout=10_000)
    runner.stop()
    assert [ticket for ticket, _found in answers] == [2]
    assert answers[0][1].total == 2
    assert threads and threads[0] is not threading.main_thread()


def test_a_corpus_that_cannot_be_read_is_said(qtbot, tmp_path: Path) -> None:
    runner = PlacesRunner(tmp_path / "gone.sqlite")
    said: list[str] = []
    runner.failed.connect(lambda _ticket, error: said.append(error))
    runner.ask(1, lambda corpus: PlaceSet((), 0))
    qtbot.waitUntil(lambda: said != [], timeout=10_000)
    runner.wait()
    assert "gone.sqlite" in said[0]
