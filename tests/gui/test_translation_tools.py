"""The translation tools: regenerating the .ts files, and the wheel's compiled catalogues."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from PySide6.QtCore import QTranslator

from tests.conftest import REPO

SCRIPT = REPO / "packaging" / "update_translations.py"

PANE = '''
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


class EventPane:
    def build(self, n: int) -> None:
        self.title = QLabel("Events")
        self.remove.setText(QCoreApplication.translate("EventPane", "Remove event"))
        self.status.showMessage(f"{n} events")
        self.button.setToolTip("✕")
        self.close.setToolTip("Close this notice")
'''

CATALOG = '''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Actions</name>
    <message>
        <source>Remove event</source>
        <translation>Supprimer l’événement</translation>
    </message>
    <message>
        <source>Forgotten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
</context>
<context>
    <name>EventPane</name>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
</context>
</TS>
'''


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(context.findtext("name") or "", message.findtext("source") or ""): message
            for context in root.findall("context") for message in context.findall("message")}


def update(root: Path) -> str:
    done = subprocess.run([sys.executable, str(SCRIPT), "--root", str(root), "fr"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_update_keeps_translations_and_brings_in_texts_not_yet_wrapped(
        tmp_path: Path) -> None:
    (tmp_path / "annotator" / "gui").mkdir(parents=True)
    (tmp_path / "annotator" / "gui" / "event_pane.py").write_text(textwrap.dedent(PANE))
    (tmp_path / "translations").mkdir()
    ts = tmp_path / "translations" / "annotator_fr.ts"
    ts.write_text(CATALOG, encoding="utf-8")

    said = update(tmp_path)
    assert "annotator_fr.ts" in said and "1 carried" in said
    found = messages(ts)
    # Shown but not wrapped yet: kept with its translation, and where it is said.
    events = found[("EventPane", "Events")]
    assert events.findtext("translation") == "Événements"
    assert events.find("translation").get("type") is None
    assert events.find("location").get("filename") == "../annotator/gui/event_pane.py"
    # Wrapped under another context than it was translated in: lupdate itself gives it
    # the translation, marked for a translator to confirm.
    wrapped = found[("EventPane", "Remove event")]
    assert wrapped.findtext("translation") == "Supprimer l’événement"
    assert wrapped.find("translation").get("type") == "unfinished"
    # Shown, not wrapped yet, and translated elsewhere: the update carries it over the
    # same way, and says where from.
    carried = found[("EventPane", "Close this notice")]
    assert carried.findtext("translation") == "Fermer cet avis"
    assert carried.find("translation").get("type") == "unfinished"
    assert carried.findtext("translatorcomment") == "carried from context NoticeBar"
    # Gone from the code with nothing translated: dropped. An f-string and a text
    # without words are not messages.
    assert ("Actions", "Forgotten") not in found
    assert not [key for key in found if key[1] in ("{n} events", "✕")]

    # Running it again changes nothing.
    before = ts.read_text(encoding="utf-8")
    update(tmp_path)
    assert ts.read_text(encoding="utf-8") == before

    # A new language starts from the code.
    done = subprocess.run([sys.executable, str(SCRIPT), "--root", str(tmp_path), "de"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    german = messages(tmp_path / "translations" / "annotator_de.ts")
    assert {("EventPane", "Events"), ("EventPane", "Remove event")} <= set(german)


def test_the_wheel_carries_compiled_catalogues(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps",
                            "-w", str(wheels), "-q"], capture_output=True, text=True,
                           check=False, timeout=900)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = wheels.glob("annotator-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for language in ("fr", "es", "ar"):
            name = f"annotator/_translations/annotator_{language}.qm"
            assert name in names
            (tmp_path / f"{language}.qm").write_bytes(archive.read(name))
    translator = QTranslator()
    assert translator.load(str(tmp_path / "fr.qm"))
    assert translator.translate("Actions", "&File") == "&Fichier"
