"""File names made from document ids: safe on every system, bounded, unique, stable.

A document id comes from whatever file was imported: it may hold path
separators, control characters, hundreds of characters, or be ``CON``,
which Windows will not create. Every exporter that writes a file per
document goes through ``FileNames``; a name that is not the id itself is
recorded, and ``write_id_map`` puts the ids beside the files.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

# Room for a suffix (".ann", "-0001.spacy") within the 255 bytes most file
# systems allow, and short enough for Windows' 260-character paths.
MAX_STEM_BYTES = 100
HASH_LENGTH = 10
ID_MAP_NAME = "document-ids.tab"  # a suffix no importer reads, so a re-import skips it

_UNSAFE = re.compile(r"[^\w.-]+")
# Windows refuses these as names, with any extension and in any case; newer
# versions also COM¹ and the like.
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]])


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:HASH_LENGTH]


def _bounded(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", "ignore")  # never half a character


def _cleaned(name: str) -> str:
    # \\w keeps letters of every script; everything else (separators, controls,
    # spaces, Windows' <>:"|?*) becomes "_". Dots and spaces may not end a
    # name on Windows, and a leading dot would hide the file.
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", name)).strip("._")
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


def safe_stem(name: str, max_bytes: int = MAX_STEM_BYTES) -> str:
    """``name`` if it is a safe file name as it is, else a safe, readable one.

    A changed name ends in a hash of the original, so two ids that clean to
    the same text still get different names, and an id always gets the same
    name whatever else is exported with it.
    """
    cleaned = _cleaned(name)
    if cleaned == name and len(name.encode("utf-8", "surrogatepass")) <= max_bytes:
        return name
    readable = _bounded(cleaned, max_bytes - HASH_LENGTH - 1).rstrip("._") or "document"
    return f"{readable}-{_hash(name)}"


def bounded(stem: str, max_bytes: int = MAX_STEM_BYTES) -> str:
    """A stem the user chose, kept as it is unless too long for what is added to it."""
    if len(stem.encode("utf-8", "surrogatepass")) <= max_bytes:
        return stem
    return f"{_bounded(stem, max_bytes - HASH_LENGTH - 1)}-{_hash(stem)}"


class FileNames:
    """Hands out one distinct, safe stem per id, and remembers which it changed."""

    def __init__(self, max_bytes: int = MAX_STEM_BYTES) -> None:
        self.max_bytes = max_bytes
        self._used: set[str] = set()
        self.stems: list[tuple[str, str]] = []  # (stem, original id), in order
        self.renamed = 0

    def stem(self, uid: str) -> str:
        stem = safe_stem(uid, self.max_bytes)
        # Compared folded: "Doc" and "doc" are one file on Windows and macOS.
        if _folded(stem) in self._used:
            base = _bounded(stem, self.max_bytes - HASH_LENGTH - 1)
            stem = f"{base}-{_hash(uid)}"
            number = 1
            while _folded(stem) in self._used:
                number += 1
                stem = f"{base}-{_hash(f'{number}:{uid}')}"
        self._used.add(_folded(stem))
        self.stems.append((stem, uid))
        if stem != uid:
            self.renamed += 1
        return stem


def _folded(stem: str) -> str:
    return unicodedata.normalize("NFC", stem).casefold()


# -- the map of file names to ids ---------------------------------------------------

_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_ESCAPED = re.compile(r"\\(\\|t|n|r|u[0-9a-fA-F]{4})")


def _escape(value: str) -> str:
    """Backslash escapes for what would break a tab-separated line; controls as \\u and
    four hex digits."""
    out = []
    for char in value:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _unescape(value: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        return {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}.get(code) or chr(int(code[1:], 16))
    return _ESCAPED.sub(one, value)


def write_id_map(folder: Path, stems: Iterable[tuple[str, str]]) -> Path:
    """``folder/document-ids.tab``: each file stem and the document id it holds."""
    path = folder / ID_MAP_NAME
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("file\tid\n")
        for stem, uid in stems:
            out.write(f"{stem}\t{_escape(uid)}\n")
    return path


def read_id_map(path: Path) -> dict[str, str]:
    """File stem -> document id, from a file ``write_id_map`` wrote."""
    lines = path.read_text(encoding="utf-8").split("\n")[1:]
    return {stem: _unescape(uid) for stem, _, uid in (line.partition("\t") for line in lines)
            if stem}
