"""The map pane: the map of coded places, its legend, what it shows and leaves out,
and the switch to one event's places. What to show is chosen by ``map_actions``;
this pane only draws it."""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.places import Place, PlaceSet, bounds
from annotator.core.world_map import WorldMap
from annotator.gui.map_view import MapView
from annotator.gui.notices import plain_tooltip
from annotator.gui.theme import current_theme


class MapPane(QWidget):
    placeClicked = Signal(object)  # a Place
    eventOnlyToggled = Signal(bool)

    def __init__(self, world: WorldMap) -> None:
        super().__init__()
        self.setObjectName("mapPane")
        self.note = QLabel()
        self.note.setObjectName("mapNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.event_only = QCheckBox(self.tr("This event only"))
        self.event_only.setToolTip(self.tr(
            "Show only the places of the event selected in the Events list"))
        self.event_only.toggled.connect(self.eventOnlyToggled.emit)
        self.fit_button = QPushButton(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("Show all the places shown (F)"))
        self.view = MapView(world)
        self.view.placeClicked.connect(self.placeClicked.emit)
        self.fit_button.clicked.connect(self.view.refit)
        self.legend = QLabel()  # the event types' colours, beside what the map shows
        self.legend.setObjectName("mapLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # a narrow pane: on two lines, the switches still in sight
        self.message = QLabel()
        self.message.setObjectName("mapMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        header = QHBoxLayout()
        header.addWidget(self.note)
        header.addSpacing(12)
        header.addWidget(self.legend, 1)
        header.addWidget(self.event_only)
        header.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        self.places: PlaceSet = PlaceSet((), 0)
        self._colors: dict[str, str] = {"": "#8c8c8c"}
        self._dress_legend()

    # -- what is shown --------------------------------------------------------------

    def show_places(self, found: PlaceSet, colors: dict[str, str], *, fit: bool,
                    empty: str) -> None:
        """Draw ``found`` coloured by event type; ``empty`` is said instead of a map
        with no point on it. ``fit``: the view moves to take them all in."""
        self.places, self._colors = found, colors
        spots = Counter((p.latitude, p.longitude) for p in found.places)
        self.view.set_places(found.places, colors, [
            self._tooltip(p, spots[p.latitude, p.longitude]) for p in found.places])
        self.note.setText(self._note(found))
        self.note.setToolTip(plain_tooltip("\n".join(found.skipped_examples)))
        if not found.places:
            self.say(empty)
            return
        self.stack.setCurrentWidget(self.view)
        self._fill_legend(found.places)
        if fit:
            box = bounds(found.places)
            assert box is not None  # there are places
            self.view.fit(*box)

    def say(self, message: str) -> None:
        """A message where the map would be (nothing to draw, or it could not be read)."""
        self.message.setText(message)
        self.stack.setCurrentWidget(self.message)
        # Emptied, not hidden: it keeps the header's spare width, so "Fit" keeps its size.
        self.legend.clear()

    def showing_map(self) -> bool:
        return self.stack.currentWidget() is self.view

    def _note(self, found: PlaceSet) -> str:
        documents = len({p.doc_id for p in found.places})
        if found.capped:
            text = self.tr("showing {shown} of {total} places").format(
                shown=f"{len(found.places):,}", total=f"{found.total:,}")
        elif found.total:
            text = self.tr("{places} places in {documents} documents").format(
                places=f"{found.total:,}", documents=f"{documents:,}")
        else:
            text = ""
        if found.skipped:
            left_out = self.tr("{count} with unreadable coordinates left out").format(
                count=f"{found.skipped:,}")
            text = f"{text} · {left_out}" if text else left_out
        return text

    def _tooltip(self, place: Place, here: int) -> str:
        """Place name, document, event type, admin levels, geo precision; and how many
        places share the spot (a click opens the one on top)."""
        lines = [place.name, self.tr("in “{title}”").format(title=place.title or "—")]
        if place.event_types:
            lines.append(self.tr("event: {types}").format(types=", ".join(place.event_types)))
        else:
            lines.append(self.tr("in no event"))
        where = ", ".join(p for p in (place.admin2, place.admin1, place.country) if p)
        if where:
            lines.append(where)
        if place.precision is not None and place.precision_name in ("precision",
                                                                    "geo_precision"):
            lines.append(self.tr("geo precision {precision}").format(precision=place.precision))
        elif place.precision is not None:  # a dataset's own scale, by its own name
            lines.append(f"{place.precision_name.replace('_', ' ')} {place.precision}")
        lines.append(f"{place.latitude:.4f}, {place.longitude:.4f}")
        if here > 1:
            lines.append(self.tr("{count} places at this spot").format(count=here))
        return plain_tooltip("\n".join(lines))

    # -- the legend -----------------------------------------------------------------

    def _fill_legend(self, places: tuple[Place, ...]) -> None:
        counts = Counter(p.event_type for p in places)
        rows = []
        for kind, color in self._colors.items():  # the codebook's order, no event last
            if kind and counts.get(kind):
                rows.append((color, kind, counts[kind]))
        if counts.get(""):
            rows.append((self._colors[""], self.tr("in no event"), counts[""]))
        muted = current_theme().muted
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(
            f"<span style='color:{color}; font-size:large'>●</span>&nbsp;{escape(name)}"
            f"&nbsp;<span style='color:{muted}'>{count:,}</span>"
            for color, name, count in rows))
        self.legend.show()

    def _dress_legend(self) -> None:
        if self.places.places:  # the counts' colour is the theme's
            self._fill_legend(self.places.places)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._dress_legend()  # the theme changed

