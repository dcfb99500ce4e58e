"""Which module reads and writes which format, and how a file's format is told."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.formats import (
    acled_csv,
    brat,
    conll,
    conll_sniff,
    csv_export,
    csv_import,
    doccano,
    document_sniff,
    email_message,
    events_csv,
    factiva,
    huggingface,
    inception_sniff,
    jsonl,
    labelstudio,
    news_sniff,
    news_txt,
    nexis,
    office_doc,
    pdf_text,
    plover_jsonl,
    prodigy,
    spacy_docbin,
    ucdp_ged_csv,
    web_page,
    webanno_tsv,
    webanno_tsv_write,
    xmi,
    xmi_write,
)
from annotator.formats.base import Reader, open_regular
from annotator.formats.exporting import ExportFormat

READERS: dict[str, Reader] = {
    "txt": news_txt.read,
    "jsonl": jsonl.read,
    "csv": csv_import.read,
    "doccano": doccano.read,
    "prodigy": prodigy.read,
    "spacy": spacy_docbin.read,
    "conll": conll.read,
    "conllu": conll.read_conllu,
    "brat": brat.read,
    "labelstudio": labelstudio.read,
    "xmi": xmi.read,
    "webanno": webanno_tsv.read,
    # Exports of news databases, many articles a file (news_sniff tells them by content).
    "factiva": factiva.read,
    "nexis": nexis.read,
    # Single documents as coders receive them (document_sniff tells them by content).
    "web": web_page.read,
    "docx": office_doc.read_docx,
    "rtf": office_doc.read_rtf,
    "odt": office_doc.read_odt,
    "epub": office_doc.read_epub,
    "email": email_message.read,
    "pdf": pdf_text.read,
}

IMPORT_FORMATS = ("auto", *READERS)

EXPORTS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("jsonl", ".jsonl", jsonl.export, "annotator's native JSONL: everything"),
    ExportFormat("doccano", ".jsonl", doccano.write, "doccano sequence labelling JSONL"),
    ExportFormat("prodigy", ".jsonl", prodigy.write, "Prodigy ner_manual JSONL with tokens"),
    ExportFormat("spacy", ".spacy", spacy_docbin.write, "spaCy DocBin (doc.spans and doc.ents)"),
    ExportFormat("conll", ".conll", conll.write, "CoNLL-2003 style IOB2"),
    ExportFormat("brat", "", brat.write, "brat standoff folder (.txt, .ann, annotation.conf)",
                 directory=True),
    ExportFormat("csv", ".csv", csv_export.write, "one row per span, spreadsheet-safe"),
    ExportFormat("events-csv", ".csv", events_csv.write,
                 "one row per event: actors by role, places, casualties per outcome"),
    ExportFormat("hf", ".parquet", huggingface.write,
                 "Hugging Face token classification (.parquet, or .jsonl by name)"),
    ExportFormat("labelstudio", ".json", labelstudio.write, "Label Studio JSON tasks"),
    ExportFormat("xmi", "", xmi_write.write,
                 "INCEpTION UIMA CAS XMI folder (TypeSystem.xml, one .xmi a document)",
                 directory=True),
    ExportFormat("webanno", "", webanno_tsv_write.write,
                 "WebAnno TSV 3.3 folder for INCEpTION (one .tsv a document)", directory=True),
    ExportFormat("acled-csv", ".csv", acled_csv.write,
                 "ACLED's columns, one row per event, codes checked against ACLED's codebook"),
    ExportFormat("ucdp-ged-csv", ".csv", ucdp_ged_csv.write,
                 "UCDP GED's columns, one row per event, deaths by side"),
    ExportFormat("plover-jsonl", ".jsonl", plover_jsonl.write,
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
