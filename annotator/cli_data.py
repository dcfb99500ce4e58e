"""Commands that put articles in a corpus and take them out: import, export, stats,
schema and backup."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from pathlib import Path

import click

from annotator.cli_progress import long_work
from annotator.cli_support import (
    CODER_OPTION,
    CORPUS,
    CORPUS_ARGUMENT,
    _corpus,
    _fail,
    _names_folder,
    _os_reason,
    _pairs,
    _refuse_corpus_inputs,
)
from annotator.core.codebook_file import SchemaFileError, read_schema
from annotator.core.model import STATUSES, InvalidRecord
from annotator.core.schema import schema_to_json
from annotator.formats import jsonl
from annotator.formats.base import ReadOptions
from annotator.formats.exporting import ExportResult, export_corpus
from annotator.formats.registry import EXPORTS, IMPORT_FORMATS
from annotator.formats.selection import (
    BadOption,
    ExportOptions,
    parse_languages,
    parse_split,
    selected,
)
from annotator.formats.tokens import ALIGN_MODES, UnknownLanguage, check_language
from annotator.formats.whole_file import write_whole
from annotator.settings import resolve_coder
from annotator.storage.corpus import CorpusError
from annotator.storage.schema_store import SchemaError
from annotator.storage.stats import corpus_stats

# Help text is at most this wide (click's own limit); the format list wraps to it.
HELP_WIDTH = 78


def _formats_epilog() -> str:
    """The export formats, one a line. A ``\\b`` line keeps click from running them into
    one paragraph; a long description goes on under itself."""
    column = 2 + max(map(len, EXPORTS)) + 2
    # click indents the epilog by two more columns.
    lines = ["\b", "Formats (--format):"]
    for name, described in EXPORTS.items():
        first, *more = textwrap.wrap(described.description, HELP_WIDTH - 2 - column)
        lines.append(f"  {name:<{column - 2}}{first}")
        lines += [" " * column + line for line in more]
    return "\n".join(lines)


@click.command("import")
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

    CORPUS must be named, even for your default corpus (`annotator where`
    prints its path): with one name given, it could be either the corpus or a
    file to import. Creates CORPUS if it does not exist. Exits non-zero if any
    document was rejected, after importing all the others. Files a folder
    holds that are not read (hidden ones, types no importer reads) are named
    with the reason.
    """
    options = ReadOptions(coder=resolve_coder(coder) or "unknown", text_column=text_column)
    _refuse_corpus_inputs(corpus, paths)
    with _corpus(corpus, create=True) as opened, long_work("importing") as work:
        # The importer (every reader's sniffing, the language and duplicate checks: half
        # a second) is loaded once a terminal shows the progress bar, and only here:
        # stats, schema, backup and export never need it.
        from annotator.formats.importing import import_paths

        summary = import_paths(opened, list(paths), fmt=fmt, options=options,
                               progress=work.progress, cancelled=work.cancelled)
    head, *rest = summary.lines()
    click.echo(head)
    for line in rest:
        click.echo(line, err=line.startswith(("rejected", "warning", "stopped", "skipped")))
    if summary.cancelled:
        sys.exit(130)  # as an interrupted command does
    if not summary.ok:
        sys.exit(1)


@click.command(epilog=_formats_epilog())
@CORPUS_ARGUMENT
@click.option("--format", "fmt", type=click.Choice(list(EXPORTS)), default="jsonl",
              show_default=True, help="Output format (listed below).")
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
@click.option("--language", "languages", metavar="CODES",
              help="Only documents in these languages (ISO 639-1 codes, comma-separated: "
                   "en,fr); a document whose language is not known is left out too.")
@click.option("--spans-key", default="sc", show_default=True,
              help="spacy: the doc.spans key that holds every span.")
@click.option("--strict", is_flag=True, help="Any loss is an error: write nothing, exit 1.")
@click.option("--report", "report", type=click.Path(dir_okay=False), default=None,
              help="Also write every item lost or changed, one a line (kind, tab, item), to "
                   "this file: e.g. each event a dataset's rows lack a field of. Written even "
                   "when --strict refuses the export.")
@click.option("--include-suggestions", is_flag=True,
              help="Also export suggested spans not yet accepted by a coder.")
@click.option("--all-labels", is_flag=True,
              help="hf, brat: list every label of the codebook, not only those the export "
                   "uses.")
def export(corpus: Path, fmt: str, output: str, status: str | None, coder: str | None,
           labels: str | None, split: str | None, seed: int, align: str, lang: str,
           languages: str | None, spans_key: str, strict: bool, report: str | None,
           include_suggestions: bool, all_labels: bool) -> None:
    """Export CORPUS for training or for another tool.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
    try:
        options = ExportOptions(
            status=status, coder=coder, seed=seed, align=align, strict=strict,  # type: ignore[arg-type]
            labels=tuple(x.strip() for x in labels.split(",") if x.strip()) if labels else None,
            split=parse_split(split) if split else None, lang=lang, spans_key=spans_key,
            include_suggestions=include_suggestions, all_labels=all_labels,
            languages=parse_languages(languages) if languages is not None else None,
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
        _say_left_out(options)
        return
    if not EXPORTS[fmt].directory and not split and (_names_folder(output)
                                                     or Path(output).is_dir()):
        _fail(f"{output}: is a folder; name a file to write")
    if Path(output).is_symlink():  # written where the link points; the link stays
        output = os.path.realpath(output)
    if report is not None and _names_folder(report):
        _fail(f"{report}: names a folder; name the file to write the report to")
    if report is not None and _same_or_inside(Path(report), Path(output)):
        _fail(f"{report}: is where the export itself goes ({output}); name another file "
              "for the report")
    outputs = (Path(output), *([Path(report)] if report else []))
    with _corpus(corpus, outputs=outputs) as opened, long_work("exporting") as work:
        try:
            result = export_corpus(opened, EXPORTS[fmt], Path(output), options,
                                   progress=work.progress, cancelled=work.cancelled)
        except OSError as exc:
            _fail(f"{output}: could not be written ({_os_reason(exc)}); nothing was written")
        except CorpusError as exc:  # a dataset's export refusing a corpus it cannot write
            _fail(f"{output}: {exc}")
    if report is not None:
        _write_report(Path(report), result)
    if fmt in ("conll", "hf", "prodigy", "spacy") and align == "expand":
        click.echo("spans off token boundaries grow to whole tokens (--align expand)", err=True)
    for line in result.lines():
        click.echo(line, err=line.startswith((" ", "lost", "left out")))
    if result.cancelled:
        sys.exit(130)
    if not result.written:
        sys.exit(1)


def _say_left_out(options: ExportOptions) -> None:
    if options.languages is not None and options.left_out:
        click.echo(options.left_out.line(options.languages), err=True)


def _same_or_inside(report: Path, output: Path) -> bool:
    """Whether the report would be written over the export's output, or into the folder
    an export of folders makes (which takes every file in it as its own)."""
    mine, theirs = Path(os.path.realpath(report)), Path(os.path.realpath(output))
    return mine == theirs or theirs in mine.parents


def _write_report(path: Path, result: ExportResult) -> None:
    lines = [f"lost\t{line}" for line in result.losses.full_lines()]
    lines += [f"changed\t{line}" for line in result.notices.full_lines()]
    try:
        write_whole(path, "\n".join(lines) + "\n" if lines else "")
    except OSError as exc:
        _fail(f"{path}: the report could not be written ({_os_reason(exc)})")
    click.echo(f"report of {len(lines)} items written to {path}", err=True)


@click.command()
@CORPUS_ARGUMENT
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of a table.")
def stats(corpus: Path, as_json: bool) -> None:
    """Count documents, spans, labels, coders, statuses, relations and document labels
    in CORPUS.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
    with _corpus(corpus) as opened:
        if not as_json:
            # The path and the documents are at hand at once; the other counts read every
            # span, seconds on a large corpus, so the table starts before they are done.
            click.echo(f"{opened.path}")
            click.echo(f"  documents  {opened.document_count()}")
        figures = corpus_stats(opened)
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    click.echo(f"  spans      {figures['spans']}")
    if figures["pending_suggestions"]:
        click.echo(f"    {figures['pending_suggestions']} pending suggestions "
                   "(not counted as spans)")
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


@click.command()
@CORPUS_ARGUMENT
@click.option("--json", "as_json", is_flag=True, help="Print the schema as JSON.")
@click.option("--load", "load", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Replace the schema with the one in this JSON file (a shared codebook).")
@click.option("--rename", multiple=True, metavar="OLD=NEW",
              help="With --load: spans of label OLD are kept under NEW.")
@click.option("--move", multiple=True, metavar="OLD=OTHER",
              help="With --load: spans of a label the file drops go to label OTHER.")
def schema(corpus: Path, as_json: bool, load: Path | None, rename: tuple[str, ...],
           move: tuple[str, ...]) -> None:
    """Print the label schema of CORPUS, or replace it with --load FILE.json.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
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
    for kind in current.relation_types:
        key = f"[{kind.shortcut}] " if kind.shortcut else ""
        ends = f"{'/'.join(kind.heads) or 'any'} -> {'/'.join(kind.tails) or 'any'}"
        click.echo(f"relation {key}{kind.name}: {ends}  {kind.description}".rstrip())
    for attribute in current.document_attributes:
        values = f" ({', '.join(attribute.values)})" if attribute.values else ""
        click.echo(f"document question {attribute.name}: {attribute.kind}{values}")
    for attribute in current.event_attributes:
        values = f" ({', '.join(attribute.values)})" if attribute.values else ""
        required = ", required" if attribute.required else ""
        click.echo(f"event attribute {attribute.name}: {attribute.kind}{values}{required}")
    if current.dataset:
        click.echo(f"dataset: {current.dataset}")


@click.command()
@CORPUS_ARGUMENT
@click.option("-o", "--output", type=click.Path(dir_okay=False), required=True,
              help="The copy to write.")
def backup(corpus: Path, output: str) -> None:
    """Copy CORPUS to OUTPUT consistently, even while the window has it open.

    With no CORPUS, works on your default corpus (`annotator where` prints its path).
    """
    if _names_folder(output):
        _fail(f"{output}: names a folder; name the file to write")
    with _corpus(corpus, outputs=(Path(output),)) as opened:
        try:
            opened.backup(Path(output))
        except CorpusError as exc:
            _fail(str(exc))
    click.echo(f"backed up {corpus} to {output}")


