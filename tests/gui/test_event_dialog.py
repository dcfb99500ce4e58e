"""The event dialog as a coder opens it: first roles that fit, columns that show their words."""

from __future__ import annotations

from annotator.core.default_codebook import default_schema
from annotator.core.events import Event, EventMember, default_role
from annotator.core.model import Span
from annotator.gui.event_dialog import GROUP_HINT, HEADERS, EventDialog

TEXT = ("At least five US personnel were hurt in a rocket attack on Ain al-Assad airbase "
        "by Iran-backed fighters, officials said.")


def span(phrase: str, label: str, **attrs: object) -> Span:
    start = TEXT.index(phrase)
    return Span(start=start, end=start + len(phrase), label=label, text=phrase, coder="a",
                attrs=attrs, doc_id=1)


SPANS = [span("At least five US personnel", "casualty"), span("US personnel", "actor"),
         span("Ain al-Assad airbase", "location"), span("Iran-backed fighters", "actor"),
         span("officials", "actor", role="target")]


def opened(qtbot) -> EventDialog:
    """A new event's dialog, its members' roles drafted as the window drafts them."""
    draft = Event(1, "attack", tuple(EventMember(s.uid, default_role(s, SPANS)) for s in SPANS))
    dialog = EventDialog(None, draft, SPANS, default_schema())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_drafted_roles_are_shown(qtbot) -> None:
    dialog = opened(qtbot)
    shown = [dialog.members.cellWidget(row, 1).currentText() for row in range(len(SPANS))]
    assert shown == ["victim", "victim", "place", "attacker", "target"]
    assert [m.role for m in dialog.read_event().members] == shown


def test_every_column_is_as_wide_as_its_header_and_contents(qtbot) -> None:
    dialog = opened(qtbot)
    table = dialog.members
    metrics = table.horizontalHeader().fontMetrics()
    for column, header in enumerate(HEADERS):
        assert table.columnWidth(column) >= metrics.horizontalAdvance(header), header
    for row in range(len(SPANS)):
        role = table.cellWidget(row, 1)
        assert table.columnWidth(1) >= role.sizeHint().width()
        group = table.cellWidget(row, 2)
        assert group.width() >= group.fontMetrics().horizontalAdvance(GROUP_HINT)
    # The span column is not squeezed to nothing to make room for the others.
    longest = max(metrics.horizontalAdvance(f"{s.label}: {s.text}") for s in SPANS)
    assert table.columnWidth(0) >= longest
    assert table.viewport().width() >= sum(table.columnWidth(c) for c in range(3))
