"""Reading token-per-line files: CoNLL-2003, IOB/BIOES/BMES columns, GermEval, flair.

Layouts are told per file from its lines: two columns (token, tag), CoNLL-2003's
four (``token POS chunk NER``), ``tok _ _ TAG``, GermEval 2014's ``index token
outer inner`` with ``#`` source lines (its inner column holds nested entities),
flair's ``+``/``-`` column saying whether a space follows the token, and a
``WORD TAG`` header line. Columns are apart by tabs where a line has one (a
token may then hold spaces), else by white space.

Each ``-DOCSTART-`` line (or GermEval ``#`` source line) starts a document; a
file without one is one document. Blank lines end sentences, which are kept:
one sentence a line of the text (see conll_text). The tag scheme is told once
for the whole file (conll_tags), and tag sequences it had to repair are counted
in one warning naming the first line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from annotator.core.dates import parse_date
from annotator.core.model import DocumentRecord, InvalidRecord, Span
from annotator.formats.base import (
    LoadedText,
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    brief,
    file_name,
    load_text,
)
from annotator.formats.conll_tags import Repairs, Scheme, decode, detect_scheme, is_prefixed
from annotator.formats.conll_text import TOKENIZATION, join, tokenization_meta

HEADER_TOKENS = {"WORD", "WORDS", "TOKEN", "TOKENS", "TEXT", "FORM"}
HEADER_TAGS = {"TAG", "TAGS", "NER", "LABEL", "LABELS", "BIO", "IOB", "ENTITY", "ENTITIES"}
SPACE_MARKS = {"+", "-"}
_LAYOUT_SAMPLE = 5000  # token lines looked at to tell the layout


@dataclass(frozen=True)
class Layout:
    width: int
    token: int
    tags: tuple[int, ...]
    space_after: int | None = None  # flair's column: + a space follows, - none
    header: bool = False
    # Bare labels (IO) are tags only in a column that looks like tags as a whole;
    # elsewhere a value that is not O or prefixed is a mistake, said as one.
    bare_labels: bool = True


@dataclass
class Token:
    text: str
    tags: list[str]
    space_after: bool | None
    line: int


@dataclass
class DocumentLines:
    """The token lines of one document, by sentence, before tags are decoded."""

    first_line: int
    sentences: list[list[Token]] = field(default_factory=lambda: [[]])
    source: str | None = None
    date: str | None = None
    title: str = ""
    problem: Problem | None = None

    def add(self, token: Token) -> None:
        self.sentences[-1].append(token)

    def end_sentence(self) -> None:
        if self.sentences[-1]:
            self.sentences.append([])

    @property
    def tokens(self) -> list[Token]:
        return [t for sentence in self.sentences for t in sentence]


def fields_of(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def is_docstart(line: str) -> bool:
    return line.startswith("-DOCSTART-")


def is_source_line(line: str) -> bool:
    """GermEval's ``#<tab>source<tab>[date]`` line, which starts a document."""
    return line.startswith("#") and "\t" in line[:2]


def tag_like(values: list[str]) -> bool:
    """A column of tags: O and prefixed tags, or a few bare labels beside O (IO)."""
    if not values:
        return False
    prefixed = sum(1 for v in values if v == "O" or is_prefixed(v))
    if prefixed >= 0.9 * len(values) and "O" in values:
        return True
    distinct = set(values)
    return "O" in distinct and len(distinct) <= max(12, len(values) // 20)


def detect_layout(rows: list[list[str]]) -> Layout:
    """Which column holds the token, which the tags, from the first token lines."""
    rows = rows[:_LAYOUT_SAMPLE]
    if not rows:
        return Layout(2, 0, (1,))
    width = Counter(len(r) for r in rows).most_common(1)[0][0]
    full = [r for r in rows if len(r) == width]
    if width == 4 and sum(1 for r in full if r[0].isdigit()) > 0.9 * len(full):
        return Layout(4, 1, (2, 3))  # GermEval: index, token, outer, inner
    header = (len(rows[0]) >= 2 and rows[0][0].upper() in HEADER_TOKENS
              and rows[0][-1].upper() in HEADER_TAGS)
    body = full[1:] if header and full and full[0] is rows[0] else full
    space_after = None
    tags = None
    for column in range(width - 1, 0, -1):
        values = [r[column] for r in body]
        if column == width - 1 and width >= 3 and values and set(values) <= SPACE_MARKS:
            space_after = column
            continue
        if tag_like(values):
            tags = (column,)
            break
    if tags is None:
        tags = (width - 1 if space_after != width - 1 else max(width - 2, 1),)
        return Layout(width, 0, tags, space_after, header, bare_labels=False)
    return Layout(width, 0, tags, space_after, header)


def split_documents(loaded: LoadedText, path: Path) -> tuple[list[DocumentLines], Layout]:
    """The file's documents and sentences, each token with its tags and line."""
    lines = loaded.text.removeprefix("\ufeff").split("\n")
    rows = [fields_of(line.rstrip("\r")) for line in lines[:_LAYOUT_SAMPLE * 2]]
    sample = [r for r, line in zip(rows, lines, strict=False)
              if len(r) >= 2 and not is_docstart(line) and not is_source_line(line)]
    layout = detect_layout(sample)
    documents: list[DocumentLines] = []
    current = DocumentLines(1)
    header_pending = layout.header
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r")
        if is_docstart(line) or is_source_line(line):
            documents.append(current)
            current = DocumentLines(number)
            if is_source_line(line):
                source = line[1:].strip().split("\t")
                current.source = source[0]
                current.date = source[1].strip("[]") if len(source) > 1 else None
            continue
        if current.problem is not None:
            continue  # the rest of a refused document
        fields = fields_of(line)
        if not fields or not "".join(fields).strip():
            current.end_sentence()
            continue
        if header_pending:
            header_pending = False
            continue
        if len(fields) == 1:
            current.problem = Problem(path, number, f"has a token but no tag: {brief(line)}")
            continue
        token = _token(fields, layout, number)
        if not token.text:
            current.problem = Problem(path, number, f"has an empty token: {brief(line)}")
            continue
        bad = [t for t in token.tags if not layout.bare_labels and t != "O"
               and not is_prefixed(t)]
        if bad or not all(token.tags):
            current.problem = Problem(path, number, f"tag {brief(bad[0] if bad else '')} is not "
                                      "O or a B-/I-/E-/S- (L-/U-/M-) tag with a label")
            continue
        current.add(token)
    documents.append(current)
    return [d for d in documents if d.tokens or d.problem], layout


def _token(fields: list[str], layout: Layout, line: int) -> Token:
    if len(fields) != layout.width:
        # A line of its own width: its first field is the token, its last the tag.
        return Token(fields[0].strip(), [fields[-1].strip()], None, line)
    space_after = None
    if layout.space_after is not None:
        space_after = fields[layout.space_after] == "+"
    return Token(fields[layout.token].strip(), [fields[c].strip() for c in layout.tags],
                 space_after, line)


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield loaded
        return
    documents, _layout = split_documents(loaded, path)
    schemes = file_schemes(documents)
    repairs = Repairs()
    warnings: list[Problem] = list(loaded.encoding_warning(path))
    name = file_name(path, warnings)
    held: ReadDocument | None = None  # the last document carries the file's warnings
    for lines in documents:
        item = build_document(lines, schemes, repairs, loaded, path, options, name)
        if held is not None:
            yield held
        held = None
        if isinstance(item, Problem):
            yield item
        else:
            held = item
    if repairs.total:
        warnings.append(Problem(path, repairs.first, repair_message(repairs, schemes)))
    if held is not None:
        yield replace(held, warnings=held.warnings + tuple(warnings))


def file_schemes(documents: list[DocumentLines]) -> list[Scheme]:
    """The tag scheme of each tag column, told from all of the file's sentences."""
    columns = max((len(t.tags) for d in documents for t in d.tokens), default=1)
    return [detect_scheme([[t.tags[c] for t in s if c < len(t.tags)]
                           for d in documents for s in d.sentences]) for c in range(columns)]


def repair_message(repairs: Repairs, schemes: list[Scheme]) -> str:
    names = "/".join(sorted({s.name for s in schemes}))
    return (f"{repairs.total} tag sequences repaired as seqeval reads them (tags read as "
            f"{names}): {repairs.describe()}; first at line {repairs.first}")


def build_document(lines: DocumentLines, schemes: list[Scheme], repairs: Repairs,
                   loaded: LoadedText, path: Path, options: ReadOptions, name: str) -> ReadItem:
    """A document from its token lines: text a sentence a line, spans from the tags."""
    if lines.problem is not None:
        return lines.problem
    last = max(t.line for t in lines.tokens)
    if damaged := loaded.damage_problem(path, lines.first_line, last):
        return damaged
    sentences = [s for s in lines.sentences if s]
    joined = join([[t.text for t in s] for s in sentences],
                  [[t.space_after for t in s] for s in sentences])
    spans = []
    for sentence, offsets in zip(sentences, joined.sentences, strict=True):
        places = [t.line for t in sentence]
        for column, scheme in enumerate(schemes):
            tags = [t.tags[column] if column < len(t.tags) else "O" for t in sentence]
            for first, end, label in decode(tags, scheme, repairs, places):
                start, stop = offsets[first][0], offsets[end - 1][1]
                spans.append((start, stop, label))
    try:
        record = DocumentRecord(
            text=joined.text, title=lines.title, source=lines.source, date=parse_date(lines.date or ""),
            meta={"file": name, TOKENIZATION: tokenization_meta(joined)},
            spans=tuple(Span(start=a, end=b, label=label, text=joined.text[a:b],
                             coder=options.coder, origin="imported") for a, b, label in spans))
    except InvalidRecord as exc:
        return Problem(path, lines.first_line, str(exc))
    return ReadDocument(record, path, lines.first_line)
