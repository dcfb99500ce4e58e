"""Commands that read a corpus's history and suggest spans: suggest, history and
restore (search, which answers at once, has its own module)."""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

import click

from annotator.cli_support import (
    CODER_OPTION,
    CORPUS_ARGUMENT,
    COUNT,
    MAX_COUNT,
    _corpus,
    _fail,
)
from annotator.core.gazetteer import world
from annotator.core.language import language_name, language_of, reads_as_english
from annotator.core.model_guesses import DEFAULT_THRESHOLD, is_corpus_model
from annotator.core.suggest import model_fits
from annotator.model_files import ModelUnreadable, load_model, model_dir
from annotator.settings import resolve_coder
from annotator.storage.corpus import CorpusError
from annotator.storage.history import Change, changes, document_id, span_document
from annotator.storage.history import restore as restore_changes
from annotator.storage.pg.address import ServerAddress
from annotator.storage.suggestion_rates import acceptance_by_source, decided
from annotator.storage.suggestions import (
    corpus_actors,
    corpus_places,
    make_suggestions,
    store_suggestions,
)


@click.command()
@CORPUS_ARGUMENT
@click.option("--doc", "doc", metavar="ID", help="Only this document (its id or row number).")
@click.option("--span", "span", metavar="UID", help="Only this span.")
@click.option("--limit", type=COUNT, metavar="N",
              help="At most this many changes (the newest); N is 1 or more.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def history(corpus: Path, doc: str | None, span: str | None, limit: int | None,
            as_json: bool) -> None:
    """Every edit to CORPUS: who, when, what it was before and after.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
    with _corpus(corpus) as opened:
        try:
            doc_id = document_id(opened, doc) if doc else None
            if span:
                span_document(opened, span)  # an unknown span is an error, not no changes
        except CorpusError as exc:
            _fail(str(exc))
        if limit is not None:
            _print_changes(changes(opened, doc_id=doc_id, span_uid=span, newest=limit),
                           as_json)
            return
        # The whole log a page at a time, each printed as it is read: a million
        # articles' import leaves a million changes, and the first should not wait.
        after = 0
        while page := changes(opened, doc_id=doc_id, span_uid=span, after_id=after,
                              limit=HISTORY_PAGE):
            _print_changes(page, as_json)
            after = page[-1].id


HISTORY_PAGE = 2000


def _print_changes(found: list[Change], as_json: bool) -> None:
    for change in found:
        if as_json:
            click.echo(json.dumps({"id": change.id, "at": change.at, "coder": change.coder,
                                   "action": change.action, "doc": change.doc_id,
                                   "span": change.span_uid, "before": change.before,
                                   "after": change.after}, ensure_ascii=False))
        else:
            click.echo(f"{change.id:>6}  {change.at}  {change.coder or '-':<10} "
                       f"{change.action:<13} doc {change.doc_id}  {change.summary()}")


@click.command()
@CORPUS_ARGUMENT
@click.option("--to", "to_change", type=int, required=True, metavar="CHANGE",
              help="Go back to the state right after this change (see `history`).")
@click.option("--doc", "doc", metavar="ID", help="Restore this document (id or row number).")
@click.option("--span", "span", metavar="UID", help="Restore this span only.")
@CODER_OPTION
def restore(corpus: Path, to_change: int, doc: str | None, span: str | None,
            coder: str | None) -> None:
    """Put a document or a span of CORPUS back as it was after change CHANGE.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).

    The later changes are undone as new edits, so the log keeps everything
    and a restore can itself be restored.
    """
    if bool(doc) == bool(span):
        _fail("name a document with --doc or a span with --span")
    if abs(to_change) > MAX_COUNT:
        _fail(f"no change {to_change} in the history")
    with _corpus(corpus) as opened:
        try:
            doc_id = document_id(opened, doc) if doc else None
            count = restore_changes(opened, to_change, resolve_coder(coder) or "restore",
                                    doc_id=doc_id, span_uid=span)
        except CorpusError as exc:
            _fail(str(exc))
    click.echo(f"undid {count} later changes" if count else
               f"nothing to undo: no change to it after change {to_change}")


@click.command()
@CORPUS_ARGUMENT
@click.option("--doc", "doc", metavar="ID", help="Only this document (else every document).")
@click.option("--model", "models", metavar="NAME", multiple=True,
              help="Also use this installed spaCy NER model (never downloaded), or "
                   "'corpus' for the corpus's own (annotator train); once per language: "
                   "each document gets the model of its own language.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=DEFAULT_THRESHOLD,
              show_default=True, callback=lambda _ctx, _param, value: _a_number(value),
              help="A model's suggestions less sure than this are left out.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per suggestion.")
@CODER_OPTION
def suggest(corpus: Path, doc: str | None, models: tuple[str, ...], min_confidence: float,
            as_json: bool, coder: str | None) -> None:
    """Suggest places, actors and casualties, stored as pending spans to review.

    Places come from an offline gazetteer and the places coders tagged in this
    corpus; actors from the actors tagged here and common patterns; casualties
    from phrases with a number and an outcome, their counts filled in. The
    patterns and casualty phrases are English: documents known to be in another
    language get places and the actors tagged here only.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
    pipelines = [_load_model(name, corpus) for name in models]
    # Documents left without some readers, by language: said once at the end.
    not_english: Counter[str] = Counter()
    no_model: Counter[str] = Counter()
    with _corpus(corpus) as opened:
        if sys.stderr.isatty():  # a minute at a million documents before the first one
            click.echo(f"reading the places and actors coded in {corpus.name}", err=True)
        try:
            doc_ids = [document_id(opened, doc)] if doc else opened.document_ids()
        except CorpusError as exc:
            _fail(str(exc))
        who = resolve_coder(coder) or "suggest"
        places = world().with_extra(corpus_places(opened))
        actors = corpus_actors(opened)
        total = 0
        for doc_id in doc_ids:
            document = opened.document(doc_id)
            language = language_of(document.meta)
            fitting = _models_for(language, pipelines)
            if language is not None and not reads_as_english(language):
                not_english[language] += 1
            if pipelines and not fitting and language is not None:
                no_model[language] += 1
            made = make_suggestions(opened, doc_id, who, places=places, actors=actors,
                                    model=fitting, model_threshold=min_confidence)
            store_suggestions(opened, made)
            total += len(made)
            for span in made:
                if as_json:
                    click.echo(json.dumps({"doc": document.uid, "id": span.uid,
                                           "label": span.label, "start": span.start,
                                           "end": span.end, "text": span.text,
                                           "attrs": dict(span.attrs)}, ensure_ascii=False))
                else:
                    click.echo(f"{document.uid}  {span.label:<9} {span.start}-{span.end}  "
                               f"{span.text}")
        rates = decided(acceptance_by_source(opened))  # by every coder of the corpus
    click.echo(f"{total} suggestions stored, pending review", err=True)
    if not_english:
        click.echo(f"{not_english.total()} documents in other languages than English "
                   f"({_by_language(not_english)}): casualty readings and actor patterns "
                   "left out", err=True)
    if no_model:
        advice = ("the corpus model reads its own language only; give an installed model "
                  "of the others with --model" if CORPUS_MODEL_NAME in models
                  else "give a model of each language with --model")
        click.echo(f"no spaCy model given for the language of {no_model.total()} documents "
                   f"({_by_language(no_model)}): the model's suggestions left out of them "
                   f"({advice})", err=True)
    if rates:
        click.echo("accepted so far: " + ", ".join(
            f"{r.source} {round(100 * r.accepted / r.decided)}% ({r.accepted} of {r.decided})"
            for r in rates), err=True)


def _a_number(value: float) -> float:
    if math.isnan(value):  # a range lets NaN by: no comparison with it is true
        raise click.BadParameter("nan is not a number from 0 to 1")
    return value


CORPUS_MODEL_NAME = "corpus"  # --model corpus: the model annotator train wrote for it


def _models_for(language: str | None, pipelines: list[object]) -> list[object]:
    """The corpus's own model if it reads the document's language, and the first
    installed pipeline that does (a multi-language one will do; the first of all for a
    document whose language is not known): the corpus model's suggestions first, as in
    the window."""
    fitting = [nlp for nlp in pipelines if model_fits(nlp, language)]
    own = [nlp for nlp in fitting if is_corpus_model(nlp)][:1]
    installed = [nlp for nlp in fitting if not is_corpus_model(nlp)][:1]
    return own + installed


def _by_language(counts: Counter[str]) -> str:
    return ", ".join(f"{count} {language_name(code)}" for code, count in counts.most_common())


def _load_model(name: str, corpus: Path | ServerAddress) -> object:
    import spacy

    if name == CORPUS_MODEL_NAME:
        try:
            return load_model(model_dir(corpus))
        except ModelUnreadable as exc:
            _fail(f"{exc}; the corpus's own model is made by: annotator train {corpus}")
    if not spacy.util.is_package(name) and not Path(name).is_dir():
        _fail(f"spaCy model {name!r} is not installed; annotator never downloads models "
              f"(install it with: python -m spacy download {name})")
    try:
        return spacy.load(name)
    except (OSError, ValueError) as exc:
        _fail(f"spaCy model {name!r} cannot be loaded ({exc})")


