"""A corpus with everything the exchange formats may or may not carry, and what to compare
after export and import again: relations, document labels of every kind, knowledge-base
links, a discontinuous span, several labels on one range, emoji and right-to-left text."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from annotator.formats.base import ReadOptions
from annotator.formats.exporting import ExportOptions, ExportResult, export_corpus
from annotator.formats.importing import ImportSummary, import_paths
from annotator.formats.registry import EXPORTS
from annotator.storage.bulk import iter_documents
from annotator.storage.corpus import Corpus
from tests.formats.conftest import build

TEXT = ("Protest 👩‍👩‍👧 in Basra 🔥 today; قصف على قاعدة عين الأسد hurt five US personnel.\n"
        "The Pentagon said so.")
PLAIN = "A calm day in Kidal; no incidents were reported."


def at(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _span(uid: str, phrase: str, label: str, **extra: Any) -> dict[str, Any]:
    start, end = at(phrase)
    return {"id": uid, "start": start, "end": end, "label": label, "coder": "alice", **extra}


BASE = at("قاعدة عين الأسد")
PROTEST, BASRA = at("Protest"), at("Basra")

RICH = {
    "id": "rich-1", "title": "Basra", "text": TEXT, "statuses": {"alice": "done"},
    "spans": [
        _span("base", "قاعدة عين الأسد", "location",
              links=[{"kb": "GeoNames", "id": "99071", "name": "Ain al-Asad"},
                     {"kb": "Wikidata", "id": "Q1760921"}]),
        _span("base-actor", "قاعدة عين الأسد", "actor"),  # the same range, another label
        _span("people", "five US personnel", "casualty", attrs={"qualifier": "at least",
                                                                "count_low": 5}),
        _span("family", "👩‍👩‍👧", "casualty"),
        _span("pentagon", "The Pentagon", "actor"),
        {"id": "protest", "start": PROTEST[0], "end": BASRA[1], "label": "actor",
         "coder": "alice", "fragments": [list(PROTEST), list(BASRA)]},
    ],
    "relations": [
        {"id": "r1", "head": "people", "tail": "base", "label": "located in", "coder": "alice"},
        {"id": "r2", "head": "pentagon", "tail": "family", "label": "reports on",
         "coder": "alice", "attrs": {"confidence": "high"}},
        {"id": "r3", "head": "family", "tail": "base-actor", "label": "located in",
         "coder": "alice"},
    ],
    "doc_labels": [
        {"name": "event_types", "value": ["attack", "shelling or air strike"], "coder": "alice"},
        {"name": "relevant", "value": True, "coder": "alice"},
        {"name": "language", "value": "ar", "coder": "alice"},
        {"name": "casualties", "value": 5, "coder": "alice"},
        {"name": "category", "value": ["protest", "attack"], "coder": "alice"},
    ],
}
QUIET = {"id": "quiet-2", "title": "Kidal", "text": PLAIN, "statuses": {"alice": "done"},
         "spans": [{"id": "kidal", "start": 14, "end": 19, "label": "location",
                    "coder": "alice"}]}


def corpus(tmp_path: Path) -> Path:
    return build(tmp_path / "rich.sqlite", [RICH, QUIET])


def export(path: Path, fmt: str, out: Path) -> ExportResult:
    with Corpus.open(path) as opened:
        result = export_corpus(opened, EXPORTS[fmt], out, ExportOptions())
    assert result.written, result.lines()
    return result


def reimport(tmp_path: Path, source: Path, fmt: str) -> tuple[ImportSummary, Path]:
    target = tmp_path / "again.sqlite"
    with Corpus.open(target) as opened:
        summary = import_paths(opened, [source], fmt=fmt, options=ReadOptions(coder="alice"))
    assert summary.rejected == [], summary.lines()
    return summary, target


def content(path: Path) -> dict[str, dict[str, Counter]]:
    """Per document: spans (offsets, label, pieces, links, attributes), relations (by
    their ends' offsets and labels) and document labels, without ids or dates."""
    found = {}
    with Corpus.open(path) as opened:
        for coded in iter_documents(opened):
            spans = {s.uid: (s.start, s.end, s.label) for s in coded.spans}
            found[coded.document.uid] = {
                "spans": Counter((s.start, s.end, s.label, s.fragments) for s in coded.spans),
                "links": Counter((s.start, s.end, s.label, link.kb, link.id, link.name)
                                 for s in coded.spans for link in s.links),
                "attrs": Counter((s.start, s.end, s.label, k, json.dumps(v))
                                 for s in coded.spans for k, v in s.attrs.items()),
                "relations": Counter((spans[r.head], spans[r.tail], r.label,
                                      json.dumps(dict(r.attrs), sort_keys=True))
                                     for r in coded.relations),
                "doc_labels": Counter((d.name, json.dumps(d.value), d.coder)
                                      for d in coded.doc_labels),
            }
    return found


def losses(result: ExportResult) -> dict[str, int]:
    """The loss report as kind -> count."""
    return dict(result.losses.counts)


def count(result: ExportResult, pattern: str) -> int:
    """How many losses of the kinds matching ``pattern``."""
    return sum(n for kind, n in result.losses.counts.items() if re.search(pattern, kind))
