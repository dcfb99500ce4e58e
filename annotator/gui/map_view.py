"""The map itself: land, coasts and borders, and the coded places as points.

Longitude and latitude are drawn as they are (x east, y north: an equirectangular
map), squeezed east-west by the cosine of the latitude the places are fitted
around, so that the region a coder works on keeps its shape. Points keep their
size at every zoom. The wheel and + / - zoom, a drag and the arrows move, F or
Home fits the places again; a click on a point opens its document.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
)

from annotator.core.places import Place
from annotator.core.world_map import Ring, WorldMap
from annotator.gui.theme import Theme, current_theme

POINT_RADIUS = 5.0  # pixels, at every zoom
# The least stretch of map a fit shows, in degrees: one place shows its region, not a
# field. The closest zoom shows about a city; the farthest, the whole world.
LEAST_SPAN = 6.0
CLOSEST_SPAN = 0.3
WORLD = QRectF(-180.0, -90.0, 360.0, 180.0)  # in the scene's units: x = lon, y = -lat
ZOOM_STEP = 1.25
FIT_MARGIN = 14  # pixels between the outermost places and the edge, once fitted


class MapColors:
    """The map's colours in a theme: sea, land, coasts, borders, and a point's rim."""

    def __init__(self, theme: Theme) -> None:
        if theme.is_dark:
            self.sea, self.land = QColor("#15202b"), QColor("#2b3036")
            self.coast, self.border = QColor("#5d7387"), QColor("#4c535c")
            self.rim = QColor("#0e1114")
        else:
            self.sea, self.land = QColor("#dde8f0"), QColor("#f6f3ec")
            self.coast, self.border = QColor("#8ea2b4"), QColor("#c9c0b0")
            self.rim = QColor("#ffffff")


def scene_point(longitude: float, latitude: float) -> QPointF:
    return QPointF(longitude, -latitude)


def _path(rings: Sequence[Ring], closed: bool) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)  # a lake inside a country is a hole
    for ring in rings:
        polygon = QPolygonF([scene_point(lon, lat) for lon, lat in ring])
        if closed:
            path.addPolygon(polygon)
            path.closeSubpath()
        else:
            path.moveTo(polygon[0])
            for point in list(polygon)[1:]:
                path.lineTo(point)
    return path


class PlacePoint(QGraphicsEllipseItem):
    """One place on the map: a dot in its event type's colour, the same size at any zoom;
    ringed in the text's colour while its document is open, larger while its span is
    the one selected."""

    def __init__(self, place: Place, color: str, rim: QColor) -> None:
        super().__init__()
        self.place = place
        self.setPos(scene_point(place.longitude, place.latitude))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(QBrush(QColor(color)))
        self.marked = ""  # "", "document" or "span"
        self.dress(rim)

    def dress(self, rim: QColor, marked: str | None = None) -> None:
        if marked is not None:
            self.marked = marked
        r = POINT_RADIUS * (1.6 if self.marked == "span" else 1.0)
        self.setRect(-r, -r, 2 * r, 2 * r)
        ring = QColor(current_theme().text) if self.marked else rim
        self.setPen(QPen(ring, 2.0 if self.marked else 1.5))
        self.setZValue({"span": 12, "document": 11}.get(self.marked, 10))


class MapView(QGraphicsView):
    placeClicked = Signal(object)  # the Place whose point was clicked

    def __init__(self, world: WorldMap) -> None:
        super().__init__()
        self.setObjectName("mapView")
        self.world = world
        self.setScene(QGraphicsScene(self))
        # Room around the world to move a place at its edge into the middle.
        self.scene().setSceneRect(WORLD.adjusted(-90, -45, 90, 45))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.points: list[PlacePoint] = []
        self._of_document: dict[int, list[PlacePoint]] = {}
        self._marked: tuple[int | None, str] = (None, "")  # the open document, its span
        self._press: QPoint | None = None
        self._dragged = False
        self._squeeze = 1.0  # cos(latitude) of the fit: east-west over north-south
        self._fitted = QRectF(WORLD)
        # Until the coder zooms or moves, the map keeps what was fitted in sight as the
        # pane is resized (the dock is sized after it is first filled).
        self._following_fit = True
        self._land = QGraphicsPathItem(_path([p[0] for c in world.countries
                                             for p in c.polygons], True))
        self._holes = QGraphicsPathItem(_path([ring for c in world.countries
                                              for p in c.polygons for ring in p[1:]], True))
        self._coasts = QGraphicsPathItem(_path(world.coasts, False))
        self._borders = QGraphicsPathItem(_path(world.borders, False))
        for z, item in enumerate((self._land, self._holes, self._borders, self._coasts)):
            item.setZValue(z)
            self.scene().addItem(item)
        self._paint_world()

    # -- colours ----------------------------------------------------------------------

    def _paint_world(self) -> None:
        colors = MapColors(current_theme())
        self.colors = colors
        self.setBackgroundBrush(QBrush(colors.sea))
        self._land.setBrush(QBrush(colors.land))
        self._land.setPen(QPen(Qt.PenStyle.NoPen))
        self._holes.setBrush(QBrush(colors.sea))  # lakes
        self._holes.setPen(QPen(Qt.PenStyle.NoPen))
        for item, color, width in ((self._coasts, colors.coast, 1.0),
                                   (self._borders, colors.border, 0.8)):
            pen = QPen(color, width)
            pen.setCosmetic(True)  # a hairline at any zoom
            item.setPen(pen)
            item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        for point in self.points:
            point.dress(colors.rim)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._paint_world()  # the theme changed

    # -- places -----------------------------------------------------------------------

    def set_places(self, places: Sequence[Place], colors: dict[str, str],
                   tooltips: Sequence[str]) -> None:
        """Draw these places (each with its tooltip), replacing those drawn before."""
        scene = self.scene()
        for point in self.points:
            scene.removeItem(point)
        self.points = []
        rim = self.colors.rim
        for place, tip in zip(places, tooltips, strict=True):
            point = PlacePoint(place, colors.get(place.event_type, colors[""]), rim)
            point.setToolTip(tip)
            scene.addItem(point)
            self.points.append(point)
        self._of_document = {}
        for point in self.points:
            self._of_document.setdefault(point.place.doc_id, []).append(point)
        self.mark(*self._marked)

    def mark(self, doc_id: int | None, span_uid: str) -> None:
        """Ring the places of the open document; the selected span's, larger."""
        rim = self.colors.rim
        before, _ = self._marked
        for point in self._of_document.get(before, []) if before is not None else []:
            point.dress(rim, "")
        self._marked = (doc_id, span_uid)
        for point in self._of_document.get(doc_id, []) if doc_id is not None else []:
            point.dress(rim, "span" if point.place.span_uid == span_uid else "document")

    def point_at(self, where: QPoint) -> PlacePoint | None:
        """The point drawn on top at ``where`` (viewport pixels)."""
        for item in self.items(where):
            if isinstance(item, PlacePoint):
                return item
        return None

    def view_position(self, point: PlacePoint) -> QPoint:
        """Where ``point`` is drawn, in viewport pixels."""
        return self.mapFromScene(point.pos())

    # -- fitting, zooming, moving -----------------------------------------------------

    def fit(self, west: float, south: float, east: float, north: float) -> None:
        """Show this stretch of the map (longitudes and latitudes), every point whole."""
        middle_lat = (south + north) / 2
        self._squeeze = max(0.35, math.cos(math.radians(middle_lat)))
        width, height = max(east - west, LEAST_SPAN), max(north - south, LEAST_SPAN / 2)
        rect = QRectF(0, 0, width, height)
        rect.moveCenter(scene_point((west + east) / 2, middle_lat))
        self._fitted = rect
        self._show(rect)

    def fit_world(self) -> None:
        self._squeeze = 1.0
        self._fitted = QRectF(WORLD)
        self._show(self._fitted)

    def refit(self) -> None:
        """Back to what was fitted last."""
        self._show(self._fitted)

    def _show(self, rect: QRectF) -> None:
        self._following_fit = True
        viewport = self.viewport().rect()
        if viewport.width() < 2 or viewport.height() < 2:
            return  # not laid out yet: shown when it is (resizeEvent)
        # A point's own size and a little air around the outermost ones.
        room = 2 * (POINT_RADIUS + FIT_MARGIN)
        scale = min(max(viewport.width() - room, 1) / (rect.width() * self._squeeze),
                    max(viewport.height() - room, 1) / rect.height())
        self.setTransform(QTransform.fromScale(scale * self._squeeze, scale))
        self.centerOn(rect.center())

    def degrees_shown(self) -> float:
        """How many degrees of latitude the view shows from top to bottom."""
        return self.viewport().height() / self.transform().m22()

    def zoom(self, factor: float, *, under_mouse: bool = False) -> None:
        """Closer (factor > 1) or farther, within a town's width and the whole world;
        about the middle of the view, or the place under the mouse (the wheel)."""
        shown = self.degrees_shown()
        factor = min(factor, shown / CLOSEST_SPAN)
        factor = max(factor, shown / (WORLD.height() * 1.5))
        self._following_fit = False
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse if under_mouse
                                     else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor, factor)

    def move_by(self, dx: int, dy: int) -> None:
        """Move the map by pixels (positive: the view goes east and south)."""
        self._following_fit = False
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + dx)
        vertical.setValue(vertical.value() + dy)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._following_fit:
            self._show(self._fitted)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps, under_mouse=True)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step_x, step_y = self.viewport().width() // 8, self.viewport().height() // 8
        moves = {Qt.Key.Key_Left: (-step_x, 0), Qt.Key.Key_Right: (step_x, 0),
                 Qt.Key.Key_Up: (0, -step_y), Qt.Key.Key_Down: (0, step_y)}
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key in moves:
            self.move_by(*moves[key])
        elif key in (Qt.Key.Key_F, Qt.Key.Key_Home) and not event.modifiers():
            self.refit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._dragged = event.position().toPoint(), False
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            at = event.position().toPoint()
            moved = at - self._press
            if self._dragged or moved.manhattanLength() >= QApplication.startDragDistance():
                self._dragged = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self.move_by(-moved.x(), -moved.y())
                self._press = at
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            clicked = not self._dragged
            self._press, self._dragged = None, False
            self.viewport().unsetCursor()
            point = self.point_at(event.position().toPoint()) if clicked else None
            if point is not None:
                self.placeClicked.emit(point.place)
            event.accept()
            return
        super().mouseReleaseEvent(event)
