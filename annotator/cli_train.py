"""``annotator train``: a model learnt from the corpus's coded documents."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import click

from annotator.cli_support import CORPUS_ARGUMENT, _corpus, _fail
from annotator.core.training import EPOCHS, TooFewDocuments, train
from annotator.storage.pg.address import ServerAddress
from annotator.storage.training_data import coded_texts


@click.command("train")
@CORPUS_ARGUMENT
@click.option("--coder", "coders", multiple=True, metavar="NAME",
              help="Learn from this coder's done documents (again for several); the gold's "
                   "spans are taken where a document has them. Default: every coder.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="The folder the pipeline is written to (spacy.load reads it). Default: "
                   "beside the corpus file, named after it with -model.")
@click.option("--epochs", type=click.IntRange(1, 200), default=EPOCHS, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True,
              help="The held-out share and the training's randomness.")
@click.option("--lang", default="en", show_default=True,
              help="The blank spaCy language the pipeline starts from.")
def train_command(corpus: Path, coders: tuple[str, ...], out: Path | None, epochs: int,
                  seed: int, lang: str) -> None:
    """Train an entity recogniser on the spans coders marked done in CORPUS, on the CPU,
    nothing downloaded, and say what it reached on the documents held out."""
    if out is None:
        if isinstance(corpus, ServerAddress):
            _fail("a corpus on a server has no folder of its own: name one with --out")
        out = Path(corpus).with_name(Path(corpus).stem + "-model")
    with _corpus(corpus) as opened:
        documents = coded_texts(opened, coders)
    try:
        nlp, report = train(documents, lang=lang, epochs=epochs, seed=seed)
    except TooFewDocuments as exc:
        _fail(str(exc))
    except (ImportError, OSError, ValueError) as exc:  # a language spaCy does not have
        _fail(f"the pipeline could not be made ({exc})")
    _write(nlp, out)
    for line in report.lines():
        click.echo(line)
    click.echo(f"written to {out} (spacy.load reads it)", err=True)


def _write(nlp: object, out: Path) -> None:
    """The pipeline into ``out`` whole or not at all: written beside it, then moved into
    place; a model already there stays in use until the new one is complete."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        nlp.to_disk(staging / "model")  # type: ignore[attr-defined]
        if out.exists():
            old = out.with_name(f".{out.name}-old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
            os.replace(staging / "model", out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging / "model", out)
    except OSError as exc:
        click.echo(f"annotator: {out}: the model could not be written ({exc})", err=True)
        sys.exit(1)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
