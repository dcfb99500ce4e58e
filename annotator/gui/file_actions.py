"""File menu: new, open, recent, import, export and merge.

What the importers, exporters and the merge report (their summary lines) and the
storage's errors are said in their own words, English; the window's own words
around them are translated."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.formats.exporting import ExportResult
from annotator.formats.importing import ImportSummary
from annotator.formats.registry import EXPORTS
from annotator.gui.background import ExportWorker, ImportWorker
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.guard import check_output
from annotator.storage.pg.address import ServerAddress, is_server_address
from annotator.storage.team import merge as merge_corpus
from annotator.storage.team_server import login_name
from annotator.workspace import create_corpus

if TYPE_CHECKING:
    from annotator.gui.workbench import Workbench


class FileActions:
    def __init__(self, bench: Workbench, close_window: Callable[[], object]) -> None:
        self.bench = bench
        self.session = bench.session
        self.prompts = bench.prompts
        self._close_window = close_window
        self.recent_menu = QMenu(QCoreApplication.translate("FileActions", "Open &Recent"))

    def populate(self, menu: QMenu) -> None:
        bind = self.bench.actions.bind
        bind("file.new", self.new_corpus)
        bind("file.open", self.open_corpus)
        bind("file.connect", self.connect_server)
        bind("file.import_files", self.import_files)
        bind("file.import_folder", self.import_folder)
        bind("file.export", self.export)
        bind("file.merge", self.merge)
        bind("file.quit", self._close_window)
        fill = self.bench.actions.fill
        fill(menu, "file.new", "file.open", "file.connect")
        menu.addMenu(self.recent_menu)
        fill(menu, "-", "file.import_files", "file.import_folder", "file.export", "file.merge",
             "-", "file.quit")

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.bench.settings.recent
        for entry in recent:
            action = QAction(entry, self.recent_menu)
            action.triggered.connect(lambda _c=False, p=entry: self.open_path(
                ServerAddress.parse(p) if is_server_address(p) else Path(p)))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(recent))

    # -- corpora -------------------------------------------------------------

    def new_corpus(self) -> None:
        path = self.prompts.new_corpus_path()
        if path is None:
            return
        try:  # the open corpus's own -wal or -shm would be turned into a database
            check_output(path, self.session.corpus.path)
        except CorpusError as exc:
            self.prompts.error(QCoreApplication.translate("FileActions", "New corpus"), str(exc))
            return
        if path.exists() and path.stat().st_size > 0:
            self.prompts.error(QCoreApplication.translate("FileActions", "New corpus"),
                               QCoreApplication.translate(
                                   "FileActions", "{path} already exists; use Open instead.")
                               .format(path=path))
            return
        codebook = self.prompts.new_corpus_codebook()
        if codebook is None:
            return
        try:
            created, _ = create_corpus(path, codebook=codebook)
        except CorpusError as exc:
            self.prompts.error(QCoreApplication.translate("FileActions", "New corpus"), str(exc))
            return
        created.close()
        self.open_path(path)

    def open_corpus(self) -> None:
        path = self.prompts.open_corpus_path()
        if path is not None:
            self.open_path(path)

    def connect_server(self) -> None:
        address = self.prompts.server_address(self.session.coder)
        if address is not None:
            self.open_path(address)

    def open_path(self, path: Path | ServerAddress, *, create: bool = False) -> bool:
        try:
            corpus = Corpus.open(path, create=create)
        except CorpusError as exc:
            self.prompts.error(QCoreApplication.translate("FileActions", "Cannot open corpus"),
                               str(exc))
            return False
        login = login_name(corpus)
        if login is not None:
            self.session.coder = login  # on a team's server the login is the coder
        self.session.open_corpus(corpus)
        return True

    # -- import and export, both in the background ------------------------------

    def import_files(self, paths: list[Path] | None = None) -> None:
        if self._refused_read_only(QCoreApplication.translate(
                "FileActions", "read-only: {why} — Import would change this corpus.")):
            return
        paths = paths if paths is not None else self.prompts.import_paths()
        if paths:
            worker = ImportWorker(self.session.corpus.path, paths, self.session.coder)
            self.bench.background.run(
                worker, QCoreApplication.translate("FileActions", "Importing articles…"),
                self._import_finished)

    def import_folder(self) -> None:
        folder = self.prompts.import_folder()
        if folder is not None:
            self.import_files([folder])

    def export(self) -> None:
        corpus = self.session.corpus
        settings = self.bench.settings
        choice = self.prompts.export_choice(
            corpus.path, [label.name for label in self.session.labels], corpus.coders(),
            settings.export_folder)
        if choice is None:
            return
        try:  # refused before anything is written, naming the file
            check_output(choice.output, corpus.path)
        except CorpusError as exc:
            self.prompts.error(QCoreApplication.translate("FileActions", "Export not written"),
                               str(exc))
            return
        settings.export_folder = str(choice.folder)  # offered first next time
        self.bench.save_settings()
        worker = ExportWorker(corpus.path, EXPORTS[choice.format], choice.output,
                              choice.options)
        self.bench.background.run(
            worker, QCoreApplication.translate("FileActions", "Exporting as {format}…").format(
                format=choice.format), self._export_finished)

    def merge(self, paths: list[Path] | None = None) -> None:
        """Bring coders' corpora into this one (documents by id, spans per coder)."""
        if self._refused_read_only(QCoreApplication.translate(
                "FileActions", "read-only: {why} — Merge would change this corpus.")):
            return
        corpus = self.session.corpus
        paths = paths if paths is not None else self.prompts.merge_paths()
        lines = []
        for path in paths:
            if same_file(path, corpus.path):
                lines.append(QCoreApplication.translate(
                    "FileActions", "{name}: is this corpus itself; nothing to merge").format(
                        name=path.name))
                continue
            try:
                with Corpus.open(path, create=False, check=True) as theirs:
                    report = merge_corpus(corpus, theirs)
            except CorpusError as exc:
                lines.append(f"{path.name}: {exc}")
                continue
            lines += [f"{path.name}: {line}" for line in report.lines()]
        if paths:
            self.session.open_corpus(corpus)
            self.prompts.info(QCoreApplication.translate("FileActions", "Merge finished"),
                              lines[0] if lines else "", "\n".join(lines))

    def _refused_read_only(self, refusal: str) -> bool:
        """Say ``refusal`` (a translated sentence with ``{why}``) on a read-only corpus."""
        why = self.session.read_only
        if why:
            self.session.say(refusal.format(why=why), 6000)
        return bool(why)

    def _import_finished(self, summary: ImportSummary) -> None:
        self.session.open_corpus(self.session.corpus)  # new labels and documents
        head, *rest = summary.lines()
        if rest:
            self.prompts.info(QCoreApplication.translate("FileActions", "Import finished"), head,
                              "\n".join(rest))
        self.session.say(QCoreApplication.translate("FileActions", "Import: {summary}").format(
            summary=head), 10000)

    def _export_finished(self, result: ExportResult) -> None:
        lines = result.lines()
        if lines[1:] != ["nothing lost"] or not result.written:
            # The losses are the message, not "details" a coder would have to open.
            self.prompts.show_result(
                QCoreApplication.translate("FileActions", "Export finished"), "\n".join(lines))
        self.session.say(lines[0], 10000)


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
