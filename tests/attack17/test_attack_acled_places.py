"""acled-csv and coordinates no place on Earth has: ACLED would refuse them, so the loss
report names the event and --strict writes nothing (as plover-jsonl and ucdp-ged-csv do)."""

from __future__ import annotations

from pathlib import Path

import pandas

from tests.attack17.helpers import acled_documents, build, run


def test_coordinates_off_the_earth_are_named_and_refused_by_strict(tmp_path: Path) -> None:
    docs = acled_documents()
    for span in docs[0]["spans"]:
        if span["id"] == "r-kirkuk":
            span["attrs"].update(latitude=500.0, longitude=-1000.0)
    corpus = build(tmp_path / "c.db", docs, tmp_path)
    out = tmp_path / "acled.csv"
    result = run("export", str(corpus), "--format", "acled-csv", "-o", str(out), "--strict")
    if result.exit_code == 0:
        frame = pandas.read_csv(out, encoding="utf-8-sig")
        assert frame["latitude"].abs().max() <= 90
        assert frame["longitude"].abs().max() <= 180
    else:
        assert "e-kirkuk" in result.stderr


def test_coordinates_at_the_poles_and_the_date_line_are_kept(tmp_path: Path) -> None:
    docs = acled_documents()
    for span in docs[0]["spans"]:
        if span["id"] == "r-kidal":
            span["attrs"].update(latitude=-90.0, longitude=180.0)
    corpus = build(tmp_path / "c.db", docs, tmp_path)
    out = tmp_path / "acled.csv"
    result = run("export", str(corpus), "--format", "acled-csv", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    frame = pandas.read_csv(out, encoding="utf-8-sig")
    assert set(zip(frame["latitude"], frame["longitude"], strict=True)) >= {(-90.0, 180.0)}
