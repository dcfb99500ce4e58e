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

from annotator.storage.pg.address import ServerAddress, is_server_address

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
    theme: str = "light"  # or "dark"
    text_scale: int = 100  # per cent: 100, 115 or 130
    language: str = ""  # "fr", "es", "ar"…; empty: the system's
    # Where the window was on each screen it was closed on, keyed by the screen's name
    # and geometry: x, y, width, height, maximized (0 or 1).
    window_places: dict[str, dict[str, int]] = field(default_factory=dict)
    window_screen: str = ""  # the screen it was last closed on
    export_folder: str = ""  # the folder of the last export, offered for the next one
    # The corpus model: trained again after this many more documents are marked done
    # (0: only when asked); its suggestions shown from this confidence up; "Next
    # document" offering the document it is least sure of first.
    train_every: int = 10
    model_threshold: float = 0.5
    doubt_first: bool = False

    @classmethod
    def load(cls) -> Settings:
        path = config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # (deeply nested JSON)
            return cls()  # missing or unreadable settings: start afresh, never fail
        if not isinstance(raw, dict):
            return cls()
        recent = [str(p) for p in raw.get("recent", []) if isinstance(p, str)]
        shortcuts = raw.get("shortcuts") if isinstance(raw.get("shortcuts"), dict) else {}
        return cls(coder=str(raw.get("coder") or ""), recent=recent[:RECENT_MAX],
                   spacy_model=str(raw.get("spacy_model") or ""),
                   shortcuts={str(k): str(v) for k, v in shortcuts.items()},
                   theme="dark" if raw.get("theme") == "dark" else "light",
                   text_scale=_text_scale(raw.get("text_scale")),
                   language=_language(raw.get("language")),
                   window_places=_places(raw.get("window_places")),
                   window_screen=str(raw.get("window_screen") or ""),
                   export_folder=str(raw.get("export_folder") or ""),
                   train_every=_whole(raw.get("train_every"), 10, 0, 100_000),
                   model_threshold=_share(raw.get("model_threshold"), 0.5),
                   doubt_first=raw.get("doubt_first") is True)

    def save(self) -> None:
        directory = config_dir()
        directory.mkdir(parents=True, exist_ok=True)
        temporary = directory / "settings.json.tmp"
        temporary.write_text(json.dumps(asdict(self), indent=2), encoding="utf-8")
        temporary.replace(directory / "settings.json")

    def remember_corpus(self, path: Path | ServerAddress | str) -> None:
        # A server is remembered by its address without the password (libpq's
        # ~/.pgpass or the service file supplies that when it is opened again).
        entry = (ServerAddress.parse(path).shown if is_server_address(path)
                 else str(Path(path).resolve()))
        self.recent = [entry, *(p for p in self.recent if p != entry)][:RECENT_MAX]


TEXT_SCALES = (100, 115, 130)
PLACE_KEYS = ("x", "y", "width", "height", "maximized")
PLACES_MAX = 8  # screens remembered; the oldest is forgotten first


def _whole(value: object, default: int, low: int, high: int) -> int:
    ok = isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
    return value if ok else default  # type: ignore[return-value]


def _share(value: object, default: float) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
    return float(value) if ok else default  # type: ignore[arg-type]


def _text_scale(value: object) -> int:
    return value if isinstance(value, int) and value in TEXT_SCALES else 100


def _language(value: object) -> str:
    # A language tag ("fr", "pt_BR"); anything else is the system's language.
    text = value.strip() if isinstance(value, str) else ""
    return text if text.replace("_", "").replace("-", "").isalpha() and len(text) <= 12 else ""


def _places(value: object) -> dict[str, dict[str, int]]:
    """The window places that are whole (every field a whole number); others dropped."""
    if not isinstance(value, dict):
        return {}
    places = {}
    for screen, place in value.items():
        if (isinstance(screen, str) and isinstance(place, dict)
                and all(type(place.get(key)) is int for key in PLACE_KEYS)):
            places[screen] = {key: place[key] for key in PLACE_KEYS}
    return dict(list(places.items())[-PLACES_MAX:])


def resolve_coder(explicit: str | None = None, settings: Settings | None = None) -> str | None:
    """The coder's name: given, from ``ANNOTATOR_CODER``, or remembered."""
    for candidate in (explicit, os.environ.get(CODER_ENV), (settings or Settings.load()).coder):
        if candidate and candidate.strip():
            return candidate.strip()
    return None
