"""Making or changing an event: its type, date, note, the dataset's codes, the incident
it reports, and each member's role and group."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from annotator.core.dates import typed_date
from annotator.core.events import DATE_PRECISIONS, Event, EventMember, IncidentChoice
from annotator.core.model import Span
from annotator.core.schema import Schema
from annotator.gui.dialogs import accept_valid, error_line, ok_cancel
from annotator.gui.event_codes import EventCodes, Narrowing, incident_box
from annotator.gui.notices import plain_tooltip

# The English texts, marked for the translation catalogue; the dialog shows them
# translated (``EventDialog.tr``).
HEADERS = (QT_TRANSLATE_NOOP("EventDialog", "Span"), QT_TRANSLATE_NOOP("EventDialog", "Role"),
           QT_TRANSLATE_NOOP("EventDialog", "Same victims as (group)"))
GROUP_HINT = QT_TRANSLATE_NOOP("EventDialog", "e.g. a (optional)")
# The words core.events.DATE_PRECISIONS gives each precision, for the catalogue.
PRECISION_WORDS = (QT_TRANSLATE_NOOP("EventDialog", "the day"),
                   QT_TRANSLATE_NOOP("EventDialog", "within a week"),
                   QT_TRANSLATE_NOOP("EventDialog", "within a month"))


class EventDialog(QDialog):
    def __init__(self, parent: QWidget | None, event: Event, spans: Sequence[Span],
                 schema: Schema, *, date_source: str = "",
                 incidents: Sequence[IncidentChoice] = (), narrowing: Narrowing | None = None,
                 problems: Callable[[Event], list[str]] | None = None,
                 roles_for: Callable[[str], Sequence[str] | None] | None = None) -> None:
        super().__init__(parent)
        self._schema = schema
        self._narrowing = narrowing
        self._problems = problems
        self._roles_for = roles_for
        self.setWindowTitle(self.tr("Event"))
        self._event = event
        by_uid = {s.uid: s for s in spans}
        self.type = QComboBox()
        self.type.addItems(list(schema.event_types) or ["other"])
        if event.type not in schema.event_types:
            self.type.addItem(event.type)
        self.type.setCurrentText(event.type)
        self.date = QLineEdit(event.date or "")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.precision = QComboBox()
        for value, text in DATE_PRECISIONS.items():
            self.precision.addItem(f"{value}: {self.tr(text)}", value)
        self.precision.setCurrentIndex(self.precision.findData(event.date_precision))
        self.note = QLineEdit(event.note)
        self.codes = EventCodes(schema.event_attributes, event.attrs)
        self.incident = incident_box(event.incident, event.uid, incidents)
        self.incident.setToolTip(self.tr(
            "Events of several articles that report the same happening: a dataset counts "
            "them as one event with several sources."))
        self.members = QTableWidget(len(event.members), 3)
        self.members.setHorizontalHeaderLabels([self.tr(text) for text in HEADERS])
        self.members.verticalHeader().hide()
        roles = list(schema.event_roles)
        hint = self.tr(GROUP_HINT)
        for row, member in enumerate(event.members):
            span = by_uid.get(member.span_uid)
            shown = f"{span.label}: {span.text}" if span else member.span_uid
            item = QTableWidgetItem(shown)
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            item.setToolTip(plain_tooltip(shown))  # the column may elide a long span
            self.members.setItem(row, 0, item)
            role = QComboBox()
            role.addItems(roles if member.role in roles else [*roles, member.role])
            role.setCurrentText(member.role)
            self.members.setCellWidget(row, 1, role)
            group = QLineEdit(member.group)
            group.setPlaceholderText(hint)
            # The hint in full: a clipped "e.g. a, for alt…" says nothing.
            group.setMinimumWidth(group.fontMetrics().horizontalAdvance(hint) + 16)
            self.members.setCellWidget(row, 2, group)
        self._size_columns()
        self.error = error_line()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a name
        form = QFormLayout(self)
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Date"), self.date)
        # Where a drafted date came from ("from “on Monday” in the text"), so the coder
        # can judge it; the date stays theirs to change.
        self.date_source = QLabel(date_source)
        self.date_source.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the article
        self.date_source.setVisible(bool(date_source))
        form.addRow("", self.date_source)
        form.addRow(self.tr("Date precision"), self.precision)
        form.addRow(self.tr("Note"), self.note)
        for caption, editor in self.codes.rows:
            form.addRow(caption, editor)
        form.addRow(self.tr("Same incident as"), self.incident)
        form.addRow(self.members)
        explained = QLabel(self.tr("Casualty spans with the same group are reports of the "
                                   "same victims: they give one range instead of being "
                                   "added up."))
        explained.setWordWrap(True)
        form.addRow(explained)
        # What the dataset's rules find missing or wrong: said, not refused, since an
        # event is often coded in several sittings.
        self.warning = QLabel()
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.warning.setObjectName("eventWarning")
        form.addRow(self.warning)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self._accept))
        if narrowing is not None or roles_for is not None:
            self.type.currentTextChanged.connect(lambda _t: self._narrow())
            self._narrow()
        self._watch_problems()
        # Up to four members in view without scrolling, however many codes a dataset has;
        # the dialog as tall as that needs, within a laptop's 720-pixel screen.
        shown_rows = min(max(1, len(event.members)), 4)
        self.members.setMinimumHeight(self.members.horizontalHeader().sizeHint().height()
                                      + shown_rows * self.members.verticalHeader()
                                      .defaultSectionSize() + 2 * self.members.frameWidth())
        self.resize(max(640, self._table_width() + 2 * form.contentsMargins().left()),
                    min(max(420, self.sizeHint().height()), 680))
        self.result_event: Event | None = None

    def _size_columns(self) -> None:
        """Role and group as wide as their headers and contents; the span takes the rest.

        Sized to contents, the headers' own text counts too, so "Same victims as
        (group)" is never cut to "e victims as (gro"; the span column stretches and
        elides a long span (its tooltip has all of it).
        """
        header = self.members.horizontalHeader()
        header.setMinimumSectionSize(
            header.fontMetrics().horizontalAdvance(self.tr(HEADERS[0])) + 24)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _table_width(self) -> int:
        """Wide enough for the role and group columns and a span column of some length."""
        span_room = self.members.fontMetrics().horizontalAdvance("x" * 36)
        fixed = sum(max(self.members.sizeHintForColumn(column),
                        self.members.horizontalHeader().sectionSizeHint(column))
                    for column in (1, 2))
        return span_room + fixed + 2 * self.members.frameWidth() + 4

    def read_event(self) -> Event:
        """The event as the dialog now says; ValueError names what is wrong."""
        date = typed_date(self.date.text())
        members = []
        for row, member in enumerate(self._event.members):
            role = self.members.cellWidget(row, 1).currentText()  # type: ignore[attr-defined]
            group = self.members.cellWidget(row, 2).text().strip()  # type: ignore[attr-defined]
            members.append(EventMember(member.span_uid, role, group))
        return replace(self._event, type=self.type.currentText(), date=date,
                       date_precision=self.precision.currentData(),
                       note=self.note.text().strip(), members=tuple(members),
                       attrs=self._schema.check_event(self.codes.values()),
                       incident=self.incident.currentData() or "")

    def _narrow(self) -> None:
        """Offer the codes and roles the dataset allows for the chosen event type; what is
        chosen already stays, shown, for the coder to change."""
        kind = self.type.currentText()
        if self._narrowing is not None:
            self.codes.narrow(self._narrowing, {"event_type": kind})
        if self._roles_for is None:
            return
        allowed = self._roles_for(kind)
        roles = list(allowed) if allowed is not None else list(self._schema.event_roles)
        for row in range(self.members.rowCount()):
            box = self.members.cellWidget(row, 1)
            assert isinstance(box, QComboBox)
            current = box.currentText()
            offered = roles if current in roles else [*roles, current]
            if [box.itemText(i) for i in range(box.count())] == offered:
                continue
            box.blockSignals(True)
            box.clear()
            box.addItems(offered)
            box.setCurrentText(current)
            box.blockSignals(False)

    def _watch_problems(self) -> None:
        """Say, as the coder fills the form, what the dataset still misses."""
        if self._problems is None:
            self.warning.hide()
            return
        for editor in (self.type, self.incident):
            editor.currentIndexChanged.connect(lambda _i: self._show_problems())
        for name in (spec.name for spec in self._schema.event_attributes):
            widget = self.codes.editor(name)
            for signal in ("currentIndexChanged", "toggled", "textChanged", "changed"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(lambda *_a: self._show_problems())
                    break
        self._show_problems()

    def _show_problems(self) -> None:
        assert self._problems is not None
        try:
            found = self._problems(self.read_event())
        except ValueError:  # a date or code not yet valid: said when OK is pressed
            return
        self.warning.setText("\n".join(f"⚠ {problem}" for problem in found))
        self.warning.setVisible(bool(found))

    def _accept(self) -> None:
        accept_valid(self, self.error, self.read_event,
                     lambda event: setattr(self, "result_event", event))
