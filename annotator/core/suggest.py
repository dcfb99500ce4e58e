"""Suggested spans, found offline: places, actors and casualty phrases.

Suggestions are only ever proposals: they are stored as pending spans
(origin "suggested") that the coder accepts or rejects one key at a time.

The casualty phrases and actor patterns are English; a document known to be in
another language (its meta's "language") gets neither, only the gazetteer's
places and the corpus's own actors, whose names are the same in any language. A
spaCy model is used only on documents of its own language (or of none known).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.casualties import parse_casualty, sentence_around
from annotator.core.gazetteer import Gazetteer
from annotator.core.language import reads_as_english
from annotator.core.model_guesses import (
    DEFAULT_THRESHOLD,
    confident,
    guesses,
    is_corpus_model,
    model_labels,
)

_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                 "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
                 "fifty|sixty|seventy|eighty|ninety|hundred|thousand")
_QUALIFIER = (r"(?:at least|more than|as many as|up to|nearly|almost|about|around|some|over|"
              r"no fewer than|an estimated|approximately|roughly)")
_COUNT = (rf"(?:{_QUALIFIER} )?(?:\d[\d,]*|a dozen|dozens of|scores of|hundreds of|"
          rf"thousands of|several|(?:{_NUMBER_WORDS})(?:[ -](?:and )?(?:{_NUMBER_WORDS}))*)")
_OUTCOME = r"(?:killed|injured|wounded|hurt|dead|died|abducted|kidnapped|missing)"
_CASUALTY = re.compile(
    rf"(?i:\b{_COUNT})(?: [\w’'-]+){{0,4}}?(?= (?:were|was|have been|had been|are|is|"
    rf"reportedly|also)? ?(?:{_OUTCOME})\b)"
)
_ACTOR_PATTERNS = [re.compile(p) for p in (
    r"\b[A-Z][\w’'-]*-(?:backed|aligned|linked|led) (?:[a-z]+ ){0,2}"
    r"(?:groups?|militias?|fighters|forces|rebels|militants)\b",
    r"\bthe (?:armed forces|army|military|police|security forces|navy|air force) of "
    r"[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*",
    r"\b(?:[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}) (?:security forces|armed forces|army|police|"
    r"military|troops|soldiers|militants|rebels|fighters)\b",
    r"\b(?:militants|gunmen|insurgents|rebels|jihadists|protesters|rioters|security forces|"
    r"troops|soldiers|police officers)\b",
)]


@dataclass(frozen=True, slots=True)
class Suggestion:
    start: int
    end: int
    label: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    source: str = ""
    confidence: float | None = None  # a model's; None from the other readers
    # A span categorizer's suggestion may nest in (or hold) a span of another label, as
    # the coded spans it learnt from do.
    nests: bool = False


CORPUS_MODEL = "corpus model"
SPACY_MODEL = "spaCy model"


def suggest(text: str, *, places: Gazetteer, actors: Iterable[str] = (),
            taken: Sequence[tuple[int, int] | tuple[int, int, str]] = (), model: Any = None,
            language: str | None = None,
            model_threshold: float = DEFAULT_THRESHOLD) -> list[Suggestion]:
    """Suggestions for ``text`` that do not overlap ``taken`` ranges (or each other);
    ``language`` is the document's ISO 639-1 code, None where not known. ``model`` is
    a spaCy pipeline or a list of them; their suggestions less sure than
    ``model_threshold`` are left out. A range taken with its label (start, end, label)
    lets a nesting suggestion of another label by."""
    found: list[Suggestion] = []
    english = reads_as_english(language)
    for start, end, place in places.find(text):
        found.append(Suggestion(start, end, "location", text[start:end], place.attrs(),
                                "gazetteer"))
    for match in (_CASUALTY.finditer(text) if english else ()):
        start, end = match.start(), match.end()
        counts = parse_casualty(text[start:end], sentence_around(text, start, end))
        if counts.count_best is not None or counts.count_high is not None:
            found.append(Suggestion(start, end, "casualty", text[start:end], counts.attrs(),
                                    "casualty phrase"))
    for name in sorted(set(actors), key=len, reverse=True):
        if len(name) > 2:
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(Suggestion(match.start(), match.end(), "actor", name, {},
                                        "actor dictionary"))
    for pattern in (_ACTOR_PATTERNS if english else ()):
        for match in pattern.finditer(text):
            found.append(Suggestion(match.start(), match.end(), "actor", match.group(), {},
                                    "actor pattern"))
    pipelines = [p for p in (model if isinstance(model, list | tuple) else [model])
                 if p is not None and model_fits(p, language)]
    from_models = [s for p in pipelines for s in _from_model(p, text, model_threshold)]
    # A corpus model learnt the coders' own labels: a reader's suggestion of a label it
    # never gives (the gazetteer's "location" where coders tag "LOC") comes after its.
    known = {label for p in pipelines if is_corpus_model(p) for label in model_labels(p)}
    if known:
        found = ([s for s in found if s.label in known] + from_models
                 + [s for s in found if s.label not in known])
    else:
        found += from_models
    return _without_overlaps(found, taken)


def model_fits(model: Any, language: str | None) -> bool:
    """Whether a spaCy pipeline reads documents in ``language``: one of its own
    language, or of none known; a multi-language pipeline ("xx") reads every one."""
    lang = getattr(model, "lang", None)
    return language is None or lang in (None, "xx", language)


# spaCy NER labels as annotator's
_MODEL_LABELS = {"GPE": "location", "LOC": "location", "FAC": "location",
                 "ORG": "actor", "NORP": "actor", "PERSON": "actor"}


def _from_model(nlp: Any, text: str, threshold: float) -> list[Suggestion]:
    # A general pipeline's labels are mapped; a pipeline trained on a corpus (annotator
    # train) gives the corpus's own, kept (labels the corpus lacks are dropped later).
    own = is_corpus_model(nlp)
    source = CORPUS_MODEL if own else SPACY_MODEL
    nests = own and "spancat" in getattr(nlp, "pipe_names", ())
    found = []
    for guess in confident(guesses(nlp, text), threshold, nested=nests):
        label = guess.label if own else _MODEL_LABELS.get(guess.label, guess.label)
        found.append(Suggestion(guess.start, guess.end, label, text[guess.start:guess.end], {},
                                source, guess.confidence, nests))
    return found


def _without_overlaps(found: list[Suggestion],
                      taken: Sequence[tuple[int, int] | tuple[int, int, str]]
                      ) -> list[Suggestion]:
    """Earlier sources first (gazetteer, casualties, dictionary, patterns, model);
    a suggestion that overlaps a coded span or an earlier suggestion is dropped, but a
    nesting one only where the other has its label or its very range."""
    occupied = _Occupied([*((t[0], t[1]) for t in taken), *((s.start, s.end) for s in found)])
    by_label: dict[str, list[tuple[int, int]]] = {}
    ranges: set[tuple[int, int]] = set()
    for place in taken:
        occupied.take(place[0], place[1])
        ranges.add((place[0], place[1]))
        if len(place) > 2:
            by_label.setdefault(place[2], []).append((place[0], place[1]))  # type: ignore[misc]
    kept: list[Suggestion] = []
    for suggestion in found:
        where = (suggestion.start, suggestion.end)
        if suggestion.nests:
            free = where not in ranges and all(
                suggestion.end <= start or end <= suggestion.start
                for start, end in by_label.get(suggestion.label, ()))
        else:
            free = occupied.free(*where)
        if free:
            kept.append(suggestion)
            occupied.take(*where)
            ranges.add(where)
            by_label.setdefault(suggestion.label, []).append(where)
    return sorted(kept, key=lambda s: (s.start, s.end))


class _Occupied:
    """Which characters are taken: a byte each, so asking about a range costs its length,
    not the number of ranges taken (a long article's thousands of suggestions)."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self._taken = bytearray(max((end for _start, end in ranges), default=0))

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * max(0, end - start)

    def free(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) < 0


def whole_word_occurrences(text: str, phrase: str, skip: Sequence[tuple[int, int]] = ()
                           ) -> list[tuple[int, int]]:
    """Where ``phrase`` stands as whole words in ``text``, other than the ``skip`` ranges."""
    if not phrase.strip():
        return []
    hits = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    occupied = _Occupied([*skip, *hits])
    for start, end in skip:
        occupied.take(start, end)
    return [h for h in hits if occupied.free(*h)]
