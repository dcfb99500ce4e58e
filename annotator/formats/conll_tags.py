"""Tag schemes of token-per-line files, told per file and decoded leniently.

The schemes met in the field, and how they are read:

- IOB2: ``B-`` starts every entity, ``I-`` continues it.
- IOB1 (CoNLL-2003's original): ``I-`` starts an entity; ``B-`` only begins one
  right after an adjacent entity of the same type.
- BIOES / BILOU / BIES / BMES: ``E-``/``L-`` end an entity, ``S-``/``U-`` are
  entities of one token, ``M-`` (BMES, Chinese corpora) is a middle token.
- IO: bare labels (``PER``, no prefix); adjacent tokens with the same label are
  one entity, as flair reads its span files.

Decoding follows seqeval's lenient (default) mode, so counts agree with what
the consumers of these files compute: an ``I-``/``E-`` with no entity open
starts one, an entity left open ends at the next ``O`` or at a change of type.
What breaks the file's own scheme is counted as a repair, so the importer can
say how many and where, instead of repairing in silence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

# L (BILOU), M (BMES) and U (BILOU) are the same roles as E, I and S.
_SAME_ROLE = {"B": "B", "I": "I", "M": "I", "E": "E", "L": "E", "S": "S", "U": "S"}
PREFIXES = frozenset(_SAME_ROLE)
# The one-letter tags of a segmentation file (BMES without types): label "_", as seqeval.
UNTYPED_LABEL = "_"


def split_tag(tag: str) -> tuple[str, str]:
    """``(role, label)`` of a tag: role is O, B, I, E or S; a bare label is I (IO)."""
    if tag == "O":
        return "O", ""
    head, dash, label = tag.partition("-")
    if dash and head in PREFIXES and label:
        return _SAME_ROLE[head], label
    tail_label, dash, tail = tag.rpartition("-")
    if dash and tail in PREFIXES and tail_label:  # PER-B, as some Chinese corpora write
        return _SAME_ROLE[tail], tail_label
    if tag in PREFIXES:
        return _SAME_ROLE[tag], UNTYPED_LABEL
    return "I", tag  # IO: a bare label


def is_prefixed(tag: str) -> bool:
    head, dash, label = tag.partition("-")
    tail_label, tail_dash, tail = tag.rpartition("-")
    return bool((dash and head in PREFIXES and label) or (tail_dash and tail in PREFIXES
                                                          and tail_label) or tag in PREFIXES)


@dataclass(frozen=True)
class Scheme:
    """A file's tag scheme, told from all its tags."""

    name: str  # IOB1, IOB2, BIOES (also BIE, BIES), BILOU, BMES, IO
    closes: bool  # entities end with E-/L- (an entity left open is a repair)

    @property
    def starts_with_inside(self) -> bool:
        return self.name == "IOB1"


def detect_scheme(sequences: Iterable[Sequence[str]]) -> Scheme:
    """The scheme of a file from every tag sequence (sentence) in it."""
    sequences = [list(s) for s in sequences]
    letters: set[str] = set()
    bare = prefixed = False
    for tags in sequences:
        for tag in tags:
            if tag == "O":
                continue
            if is_prefixed(tag):
                prefixed = True
                head = tag.partition("-")[0] if tag.partition("-")[0] in PREFIXES else \
                    tag.rpartition("-")[2]
                letters.add(head)
            else:
                bare = True
    if bare and not prefixed:
        return Scheme("IO", closes=False)
    if letters & {"E", "L", "M"}:
        family = "BILOU" if letters & {"L", "U"} else "BMES" if "M" in letters else "BIOES"
        return Scheme(family, closes=True)
    if _iob1(sequences):
        return Scheme("IOB1", closes=False)
    return Scheme("IOB2", closes=False)


def _iob1(sequences: list[list[str]]) -> bool:
    """IOB1: entities start with I-, and every B- follows a token of its own type."""
    inside_starts = 0
    for tags in sequences:
        previous = ("O", "")
        for tag in tags:
            role, label = split_tag(tag)
            if role == "I" and (previous[0] == "O" or previous[1] != label):
                inside_starts += 1
            if role == "B" and previous[1] != label:
                return False
            previous = (role, label)
    return inside_starts > 0


@dataclass
class Repairs:
    """Tag sequences that broke the scheme, counted by what was wrong."""

    counts: Counter[str] = field(default_factory=Counter)
    first: int | None = None  # index (a line, where the reader knows it) of the first

    def add(self, what: str, where: int) -> None:
        self.counts[what] += 1
        if self.first is None or where < self.first:
            self.first = where

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def describe(self) -> str:
        return "; ".join(f"{what} ×{count}" for what, count in self.counts.most_common())


Entity = tuple[int, int, str]  # first token, one past the last, label


def decode(tags: Sequence[str], scheme: Scheme, repairs: Repairs | None = None,
           places: Sequence[int] | None = None) -> list[Entity]:
    """Entities of one sentence, seqeval-lenient; breaches of ``scheme`` go to ``repairs``.

    ``places`` gives each tag's line for the repair report (default: its index).
    """
    found: list[Entity] = []
    open_start: int | None = None
    open_label = ""
    open_role = "O"

    def repair(what: str, index: int) -> None:
        if repairs is not None:
            repairs.add(what, places[index] if places is not None else index)

    def close(end: int, next_role: str, index: int) -> None:
        nonlocal open_start
        if open_start is None:
            return
        if scheme.closes and open_role in ("B", "I") and next_role != "E":
            repair(f"{_shown(open_role, scheme)}- not closed by {_closer(scheme)}-", index)
        found.append((open_start, end, open_label))
        open_start = None

    for index, tag in enumerate(tags):
        role, label = split_tag(tag)
        if scheme.name == "IO" and role == "I" and open_start is not None and open_label == label:
            continue
        continues = (open_start is not None and open_label == label
                     and open_role in ("B", "I") and role in ("I", "E"))
        if continues:
            open_role = role
            if role == "E":
                close(index + 1, "E", index)
            continue
        close(index, role, index)
        if role == "O":
            continue
        if role in ("I", "E") and scheme.name != "IO" and not scheme.starts_with_inside:
            repair(f"{_shown(role, scheme)}- with no entity open taken as a start", index)
        open_start, open_label, open_role = index, label, role
        if role in ("S", "E"):
            close(index + 1, "E", index)
    close(len(tags), "O", len(tags) - 1 if tags else 0)
    return found


def _shown(role: str, scheme: Scheme) -> str:
    """A role in the letters of the file's scheme (L for E in BILOU, M for I in BMES)."""
    if role == "E" and "L" in scheme.name:
        return "L"
    if role == "I" and "M" in scheme.name:
        return "M"
    return role


def _closer(scheme: Scheme) -> str:
    return "L" if "L" in scheme.name else "E"


def decode_tags(tokens: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Character entities from ``(start, end, tag)`` tokens of one sequence, any scheme."""
    tags = [tag for _start, _end, tag in tokens]
    for first, last, label in decode(tags, detect_scheme([tags])):
        yield tokens[first][0], tokens[last - 1][1], label


def iob2(length: int, entities: Iterable[Entity]) -> list[str]:
    """IOB2 tags for ``length`` tokens from non-overlapping entities."""
    tags = ["O"] * length
    for first, last, label in entities:
        tags[first] = f"B-{label}"
        for index in range(first + 1, last):
            tags[index] = f"I-{label}"
    return tags
