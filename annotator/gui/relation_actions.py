"""Relations in the window, from the keyboard: link a span to another, list, retype, remove.

Linking: with a span selected, Ctrl+L (or a relation type's own key from the
codebook, Shift+L for "located in") starts a link from it; the next span chosen
is the other end — clicked in the text or the span list, or reached with
Alt+Down/Alt+Up and taken with Enter (Esc stops). Then the type is picked from a
small list of the codebook's types, those it refuses for the two labels greyed
with the reason. Every link made, retyped or removed is one step on the undo stack.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from annotator.core.commands import AddRelation, ChangeRelation, RemoveRelation
from annotator.core.model import Relation, Span
from annotator.gui.link_list import LinkListModel, LinkListView, LinkRow
from annotator.gui.span_list import shown_text
from annotator.gui.type_popup import TypeOption, TypePopup

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from annotator.gui.workbench import Workbench

_CONFIRM = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _in_window(watched: QObject, host: object) -> bool:
    """Whether a key went to the window itself (not to a dialog opened over it)."""
    return isinstance(watched, QWidget) and watched.window() is host


class RelationActions(QObject):
    def __init__(self, host: Workbench) -> None:
        super().__init__()
        self.host = host
        self.relations: list[Relation] = []  # of the open document, as shown
        self.model = LinkListModel()
        self.list = LinkListView()
        self.list.setModel(self.model)
        self.title = QLabel(self.tr("Links"))
        self.title.setObjectName("paneTitle")
        # It quotes the selected span: a long one is cut at the pane's edge, not widening it.
        self.title.setMinimumWidth(1)
        host.span_pane.add_section(self.title, self.list, at=1)
        self.list.removeRequested.connect(self.remove_selected)
        self.list.editRequested.connect(self.change_selected)
        self.head = ""  # uid of the span a link being made starts from
        self.kind: str | None = None  # the type chosen up front (by its key), if any
        self.popup: TypePopup | None = None
        self.menu: QMenu | None = None
        self._type_actions: list[QAction] = []
        host.view.spanClicked.connect(self._clicked)
        host.span_pane.list.clicked.connect(
            lambda index: self._clicked(index.data(Qt.ItemDataRole.UserRole) or ""))

    def populate(self, menu: QMenu) -> None:
        h = self.host
        self.menu = menu
        bind = h.actions.bind
        self.link_action = bind("link.start", lambda: self.start())
        bind("link.next_span", lambda: self.step(1))
        bind("link.previous_span", lambda: self.step(-1))
        bind("link.list", self.focus_list)
        bind("link.change", self.change_selected)
        bind("link.remove", self.remove_selected)
        menu.addAction(self.link_action)
        self._types_at = menu.addSeparator()
        h.actions.fill(menu, "link.next_span", "link.previous_span", "-", "link.list",
                       "link.change", "link.remove")

    def reload_types(self) -> None:
        """One action per relation type of the codebook, on the type's own key where
        that key is free (a key some other action has would make both keys dead)."""
        host = self.host
        for action in self._type_actions:
            host.actions.drop(action)
            if self.menu is not None:
                self.menu.removeAction(action)
        self._type_actions = []
        taken = host.actions.taken_keys()
        for kind in host.session.schema.relation_types:
            key = kind.shortcut if kind.shortcut and \
                QKeySequence(kind.shortcut).toString() not in taken else ""
            # The type's name is the codebook's: no mnemonic in it.
            title = self.tr("Link as “{name}”…").format(name=kind.name.replace("&", "&&"))
            action = host.actions.make(title,
                                       lambda name=kind.name: self.start(name),
                                       [key] if key else [], writes=True,
                                       ident=f"link.as.{kind.name}")
            action.setToolTip(kind.description or kind.name)
            self._type_actions.append(action)
            if self.menu is not None:
                self.menu.insertAction(self._types_at, action)

    # -- showing ---------------------------------------------------------------

    def refresh(self) -> None:
        """Read the open document's relations again (after an edit or a new document)."""
        host = self.host
        if host.session.doc_id is None:
            self.relations = []
        else:
            self.relations = host.session.corpus.relations(
                host.session.doc_id, None if host.session.show_all_coders else host.session.coder)
        if self.head and host.session.spans.by_uid(self.head) is None:
            self.stop()
        self.show_links()

    def show_links(self) -> None:
        """List the selected span's links."""
        span = self.host.view.selected_span()
        rows: list[LinkRow] = []
        if span is not None:
            for relation in self.relations:
                if span.uid not in (relation.head, relation.tail):
                    continue
                outgoing = relation.head == span.uid
                other = self._span(relation.tail if outgoing else relation.head)
                rows.append(LinkRow(relation, outgoing,
                                    shown_text(other) if other else self.tr("(a span not shown)"),
                                    other.label if other else ""))
        current = self.selected()
        self.model.set_rows(rows)
        for row, link in enumerate(rows):
            if current is not None and link.relation.uid == current.uid:
                self.list.setCurrentIndex(self.model.index(row))
        if span is not None:
            title = self.tr("Links ({count}) · {total} in this document")
        else:
            title = self.tr("Links · {total} in this document")
        self.title.setText(title.format(count=len(rows), total=len(self.relations)))

    def _span(self, uid: str) -> Span | None:
        return self.host.session.spans.by_uid(uid)

    def selected(self) -> Relation | None:
        row = self.model.row_at(self.list.currentIndex().row())
        return row.relation if row is not None else None

    def focus_list(self) -> None:
        self.list.setFocus()
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))

    # -- moving between spans ---------------------------------------------------

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) span in reading order."""
        host = self.host
        places = list(host.session.spans.places())
        if not places:
            host.session.say(self.tr("No spans in this document."), 3000)
            return
        selected = host.view.selected_span()
        row = host.session.spans.row_of(selected.uid) if selected else None
        if row is None:
            here = host.view.cursor_position()
            following = [i for i, p in enumerate(places) if p[0] >= here]
            row = (following[0] if following else len(places)) - (1 if direction > 0 else 0)
        target = min(max(row + direction, 0), len(places) - 1)
        host.session.select(places[target][3])

    # -- making a link --------------------------------------------------------------

    def start(self, kind: str | None = None) -> None:
        """Start a link from the selected span (of type ``kind``, or chosen at the end)."""
        host = self.host
        span = host.view.selected_span()
        if span is None:
            host.session.say(self.tr("Select the span a link starts from first (click it, "
                                     "or Alt+Down to it)."), 5000)
            return
        if span.origin == "suggested":
            host.session.say(self.tr("Accept the suggestion (Enter) before linking it."), 5000)
            return
        self.head, self.kind = span.uid, kind
        host.view.mark_link_head(span.uid)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        if kind:
            started = self.tr("“{type}” link from “{span}”: click the other span, or "
                              "Alt+Down/Alt+Up to it and Enter. Esc stops.")
        else:
            started = self.tr("Link from “{span}”: click the other span, or Alt+Down/Alt+Up to "
                              "it and Enter. Esc stops.")
        host.session.say(started.format(type=kind, span=shown_text(span)))

    def stop(self, message: str = "") -> None:
        """Stop linking (nothing is made)."""
        if not self.head:
            return
        self.head, self.kind = "", None
        self.host.view.mark_link_head("")
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if message:
            self.host.session.say(message, 8000)
        else:
            self.host.session.say("", 0)

    @property
    def linking(self) -> bool:
        return bool(self.head)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # While linking, Enter takes the span moved to and Esc stops, wherever the
        # keyboard is (the window's own Esc would only clear the selection).
        if self.head and isinstance(event, QKeyEvent) and not event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier) and _in_window(watched, self.host.view.window()):
            key = event.key()
            if key in (*_CONFIRM, Qt.Key.Key_Escape):
                if event.type() == QEvent.Type.ShortcutOverride:
                    event.accept()
                    return True
                if event.type() == QEvent.Type.KeyPress:
                    if key == Qt.Key.Key_Escape:
                        self.stop(self.tr("Linking stopped: nothing was linked."))
                    else:
                        selected = self.host.view.selected_span()
                        self.choose_tail(selected.uid if selected else "")
                    return True
        return super().eventFilter(watched, event)

    def _clicked(self, uid: str) -> None:
        if self.head and uid and uid != self.head:
            self.choose_tail(uid)

    def choose_tail(self, uid: str) -> None:
        """The other end of the link being made is span ``uid``: the type next."""
        host = self.host
        head, tail = self._span(self.head), self._span(uid) if uid else None
        if head is None:
            self.stop(self.tr("The span the link started from is gone: nothing was linked."))
            return
        if tail is None or tail.uid == head.uid:
            host.session.say(
                self.tr("Move to another span first (Alt+Down/Alt+Up), or click it; Esc stops."),
                6000)
            return
        kind = self.kind
        self.stop()
        if kind is not None:
            self.link(head, tail, kind)
            return
        types = host.session.schema.relation_types
        options = [TypeOption(k.name, host.session.schema.relation_refusal(k.name, head.label, tail.label),
                              k.description) for k in types]
        if types and all(o.refusal for o in options):
            # The refusals are the codebook's reasons, as core.schema words them.
            host.session.say(self.tr(
                "Not linked: the codebook has no relation from {head} to {tail} ({reasons}).")
                .format(head=head.label, tail=tail.label,
                        reasons="; ".join(o.refusal or "" for o in options)), 12000)
            return
        self._ask_type(f"“{shown_text(head)}” → “{shown_text(tail)}”", options, tail,
                       lambda name: self.link(head, tail, name), free=not types)

    def _ask_type(self, title: str, options: list[TypeOption], near: Span,
                  take: object, *, free: bool = False, current: str = "") -> None:
        view = self.host.view
        self.popup = TypePopup(view, title, options, free=free, current=current)
        self.popup.chosen.connect(take)  # type: ignore[arg-type]
        self.popup.cancelled.connect(lambda: self.host.session.say(
            self.tr("Nothing linked or changed."), 4000))
        self.popup.open_at(view.point_under(near.start))

    def link(self, head: Span, tail: Span, name: str) -> bool:
        """Link ``head`` to ``tail`` as ``name``, or say why the codebook refuses it."""
        host = self.host
        refusal = host.session.schema.relation_refusal(name, head.label, tail.label)
        if refusal:
            host.session.say(self.tr("Not linked: {reason}.").format(reason=refusal), 12000)
            return False
        if any((r.head, r.tail, r.label, r.coder) == (head.uid, tail.uid, name, host.session.coder)
               for r in self.relations):
            host.session.say(self.tr("Already linked as “{name}”.").format(name=name), 5000)
            return False
        assert host.session.doc_id is not None
        relation = Relation(head.uid, tail.uid, name, host.session.coder, doc_id=host.session.doc_id)
        if not host.session.do(AddRelation(relation)):
            return False
        host.session.select(head.uid)
        host.session.say(self.tr("Linked “{head}” —{type}→ “{tail}”.").format(
            head=shown_text(head), type=name, tail=shown_text(tail)), 6000)
        return True

    # -- changing and removing --------------------------------------------------------

    def _read_only(self) -> bool:
        why = self.host.session.corpus.read_only
        if why:
            self.host.session.say(self.tr("read-only: {why} — links cannot be changed "
                                          "in this corpus.").format(why=why), 6000)
        return bool(why)

    def remove_selected(self) -> None:
        if self._read_only():
            return
        relation = self.selected()
        if relation is None:
            self.host.session.say(self.tr("Select a link in the Links list first (Ctrl+K)."),
                                  4000)
            return
        row = self.list.currentIndex().row()
        if self.host.session.do(RemoveRelation(relation)) and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1)))

    def change_selected(self) -> None:
        """Retype the selected link: the same list as when linking."""
        host = self.host
        relation = self.selected()
        if self._read_only():
            return
        if relation is None:
            host.session.say(self.tr("Select a link in the Links list first (Ctrl+K)."), 4000)
            return
        head, tail = self._span(relation.head), self._span(relation.tail)
        if head is None or tail is None:
            return
        types = host.session.schema.relation_types
        options = [TypeOption(k.name, host.session.schema.relation_refusal(k.name, head.label, tail.label),
                              k.description) for k in types if k.name != relation.label]

        def retype(name: str) -> None:
            refusal = host.session.schema.relation_refusal(name, head.label, tail.label)
            if refusal:
                host.session.say(self.tr("Not changed: {reason}.").format(reason=refusal), 12000)
            elif name != relation.label:
                host.session.do(ChangeRelation(relation, dataclasses.replace(relation, label=name)))

        self._ask_type(self.tr("Change “{type}” to").format(type=relation.label), options, tail,
                       retype, free=not types)
