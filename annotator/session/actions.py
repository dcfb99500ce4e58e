"""Every action of the window, declared once: its id, title, keys, menu, and when
it can run. The menus, the F1 sheet of keys, the shortcut editor and the tests
read them from here; the window binds each id to what it does.

Keys are written as Qt reads them ("Ctrl+Shift+L"); the coder's own keys (kept
in the settings under the action's title) replace them. Actions made from the
codebook (a key per label, per relation type) are not declared here: they come
and go with the codebook.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from annotator.core.model import STATUSES


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


MENUS = (("file", "&File"), ("edit", "&Edit"), ("document", "&Document"), ("view", "&View"),
         ("link", "&Link"), ("event", "E&vent"), ("suggest", "&Suggest"),
         ("tools", "&Tools"), ("help", "&Help"))

DOC = Needs.DOCUMENT

_DECLARED = (
    # File
    ActionSpec("file.new", "&New corpus…", ("Ctrl+N",), "file"),
    ActionSpec("file.open", "&Open corpus…", ("Ctrl+O",), "file"),
    ActionSpec("file.import_files", "&Import files…", ("Ctrl+I",), "file", writes=True),
    ActionSpec("file.import_folder", "Import a &folder…", ("Ctrl+Shift+I",), "file",
               writes=True),
    ActionSpec("file.export", "&Export…", ("Ctrl+E",), "file"),
    ActionSpec("file.merge", "&Merge coders' corpora…", (), "file", writes=True),
    ActionSpec("file.quit", "&Quit", ("Ctrl+Q",), "file"),
    # Edit
    ActionSpec("edit.undo", "&Undo", ("Ctrl+Z",), "edit", writes=True),
    # Both common bindings, whatever the platform's standard one is.
    ActionSpec("edit.redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "edit", writes=True),
    ActionSpec("edit.remove_span", "Remove span", ("Del", "Backspace"), "edit", writes=True,
               needs=DOC),
    # Discontinuous spans.
    ActionSpec("edit.add_range", "Add the selected text to the selected span",
               ("Shift+Return", "Shift+Enter"), "edit", writes=True, needs=DOC),
    ActionSpec("edit.remove_fragment", "Remove the fragment at the cursor", ("Shift+Backspace",),
               "edit", writes=True, needs=DOC),
    ActionSpec("edit.clear_selection", "Clear selection", ("Esc",), "edit"),
    ActionSpec("edit.find", "Find in document", ("Ctrl+F",), "edit", needs=DOC),
    ActionSpec("edit.find_next", "Find next", ("F3",), "edit", needs=DOC),
    ActionSpec("edit.find_previous", "Find previous", ("Shift+F3",), "edit", needs=DOC),
    ActionSpec("edit.search", "Search corpus", ("Ctrl+Shift+F",), "edit"),
    ActionSpec("edit.attributes", "Edit attributes of the selected span", ("F2",), "edit",
               needs=DOC),
    ActionSpec("edit.schema", "Label schema…", ("Ctrl+Shift+L",), "edit", writes=True),
    ActionSpec("edit.shortcuts", "Keyboard shortcuts…", (), "edit"),
    # Document
    ActionSpec("document.done_next", "Mark done and open next", ("Ctrl+Return", "Ctrl+Enter"),
               "document", writes=True, needs=DOC),
    *(ActionSpec(f"document.mark_{status.replace(' ', '_')}", f"Mark {status}", (), "document",
                 writes=True, needs=DOC) for status in STATUSES),
    ActionSpec("document.details", "Details…", ("Ctrl+D",), "document", needs=DOC),
    # Document labels. Keys chosen clear of every other action: the label keys (1-9
    # and initials), the relation types' own keys from the codebook (Shift+letter).
    ActionSpec("document.toggle_relevant", "Toggle: document relevant", ("Ctrl+R",),
               "document", writes=True, needs=DOC),
    ActionSpec("document.labels", "Edit document labels", ("Ctrl+Shift+D",), "document",
               needs=DOC),
    ActionSpec("document.next", "Next document", ("Alt+Right", "Ctrl+PgDown"), "document"),
    ActionSpec("document.previous", "Previous document", ("Alt+Left", "Ctrl+PgUp"), "document"),
    ActionSpec("document.next_undone", "Next undone document", (), "document"),
    # View
    ActionSpec("view.all_coders", "All coders' spans", ("Ctrl+Shift+C",), "view",
               checkable=True),
    ActionSpec("view.dark_theme", "Dark theme", (), "view", checkable=True),
    ActionSpec("view.larger_text", "Larger text", ("Ctrl+=",), "view"),
    ActionSpec("view.smaller_text", "Smaller text", ("Ctrl+-",), "view"),
    # Link
    ActionSpec("link.start", "Link the selected span to another…", ("Ctrl+L",), "link",
               writes=True, needs=DOC),
    ActionSpec("link.next_span", "Next span", ("Alt+Down",), "link", needs=DOC),
    ActionSpec("link.previous_span", "Previous span", ("Alt+Up",), "link", needs=DOC),
    ActionSpec("link.list", "Links of the selected span", ("Ctrl+K",), "link", needs=DOC),
    ActionSpec("link.change", "Change the type of the selected link…", (), "link",
               writes=True, needs=DOC),
    ActionSpec("link.remove", "Remove the selected link", (), "link", writes=True, needs=DOC),
    # Event
    ActionSpec("event.new", "New event from selected spans…", ("Ctrl+G",), "event",
               writes=True, needs=DOC),
    ActionSpec("event.edit", "Edit event…", ("Ctrl+Shift+G",), "event", writes=True,
               needs=DOC),
    ActionSpec("event.remove", "Remove event", ("Ctrl+Shift+Del",), "event", writes=True,
               needs=DOC),
    # Suggest
    ActionSpec("suggest.here", "Suggest spans for this document", ("Ctrl+Shift+S",),
               "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.next", "Next suggestion (Tab)", (), "suggest", needs=DOC),
    ActionSpec("suggest.previous", "Previous suggestion (Shift+Tab)", (), "suggest",
               needs=DOC),
    ActionSpec("suggest.accept", "Accept suggestion (Enter)", (), "suggest", writes=True,
               needs=DOC),
    ActionSpec("suggest.reject", "Reject suggestion (Backspace)", (), "suggest", writes=True,
               needs=DOC),
    ActionSpec("suggest.accept_all", "Accept all suggestions here", ("Ctrl+Shift+Return",),
               "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.reject_all", "Reject all suggestions here", ("Ctrl+Shift+Backspace",),
               "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.model", "spaCy model for suggestions…", (), "suggest"),
    # Not Ctrl+Shift+A: a text view takes that as "deselect" on Linux.
    ActionSpec("suggest.occurrences_here", "Tag all occurrences in this document",
               ("Ctrl+Shift+O",), "suggest", writes=True, needs=DOC),
    ActionSpec("suggest.occurrences_everywhere", "Tag all occurrences in the corpus",
               ("Ctrl+Alt+Shift+O",), "suggest", writes=True, needs=DOC),
    # Tools and Help
    ActionSpec("tools.agreement", "Agreement report…", (), "tools"),
    ActionSpec("tools.adjudicate", "Adjudicate this document…", ("Ctrl+Shift+J",), "tools",
               writes=True, needs=DOC),
    ActionSpec("help.keys", "Keyboard shortcuts", ("F1",), "help"),
    ActionSpec("help.codebook", "Codebook", ("F4",), "help"),
    ActionSpec("help.about", "About annotator", (), "help"),
)

ACTIONS: dict[str, ActionSpec] = {spec.id: spec for spec in _DECLARED}

# Keys the article itself answers to, not menu actions: listed on the F1 sheet.
VIEW_KEYS = (
    ("Shift+arrows, Ctrl+Shift+arrows", "select text (snapped to whole words)"),
    ("Alt while selecting", "keep the selection exactly as made, without snapping"),
    ("Alt as you let go of the mouse", "keep the selection exactly as dragged"),
    ("Ctrl+click", "add a span to the selection, or take it out"),
    ("Tab, Shift+Tab", "next, previous suggestion (when there are suggestions)"),
    ("Enter", "accept the selected suggestion"),
    ("Backspace", "reject the selected suggestion, or remove the selected span"),
    ("Tab (elsewhere)", "move between the list, the article and the panes"),
    ("Enter, Esc (linking)", "link to the span moved to; stop linking"),
    ("Delete, Enter (Links list)", "remove the link; change its type"),
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
