"""File > Export: the same choices as ``annotator export``, in a dialog.

The output is first suggested in the folder the coder exported to last (the
caller remembers it: ``ExportChoice.folder``), else in their Documents folder,
named after the corpus and the format; never beside a corpus kept in the
application's hidden data folder, where nobody would look for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.core.model import STATUSES
from annotator.formats.registry import EXPORTS
from annotator.formats.selection import BadOption, ExportOptions, parse_languages, parse_split
from annotator.formats.tokens import ALIGN_MODES
from annotator.gui.dialogs import accept_valid, error_line, ok_cancel
from annotator.gui.wording import status_word
from annotator.storage.errors import CorpusError
from annotator.storage.guard import check_output

# The words the dialog shows for the fixed choices, marked for the translation
# catalogue and shown through ``ExportDialog.tr``. The combo boxes keep the values
# themselves as item data, so a translated word is never taken for a value.
ANY = QT_TRANSLATE_NOOP("ExportDialog", "(any)")
EVERYONE = QT_TRANSLATE_NOOP("ExportDialog", "(all coders)")
ALIGN_WORDS = (QT_TRANSLATE_NOOP("ExportDialog", "strict"),
               QT_TRANSLATE_NOOP("ExportDialog", "contract"),
               QT_TRANSLATE_NOOP("ExportDialog", "expand"))
# What formats.registry.EXPORTS says of each format.
FORMAT_WORDS = (
    QT_TRANSLATE_NOOP("ExportDialog", "annotator's native JSONL: everything"),
    QT_TRANSLATE_NOOP("ExportDialog", "doccano sequence labelling JSONL"),
    QT_TRANSLATE_NOOP("ExportDialog", "Prodigy ner_manual JSONL with tokens"),
    QT_TRANSLATE_NOOP("ExportDialog", "spaCy DocBin (doc.spans and doc.ents)"),
    QT_TRANSLATE_NOOP("ExportDialog", "CoNLL-2003 style IOB2"),
    QT_TRANSLATE_NOOP("ExportDialog", "brat standoff folder (.txt, .ann, annotation.conf)"),
    QT_TRANSLATE_NOOP("ExportDialog", "one row per span, spreadsheet-safe"),
    QT_TRANSLATE_NOOP("ExportDialog",
                      "one row per event: actors by role, places, casualties per outcome"),
    QT_TRANSLATE_NOOP("ExportDialog",
                      "Hugging Face token classification (.parquet, or .jsonl by name)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Label Studio JSON tasks"),
    QT_TRANSLATE_NOOP("ExportDialog",
                      "INCEpTION UIMA CAS XMI folder (TypeSystem.xml, one .xmi a document)"),
    QT_TRANSLATE_NOOP("ExportDialog",
                      "WebAnno TSV 3.3 folder for INCEpTION (one .tsv a document)"),
    QT_TRANSLATE_NOOP("ExportDialog",
                      "ACLED's columns, one row per event, codes checked against ACLED's "
                      "codebook"),
    QT_TRANSLATE_NOOP("ExportDialog", "UCDP GED's columns, one row per event, deaths by side"),
    QT_TRANSLATE_NOOP("ExportDialog", "PLOVER/POLECAT event records, one JSON object per event"),
)


@dataclass(frozen=True)
class ExportChoice:
    format: str
    output: Path
    options: ExportOptions

    @property
    def folder(self) -> Path:
        """The folder the export went into: the one to offer next time."""
        return self.output.parent


def documents_folder() -> Path:
    """The coder's Documents folder, or their home folder where there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, corpus_path: Path, labels: list[str],
                 coders: list[str], folder: str | Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._corpus_path = corpus_path
        # The last folder used, while it is still there (a USB stick may be gone).
        self._folder = Path(folder) if folder and Path(folder).is_dir() else documents_folder()
        self.format = QComboBox()
        for name, fmt in EXPORTS.items():
            self.format.addItem(self.tr("{name} — {description}").format(
                name=name, description=self.tr(fmt.description)), name)
        self.output = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        self.status = QComboBox()
        self.status.addItem(self.tr(ANY), None)
        for status in STATUSES:
            self.status.addItem(status_word(status), status)  # as the window calls it
        self.coder = QComboBox()
        self.coder.addItem(self.tr(EVERYONE), None)
        for coder in coders:
            self.coder.addItem(coder, coder)
        self.labels = QListWidget()
        for label in labels:
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.labels.addItem(item)
        self.labels.setMaximumHeight(110)
        self.split = QLineEdit()
        self.split.setPlaceholderText(self.tr("e.g. 80/10/10 (empty: one output)"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.align = QComboBox()
        for mode in ALIGN_MODES:
            self.align.addItem(self.tr(mode), mode)
        self.align.setCurrentIndex(self.align.findData("expand"))
        self.lang = QLineEdit("auto")
        self.languages = QLineEdit()
        self.languages.setPlaceholderText(self.tr("e.g. en,fr (empty: all)"))
        self.strict = QCheckBox(self.tr("Write nothing if anything would be lost"))
        self.error = error_line()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a file name
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Output"), output_row)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Coder"), self.coder)
        form.addRow(self.tr("Labels"), self.labels)
        form.addRow(self.tr("Split"), self.split)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Off-token spans"), self.align)
        form.addRow(self.tr("Tokeniser language"), self.lang)
        form.addRow(self.tr("Languages"), self.languages)
        form.addRow("", self.strict)
        form.addRow("", self.error)
        form.addRow(ok_cancel(self, self._accept, self.tr("Export")))
        self.format.currentIndexChanged.connect(self._suggest_output)
        self._suggest_output()
        self.choice: ExportChoice | None = None

    def _name_for(self, name: str) -> str:
        """The file (or folder) name suggested for an export in format ``name``."""
        fmt = EXPORTS[name]
        return f"{self._corpus_path.stem}-{fmt.name}{'' if fmt.directory else fmt.suffix}"

    def _suggest_output(self) -> None:
        """A name for the chosen format, in the folder the output is in now: a folder
        the coder typed or browsed to is kept, and so is a name of their own."""
        current = Path(self.output.text().strip()) if self.output.text().strip() else None
        suggested = {self._name_for(name) for name in EXPORTS}
        if current is not None and current.name not in suggested:
            return
        folder = current.parent if current is not None else self._folder
        self.output.setText(str(folder / self._name_for(self.format.currentData())))

    def _browse(self) -> None:
        fmt = EXPORTS[self.format.currentData()]
        if fmt.directory or self.split.text().strip():
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                    self.output.text())
        else:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.output.text())
        if path:
            self.output.setText(path)

    def _accept(self) -> None:
        accept_valid(self, self.error, self.read_choice,
                     lambda choice: setattr(self, "choice", choice))

    def read_choice(self) -> ExportChoice:
        """The choices as they stand; BadOption says what is wrong with them."""
        output = self.output.text().strip()
        if not output:
            raise BadOption(self.tr("choose where to write the export"))
        try:
            check_output(Path(output), self._corpus_path)
        except CorpusError as exc:  # said in the form, and the dialog stays open
            raise BadOption(str(exc)) from exc
        labels = tuple(self.labels.item(i).text() for i in range(self.labels.count())
                       if self.labels.item(i).checkState() == Qt.CheckState.Checked)
        if not labels:
            raise BadOption(self.tr("tick at least one label"))
        split_text = self.split.text().strip()
        languages_text = self.languages.text().strip()
        try:
            languages = parse_languages(languages_text) if languages_text else None
        except BadOption:
            raise BadOption(self.tr("Languages: {value} names no language; give ISO 639-1 "
                                    "codes such as en,fr").format(value=languages_text)) from None
        options = ExportOptions(
            status=self.status.currentData(),
            coder=self.coder.currentData(),
            labels=None if len(labels) == self.labels.count() else labels,
            split=parse_split(split_text) if split_text else None,
            seed=self.seed.value(),
            align=self.align.currentData(),
            strict=self.strict.isChecked(),
            lang=self.lang.text().strip() or "auto",
            languages=languages,
        )
        return ExportChoice(self.format.currentData(), Path(output), options)
