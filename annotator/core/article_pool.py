"""What an import learns of each article's text, on another core while it goes on:
its language (where the file does not say) and its near-duplicate fingerprint.

Reading a 3 KB article's language costs about half a millisecond of Python, its
fingerprint a quarter: done in line, they would double an import's time on a
machine whose other core idles. A pool of worker processes (not threads: the work
holds the interpreter's lock) takes each batch as it is read, and its results are
collected while the next batch is read. A JSON Lines file's batches are read there
too (``formats.line_workers``, through ``map``).

A small import stays in the calling process: starting a worker costs more than
reading a few hundred articles.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.connection import wait
from typing import Any, TypeVar

from annotator.core.language import detect
from annotator.core.near_duplicates import Fingerprint, fingerprint

T = TypeVar("T")
R = TypeVar("R")

# Articles a process reads at once: enough to make the trip worth it.
SHARE = 250
# Shares handed to each worker at once: one it reads, the next ones waiting, so that it
# never waits for the storing process to hand it more.
AHEAD = 3

# An article's text, and whether its language is to be read from it (the file did
# not say); and what was found: the language (None if not read or not told) and
# the fingerprint.
Article = tuple[str, bool]
Analysis = tuple[str | None, Fingerprint | None]  # None: the text could not be fingerprinted


def analyse(articles: Sequence[Article]) -> list[Analysis]:
    return [analysed(text, wanted) for text, wanted in articles]


def analysed(text: str, wanted: bool) -> Analysis:
    """One article's language and fingerprint; what cannot be read (memory running out
    on a huge text) is None, for the import to say, never an end to the import."""
    try:
        language = detect(text) if wanted else None
    except (MemoryError, RecursionError, ValueError):
        language = None
    try:
        return language, fingerprint(text)
    except (MemoryError, RecursionError, ValueError):
        return language, None


def end_with_parent() -> None:
    """In a worker process: end it when the process that started it ends. A process
    killed (by the user, out of memory) cannot stop its workers, and a spawned worker
    waiting for work would wait for ever, holding a few hundred MB.

    Ctrl-C at a terminal interrupts the whole process group: the worker leaves it to
    the process that started it, which stops the import (what it stored stays whole)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])  # ready when the parent process has ended
        os._exit(1)

    threading.Thread(target=watch, name="parent watch", daemon=True).start()


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT held back while a worker may be started (``submit`` starts one as it is
    needed): the worker begins with it held, so Ctrl-C at a terminal, which reaches the
    whole group, never stops it as Python starts up (that printed a fatal error), and
    once running it ignores it (``end_with_parent``). Held here, it comes after."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no such signal from a terminal
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _done(value: list[R]) -> Future[list[R]]:
    future: Future[list[R]] = Future()
    future.set_result(value)
    return future


class ArticlePool:
    """``submit(articles)`` gives a future of their analyses, in order.

    ``workers`` 0 fingerprints in the caller (at once); otherwise a pool of that many
    processes is started at the first batch large enough to be worth it. By default
    one core fewer than the machine has: the caller's own work takes one.

    Shares are handed to the workers a few at a time (``AHEAD`` a worker), the rest
    kept here: the caller, rather than wait for a batch, takes one of those back and
    does it itself (``take_back``). Cancelling a share handed over instead would
    leave it among the executor's, and a worker dying then stops the executor's own
    thread (Python 3.11 fails every share it holds, the cancelled one raising).
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = max((os.cpu_count() or 1) - 1, 1) if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None
        self._broken = False
        self._offered = 0  # items given to ``map`` so far
        self._unsent: deque[tuple[_Batch, int, Callable[[], Future[list[Any]]]]] = deque()
        self._handed = 0  # shares with the workers, not yet back
        self._lock = threading.Lock()

    def submit(self, articles: Sequence[Article]) -> Future[list[Analysis]]:
        return self.map(analyse, articles)

    def map(self, work: Callable[..., list[R]], items: Sequence[T], *args: Any
            ) -> Future[list[R]]:
        """A future of ``work(share, *args)`` over ``items`` cut in shares, the results
        joined in order. ``work`` and ``args`` must pickle (a module's function)."""
        # A few items are not worth starting the processes for; once as many as a share
        # have come (a folder of small files sends many small batches), they are started,
        # and every batch goes to them, so that this process only stores.
        self._offered += len(items)
        if self.workers == 0 or self._broken or (self._pool is None and self._offered < SHARE):
            return _done(work(items, *args))
        try:
            pool = self._started()
        except (OSError, RuntimeError, BrokenProcessPool):
            # No processes to be had (a sandbox, a limit): the work is done here instead.
            self._broken = True
            return _done(work(items, *args))
        starts = range(0, len(items), SHARE)
        batch = _Batch(len(starts), lambda index: work(items[index * SHARE:(index + 1) * SHARE],
                                                       *args))
        with self._lock:
            self._unsent.extend(
                (batch, index, functools.partial(pool.submit, work, list(items[at:at + SHARE]),
                                                 *args))
                for index, at in enumerate(starts))
        self._hand_over()
        return batch.future  # type: ignore[return-value]

    def take_back(self) -> bool:
        """Do here the newest share not yet handed to a worker; False when there is none
        to spare. For the caller that would otherwise wait for a batch: on two cores, the
        storing process idled while the one worker read.

        As many shares as the workers hold are left for them: taken back to the last, the
        workers idled while the caller read and stored (its store of a batch is what
        hands them the next), and the caller became the slower of the two."""
        with self._lock:
            if len(self._unsent) <= self.workers * AHEAD:
                return False
            batch, index, _send = self._unsent.pop()
        batch.do_here(index)
        return True

    def _hand_over(self) -> None:
        """Shares handed to the workers, oldest first, until each has ``AHEAD``."""
        while True:
            with self._lock:
                if not self._unsent or self._handed >= self.workers * AHEAD:
                    return
                batch, index, send = self._unsent.popleft()
                self._handed += 1
            try:
                with _interrupts_held():
                    share = send()
            except (OSError, RuntimeError, BrokenProcessPool):  # a worker died: done here
                with self._lock:
                    self._handed -= 1
                batch.do_here(index)
                continue
            share.add_done_callback(functools.partial(self._back, batch, index))

    def _back(self, batch: _Batch, index: int, share: Future[list[Any]]) -> None:
        with self._lock:
            self._handed -= 1
        batch.share_done(index, share)
        self._hand_over()

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Spawned, not forked: the window's process has threads (Qt's, the
            # database's) that a fork would copy in an unknown state.
            self._pool = ProcessPoolExecutor(self.workers,
                                             mp_context=multiprocessing.get_context("spawn"),
                                             initializer=end_with_parent)
        return self._pool

    def close(self) -> None:
        with self._lock:
            self._unsent.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ArticlePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Batch:
    """A batch's shares as one future of their results in order. A share whose process
    died is done again where that is found (``again(index)``), so a result never goes
    missing; a share never handed over is done by whoever takes it (``do_here``)."""

    def __init__(self, count: int, again: Callable[[int], list[Any]]) -> None:
        self.future: Future[list[Any]] = Future()
        self._again = again
        self._results: list[list[Any] | None] = [None] * count
        self._left = count
        self._settled = False
        self._lock = threading.Lock()

    def share_done(self, index: int, share: Future[list[Any]]) -> None:
        """A share back from a worker (a done-callback)."""
        # Whatever happens here must end in the batch's future: the import waits on it.
        try:
            try:
                value = share.result()
            # The worker died, ran out of memory, could not send, was interrupted
            # (KeyboardInterrupt is no Exception, and escaping here it would leave the
            # batch waited on for ever), or the share was cancelled with the pool.
            except BaseException:
                value = self._again(index)
            self._fill(index, value)
        except BaseException as exc:  # whatever it is, the waiter hears it
            self._fail(exc)

    def do_here(self, index: int) -> None:
        try:
            value = self._again(index)
        except BaseException as exc:
            self._fail(exc)
            if not isinstance(exc, Exception):
                raise  # Ctrl-C meanwhile: the import stops, as it would waiting
            return
        self._fill(index, value)

    def _fill(self, index: int, value: list[Any]) -> None:
        with self._lock:
            self._results[index] = value
            self._left -= 1
            if self._left or not self._settle():
                return
        self.future.set_result([item for share in self._results for item in share or ()])

    def _fail(self, exc: BaseException) -> None:
        with self._lock:
            if not self._settle():
                return
        self.future.set_exception(exc)

    def _settle(self) -> bool:
        """Whether the caller (holding the lock) is the one to settle the future."""
        if self._settled:
            return False
        self._settled = True
        return True


def _joined(shares: list[Future[list[R]]], again: Callable[[int], list[R]]) -> Future[list[R]]:
    """One future for the shares' results in order (see ``_Batch``)."""
    batch = _Batch(len(shares), again)
    for index, share in enumerate(shares):
        share.add_done_callback(functools.partial(batch.share_done, index))
    return batch.future  # type: ignore[return-value]
