"""File > Export: the same choices as ``annotator export``, in a dialog."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
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
from annotator.formats.selection import BadOption, ExportOptions, parse_split
from annotator.formats.tokens import ALIGN_MODES
from annotator.gui.dialogs import accept_valid, error_line, ok_cancel
from annotator.storage.errors import CorpusError
from annotator.storage.guard import check_output

ANY = "(any)"
EVERYONE = "(all coders)"


@dataclass(frozen=True)
class ExportChoice:
    format: str
    output: Path
    options: ExportOptions


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, corpus_path: Path, labels: list[str],
                 coders: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self._corpus_path = corpus_path
        self.format = QComboBox()
        for name, fmt in EXPORTS.items():
            self.format.addItem(f"{name} — {fmt.description}", name)
        self.output = QLineEdit()
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(browse)
        self.status = QComboBox()
        self.status.addItems([ANY, *STATUSES])
        self.coder = QComboBox()
        self.coder.addItems([EVERYONE, *coders])
        self.labels = QListWidget()
        for label in labels:
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.labels.addItem(item)
        self.labels.setMaximumHeight(110)
        self.split = QLineEdit()
        self.split.setPlaceholderText("e.g. 80/10/10 (empty: one output)")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.align = QComboBox()
        self.align.addItems(list(ALIGN_MODES))
        self.align.setCurrentText("expand")
        self.lang = QLineEdit("auto")
        self.strict = QCheckBox("Write nothing if anything would be lost")
        self.error = error_line()
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("Output", output_row)
        form.addRow("Status", self.status)
        form.addRow("Coder", self.coder)
        form.addRow("Labels", self.labels)
        form.addRow("Split", self.split)
        form.addRow("Seed", self.seed)
        form.addRow("Off-token spans", self.align)
        form.addRow("Tokeniser language", self.lang)
        form.addRow("", self.strict)
        form.addRow("", self.error)
        form.addRow(ok_cancel(self, self._accept, "Export"))
        self.format.currentIndexChanged.connect(self._suggest_output)
        self._suggest_output()
        self.choice: ExportChoice | None = None

    def _suggest_output(self) -> None:
        fmt = EXPORTS[self.format.currentData()]
        stem = self._corpus_path.with_suffix("")
        suffix = "-brat" if fmt.directory else f"-{fmt.name}{fmt.suffix}"
        self.output.setText(str(stem) + suffix)

    def _browse(self) -> None:
        fmt = EXPORTS[self.format.currentData()]
        if fmt.directory or self.split.text().strip():
            path = QFileDialog.getExistingDirectory(self, "Export to folder", self.output.text())
        else:
            path, _ = QFileDialog.getSaveFileName(self, "Export to", self.output.text())
        if path:
            self.output.setText(path)

    def _accept(self) -> None:
        accept_valid(self, self.error, self.read_choice,
                     lambda choice: setattr(self, "choice", choice))

    def read_choice(self) -> ExportChoice:
        """The choices as they stand; BadOption says what is wrong with them."""
        output = self.output.text().strip()
        if not output:
            raise BadOption("choose where to write the export")
        try:
            check_output(Path(output), self._corpus_path)
        except CorpusError as exc:  # said in the form, and the dialog stays open
            raise BadOption(str(exc)) from exc
        labels = tuple(self.labels.item(i).text() for i in range(self.labels.count())
                       if self.labels.item(i).checkState() == Qt.CheckState.Checked)
        if not labels:
            raise BadOption("tick at least one label")
        split_text = self.split.text().strip()
        options = ExportOptions(
            status=None if self.status.currentText() == ANY else self.status.currentText(),
            coder=None if self.coder.currentText() == EVERYONE else self.coder.currentText(),
            labels=None if len(labels) == self.labels.count() else labels,
            split=parse_split(split_text) if split_text else None,
            seed=self.seed.value(),
            align=self.align.currentText(),  # type: ignore[arg-type]
            strict=self.strict.isChecked(),
            lang=self.lang.text().strip() or "auto",
        )
        return ExportChoice(self.format.currentData(), Path(output), options)
