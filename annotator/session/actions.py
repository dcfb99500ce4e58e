"""Every action of the window, declared once: its id, title, keys, menu, and when
it can run. The menus, the F1 sheet of keys, the shortcut editor and the tests
read them from here; the window binds each id to what it does.

Keys are written as Qt reads them ("Ctrl+Shift+L"); the coder's own keys (kept
in the settings under the action's id) replace them. Titles, menu titles and the
article's keys are English, marked for translation in context ``Actions``: the
window shows each through Qt's translation. Actions made from the
codebook (a key per label, per relation type) are not declared here: they come
and go with the codebook.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from annotator.session.messages import QT_TRANSLATE_NOOP


class Needs(Enum):
    """What must be there for an action to run (beyond a writable corpus for writers)."""

    NOTHING = "nothing"
    DOCUMENT = "an open document"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    title: str  # with & before the mnemonic letter, as menus show it
    keys: tuple[str, ...] = ()
    menu: str = ""  # the top menu it sits in ("" for none: keys only)
    writes: bool = False  # changes the corpus: disabled while it is read-only
    needs: Needs = Needs.NOTHING
    checkable: bool = False

    @property
    def name(self) -> str:
        """The title without mnemonics: what the coder's key settings are keyed by."""
        return self.title.replace("&&", "\0").replace("&", "").replace("\0", "&")


MENUS = (("file", QT_TRANSLATE_NOOP("Actions", "&File")),
         ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
         ("document", QT_TRANSLATE_NOOP("Actions", "&Document")),
         ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
         ("link", QT_TRANSLATE_NOOP("Actions", "&Link")),
         ("event", QT_TRANSLATE_NOOP("Actions", "E&vent")),
         ("suggest", QT_TRANSLATE_NOOP("Actions", "&Suggest")),
         ("tools", QT_TRANSLATE_NOOP("Actions", "&Tools")),
         ("help", QT_TRANSLATE_NOOP("Actions", "&Help")))

DOC = Needs.DOCUMENT

_DECLARED = (
    # File
    ActionSpec("file.new", QT_TRANSLATE_NOOP("Actions", "&New corpus…"), ("Ctrl+N",), "file"),
    ActionSpec("file.open", QT_TRANSLATE_NOOP("Actions", "&Open corpus…"), ("Ctrl+O",), "file"),
    ActionSpec("file.connect", QT_TRANSLATE_NOOP("Actions", "&Connect to team server…"),
               (), "file"),
    ActionSpec("file.import_files", QT_TRANSLATE_NOOP("Actions", "&Import files…"), ("Ctrl+I",),
               "file", writes=True),
    ActionSpec("file.import_folder", QT_TRANSLATE_NOOP("Actions", "Import a &folder…"),
               ("Ctrl+Shift+I",), "file", writes=True),
    ActionSpec("file.export", QT_TRANSLATE_NOOP("Actions", "&Export…"), ("Ctrl+E",), "file"),
    ActionSpec("file.merge", QT_TRANSLATE_NOOP("Actions", "&Merge coders' corpora…"), (), "file",
               writes=True),
    ActionSpec("file.quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",), "file"),
    # Edit
    ActionSpec("edit.undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), ("Ctrl+Z",), "edit",
               writes=True),
    # Both common bindings, whatever the platform's standard one is.
    ActionSpec("edit.redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"),
               "edit", writes=True),
    ActionSpec("edit.remove_span", QT_TRANSLATE_NOOP("Actions", "Remove span"),
               ("Del", "Backspace"), "edit", writes=True, needs=DOC),
    # Discontinuous spans.
    ActionSpec("edit.add_range",
               QT_TRANSLATE_NOOP("Actions", "Add the selected text to the selected span"),
               ("Shift+Return", "Shift+Enter"), "edit", writes=True, needs=DOC),
    ActionSpec("edit.remove_fragment",
               QT_TRANSLATE_NOOP("Actions", "Remove the fragment at the cursor"),
               ("Shift+Backspace",), "edit", writes=True, needs=DOC),
    ActionSpec("edit.clear_selection", QT_TRANSLATE_NOOP("Actions", "Clear selection"), ("Esc",),
               "edit"),
    ActionSpec("edit.find", QT_TRANSLATE_NOOP("Actions", "Find in document"), ("Ctrl+F",), "edit",
               needs=DOC),
    ActionSpec("edit.find_next", QT_TRANSLATE_NOOP("Actions", "Find next"), ("F3",), "edit",
               needs=DOC),
    ActionSpec("edit.find_previous", QT_TRANSLATE_NOOP("Actions", "Find previous"), ("Shift+F3",),
               "edit", needs=DOC),
    ActionSpec("edit.search", QT_TRANSLATE_NOOP("Actions", "Search corpus"), ("Ctrl+Shift+F",),
               "edit"),
    ActionSpec("edit.attributes",
               QT_TRANSLATE_NOOP("Actions", "Edit attributes of the selected span"), ("F2",),
               "edit", needs=DOC),
    ActionSpec("edit.schema", QT_TRANSLATE_NOOP("Actions", "Label schema…"), ("Ctrl+Shift+L",),
               "edit", writes=True),
    ActionSpec("edit.shortcuts", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts…"), (), "edit"),
    # Document
    ActionSpec("document.done_next", QT_TRANSLATE_NOOP("Actions", "Mark done and open next"),
               ("Ctrl+Return", "Ctrl+Enter"), "document", writes=True, needs=DOC),
    # One per status (core.model.STATUSES, in its order), each title whole so that it
    # can be translated as a sentence.
    ActionSpec("document.mark_todo", QT_TRANSLATE_NOOP("Actions", "Mark todo"), (), "document",
               writes=True, needs=DOC),
    ActionSpec("document.mark_in_progress", QT_TRANSLATE_NOOP("Actions", "Mark in progress"), (),
               "document", writes=True, needs=DOC),
    ActionSpec("document.mark_done", QT_TRANSLATE_NOOP("Actions", "Mark done"), (), "document",
               writes=True, needs=DOC),
    ActionSpec("document.mark_skipped", QT_TRANSLATE_NOOP("Actions", "Mark skipped"), (),
               "document", writes=True, needs=DOC),
    ActionSpec("document.details", QT_TRANSLATE_NOOP("Actions", "Details…"), ("Ctrl+D",),
               "document", needs=DOC),
    # Document labels. Keys chosen clear of every other action: the label keys (1-9
    # and initials), the relation types' own keys from the codebook (Shift+letter).
    ActionSpec("document.toggle_relevant", QT_TRANSLATE_NOOP("Actions", "Toggle: document relevant"),
               ("Ctrl+R",), "document", writes=True, needs=DOC),
    ActionSpec("document.labels", QT_TRANSLATE_NOOP("Actions", "Edit document labels"),
               ("Ctrl+Shift+D",), "document", needs=DOC),
    ActionSpec("document.next", QT_TRANSLATE_NOOP("Actions", "Next document"),
               ("Alt+Right", "Ctrl+PgDown"), "document"),
    ActionSpec("document.previous", QT_TRANSLATE_NOOP("Actions", "Previous document"),
               ("Alt+Left", "Ctrl+PgUp"), "document"),
    ActionSpec("document.next_undone", QT_TRANSLATE_NOOP("Actions", "Next undone document"), (),
               "document"),
    ActionSpec("document.first_copy", QT_TRANSLATE_NOOP("Actions", "Go to the first copy"),
               ("Ctrl+Alt+K",), "document", needs=DOC),
    ActionSpec("document.doubt_first",
               QT_TRANSLATE_NOOP("Actions", "Next: what the model is least sure of first"), (),
               "document", checkable=True),
    # View
    ActionSpec("view.all_coders", QT_TRANSLATE_NOOP("Actions", "All coders' spans"),
               ("Ctrl+Shift+C",), "view", checkable=True),
    ActionSpec("view.dark_theme", QT_TRANSLATE_NOOP("Actions", "Dark theme"), (), "view",
               checkable=True),
    ActionSpec("view.larger_text", QT_TRANSLATE_NOOP("Actions", "Larger text"), ("Ctrl+=",),
               "view"),
    ActionSpec("view.smaller_text", QT_TRANSLATE_NOOP("Actions", "Smaller text"), ("Ctrl+-",),
               "view"),
    ActionSpec("view.language", QT_TRANSLATE_NOOP("Actions", "Language…"), (), "view"),
    ActionSpec("view.map", QT_TRANSLATE_NOOP("Actions", "&Map of places"), ("Ctrl+Shift+M",),
               "view", checkable=True),
    # Link
    ActionSpec("link.start", QT_TRANSLATE_NOOP("Actions", "Link the selected span to another…"),
               ("Ctrl+L",), "link", writes=True, needs=DOC),
    ActionSpec("link.next_span", QT_TRANSLATE_NOOP("Actions", "Next span"), ("Alt+Down",), "link",
               needs=DOC),
    ActionSpec("link.previous_span", QT_TRANSLATE_NOOP("Actions", "Previous span"), ("Alt+Up",),
               "link", needs=DOC),
    ActionSpec("link.list", QT_TRANSLATE_NOOP("Actions", "Links of the selected span"),
               ("Ctrl+K",), "link", needs=DOC),
    ActionSpec("link.change",
               QT_TRANSLATE_NOOP("Actions", "Change the type of the selected link…"), (), "link",
               writes=True, needs=DOC),
    ActionSpec("link.remove", QT_TRANSLATE_NOOP("Actions", "Remove the selected link"), (),
               "link", writes=True, needs=DOC),
    # Event
    ActionSpec("event.new", QT_TRANSLATE_NOOP("Actions", "New event from selected spans…"),
               ("Ctrl+G",), "event", writes=True, needs=DOC),
    ActionSpec("event.edit", QT_TRANSLATE_NOOP("Actions", "Edit event…"), ("Ctrl+Shift+G",),
               "event", writes=True, needs=DOC),
    ActionSpec("event.remove", QT_TRANSLATE_NOOP("Actions", "Remove event"), ("Ctrl+Shift+Del",),
               "event", writes=True, needs=DOC),
    # Suggest
    ActionSpec("suggest.here", QT_TRANSLATE_NOOP("Actions", "Suggest spans for this document"),
               ("Ctrl+Shift+S",), "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.next", QT_TRANSLATE_NOOP("Actions", "Next suggestion (Tab)"), (),
               "suggest", needs=DOC),
    ActionSpec("suggest.previous", QT_TRANSLATE_NOOP("Actions", "Previous suggestion (Shift+Tab)"),
               (), "suggest", needs=DOC),
    ActionSpec("suggest.accept", QT_TRANSLATE_NOOP("Actions", "Accept suggestion (Enter)"), (),
               "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.reject", QT_TRANSLATE_NOOP("Actions", "Reject suggestion (Backspace)"), (),
               "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.accept_all", QT_TRANSLATE_NOOP("Actions", "Accept all suggestions here"),
               ("Ctrl+Shift+Return",), "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.reject_all", QT_TRANSLATE_NOOP("Actions", "Reject all suggestions here"),
               ("Ctrl+Shift+Backspace",), "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.model", QT_TRANSLATE_NOOP("Actions", "spaCy model for suggestions…"), (),
               "suggest"),
    # Not Ctrl+Shift+A: a text view takes that as "deselect" on Linux.
    ActionSpec("suggest.occurrences_here",
               QT_TRANSLATE_NOOP("Actions", "Tag all occurrences in this document"),
               ("Ctrl+Shift+O",), "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.occurrences_everywhere",
               QT_TRANSLATE_NOOP("Actions", "Tag all occurrences in the corpus"),
               ("Ctrl+Alt+Shift+O",), "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.first_copy",
               QT_TRANSLATE_NOOP("Actions", "Carry the first copy's spans here"),
               ("Ctrl+Shift+K",), "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.train_model", QT_TRANSLATE_NOOP("Actions", "Train the corpus model now"),
               (), "suggest"),
    ActionSpec("suggest.model_report", QT_TRANSLATE_NOOP("Actions", "Corpus model…"), (),
               "suggest"),
    ActionSpec("suggest.train_every",
               QT_TRANSLATE_NOOP("Actions", "Train the corpus model every…"), (), "suggest"),
    ActionSpec("suggest.model_threshold",
               QT_TRANSLATE_NOOP("Actions", "Least confidence of model suggestions…"), (),
               "suggest"),
    # Tools and Help
    ActionSpec("tools.agreement", QT_TRANSLATE_NOOP("Actions", "Agreement report…"), (), "tools"),
    ActionSpec("tools.adjudicate", QT_TRANSLATE_NOOP("Actions", "Adjudicate this document…"),
               ("Ctrl+Shift+J",), "tools", writes=True, needs=DOC),
    ActionSpec("tools.progress", QT_TRANSLATE_NOOP("Actions", "Team progress…"), (), "tools"),
    ActionSpec("tools.near_duplicates",
               QT_TRANSLATE_NOOP("Actions", "Near-duplicate threshold…"), (), "tools",
               writes=True),
    ActionSpec("help.keys", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"), ("F1",), "help"),
    ActionSpec("help.codebook", QT_TRANSLATE_NOOP("Actions", "Codebook"), ("F4",), "help"),
    ActionSpec("help.about", QT_TRANSLATE_NOOP("Actions", "About annotator"), (), "help"),
)

ACTIONS: dict[str, ActionSpec] = {spec.id: spec for spec in _DECLARED}

# Keys the article itself answers to, not menu actions: listed on the F1 sheet.
VIEW_KEYS = (
    (QT_TRANSLATE_NOOP("Actions", "Shift+arrows, Ctrl+Shift+arrows"),
     QT_TRANSLATE_NOOP("Actions", "select text (snapped to whole words)")),
    (QT_TRANSLATE_NOOP("Actions", "Alt while selecting"),
     QT_TRANSLATE_NOOP("Actions", "keep the selection exactly as made, without snapping")),
    (QT_TRANSLATE_NOOP("Actions", "Alt as you let go of the mouse"),
     QT_TRANSLATE_NOOP("Actions", "keep the selection exactly as dragged")),
    (QT_TRANSLATE_NOOP("Actions", "Ctrl+click"),
     QT_TRANSLATE_NOOP("Actions", "add a span to the selection, or take it out")),
    (QT_TRANSLATE_NOOP("Actions", "Tab, Shift+Tab"),
     QT_TRANSLATE_NOOP("Actions", "next, previous suggestion (when there are suggestions)")),
    (QT_TRANSLATE_NOOP("Actions", "Enter"),
     QT_TRANSLATE_NOOP("Actions", "accept the selected suggestion")),
    (QT_TRANSLATE_NOOP("Actions", "Backspace"),
     QT_TRANSLATE_NOOP("Actions", "reject the selected suggestion, or remove the selected span")),
    (QT_TRANSLATE_NOOP("Actions", "Tab (elsewhere)"),
     QT_TRANSLATE_NOOP("Actions", "move between the list, the article and the panes")),
    (QT_TRANSLATE_NOOP("Actions", "Enter, Esc (linking)"),
     QT_TRANSLATE_NOOP("Actions", "link to the span moved to; stop linking")),
    (QT_TRANSLATE_NOOP("Actions", "Delete, Enter (Links list)"),
     QT_TRANSLATE_NOOP("Actions", "remove the link; change its type")),
)


def in_menu(menu: str) -> Iterator[ActionSpec]:
    """The actions of one top menu, in the order they are declared."""
    return (spec for spec in _DECLARED if spec.menu == menu)


def enabled(spec: ActionSpec, *, read_only: bool, document_open: bool) -> bool:
    """Whether ``spec`` can run now: writers not on a read-only corpus, document
    actions only with a document open."""
    if spec.writes and read_only:
        return False
    return not (spec.needs is Needs.DOCUMENT and not document_open)


def duplicate_keys() -> dict[str, list[str]]:
    """Keys declared for more than one action (the tests keep this empty)."""
    owners: dict[str, list[str]] = {}
    for spec in _DECLARED:
        for key in spec.keys:
            owners.setdefault(key.lower(), []).append(spec.id)
    return {key: ids for key, ids in owners.items() if len(ids) > 1}
