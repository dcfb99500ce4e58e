"""A document's spans, read light and made into ``Span`` objects on demand.

Opening a report with 10,000 spans should not build 10,000 objects that no
one looks at: the article needs only where each span is (start, end, label,
id: a quick query), the span list only the rows on screen. A span's full
record is read when it is first looked at; going through all of them reads
them all in one query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from annotator.core.model import Span

Place = tuple[int, int, str, str, str, str]  # start, end, label, uid, origin, coder


class SpanRows(Sequence[Span]):
    def __init__(self, places: Iterable[Place],
                 fetch_one: Callable[[str], Span] | None = None,
                 fetch_all: Callable[[], Iterable[Span]] | None = None) -> None:
        self._places = list(places)
        self._fetch_one = fetch_one
        self._fetch_all = fetch_all
        self._made: list[Span | None] = [None] * len(self._places)
        self._index: dict[str, int] | None = None

    @classmethod
    def of(cls, spans: Iterable[Span]) -> SpanRows:
        """Rows for spans already made (put in reading order)."""
        made = sorted(spans, key=lambda s: (s.start, s.end))
        rows = cls((s.start, s.end, s.label, s.uid, s.origin, s.coder) for s in made)
        rows._made = list(made)
        return rows

    def __len__(self) -> int:
        return len(self._places)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        made = self._made[index]
        if made is None:
            assert self._fetch_one is not None
            made = self._made[index] = self._fetch_one(self._places[index][3])
        return made

    def __iter__(self) -> Iterator[Span]:
        if self._fetch_all is not None and any(m is None for m in self._made):
            by_uid = {span.uid: span for span in self._fetch_all()}
            self._made = [by_uid[place[3]] for place in self._places]
        return (self[i] for i in range(len(self)))

    def places(self) -> Iterator[Place]:
        """(start, end, label, uid, origin, coder) of every span in reading order."""
        return iter(self._places)

    def suggestions(self) -> list[Place]:
        return [place for place in self._places if place[4] == "suggested"]

    def row_of(self, uid: str) -> int | None:
        if self._index is None:
            self._index = {place[3]: i for i, place in enumerate(self._places)}
        return self._index.get(uid)

    def by_uid(self, uid: str) -> Span | None:
        index = self.row_of(uid)
        return None if index is None else self[index]
