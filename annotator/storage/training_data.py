"""The coded documents a model trains on: what the chosen coders (or the gold) marked
done, with their own spans, never pending suggestions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.core.adjudication import GOLD
from annotator.core.training import CodedText
from annotator.storage.bulk import iter_documents

if TYPE_CHECKING:
    from annotator.storage.corpus import Corpus


def coded_texts(corpus: Corpus, coders: Sequence[str] = ()) -> list[CodedText]:
    """Each document the gold or a chosen coder (any coder, if none is chosen) marked
    done, with that coder's spans; the gold's where the document has them."""
    wanted = list(coders)
    found: list[CodedText] = []
    for coded in iter_documents(corpus):
        by_coder: dict[str, list[tuple[int, int, str]]] = {}
        for span in coded.spans:
            if span.origin != "suggested":
                by_coder.setdefault(span.coder, []).append((span.start, span.end, span.label))
        done = [who for who, status in coded.statuses.items() if status == "done"]
        if GOLD in by_coder and (not wanted or GOLD in wanted):
            chosen = GOLD
        else:
            chosen = next((who for who in (wanted or sorted(done)) if who in done), None)
        if chosen is None:
            continue
        found.append(CodedText(coded.document.uid, coded.document.text,
                               tuple(by_coder.get(chosen, ()))))
    return found
