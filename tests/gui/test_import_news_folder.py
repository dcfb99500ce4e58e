"""A folder of news as coders receive it (Factiva HTML and XML, a Nexis DOCX, a saved
page, a clipping digest PDF, an e-mail and a PDF saved without a suffix, a DOCX cut short)
imported from File > Import folder in one go: progress shown as it goes, every article
of every readable file in the list, and the file that could not be read named with its
reason."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from annotator.gui.background import PROGRESS_STEPS
from annotator.gui.main_window import MainWindow
from tests.conftest import SHARED_DATA, shared

NEWS = SHARED_DATA / "real" / "news"
FILES = ("factiva/tm.plugin.factiva__factiva_test.html", "factiva/tm.plugin.factiva__factiva_test.xml",
         "nexis/newspapers__guardian1.docx", "html/trafilatura__theintercept.com-Gaza.html",
         "pdf/newsie__newspaper.pdf", "eml/ewrt__test1.eml",
         "pdf/amnesty-urgent-action-pdfs__test.pdf")


def _folder(tmp_path: Path) -> tuple[Path, int]:
    truth = {entry["path"]: entry["articles"]
             for entry in json.loads(shared(NEWS / "ground-truth.json").read_text("utf-8"))}
    folder = tmp_path / "downloads"
    (folder / "mail").mkdir(parents=True)
    for name in FILES:
        source = shared(NEWS / name)
        target = folder / ("mail" if name.startswith("eml/") else "") / source.name
        shutil.copyfile(source, target)
    # A browser's download with no suffix, a message a mail client saved without one,
    # and a Word file whose download broke off.
    (folder / "amnesty-urgent-action-pdfs__test.pdf").rename(folder / "urgent-action")
    (folder / "mail" / "ewrt__test1.eml").rename(folder / "mail" / "alert")
    docx = (NEWS / "nexis/newspapers__guardian1.docx").read_bytes()
    (folder / "broken.docx").write_bytes(docx[:len(docx) // 2])
    return folder, sum(truth[name] for name in FILES)


def test_a_folder_of_mixed_news_imports_in_one_go_with_progress(
        window: MainWindow, prompts, qtbot, tmp_path: Path) -> None:
    folder, articles = _folder(tmp_path)
    before = window.session.corpus.document_count()
    prompts.paths = [folder]
    window.files.import_folder()
    worker = window.background.worker
    assert worker is not None
    progressed: list[int] = []
    worker.progressed.connect(progressed.append)
    qtbot.waitUntil(lambda: window.background.worker is None, timeout=120_000)
    assert window.session.corpus.document_count() == before + articles
    assert progressed == sorted(progressed) and progressed[-1] == PROGRESS_STEPS
    assert len(set(progressed)) >= 3  # it moved as the files were read, not only at the end
    [(_title, head, details)] = prompts.infos
    assert head.startswith(f"{articles} added")
    assert "broken.docx" in details and "1 rejected" in head
    titles = [window.documents.index(row, 1).data()
              for row in range(window.documents.rowCount())]
    assert any(title and "Gaza" in title for title in titles)
