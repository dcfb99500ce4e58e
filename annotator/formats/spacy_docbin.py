"""spaCy's binary DocBin (``.spacy``), and reading its v2 JSON training format.

Every span goes into ``doc.spans[KEY]``; the ones that do not overlap also
into ``doc.ents``. The document's id, title, date, source, url and notes travel in
``doc.user_data``; document labels become ``doc.cats`` (true/false and choices as
1.0/0.0 scores) for spaCy's text classifiers. Relations, discontinuous spans,
links to a knowledge base and every document label with its coder have no
standard place in spaCy: they go in ``doc.user_data["annotator"]`` (see
``docbin_extras``), which annotator reads back and other spaCy tools ignore.
A large export is a folder of ``.spacy`` files (see ``TOKENS_PER_FILE``).
Reading takes a ``.spacy`` file (all span groups and the entities, and
``doc.cats`` as document labels where annotator's own entry is absent) or a v2
``.json`` file, whose text is rebuilt from its tokens.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.model import DocumentRecord, InvalidRecord
from annotator.core.text import normalise_with_offsets
from annotator.formats.base import (
    Problem,
    ReadDocument,
    ReadItem,
    ReadOptions,
    brief,
    load_text,
)
from annotator.formats.carried import relation_lost, span_lost, twins_lost
from annotator.formats.conll import decode_tags
from annotator.formats.docbin_extras import KEY, cats_of, extras_of
from annotator.formats.docbin_reader import normalised_spans, read_docbin
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.file_names import bounded
from annotator.formats.json_input import BadJson, list_items, loads
from annotator.formats.losses import describe, report_left_out
from annotator.formats.tokens import align_spans, make_doc, without_overlaps


@contextmanager
def _encoders_looked_up_once() -> Iterator[None]:
    """srsly finds its msgpack encoders through package entry points every time it
    packs (three times per document in a DocBin): half the export's time. For the
    length of an export, the first lookup's answer is reused."""
    import srsly

    registry = srsly.msgpack_encoders
    found = registry.get_all()
    registry.get_all = lambda: found  # type: ignore[method-assign]
    try:
        yield
    finally:
        del registry.get_all  # the class's own method again


# A DocBin holds every token of every document until it is written, and writing
# makes several copies more: 3,000 news articles took 1 GB, 100,000 would take
# about 30. Past this many tokens (about 400 articles) the export becomes a folder
# of .spacy files, which spaCy's training reads as it reads one file; 3,000
# articles then peak at 320 MB, and so does any larger export.
TOKENS_PER_FILE = 250_000


def write(source: Source, path: Path, context: ExportContext) -> int:
    with _encoders_looked_up_once():
        return _write(source, path, context)


def _write(source: Source, path: Path, context: ExportContext) -> int:
    from spacy.tokens import DocBin

    options = context.options
    docbin = DocBin(store_user_data=True)
    count = tokens = 0
    parts: list[Path] = []
    for coded in source():
        document = coded.document
        doc = make_doc(document.text, options.lang, notices=context.notices, meta=document.meta,
                       doc_uid=document.uid)
        aligned = align_spans(doc, coded.spans, options.align, document.uid, context.losses)
        doc.spans[options.spans_key] = [a.token_span for a in aligned]
        doc.ents = [a.token_span for a in
                    without_overlaps(aligned, document.uid, context.losses, "doc.ents "
                                     f"(kept in doc.spans[{options.spans_key!r}])")]
        for item in aligned:
            if item.span.attrs:
                s = item.span
                context.losses.add("span attributes (a DocBin span holds only a label)",
                                   describe(document.uid, document.text, s.start, s.end, s.label))
        report_left_out(coded, context.losses, "DocBin", attributes=False, relations=False,
                        fragments=False, links=False, doc_labels=False,
                        coders=("spans",), details=("meta", "flags"), ids=False)
        twins_lost(coded, context.losses, "DocBin")
        extras, left, unmoved = extras_of(coded, aligned)
        for relation in left:
            relation_lost(context.losses, coded, relation, "an end is a span left out of "
                          "the DocBin's tokens")
        for span in unmoved:
            span_lost(context.losses, coded, span, "discontinuous spans moved to token "
                      "boundaries, written as one stretch", "pieces " + ", ".join(
                          f"{a}-{b}" for a, b in span.fragments))
        doc.user_data.update({"id": document.uid, "title": document.title,
                              "date": document.date, "source": document.source,
                              "url": document.url, "notes": document.notes})
        if extras:
            doc.user_data[KEY] = extras
        doc.cats = cats_of(coded.doc_labels)
        docbin.add(doc)
        count += 1
        tokens += len(doc)
        if tokens >= TOKENS_PER_FILE:
            parts.append(_part(path, len(parts) + 1))
            docbin.to_disk(parts[-1])
            docbin, tokens = DocBin(store_user_data=True), 0
    if not parts:
        docbin.to_disk(path)
        return count
    if len(docbin):
        parts.append(_part(path, len(parts) + 1))
        docbin.to_disk(parts[-1])
    path.mkdir()
    for number, part in enumerate(parts, start=1):
        part.replace(path / f"{bounded(path.stem)}-{number:04d}.spacy")
    return count


def _part(path: Path, number: int) -> Path:
    # Beside the output while it is written; a long output name must leave room.
    return path.with_name(f".{bounded(path.name)}.part-{number:04d}")


def read(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    if path.suffix.lower() == ".json":
        yield from _read_v2_json(path, options)
        return
    # Read by hand, every length and index checked: spaCy's DocBin reader trusts
    # the file (and inflates it whole, however far it expands).
    yield from read_docbin(path, options)


def _read_v2_json(path: Path, options: ReadOptions) -> Iterator[ReadItem]:
    loaded = load_text(path)
    if isinstance(loaded, Problem):
        yield loaded
        return
    text = loaded.text.removeprefix("\ufeff")
    items = list_items(text) if text.lstrip().startswith("[") else None
    if items is None:
        try:
            loads(text)
        except BadJson as exc:
            yield Problem(path, exc.line, str(exc))
            return
        yield Problem(path, None, "is not spaCy's v2 JSON (a list of documents)")
        return
    notices = loaded.encoding_warning(path)
    for index, (first, last, item) in enumerate(items, start=1):
        if damaged := loaded.damage_problem(path, first, last):
            yield damaged
            continue
        try:
            record, warnings = _v2_document(item, options)
        except (InvalidRecord, _NotV2) as exc:
            yield Problem(path, first, f"document {index} is not spaCy v2 JSON: {exc}")
            continue
        said = tuple(Problem(path, first, w) for w in warnings)
        yield ReadDocument(record, path, first, (*(notices if index == 1 else ()), *said))


class _NotV2(ValueError):
    """A part of a document that is not in spaCy's v2 JSON shape."""


def _objects(holder: Any, key: str) -> list[dict[str, Any]]:
    value = holder.get(key) if isinstance(holder, dict) else None
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _NotV2(f'"{key}" must be a list of objects')
    return value


def _string(holder: dict[str, Any], key: str, default: str | None = None) -> str | None:
    value = holder.get(key, default)
    if value is not None and not isinstance(value, str):
        raise _NotV2(f'"{key}" must be a string, not {brief(value)}')
    return value


def _v2_document(item: dict[str, Any], options: ReadOptions,
                 ) -> tuple[DocumentRecord, list[str]]:
    """Text from ``raw`` where given, else tokens joined by spaces, sentences by lines."""
    parts: list[str] = []
    tagged: list[tuple[int, int, str]] = []
    length = 0
    for paragraph in _objects(item, "paragraphs"):
        if parts:
            parts.append("\n\n")
            length += 2
        raw = _string(paragraph, "raw")
        cursor = 0
        for sentence_number, sentence in enumerate(_objects(paragraph, "sentences")):
            if not raw and sentence_number:
                parts.append("\n")
                length += 1
            for token_number, token in enumerate(_objects(sentence, "tokens")):
                orth = _string(token, "orth") or ""
                if raw:
                    at = raw.find(orth, cursor)
                    if at < 0:
                        raise _NotV2(f"token {brief(orth)} is not in its paragraph's raw text "
                                     "(after the tokens before it)")
                    start = length + at
                    cursor = at + len(orth)
                else:
                    if token_number:
                        parts.append(" ")
                        length += 1
                    start = length
                    parts.append(orth)
                    length += len(orth)
                tagged.append((start, start + len(orth), _string(token, "ner") or "O"))
        if raw:
            parts.append(raw)
            length += len(raw)
    # Normalised like every other import ("\r\n" in a raw text or a token becomes
    # LF), the spans moved with it.
    normalised = normalise_with_offsets("".join(parts))
    spans, emptied = normalised_spans(decode_tags(tagged), normalised, options.coder)
    uid = item.get("id")
    return DocumentRecord(text=normalised.text, spans=tuple(spans),
                          meta={} if uid is None else {"spacy_id": uid}), \
        [emptied] if emptied else []
