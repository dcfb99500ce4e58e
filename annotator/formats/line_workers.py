"""JSON Lines read in worker processes while the importing process stores.

Reading a native line (JSON, its spans checked against the text, every value
checked for storing) costs more than storing it, and was done by the one process
that also stores. A file that is JSON Lines throughout is instead sent a batch of
raw lines at a time to the article pool: each worker reads its share, checks it,
reads each article's language and fingerprint, and sends back the documents as
table rows (``storage.bulk_rows``), which the importing process writes. When it has
written all it has and would wait, it reads a share of a later batch itself
(``ArticlePool.take_back``): the two cores then both read.

A batch the rows cannot carry (a document in the corpus already, relations,
events) is read again in the importing process from the same lines
(``documents_of``) and stored the way every other format's documents are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from annotator.core.article_pool import Analysis, analysed
from annotator.core.language import declares_language, with_language
from annotator.core.schema import Schema
from annotator.formats.base import Problem, ReadDocument, ReadOptions, brief
from annotator.formats.checks import checked_against, record_problem
from annotator.formats.json_input import RawLine, line_record
from annotator.formats.jsonl import document_of
from annotator.storage.bulk_rows import DocumentRows, rows_of


@dataclass(frozen=True, slots=True)
class LineRead:
    """A line read into a document: its rows (None when only its record can store
    it), what was found in its text, and what its reading said."""

    line: int
    consumed: int
    rows: DocumentRows | None
    analysis: Analysis
    warnings: tuple[Problem, ...]


def documents_of(lines: Sequence[RawLine], path: Path, options: ReadOptions,
                 schema: Schema) -> list[ReadDocument | Problem]:
    """The documents of ``lines`` checked for storing, or the problem of each that
    cannot be stored, in order; blank lines give nothing."""
    found: list[ReadDocument | Problem] = []
    for number, consumed, raw in lines:
        try:
            item = _document(path, number, consumed, raw, options, schema)
        except Exception as exc:  # one line no check foresaw refuses itself, not the batch
            item = Problem(path, number, f"could not be read ({exc.__class__.__name__}: "
                                         f"{brief(str(exc))})")
        if item is not None:
            found.append(item)
    return found


def _document(path: Path, number: int, consumed: int, raw: bytes, options: ReadOptions,
              schema: Schema) -> ReadDocument | Problem | None:
    obj = line_record(path, number, raw)
    if obj is None or isinstance(obj, Problem):
        return obj
    item = document_of(obj, path, number, consumed, options)
    if isinstance(item, Problem):
        return item
    if reason := record_problem(item.record):
        return Problem(path, number, reason)
    return checked_against(schema, item)


def read_lines(lines: Sequence[RawLine], path: Path, options: ReadOptions,
               schema: Schema) -> list[LineRead | Problem]:
    """What a worker does with its share of a batch: each line read, checked, its
    language and fingerprint found, and made into rows."""
    done: list[LineRead | Problem] = []
    for item in documents_of(lines, path, options, schema):
        if isinstance(item, Problem):
            done.append(item)
            continue
        record = item.record
        language, fingerprint = analysed(record.text, not declares_language(record.meta))
        record = with_language(record, read=lambda _text, found=language: found)
        assert item.line is not None  # every line has its number
        done.append(LineRead(item.line, item.consumed, rows_of(record),
                             (language, fingerprint), item.warnings))
    return done
