"""Synthetic wire reports with known spans, built deterministically from a seed."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PLACES = ["Ain al-Assad airbase", "Kirkuk", "Mosul", "Gao", "Kidal", "Basra", "Donetsk",
          "Idlib", "Tripoli", "Maiduguri", "Beni", "Goma", "Marawi", "Aleppo", "Sanaa",
          "Mogadishu", "Timbuktu", "Kharkiv", "Rafah", "Tal Afar"]
ACTORS = ["Islamic State militants", "government forces", "the armed forces of Mali",
          "Iran-backed fighter groups", "police", "unidentified gunmen", "rebel fighters",
          "a local militia", "security forces", "the army"]
VICTIMS = ["civilians", "soldiers", "police officers", "aid workers", "children",
           "fighters", "villagers", "US personnel"]
COUNTS = ["at least five", "two", "dozens of", "more than 100", "as many as seven",
          "three", "nearly 40", "12", "a dozen", "hundreds of", "four", "2,500"]
OUTCOMES = ["were killed", "were injured", "were wounded", "died", "were abducted"]
FILLER = ("Officials said the situation remained tense. Residents described hearing "
          "explosions throughout the night. The statement could not be independently verified. "
          "Aid agencies called for access to the area. ")


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[dict[str, Any]] = []

    def add(self, text: str, label: str | None = None) -> None:
        if label:
            self.spans.append({"start": self.length, "end": self.length + len(text),
                               "label": label, "text": text})
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _sentence(builder: _Builder, rng: random.Random) -> None:
    builder.add(rng.choice(ACTORS).capitalize(), "actor")
    builder.add(" attacked a checkpoint near ")
    builder.add(rng.choice(PLACES), "location")
    builder.add(" on Monday, and ")
    builder.add(f"{rng.choice(COUNTS)} {rng.choice(VICTIMS)}", "casualty")
    builder.add(f" {rng.choice(OUTCOMES)}, according to ")
    builder.add(rng.choice(ACTORS), "actor")
    builder.add(". ")


def article(number: int, rng: random.Random, spans: int = 25, size: int = 3000) -> dict[str, Any]:
    """A document of about ``size`` characters with about ``spans`` spans."""
    builder = _Builder()
    place = rng.choice(PLACES)
    builder.add(f"Attack reported near {place}\n\n")
    while len(builder.spans) < spans or builder.length < size:
        _sentence(builder, rng)
        if builder.length < size:
            builder.add(FILLER)
            if rng.random() < 0.5:
                builder.add(FILLER)
        if rng.random() < 0.3:
            builder.add("\n\n")
    return {"id": f"syn-{number}", "title": f"Attack reported near {place}",
            "text": builder.text, "date": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
            "spans": [dict(s, coder="bench") for s in builder.spans]}


def articles(count: int, seed: int = 1, **kwargs: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for number in range(count):
        yield article(number, rng, **kwargs)


def write_jsonl(path: Path, documents: Iterator[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document, ensure_ascii=False) + "\n")
            count += 1
    return count
