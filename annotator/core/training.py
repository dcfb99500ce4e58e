"""A model that learns from the coders: a spaCy entity recogniser trained on the
corpus's own coded spans, on the CPU, from a blank pipeline (nothing downloaded).

The coded documents are split by a hash of their ids, so the same documents are held
out at every run with the same seed; the held-out share says what the model reached,
label by label.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Fewer coded documents than this and the held-out figures say nothing.
MIN_DOCUMENTS = 20
HELD_OUT = 0.2
EPOCHS = 10
# Documents an update learns from: small, as a corpus's first coded documents are few
# (with 8, twenty-four documents learnt nothing in twelve passes).
BATCH = 4


@dataclass(frozen=True, slots=True)
class CodedText:
    """A coded document as training reads it: its id, text and (start, end, label) spans."""

    uid: str
    text: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass
class LabelScore:
    precision: float
    recall: float
    f1: float


@dataclass
class TrainingReport:
    documents: int
    held_out: int
    labels: dict[str, LabelScore] = field(default_factory=dict)
    overall: LabelScore = field(default_factory=lambda: LabelScore(0.0, 0.0, 0.0))
    overlapping: int = 0  # spans left out: an entity recogniser takes no overlaps

    def lines(self) -> list[str]:
        out = [f"trained on {self.documents - self.held_out} coded documents, measured on "
               f"{self.held_out} held out",
               f"{'label':<16} {'precision':>9} {'recall':>7} {'F1':>6}"]
        for name, score in sorted(self.labels.items()):
            out.append(f"{name:<16} {score.precision:>9.3f} {score.recall:>7.3f} "
                       f"{score.f1:>6.3f}")
        out.append(f"{'all':<16} {self.overall.precision:>9.3f} {self.overall.recall:>7.3f} "
                   f"{self.overall.f1:>6.3f}")
        if self.overlapping:
            out.append(f"{self.overlapping} spans overlapping others were left out (an entity "
                       "recogniser takes one span a word)")
        return out


class TooFewDocuments(ValueError):
    """Not enough coded documents to train and measure; the message says how many more."""


def held_out(uid: str, seed: int) -> bool:
    """Whether the document ``uid`` is in the held-out share (the same at every run)."""
    digest = hashlib.sha256(f"{seed}:{uid}".encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < HELD_OUT


def train(documents: Sequence[CodedText], *, lang: str = "en", epochs: int = EPOCHS,
          seed: int = 0) -> tuple[Any, TrainingReport]:
    """A trained pipeline and what it reached on the held-out documents."""
    if len(documents) < MIN_DOCUMENTS:
        raise TooFewDocuments(f"{len(documents)} coded documents; training needs at least "
                              f"{MIN_DOCUMENTS}: code {MIN_DOCUMENTS - len(documents)} more "
                              "(mark each done)")
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    nlp = spacy.blank(lang)
    ner = nlp.add_pipe("ner")
    report = TrainingReport(documents=len(documents), held_out=0)
    train_examples, test_examples = [], []
    for document in documents:
        example, dropped = _example(nlp, document, Example)
        report.overlapping += dropped
        (test_examples if held_out(document.uid, seed) else train_examples).append(example)
    if not test_examples or not train_examples:  # a small corpus: hold out its last fifth
        everything = train_examples + test_examples
        cut = max(1, len(everything) // 5)
        train_examples, test_examples = everything[:-cut], everything[-cut:]
    report.held_out = len(test_examples)
    for label in sorted({s[2] for d in documents for s in d.spans}):
        ner.add_label(label)
    random.seed(seed)
    fix_random_seed(seed)
    nlp.initialize(lambda: train_examples)
    for _epoch in range(epochs):
        random.shuffle(train_examples)
        for start in range(0, len(train_examples), BATCH):
            nlp.update(train_examples[start:start + BATCH], drop=0.2)
    scores = nlp.evaluate(test_examples)
    for name, values in (scores.get("ents_per_type") or {}).items():
        report.labels[name] = LabelScore(values["p"], values["r"], values["f"])
    report.overall = LabelScore(scores.get("ents_p") or 0.0, scores.get("ents_r") or 0.0,
                                scores.get("ents_f") or 0.0)
    return nlp, report


def _example(nlp: Any, document: CodedText, example_class: Any) -> tuple[Any, int]:
    """The document as a spaCy training example; the spans that overlap a longer one
    are left out (counted)."""
    doc = nlp.make_doc(document.text)
    taken: list[tuple[int, int]] = []
    entities = []
    dropped = 0
    for start, end, label in sorted(document.spans, key=lambda s: (s[0] - s[1], s[0])):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None or any(span.start < e and s < span.end for s, e in taken):
            dropped += 1
            continue
        taken.append((span.start, span.end))
        entities.append(span)
    entities.sort(key=lambda span: span.start)
    return example_class.from_dict(nlp.make_doc(document.text), {"entities": [
        (span.start_char, span.end_char, span.label_) for span in entities]}), dropped
