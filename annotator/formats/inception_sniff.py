"""INCEpTION's files told by name and content: ``.xmi``, a zip of XMI files, and
WebAnno TSV (whatever its name: ``.tsv`` is CoNLL's too), by its first line."""

from __future__ import annotations

import zipfile
from pathlib import Path

from annotator.formats.base import open_regular

_TSV_HEAD = b"#FORMAT=WebAnno TSV"


def sniff(path: Path) -> str | None:
    """``xmi``, ``webanno`` or None (not one of INCEpTION's, or unreadable)."""
    suffix = path.suffix.lower()
    if suffix == ".xmi":
        return "xmi"
    try:
        if suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
            return "xmi" if any(n.lower().endswith(".xmi") for n in names) else None
        if suffix in (".tsv", ".txt", ""):
            with open_regular(path) as handle:
                head = handle.read(len(_TSV_HEAD) + 3).removeprefix(b"\xef\xbb\xbf")
            return "webanno" if head.startswith(_TSV_HEAD) else None
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    return None
