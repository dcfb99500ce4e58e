"""Per-user settings kept between runs, readable without Qt.

A small JSON file in the user's config directory holds the coder's name and
the recently opened corpora. ``ANNOTATOR_HOME`` moves both the settings and
the default corpus elsewhere (tests and portable installs use it).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

APP_NAME = "annotator"
RECENT_MAX = 10
CODER_ENV = "ANNOTATOR_CODER"


def config_dir() -> Path:
    home = os.environ.get("ANNOTATOR_HOME")
    return Path(home) / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    home = os.environ.get("ANNOTATOR_HOME")
    return Path(home) / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def default_corpus_path() -> Path:
    return data_dir() / "corpus.sqlite"


@dataclass
class Settings:
    coder: str = ""
    recent: list[str] = field(default_factory=list)
    # An installed spaCy NER model to suggest with (never downloaded).
    spacy_model: str = ""
    # Action name -> key sequence, where the coder changed a default.
    shortcuts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Settings:
        path = config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # missing or unreadable settings: start afresh, never fail
        if not isinstance(raw, dict):
            return cls()
        recent = [str(p) for p in raw.get("recent", []) if isinstance(p, str)]
        shortcuts = raw.get("shortcuts") if isinstance(raw.get("shortcuts"), dict) else {}
        return cls(coder=str(raw.get("coder") or ""), recent=recent[:RECENT_MAX],
                   spacy_model=str(raw.get("spacy_model") or ""),
                   shortcuts={str(k): str(v) for k, v in shortcuts.items()})

    def save(self) -> None:
        directory = config_dir()
        directory.mkdir(parents=True, exist_ok=True)
        temporary = directory / "settings.json.tmp"
        temporary.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        temporary.replace(directory / "settings.json")

    def remember_corpus(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        self.recent = [entry, *(p for p in self.recent if p != entry)][:RECENT_MAX]


def resolve_coder(explicit: str | None = None, settings: Settings | None = None) -> str | None:
    """The coder's name: given, from ``ANNOTATOR_CODER``, or remembered."""
    for candidate in (explicit, os.environ.get(CODER_ENV), (settings or Settings.load()).coder):
        if candidate and candidate.strip():
            return candidate.strip()
    return None
