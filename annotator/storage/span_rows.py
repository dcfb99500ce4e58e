"""A document's spans in reading order: read light, read a part at a time, kept in step.

A 10 MB report has 100,000 spans. Reading them all takes longer than showing the
text, so ``SpanRows.read`` reads the first rows at once and the rest a part at a
time, in reading order, while the coder reads (``load_more``). Each row is a
``Place`` (start, end, label, id, origin, coder, fragments: what the article and
the list draw); a span's full record is read when it is first looked at.

An edit does not make anyone read the spans again: ``follow`` applies the spans it
added, removed or changed to the rows, and tells each listener (the article, the
span list) which rows changed, so they redraw only those.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, overload

from annotator.core.model import Fragment, Span
from annotator.storage.span_changes import SpanChange, span_changes

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus

# start, end, label, uid, origin, coder, fragments: the last is the stored JSON of a
# discontinuous span's pieces, None for one piece (kept as stored: converting it for
# every row read would cost every document for the few that have fragments).
Place = tuple[int, int, str, str, str, str, str | None]
FRAGMENTS = 6

# Read at once: the first screenful of a report (about 50 spans) many times over;
# 500 rows take about a millisecond.
FIRST_ROWS = 500
# Read per step afterwards, between the coder's keys and paints: 2,000 rows take 3-4 ms
# (the 100,000 of a 10 MB report about 0.2 s in all), well under a frame.
MORE_ROWS = 2_000
# Past this many spans an edit (accept all, reject all) is quicker read again whole.
MOST_FOLLOWED = 500

_reading_key = itemgetter(0, 1)  # (start, end): reading order, ties by id


class RowsListener:
    """Told of every change to the rows, in order. A Qt model turns these into
    ``beginInsertRows`` and the like; the article recolours what they touch."""

    def rows_inserting(self, row: int, count: int) -> None:
        """``count`` rows are about to be inserted before ``row``."""

    def rows_inserted(self, row: int, places: Sequence[Place]) -> None:
        """``places`` are now rows ``row`` onwards."""

    def row_removing(self, row: int) -> None:
        """Row ``row`` is about to be removed."""

    def row_removed(self, row: int, place: Place) -> None:
        """Row ``row`` (which was ``place``) is gone."""

    def row_changed(self, row: int, before: Place, after: Place) -> None:
        """Row ``row`` was ``before`` and is ``after`` (same place in reading order)."""


class _Reader:
    """Reads one document's spans in reading order, a part at a time."""

    def __init__(self, corpus: Corpus, doc_id: int, coder: str | None) -> None:
        self._corpus = corpus
        self._doc_id = doc_id
        self._coder = coder
        self.after = (-1, -1, -1)  # (start, end, id) of the last row read

    def _where(self) -> tuple[str, list[object]]:
        # "+coder": the coder must not steer SQLite to its own index, which would
        # read and sort every span of the coder's for each part.
        if self._coder is None:
            return "doc_id = ?", [self._doc_id]
        return "doc_id = ? AND +coder = ?", [self._doc_id, self._coder]

    def next(self, limit: int) -> list[Place]:
        where, params = self._where()
        start, end, last_id = self.after
        db = self._corpus.db
        places = db.execute(
            f'SELECT start, "end", label, uid, origin, coder, fragments FROM spans WHERE {where} '
            f'AND start >= ? AND (start, "end", id) > (?, ?, ?) ORDER BY start, "end", id '
            f"LIMIT ?", [*params, start, start, end, last_id, limit]).fetchall()
        if places:
            # The last row's id, asked apart: cutting it off every row costs more.
            last = places[-1]
            [(last_id,)] = db.execute("SELECT id FROM spans WHERE uid = ?", [last[3]]).fetchall()
            self.after = (last[0], last[1], last_id)
        return places

    def count(self, *, suggested: bool = False) -> int:
        where, params = self._where()
        if suggested:
            where += " AND origin = 'suggested'"
        return int(self._corpus.db.execute(f"SELECT count(*) FROM spans WHERE {where}",
                                           params).fetchone()[0])


class SpanRows(Sequence[Span]):
    """The spans of one document (of one coder, or everyone's), in reading order.

    As a sequence it holds every span, reading what is not read yet when asked for
    it; ``loaded`` rows are in memory, and listeners hear of rows as they arrive.
    """

    def __init__(self, places: Iterable[Place],
                 fetch_one: Callable[[str], Span] | None = None,
                 fetch_all: Callable[[], Iterable[Span]] | None = None) -> None:
        self._places: list[Place] = list(places)
        self._fetch_one = fetch_one
        self._fetch_all = fetch_all
        self._made: list[Span | None] = [None] * len(self._places)
        # uid -> place of every loaded row: finds a row by bisecting to its place. Built
        # as rows are read, so that the first click after opening does not wait for it.
        self._where: dict[str, Place] = {place[3]: place for place in self._places}
        self._listeners: list[RowsListener] = []
        self._reader: _Reader | None = None
        self._total: int | None = None  # all rows, loaded or not, once counted
        self._notifying = False
        self.doc_id: int | None = None
        self.coder: str | None = None  # whose spans these are (None: everyone's)

    @classmethod
    def of(cls, spans: Iterable[Span]) -> SpanRows:
        """Rows for spans already made (put in reading order)."""
        made = sorted(spans, key=lambda s: (s.start, s.end))
        rows = cls(map(_place, made))
        rows._made = list(made)
        return rows

    @classmethod
    def read(cls, corpus: Corpus, doc_id: int, coder: str | None = None,
             first: int = FIRST_ROWS) -> SpanRows:
        """A document's spans (of ``coder``, or everyone's): the first ``first`` now,
        the others by ``load_more`` (or when they are asked for)."""
        reader = _Reader(corpus, doc_id, coder)
        rows = cls(reader.next(first), corpus.span, lambda: corpus.spans(doc_id, coder))
        rows.doc_id, rows.coder = doc_id, coder
        if len(rows._places) == first:
            rows._reader = reader
        return rows

    # -- loading ------------------------------------------------------------

    @property
    def complete(self) -> bool:
        """Whether every row is loaded."""
        return self._reader is None

    @property
    def loaded(self) -> int:
        return len(self._places)

    def known_before(self) -> float:
        """A code point offset before which every span that starts is loaded."""
        return float("inf") if self._reader is None else self._reader.after[0]

    def load_more(self, limit: int = MORE_ROWS) -> int:
        """Read up to ``limit`` more rows (telling the listeners); how many came."""
        if self._reader is None or self._notifying:
            return 0
        places = self._reader.next(limit)
        if len(places) < limit:
            self._reader = None
            self._total = None
        if places:
            row = len(self._places)
            self._notify("rows_inserting", row, len(places))
            self._places += places
            self._made += [None] * len(places)
            self._where.update(zip(map(itemgetter(3), places), places, strict=True))
            self._notify("rows_inserted", row, places)
        return len(places)

    def load_all(self) -> None:
        while self.load_more(max(MORE_ROWS, 50_000)):
            pass

    def subscribe(self, listener: RowsListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: RowsListener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _notify(self, name: str, *args: object) -> None:
        self._notifying = True  # a listener asking for more rows now would jumble the order
        try:
            for listener in list(self._listeners):
                getattr(listener, name)(*args)
        finally:
            self._notifying = False

    # -- the sequence ---------------------------------------------------------

    def __len__(self) -> int:
        if self._reader is None:
            return len(self._places)
        if self._total is None:
            self._total = self._reader.count()
        return self._total

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if not -len(self._places) <= index < len(self._places):
            self.load_all()
        made = self._made[index]
        if made is None:
            assert self._fetch_one is not None
            made = self._made[index] = self._fetch_one(self._places[index][3])
        return made

    def __iter__(self) -> Iterator[Span]:
        self.load_all()
        if self._fetch_all is not None and any(m is None for m in self._made):
            by_uid = {span.uid: span for span in self._fetch_all()}
            self._made = [by_uid[place[3]] for place in self._places]
        return (self[i] for i in range(len(self._places)))

    def places(self) -> Iterator[Place]:
        """(start, end, label, uid, origin, coder, fragments) of every loaded span in
        reading order."""
        return iter(self._places)

    def suggestion_count(self) -> int:
        """How many of the rows are pending suggestions (counted, not read, when the
        rows are not all loaded yet)."""
        if self._reader is None:
            return sum(1 for place in self._places if place[4] == "suggested")
        return self._reader.count(suggested=True)

    def suggestions(self) -> list[Place]:
        self.load_all()
        return [place for place in self._places if place[4] == "suggested"]

    def row_of(self, uid: str) -> int | None:
        """The row of span ``uid`` (reading the rest if it is not loaded yet)."""
        row = self._loaded_row(uid)
        if row is None and self._reader is not None:
            self.load_all()
            row = self._loaded_row(uid)
        return row

    def by_uid(self, uid: str) -> Span | None:
        index = self.row_of(uid)
        return None if index is None else self[index]

    def _loaded_row(self, uid: str) -> int | None:
        place = self._where.get(uid)
        if place is None:
            return None
        key = _reading_key(place)
        row = bisect_left(self._places, key, key=_reading_key)
        while row < len(self._places) and _reading_key(self._places[row]) == key:
            if self._places[row][3] == uid:
                return row
            row += 1
        raise AssertionError(f"span {uid} is indexed but not in its place")

    # -- following edits --------------------------------------------------------

    def follow(self, edit: object) -> bool:
        """Apply an edit just committed to the corpus to these rows, telling the
        listeners row by row. False if it cannot be followed (an edit of another kind,
        too many spans, an order only the corpus knows): read the rows again then."""
        changes = span_changes(edit)
        if changes is None or len(changes) > MOST_FOLLOWED:
            return False
        return all(self._apply(change) for change in changes)

    def _shows(self, span: Span | None) -> Span | None:
        if span is None:
            return None
        if self.doc_id is not None and span.doc_id != self.doc_id:
            return None
        return span if self.coder is None or span.coder == self.coder else None

    def _apply(self, change: SpanChange) -> bool:
        before, after = self._shows(change.before), self._shows(change.after)
        if before is not None and after is not None and (
                (before.start, before.end) == (after.start, after.end)):
            return self._replace(before, after)
        if before is not None and not self._remove(before):
            return False
        return after is None or self._insert(after, newest=change.newest)

    def _beyond(self, span: Span, *, newest: bool) -> bool | None:
        """Whether ``span``'s place is past the loaded rows (None: cannot tell)."""
        if self._reader is None:
            return False
        key, (start, end, _id) = (span.start, span.end), self._reader.after
        if key == (start, end):
            # A span stored just now has the highest id: it comes after the last row read.
            return True if newest else None
        return key > (start, end)

    def _count_unloaded(self, step: int) -> None:
        if self._total is not None:
            self._total += step

    def _replace(self, before: Span, after: Span) -> bool:
        row = self._loaded_row(before.uid)
        if row is None:  # not read yet (then it will be read as it is now), or out of step
            return self._beyond(before, newest=False) is not False
        old, place = self._places[row], _place(after)
        self._places[row], self._made[row] = place, after
        self._where[after.uid] = place
        self._notify("row_changed", row, old, place)
        return True

    def _remove(self, span: Span) -> bool:
        row = self._loaded_row(span.uid)
        if row is None:  # not read yet, or out of step
            # (Not loaded at the last row's very place: then its id is higher, so beyond.)
            if self._beyond(span, newest=False) is False:
                return False
            self._count_unloaded(-1)
            return True
        self._notify("row_removing", row)
        place = self._places.pop(row)
        del self._made[row]
        del self._where[span.uid]
        self._count_unloaded(-1)
        self._notify("row_removed", row, place)
        return True

    def _insert(self, span: Span, *, newest: bool) -> bool:
        beyond = self._beyond(span, newest=newest)
        if beyond is None:
            return False
        self._count_unloaded(1)
        if beyond:
            return True
        if span.uid in self._where:
            return False  # already here: these rows are out of step with the corpus
        key = (span.start, span.end)
        row = bisect_right(self._places, key, key=_reading_key)
        if not newest and bisect_left(self._places, key, key=_reading_key) != row:
            return False  # among spans at the same place, only the corpus knows the order
        place = _place(span)
        self._notify("rows_inserting", row, 1)
        self._places.insert(row, place)
        self._made.insert(row, span)
        self._where[span.uid] = place
        self._notify("rows_inserted", row, [place])
        return True


def fragments_from_json(value: str | None) -> tuple[Fragment, ...]:
    if not value:
        return ()
    pieces = json.loads(value)
    if not isinstance(pieces, list):
        raise ValueError("its fragments are not a list")
    return tuple((low, high) for low, high in pieces)


def fragments_json(span: Span) -> str | None:
    """A span's fragments as stored (and as its place holds them)."""
    return json.dumps([list(piece) for piece in span.fragments]) if span.fragments else None


def _place(span: Span) -> Place:
    return (span.start, span.end, span.label, span.uid, span.origin, span.coder,
            fragments_json(span))


@lru_cache(maxsize=1024)
def place_pieces(fragments: str | None, start: int, end: int) -> tuple[Fragment, ...]:
    """The pieces a place covers: its fragments, or its one range."""
    return fragments_from_json(fragments) if fragments else ((start, end),)
