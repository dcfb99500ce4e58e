"""``annotator train``: a model learnt from the corpus's coded documents.

With ``--background`` (how the window runs it, in a process of its own) it runs at a
lower priority and says how far it is as one JSON object a line on standard output:
``{"stage": "reading"}``, ``{"epoch": 3, "epochs": 10}``, ``{"doubt": 120, "of": 500}``,
``{"stage": "writing"}``, then ``{"trained": <report>, "out": <folder>}``. The corpus is only read, and closed
before training starts: a training stopped at any point leaves it as it was, and the
model already beside it in use.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from annotator.cli_support import CORPUS_ARGUMENT, _corpus, _fail
from annotator.core.model_guesses import DOUBT_BEAM_WIDTH, expected_mistakes, guesses
from annotator.core.training import (
    BATCH,
    EPOCHS,
    MIN_UPDATES,
    BaseUnusable,
    TooFewDocuments,
    train,
)
from annotator.model_files import NotAModelFolder, model_dir, refuse_foreign, write_model
from annotator.storage.training_data import coded_texts, doubt_pool

# Documents not yet done whose doubt is measured after training (a random pool: each
# costs a reading by the model, about 30 ms for a 3 KB article on one core).
DOUBT_POOL = 500


@click.command("train")
@CORPUS_ARGUMENT
@click.option("--coder", "coders", multiple=True, metavar="NAME",
              help="Learn from this coder's done documents (again for several); the gold's "
                   "spans are taken where a document has them. Default: every coder.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="The folder the pipeline is written to (spacy.load reads it). Default: "
                   "beside the corpus file, named after it with -model (news.sqlite-model).")
@click.option("--epochs", type=click.IntRange(1, 200), default=None,
              help=f"Passes over the coded documents. Default: {EPOCHS}, or more for a few "
                   f"documents (at least {MIN_UPDATES} updates of {BATCH} documents).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="The held-out share and the training's randomness.")
@click.option("--lang", default=None,
              help="The blank spaCy language the pipeline starts from. Default: the coded "
                   "documents' most common language (English where none is known).")
@click.option("--base", metavar="PIPELINE",
              help="Start from this installed spaCy pipeline (a package name or folder; "
                   "never downloaded) instead of a blank one: its tokenizer, other "
                   "components and word vectors are kept, and its own entity recogniser "
                   "is replaced by the one learnt here.")
@click.option("--kind", type=click.Choice(["auto", "ner", "spancat"]), default="auto",
              show_default=True,
              help="An entity recogniser (ner), a span categorizer (spancat, for spans that "
                   "overlap), or chosen by how many of the coded spans overlap (auto).")
@click.option("--doubt-pool", "pool_size", type=click.IntRange(0, 100_000), default=DOUBT_POOL,
              show_default=True,
              help="Documents not yet done that the model reads after training, to offer "
                   "the ones it is least sure of first (0: none).")
@click.option("--background", is_flag=True,
              help="Run at a lower priority and report progress as JSON lines (the window "
                   "uses this).")
def train_command(corpus: Path, coders: tuple[str, ...], out: Path | None, epochs: int | None,
                  seed: int, lang: str | None, base: str | None, kind: str, pool_size: int,
                  background: bool) -> None:
    """Train an entity recogniser (or a span categorizer) on the spans coders marked done
    in CORPUS, on the CPU, nothing downloaded; say what it reached on the documents held
    out; write it where `annotator suggest --model corpus` and the window find it."""
    if background and hasattr(os, "nice"):
        os.nice(10)  # the coder's window comes first
    say = _Progress(background)
    if lang is not None and not _spacy_has(lang):
        _fail(f"spaCy has no language {lang!r} (a code such as en, fr, ar; xx is the "
              "multi-language one)")
    out = out if out is not None else model_dir(corpus)
    try:
        refuse_foreign(out.absolute())  # said before any work, as well as before writing
    except NotAModelFolder as exc:
        _fail(str(exc))
    say(stage="reading")
    with _corpus(corpus) as opened:
        unknown = sorted(set(coders) - set(opened.coders()))
        if unknown:
            _fail(f"no coder {', '.join(map(repr, unknown))} in {corpus} (its coders: "
                  f"{', '.join(opened.coders()) or 'none'})")
        documents = coded_texts(opened, coders)
        pool = doubt_pool(opened, pool_size, seed) if pool_size else []
    try:
        nlp, report = train(documents, lang=lang, epochs=epochs, seed=seed, base=base,
                            kind=None if kind == "auto" else kind,  # type: ignore[arg-type]
                            progress=lambda done, total: say(epoch=done, epochs=total))
    except (TooFewDocuments, BaseUnusable) as exc:
        _fail(str(exc))
    except (ImportError, OSError, ValueError) as exc:  # a language spaCy does not have
        _fail(f"the pipeline could not be made ({exc})")
    doubts: dict[str, float] = {}
    for done, (uid, text) in enumerate(pool, start=1):
        found = guesses(nlp, text, beam_width=DOUBT_BEAM_WIDTH)
        doubts[uid] = round(expected_mistakes(found), 4)
        if done % 25 == 0 or done == len(pool):
            say(doubt=done, of=len(pool))
    say(stage="writing")
    try:
        write_model(nlp, out, doubts)
    except OSError as exc:
        click.echo(f"annotator: {out}: the model could not be written ({exc})", err=True)
        sys.exit(1)
    if background:
        say(trained=report.as_meta(), out=str(out.absolute()))
    else:
        for line in report.lines():
            click.echo(line)
        click.echo(f"written to {out} (spacy.load reads it)", err=True)


def _spacy_has(lang: str) -> bool:
    import spacy

    try:
        spacy.util.get_lang_class(lang)
    except (ImportError, KeyError, ValueError, OSError):
        return False
    return True


class _Progress:
    """Progress as JSON lines, in the background; at a terminal, a line on standard
    error for each stage and epoch (reading a large corpus's coded documents alone
    can take a minute); nothing into a pipe or a log."""

    def __init__(self, on: bool) -> None:
        self.on = on
        self.terminal = not on and sys.stderr.isatty()

    def __call__(self, **fields: Any) -> None:
        if self.on:
            click.echo(json.dumps(fields))
            sys.stdout.flush()
        elif self.terminal and (line := _said(fields)):
            click.echo(line, err=True)


def _said(fields: dict[str, Any]) -> str | None:
    """A stage as a person reads it; None for the result, which is printed anyway."""
    if "stage" in fields:
        return {"reading": "reading the documents coded done",
                "writing": "writing the pipeline"}.get(fields["stage"], fields["stage"])
    if "epoch" in fields:
        return f"training: pass {fields['epoch']} of {fields['epochs']}"
    if "doubt" in fields:
        return f"reading the documents not yet done: {fields['doubt']} of {fields['of']}"
    return None
