"""Commands for a team of coders: assign the work, merge it back, measure agreement."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import click

from annotator.cli_progress import long_work, stopped
from annotator.cli_support import (
    CORPUS,
    CORPUS_ARGUMENT,
    _corpus,
    _fail,
    _names_folder,
    _number,
    _os_reason,
)
from annotator.formats.agreement_report import html_report, summary_json
from annotator.formats.whole_file import write_whole
from annotator.storage.agreement import agreement
from annotator.storage.assignment import Stopped
from annotator.storage.assignment import assign as assign_corpus
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.guard import check_not_protected
from annotator.storage.pg.address import ServerAddress
from annotator.storage.team import merge as merge_corpus


@click.command()
@CORPUS_ARGUMENT
@click.option("--coders", metavar="A,B", help="Only these coders (default: all but gold).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.option("--html", "html", type=click.Path(dir_okay=False),
              help="Also write a report with charts to this HTML file.")
def agree(corpus: Path, coders: str | None, as_json: bool, html: str | None) -> None:
    """Agreement between coders: span F1 (exact and overlap) per label, relation F1,
    Cohen's kappa over tokens and over document labels, Krippendorff's alpha over
    attributes, documents by disagreement.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
    if html is not None and _names_folder(html):
        _fail(f"{html}: names a folder; name the report file to write")
    with _corpus(corpus, outputs=(Path(html) if html else None,)) as opened:
        names = [c.strip() for c in coders.split(",") if c.strip()] if coders else None
        if names is not None and (len(set(names)) < 2 or len(set(names)) != len(names)):
            _fail("--coders needs at least two names, each once")
        known = opened.coders()
        unknown = [name for name in names or () if name not in known]
        if unknown:  # a misspelt name would measure nothing and say "0 documents"
            _fail(f"--coders: {', '.join(unknown)}: no such coder in this corpus (its coders: "
                  f"{', '.join(known) or 'none'})")
        if not as_json:  # said first: reading every coded document takes a while
            click.echo(f"comparing {'the coders' if names is None else ', '.join(names)} "
                       f"in {opened.path}…", err=True)
        reports = agreement(opened, names)
    if not reports:
        _fail("fewer than two coders have coded this corpus")
    if not as_json:  # the JSON has them under "skipped"
        for line in dict.fromkeys(line for report in reports for line in report.skipped):
            click.echo(f"skipped: {line}", err=True)
    if html:
        try:
            # A file name that is not UTF-8 is shown with replacement characters.
            shown = corpus.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            write_whole(Path(html), html_report(reports, shown))
        except OSError as exc:
            _fail(f"{html}: could not be written ({_os_reason(exc)}); nothing was written")
        click.echo(f"report written to {html}", err=True)
    if as_json:
        click.echo(json.dumps(summary_json(reports), indent=2))
        return
    for report in reports:
        click.echo(f"{report.coders[0]} and {report.coders[1]}: {report.documents} documents, "
                   f"kappa {_number(report.kappa)}")
        for label, counts in sorted(report.counts.items()):
            click.echo(f"  {label:<14} F1 exact {_number(counts.f1(counts.exact))}  "
                       f"overlap {_number(counts.f1(counts.overlap))}")
        for name, value in report.alpha.items():
            click.echo(f"  alpha {name:<12} {_number(value)}")
        for label, counts in sorted(report.relations.items()):
            click.echo(f"  relation {label:<14} F1 exact {_number(counts.f1(counts.exact))}  "
                       f"overlap {_number(counts.f1(counts.overlap))}  "
                       f"({counts.first} and {counts.second} relations)")
        for name, value in report.doc_labels.items():
            click.echo(f"  document {name:<12} kappa {_number(value)}")


@click.command()
@CORPUS_ARGUMENT
@click.option("--coders", required=True, metavar="A,B,C", help="The coders to share the work.")
@click.option("--overlap", default="20%", show_default=True,
              help="Share of documents coded twice, for agreement (e.g. 20%).")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for one corpus file per coder.")
@click.option("--seed", type=int, default=0, show_default=True)
def assign(corpus: Path, coders: str, overlap: str, output: Path, seed: int) -> None:
    """Split CORPUS among coders, a share double-coded; one corpus file each, with
    the schema and the codebook.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
    names = [c.strip() for c in coders.split(",")]
    if not all(names):
        _fail(f"--coders {coders!r}: a coder name is empty; write names such as alice,bob")
    if len(set(names)) != len(names):
        _fail("--coders needs distinct names, comma-separated")
    try:
        share = float(overlap.rstrip("%")) / 100
    except ValueError:
        _fail(f"--overlap {overlap!r}: write a share such as 20%")
    if output.exists() and not output.is_dir():
        _fail(f"{output}: is a file; name a folder for the coders' corpora")
    with _corpus(corpus, outputs=(output,)) as opened, long_work("assigning") as work:
        try:
            written = assign_corpus(opened, names, share, output, seed,
                                    progress=work.progress, cancelled=work.cancelled)
        except Stopped as exc:
            stopped(str(exc))
        except (ValueError, CorpusError) as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{output}: could not be written ({_os_reason(exc)}); nothing was written")
    for coder, path in written.items():
        with Corpus.open(path, create=False) as mine:
            click.echo(f"{coder}: {mine.document_count()} documents in {path}")


@click.command()
@click.argument("target", type=CORPUS)
@click.argument("sources", nargs=-1, required=True, type=CORPUS)
def merge(target: Path, sources: tuple[Path, ...]) -> None:
    """Merge coders' corpora SOURCES into TARGET (created if missing).

    TARGET must be named, even when it is your default corpus (`annotator
    where` prints its path): every argument names a corpus, a file or a
    server's URL. Documents match by id; spans, statuses, events, relations
    and document labels are kept per coder. Merging the same files again
    adds nothing. Schema differences, and a document label answered
    otherwise in TARGET (whose answer is kept), are reported.
    """
    problems = 0
    for source in sources:
        if _same_corpus(source, target):
            _fail(f"{source}: is the target corpus itself (or a file beside it); "
                  "name the corpora to merge into it")
    with _corpus(target, create=True) as opened:
        for source in sources:
            with _corpus(source) as theirs, long_work(f"merging {source.name}") as work:
                report = merge_corpus(opened, theirs, progress=work.progress,
                                      cancelled=work.cancelled)
            for line in report.lines():
                click.echo(f"{source.name}: {line}",
                           err=line.startswith(("problem", "stopped")))
            problems += len(report.problems)
            if report.stopped_after is not None:
                sys.exit(130)  # as an interrupted command does; later sources not begun
    if problems:
        sys.exit(1)




def _same_corpus(source: Path | ServerAddress, target: Path | ServerAddress) -> bool:
    """Whether ``source`` is ``target`` (or, for files, one SQLite keeps beside it): a
    file is never a server's database, and two addresses are one database when they
    name the same server and database, whoever logs in."""
    if isinstance(source, ServerAddress) or isinstance(target, ServerAddress):
        if not (isinstance(source, ServerAddress) and isinstance(target, ServerAddress)):
            return False
        return _database_of(source) == _database_of(target)
    try:
        check_not_protected(source, target)
    except CorpusError:
        return True
    return False


def _database_of(address: ServerAddress) -> tuple[str, ...]:
    parts = urlsplit(address.conninfo)
    query = dict(parse_qsl(parts.query))
    return (parts.hostname or query.get("host", ""), str(parts.port or query.get("port", "")),
            query.get("service", ""), address.database)
