"""Reading spaCy's ``.spacy`` DocBin files without trusting them.

A DocBin is zlib-compressed msgpack: token attributes as flat arrays of
64-bit string hashes, the strings themselves, and per document serialised
span groups and user data. spaCy's own reader trusts all of it: it inflates
the whole file at once (a 3 MB file can expand to gigabytes), and it copies
span offsets into C structs unchecked. So the file is read here by hand,
every length, index and hash checked, and only then turned into text and
spans; spaCy lends only its string table, to turn hashes back into strings.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from annotator.core.dates import parse_date
from annotator.core.model import DocumentRecord, InvalidRecord, Span
from annotator.core.text import Normalised, normalise_with_offsets
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    brief,
    open_regular,
    unreadable,
)
from annotator.formats.docbin_extras import KEY, read_extras

# How far a file may expand: fifty times its size (spaCy's own files expand
# about eighteen times), at least 64 MiB (small files can be very regular),
# at most 512 MiB (twice a 2-million-token DocBin). Past that it is refused,
# after inflating no more than that.
EXPANSION_RATIO = 50
MIN_EXPANDED = 64 << 20
MAX_EXPANDED = 512 << 20
_CHUNK = 1 << 20

# Lists and maps in the msgpack: a DocBin has one list entry per string and
# per document; each entry of a list costs 8 bytes however small its packed form.
_MAX_ITEMS = 4_000_000
_MAX_MAP = 100_000

_SPAN = struct.Struct(">QQQllll")  # id, kb_id, label, start, end, start_char, end_char
_EMPTY_GROUPS = b"\x90"  # an empty msgpack list: what spaCy writes for no span groups

# spaCy's attribute ids (spacy.attrs), fixed since spaCy 2.
ORTH, ENT_IOB, ENT_TYPE = 65, 77, 78


class BadDocBin(ValueError):
    """A DocBin that cannot be read; the message says why."""


def read_docbin(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    """The documents of a ``.spacy`` file, or problems saying what is wrong."""
    try:
        docbin = _load(path)
    except OSError as exc:
        yield unreadable(path, exc)
        return
    except BadDocBin as exc:
        yield Problem(path, None, f"is not a spaCy DocBin file: {exc}")
        return
    if not docbin.lengths:
        yield Problem(path, None, "is a spaCy DocBin file with no documents")
        return
    for index in range(len(docbin.lengths)):
        try:
            record, warnings = docbin.document(index, options)
        except (BadDocBin, InvalidRecord) as exc:
            yield Problem(path, None, f"document {index + 1}: {exc}")
            continue
        said = tuple(Problem(path, None, f"document {index + 1}: {w}") for w in warnings)
        yield ReadDocument(record, path, None, said, consumed=docbin.size * (index + 1)
                           // len(docbin.lengths))


def _load(path: Path) -> _DocBin:
    with open_regular(path) as source:
        size = source.seek(0, 2)
        source.seek(0)
        limit = min(MAX_EXPANDED, max(MIN_EXPANDED, EXPANSION_RATIO * size))
        packed = inflate(source, limit)
    return _DocBin.parse(_unpack(packed, "the file's content"), size)


def inflate(source: BinaryIO, limit: int) -> bytearray:
    """The zlib stream in ``source``, refused as soon as it expands past ``limit`` bytes."""
    inflater = zlib.decompressobj()
    out = bytearray()
    pending, ended = b"", False
    try:
        while not inflater.eof:
            if not pending and not ended:
                pending = source.read(_CHUNK)
                ended = not pending
            # A chunk at a time (no second copy of a large output), and at most one
            # byte past the limit: enough to know it is too much.
            produced = inflater.decompress(pending, min(_CHUNK, limit - len(out) + 1))
            out += produced
            if len(out) > limit:
                raise BadDocBin(f"it expands past {limit >> 20} MiB (a compression bomb, "
                                "or a DocBin too large to read)")
            pending = inflater.unconsumed_tail
            if ended and not pending and not produced:
                break  # the file is over and nothing more comes out
    except zlib.error as exc:
        raise BadDocBin(f"its compressed data is damaged ({exc})") from None
    if not inflater.eof:
        raise BadDocBin("it is cut short (its compressed data ends too soon)"
                        if out else "it is not zlib-compressed data")
    return out


def _unpack(data: bytes | bytearray, what: str, use_list: bool = True) -> Any:
    """msgpack, without srsly's extension hooks (which build numpy arrays) and with
    lists and maps kept to sizes a DocBin can need."""
    from srsly import msgpack

    try:
        # Naming object_pairs_hook (even as None) keeps srsly from adding its hooks.
        return msgpack.unpackb(data, object_pairs_hook=None, raw=False, use_list=use_list,
                               strict_map_key=False, max_array_len=_MAX_ITEMS,
                               max_map_len=_MAX_MAP)
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise BadDocBin(f"{what}: not valid msgpack ({exc.__class__.__name__})") from None


@dataclass(frozen=True, slots=True)
class _DocBin:
    attrs: tuple[int, ...]
    tokens: np.ndarray  # one row per token, one column per attribute
    spaces: np.ndarray
    lengths: tuple[int, ...]
    starts: tuple[int, ...]  # first token of each document
    strings: Any  # spacy.strings.StringStore
    span_groups: Sequence[Any]
    user_data: Sequence[Any]
    cats: Sequence[Any]
    unknown_spaces: tuple[bool, ...]
    size: int

    @classmethod
    def parse(cls, msg: Any, size: int) -> _DocBin:
        if not isinstance(msg, dict):
            raise BadDocBin(f"it holds {type(msg).__name__}, not a DocBin's map")
        attrs = _field(msg, "attrs", list)
        if not attrs or not all(isinstance(a, int) and 0 <= a < 2**64 for a in attrs):
            raise BadDocBin('"attrs" is not a list of attribute ids')
        if ORTH not in attrs:
            raise BadDocBin('"attrs" has no ORTH, so the words cannot be told')
        strings = _field(msg, "strings", list)
        if not all(isinstance(s, str) for s in strings):
            raise BadDocBin('"strings" holds something other than strings')
        raw_tokens = _field(msg, "tokens", bytes)
        raw_spaces = _field(msg, "spaces", bytes)
        raw_lengths = _field(msg, "lengths", bytes)
        row = 8 * len(attrs)
        if len(raw_tokens) % row or len(raw_lengths) % 4:
            raise BadDocBin('"tokens" or "lengths" is not a whole number of entries')
        tokens = np.frombuffer(raw_tokens, dtype="uint64").reshape(-1, len(attrs))
        lengths = np.frombuffer(raw_lengths, dtype="int32")
        if (lengths < 0).any():
            raise BadDocBin('"lengths" has a negative document length')
        if int(lengths.sum(dtype="int64")) != len(tokens) or len(raw_spaces) != len(tokens):
            raise BadDocBin(f"its documents' lengths add up to {int(lengths.sum(dtype='int64'))} "
                            f"tokens, but it has {len(tokens)} tokens and {len(raw_spaces)} "
                            "spaces")
        count = len(lengths)
        span_groups = msg.get("span_groups") or [b""] * count
        user_data = msg.get("user_data") or []
        flags = msg.get("flags") or [{}] * count
        for name, value in (("span_groups", span_groups), ("flags", flags)):
            if not isinstance(value, list) or len(value) != count:
                raise BadDocBin(f'"{name}" does not have one entry per document')
        if not isinstance(user_data, list):
            raise BadDocBin('"user_data" is not a list')
        cats = msg.get("cats") or []
        if not isinstance(cats, list):
            raise BadDocBin('"cats" is not a list')
        from spacy.strings import StringStore

        starts = np.concatenate(([0], np.cumsum(lengths, dtype="int64")[:-1]))
        return cls(
            attrs=tuple(attrs), tokens=tokens, spaces=np.frombuffer(raw_spaces, dtype="uint8"),
            lengths=tuple(int(n) for n in lengths), starts=tuple(int(s) for s in starts),
            strings=StringStore(strings), span_groups=span_groups, user_data=user_data,
            cats=cats,
            unknown_spaces=tuple(isinstance(f, dict) and bool(f.get("has_unknown_spaces"))
                                 for f in flags),
            size=size)

    def string(self, key: int, what: str) -> str:
        try:
            return str(self.strings[int(key)])
        except (KeyError, IndexError, OverflowError):
            raise BadDocBin(f"{what} (hash {key}) is not in the file's strings table") from None

    def document(self, index: int, options: ReadOptions) -> tuple[DocumentRecord, list[str]]:
        first, count = self.starts[index], self.lengths[index]
        rows = self.tokens[first:first + count]
        spaces = [True] * count if self.unknown_spaces[index] else \
            [bool(s) for s in self.spaces[first:first + count]]
        words = [self.string(h, f"the text of token {n + 1}")
                 for n, h in enumerate(rows[:, self.attrs.index(ORTH)])]
        starts, ends, parts, position = [], [], [], 0
        for word, space in zip(words, spaces, strict=True):
            starts.append(position)
            position += len(word)
            ends.append(position)
            parts.append(word + " " if space else word)
            position += space
        raw_text = "".join(parts)
        found: dict[tuple[int, int, str], None] = {}
        for a, b, label in self._entities(rows):
            found[(starts[a], ends[b - 1], label)] = None
        for a, b, label, start_char, end_char in self._group_spans(index, count):
            if (start_char, end_char) != (starts[a], ends[b - 1]):
                raise BadDocBin(f"span {label!r} says characters {start_char}-{end_char} but "
                                f"its tokens {a}-{b} cover {starts[a]}-{ends[b - 1]}")
            found[(starts[a], ends[b - 1], label)] = None
        normalised = normalise_with_offsets(raw_text)
        text = normalised.text
        user, extras = self._user_data(index)
        warnings = []
        date = None
        if user.get("date"):
            date = parse_date(user["date"])
            if date is None:
                warnings.append(f"date {brief(user['date'])} is not a valid date; "
                                "imported without a date")
        # Line breaks become LF as in every other importer (spaCy keeps "\r\n" as a
        # token), so the offsets are mapped: a span covers the same characters after.
        spans, emptied = normalised_spans(found, normalised, options.coder)
        if emptied:
            warnings.append(emptied)
        cats = self.cats[index] if index < len(self.cats) else None
        spans, relations, labels, said = read_extras(spans, normalised, extras, cats,
                                                     options.coder)
        return DocumentRecord(text=text, uid=user.get("id"), title=user.get("title") or "",
                              date=date, source=user.get("source"), url=user.get("url"),
                              notes=user.get("notes") or "", spans=tuple(spans),
                              relations=tuple(relations), doc_labels=tuple(labels)), \
            [*warnings, *said]

    def _entities(self, rows: np.ndarray) -> Iterator[tuple[int, int, str]]:
        """``doc.ents`` from the ENT_IOB and ENT_TYPE columns, as spaCy reads them."""
        if ENT_IOB not in self.attrs or ENT_TYPE not in self.attrs:
            return
        iobs = rows[:, self.attrs.index(ENT_IOB)]
        types = rows[:, self.attrs.index(ENT_TYPE)]
        start, label = -1, ""
        for i, (iob, kind) in enumerate(zip(iobs.tolist(), types.tolist(), strict=True)):
            if iob == 1:  # I: inside the entity begun before
                if start < 0:
                    raise BadDocBin(f"token {i + 1} continues an entity that never began")
            elif iob in (0, 2) or (iob == 3 and kind == 0):  # missing, O, or B without type
                if start >= 0:
                    yield start, i, label
                start = -1
            elif iob == 3:  # B
                if start >= 0:
                    yield start, i, label
                start, label = i, self.string(kind, f"the entity type of token {i + 1}")
            else:
                raise BadDocBin(f"token {i + 1} has entity tag {iob}, which is not 0-3")
        if start >= 0:
            yield start, len(iobs), label

    def _group_spans(self, index: int, count: int,
                     ) -> Iterator[tuple[int, int, str, int, int]]:
        """(first token, end token, label, start char, end char) of every span group's spans."""
        packed = self.span_groups[index]
        if not isinstance(packed, bytes):
            raise BadDocBin("its span groups are not bytes")
        if not packed or packed == _EMPTY_GROUPS:
            return
        groups = _unpack(packed, "the span groups")
        if isinstance(groups, dict):  # spaCy 3.4 and later: {group bytes: [keys]}
            groups = list(groups)
        if not isinstance(groups, list):
            raise BadDocBin("its span groups are not a list")
        for number, group_bytes in enumerate(groups, start=1):
            if not isinstance(group_bytes, bytes):
                raise BadDocBin(f"span group {number} is not bytes")
            group = _unpack(group_bytes, f"span group {number}")
            if not isinstance(group, dict) or not isinstance(group.get("spans"), list):
                raise BadDocBin(f"span group {number} has no list of spans")
            for span_number, raw in enumerate(group["spans"], start=1):
                where = f"span {span_number} of span group {number}"
                if not isinstance(raw, bytes) or len(raw) != _SPAN.size:
                    raise BadDocBin(f"{where} is not a packed span")
                _id, _kb, label, start, end, start_char, end_char = _SPAN.unpack(raw)
                if not 0 <= start <= end <= count:
                    raise BadDocBin(f"{where} covers tokens {start}-{end}, outside the "
                                    f"document's {count} tokens")
                if start == end:
                    raise BadDocBin(f"{where} is empty (tokens {start}-{end})")
                yield start, end, self.string(label, f"the label of {where}"), start_char, \
                    end_char

    def _user_data(self, index: int) -> tuple[dict[str, str], Any]:
        """id, title, date, source, url and notes from a document's user data, as annotator
        writes them,
        and annotator's own entry (see ``docbin_extras``), if there is one."""
        packed = self.user_data[index] if index < len(self.user_data) else None
        if packed is None:
            return {}, None
        if not isinstance(packed, bytes):
            raise BadDocBin("its user data is not bytes")
        data = _unpack(packed, "the user data", use_list=False)
        if not isinstance(data, Mapping):
            raise BadDocBin("its user data is not a map")
        found: dict[str, str] = {}
        for key in ("id", "title", "date", "source", "url", "notes"):
            value = data.get(key)
            if value is None or value == "":
                continue
            if isinstance(value, int) and not isinstance(value, bool) and key == "id":
                value = str(value)
            if not isinstance(value, str):
                raise BadDocBin(f"its user data {key} is {brief(value)}, not text")
            found[key] = value
        return found, data.get(KEY)


def normalised_spans(found: Iterable[tuple[int, int, str]], normalised: Normalised, coder: str,
                     ) -> tuple[list[Span], str | None]:
    """Spans over the original text moved onto the normalised one, and a warning for
    any that covered nothing but removed characters (a lone CR of a CRLF, a NUL)."""
    spans, emptied = [], 0
    for a, b, label in found:
        start, end = normalised.map_offset(a), normalised.map_offset(b)
        if start == end:
            emptied += 1
            continue
        spans.append(Span(start=start, end=end, label=label, text=normalised.text[start:end],
                          coder=coder, origin="imported"))
    said = (f"{emptied} span{'s' if emptied > 1 else ''} over nothing but a carriage return or "
            "NUL (removed from the text, as on every import) not imported") if emptied else None
    return spans, said


def _field(msg: Mapping[str, Any], key: str, kind: type) -> Any:
    value = msg.get(key)
    if not isinstance(value, kind):
        what = "missing" if value is None else f"{type(value).__name__}, not {kind.__name__}"
        raise BadDocBin(f'"{key}" is {what}')
    return value
