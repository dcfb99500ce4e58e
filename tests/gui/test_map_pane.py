"""View > Map of places: the coded places of the documents listed, on a map shipped
with the application; a click opens the place's document with its span selected."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication

from annotator.core.events import Event, EventMember
from annotator.core.model import Span
from annotator.core.places import NO_EVENT_COLOR, event_colors
from annotator.core.schema import EVENT_TYPES
from annotator.core.world_map import load_world_map
from annotator.gui.main_window import MainWindow
from annotator.storage.corpus import Corpus
from annotator.workspace import create_corpus
from tests.gui.conftest import ScriptedPrompts, open_window

# (document's title starts with, phrase, latitude, longitude, extra attributes)
CODED = [
    ("Two Katyusha", "Ain al-Assad airbase", 33.7856, 42.4411,
     {"precision": 1, "country": "IRQ", "admin1": "Al Anbar", "admin2": "Hit"}),
    ("Clashes", "Tripoli", 32.8874, 13.1873, {"precision": 1, "country": "LBY"}),
    ("Two soldiers", "Kirkuk", 35.4681, 44.3922, {"precision": 1, "country": "IRQ"}),
]


def inside(ring: tuple[tuple[float, float], ...], lon: float, lat: float) -> bool:
    """Ray casting: whether (lon, lat) is inside ``ring``."""
    found = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            found = not found
    return found


def test_the_shipped_map_has_the_worlds_countries_where_they_are() -> None:
    world = load_world_map()
    assert len(world.countries) > 170
    for name, lon, lat in (("France", 2.0, 46.0), ("Iraq", 44.4, 33.3), ("Mali", -4.0, 17.0),
                           ("Brazil", -47.9, -15.8), ("Australia", 134.0, -25.0)):
        country = world.country(name)
        assert country is not None, name
        assert any(inside(polygon[0], lon, lat) for polygon in country.polygons), name
    assert not any(inside(p[0], 2.0, 46.0) for p in world.country("Germany").polygons)
    assert len(world.coasts) > 500 and len(world.borders) > 200
    assert Path(world_map_file := "resources/maps/SOURCES.md").exists(), world_map_file


def located_corpus(path: Path, events: bool = True) -> tuple[Path, dict[str, Span]]:
    """The sample corpus with a place coded in three of its articles (and two events)."""
    corpus, _ = create_corpus(path, sample=True)
    made = {}
    titles = {row.title: row.id for row in corpus.page("alice", limit=50)}
    for title_start, phrase, lat, lon, extra in CODED:
        doc_id = next(i for t, i in titles.items() if t.startswith(title_start))
        text = corpus.document(doc_id).text
        at = text.index(phrase)
        made[phrase] = corpus.insert_span(Span(at, at + len(phrase), "location", phrase, "alice",
                                               attrs={"latitude": lat, "longitude": lon, **extra},
                                               doc_id=doc_id))
    if events:
        for phrase, kind in (("Ain al-Assad airbase", "attack"), ("Tripoli", "armed clash")):
            span = made[phrase]
            corpus.insert_event(Event(span.doc_id, kind, (EventMember(span.uid, "place"),),
                                      coder="alice"))
    corpus.close()
    return path, made


@pytest.fixture
def located(tmp_path: Path) -> tuple[Path, dict[str, Span]]:
    return located_corpus(tmp_path / "located.sqlite")


@pytest.fixture
def map_window(qtbot, located, prompts: ScriptedPrompts) -> Iterator[MainWindow]:
    main = open_window(qtbot, located[0], prompts)
    main.map.action.trigger()  # View > Map of places
    qtbot.waitUntil(lambda: main.map.pane.view.points != [])
    yield main


def shown_names(window: MainWindow) -> list[str]:
    return sorted(p.place.name for p in window.map.pane.view.points)


def test_located_spans_are_points_and_others_are_not(qtbot, map_window: MainWindow) -> None:
    assert map_window.map.dock.isVisible() and map_window.map.action.isChecked()
    assert shown_names(map_window) == ["Ain al-Assad airbase", "Kirkuk", "Tripoli"]
    # A location without coordinates is no point.
    session = map_window.session
    kirkuk_doc = next(p.place.doc_id for p in map_window.map.pane.view.points
                      if p.place.name == "Kirkuk")
    session.show_document(kirkuk_doc)
    text = session.document.text
    at = text.index("checkpoint")
    session.tag(at, at + len("checkpoint"), "location")
    qtbot.waitUntil(lambda: map_window.map.pane.note.text() == "3 places in 3 documents")
    assert shown_names(map_window) == ["Ain al-Assad airbase", "Kirkuk", "Tripoli"]
    # Given coordinates, it is one.
    span = next(s for s in session.spans if s.text == "checkpoint")
    session.change_attributes(span, {**span.attrs, "latitude": 35.3, "longitude": 44.4})
    qtbot.waitUntil(lambda: "checkpoint" in shown_names(map_window))
    assert map_window.map.pane.note.text() == "4 places in 3 documents"


def test_only_edits_that_touch_places_read_the_map_again(qtbot, map_window: MainWindow) -> None:
    session, app = map_window.session, QApplication.instance()
    app.processEvents()
    reads = map_window.map.reads
    text = session.document.text
    at = text.index("Katyusha")
    session.tag(at, at + len("Katyusha"), "actor")  # no place: the map stays as it is
    session.set_status("in progress")
    app.processEvents()
    assert map_window.map.reads == reads
    span = session.current_span
    assert span is not None and span.text == "Katyusha"
    session.change_attributes(span, {**span.attrs, "latitude": 33.0, "longitude": 42.0})
    qtbot.waitUntil(lambda: "Katyusha" in shown_names(map_window))
    assert map_window.map.reads == reads + 1
    session.undo()  # its coordinates taken back: off the map again
    qtbot.waitUntil(lambda: "Katyusha" not in shown_names(map_window))


def test_a_click_on_a_point_opens_its_document_with_the_span_selected(
        qtbot, map_window: MainWindow, located) -> None:
    _path, made = located
    view = map_window.map.pane.view
    point = next(p for p in view.points if p.place.name == "Tripoli")
    assert map_window.session.doc_id != point.place.doc_id
    where = view.view_position(point)
    assert view.viewport().rect().contains(where)  # fitted: every place in sight
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: map_window.session.doc_id == point.place.doc_id)
    assert map_window.session.selected_uids == (made["Tripoli"].uid,)
    selected = map_window.span_pane.list.selectionModel().selectedRows()
    assert [map_window.spans.span_at(i.row()).uid for i in selected] == [made["Tripoli"].uid]
    row = map_window.document_pane.table.currentIndex().row()
    assert map_window.documents.doc_id(row) == point.place.doc_id  # the list follows
    # On the map, the place opened is the one marked, larger than the others.
    others = [p for p in view.points if p is not point]
    assert point.marked == "span" and [p.marked for p in others] == ["", ""]
    assert point.rect().width() > others[0].rect().width()
    # A click on the sea, or a drag, opens nothing.
    before = map_window.session.doc_id
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert map_window.session.doc_id == before


def test_the_list_filters_choose_the_points(qtbot, map_window: MainWindow) -> None:
    pane = map_window.document_pane
    pane.search.setText("Tripoli")
    pane.search.searchRequested.emit("Tripoli")
    qtbot.waitUntil(lambda: shown_names(map_window) == ["Tripoli"])
    pane.search.searchRequested.emit("")
    qtbot.waitUntil(lambda: len(shown_names(map_window)) == 3)
    pane.date_from.setText("2024-09-01")
    pane.date_from.editingFinished.emit()
    qtbot.waitUntil(lambda: shown_names(map_window) == ["Kirkuk", "Tripoli"])
    pane.date_to.setText("2024-09-30")
    pane.date_to.editingFinished.emit()
    qtbot.waitUntil(lambda: shown_names(map_window) == ["Kirkuk"])
    pane.date_from.setText("2030-01-01")
    pane.date_from.editingFinished.emit()
    qtbot.waitUntil(lambda: not map_window.map.pane.showing_map())
    assert "widen the search or the filters" in map_window.map.pane.message.text()


def test_points_take_their_events_colour_and_the_legend_names_them(
        map_window: MainWindow) -> None:
    colors = event_colors(EVENT_TYPES)
    by_name = {p.place.name: p for p in map_window.map.pane.view.points}
    assert by_name["Ain al-Assad airbase"].brush().color() == QColor(colors["attack"])
    assert by_name["Tripoli"].brush().color() == QColor(colors["armed clash"])
    assert by_name["Kirkuk"].brush().color() == QColor(NO_EVENT_COLOR)  # in no event
    assert colors["attack"] != colors["armed clash"]
    legend = map_window.map.pane.legend.text()
    for words in ("attack", "armed clash", "in no event"):
        assert words in legend
    assert "explosion" not in legend  # only what the map shows
    tip = by_name["Ain al-Assad airbase"].toolTip()
    for words in ("Ain al-Assad airbase", "Two Katyusha rockets", "event: attack",
                  "Hit, Al Anbar, IRQ", "geo precision 1"):
        assert words in tip, words


def test_this_event_only_shows_the_selected_events_places(qtbot, map_window: MainWindow) -> None:
    session, pane = map_window.session, map_window.map.pane
    airbase = next(p.place for p in pane.view.points if p.place.name == "Ain al-Assad airbase")
    session.show_document(airbase.doc_id)
    pane.event_only.setChecked(True)
    qtbot.waitUntil(lambda: not pane.showing_map())
    assert "Select an event" in pane.message.text()
    map_window.span_pane.events.setCurrentRow(0)
    qtbot.waitUntil(lambda: shown_names(map_window) == ["Ain al-Assad airbase"])
    pane.event_only.setChecked(False)
    qtbot.waitUntil(lambda: len(shown_names(map_window)) == 3)


def test_a_corpus_without_located_places_says_so_instead_of_an_empty_map(
        qtbot, sample_corpus: Path, prompts: ScriptedPrompts) -> None:
    window = open_window(qtbot, sample_corpus, prompts)
    window.map.action.trigger()
    pane = window.map.pane
    qtbot.waitUntil(lambda: pane.message.text() != "")
    assert not pane.showing_map() and pane.message.isVisible()
    assert "No coded place has coordinates yet" in pane.message.text()
    assert window.map.pane.view.points == []


def test_hostile_coordinates_are_left_out_and_counted(qtbot, tmp_path: Path,
                                                      prompts: ScriptedPrompts) -> None:
    path, made = located_corpus(tmp_path / "hostile.sqlite")
    corpus = Corpus.open(path)
    for phrase, attrs in (("Kirkuk", {"latitude": 999, "longitude": 44.0}),
                          ("Tripoli", {"latitude": "NaN", "longitude": 13.1})):
        corpus.db.execute("UPDATE spans SET attrs = ? WHERE uid = ?",
                          [json.dumps(attrs), made[phrase].uid])
    corpus.db.execute("UPDATE spans SET attrs = ? WHERE uid = ?",
                      ['{"latitude": 33.7, "longitude": "42.4"}', made["Ain al-Assad airbase"].uid])
    corpus.close()
    window = open_window(qtbot, path, prompts)
    window.map.action.trigger()
    pane = window.map.pane
    qtbot.waitUntil(lambda: pane.note.text() != "")
    assert pane.note.text() == "3 with unreadable coordinates left out"
    assert "Kirkuk: latitude 999 is not between -90 and 90" in pane.note.toolTip()
    assert not pane.showing_map() and pane.view.points == []


def test_wheel_keys_and_drag_zoom_and_move_and_f_fits_again(qtbot, map_window: MainWindow) -> None:
    view = map_window.map.pane.view
    view.setFocus()
    fitted = view.degrees_shown()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.degrees_shown() == pytest.approx(fitted / 1.25)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.degrees_shown() == pytest.approx(fitted * 1.25)
    centre = view.mapToScene(view.viewport().rect().center())
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.mapToScene(view.viewport().rect().center()).x() > centre.x() + 0.5
    start = QPoint(200, 100)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(view.viewport(), start + QPoint(0, 12 * step))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(0, 60))
    moved = view.mapToScene(view.viewport().rect().center())
    assert moved.y() < centre.y() - 0.5  # dragged down: the view goes north
    wheel = QWheelEvent(QPointF(300, 100), QPointF(view.viewport().mapToGlobal(QPoint(300, 100))),
                        QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    before = view.degrees_shown()
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.degrees_shown() == pytest.approx(before / 1.25)  # the wheel zooms in
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.degrees_shown() == pytest.approx(fitted)
    assert all(view.viewport().rect().contains(view.view_position(p)) for p in view.points)
    for _ in range(40):
        qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.degrees_shown() <= 180 * 1.5 + 1  # never farther than the whole world
    for _ in range(80):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.degrees_shown() >= 0.3 - 1e-6  # never closer than a town


def test_the_map_wears_the_dark_theme(qtbot, map_window: MainWindow) -> None:
    view = map_window.map.pane.view
    light_sea = view.backgroundBrush().color()
    map_window.coding.dark_action.trigger()
    qtbot.waitUntil(lambda: view.backgroundBrush().color() != light_sea)
    assert view.backgroundBrush().color().lightness() < 80
    rims = {p.pen().color().name() for p in view.points if not p.marked}
    assert rims == {"#0e1114"}
    # The open document's place is ringed in the theme's text colour, light on dark.
    [ringed] = [p for p in view.points if p.marked]
    assert ringed.place.doc_id == map_window.session.doc_id
    assert ringed.pen().color().lightness() > 180


def test_a_hidden_map_reads_nothing_and_catches_up_when_shown(
        qtbot, map_window: MainWindow) -> None:
    map_window.map.dock.close()
    qtbot.waitUntil(lambda: not map_window.map.action.isChecked())
    map_window.document_pane.search.searchRequested.emit("Tripoli")
    qtbot.waitUntil(lambda: map_window.documents.rowCount() == 1)
    assert len(shown_names(map_window)) == 3  # not read while out of sight
    map_window.map.action.trigger()
    qtbot.waitUntil(lambda: shown_names(map_window) == ["Tripoli"])
    assert map_window.map.dock.isVisible()


def test_nothing_the_map_shows_escapes_translation(qtbot, located, prompts) -> None:
    from tests.gui.test_no_untranslated_text import corpus_data, escaped, words_left
    from tests.gui.translation_probe import OPEN, pseudo_translation

    with pseudo_translation():
        window = open_window(qtbot, located[0], prompts)
        assert window.map.action.text().startswith(OPEN)
        window.map.action.trigger()
        pane = window.map.pane
        qtbot.waitUntil(lambda: pane.view.points != [])
        assert escaped(window) == []
        # The places' own words (names, admin levels, codes) are the corpus's data.
        data = corpus_data(window.corpus) + [
            word for _title, _phrase, _lat, _lon, extra in CODED for word in extra.values()
            if isinstance(word, str)]
        for point in pane.view.points:
            assert words_left(point.toolTip(), data) == "", point.toolTip()
        for text in (pane.note.text(), pane.legend.text(), pane.event_only.text(),
                     pane.fit_button.text(), pane.fit_button.toolTip(), window.map.dock.windowTitle()):
            assert words_left(text, data) == "", text
        pane.event_only.setChecked(True)
        qtbot.waitUntil(lambda: not pane.showing_map())
        assert words_left(pane.message.text(), data) == "", pane.message.text()


def test_the_map_of_a_corpus_on_a_server(qtbot, located, pg_url: str,
                                         prompts: ScriptedPrompts) -> None:
    from annotator.storage.transfer import copy_corpus

    path, made = located
    with Corpus.open(path) as file, Corpus.open(pg_url) as server:
        copy_corpus(file, server)
    window = open_window(qtbot, pg_url, prompts)
    window.map.action.trigger()
    pane = window.map.pane
    qtbot.waitUntil(lambda: pane.view.points != [])
    assert shown_names(window) == ["Ain al-Assad airbase", "Kirkuk", "Tripoli"]
    assert pane.note.text() == "3 places in 3 documents"
    point = next(p for p in pane.view.points if p.place.name == "Kirkuk")
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.view.view_position(point))
    qtbot.waitUntil(lambda: window.session.selected_uids == (made["Kirkuk"].uid,))


def test_with_a_message_in_place_of_the_map_the_header_keeps_its_shape(qtbot) -> None:
    from annotator.core.world_map import load_world_map
    from annotator.gui.map_pane import MapPane

    pane = MapPane(load_world_map())
    qtbot.addWidget(pane)
    pane.resize(1264, 250)
    pane.show()
    pane.say("No coded place has coordinates yet.")
    pane.layout().activate()  # laid out now, as the next paint would
    # "Fit" is a button's width, not the header's spare width.
    assert pane.fit_button.width() < 3 * pane.fit_button.sizeHint().width()
