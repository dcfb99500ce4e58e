"""The corpus model in the window: trained in a process of its own after every few
documents marked done (a setting), so the window never waits; its suggestions join
the others; "Next document" may offer the document it is least sure of first.

The training process only reads the corpus, and writes its model beside the one in
use and then swaps them: stopped at any point, it leaves the corpus as it was and the
previous model in use.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QProcessEnvironment, Signal

from annotator.core.training import MIN_DOCUMENTS, TrainingReport
from annotator.model_files import (
    ModelUnreadable,
    doubts_of,
    has_model,
    load_model,
    model_dir,
    report_of,
)
from annotator.storage.pg.address import ServerAddress
from annotator.storage.training_data import done_documents

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.workbench import Workbench


def tr(text: str) -> str:
    return QCoreApplication.translate("ModelTraining", text)


class ModelTraining(QObject):
    """Trains, keeps and offers the corpus's own model."""

    finished = Signal(bool)  # a training ended: whether a new model is in place

    def __init__(self, bench: Workbench) -> None:
        super().__init__()
        self.bench = bench
        self.session = bench.session
        self.process: QProcess | None = None
        self.progress_text = ""
        self._output = b""
        self._nlp: Any = None
        self._loaded_stamp: float | None = None  # the meta.json time of the loaded model
        self._done_seen: int | None = None
        # The corpus's done documents when a training last started: a failed one is
        # tried again only after as many more are done as between two trainings.
        self._tried_at = 0
        self.session.corpus_opened.connect(self._on_opened)
        self.session.progress_changed.connect(self._on_progress)

    def populate(self, suggest: QMenu, document: QMenu) -> None:
        actions = self.bench.actions
        actions.bind("suggest.train_model", self.train_now)
        actions.bind("suggest.model_report", self.show_report)
        actions.bind("suggest.train_every", self.choose_every)
        actions.bind("suggest.model_threshold", self.choose_threshold)
        doubt = actions.bind("document.doubt_first", self.set_doubt_first)
        doubt.setChecked(self.bench.settings.doubt_first)
        actions.fill(suggest, "-", "suggest.train_model", "suggest.model_report",
                     "suggest.train_every", "suggest.model_threshold")
        actions.fill(document, "document.doubt_first")

    # -- the model --------------------------------------------------------------------

    @property
    def folder(self) -> Path:
        return model_dir(self.session.corpus.path)

    def model(self) -> Any:
        """The corpus's model, loaded again when a training replaced it; None if there is
        none (or it cannot be read, which is said)."""
        stamp = _stamp(self.folder)
        if stamp is None:
            self._nlp, self._loaded_stamp = None, None
            return None
        if self._nlp is None or stamp != self._loaded_stamp:
            try:
                self._nlp = load_model(self.folder)
            except ModelUnreadable as exc:
                self.session.say(str(exc), 8000)
                self._nlp = None
            self._loaded_stamp = stamp
        return self._nlp

    def report(self) -> TrainingReport | None:
        return report_of(self.folder)

    # -- training ---------------------------------------------------------------------

    def train_now(self) -> bool:
        """Start a training now (said if one is running or the corpus has too few done)."""
        if self.process is not None:
            self.session.say(tr("The corpus model is being trained already."), 4000)
            return False
        return self._start()

    def _start(self) -> bool:
        path = self.session.corpus.path
        where = path.shown if isinstance(path, ServerAddress) else str(path)
        program, arguments = _command(["train", where, "--background", "--out",
                                       str(self.folder)])
        process = QProcess(self)
        process.setProgram(program)
        process.setArguments(arguments)
        if isinstance(path, ServerAddress) and path.password:
            # Never on the command line, where any user of the machine could read it.
            environment = QProcessEnvironment.systemEnvironment()
            environment.insert("PGPASSWORD", path.password)
            process.setProcessEnvironment(environment)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read_progress)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._failed_to_start)
        self.process = process
        self._output = b""
        self.progress_text = tr("Training the corpus model: reading the coded documents…")
        self.session.say(self.progress_text, 4000)
        process.start()
        return True

    def stop(self) -> None:
        """The window closes: the training is stopped (the model in use stays)."""
        process, self.process = self.process, None
        if process is not None:
            process.finished.disconnect(self._ended)
            process.kill()
            process.waitForFinished(5000)

    def _read_progress(self) -> None:
        process = self.process
        if process is None:
            return
        self._output += bytes(process.readAllStandardOutput().data())
        *lines, self._output = self._output.split(b"\n")
        for line in lines:
            try:
                said = json.loads(line)
            except ValueError:
                continue
            if not isinstance(said, dict):
                continue
            if "epoch" in said:
                self.progress_text = tr("Training the corpus model: pass {done} of {total}…"
                                        ).format(done=said["epoch"], total=said["epochs"])
            elif "doubt" in said:
                self.progress_text = tr("The corpus model is reading uncoded documents: {done} "
                                        "of {total}…").format(done=said["doubt"],
                                                               total=said["of"])
            else:
                continue
            self.session.say(self.progress_text, 4000)

    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        process.deleteLater()
        self.progress_text = ""
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            report = self.report()
            self.model()  # the new model, loaded now rather than at the next suggestion
            self._apply_doubts()
            if report is not None:
                self.session.say(tr("The corpus model is trained on {count} documents: F1 "
                                    "{f1:.2f} on {held} held out (Suggest ▸ Corpus model…)."
                                    ).format(count=report.documents - report.held_out,
                                             f1=report.overall.f1, held=report.held_out), 10000)
            self.finished.emit(True)
            return
        last = next((line for line in reversed(errors.splitlines()) if line.strip()), "")
        self.session.say(tr("The corpus model was not trained: {why} The model in use is "
                            "kept.").format(why=last.removeprefix("annotator: ") or
                                            tr("the training stopped.")), 10000)
        self.finished.emit(False)

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.process is not None:
            self.process = None
            self.session.say(tr("The corpus model could not be trained: its process did not "
                                "start."), 8000)
            self.finished.emit(False)

    def _on_opened(self) -> None:
        self.stop()
        self._nlp, self._loaded_stamp, self._done_seen = None, None, None
        self._tried_at = 0
        self._apply_doubts()

    def _on_progress(self, done: int, _total: int) -> None:
        """After the coder's done count rose: train when enough documents were marked done
        since the model in use was trained."""
        seen, self._done_seen = self._done_seen, done
        every = self.bench.settings.train_every
        if seen is None or done <= seen or every <= 0 or self.process is not None:
            return
        if self.session.read_only:
            return
        marked = done_documents(self.session.corpus)
        report = self.report()
        if report is None:
            due = marked >= MIN_DOCUMENTS and marked >= self._tried_at + every
        else:
            # The documents marked done when it was trained (not those it took as coded
            # because they came labelled from a file): compared with those marked now.
            trained_on = report.documents - report.imported
            due = marked >= max(trained_on, self._tried_at) + every
        if due:
            self._tried_at = marked
            self._start()

    # -- settings ---------------------------------------------------------------------

    def choose_every(self) -> None:
        settings = self.bench.settings
        answer = self.bench.prompts.ask_text(
            tr("Train the corpus model"),
            tr("Train the corpus model again after how many more documents are marked done? "
               "(0: only when asked)"), str(settings.train_every))
        if answer is None:
            return
        try:
            every = int(answer)
            if not 0 <= every <= 100_000:
                raise ValueError
        except ValueError:
            self.bench.prompts.error(tr("Train the corpus model"),
                                     tr("{answer} is not a number of documents from 0 to "
                                        "100000.").format(answer=answer))
            return
        settings.train_every = every
        self.bench.save_settings()

    def choose_threshold(self) -> None:
        settings = self.bench.settings
        answer = self.bench.prompts.ask_text(
            tr("Model suggestions"),
            tr("Show a model's suggestions only when it is at least this sure (0 to 1):"),
            f"{settings.model_threshold:g}")
        if answer is None:
            return
        try:
            value = float(answer.replace(",", "."))
            if not 0.0 <= value <= 1.0:
                raise ValueError
        except ValueError:
            self.bench.prompts.error(tr("Model suggestions"),
                                     tr("{answer} is not a number from 0 to 1.").format(
                                         answer=answer))
            return
        settings.model_threshold = value
        self.bench.save_settings()

    def set_doubt_first(self, on: bool) -> None:
        self.bench.settings.doubt_first = on
        self.bench.save_settings()
        self._apply_doubts()

    def _apply_doubts(self) -> None:
        """The session's "Next document" offers the model's most doubtful first, if set."""
        self.session.doubts = doubts_of(self.folder) if self.bench.settings.doubt_first else {}

    def show_report(self) -> None:
        report = self.report()
        title = tr("Corpus model")
        if report is None:
            self.bench.prompts.info(title, tr(
                "This corpus has no model yet. It is trained after {count} documents are "
                "marked done, or with Suggest ▸ Train the corpus model now.").format(
                    count=MIN_DOCUMENTS))
            return
        kind = (tr("A span categorizer") if report.kind == "spancat"
                else tr("An entity recogniser"))
        lines = [tr("{kind} trained on {trained} coded documents, measured on {held} held out:"
                    ).format(kind=kind, trained=report.documents - report.held_out,
                             held=report.held_out)]
        # One sentence a label: the window's font is not one of even widths, so the
        # command line's columns would not line up here.
        for name, score in [*sorted(report.labels.items()), (tr("All labels"), report.overall)]:
            lines.append(tr("{label}: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}"
                            ).format(label=name, precision=score.precision,
                                     recall=score.recall, f1=score.f1))
        if report.overlapping:
            lines.append(tr("{count} spans overlapping others were left out (an entity "
                            "recogniser takes one span a word).").format(
                                count=report.overlapping))
        if report.cut:
            lines.append(tr("{count} spans across a cut of a very long document were left "
                            "out.").format(count=report.cut))
        if report.imported:
            lines.append(tr("{count} of the documents came labelled from imported files and "
                            "were taken as coded.").format(count=report.imported))
        lines += ["", tr("Kept in {folder}").format(folder=self.folder)]
        if self.process is not None and self.progress_text:
            lines.append(self.progress_text)
        self.bench.prompts.show_result(title, "\n".join(lines))


def _stamp(folder: Path) -> float | None:
    if not has_model(folder):
        return None
    try:
        return (folder / "meta.json").stat().st_mtime_ns / 1e9
    except OSError:
        return None


def _command(arguments: list[str]) -> tuple[str, list[str]]:
    """The command line of annotator itself: the frozen application runs its commands
    when given them; otherwise this Python runs the package."""
    if getattr(sys, "frozen", False):
        return sys.executable, arguments
    return sys.executable, ["-m", "annotator", *arguments]
