"""`annotator export --report FILE`: the report never destroys what the export wrote."""

from __future__ import annotations

from pathlib import Path

import pandas

from tests.attack17.helpers import acled_documents, build, run


def test_a_report_naming_the_export_file_is_refused(tmp_path: Path) -> None:
    corpus = build(tmp_path / "c.db", acled_documents(), tmp_path)
    out = tmp_path / "acled.csv"
    result = run("export", str(corpus), "--format", "acled-csv", "-o", str(out),
                 "--report", str(out))
    # Either refused, or the export is still the export.
    if result.exit_code == 0:
        frame = pandas.read_csv(out, encoding="utf-8-sig")
        assert "event_id_cnty" in frame.columns
    else:
        assert str(out) in result.stderr
