"""Storage's SQL as PostgreSQL reads it.

Storage writes its queries once, in the SQL both backends share; the few
spellings SQLite alone understands are rewritten here, each rule for a reason
given beside it. Rules apply outside string literals and quoted names only.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A literal ('…'), a quoted name ("…"), or anything else up to the next quote.
_PIECES = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[^'\"]+")
# SQLite's unary plus before a column keeps its planner off that column's index
# (``+p.label``, ``+coder``); PostgreSQL has no such operator on text and plans on
# its own. Only a plus with no space after it and a name right behind is a hint:
# arithmetic in storage's SQL is written ``a + b``.
_INDEX_HINT = re.compile(r"(?<=[\s(=,])\+(?=[A-Za-z_])")


@lru_cache(maxsize=1024)
def postgres_sql(sql: str, *, with_parameters: bool = True) -> str:
    """``sql`` with ``?`` placeholders as psycopg's ``%s`` (a literal ``%`` doubled).

    A statement run without parameters is sent as written (psycopg reads no
    placeholders in it), index hints aside.
    """
    if not with_parameters:
        return _INDEX_HINT.sub("", sql) if "+" in sql else sql
    out: list[str] = []
    for piece in _PIECES.findall(sql):
        if piece[0] == "'":
            out.append(piece.replace("%", "%%"))
        elif piece[0] == '"':
            out.append(piece)
        else:
            piece = piece.replace("%", "%%").replace("?", "%s")
            out.append(_INDEX_HINT.sub("", piece))
    return "".join(out)
