"""The window loads no pandas (nor the pyarrow pandas brings) where pandas is installed:
sqlite-utils imports it when it can, only for tables made from Python values, which
storage never asks of it; in the window it held about 70 MB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
from annotator.core.model import DocumentRecord, Span
from annotator.gui.main_window import MainWindow
from annotator.gui.prompts import Prompts
from annotator.settings import Settings
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus

out, path = sys.argv[1], sys.argv[2]
app = QApplication([])
corpus = Corpus.open(path)
text = "Gunmen attacked a police station in Gao on Monday, killing four officers."
add_documents(corpus, [DocumentRecord(text=text, uid="d1", spans=(
    Span(start=0, end=6, label="ACTOR", text="Gunmen", coder="ana"),))])
window = MainWindow(corpus, "ana", Settings(), Prompts())
window.show()
for _ in range(20):
    app.processEvents()
with open(out, "w") as handle:
    json.dump(sorted(sys.modules), handle)
window.close()
"""


def test_the_window_loads_no_pandas_where_it_is_installed(tmp_path: Path) -> None:
    pytest.importorskip("pandas")  # installed here: the test extra brings it
    out = tmp_path / "modules.json"
    run = subprocess.run([sys.executable, "-c", WINDOW, str(out), str(tmp_path / "c.sqlite")],
                         capture_output=True, text=True, cwd=REPO, check=False, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stderr
    modules = set(json.loads(out.read_text(encoding="utf-8")))
    assert "annotator.gui.main_window" in modules and "sqlite_utils" in modules
    assert {"pandas", "pyarrow"} & modules == set()
