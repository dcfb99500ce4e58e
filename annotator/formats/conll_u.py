"""Reading CoNLL-U (Universal Dependencies): ten tab-separated columns a word.

- The text is rebuilt from the surface tokens honouring ``SpaceAfter=No`` in the
  MISC column, one sentence a line; where a sentence's ``# text =`` differs from
  that (other white space), a warning names the first such line.
- Multiword tokens (``1-2 don't``) are one token of the text; their words
  (``do``, ``n't``) are not text. Empty nodes (``1.1``) are skipped.
- ``# newdoc`` starts a document (its ``id`` becomes the title); a file without
  one is one document.
- Entities come from a MISC key ``NER=``, ``NE=`` or ``Entity=`` holding a tag of
  any scheme conll_tags reads (``NER=B-PER``); a multiword token takes its
  first tagged word's tag. CoNLL-U has no column of its own for entities; a
  file without such keys gives documents without spans, and a warning says so.
  CorefUD's bracketed ``Entity=(e1-person-1`` is coreference, not read, and
  said so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from annotator.formats.base import Problem, ReadDocument, ReadItem, ReadOptions, brief, file_name, load_text
from annotator.formats.conll_read import DocumentLines, Token, build_document, file_schemes, repair_message
from annotator.formats.conll_tags import Repairs, is_prefixed

NER_KEYS = ("NER", "NE", "Entity")
_RANGE = re.compile(r"(\d+)-(\d+)")


def _misc(value: str) -> dict[str, str]:
    if value == "_":
        return {}
    return dict(item.partition("=")[::2] for item in value.split("|"))


def _tag(misc: dict[str, str]) -> tuple[str | None, bool]:
    """The entity tag in a MISC column, and whether a coreference bracket was met."""
    for key in NER_KEYS:
        value = misc.get(key)
        if value is None:
            continue
        if "(" in value or ")" in value:
            return None, True
        if value == "O" or is_prefixed(value):
            return value, False
    return None, False


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.documents: list[DocumentLines] = []
        self.current = DocumentLines(1)
        self.problem_lines: list[Problem] = []
        self.tagged = False
        self.brackets = 0
        self.text_differs: int | None = None
        self.sentence_text: tuple[int, str] | None = None
        self.range_end = 0  # last word of the multiword token being read
        self.range_token: Token | None = None

    def comment(self, line: str, number: int) -> None:
        key, _, value = line[1:].strip().partition("=")
        key, value = key.strip(), value.strip()
        if key.startswith("newdoc"):
            if self.current.tokens or self.current.problem:
                self.documents.append(self.current)
            self.current = DocumentLines(number, title=value)
        elif key == "text":
            self.sentence_text = (number, value)

    def end_sentence(self) -> None:
        sentence = self.current.sentences[-1]
        if sentence and self.sentence_text is not None and self.text_differs is None:
            rebuilt = "".join(t.text + (" " if t.space_after is not False else "")
                              for t in sentence).rstrip(" ")
            if rebuilt != self.sentence_text[1]:
                self.text_differs = self.sentence_text[0]
        self.sentence_text = None
        self.current.end_sentence()

    def word(self, fields: list[str], number: int) -> None:
        if len(fields) != 10:
            self.current.problem = self.current.problem or Problem(
                self.path, number, f"has {len(fields)} columns, not CoNLL-U's 10: "
                                   f"{brief(chr(9).join(fields))}")
            return
        ident, form, misc = fields[0], fields[1], _misc(fields[9])
        tag, bracket = _tag(misc)
        self.brackets += bracket
        self.tagged = self.tagged or tag is not None
        space_after = misc.get("SpaceAfter") != "No"
        if "." in ident:
            return  # an empty node: no text
        if match := _RANGE.fullmatch(ident):
            self.range_end = int(match.group(2))
            self.range_token = Token(form, ["O"], space_after, number)
            self.current.add(self.range_token)
            return
        if ident.isdigit() and int(ident) <= self.range_end and self.range_token is not None:
            if tag not in (None, "O") and self.range_token.tags == ["O"]:
                self.range_token.tags = [tag]  # a word of a multiword token
            return
        self.range_token = None
        self.current.add(Token(form, [tag or "O"], space_after, number))

    def finish(self) -> list[DocumentLines]:
        self.end_sentence()
        if self.current.tokens or self.current.problem:
            self.documents.append(self.current)
        return self.documents


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield loaded
        return
    reader = _Reader(path)
    for number, raw in enumerate(loaded.text.removeprefix("\ufeff").split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            reader.end_sentence()
            reader.range_end = 0
        elif line.startswith("#"):
            reader.comment(line, number)
        elif reader.current.problem is None:
            reader.word(line.split("\t"), number)
    documents = reader.finish()
    schemes = file_schemes(documents)
    repairs = Repairs()
    warnings = list(loaded.encoding_warning(path))
    name = file_name(path, warnings)
    if not reader.tagged:
        warnings.append(Problem(path, None, "has no entity tags (MISC NER=, NE= or Entity= "
                                            "with B-/I- tags); imported without spans"))
    if reader.brackets:
        warnings.append(Problem(path, None, f"{reader.brackets} coreference brackets "
                                            "(CorefUD Entity=) not read: coreference is not "
                                            "imported"))
    if reader.text_differs is not None:
        warnings.append(Problem(path, reader.text_differs, "its '# text' differs from its tokens "
                                "and SpaceAfter (white space other than one space): the text "
                                "is rebuilt from the tokens"))
    held: ReadDocument | None = None
    for lines in documents:
        item = build_document(lines, schemes, repairs, loaded, path, options, name)
        if held is not None:
            yield held
        held = item if isinstance(item, ReadDocument) else None
        if isinstance(item, Problem):
            yield item
    if repairs.total:
        warnings.append(Problem(path, repairs.first, repair_message(repairs, schemes)))
    if held is not None:
        yield replace(held, warnings=held.warnings + tuple(warnings))
