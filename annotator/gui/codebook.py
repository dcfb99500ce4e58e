"""Changing a corpus's codebook from the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.storage.errors import CorpusError
from annotator.storage.schema_store import SchemaError

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


def edit_schema(window: MainWindow) -> None:
    """Change the codebook; a removed label in use asks where its spans go."""
    edit = window.prompts.edit_schema(window.schema)
    if edit is None:
        return
    usage = window.corpus.label_usage()
    moves = {}
    for name in edit.removed:
        if usage.get(name):
            target = window.prompts.choose(
                "Label in use", f"{usage[name]} spans are labelled {name!r}. "
                "Move them to which label?", [label.name for label in edit.schema.labels])
            if target is None:
                return  # nothing changed
            moves[name] = target
    try:
        window.corpus.save_schema(edit.schema, renames=edit.renames, moves=moves)
    except (SchemaError, CorpusError) as exc:  # busy, read-only, disk full
        window.prompts.error("Schema not changed", str(exc))
        return
    # Edits made under the old schema cannot be undone into the new one.
    window.editor.undo_stack.clear()
    window.reload_schema()
    window.statusBar().showMessage("Label schema saved.", 5000)
