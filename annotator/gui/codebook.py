"""Changing a corpus's codebook from the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.storage.errors import CorpusError
from annotator.storage.schema_store import SchemaError

if TYPE_CHECKING:
    from annotator.gui.prompts import Prompts
    from annotator.session.session import Session


def edit_schema(session: Session, prompts: Prompts) -> None:
    """Change the codebook; a removed label in use asks where its spans go."""
    edit = prompts.edit_schema(session.schema)
    if edit is None:
        return
    usage = session.corpus.label_usage()
    moves = {}
    for name in edit.removed:
        if usage.get(name):
            target = prompts.choose(
                QCoreApplication.translate("Codebook", "Label in use"),
                QCoreApplication.translate(
                    "Codebook", "{count} spans are labelled {label}. Move them to which label?")
                .format(count=usage[name], label=repr(name)),
                [label.name for label in edit.schema.labels])
            if target is None:
                return  # nothing changed
            moves[name] = target
    try:
        session.corpus.save_schema(edit.schema, renames=edit.renames, moves=moves)
    except (SchemaError, CorpusError) as exc:  # busy, read-only, disk full
        prompts.error(QCoreApplication.translate("Codebook", "Schema not changed"), str(exc))
        return
    # Edits made under the old schema cannot be undone into the new one.
    session.schema_saved()
    session.say(QCoreApplication.translate("Codebook", "Label schema saved."), 5000)
