"""Telling a token-per-line file by its content, whatever its name.

CoNLL files come named ``.txt`` (ANERcorp, flair), ``.train``, ``.bmes``,
``.tsv``. A file is taken for CoNLL when its first line is ``-DOCSTART-``, or
when nearly all its first lines have the same number (two or more) of columns
and one column holds tags: ``O`` beside prefixed tags, or a few bare labels.
Prose fails that test: its lines differ in length and have no column of ``O``.
CoNLL-U is told by its comments (``# sent_id``, ``# text =``, ``# newdoc``) or
its ten tab-separated columns starting with a word number.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from annotator.formats.base import open_regular
from annotator.formats.conll_read import detect_layout, fields_of, is_docstart, is_source_line, tag_like

HEAD_BYTES = 65536
_SAMPLE_LINES = 400
_CONLLU_ID = re.compile(r"\d+(?:-\d+|\.\d+)?")
_CONLLU_COMMENT = re.compile(r"#\s*(sent_id|text|newdoc|newpar|global\.columns)\b")


def head_of(path: Path) -> str | None:
    """The first lines of ``path`` as text, or None where it cannot be read."""
    try:
        with open_regular(path) as handle:
            data = handle.read(HEAD_BYTES)
    except OSError:
        return None
    if b"\x00" in data[:4096]:
        return None  # binary, or UTF-16: not a CoNLL file we would read well
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    if len(data) == HEAD_BYTES:
        text = text.rsplit("\n", 1)[0]  # the last line may be cut
    return text


def sniff(path: Path) -> str | None:
    """``conll``, ``conllu``, or None if the content is not a token-per-line file."""
    head = head_of(path)
    return None if head is None else sniff_text(head)


def sniff_text(head: str) -> str | None:
    lines = [line.rstrip("\r") for line in head.split("\n")[: _SAMPLE_LINES * 2]]
    filled = [line for line in lines if line.strip()]
    if not filled:
        return None
    if is_docstart(filled[0]):
        return "conll"
    if _conllu(filled):
        return "conllu"
    rows = [fields_of(line) for line in filled[:_SAMPLE_LINES]
            if not is_source_line(line)]
    if len(rows) < 2:
        return None
    width, count = Counter(len(r) for r in rows).most_common(1)[0]
    if width < 2 or count < 0.9 * len(rows):
        return None
    layout = detect_layout(rows)
    body = rows[1:] if layout.header else rows
    values = [r[c] for r in body if len(r) == width for c in layout.tags]
    return "conll" if tag_like(values) else None


def _conllu(filled: list[str]) -> bool:
    words = [line.split("\t") for line in filled[:_SAMPLE_LINES] if not line.startswith("#")]
    tens = sum(1 for w in words if len(w) == 10 and _CONLLU_ID.fullmatch(w[0]))
    if not tens:
        return False  # comments alone (a .conf file's "# text") are not CoNLL-U
    return tens >= 0.9 * len(words) or any(_CONLLU_COMMENT.match(line) for line in filled[:50])
