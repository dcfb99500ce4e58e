"""Long commands in a terminal: a progress bar, and Ctrl+C as a clean stop.

An import of 100,000 articles takes about a minute. On a terminal the command
draws click's progress bar on standard error (never into a pipe or a log), and
the first Ctrl+C asks the work to stop at its next safe point (an import after
the batch being stored, an export before anything is moved into place), so the
command can say what was kept. A second Ctrl+C stops at once, as usual.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import FrameType
from typing import NoReturn

import click

STEPS = 1000


@dataclass
class LongWork:
    progress: Callable[[int, int], None] | None
    stop_asked: list[bool] = field(default_factory=lambda: [False])

    def cancelled(self) -> bool:
        return self.stop_asked[0]


@contextmanager
def long_work(label: str) -> Iterator[LongWork]:
    work = LongWork(progress=None)
    previous = signal.getsignal(signal.SIGINT)

    def ask_to_stop(_signum: int, _frame: FrameType | None) -> None:
        work.stop_asked[0] = True
        click.echo("\nstopping at the next safe point (Ctrl+C again to stop at once)",
                   err=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)

    signal.signal(signal.SIGINT, ask_to_stop)
    try:
        if sys.stderr.isatty():
            with click.progressbar(length=STEPS, label=label, file=sys.stderr,
                                   show_eta=True) as bar:
                def progress(done: int, total: int) -> None:
                    bar.update(STEPS * done // max(total, 1) - bar.pos)
                work.progress = progress
                yield work
        else:
            yield work
    finally:
        signal.signal(signal.SIGINT, previous)


def stopped(message: str) -> NoReturn:
    """Say that a long command stopped on request, and exit as an interrupted one does."""
    click.echo(message, err=True)
    sys.exit(130)
