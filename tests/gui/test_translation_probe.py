"""The pseudo-translation probe finds exactly the texts that skip translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tests.gui.translation_probe import is_marked, pseudo_translation, unmarked_texts


def tr(text: str) -> str:
    return QCoreApplication.translate("Probe", text)


def test_a_wrapped_text_comes_back_marked_and_an_unwrapped_one_is_found(qtbot) -> None:
    with pseudo_translation():
        widget = QWidget()
        qtbot.addWidget(widget)
        layout = QVBoxLayout(widget)
        wrapped, unwrapped = QLabel(tr("Spans")), QLabel("Events")
        layout.addWidget(wrapped)
        layout.addWidget(unwrapped)
        assert wrapped.text() == "⟦Spans⟧"
        found = unmarked_texts(widget)
    assert [(u.text, u.where.split()[-1]) for u in found] == [("Events", "text")]
    assert "QLabel" in found[0].where


def test_every_kind_of_visible_text_is_walked(qtbot) -> None:
    with pseudo_translation():
        window = QMainWindow()
        qtbot.addWidget(window)
        window.setWindowTitle("annotator")
        menu = window.menuBar().addMenu(tr("&File"))
        menu.addAction(tr("&Open corpus…"))
        menu.addAction("&Quit")
        # A submenu made without a parent, as File > Open Recent is.
        recent = QMenu("Open &Recent")
        menu.addMenu(recent)
        recent.addAction(tr("Clear"))
        centre = QWidget()
        layout = QVBoxLayout(centre)
        search = QLineEdit()
        search.setPlaceholderText("Search corpus")
        search.setToolTip(tr("Words, phrases"))
        button = QToolButton()
        button.setText("✕")  # no words: nothing to translate
        button.setToolTip("Close this notice")
        table = QTableView()
        model = QStandardItemModel(0, 2)
        model.setHorizontalHeaderLabels([tr("Title"), "Date"])
        table.setModel(model)
        for part in (search, button, table):
            layout.addWidget(part)
        window.setCentralWidget(centre)
        found = {u.text for u in unmarked_texts(window)}
    assert found == {"annotator", "&Quit", "Open &Recent", "Search corpus",
                     "Close this notice", "Date"}


def test_hidden_widgets_and_data_can_be_left_out(qtbot) -> None:
    with pseudo_translation():
        widget = QWidget()
        qtbot.addWidget(widget)
        layout = QVBoxLayout(widget)
        hidden, title = QLabel("Find in this document"), QLabel("Rockets hit Ain al-Asad")
        title.setObjectName("documentTitle")
        layout.addWidget(hidden)
        layout.addWidget(title)
        hidden.hide()
        assert {u.text for u in unmarked_texts(widget)} == {"Find in this document",
                                                            "Rockets hit Ain al-Asad"}
        shown = unmarked_texts(widget, visible_only=True,
                               skip=lambda obj: obj.objectName() == "documentTitle")
    assert shown == []


def test_marks_around_data_and_numbers() -> None:
    assert is_marked("⟦coder: alice⟧")
    assert is_marked("⟦done⟧ 3 / 10")
    assert not is_marked("alice — ⟦annotator⟧")
    assert not is_marked("Events")
