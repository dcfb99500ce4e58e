"""The command line: thin click commands over the core, storage and formats."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from annotator import __version__
from annotator.cli_progress import long_work
from annotator.cli_support import (
    CODER_OPTION,
    CORPUS,
    COUNT,
    MAX_COUNT,
    _corpus,
    _fail,
    _names_folder,
    _number,
    _os_reason,
    _pairs,
    _refuse_corpus_inputs,
)
from annotator.core.codebook_file import SchemaFileError, read_schema
from annotator.core.gazetteer import world
from annotator.core.model import STATUSES, InvalidRecord
from annotator.core.schema import schema_to_json
from annotator.core.search import fts_query
from annotator.formats import jsonl
from annotator.formats.agreement_report import html_report, summary_json
from annotator.formats.base import ReadOptions
from annotator.formats.exporting import export_corpus
from annotator.formats.importing import import_paths
from annotator.formats.registry import EXPORTS, IMPORT_FORMATS
from annotator.formats.selection import BadOption, ExportOptions, parse_split, selected
from annotator.formats.tokens import ALIGN_MODES, UnknownLanguage, check_language
from annotator.formats.whole_file import write_whole
from annotator.settings import resolve_coder
from annotator.storage.agreement import agreement
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.errors import QueryNotUnderstood
from annotator.storage.guard import check_not_protected
from annotator.storage.history import changes, document_id, span_document
from annotator.storage.history import restore as restore_changes
from annotator.storage.schema_store import SchemaError
from annotator.storage.stats import corpus_stats
from annotator.storage.suggestions import (
    corpus_actors,
    corpus_places,
    make_suggestions,
    store_suggestions,
)
from annotator.storage.team import assign as assign_corpus
from annotator.storage.team import merge as merge_corpus
from annotator.workspace import create_corpus


@click.group(invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@CODER_OPTION
@click.pass_context
def cli(ctx: click.Context, coder: str | None) -> None:
    """Tag actors, casualties and locations in news articles.

    With no command, opens the window on your default corpus (made with
    sample articles the first time).
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_command, corpus=None, coder=coder, quit_after=None)


@cli.command("open")
@click.argument("corpus", type=CORPUS, required=False)
@CODER_OPTION
@click.option("--quit-after", type=float, hidden=True,
              help="Close the window after this many seconds (for build checks).")
def open_command(corpus: Path | None, coder: str | None, quit_after: float | None = None) -> None:
    """Open CORPUS (or the default corpus) in the window."""
    try:
        # The window is loaded only here, so every other command runs on a
        # machine without Qt or a display.
        from annotator.gui.app import run
    except ImportError as exc:
        _fail(f"the window cannot start: {exc}. Install PySide6-Essentials.")
    sys.exit(run(corpus, coder=coder, quit_after=quit_after))


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--sample", is_flag=True, help="Fill it with the sample articles.")
def init(corpus: Path, sample: bool) -> None:
    """Create a new corpus file CORPUS."""
    if corpus.exists() and corpus.stat().st_size > 0:
        _fail(f"{corpus}: already exists; open it, or choose another name")
    try:
        created, summary = create_corpus(corpus, sample=sample)
    except CorpusError as exc:
        _fail(str(exc))
    with created:
        click.echo(f"created {corpus} with {created.document_count()} documents")
        if summary and not summary.ok:
            for line in summary.lines():
                click.echo(line, err=True)


@cli.command("import")
@click.argument("corpus", type=CORPUS)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), default="auto",
              show_default=True, help="Input format; auto tells it from each file's suffix.")
@click.option("--text-column", default="text", show_default=True,
              help="The CSV column that holds the article text.")
@CODER_OPTION
def import_command(
    corpus: Path, paths: tuple[Path, ...], fmt: str, text_column: str, coder: str | None
) -> None:
    """Import articles from PATHS (files or folders) into CORPUS.

    Creates CORPUS if it does not exist. Exits non-zero if any document was
    rejected, after importing all the others.
    """
    options = ReadOptions(coder=resolve_coder(coder) or "unknown", text_column=text_column)
    _refuse_corpus_inputs(corpus, paths)
    with _corpus(corpus, create=True) as opened, long_work("importing") as work:
        summary = import_paths(opened, list(paths), fmt=fmt, options=options,
                               progress=work.progress, cancelled=work.cancelled)
    head, *rest = summary.lines()
    click.echo(head)
    for line in rest:
        click.echo(line, err=line.startswith(("rejected", "warning", "stopped")))
    if summary.cancelled:
        sys.exit(130)  # as an interrupted command does
    if not summary.ok:
        sys.exit(1)


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--format", "fmt", type=click.Choice(list(EXPORTS)), default="jsonl",
              show_default=True, help="Output format (see below).")
@click.option("-o", "--output", type=click.Path(), required=True,
              help="File (or folder, for brat and --split) to write; - for standard output "
                   "with jsonl.")
@click.option("--status", type=click.Choice(STATUSES), help="Only documents with this status.")
@click.option("--coder", metavar="NAME", help="Only this coder's spans (and status).")
@click.option("--labels", metavar="A,B", help="Only spans with these labels.")
@click.option("--split", "split", metavar="80/10/10",
              help="Split by document into train/dev(/test) files in the OUTPUT folder.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --split.")
@click.option("--align", type=click.Choice(ALIGN_MODES), default="expand", show_default=True,
              help="Spans not on token boundaries: grow to whole tokens (expand), shrink to "
                   "the tokens inside (contract), or leave out (strict).")
@click.option("--lang", default="auto", show_default=True,
              help="Language of spaCy's tokeniser, for token-based formats; auto: each "
                   "document's own (its meta, else its script), 'characters': a token a "
                   "character. CoNLL exports keep the tokens a CoNLL file came with.")
@click.option("--spans-key", default="sc", show_default=True,
              help="spacy: the doc.spans key that holds every span.")
@click.option("--strict", is_flag=True, help="Any loss is an error: write nothing, exit 1.")
@click.option("--include-suggestions", is_flag=True,
              help="Also export suggested spans not yet accepted by a coder.")
@click.option("--all-labels", is_flag=True,
              help="hf, brat: list every label of the codebook, not only those the export "
                   "uses.")
def export(corpus: Path, fmt: str, output: str, status: str | None, coder: str | None,
           labels: str | None, split: str | None, seed: int, align: str, lang: str,
           spans_key: str, strict: bool, include_suggestions: bool, all_labels: bool) -> None:
    """Export CORPUS for training or for another tool.

    \b
    Formats:
    """
    try:
        options = ExportOptions(
            status=status, coder=coder, seed=seed, align=align, strict=strict,  # type: ignore[arg-type]
            labels=tuple(x.strip() for x in labels.split(",") if x.strip()) if labels else None,
            split=parse_split(split) if split else None, lang=lang, spans_key=spans_key,
            include_suggestions=include_suggestions, all_labels=all_labels,
        )
        if EXPORTS[fmt].name not in ("jsonl", "doccano", "csv", "brat", "labelstudio"):
            check_language(lang)  # fail now, not after reading the corpus
    except (BadOption, UnknownLanguage) as exc:
        _fail(str(exc))
    if str(output) == "-":
        if fmt != "jsonl" or split:
            _fail("standard output (-o -) takes --format jsonl without --split")
        with _corpus(corpus) as opened:
            count = jsonl.write((d for d in selected(opened, options)), sys.stdout)
        click.echo(f"wrote {count} documents to standard output", err=True)
        return
    if not EXPORTS[fmt].directory and not split and (_names_folder(output)
                                                     or Path(output).is_dir()):
        _fail(f"{output}: is a folder; name a file to write")
    if Path(output).is_symlink():  # written where the link points; the link stays
        output = os.path.realpath(output)
    with _corpus(corpus, outputs=(Path(output),)) as opened, long_work("exporting") as work:
        try:
            result = export_corpus(opened, EXPORTS[fmt], Path(output), options,
                                   progress=work.progress, cancelled=work.cancelled)
        except OSError as exc:
            _fail(f"{output}: could not be written ({_os_reason(exc)}); nothing was written")
    if fmt in ("conll", "hf", "prodigy", "spacy") and align == "expand":
        click.echo("spans off token boundaries grow to whole tokens (--align expand)", err=True)
    for line in result.lines():
        click.echo(line, err=line.startswith(" ") or line.startswith("lost"))
    if result.cancelled:
        sys.exit(130)
    if not result.written:
        sys.exit(1)


export.help = (export.help or "") + "".join(
    f"\n      {name:<12} {f.description}" for name, f in EXPORTS.items())


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of a table.")
def stats(corpus: Path, as_json: bool) -> None:
    """Count documents, spans, labels, coders, statuses, relations and document labels
    in CORPUS."""
    with _corpus(corpus) as opened:
        figures = corpus_stats(opened)
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    click.echo(f"{figures['path']}")
    click.echo(f"  documents  {figures['documents']}")
    click.echo(f"  spans      {figures['spans']}")
    if figures["discontinuous_spans"] or figures["links"]:
        click.echo(f"    discontinuous {figures['discontinuous_spans']}, "
                   f"with knowledge-base links {figures['links']}")
    for heading, key in (("labels", "labels"), ("coders", "coders"), ("status", "status"),
                         ("relations", "relations"), ("document labels", "document_labels")):
        if not figures[key] and key in ("relations", "document_labels"):
            continue
        click.echo(f"  {heading}")
        for name, count in figures[key].items():
            click.echo(f"    {name:<14} {count}")


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--json", "as_json", is_flag=True, help="Print the schema as JSON.")
@click.option("--load", "load", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Replace the schema with the one in this JSON file (a shared codebook).")
@click.option("--rename", multiple=True, metavar="OLD=NEW",
              help="With --load: spans of label OLD are kept under NEW.")
@click.option("--move", multiple=True, metavar="OLD=OTHER",
              help="With --load: spans of a label the file drops go to label OTHER.")
def schema(corpus: Path, as_json: bool, load: Path | None, rename: tuple[str, ...],
           move: tuple[str, ...]) -> None:
    """Print the label schema of CORPUS, or replace it with --load FILE.json."""
    with _corpus(corpus) as opened:
        if load is not None:
            try:
                new = read_schema(load.read_bytes())
                opened.save_schema(new, renames=_pairs(rename), moves=_pairs(move))
            except OSError as exc:
                _fail(f"{load}: cannot be read ({exc.strerror or exc})")
            except SchemaFileError as exc:
                _fail(f"{load}:{exc.line}: {exc}" if exc.line else f"{load}: {exc}")
            except (InvalidRecord, SchemaError, CorpusError) as exc:
                _fail(f"{load}: {exc}")
            click.echo(f"schema of {corpus} replaced from {load}", err=True)
        try:
            current = opened.schema()
        except CorpusError as exc:
            _fail(str(exc))
    if as_json or load is not None:
        click.echo(json.dumps(schema_to_json(current), indent=2, ensure_ascii=False))
        return
    for label in current.labels:
        key = f"[{label.shortcut}] " if label.shortcut else ""
        click.echo(f"{key}{label.name} {label.color}  {label.description}")
        for attribute in label.attributes:
            values = f" ({', '.join(attribute.values)})" if attribute.values else ""
            required = ", required" if attribute.required else ""
            click.echo(f"    {attribute.name}: {attribute.kind}{values}{required}")
    click.echo("event types: " + ", ".join(current.event_types))
    click.echo("event roles: " + ", ".join(current.event_roles))


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The copy to write.")
def backup(corpus: Path, output: str) -> None:
    """Copy CORPUS to OUTPUT consistently, even while the window has it open."""
    if _names_folder(output):
        _fail(f"{output}: names a folder; name the file to write")
    with _corpus(corpus, outputs=(Path(output),)) as opened:
        try:
            opened.backup(Path(output))
        except CorpusError as exc:
            _fail(str(exc))
    click.echo(f"backed up {corpus} to {output}")


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--doc", "doc", metavar="ID", help="Only this document (its id or row number).")
@click.option("--span", "span", metavar="UID", help="Only this span.")
@click.option("--limit", type=COUNT, metavar="N",
              help="At most this many changes (the newest); N is 1 or more.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def history(corpus: Path, doc: str | None, span: str | None, limit: int | None,
            as_json: bool) -> None:
    """Every edit to CORPUS: who, when, what it was before and after."""
    with _corpus(corpus) as opened:
        try:
            doc_id = document_id(opened, doc) if doc else None
            if span:
                span_document(opened, span)  # an unknown span is an error, not no changes
        except CorpusError as exc:
            _fail(str(exc))
        found = changes(opened, doc_id=doc_id, span_uid=span, newest=limit)
    for change in found:
        if as_json:
            click.echo(json.dumps({"id": change.id, "at": change.at, "coder": change.coder,
                                   "action": change.action, "doc": change.doc_id,
                                   "span": change.span_uid, "before": change.before,
                                   "after": change.after}, ensure_ascii=False))
        else:
            click.echo(f"{change.id:>6}  {change.at}  {change.coder or '-':<10} "
                       f"{change.action:<13} doc {change.doc_id}  {change.summary()}")


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--to", "to_change", type=int, required=True, metavar="CHANGE",
              help="Go back to the state right after this change (see `history`).")
@click.option("--doc", "doc", metavar="ID", help="Restore this document (id or row number).")
@click.option("--span", "span", metavar="UID", help="Restore this span only.")
@CODER_OPTION
def restore(corpus: Path, to_change: int, doc: str | None, span: str | None,
            coder: str | None) -> None:
    """Put a document or a span back as it was after change CHANGE.

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


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.argument("query")
@click.option("--limit", type=COUNT, default=20,
              show_default=True, help="How many hits.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit and line.")
def search(corpus: Path, query: str, limit: int, as_json: bool) -> None:
    """Full-text search of titles and texts, best match first.

    Plain words find documents with all of them (the last may be the start of
    a word); FTS5 syntax works too: "a phrase", OR, NOT, NEAR(a b), prefix*.
    """
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


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--doc", "doc", metavar="ID", help="Only this document (else every document).")
@click.option("--model", metavar="NAME",
              help="Also use this installed spaCy NER model (never downloaded).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per suggestion.")
@CODER_OPTION
def suggest(corpus: Path, doc: str | None, model: str | None, as_json: bool,
            coder: str | None) -> None:
    """Suggest places, actors and casualties, stored as pending spans to review.

    Places come from an offline gazetteer and the places coders tagged in this
    corpus; actors from the actors tagged here and common patterns; casualties
    from phrases with a number and an outcome, their counts filled in.
    """
    nlp = _load_model(model) if model else None
    with _corpus(corpus) as opened:
        try:
            doc_ids = [document_id(opened, doc)] if doc else opened.document_ids()
        except CorpusError as exc:
            _fail(str(exc))
        who = resolve_coder(coder) or "suggest"
        places = world().with_extra(corpus_places(opened))
        actors = corpus_actors(opened)
        total = 0
        for doc_id in doc_ids:
            made = make_suggestions(opened, doc_id, who, places=places, actors=actors, model=nlp)
            store_suggestions(opened, made)
            total += len(made)
            uid = opened.document(doc_id).uid
            for span in made:
                if as_json:
                    click.echo(json.dumps({"doc": uid, "id": span.uid, "label": span.label,
                                           "start": span.start, "end": span.end,
                                           "text": span.text, "attrs": dict(span.attrs)},
                                          ensure_ascii=False))
                else:
                    click.echo(f"{uid}  {span.label:<9} {span.start}-{span.end}  {span.text}")
    click.echo(f"{total} suggestions stored, pending review", err=True)


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--coders", metavar="A,B", help="Only these coders (default: all but gold).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@click.option("--html", "html", type=click.Path(dir_okay=False),
              help="Also write a report with charts to this HTML file.")
def agree(corpus: Path, coders: str | None, as_json: bool, html: str | None) -> None:
    """Agreement between coders: span F1 (exact and overlap) per label, relation F1,
    Cohen's kappa over tokens and over document labels, Krippendorff's alpha over
    attributes, documents by disagreement."""
    if html is not None and _names_folder(html):
        _fail(f"{html}: names a folder; name the report file to write")
    with _corpus(corpus, outputs=(Path(html) if html else None,)) as opened:
        names = [c.strip() for c in coders.split(",") if c.strip()] if coders else None
        if names is not None and (len(set(names)) < 2 or len(set(names)) != len(names)):
            _fail("--coders needs at least two names, each once")
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


@cli.command()
@click.argument("corpus", type=CORPUS)
@click.option("--coders", required=True, metavar="A,B,C", help="The coders to share the work.")
@click.option("--overlap", default="20%", show_default=True,
              help="Share of documents coded twice, for agreement (e.g. 20%).")
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for one corpus file per coder.")
@click.option("--seed", type=int, default=0, show_default=True)
def assign(corpus: Path, coders: str, overlap: str, output: Path, seed: int) -> None:
    """Split CORPUS among coders, a share double-coded; one corpus file each, with
    the schema and the codebook."""
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
    with _corpus(corpus, outputs=(output,)) as opened:
        try:
            written = assign_corpus(opened, names, share, output, seed)
        except (ValueError, CorpusError) as exc:
            _fail(str(exc))
        except OSError as exc:
            _fail(f"{output}: could not be written ({_os_reason(exc)}); nothing was written")
    for coder, path in written.items():
        with Corpus.open(path, create=False) as mine:
            click.echo(f"{coder}: {mine.document_count()} documents in {path}")


@cli.command()
@click.argument("target", type=CORPUS)
@click.argument("sources", nargs=-1, required=True, type=CORPUS)
def merge(target: Path, sources: tuple[Path, ...]) -> None:
    """Merge coders' corpora SOURCES into TARGET (created if missing).

    Documents match by id; spans, statuses and events are kept per coder.
    Merging the same files again adds nothing. Schema differences are reported.
    """
    problems = 0
    for source in sources:
        try:
            check_not_protected(source, target)
        except CorpusError:
            _fail(f"{source}: is the target corpus itself (or a file beside it); "
                  "name the corpora to merge into it")
    with _corpus(target, create=True) as opened:
        for source in sources:
            with _corpus(source) as theirs:
                report = merge_corpus(opened, theirs)
            for line in report.lines():
                click.echo(f"{source.name}: {line}", err=line.startswith("problem"))
            problems += len(report.problems)
    if problems:
        sys.exit(1)


def _load_model(name: str) -> object:
    import spacy

    if not spacy.util.is_package(name) and not Path(name).is_dir():
        _fail(f"spaCy model {name!r} is not installed; annotator never downloads models "
              f"(install it with: python -m spacy download {name})")
    try:
        return spacy.load(name)
    except (OSError, ValueError) as exc:
        _fail(f"spaCy model {name!r} cannot be loaded ({exc})")


def main() -> None:
    try:
        cli(prog_name="annotator")
    except CorpusError as exc:
        # Storage says what failed (busy, read-only, disk full, damaged): say it, no traceback.
        click.echo(f"annotator: {exc}", err=True)
        sys.exit(1)
