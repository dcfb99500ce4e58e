"""One row per event: the table a researcher pastes into an ACLED-style dataset.

Actors are listed by role, locations together, and casualties counted per
outcome as low, best and high, with alternative reports of the same victims
merged and distinct victim groups added up (``core.events.casualty_totals``).
Cells are neutralised for spreadsheets as in ``csv_export``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.core.default_codebook import OUTCOMES
from annotator.core.events import casualty_totals
from annotator.formats.csv_export import neutralised_row
from annotator.formats.exporting import ExportContext, Source
from annotator.formats.safe_text import clipped

ACTOR_ROLES = ("attacker", "target", "victim", "other")


def _column(outcome: str) -> str:
    return outcome.replace(" ", "_")


def write(source: Source, path: Path, context: ExportContext) -> int:
    header = ["event_id", "document_id", "title", "date", "date_precision", "type",
              *(f"actors_{role}" for role in ACTOR_ROLES), "locations", "note", "coder",
              *(f"{_column(o)}_{bound}" for o in OUTCOMES for bound in ("low", "best", "high")),
              "incident", "attributes"]
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(neutralised_row(header, context.notices, " in the header"))
        for coded in source():
            doc = coded.document
            # A table of events, not a corpus: no reader takes it back as one.
            context.losses.add("documents as a corpus (an events table holds each event's "
                               "actors, places and counts, not the texts, spans and labels "
                               "they come from: export jsonl to keep a corpus)",
                               f"document {clipped(doc.uid)}"
                               + ("" if coded.events else ", which has no event"))
            spans = {s.uid: s for s in coded.spans}
            for event in coded.events:
                actors: dict[str, list[str]] = {role: [] for role in ACTOR_ROLES}
                places = []
                for member in event.members:
                    span = spans.get(member.span_uid)
                    if span is None:
                        continue
                    if span.label == "location":
                        places.append(span.text)
                    elif span.label == "actor":
                        role = member.role if member.role in actors else "other"
                        actors[role].append(span.text)
                totals = casualty_totals(event, spans)
                counts = []
                for outcome in OUTCOMES:
                    found = totals.get(outcome)
                    counts += [found.low, found.best, found.high] if found else ["", "", ""]
                row = [event.uid, doc.uid, doc.title, event.date or doc.date or "",
                       event.date_precision, event.type,
                       *("; ".join(actors[role]) for role in ACTOR_ROLES), "; ".join(places),
                       event.note, event.coder, *("" if c is None else c for c in counts),
                       event.incident,
                       json.dumps(dict(event.attrs), ensure_ascii=False) if event.attrs else ""]
                writer.writerow(neutralised_row(row, context.notices,
                                                f" in document {clipped(doc.uid)}"))
            count += 1
    return count
