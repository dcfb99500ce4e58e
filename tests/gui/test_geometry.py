"""The window's size and place: remembered per screen, restored within it, else fitted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QMainWindow

from annotator.gui.geometry import restore_geometry, save_geometry, screen_key
from annotator.gui.style import fit_to_screen
from annotator.settings import PLACES_MAX, Settings
from tests.conftest import REPO


def new_window(qtbot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def first_start_geometry(qtbot) -> QRect:
    window = new_window(qtbot)
    fit_to_screen(window)
    return QRect(window.pos(), window.size())


def test_a_first_start_opens_as_before(qtbot) -> None:
    window = new_window(qtbot)
    assert restore_geometry(window, Settings()) is False
    assert QRect(window.pos(), window.size()) == first_start_geometry(qtbot)


def test_the_window_comes_back_where_it_was_closed(qtbot) -> None:
    window = new_window(qtbot)
    window.resize(520, 410)
    window.move(130, 90)
    window.show()
    qtbot.waitExposed(window)
    settings = Settings()
    key = save_geometry(window, settings)
    assert key == screen_key(window.screen())
    assert settings.window_screen == key
    settings.save()  # and read back as the next start does

    again = new_window(qtbot)
    assert restore_geometry(again, Settings.load()) is True
    again.show()
    qtbot.waitExposed(again)
    assert (again.pos().x(), again.pos().y(), again.width(), again.height()) == (130, 90, 520, 410)


def test_a_place_kept_for_a_screen_that_is_not_here_is_not_used(qtbot) -> None:
    settings = Settings(window_places={"HDMI-2 2560x1440+800+0": {
        "x": 900, "y": 40, "width": 1200, "height": 900, "maximized": 0}},
        window_screen="HDMI-2 2560x1440+800+0")
    window = new_window(qtbot)
    assert restore_geometry(window, settings) is False
    assert QRect(window.pos(), window.size()) == first_start_geometry(qtbot)


def test_a_place_that_no_longer_fits_its_screen_falls_back(qtbot, monkeypatch) -> None:
    window = new_window(qtbot)
    key = screen_key(window.screen())
    room = window.screen().availableGeometry()
    settings = Settings(window_places={key: {"x": 0, "y": 0, "width": room.width() + 40,
                                             "height": 400, "maximized": 0}},
                        window_screen=key)
    assert restore_geometry(window, settings) is False
    assert QRect(window.pos(), window.size()) == first_start_geometry(qtbot)
    # The same place fits again once the screen's free area is larger.
    monkeypatch.setattr(type(window.screen()), "availableGeometry",
                        lambda _self: QRect(0, 0, room.width() + 100, room.height()))
    assert restore_geometry(new_window(qtbot), settings) is True


def test_a_place_partly_off_its_screen_is_moved_within_it(qtbot) -> None:
    window = new_window(qtbot)
    key = screen_key(window.screen())
    room = window.screen().availableGeometry()
    settings = Settings(window_places={key: {
        "x": room.right() - 100, "y": room.top() - 50, "width": 400, "height": 300,
        "maximized": 0}}, window_screen=key)
    assert restore_geometry(window, settings) is True
    assert (window.width(), window.height()) == (400, 300)
    assert room.contains(QRect(window.pos(), window.size()))
    assert window.x() == room.left() + room.width() - 400 and window.y() == room.top()


def test_a_maximized_window_comes_back_maximized(qtbot) -> None:
    window = new_window(qtbot)
    window.resize(500, 400)
    window.move(20, 30)
    window.show()
    qtbot.waitExposed(window)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    settings = Settings()
    key = save_geometry(window, settings)
    assert settings.window_places[key]["maximized"] == 1
    assert (settings.window_places[key]["width"], settings.window_places[key]["height"]) == (
        500, 400)
    again = new_window(qtbot)
    assert restore_geometry(again, settings) is True
    assert again.windowState() & Qt.WindowState.WindowMaximized
    assert again.size().width() == 500


def test_only_the_last_screens_are_kept(qtbot) -> None:
    settings = Settings(window_places={f"old-{n} 800x600+0+0": {
        "x": 0, "y": 0, "width": 400, "height": 300, "maximized": 0} for n in range(PLACES_MAX)})
    window = new_window(qtbot)
    key = save_geometry(window, settings)
    assert len(settings.window_places) == PLACES_MAX
    assert list(settings.window_places)[-1] == key and "old-0 800x600+0+0" not in \
        settings.window_places


# Two screens side by side, as a laptop beside a monitor; Qt's offscreen platform
# takes them from a file.
TWO_SCREENS = [{"name": "eDP-1", "x": 0, "y": 0, "width": 1280, "height": 720},
               {"name": "HDMI-2", "x": 1280, "y": 0, "width": 1920, "height": 1080}]

RUN = """
import json, sys
from PySide6.QtWidgets import QApplication, QMainWindow
from annotator.gui.geometry import restore_geometry, save_geometry
from annotator.settings import Settings
app = QApplication([])
window = QMainWindow()
settings = Settings.load()
restored = restore_geometry(window, settings)
window.show()
app.processEvents()
if len(sys.argv) > 1:  # the coder moves it to the big screen
    window.resize(900, 600)
    window.move(1600, 200)
    app.processEvents()
key = save_geometry(window, settings)
settings.save()
print(json.dumps({"restored": restored, "screen": window.screen().name(), "key": key,
                  "place": [window.x(), window.y(), window.width(), window.height()]}))
"""


def run_window(tmp_path: Path, screens: list[dict], *args: str) -> dict:
    config = tmp_path / f"screens-{len(screens)}.json"
    config.write_text(json.dumps({"screens": [
        {**screen, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1} for screen in screens]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(sys.platform != "linux", reason="Qt's offscreen screens file")
def test_each_screen_has_its_own_place_across_starts(tmp_path: Path) -> None:
    first = run_window(tmp_path, TWO_SCREENS, "move")
    assert first["restored"] is False
    assert first["screen"] == "HDMI-2" and first["place"] == [1600, 200, 900, 600]
    assert first["key"] == "HDMI-2 1920x1080+1280+0"

    second = run_window(tmp_path, TWO_SCREENS)
    assert second["restored"] is True
    assert second["screen"] == "HDMI-2" and second["place"] == [1600, 200, 900, 600]

    # The monitor is unplugged: the laptop's screen has no place kept, so the window
    # opens as on a first start there, within its free area.
    alone = run_window(tmp_path, TWO_SCREENS[:1])
    assert alone["restored"] is False
    assert alone["screen"] == "eDP-1" and alone["place"] == [0, 0, 1280, 720]

    # Plugged in again, the big screen's place was kept beside the laptop's; the laptop
    # screen is the last one closed on, and its own place is used.
    back = run_window(tmp_path, TWO_SCREENS)
    assert back["restored"] is True and back["screen"] == "eDP-1"
