"""plover-jsonl on a place whose GeoNames link has an id an attacker chose."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from annotator.core.model import KbLink
from tests.attack17.helpers import run
from tests.formats.test_plover_jsonl import _build, _records


def test_a_geonames_id_of_superscript_digits_is_not_a_traceback(tmp_path: Path) -> None:
    records = _records()
    first = records[0]
    spans = list(first.spans)
    spans[1] = replace(spans[1], attrs={k: v for k, v in spans[1].attrs.items()
                                        if k != "geonames_id"},
                       links=(KbLink("GeoNames", "²", "Ain al-Assad"),))
    records[0] = replace(first, spans=tuple(spans))
    corpus = _build(tmp_path / "c.db", records)
    result = run("export", corpus, "--format", "plover-jsonl", "-o", str(tmp_path / "p.jsonl"))
    assert result.exit_code in (0, 1)
