"""Full-text search on the server: the coder's query as a ``tsquery``, ranked as the
file's search ranks (a word in the headline counts twice)."""

from __future__ import annotations

import re

# What the file's search (FTS5) reads, as the tsquery that means the same:
# "a phrase" -> a <-> phrase, word* -> word:*, AND/OR/NOT, groups; words next to
# each other must all be found.
_TOKEN = re.compile(r'"(?:[^"]|"")*"\*?|\(|\)|\bAND\b|\bOR\b|\bNOT\b|[^\s"()]+')
_WORD = re.compile(r"\w+")
# ts_rank_cd's weights, in the order D, C, B (the body), A (the headline).
WEIGHTS = "{0, 0, 0.5, 1.0}"


def tsquery(fts: str) -> str:
    """The tsquery text for an FTS5 query as ``core.search.fts_query`` writes it (or as
    the coder wrote it); an empty string when nothing in it can be searched."""
    out: list[str] = []
    pending_op = ""
    for token in _TOKEN.findall(fts):
        if token in ("AND", "OR", "NOT"):
            pending_op = {"AND": "&", "OR": "|", "NOT": "& !"}[token]
            continue
        if token == ")":
            out.append(")")
            continue
        if token == "(":
            term = "("
        else:
            term = _term(token)
            if not term:
                continue
        if out and out[-1] != "(":
            out.append(pending_op or "&")
        pending_op = ""
        out.append(term)
    return " ".join(out).replace("( ", "(")


def _term(token: str) -> str:
    prefix = token.endswith("*")
    text = token.rstrip("*")
    if ":" in text and not text.startswith('"'):
        text = text.split(":", 1)[1]  # a column filter: title:word searches everywhere
    words = [w.lower() for w in _WORD.findall(text.strip('"').replace('""', '"'))]
    if not words:
        return ""
    quoted = [f"'{w}'" for w in words]
    if prefix:
        quoted[-1] += ":*"
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"
