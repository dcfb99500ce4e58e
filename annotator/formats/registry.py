"""Which module reads and writes which format, and how a file's format is told."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from annotator.formats import document_sniff
from annotator.formats.base import Reader, open_regular
from annotator.formats.exporting import ExportFormat, Writer


class _Later:
    """A reader or writer whose module is imported at its first call: naming every
    format must not load every format's libraries (spaCy, pyarrow, PDF and office
    readers): a command loads only the format it reads or writes."""

    def __init__(self, module: str, function: str) -> None:
        self.module = f"annotator.formats.{module}"
        self.function = function

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(self.module), self.function)(*args, **kwargs)

    def __repr__(self) -> str:
        return f"{self.module}.{self.function}"


def _reader(module: str, function: str = "read") -> Reader:
    return _Later(module, function)


def _writer(module: str, function: str = "write") -> Writer:
    return _Later(module, function)


READERS: dict[str, Reader] = {
    "txt": _reader("news_txt"),
    "jsonl": _reader("jsonl"),
    "csv": _reader("csv_import"),
    "doccano": _reader("doccano"),
    "prodigy": _reader("prodigy"),
    "spacy": _reader("spacy_docbin"),
    "conll": _reader("conll"),
    "conllu": _reader("conll", "read_conllu"),
    "brat": _reader("brat"),
    "labelstudio": _reader("labelstudio"),
    "xmi": _reader("xmi"),
    "webanno": _reader("webanno_tsv"),
    # Exports of news databases, many articles a file (news_sniff tells them by content).
    "factiva": _reader("factiva"),
    "nexis": _reader("nexis"),
    # Single documents as coders receive them (document_sniff tells them by content).
    "web": _reader("web_page"),
    "docx": _reader("office_doc", "read_docx"),
    "rtf": _reader("office_doc", "read_rtf"),
    "odt": _reader("office_doc", "read_odt"),
    "epub": _reader("office_doc", "read_epub"),
    "email": _reader("email_message"),
    "pdf": _reader("pdf_text"),
}

IMPORT_FORMATS = ("auto", *READERS)

EXPORTS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jsonl", ".jsonl", _writer("jsonl", "export"),
                 "annotator's native JSONL: everything"),
    ExportFormat("doccano", ".jsonl", _writer("doccano"), "doccano sequence labelling JSONL"),
    ExportFormat("prodigy", ".jsonl", _writer("prodigy"), "Prodigy ner_manual JSONL with tokens"),
    ExportFormat("spacy", ".spacy", _writer("spacy_docbin"),
                 "spaCy DocBin (doc.spans and doc.ents)"),
    ExportFormat("conll", ".conll", _writer("conll"), "CoNLL-2003 style IOB2"),
    ExportFormat("brat", "", _writer("brat"),
                 "brat standoff folder (.txt, .ann, annotation.conf)", directory=True),
    ExportFormat("csv", ".csv", _writer("csv_export"), "one row per span, spreadsheet-safe"),
    ExportFormat("events-csv", ".csv", _writer("events_csv"),
                 "one row per event: actors by role, places, casualties per outcome"),
    ExportFormat("hf", ".parquet", _writer("huggingface"),
                 "Hugging Face token classification (.parquet, or .jsonl by name)"),
    ExportFormat("labelstudio", ".json", _writer("labelstudio"), "Label Studio JSON tasks"),
    ExportFormat("xmi", "", _writer("xmi_write"),
                 "INCEpTION UIMA CAS XMI folder (TypeSystem.xml, one .xmi a document)",
                 directory=True),
    ExportFormat("webanno", "", _writer("webanno_tsv_write"),
                 "WebAnno TSV 3.3 folder for INCEpTION (one .tsv a document)", directory=True),
    ExportFormat("acled-csv", ".csv", _writer("acled_csv"),
                 "ACLED's columns, one row per event, codes checked against ACLED's codebook"),
    ExportFormat("ucdp-ged-csv", ".csv", _writer("ucdp_ged_csv"),
                 "UCDP GED's columns, one row per event, deaths by side"),
    ExportFormat("plover-jsonl", ".jsonl", _writer("plover_jsonl"),
                 "PLOVER/POLECAT event records, one JSON object per event"),
)}

# Suffixes that name one format; .jsonl and .json are told by their content, and so
# are .txt (CoNLL files are often named so) and the CoNLL family's (CoNLL or CoNLL-U).
SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".csv": "csv", ".spacy": "spacy", ".conll": "conll",
    ".iob": "conll", ".bio": "conll", ".tsv": "conll", ".ann": "brat",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".conllu": "conllu",
    ".conllx": "conll", ".iob1": "conll", ".iob2": "conll", ".bioes": "conll",
    ".iobes": "conll", ".bilou": "conll", ".bmes": "conll", ".ner": "conll", ".xmi": "xmi",
    # Names flair, nerpy and CoNLL-2003 give their splits: read if their content is CoNLL.
    ".train": "conll?", ".dev": "conll?", ".test": "conll?", ".testa": "conll?",
    ".testb": "conll?",
    **{suffix: fmt for suffix, fmt in document_sniff.SUFFIXES.items() if fmt in READERS},
}


def format_for(path: Path, requested: str) -> str | None:
    """The format to read ``path`` in, or None if auto cannot tell."""
    if requested != "auto":
        return requested
    # The sniffers are loaded by the import that asks, not by every command naming formats.
    from annotator.formats import conll_sniff, inception_sniff, news_sniff

    if (inception := inception_sniff.sniff(path)) is not None:
        return inception  # .xmi, a zip of them, WebAnno TSV by its first line
    if (export := news_sniff.sniff(path)) is not None:
        return export  # a Factiva or Nexis export, by its content
    found = SUFFIXES.get(path.suffix.lower())
    if found == "txt":
        if path.with_suffix(".ann").exists():
            return "brat"  # brat's text beside its annotations, whatever it looks like
        return conll_sniff.sniff(path) or "txt"
    if found in ("jsonl", "json"):
        return _sniff_json(path)
    if found in ("conll", "conllu"):
        # The family is told by content: CoNLL-U named .conll, columns named .conllu.
        return conll_sniff.sniff(path) or found
    if found in document_sniff.SUFFIXES.values() or found is None:
        document = document_sniff.sniff(path)  # a PDF named .html is read as a PDF
        if document in READERS:
            return document
        if found is not None:
            return found
    if found == "conll?" or found is None:
        return conll_sniff.sniff(path)
    return found


def _sniff_json(path: Path) -> str | None:
    """JSON and JSONL files are told apart by the keys of their first record."""
    try:
        with open_regular(path) as handle:
            head = handle.read(65536).decode("utf-8", "replace").removeprefix("\ufeff")
    except OSError:
        return "jsonl"  # the reader will report why it cannot be read
    first = _first_record(head)
    if isinstance(first, dict):
        keys = set(first)
        if "paragraphs" in keys:
            return "spacy"
        if "text" not in keys and isinstance(first.get("data"), str) \
                and {"label", "labels"} & keys:
            return "doccano"  # flair's JSONL: the text under "data", doccano's labels
        if {"data", "annotations"} & keys and "text" not in keys:
            return "labelstudio"
        if {"tokens", "answer", "_input_hash"} & keys:
            return "prodigy"
        notes = first.get("annotations") or first.get("completions")
        if ("text" in keys and isinstance(notes, list) and notes and isinstance(notes[0], dict)
                and "result" in notes[0]):
            return "labelstudio"  # a flat task: the text beside its annotations
        if {"label", "labels", "entities", "column_data", "column_label"} & keys \
                and "spans" not in keys:
            return "doccano"  # column_*: doccano 1.x's names
        if "cats" in keys and "text" in keys and "spans" not in keys:
            return "doccano"  # intent detection, or categories alone
        if ("text" in keys and "spans" not in keys and isinstance(notes, list) and notes
                and isinstance(notes[0], dict) and "start_offset" in notes[0]):
            return "doccano"  # doccano 1.x: "annotations" with offsets beside the text
        return "jsonl"
    if path.suffix.lower() != ".json" or head.lstrip().startswith(("{", "[")):
        # JSON whose first record cannot be told (too long, too deep, broken): the
        # native reader says what is wrong with it, line by line.
        return "jsonl"
    return None


def _first_record(head: str) -> object:
    stripped = head.lstrip()
    if stripped.startswith("["):
        # A list: decode the first element alone.
        decoder = json.JSONDecoder()
        try:
            value, _ = decoder.raw_decode(stripped[1:].lstrip())
            return value
        except (ValueError, RecursionError):  # also too deep, or a number too long
            return None
    for candidate in (stripped, stripped.split("\n", 1)[0]):
        try:
            return json.JSONDecoder().raw_decode(candidate)[0]
        except (ValueError, RecursionError):
            continue
    return None
