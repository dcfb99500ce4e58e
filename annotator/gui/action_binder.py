"""Window actions made from their declarations (session.actions): each declared
id bound to what it does, with its keys, the coder's own keys, and enabled only
when it can run. Titles are declared in English and shown in the coder's language
(context ``Actions`` of the catalogues); the coder's keys are kept by id, so they
hold whatever language the window is in."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from annotator.session.actions import ACTIONS, MENUS, VIEW_KEYS, ActionSpec, enabled
from annotator.session.session import Session


class ActionBinder:
    """Makes the window's QActions. Every action is added to ``host`` so its keys
    work wherever focus is in the window."""

    def __init__(self, host: QWidget, session: Session) -> None:
        self.host = host
        self.session = session
        self.bound: dict[str, QAction] = {}
        self._made: list[tuple[QAction, bool]] = []  # codebook-made actions, and if they write

    def bind(self, action_id: str, slot: Callable[..., object]) -> QAction:
        """The declared action ``action_id``, running ``slot`` (given the checked state
        for a checkable one)."""
        if action_id in self.bound:
            raise ValueError(f"{action_id} is bound twice")
        spec = ACTIONS[action_id]
        action = self._new(shown_title(spec), spec.keys)
        action.setObjectName(spec.id)
        action.setCheckable(spec.checkable)
        if spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _checked=False: slot())
        self.bound[action_id] = action
        return action

    def make(self, title: str, slot: Callable[[], object], keys: Iterable[str] = (), *,
             writes: bool = False, ident: str = "") -> QAction:
        """An action made from the codebook (a label's key, a relation type's);
        ``ident`` names it in the coder's key settings whatever language it shows in."""
        action = self._new(title, tuple(keys))
        action.setObjectName(ident)
        action.triggered.connect(lambda _checked=False: slot())
        self._made.append((action, writes))
        action.setEnabled(not (writes and self.session.read_only))
        return action

    def drop(self, action: QAction) -> None:
        """A codebook-made action that is no longer in the codebook."""
        self.host.removeAction(action)
        self._made = [(a, w) for a, w in self._made if a is not action]

    def _new(self, title: str, keys: tuple[str, ...]) -> QAction:
        action = QAction(title, self.host)
        if keys:
            action.setShortcuts([QKeySequence(k) for k in keys])
        self.host.addAction(action)
        return action

    def made(self) -> list[QAction]:
        """The actions made from the codebook, in the order they were made."""
        return [action for action, _writes in self._made]

    def taken_keys(self) -> set[str]:
        """Every key some action of the window already answers to."""
        return {key.toString() for action in self.host.actions() for key in action.shortcuts()}

    def fill(self, menu: QMenu, *action_ids: str) -> None:
        """Put these bound actions in ``menu`` ("-" for a separator)."""
        for action_id in action_ids:
            if action_id == "-":
                menu.addSeparator()
            else:
                menu.addAction(self.bound[action_id])

    def spec(self, action: QAction) -> ActionSpec | None:
        return ACTIONS.get(action.objectName())

    def shown_name(self, spec: ActionSpec) -> str:
        """``spec``'s title as the coder reads it (in their language), without mnemonics:
        what the F1 sheet lists."""
        return _without_mnemonics(shown_title(spec))

    def view_keys(self) -> list[tuple[str, str]]:
        """The article's own keys and what they do, in the coder's language (F1 sheet)."""
        return [(QCoreApplication.translate("Actions", keys),
                 QCoreApplication.translate("Actions", what)) for keys, what in VIEW_KEYS]

    def refresh(self) -> None:
        """Enable what can run now: writers not on a read-only corpus, document
        actions with a document open."""
        read_only = bool(self.session.read_only)
        document_open = self.session.doc_id is not None
        for action_id, action in self.bound.items():
            if action_id in ("edit.undo", "edit.redo"):
                continue  # they follow the history (editing.follow_history)
            action.setEnabled(enabled(ACTIONS[action_id], read_only=read_only,
                                      document_open=document_open))
        for action, writes in self._made:
            action.setEnabled(not (writes and read_only))

    def named(self) -> list[QAction]:
        """Every action with a name (declared ones and codebook-made ones), each once:
        what the shortcut editor lists and the coder's keys apply to."""
        seen: dict[str, QAction] = {}
        for action in [*self.bound.values(), *(a for a, _ in self._made)]:
            name = plain_name(action)
            if name and name not in seen:
                seen[name] = action
        return list(seen.values())

    def apply_keys(self, chosen: dict[str, str]) -> None:
        """Give the actions the coder's keys: kept by the action's id (so they hold in
        any language), or by its English title as settings from before ids had them."""
        for action in self.named():
            key = chosen.get(shortcut_id(action))
            if key is None:
                key = chosen.get(_english_name(action))
            if key is not None:
                action.setShortcuts([QKeySequence(key)] if key else [])


def shown_title(spec: ActionSpec) -> str:
    """The declared title in the coder's language, mnemonic and all."""
    return QCoreApplication.translate("Actions", spec.title)


def menu_title(menu: str) -> str:
    """A top menu's title (``MENUS``) in the coder's language."""
    return QCoreApplication.translate("Actions", dict(MENUS)[menu])


def shortcut_id(action: QAction) -> str:
    """What the coder's key for ``action`` is kept under in the settings."""
    return action.objectName() or _english_name(action)


def plain_name(action: QAction) -> str:
    """The action's name as the coder reads it (the shortcut editor's rows): a declared
    one's title in their language, whatever its text says now (Undo names its step)."""
    spec = ACTIONS.get(action.objectName())
    return _without_mnemonics(shown_title(spec) if spec is not None else action.text())


def _english_name(action: QAction) -> str:
    """The name settings from before ids kept a key under: a declared action's
    English title."""
    spec = ACTIONS.get(action.objectName())
    return spec.name if spec is not None else _without_mnemonics(action.text())


def _without_mnemonics(title: str) -> str:
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&")
