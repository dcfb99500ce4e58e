"""``annotator duplicates``: the stories a corpus holds more than once."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from annotator.cli_progress import long_work
from annotator.cli_support import CODER_OPTION, CORPUS_ARGUMENT, _corpus, _fail
from annotator.core.near_threshold import MIN_THRESHOLD, check_threshold

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus


def _threshold(_ctx: click.Context, _param: click.Parameter, value: float | None) -> float | None:
    if value is None:
        return None
    try:
        return check_threshold(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@CORPUS_ARGUMENT
@click.option("--threshold", "new_threshold", type=float, callback=_threshold, metavar="SHARE",
              help=f"Set the corpus's threshold ({MIN_THRESHOLD} to 1: the share of five-word "
                   "phrases two texts share) and find every mark again by it.")
@click.option("--list", "listed", is_flag=True,
              help="List each near-duplicate with the first copy it repeats.")
@click.option("--json", "as_json", is_flag=True, help="List as --list does, one JSON object a line.")
@click.option("--carry", is_flag=True,
              help="Carry the first copy's spans to each near-duplicate, as suggestions.")
@CODER_OPTION
def duplicates(corpus: Path, new_threshold: float | None, listed: bool, as_json: bool,
               carry: bool, coder: str | None) -> None:
    """Find the stories CORPUS holds more than once (wire reports reprinted by many
    outlets): each near-duplicate is marked as a copy of the first one imported.

    New imports are compared as they are stored; this compares any document not yet
    compared, then says how many are marked. With no CORPUS, works on your default
    corpus (`annotator where` prints its path).
    """
    from annotator.storage.corpus import CorpusError

    with _corpus(corpus) as opened, long_work("comparing") as work:
        # Said once the corpus is open, before the fingerprints' libraries load: finding
        # which documents are not yet compared reads every fingerprint's row (half a
        # second at a million), and comparing them may take minutes.
        click.echo(f"comparing the documents of {opened.path}…", err=True)
        from annotator.storage.near_duplicates import check_new, set_threshold, threshold

        try:
            if new_threshold is not None:
                report = set_threshold(opened, new_threshold, progress=work.progress,
                                       cancelled=work.cancelled)
            else:
                report = check_new(opened, progress=work.progress, cancelled=work.cancelled)
            if work.cancelled():
                click.echo("stopped: " + (
                    "the threshold and the marks are as they were" if new_threshold is not None
                    else "the documents compared before the stop keep their marks"), err=True)
                sys.exit(130)
            if listed or as_json:
                _list(opened, as_json)
            if carry:
                from annotator.settings import resolve_coder

                _carry(opened, resolve_coder(coder) or "suggest")
            marked = opened.db.fetch_one("SELECT count(*) FROM near_duplicates")[0]
            total = opened.document_count()
        except CorpusError as exc:
            _fail(str(exc))
        for line in report.lines()[1:]:
            click.echo(line, err=True)
        click.echo(f"{marked} of {total} documents are near-duplicates of an earlier copy "
                   f"(similarity at least {threshold(opened):g})", err=True)


def _list(corpus: Corpus, as_json: bool) -> None:
    rows = corpus.db.fetch_all(
        "SELECT c.uid, o.uid, n.similarity, c.title FROM near_duplicates n "
        "JOIN documents c ON c.id = n.doc_id JOIN documents o ON o.id = n.original_id "
        "ORDER BY n.original_id, n.doc_id")
    for copy, first, alike, title in rows:
        if as_json:
            click.echo(json.dumps({"doc": copy, "duplicate_of": first, "similarity": alike,
                                   "title": title}, ensure_ascii=False))
        else:
            click.echo(f"{copy}  copy of {first}  {alike:.0%}  {title}")


def _carry(corpus: Corpus, coder: str) -> None:
    from annotator.storage.near_duplicates import carried_spans
    from annotator.storage.suggestions import store_suggestions

    made = left = 0
    for (doc_id,) in corpus.db.fetch_all("SELECT doc_id FROM near_duplicates ORDER BY doc_id"):
        result = carried_spans(corpus, doc_id, coder)
        if result is None:
            continue
        store_suggestions(corpus, result.made)
        made += len(result.made)
        left += result.left
    click.echo(f"{made} spans carried from first copies as suggestions for {coder}"
               + (f"; {left} had no place in their copy (rewritten or cut there) and were "
                  "not carried" if left else ""), err=True)
