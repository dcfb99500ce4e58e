"""The window in French, Spanish and Arabic: catalogues, the translator, mirroring."""

from __future__ import annotations

import os
import shutil
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QMenu

from annotator.gui import i18n
from annotator.gui.i18n import (
    TranslationError,
    catalog_path,
    find_lrelease,
    install_translator,
)
from annotator.settings import Settings
from tests.conftest import REPO

LANGUAGES = ("fr", "es", "ar")
TRANSLATIONS = REPO / "translations"


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    locale, direction = QLocale(), qapp.layoutDirection()
    yield qapp
    install_translator(qapp, Settings(language="en"), say=lambda _message: None)
    QLocale.setDefault(locale)
    qapp.setLayoutDirection(direction)


@pytest.fixture
def sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the translation sources, as a checkout has them (nothing packaged)."""
    copy = Path(shutil.copytree(TRANSLATIONS, tmp_path / "translations"))
    monkeypatch.setattr(i18n, "source_dir", lambda: copy)
    monkeypatch.setattr(i18n, "compiled_dirs", lambda: [])
    return copy


def translations(language: str) -> dict[str, str]:
    """Source text -> its finished translation, in any context, from the .ts file."""
    tree = ET.parse(TRANSLATIONS / f"annotator_{language}.ts")
    found = {}
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and not translation.get("type"):
            found[message.findtext("source") or ""] = translation.text
    return found


def menu_texts(window: QMainWindow) -> list[str]:
    """The menus' titles and their actions' texts, as the window shows them; not those
    made from data (labels, recent corpora, relation types, statuses)."""
    made_from_data = ("Tag or relabel as", "Open &Recent")
    texts = []

    def walk(menu: QMenu) -> None:
        texts.append(menu.title())
        if menu.title() in made_from_data:
            return
        for action in menu.actions():
            if action.isSeparator():
                continue
            if isinstance(action.menu(), QMenu):
                walk(action.menu())
            elif not action.text().startswith(("Mark ", "Link as")) or \
                    action.text() == "Mark done and open next":
                texts.append(action.text())

    for action in window.menuBar().actions():
        walk(action.menu())
    return texts


def test_every_menu_and_menu_action_of_the_window_is_translated(window) -> None:
    texts = menu_texts(window)
    assert "&File" in texts and "&Quit" in texts and len(texts) > 50
    for language in LANGUAGES:
        done = translations(language)
        missing = [text for text in texts if text not in done]
        assert not missing, (language, missing)
        for text in texts:
            translated = done[text]
            assert translated.strip() and ("&" in translated) == ("&" in text), (text, translated)
            if language == "ar":
                assert any("\u0600" <= c <= "\u06ff" for c in translated), translated


def test_the_menus_read_in_each_language(app: QApplication, sources: Path) -> None:
    expected = {"fr": ("&Fichier", "&Quitter", "Thème sombre"),
                "es": ("&Archivo", "&Salir", "Tema oscuro"),
                "ar": ("&ملف", "&خروج", "السمة الداكنة")}
    for language, (file_menu, quit_action, dark) in expected.items():
        assert install_translator(app, Settings(language=language)) == language
        assert QCoreApplication.translate("Actions", "&File") == file_menu
        assert QCoreApplication.translate("MainWindow", "&File") == file_menu
        assert QCoreApplication.translate("Actions", "&Quit") == quit_action
        assert QCoreApplication.translate("Actions", "Dark theme") == dark
        # Qt's own texts (standard buttons) come in the same language.
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert buttons.buttons()[0].text().replace("&", "") != "Cancel"
    assert install_translator(app, Settings(language="en")) == "en"
    assert QCoreApplication.translate("Actions", "&File") == "&File"


def test_arabic_mirrors_the_window(app: QApplication, sources: Path, qtbot) -> None:
    install_translator(app, Settings(language="ar"))
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = window.menuBar()
    first = bar.addMenu(QCoreApplication.translate("Actions", "&File"))
    last = bar.addMenu(QCoreApplication.translate("Actions", "&Help"))
    window.resize(600, 300)
    window.show()
    qtbot.waitExposed(window)
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # The first menu stands at the right edge, the next ones to its left.
    assert bar.actionGeometry(first.menuAction()).x() > bar.actionGeometry(last.menuAction()).x()
    install_translator(app, Settings(language="fr"))
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_system_language_is_used_where_none_is_set(app: QApplication, sources: Path) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    assert install_translator(app, Settings()) == "es"
    assert QCoreApplication.translate("Actions", "&Help") == "A&yuda"
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    assert install_translator(app, Settings()) == "en"
    assert QCoreApplication.translate("Actions", "&Help") == "&Help"


def test_a_language_without_a_catalogue_is_said_and_english_is_shown(
        app: QApplication, sources: Path) -> None:
    said: list[str] = []
    assert install_translator(app, Settings(language="de"), say=said.append) == "en"
    assert said == ["no translation into 'de' (there are: en, ar, es, fr); "
                    "the window stays in English"]
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # A regional variant without a catalogue of its own reads its language's.
    assert install_translator(app, Settings(language="fr_CA"), say=said.append) == "fr_CA"
    assert QCoreApplication.translate("Actions", "&File") == "&Fichier"


def test_a_catalogue_is_compiled_on_first_use_and_again_when_its_source_changes(
        sources: Path) -> None:
    compiled = catalog_path("fr")
    assert compiled is not None and compiled.is_file()
    assert compiled.parent == i18n.cache_dir()  # under ANNOTATOR_HOME in tests
    first = compiled.stat().st_mtime_ns
    assert catalog_path("fr") == compiled and compiled.stat().st_mtime_ns == first

    # The translator edits the .ts: the next start compiles it again.
    ts = sources / "annotator_fr.ts"
    text = ts.read_text(encoding="utf-8").replace("&amp;Fichier", "&amp;Fichier (modifié)")
    ts.write_text(text, encoding="utf-8")
    later = time.time() + 5
    os.utime(ts, (later, later))
    assert catalog_path("fr") == compiled and compiled.stat().st_mtime_ns != first
    assert b"m\x00o\x00d\x00i\x00f\x00i\x00\xe9" in compiled.read_bytes()  # UTF-16 in a .qm


def test_a_broken_catalogue_leaves_the_window_in_english(app: QApplication,
                                                         sources: Path) -> None:
    (sources / "annotator_fr.ts").write_text("<TS version='2.1'><context><name>", "utf-8")
    said: list[str] = []
    assert install_translator(app, Settings(language="fr"), say=said.append) == "en"
    assert len(said) == 1 and said[0].startswith("cannot compile annotator_fr.ts: ")
    assert said[0].endswith("; the window stays in English")
    assert QCoreApplication.translate("Actions", "&File") == "&File"
    assert not list(i18n.cache_dir().glob("*.part"))


def test_without_lrelease_the_window_says_so(app: QApplication, sources: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    said: list[str] = []
    assert install_translator(app, Settings(language="es"), say=said.append) == "en"
    assert said == ["cannot compile annotator_es.ts: PySide6's lrelease is not installed; "
                    "the window stays in English"]
    with pytest.raises(TranslationError):
        catalog_path("es")


def test_pyside6_essentials_ships_lrelease_and_lupdate() -> None:
    import PySide6

    lrelease = find_lrelease()
    assert lrelease is not None and lrelease.is_file()
    folder = Path(PySide6.__file__).parent
    assert any((folder / name).is_file() for name in ("lupdate", "lupdate.exe"))


def test_a_packaged_catalogue_is_preferred(app: QApplication, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = tmp_path / "_translations"
    i18n.compile_catalog(TRANSLATIONS / "annotator_es.ts", packaged / "annotator_es.qm")
    monkeypatch.setattr(i18n, "compiled_dirs", lambda: [packaged])
    monkeypatch.setattr(i18n, "source_dir", lambda: tmp_path / "no-sources")
    assert catalog_path("es") == packaged / "annotator_es.qm"
    assert i18n.available_languages() == ["en", "es"]
    assert install_translator(app, Settings(language="es")) == "es"
    assert not i18n.cache_dir().exists()
