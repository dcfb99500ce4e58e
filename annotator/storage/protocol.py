"""What the window, its session and the command line ask of a corpus: one
interface, so that a second backend (a team's database server) can stand where
the SQLite file stands today. Storage raises its own errors (storage.errors),
never a database driver's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from annotator.core.commands import EditTarget

if TYPE_CHECKING:
    from annotator.core.events import Event
    from annotator.core.model import (
        DocLabel,
        Document,
        DocumentDetails,
        DocumentRow,
        Relation,
        Span,
    )
    from annotator.core.schema import Schema
    from annotator.core.search import DocumentFilter
    from annotator.storage.span_rows import SpanRows


class CorpusBackend(EditTarget, Protocol):
    """A corpus as the session and the window use it (every edit goes through the
    ``EditTarget`` part, which core commands apply)."""

    path: Path

    @property
    def read_only(self) -> str | None:
        """Why nothing can be changed (read-only file, disk, role), or None."""
        ...

    def close(self) -> None: ...

    def set_write_wait(self, seconds: float,
                       on_wait: Callable[[Path], None] | None = None) -> None: ...

    def data_version(self) -> int:
        """Changes whenever someone else commits: how the window notices their writes."""
        ...

    def check(self) -> list[str]: ...

    # -- documents --------------------------------------------------------------------

    def document_count(self) -> int: ...

    def document(self, doc_id: int) -> Document: ...

    def details(self, doc_id: int) -> DocumentDetails: ...

    def page(self, coder: str, *, after_id: int = 0, limit: int = 200,
             search: str | None = None, filters: DocumentFilter | None = None,
             offset: int = 0) -> list[DocumentRow]: ...

    def match_count(self, search: str, coder: str,
                    filters: DocumentFilter | None = None) -> int: ...

    def interrupt(self) -> None: ...

    def row(self, doc_id: int, coder: str) -> DocumentRow: ...

    def neighbour(self, doc_id: int, step: int, coder: str, *,
                  undone: bool = False) -> int | None: ...

    def first_undone(self, coder: str) -> int | None: ...

    def status(self, doc_id: int, coder: str) -> str: ...

    def done_count(self, coder: str) -> int: ...

    def coders(self) -> list[str]: ...

    # -- what is coded in a document ----------------------------------------------------

    def spans(self, doc_id: int, coder: str | None = None) -> list[Span]: ...

    def span_rows(self, doc_id: int, coder: str | None = None) -> SpanRows: ...

    def find_span(self, doc_id: int, start: int, end: int, label: str,
                  coder: str) -> str | None: ...

    def events(self, doc_id: int) -> list[Event]: ...

    def relations(self, doc_id: int, coder: str | None = None) -> list[Relation]: ...

    def relations_with_span(self, span_uid: str) -> list[Relation]: ...

    def doc_labels(self, doc_id: int, coder: str | None = None) -> list[DocLabel]: ...

    def doc_label_names(self) -> list[str]: ...

    # -- the codebook -----------------------------------------------------------------

    def schema(self) -> Schema: ...

    def save_schema(self, schema: Schema, *, renames: dict[str, str] | None = None,
                    moves: dict[str, str] | None = None) -> None: ...

    def label_usage(self) -> dict[str, int]: ...

    def codebook(self) -> str: ...

    def set_codebook(self, markdown: str) -> None: ...
