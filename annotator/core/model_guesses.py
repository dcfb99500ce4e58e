"""What a spaCy pipeline proposes for a text, each proposal with how sure it is.

An entity recogniser is read with a beam: the parses it weighs give each entity the
share of their probability in which it appears. A span categorizer scores every span
it considers. Either way the proposals below a threshold are not shown, and the ones
the model is least sure of say how much a coder would teach it by coding the text
(``expected_mistakes``). A pipeline of neither kind gives its entities with no
confidence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Parses weighed at once, and the least share of the best one a parse keeps to stay in
# the beam. Suggesting, 4: as good as 8 on news (F1 0.693 and 0.695, 200 Reuters
# articles) in 0.85 of its time. Measuring doubt, in the background, 8: its
# confidences are finer (on 5 KB of news it kept the spans 16 kept at 0.5).
BEAM_WIDTH = 4
DOUBT_BEAM_WIDTH = 8
BEAM_DENSITY = 0.0001
# A span categorizer keeps its spans this sure or more, so the doubtful ones are seen.
SPAN_FLOOR = 0.05
# Texts are read in pieces of at most this many characters (cut at a line or a space),
# so a very long document neither passes spaCy's length limit nor fills the memory.
PIECE = 50_000
DEFAULT_THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class Guess:
    start: int
    end: int
    label: str
    confidence: float | None  # None: the pipeline does not say


def is_corpus_model(nlp: Any) -> bool:
    """Whether the pipeline was trained on a corpus by annotator (its meta says so)."""
    return isinstance(getattr(nlp, "meta", None), dict) and "annotator" in nlp.meta


def guesses(nlp: Any, text: str, *, beam_width: int = BEAM_WIDTH) -> list[Guess]:
    """Every span the pipeline weighs in ``text``, with its confidence (an entity
    recogniser's from a beam of ``beam_width`` parses)."""
    found: list[Guess] = []
    for offset, piece in pieces(text):
        found += [Guess(g.start + offset, g.end + offset, g.label, g.confidence)
                  for g in _piece_guesses(nlp, piece, beam_width)]
    return found


def model_labels(nlp: Any) -> set[str]:
    """The labels the pipeline's recogniser or categorizer gives (none if neither)."""
    component = _reader(nlp)
    return set(component[1].labels) if component is not None else set()


def confident(found: Sequence[Guess], threshold: float, *, nested: bool = False
              ) -> list[Guess]:
    """The guesses at least ``threshold`` sure (those without a confidence kept), the
    surest first where they overlap (``nested``: where they overlap one of their label);
    in text order."""
    kept: list[Guess] = []
    ranked = sorted(found, key=lambda g: (-(1.0 if g.confidence is None else g.confidence),
                                          g.start, g.end))
    for guess in ranked:
        if guess.confidence is not None and guess.confidence < threshold:
            continue
        if all(guess.end <= k.start or k.end <= guess.start
               or (nested and k.label != guess.label) for k in kept):
            kept.append(guess)
    return sorted(kept, key=lambda g: (g.start, g.end))


def expected_mistakes(found: Sequence[Guess]) -> float:
    """How many of its calls on this text the model expects to get wrong: a span it is
    ``p`` sure of is wrong with chance 1 - p if shown and p if not, whichever is less."""
    return sum(min(g.confidence, 1.0 - g.confidence) for g in found
               if g.confidence is not None)


def pieces(text: str, size: int = PIECE) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most ``size`` characters, each with its offset, cut at
    the last line break (or else space) before the limit."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, text[start:end]
        start = end


def _piece_guesses(nlp: Any, text: str, beam_width: int) -> list[Guess]:
    component = _reader(nlp)
    if component is None:
        return [Guess(e.start_char, e.end_char, e.label_, None) for e in nlp(text).ents]
    kind, pipe = component
    if kind == "spancat":
        return _span_guesses(nlp, pipe, text)
    return _entity_guesses(nlp, pipe, text, beam_width)


def _reader(nlp: Any) -> tuple[str, Any] | None:
    """The pipeline's span categorizer or entity recogniser, and which it is."""
    from spacy.pipeline import EntityRecognizer, SpanCategorizer

    for _name, pipe in nlp.pipeline:
        if isinstance(pipe, SpanCategorizer):
            return "spancat", pipe
    for _name, pipe in nlp.pipeline:
        if isinstance(pipe, EntityRecognizer):
            return "ner", pipe
    return None


def _entity_guesses(nlp: Any, ner: Any, text: str, beam_width: int) -> list[Guess]:
    doc = nlp.make_doc(text)
    if not len(doc):
        return []
    for _name, pipe in nlp.pipeline:  # what the recogniser listens to runs first
        if pipe is ner:
            break
        doc = pipe(doc)
    beams = ner.beam_parse([doc], beam_width=beam_width, beam_density=BEAM_DENSITY)
    scored = ner.scored_ents(beams)[0]
    return [Guess(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label,
                  min(1.0, max(0.0, float(score))))
            for (start, end, label), score in scored.items() if end > start]


def _span_guesses(nlp: Any, spancat: Any, text: str) -> list[Guess]:
    threshold = spancat.cfg.get("threshold")
    spancat.cfg["threshold"] = SPAN_FLOOR
    try:
        doc = nlp(text)
    finally:
        spancat.cfg["threshold"] = threshold
    group = doc.spans.get(spancat.key, [])
    scores = getattr(group, "attrs", {}).get("scores")
    found = []
    for index, span in enumerate(group):
        score = None if scores is None else float(scores[index])
        found.append(Guess(span.start_char, span.end_char, span.label_, score))
    return found
