"""Suggestions in the corpus: pending spans made offline, accepted or rejected by a coder."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from annotator.core.commands import CONFIDENCE_ATTR, SOURCE_ATTR
from annotator.core.gazetteer import Gazetteer, Place, world
from annotator.core.language import language_of
from annotator.core.model import Span
from annotator.core.model_guesses import DEFAULT_THRESHOLD
from annotator.core.suggest import Suggestion, suggest, whole_word_occurrences
from annotator.storage.corpus import Corpus

__all__ = ["SOURCE_ATTR", "corpus_actors", "corpus_places", "make_suggestions", "occurrences",
           "pending", "store_suggestions"]


def corpus_places(corpus: Corpus) -> dict[str, Place]:
    """Places coders have tagged here (bases, camps, checkpoints), with their attributes:
    their own, accepted suggestions and imported ones, never a pending suggestion."""
    places: dict[str, Place] = {}
    for text, attrs in corpus.db.execute(
        "SELECT text, attrs FROM spans WHERE label = 'location' AND origin != 'suggested'"
    ):
        try:
            found = json.loads(attrs)
            places[text] = Place(text, found.get("latitude"), found.get("longitude"),
                                 found.get("geonames_id"), found.get("country"),
                                 int(found.get("precision") or 1))
        except (ValueError, TypeError, AttributeError, RecursionError):
            continue  # a row changed by hand outside annotator is no place to suggest
    return places


def corpus_actors(corpus: Corpus) -> set[str]:
    """The actor dictionary: every actor a coder has tagged in this corpus (accepted
    suggestions and imported spans included, pending suggestions not)."""
    return {row[0] for row in corpus.db.execute(
        "SELECT DISTINCT text FROM spans WHERE label = 'actor' AND origin != 'suggested'")}


def pending(corpus: Corpus, doc_id: int) -> list[Span]:
    return [s for s in corpus.spans(doc_id) if s.origin == "suggested"]


def make_suggestions(corpus: Corpus, doc_id: int, coder: str, *, places: Gazetteer | None = None,
                     actors: set[str] | None = None, model: Any = None,
                     model_threshold: float = DEFAULT_THRESHOLD) -> list[Span]:
    """New suggestions for a document (not stored): none over a span it already has,
    none a coder has rejected, and only for labels the corpus has; the English-only
    readers only for a document in English or in a language not known; a model's
    only where it is ``model_threshold`` sure or more, its confidence kept."""
    document = corpus.document(doc_id)
    text = document.text
    labels = {label.name for label in corpus.labels()}
    taken = [(s.start, s.end, s.label) for s in corpus.spans(doc_id)]
    rejected = {tuple(row) for row in corpus.db.execute(
        'SELECT start, "end", label FROM rejections WHERE doc_id = ?', [doc_id])}
    gazetteer = places or world().with_extra(corpus_places(corpus))
    found = suggest(text, places=gazetteer,
                    actors=actors if actors is not None else corpus_actors(corpus),
                    taken=taken, model=model, language=language_of(document.meta),
                    model_threshold=model_threshold)
    return [Span(start=s.start, end=s.end, label=s.label, text=s.text, coder=coder,
                 origin="suggested", attrs=_provenance(s), doc_id=doc_id)
            for s in found
            if s.label in labels and (s.start, s.end, s.label) not in rejected]


def _provenance(suggestion: Suggestion) -> dict[str, Any]:
    attrs = {**suggestion.attrs, SOURCE_ATTR: suggestion.source}
    if suggestion.confidence is not None:
        attrs[CONFIDENCE_ATTR] = round(suggestion.confidence, 3)
    return attrs


def store_suggestions(corpus: Corpus, spans: Sequence[Span]) -> None:
    with corpus.batch():
        for span in spans:
            corpus.insert_span(span)


def occurrences(corpus: Corpus, span: Span, coder: str, doc_ids: Sequence[int] | None = None,
                *, progress: Callable[[int, int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[Span] | None:
    """Suggestions for every other whole-word occurrence of ``span``'s text, with its
    label, in ``doc_ids`` or in every document that has the words; None if cancelled.

    Each place not yet holding a span of that label becomes a pending suggestion; the
    full-text index names the documents to read, so a rare name in a large corpus
    reads only the few documents that have it.
    """
    if doc_ids is None:
        doc_ids = _documents_with(corpus, span.text)
    attrs = {**{k: v for k, v in span.attrs.items() if k != "note"}, SOURCE_ATTR: "same text"}
    made = []
    for done, doc_id in enumerate(doc_ids, start=1):
        if cancelled is not None and cancelled():
            return None
        text = corpus.document(doc_id).text
        taken = [(s.start, s.end) for s in corpus.spans(doc_id) if s.label == span.label]
        for start, end in whole_word_occurrences(text, span.text, taken):
            made.append(Span(start=start, end=end, label=span.label, text=text[start:end],
                             coder=coder, origin="suggested", attrs=attrs, doc_id=doc_id))
        if progress is not None and done % 50 == 0:
            progress(done, len(doc_ids))
    return made


def _documents_with(corpus: Corpus, words: str) -> list[int]:
    """The documents that may hold ``words`` (a few more are fine: each is read after).

    On a server the search vector covers only the start of a long text, and its
    tokens are not FTS5's, so the texts themselves are searched there.
    """
    if corpus.db.dialect != "sqlite":
        return [row[0] for row in corpus.db.execute(
            "SELECT id FROM documents WHERE strpos(text, ?) > 0 ORDER BY id", [words])]
    phrase = '"' + words.replace('"', "") + '"'
    return [row[0] for row in corpus.db.execute(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid", [phrase])]
