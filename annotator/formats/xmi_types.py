"""The UIMA types annotator reads from and writes to INCEpTION's CAS XMI.

What INCEpTION shows, in its own layer types:

- a span: one ``NamedEntity`` (``value`` = label, ``identifier`` = its first
  knowledge-base link) per piece; a discontinuous span is several of them;
- a relation: ``webanno.custom.Relation`` with ``Governor`` (head) and ``Dependent``
  (tail) pointing at the first piece of each span, and ``label``;
- a document label: ``webanno.custom.DocumentLabel`` (a document metadata layer, an
  ``AnnotationBase`` with no offsets) with ``name`` and ``value`` as text;
- title and id: ``DocumentMetaData``; the source's sentences and tokens: ``Sentence``
  and ``Token``.

What only annotator reads back, so that a re-import gives exactly what went out:
``org.annotator.type.Record``, a feature structure with no offsets whose
``annotates`` lists the annotations it is about and whose ``json`` holds what
the layers have no feature for: a span's id, coder, origin, attributes, links
and which NamedEntities are its pieces; a relation's id, coder, origin and
attributes; a document label's coder and typed value (a list, a number, true or
false); the document's date, source, url, meta, statuses, notes, flags and events.
INCEpTION keeps the layers it knows and leaves these records out.
"""

from __future__ import annotations

import re

from cassis import TypeSystem

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
RELATION = "webanno.custom.Relation"
DOCUMENT_LABEL = "webanno.custom.DocumentLabel"
RECORD = "org.annotator.type.Record"

ANNOTATION = "uima.tcas.Annotation"
ANNOTATION_BASE = "uima.cas.AnnotationBase"
DOCUMENT_ANNOTATION = "uima.tcas.DocumentAnnotation"
STRING = "uima.cas.String"
GOVERNOR, DEPENDENT = "Governor", "Dependent"

TYPE_SYSTEM_NAMES = ("TypeSystem.xml", "typesystem.xml")

# XML 1.0 cannot hold these characters at all, not even escaped (INCEpTION offers
# "XMI (XML 1.1)" for them); a document with one is left out and reported.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> bool:
    return _NOT_XML.search(text) is None


def type_system() -> TypeSystem:
    """The type system annotator writes beside its XMI files."""
    ts = TypeSystem()
    metadata = ts.create_type(METADATA, DOCUMENT_ANNOTATION)
    for name in ("documentTitle", "documentId", "documentUri", "collectionId"):
        ts.create_feature(metadata, name, STRING)
    ts.create_type(SENTENCE, ANNOTATION)
    ts.create_type(TOKEN, ANNOTATION)
    entity = ts.create_type(NAMED_ENTITY, ANNOTATION)
    ts.create_feature(entity, "value", STRING)
    ts.create_feature(entity, "identifier", STRING)
    relation = ts.create_type(RELATION, ANNOTATION)
    ts.create_feature(relation, GOVERNOR, NAMED_ENTITY)
    ts.create_feature(relation, DEPENDENT, NAMED_ENTITY)
    ts.create_feature(relation, "label", STRING)
    label = ts.create_type(DOCUMENT_LABEL, ANNOTATION_BASE)
    ts.create_feature(label, "name", STRING)
    ts.create_feature(label, "value", STRING)
    record = ts.create_type(RECORD, "uima.cas.TOP")
    ts.create_feature(record, "annotates", "uima.cas.FSArray", elementType="uima.cas.TOP")
    ts.create_feature(record, "json", STRING)
    return ts
