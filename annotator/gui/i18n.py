"""The window in the coder's language: catalogues found or compiled, and installed.

Translations are written in Qt's ``.ts`` files (``translations/`` at the top of
the repository) and read by Qt as compiled ``.qm`` catalogues. A wheel and the
standalone build carry the compiled ones; a source checkout or an editable
install compiles a catalogue on first use, with the ``lrelease`` that PySide6
ships, into the user's cache (again whenever its ``.ts`` is newer).

The language is the settings' (``Settings.language``), else the system's. Arabic
(and any right-to-left language) mirrors the layout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.settings import APP_NAME, Settings

CATALOG = "annotator"
# Languages the window has a catalogue for, by their own names; English is the source.
LANGUAGES = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
TRANSLATOR_NAME = "annotatorTranslator"
_PACKAGE = Path(__file__).resolve().parents[1]


class TranslationError(Exception):
    """A catalogue that cannot be made or read; the message says which and why."""


def source_dir() -> Path:
    """Where the ``.ts`` files are in a source checkout (or an editable install)."""
    return _PACKAGE.parent / "translations"


def compiled_dirs() -> list[Path]:
    """Where built packages keep compiled catalogues: beside a standalone build's
    bundle, or inside the installed package (the wheel's build compiles them)."""
    dirs = [_PACKAGE / "_translations"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.insert(0, Path(bundle) / "translations")
    return dirs


def cache_dir() -> Path:
    home = os.environ.get("ANNOTATOR_HOME")
    root = Path(home) / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))
    return root / "translations"


def find_qt_tool(tool: str) -> Path | None:
    """One of Qt's tools as PySide6 ships it (``lrelease``, ``lupdate``: in its package
    folder, and as the ``pyside6-`` script beside Python), or None."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - the window cannot run without it anyway
        return None
    name = f"{tool}.exe" if sys.platform == "win32" else tool
    candidates = [Path(PySide6.__file__).parent / name,
                  Path(sys.executable).parent / f"pyside6-{tool}"]
    found = shutil.which(f"pyside6-{tool}")
    if found:
        candidates.append(Path(found))
    return next((path for path in candidates if path.is_file()), None)


def find_lrelease() -> Path | None:
    """Qt's catalogue compiler, or None."""
    return find_qt_tool("lrelease")


def compile_catalog(ts: Path, qm: Path, lrelease: Path | None = None) -> Path:
    """Compile ``ts`` into ``qm`` with lrelease; TranslationError saying why not."""
    tool = lrelease or find_lrelease()
    if tool is None:
        raise TranslationError(f"cannot compile {ts.name}: PySide6's lrelease is not installed")
    qm.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and moved in, so a window starting meanwhile never reads half a file.
    partial = qm.with_name(qm.name + ".part")
    try:
        done = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(partial)],
                              capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise TranslationError(f"cannot compile {ts.name}: {exc}") from exc
    if done.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        why = (done.stderr or done.stdout).strip().splitlines()
        raise TranslationError(f"cannot compile {ts.name}: "
                               f"{why[-1] if why else f'lrelease exited {done.returncode}'}")
    partial.replace(qm)
    return qm


def catalog_path(language: str) -> Path | None:
    """The compiled catalogue for ``language``: a packaged one, else one compiled
    from the checkout's ``.ts`` into the cache (again if the ``.ts`` is newer); None
    where there is no catalogue for it. TranslationError if one cannot be made."""
    name = f"{CATALOG}_{language}"
    for directory in compiled_dirs():
        if (directory / f"{name}.qm").is_file():
            return directory / f"{name}.qm"
    ts = source_dir() / f"{name}.ts"
    if not ts.is_file():
        return None
    qm = cache_dir() / f"{name}.qm"
    try:
        fresh = qm.stat().st_mtime >= ts.stat().st_mtime
    except OSError:
        fresh = False
    return qm if fresh else compile_catalog(ts, qm)


def available_languages() -> list[str]:
    """Languages with a catalogue here, English (the source) first."""
    found = {path.stem.removeprefix(f"{CATALOG}_") for directory in compiled_dirs()
             for path in directory.glob(f"{CATALOG}_*.qm")}
    found |= {path.stem.removeprefix(f"{CATALOG}_")
              for path in source_dir().glob(f"{CATALOG}_*.ts")}
    return ["en", *sorted(found - {"en"})]


def chosen_language(settings: Settings, available: list[str] | None = None) -> str:
    """The language to show: the settings' where one is set, else the first of the
    system's preferred languages that has a catalogue, else English."""
    if settings.language:
        return settings.language
    have = available if available is not None else available_languages()
    for tag in QLocale().uiLanguages():
        # "fr-FR" -> "fr-FR", "fr_FR", "fr": the most exact one there is a catalogue for.
        tag = tag.replace("-", "_")
        for candidate in (tag, tag.split("_")[0]):
            if candidate in have:
                return candidate
    return "en"


def _remove_ours(app: QApplication) -> None:
    for old in app.findChildren(QTranslator, TRANSLATOR_NAME):
        app.removeTranslator(old)
        old.setParent(None)
        old.deleteLater()


def _translator(app: QApplication, path: Path) -> QTranslator | None:
    translator = QTranslator(app)
    translator.setObjectName(TRANSLATOR_NAME)
    if not translator.load(str(path)):
        translator.setParent(None)
        return None
    app.installTranslator(translator)
    return translator


class KeyNames(QTranslator):
    """Key names as Qt writes them in English, in every language: the window's texts,
    its F1 sheet and its menus then name a key the same way."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return source if context == "QShortcut" else None

    def isEmpty(self) -> bool:
        return False


def _say(message: str) -> None:
    print(f"annotator: {message}", file=sys.stderr)


def install_translator(app: QApplication, settings: Settings,
                       say: Callable[[str], object] = _say) -> str:
    """Translate the application into the chosen language (call before the window
    is built: its texts are translated as it makes them), with Qt's own texts
    (standard buttons, dialogs) where Qt has them; mirror the layout for a
    right-to-left language. Returns the language now shown ("en" when none is).

    A language without a catalogue, or one that cannot be compiled or read, is
    said through ``say`` and the window stays in English: never an error.
    """
    _remove_ours(app)
    language = chosen_language(settings)
    shown = "en"
    if language != "en":
        try:
            # "fr_CA" without a catalogue of its own reads French.
            path = catalog_path(language) or catalog_path(language.split("_")[0])
        except TranslationError as exc:
            say(f"{exc}; the window stays in English")
            path = None
        else:
            if path is None:
                say(f"no translation into {language!r} (there are: "
                    f"{', '.join(available_languages())}); the window stays in English")
        if path is not None:
            if _translator(app, path) is None:
                say(f"{path} is not a translation catalogue Qt can read; "
                    "the window stays in English")
            else:
                shown = language
                qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
                for candidate in (f"qtbase_{language}.qm", f"qtbase_{language.split('_')[0]}.qm"):
                    if (qt_own / candidate).is_file():
                        _translator(app, qt_own / candidate)
                        break
                # Installed last, asked first: keys keep the names the window's own texts
                # use for them ("Shift+Tab", not "Maj+Tab" beside "(Shift+Tab)").
                keys = KeyNames(app)
                keys.setObjectName(TRANSLATOR_NAME)
                app.installTranslator(keys)
    right_to_left = (shown != "en"
                     and QLocale(shown).textDirection() == Qt.LayoutDirection.RightToLeft)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if right_to_left
                           else Qt.LayoutDirection.LeftToRight)
    return shown
