"""Writing INCEpTION's UIMA CAS XMI: a folder of ``TypeSystem.xml`` and one ``.xmi`` a
document, as INCEpTION's own export has it (``xmi_types`` says which types hold what).

cassis turns annotator's code point offsets into UIMA's UTF-16 ones as it writes.
Everything annotator holds is carried; a document XML 1.0 cannot hold (a control
character in its text or labels) is left out and reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cassis import Cas, TypeSystem

from annotator.core.events import event_object
from annotator.core.model import CodedDocument, Span
from annotator.formats.conll_text import sentences_are_lines, stored_tokens
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.file_names import FileNames
from annotator.formats.inception_values import identifier_of
from annotator.formats.losses import report_left_out
from annotator.formats.safe_text import clipped
from annotator.formats.xmi_types import (
    DEPENDENT,
    DOCUMENT_LABEL,
    GOVERNOR,
    METADATA,
    NAMED_ENTITY,
    RECORD,
    RELATION,
    SENTENCE,
    TOKEN,
    type_system,
    xml_safe,
)

NOT_XML = ("documents left out: their text or labels hold characters XML 1.0 cannot "
           "(control characters); export jsonl")
_WORDS = re.compile(r"\w+|[^\w\s]")


def write(source: Source, path: Path, context: ExportContext) -> int:
    path.mkdir(parents=True, exist_ok=True)
    ts = type_system()
    names = FileNames()
    count = 0
    for coded in source():
        doc = coded.document
        # Every kind annotator holds has a place here: nothing to report.
        report_left_out(coded, context.losses, "XMI", attributes=False, events=False,
                        relations=False, fragments=False, links=False, doc_labels=False,
                        coders=False, statuses=False, details=(), ids=False)
        if not _writable(coded):
            context.losses.add(NOT_XML, f"document {clipped(doc.uid)}")
            continue
        cas = document_cas(coded, ts)
        cas.to_xmi(path / f"{names.stem(doc.uid)}.xmi")
        count += 1
    ts.to_xml(path / "TypeSystem.xml")
    return count


def _writable(coded: CodedDocument) -> bool:
    doc = coded.document
    texts = [doc.text, doc.title, doc.uid, *(s.label for s in coded.spans),
             *(r.label for r in coded.relations), *(d.name for d in coded.doc_labels),
             *(_shown(d.value) for d in coded.doc_labels),
             *(link.id for s in coded.spans for link in s.links)]
    return all(xml_safe(text) for text in texts)


def document_cas(coded: CodedDocument, ts: TypeSystem) -> Cas:
    """One document as a CAS of ``ts`` (annotator's type system)."""
    doc = coded.document
    cas = Cas(ts)
    cas.sofa_string = doc.text
    cas.sofa_mime = "text/plain"
    cas.add(ts.get_type(METADATA)(begin=0, end=len(doc.text), documentTitle=doc.title,
                                  documentId=doc.uid))
    for kind, ranges in _segments(doc.text, doc.meta).items():
        made = ts.get_type(kind)
        cas.add_all([made(begin=a, end=b) for a, b in ranges])
    record, fs_array = ts.get_type(RECORD), ts.get_type("uima.cas.FSArray")
    entity = ts.get_type(NAMED_ENTITY)
    firsts: dict[str, Any] = {}
    for span in coded.spans:
        pieces = [entity(begin=a, end=b, value=span.label, identifier=_identifier(span))
                  for a, b in span.pieces]
        cas.add_all(pieces)
        firsts[span.uid] = pieces[0]
        cas.add(record(annotates=fs_array(elements=pieces), json=_json(
            {"kind": "span", "id": span.uid, "coder": span.coder, "origin": span.origin,
             "attrs": dict(span.attrs), "links": [link.as_json() for link in span.links]})))
    made_relation = ts.get_type(RELATION)
    for relation in coded.relations:
        governor, dependent = firsts[relation.head], firsts[relation.tail]
        arc = made_relation(begin=dependent.begin, end=dependent.end, label=relation.label,
                            **{GOVERNOR: governor, DEPENDENT: dependent})
        cas.add(arc)
        cas.add(record(annotates=fs_array(elements=[arc]), json=_json(
            {"kind": "relation", "id": relation.uid, "coder": relation.coder,
             "origin": relation.origin, "attrs": dict(relation.attrs)})))
    made_label = ts.get_type(DOCUMENT_LABEL)
    for label in coded.doc_labels:
        fs = made_label(name=label.name, value=_shown(label.value))
        cas.add(fs)
        cas.add(record(annotates=fs_array(elements=[fs]), json=_json(
            {"kind": "document label", "coder": label.coder, "value": label.value})))
    cas.add(record(annotates=fs_array(elements=[]), json=_json(
        {"kind": "document", "date": doc.date, "source": doc.source, "url": doc.url,
         "meta": dict(doc.meta), "statuses": dict(coded.statuses), "notes": doc.notes,
         "flags": dict(doc.flags), "events": [event_object(e) for e in coded.events]})))
    return cas


def _json(value: Mapping[str, Any]) -> str:
    # ASCII escapes keep control characters in attribute values out of the XML.
    return json.dumps(value, ensure_ascii=True, sort_keys=True)


def _identifier(span: Span) -> str | None:
    """INCEpTION's ``identifier`` holds one knowledge-base IRI; the record keeps them all."""
    if not span.links:
        return None
    return identifier_of(span.links[0])


def _shown(value: Any) -> str:
    """A document label's value as INCEpTION shows it; the record keeps its type."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _segments(text: str, meta: Mapping[str, Any]) -> dict[str, list[tuple[int, int]]]:
    """Tokens and sentences for INCEpTION's editor: those the source had where the
    document keeps them, else words and non-blank lines."""
    tokens = stored_tokens(text, meta) or [m.span() for m in _WORDS.finditer(text)]
    kept = meta.get("tokenization")
    sentences: list[tuple[int, int]] = []
    if isinstance(kept, Mapping) and isinstance(kept.get("sentences"), list):
        sentences = [(pair[0], pair[1]) for pair in kept["sentences"]
                     if isinstance(pair, list | tuple) and len(pair) == 2
                     and all(isinstance(v, int) for v in pair) and 0 <= pair[0] < pair[1] <= len(text)]
    if not sentences or sentences_are_lines(meta):
        sentences = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    return {SENTENCE: sentences, TOKEN: tokens}
