"""A corpus with what exports find hard: overlaps, nesting, emoji, Arabic, attributes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats.base import ReadOptions
from annotator.formats.importing import import_paths
from annotator.storage.corpus import Corpus

NEWS = ("Two Katyusha rockets were fired at Ain al-Assad airbase. "
        "At least five US personnel were injured, the Pentagon said.")
MIXED = "Protest 👩‍👩‍👧 in Basra 🔥 today.\nقصف على قاعدة عين الأسد الجوية"
QUIET = "=HYPERLINK(\"http://x\") A calm day in Kidal; no incidents were reported."


def span(text: str, phrase: str, label: str, **extra: object) -> dict[str, object]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "label": label, "text": phrase, **extra}


DOCUMENTS = [
    {"id": "news-1", "title": "Rockets hit Ain al-Assad", "text": NEWS, "date": "2024-08-06",
     "statuses": {"alice": "done", "bob": "in progress"}, "spans": [
         span(NEWS, "Ain al-Assad airbase", "location", attrs={"precision": 1}, coder="alice"),
         span(NEWS, "At least five US personnel", "casualty", coder="alice",
              attrs={"count_low": 5, "qualifier": "at least"}),
         span(NEWS, "US personnel", "actor", coder="alice"),  # nested in the casualty
         span(NEWS, "the Pentagon", "actor", coder="bob"),
     ]},
    {"id": "mixed-2", "title": "Basra", "text": MIXED, "statuses": {"alice": "in progress"},
     "spans": [
         span(MIXED, "👩‍👩‍👧", "casualty", coder="alice"),
         span(MIXED, "Basra", "location", coder="alice"),
         span(MIXED, "قاعدة عين الأسد", "location", coder="alice"),
     ]},
    {"id": "quiet-3", "title": "=cmd|' /C calc'!A0", "text": QUIET,
     "statuses": {"alice": "done"}, "spans": [span(QUIET, "Kidal", "location", coder="alice")]},
]

# The same, plus a span that cuts a word: what --align is for.
MISALIGNED = span(NEWS, "Katyush", "actor", coder="alice")


def build(path: Path, documents: list[dict]) -> Path:
    source = path.with_suffix(".jsonl")
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents),
                      encoding="utf-8")
    with Corpus.open(path) as corpus:
        summary = import_paths(corpus, [source], options=ReadOptions(coder="alice"))
        assert summary.ok, summary.lines()
    return path


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    return build(tmp_path / "coded.sqlite", DOCUMENTS)


@pytest.fixture
def coded_misaligned(tmp_path: Path) -> Path:
    docs = json.loads(json.dumps(DOCUMENTS))
    docs[0]["spans"].append(MISALIGNED)
    return build(tmp_path / "misaligned.sqlite", docs)


def spans_of(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    """Document uid -> sorted (start, end, label, text) of every span in a corpus."""
    from annotator.storage.bulk import iter_documents

    with Corpus.open(path) as corpus:
        return {c.document.uid: sorted((s.start, s.end, s.label, s.text) for s in c.spans)
                for c in iter_documents(corpus)}
