"""Where the window was: remembered per screen, and restored within that screen.

A coder who docks a laptop to a large monitor wants the window where they left
it on each: places are kept per screen, keyed by the screen's name and geometry
(the same connector at another resolution is another screen). A place is
restored only onto the screen it was saved on, and only if the window still
fits that screen's free area; otherwise the window opens as on a first start.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from annotator.gui.style import fit_to_screen
from annotator.settings import PLACES_MAX, Settings

# Smaller than this is no saved place but a damaged one (a window cannot be used so).
MIN_SIDE = 200


def screen_key(screen: QScreen) -> str:
    """``name WxH+X+Y`` of a screen: a connector's name alone is not enough, since
    the same one can drive another monitor or another resolution."""
    box = screen.geometry()
    return f"{screen.name() or 'screen'} {box.width()}x{box.height()}+{box.x()}+{box.y()}"


def save_geometry(window: QWidget, settings: Settings) -> str:
    """Remember in ``settings`` where ``window`` is on its screen (the caller saves
    the settings); the screen's key."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    key = screen_key(screen)
    maximized = window.isMaximized() or window.isFullScreen()
    normal = window.normalGeometry() if maximized else QRect()
    # A maximized window is remembered at the size it comes back to when restored.
    size = normal.size() if normal.isValid() else window.size()
    place = window.pos() if not normal.isValid() else normal.topLeft()
    places = dict(settings.window_places)
    places.pop(key, None)  # to the end: the oldest screen is forgotten first
    places[key] = {"x": place.x(), "y": place.y(), "width": size.width(),
                   "height": size.height(), "maximized": int(maximized)}
    settings.window_places = dict(list(places.items())[-PLACES_MAX:])
    settings.window_screen = key
    return key


def placed(saved: dict[str, int], room: QRect) -> QRect | None:
    """The saved place moved inside ``room`` (a screen's free area) where it has
    drifted partly off it; None if its size no longer fits there."""
    width, height = saved["width"], saved["height"]
    if not (MIN_SIDE <= width <= room.width() and MIN_SIDE <= height <= room.height()):
        return None
    x = min(max(saved["x"], room.left()), room.left() + room.width() - width)
    y = min(max(saved["y"], room.top()), room.top() + room.height() - height)
    return QRect(x, y, width, height)


def restore_geometry(window: QWidget, settings: Settings) -> bool:
    """Put ``window`` where it was on a screen that is here now: the screen it was
    last closed on first, then any other it was used on. Where none is here, or the
    place no longer fits its screen, it opens as on a first start (``fit_to_screen``).
    True if a saved place was used."""
    screens = {screen_key(screen): screen for screen in QGuiApplication.screens()}
    keys = [settings.window_screen,
            *reversed([key for key in settings.window_places if key != settings.window_screen])]
    for key in keys:
        saved, screen = settings.window_places.get(key), screens.get(key)
        if saved is None or screen is None:
            continue
        # Fitted with the size the window will really have: never less than its least.
        least = window.minimumSizeHint().expandedTo(window.minimumSize())
        saved = {**saved, "width": max(saved["width"], least.width()),
                 "height": max(saved["height"], least.height())}
        rect = placed(saved, screen.availableGeometry())
        if rect is None:
            continue
        window.resize(rect.size())
        window.move(QPoint(rect.x(), rect.y()))
        if saved.get("maximized"):
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return True
    fit_to_screen(window)
    return False


def keep_inside(window: QWidget) -> None:
    """Move ``window`` back inside its screen's free area if it grew past an edge when it
    was first shown (styles set on showing widen a pane or two)."""
    screen = window.screen()
    if screen is None or window.isMaximized():
        return
    room = screen.availableGeometry()
    rect = placed({"x": window.x(), "y": window.y(), "width": window.width(),
                   "height": window.height()}, room)
    if rect is not None and rect.topLeft() != window.pos():
        window.move(rect.topLeft())
