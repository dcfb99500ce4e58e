"""The export folder is kept in the settings between runs."""

from __future__ import annotations

import json

from annotator.settings import Settings, config_dir


def test_the_export_folder_is_kept_and_read_back() -> None:
    settings = Settings.load()
    assert settings.export_folder == ""
    settings.export_folder = "/home/ana/Documents/exports"
    settings.save()
    assert Settings.load().export_folder == "/home/ana/Documents/exports"
    raw = json.loads((config_dir() / "settings.json").read_text(encoding="utf-8"))
    raw["export_folder"] = None  # edited by hand
    (config_dir() / "settings.json").write_text(json.dumps(raw), encoding="utf-8")
    assert Settings.load().export_folder == ""
