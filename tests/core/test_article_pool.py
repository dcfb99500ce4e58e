"""The article pool: shares handed to worker processes a few at a time, the rest taken
back by the process that would otherwise wait for them; every item done once, the
results in order, whatever becomes of a worker."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import Future, wait
from typing import Any

import pytest

from annotator.core.article_pool import AHEAD, SHARE, ArticlePool


def tagged(items: list[int]) -> list[tuple[int, int]]:
    """Each item with the process that did it (a module's function: the workers import it)."""
    return [(os.getpid(), item) for item in items]


def gated(items: list[int], parent: int, gate: Any) -> list[tuple[int, int]]:
    """``tagged``, a worker waiting first until the test opens ``gate``: no share comes
    back before the test has taken back what it takes."""
    if os.getpid() != parent:
        gate.wait(300)
    return tagged(items)


@pytest.fixture
def gate() -> Iterator[Any]:
    with multiprocessing.get_context("spawn").Manager() as manager:
        yield manager.Event()


def _items(batch: int, shares: int) -> list[int]:
    return list(range(batch * 10_000, batch * 10_000 + shares * SHARE))


def _joined(future: Future[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    done, _ = wait([future], timeout=300)  # a bound, not a pause: done is said at once
    assert done, "a batch never came back"
    return future.result()


def test_shares_past_what_the_worker_holds_are_taken_back_and_done_here(gate: Any) -> None:
    with ArticlePool(workers=1) as pool:
        futures = [pool.map(gated, _items(batch, 2), os.getpid(), gate)  # 8 shares
                   for batch in range(4)]
        taken = 0
        while pool.take_back():
            taken += 1
        # The worker holds AHEAD shares, and as many more are left for it.
        assert taken == 8 - 2 * AHEAD
        gate.set()
        results = [_joined(future) for future in futures]
    for batch, found in enumerate(results):
        assert [item for _pid, item in found] == _items(batch, 2)  # each once, in order
    here = [found[at:at + SHARE] for found in results for at in range(0, 2 * SHARE, SHARE)
            if found[at][0] == os.getpid()]
    assert len(here) == taken  # whole shares, the newest ones
    assert all(pid == os.getpid() for share in here for pid, _item in share)
    assert results[-1][-1][0] == os.getpid()
    assert results[0][0][0] != os.getpid()  # the oldest went to the worker


def test_a_killed_worker_s_shares_are_done_here_and_nothing_is_lost(gate: Any) -> None:
    with ArticlePool(workers=1) as pool:
        first = pool.map(tagged, _items(0, 1))
        worker = _joined(first)[0][0]
        assert worker != os.getpid()
        futures = [pool.map(gated, _items(batch, 2), os.getpid(), gate)
                   for batch in range(1, 5)]
        assert pool.take_back()  # one share of the newest batch done here meanwhile
        os.kill(worker, signal.SIGKILL)
        gate.set()
        results = [_joined(future) for future in futures]
    for batch, found in enumerate(results, start=1):
        assert [item for _pid, item in found] == _items(batch, 2)


def test_without_workers_nothing_waits_to_be_taken_back() -> None:
    with ArticlePool(workers=0) as pool:
        future = pool.map(tagged, _items(0, 3))
        assert not pool.take_back()
        assert {pid for pid, _item in _joined(future)} == {os.getpid()}


def failing_here(items: list[int], parent: int, stop: str, gate: Any) -> list[int]:
    """Done by a worker once ``gate`` opens; raises ``stop`` (KeyboardInterrupt,
    ValueError) in ``parent``."""
    if os.getpid() == parent:
        raise {"KeyboardInterrupt": KeyboardInterrupt, "ValueError": ValueError}[stop]("here")
    gate.wait(300)
    return items


@pytest.mark.parametrize("stop", [KeyboardInterrupt, ValueError])
def test_a_share_that_fails_here_is_said_to_its_waiter(stop: type[BaseException],
                                                      gate: Any) -> None:
    with ArticlePool(workers=1) as pool:
        futures = [pool.map(failing_here, _items(batch, 2), os.getpid(), stop.__name__, gate)
                   for batch in range(4)]
        if stop is KeyboardInterrupt:  # Ctrl-C while reading here: the import stops
            with pytest.raises(KeyboardInterrupt):
                pool.take_back()
        else:
            assert pool.take_back()
        gate.set()
        # The newest batch fails with it (its waiter reads it again, or stops); the
        # others come back whole.
        assert isinstance(futures[-1].exception(timeout=300), stop)
        assert [_joined(future) for future in futures[:-1]] == [_items(n, 2) for n in range(3)]
