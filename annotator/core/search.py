"""Turning what a coder types in a search box into a safe full-text query."""

from __future__ import annotations


def fts_query(text: str) -> str:
    """Words typed in a search box as an FTS5 query: all words, the last one a prefix.

    Every word is quoted, so nothing a coder types (quotes, brackets, AND,
    a stray colon) can be a syntax error.
    """
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    return " ".join(f'"{w}"' for w in words[:-1]) + f' "{words[-1]}"*'
