"""The window's actions come from their one declaration: every declared action is in
the window once, with its keys, in its menu; the F1 sheet and the shortcut editor list
the same; nothing in the window has a name the declarations do not know."""

from __future__ import annotations

import ast
from html import unescape
from pathlib import Path

from PySide6.QtGui import QKeySequence

from annotator.gui.main_window import MainWindow
from annotator.gui.shortcuts import sheet_html
from annotator.session.actions import ACTIONS, MENUS, duplicate_keys, in_menu
from tests.conftest import REPO

# Declared for the window's look, bound by the theme's menu.
THEME_ACTIONS = {"view.dark_theme", "view.larger_text", "view.smaller_text"}


def test_every_declared_action_is_bound_once_with_its_keys(window: MainWindow) -> None:
    assert duplicate_keys() == {}
    bound = window.binder.bound
    assert set(ACTIONS) - set(bound) <= THEME_ACTIONS
    for action_id, action in bound.items():
        spec = ACTIONS[action_id]
        keys = [k.toString() for k in action.shortcuts()]
        assert keys == [QKeySequence(k).toString() for k in spec.keys], action_id
        assert action.objectName() == action_id


def test_each_menu_holds_its_declared_actions_in_order(window: MainWindow) -> None:
    menus = {m.title(): m for m in (a.menu() for a in window.menuBar().actions()) if m}
    for menu_id, title in MENUS:
        shown = [a.objectName() for a in menus[title].actions() if a.objectName() in ACTIONS]
        declared = [s.id for s in in_menu(menu_id) if s.id in window.binder.bound]
        assert shown == declared, menu_id


def test_no_named_action_of_the_window_is_undeclared(window: MainWindow) -> None:
    made = set(map(id, window.binder.made()))
    for action in window.actions():
        if action.text().replace("&", ""):
            assert action.objectName() in ACTIONS or id(action) in made, action.text()


def test_the_f1_sheet_lists_undo_redo_and_every_key(window: MainWindow) -> None:
    sheet = unescape(sheet_html(window.binder))
    for spec in ACTIONS.values():
        if spec.keys and spec.id in window.binder.bound:
            assert f"<td>{spec.name}</td>" in sheet, spec.id
    assert "<td>Undo</td>" in sheet and "<td>Redo</td>" in sheet
    assert "Ctrl+Z" in sheet and "Ctrl+Shift+Z" in sheet
    assert "Actor" in sheet  # the codebook's label keys too


def test_the_coders_own_key_replaces_the_declared_one(window: MainWindow) -> None:
    window.binder.apply_keys({"Remove span": "Ctrl+Alt+R", "Undo": ""})
    assert [k.toString() for k in window.coding.remove_action.shortcuts()] == ["Ctrl+Alt+R"]
    assert window.coding.undo_action.shortcuts() == []
    assert "Ctrl+Alt+R" in sheet_html(window.binder)


def test_actions_needing_a_document_wait_for_one(window: MainWindow) -> None:
    assert window.doc_id is not None
    assert window.binder.bound["event.new"].isEnabled()
    window.session.doc_id = None
    window.binder.refresh()
    assert not window.binder.bound["event.new"].isEnabled()
    assert window.binder.bound["file.open"].isEnabled()


def test_action_modules_are_given_the_session_never_the_window() -> None:
    """Only the window's own module, the start-up and the window benchmark know it."""
    allowed = {"main_window.py", "app.py", "bench_window.py", "bench_reports.py"}
    offenders = []
    for path in sorted((REPO / "annotator" / "gui").glob("*.py")):
        if path.name in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "annotator.gui.main_window":
                offenders.append(path.name)
    assert offenders == []


def test_only_storage_talks_to_a_database_driver() -> None:
    offenders = []
    for path in sorted((REPO / "annotator").rglob("*.py")):
        if "storage" in path.relative_to(REPO / "annotator").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("sqlite3", "psycopg", "apsw") for n in names):
                offenders.append(str(Path(path).relative_to(REPO)))
    assert offenders == []
