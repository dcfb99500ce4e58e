"""Full-text search on the server: the coder's query as a ``tsquery``, ranked as the
file's search ranks (a word in the headline counts twice)."""

from __future__ import annotations

import re
from typing import Any

from annotator.storage.errors import QueryNotUnderstood

# What the file's search (FTS5) reads, as the tsquery that means the same:
# "a phrase" -> a <-> phrase, word* -> word:*, AND/OR/NOT, groups; words next to
# each other must all be found.
_TOKEN = re.compile(r'"(?:[^"]|"")*"\*?|\(|\)|\bAND\b|\bOR\b|\bNOT\b|[^\s"()]+')
_WORD = re.compile(r"\w+")
# ts_rank_cd's weights, in the order D, C, B (the body), A (the headline).
WEIGHTS = "{0, 0, 0.5, 1.0}"
# The rank divided by the document's length, as bm25 weighs a match in a short text
# more than in a long one.
NORMALIZATION = 2


def tsquery(fts: str) -> str:
    """The tsquery text for an FTS5 query as ``core.search.fts_query`` writes it (or as
    the coder wrote it); an empty string when nothing in it can be searched.

    What FTS5 refuses is refused here too (QueryNotUnderstood), rather than read some
    other way: an operator with nothing before or after it ("NOT rebels" would otherwise
    find the documents with rebels), unbalanced brackets.
    """
    nears: list[str] = []
    fts = _NEAR.sub(lambda m: _near(m, nears), fts)
    out: list[str] = []
    pending_op = ""
    depth = 0
    for token in _TOKEN.findall(fts):
        if token in ("AND", "OR", "NOT"):
            if pending_op or not out or out[-1] == "(":
                raise QueryNotUnderstood(f"fts5: syntax error near \"{token}\"")
            pending_op = {"AND": "&", "OR": "|", "NOT": "& !"}[token]
            continue
        if token == ")":
            if pending_op or depth == 0 or not out or out[-1] == "(":
                raise QueryNotUnderstood('fts5: syntax error near ")"')
            depth -= 1
            out.append(")")
            continue
        if token == "(":
            term = "("
            depth += 1
        elif token.startswith(_NEAR_MARK):
            term = nears[int(token[len(_NEAR_MARK):])]
        else:
            term = _term(token)
            if not term:
                continue
        if out and out[-1] != "(":
            out.append(pending_op or "&")
        pending_op = ""
        out.append(term)
    if pending_op or depth:
        raise QueryNotUnderstood("fts5: syntax error near the end of the query")
    return " ".join(out).replace("( ", "(")


# FTS5's NEAR(a b, N): a and b with at most N words between them (10 when not given),
# in either order; as a tsquery, each distance in turn, both ways.
_NEAR = re.compile(r"\bNEAR\(([^()]*)\)")
_NEAR_MARK = "\x00near"
NEAR_DEFAULT = 10


def _near(found: re.Match[str], nears: list[str]) -> str:
    inside, _, distance = found.group(1).partition(",")
    terms = [_term(word) for word in inside.split()]
    if len(terms) != 2 or not all(terms) or any(" " in term for term in terms):
        raise QueryNotUnderstood("NEAR on a team's server takes two words, e.g. "
                                 "NEAR(rebels checkpoint) or NEAR(rebels checkpoint, 5)")
    try:
        most = int(distance) if distance.strip() else NEAR_DEFAULT
    except ValueError:
        raise QueryNotUnderstood(f"fts5: syntax error near \"{distance.strip()}\"") from None
    a, b = terms
    ways = [f"{x} <{d}> {y}" for d in range(1, max(0, most) + 2) for x, y in ((a, b), (b, a))]
    nears.append("(" + " | ".join(ways) + ")")
    return f" {_NEAR_MARK}{len(nears) - 1} "


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


# How many matches are ranked: a word found in more documents is ranked among the
# newest this many that have it anywhere, and the newest this many that have it in the
# headline; the rest follow, newest first. Ranking every match of a word found in
# every document read each document's whole search vector: 0.54 s for the first page
# at 100,000 documents, ten times that at a million, where these take 0.05 s.
RANKED_AT_MOST = 5000


def ranked_ids(db: Any, query: str, clauses: list[tuple[str, list[Any]]], limit: int,
               offset: int) -> list[int]:
    """The ids of one page of a search's matches, best first (see RANKED_AT_MOST).

    ``query`` is a tsquery's text; ``clauses`` the list filters' SQL, naming the
    document ``d``. The order is the same for every page: the ranked set first, by
    rank, then the other matches, newest first.
    """
    where = "".join(f" AND {clause}" for clause, _ in clauses)
    values = [value for _, vals in clauses for value in vals]
    rank = f"ts_rank_cd('{WEIGHTS}', d.search, to_tsquery('annotator_search', ?), {NORMALIZATION})"
    ranked_set = (
        f"(SELECT d.id, {rank} AS r FROM documents d WHERE d.search @@ "
        f"to_tsquery('annotator_search', ?){where} ORDER BY d.id DESC LIMIT {RANKED_AT_MOST}) "
        # Headlines through their own index, never by walking ids newest first: a word no
        # headline has would walk every document (3 s at a million).
        f"UNION (SELECT d.id, {rank} FROM (SELECT d.id FROM documents d WHERE "
        f"to_tsvector('annotator_search'::regconfig, d.title) @@ "
        f"to_tsquery('annotator_search', ?){where} ORDER BY d.id + 0 DESC "
        f"LIMIT {RANKED_AT_MOST}) t JOIN documents d ON d.id = t.id)")
    # The headline branch reads the headline's own vector (documents_title_search).
    set_values = [query, query, *values, query, query, *values]
    rows = db.fetch_all(
        f"WITH found AS MATERIALIZED ({ranked_set}) SELECT id, (SELECT count(*) FROM found) "
        "FROM found ORDER BY r DESC, id DESC LIMIT ? OFFSET ?", [*set_values, limit, offset])
    page = [int(row[0]) for row in rows]
    found = int(rows[0][1]) if rows else int(db.fetch_one(
        f"WITH found AS MATERIALIZED ({ranked_set}) SELECT count(*) FROM found",
        set_values)[0])
    if len(page) == limit or found < RANKED_AT_MOST:
        return page  # the whole page is ranked, or every match was
    # Past the ranked set: the other matches, newest first.
    rest = db.fetch_all(
        f"WITH found AS MATERIALIZED ({ranked_set}) SELECT d.id FROM documents d WHERE "
        f"d.search @@ to_tsquery('annotator_search', ?){where} AND d.id NOT IN "
        "(SELECT id FROM found) ORDER BY d.id DESC LIMIT ? OFFSET ?",
        [*set_values, query, *values, limit - len(page), max(0, offset - found)])
    return page + [int(row[0]) for row in rest]
