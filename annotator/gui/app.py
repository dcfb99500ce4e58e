"""Starting the window: the application, its language, the coder, the corpus.

What is printed on stderr stays English (it goes to logs and bug reports); what
the coder reads in the window is in their language."""

from __future__ import annotations

import getpass
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.gui.i18n import install_translator
from annotator.gui.main_window import MainWindow
from annotator.gui.platform_check import xcb_problem
from annotator.gui.prompts import Prompts
from annotator.resources import resource
from annotator.settings import Settings, data_dir, resolve_coder
from annotator.storage.corpus import Corpus, CorpusError
from annotator.storage.errors import CorpusOffline
from annotator.storage.pg.address import ServerAddress
from annotator.storage.team_server import login_name
from annotator.workspace import open_default_corpus


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("annotator")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("annotator")
    icon = resource("icons", "annotator.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def choose_coder(explicit: str | None, settings: Settings, prompts: Prompts) -> str:
    """The coder's name; asked once in the window and then remembered."""
    coder = resolve_coder(explicit, settings)
    if coder is None:
        coder = prompts.ask_coder(getpass.getuser()) or getpass.getuser()
        settings.coder = coder
        try:
            settings.save()
        except OSError as exc:  # asked again next time; this session goes on
            print(f"annotator: could not save the settings: {exc}", file=sys.stderr)
    return coder


def build_window(corpus_path: Path | ServerAddress | None, coder: str | None,
                 prompts: Prompts | None = None) -> MainWindow | None:
    """Open the corpus and make the window; None (after saying why) if it cannot.

    A named corpus must exist (a mistyped name should not quietly become an
    empty corpus); File > New makes new ones.
    """
    app = application()
    prompts = prompts or Prompts()
    settings = Settings.load()
    # Before anything is shown: every text is translated as it is made. A language that
    # cannot be shown is said on stderr and the window is in English.
    install_translator(app, settings)
    try:
        corpus = Corpus.open(corpus_path, create=False) if corpus_path else open_default_corpus()
    except CorpusError as exc:
        print(f"annotator: {exc}", file=sys.stderr)
        prompts.error(QCoreApplication.translate("App", "Cannot open corpus"), str(exc))
        return None
    login = login_name(corpus)
    if login is not None:
        # On a team's server the login is the coder: the server's rules give each
        # person their own rows by it, whatever name is asked for.
        if coder and coder != login:
            print(f"annotator: coding as {login}, the login on {corpus.path}, not as {coder}",
                  file=sys.stderr)
        name = login
    else:
        name = choose_coder(coder, settings, prompts)
    try:
        corpus.probe(name)  # damaged where the window reads first: say so, build nothing
    except CorpusError as exc:
        corpus.close()
        print(f"annotator: {exc}", file=sys.stderr)
        prompts.error(QCoreApplication.translate("App", "Cannot open corpus"), str(exc))
        return None
    return MainWindow(corpus, name, settings, prompts)


def run(corpus_path: Path | ServerAddress | None = None, coder: str | None = None,
        quit_after: float | None = None) -> int:
    # Qt aborts the process (a core dump) when its X11 plugin cannot load; say which
    # libraries are missing before it tries.
    if (problem := xcb_problem()) is not None:
        print(f"annotator: the window cannot start: {problem}", file=sys.stderr)
        return 2
    app = application()
    window = build_window(corpus_path, coder)
    if window is None:
        return 2
    install_error_dialog(window)
    window.show()
    if quit_after is not None:
        QTimer.singleShot(int(quit_after * 1000), window.close)
    return app.exec()


def install_error_dialog(window: MainWindow,
                         show: Callable[[QMessageBox], object] = QMessageBox.exec) -> None:
    """An unexpected error shows a dialog and goes to the log; the window goes on.

    Every edit is committed as it happens, so nothing the coder did is lost
    by an error in some later step.
    """
    log_path = data_dir() / "annotator.log"

    def report(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        try:
            log_path.parent.mkdir(parents=True, exist_ok=True)
            with log_path.open("a", encoding="utf-8") as log:
                log.write(f"--- {datetime.now().isoformat()}\n{details}")
        except OSError:
            pass  # the dialog below still tells the coder
        waiting = window.session.history.pending
        if isinstance(value, CorpusOffline):
            # The connection went away while the window read something: nothing more
            # was done; the status line says what waits. Not a fault to report.
            window.notice.show_notice(QCoreApplication.translate(
                "App", "{error}. That step was not done; try again when the server answers.")
                .format(error=value))
            return
        saved = (QCoreApplication.translate(
            "App", "{count} edit(s) still wait for the server, which cannot be reached; the "
            "rest of your work is saved.").format(count=waiting) if waiting else
            QCoreApplication.translate("App", "Your work so far is saved."))
        box = QMessageBox(QMessageBox.Icon.Critical,
                          QCoreApplication.translate("App", "Something went wrong"),
                          QCoreApplication.translate(
                              "App", "{error}\n\n{saved} Details are in {log}.").format(
                                  error=value, saved=saved, log=log_path),
                          parent=window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the error may quote a title or a path
        box.setDetailedText(details)
        copy = box.addButton(QCoreApplication.translate("App", "Copy details"),
                             QMessageBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        box.addButton(QMessageBox.StandardButton.Close)
        show(box)

    sys.excepthook = report


def main() -> None:
    sys.exit(run(Path(sys.argv[1]) if len(sys.argv) > 1 else None))
