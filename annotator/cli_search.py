"""``annotator search``: a corpus's documents found by their words, best first.

Apart from the other reading commands so that it loads storage and nothing more: on a
large corpus its answer is the first thing a researcher waits for.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator.cli_support import CORPUS, COUNT, _corpus, _fail, corpus_or_default
from annotator.core.search import fts_query
from annotator.storage.errors import QueryNotUnderstood
from annotator.storage.pg.address import is_server_address


@click.command()
@click.argument("given", nargs=-1, required=True, metavar="[CORPUS] QUERY")
@click.option("--limit", type=COUNT, default=20,
              show_default=True, help="How many hits.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit and line.")
def search(given: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Full-text search of the titles and texts of CORPUS, best match first.

    With QUERY alone, searches your default corpus (`annotator where` prints
    its path). Quote a query of several
    words. Plain words find documents with all of them (the last may be the
    start of a word); FTS5 syntax works too: "a phrase", OR, NOT, NEAR(a b),
    prefix*.
    """
    if len(given) > 2:
        _fail(f"{len(given)} arguments: give QUERY, or CORPUS and QUERY, and quote a query "
              "of several words (annotator search CORPUS \"two words\")")
    on_server = is_server_address(given[0])
    if len(given) == 2 and not on_server and not Path(given[0]).exists():
        _fail(f"{given[0]}: no such corpus (to search for several words, quote them: "
              f"annotator search \"{given[0]} {given[1]}\")")
    if len(given) == 1 and (on_server or (Path(given[0]).is_file() and
                            Path(given[0]).suffix.lower() in (".sqlite", ".db", ".annotator"))):
        shown = CORPUS.convert(given[0], None, None) if on_server else given[0]
        _fail(f"{shown}: a corpus, but nothing to search for: annotator search {shown} QUERY")
    named = CORPUS.convert(given[0], None, None) if len(given) == 2 else None
    corpus = corpus_or_default(named)
    query = given[-1]
    with _corpus(corpus) as opened:
        try:
            hits = opened.page("", search=fts_query(query), limit=limit)
        except QueryNotUnderstood as exc:
            _fail(f"search {query!r} not understood ({exc}); plain words always work")
    for hit in hits:
        if as_json:
            click.echo(json.dumps({"id": hit.uid, "title": hit.title, "date": hit.date,
                                   "snippet": hit.snippet}, ensure_ascii=False))
        else:
            click.echo(f"{hit.uid}  {hit.title}\n    {hit.snippet}")
    if not hits and not as_json:
        click.echo("no documents found", err=True)
