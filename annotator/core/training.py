"""A model that learns from the coders: a spaCy pipeline trained on the corpus's own
coded spans, on the CPU, from a blank language (nothing downloaded), or from a
pipeline the user installed (its tokenizer, its other components and its word vectors
kept; the new component learns alone).

It is an entity recogniser, or a span categorizer where the coders' spans overlap (an
entity recogniser takes one span a word). The coded documents are split by a hash of
their ids, so the same documents are held out at every run with the same seed; the
held-out share says what the model reached, label by label.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from annotator.core.model_guesses import PIECE, pieces

# Fewer coded documents than this and the held-out figures say nothing.
MIN_DOCUMENTS = 20
HELD_OUT = 0.2
EPOCHS = 10
# Documents an update learns from: small, as a corpus's first coded documents are few
# (with 8, twenty-four documents learnt nothing in twelve passes).
BATCH = 4
# Updates a training makes at least: a corpus's first twenty coded documents give five
# updates a pass, and ten passes of them learnt little; they get more passes. On
# CoNLL-2003's news, 50 coded articles at about 130 updates reached F1 0.375, at 18 and
# 25 passes (225, 312 updates) 0.49 and 0.58.
MIN_UPDATES = 300
# Convolution layers of the token encoder: two in place of spaCy's four train in 0.76
# of the time to the same F1 on news (0.636 and 0.638, 160 Reuters articles).
ENCODER_DEPTH = 2
# A span categorizer is chosen where at least this share of the coded spans overlap
# another: fewer, and the recogniser (better on flat spans) leaves those few out.
OVERLAP_SHARE = 0.02
# The longest span, in words, a span categorizer considers.
SPAN_WORDS_MAX = 12
Kind = Literal["ner", "spancat"]
SPANS_KEY = "sc"


@dataclass(frozen=True, slots=True)
class CodedText:
    """A coded document as training reads it: its id, text and (start, end, label) spans."""

    uid: str
    text: str
    spans: tuple[tuple[int, int, str], ...]
    language: str | None = None  # ISO 639-1, where known
    imported: bool = False  # labelled in a file it was imported from, not marked done here


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
    kind: Kind = "ner"
    imported: int = 0  # documents taken as coded because they came labelled from a file
    cut: int = 0  # spans left out where a very long document was read in pieces

    def lines(self) -> list[str]:
        what = ("a span categorizer (the coded spans overlap)" if self.kind == "spancat"
                else "an entity recogniser")
        out = [f"{what} trained on {self.documents - self.held_out} coded documents, "
               f"measured on {self.held_out} held out",
               f"{'label':<16} {'precision':>9} {'recall':>7} {'F1':>6}"]
        for name, score in sorted(self.labels.items()):
            out.append(f"{name:<16} {score.precision:>9.3f} {score.recall:>7.3f} "
                       f"{score.f1:>6.3f}")
        out.append(f"{'all':<16} {self.overall.precision:>9.3f} {self.overall.recall:>7.3f} "
                   f"{self.overall.f1:>6.3f}")
        if self.overlapping:
            out.append(f"{self.overlapping} spans overlapping others were left out (an entity "
                       "recogniser takes one span a word)")
        if self.cut:
            out.append(f"{self.cut} spans across the line where a very long document was cut "
                       f"into pieces of {PIECE:,} characters were left out")
        if self.imported:
            out.append(f"{self.imported} of the documents came labelled from imported files "
                       "and were taken as coded (no one has marked them otherwise here)")
        return out

    def as_meta(self) -> dict[str, Any]:
        """The report as the pipeline's meta keeps it (plain JSON)."""
        return asdict(self)

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> TrainingReport:
        """The report a pipeline's meta kept; what is missing or malformed reads as 0."""
        def score(raw: object) -> LabelScore:
            values = raw if isinstance(raw, dict) else {}
            return LabelScore(*(_number(values.get(k)) for k in ("precision", "recall", "f1")))
        labels = meta.get("labels") if isinstance(meta.get("labels"), dict) else {}
        return cls(documents=int(_number(meta.get("documents"))),
                   held_out=int(_number(meta.get("held_out"))),
                   labels={str(k): score(v) for k, v in labels.items()},
                   overall=score(meta.get("overall")),
                   overlapping=int(_number(meta.get("overlapping"))),
                   imported=int(_number(meta.get("imported"))),
                   cut=int(_number(meta.get("cut"))),
                   kind="spancat" if meta.get("kind") == "spancat" else "ner")


def _number(value: object) -> float:
    """A figure of the report; NaN, infinities and what is no number read as 0."""
    ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    return float(value) if ok else 0.0


class TooFewDocuments(ValueError):
    """Not enough coded documents to train and measure; the message says how many more."""


def held_out_ids(uids: Sequence[str], seed: int) -> set[str]:
    """The fifth of ``uids`` held out to measure on: those whose hash with the seed is
    lowest, so the same documents at every run with the same seed, and a document once
    held out stays so while the corpus grows unless newer ones hash lower."""
    def rank(uid: str) -> bytes:
        return hashlib.sha256(f"{seed}:{uid}".encode("utf-8", "surrogatepass")).digest()
    count = max(1, round(len(uids) * HELD_OUT))
    return set(sorted(uids, key=rank)[:count]) if len(uids) > 1 else set()


def choose_kind(documents: Sequence[CodedText]) -> Kind:
    """A span categorizer where enough of the coded spans overlap; else a recogniser."""
    spans = overlapping = 0
    for document in documents:
        ordered = sorted(document.spans)
        spans += len(ordered)
        reach = -1
        for start, end, _label in ordered:
            overlapping += start < reach
            reach = max(reach, end)
    return "spancat" if spans and overlapping / spans >= OVERLAP_SHARE else "ner"


def train(documents: Sequence[CodedText], *, lang: str | None = None,
          epochs: int | None = None, seed: int = 0, kind: Kind | None = None,
          hold_out: bool = True, base: str | Path | None = None,
          progress: Callable[[int, int], None] | None = None) -> tuple[Any, TrainingReport]:
    """A trained pipeline and what it reached on the held-out documents; ``kind`` None
    chooses by the spans (``choose_kind``); ``epochs`` None makes EPOCHS passes, or as
    many as MIN_UPDATES takes; ``progress(epoch, epochs)`` after each pass.
    ``hold_out`` False learns from every document and measures nothing (for a caller
    that measures on documents of its own). ``lang`` None is the documents' most common
    language (English where none is known); ``base`` names an installed pipeline (or
    its folder) to start from instead of a blank one."""
    if len(documents) < MIN_DOCUMENTS:
        raise TooFewDocuments(f"{len(documents)} coded documents; training needs at least "
                              f"{MIN_DOCUMENTS}: code {MIN_DOCUMENTS - len(documents)} more "
                              "(mark each done)")
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    kind = kind or choose_kind(documents)
    nlp = _start(spacy, base, lang or common_language(documents))
    labels = sorted({s[2] for d in documents for s in d.spans})
    component = _add_component(nlp, kind, documents, vectors=_has_vectors(nlp))
    report = TrainingReport(documents=len(documents), held_out=0, kind=kind,
                            imported=sum(d.imported for d in documents))
    out = held_out_ids([d.uid for d in documents], seed) if hold_out else set()
    train_examples, test_examples = [], []
    for whole in documents:
        parts, cut = _in_pieces(whole)
        report.cut += cut
        for document in parts:
            if kind == "spancat":
                example, dropped = _span_example(nlp, document, Example), 0
            else:
                example, dropped = _example(nlp, document, Example)
            report.overlapping += dropped
            (test_examples if whole.uid in out else train_examples).append(example)
    report.held_out = len(test_examples)
    if epochs is None:
        per_pass = -(-len(train_examples) // BATCH)
        epochs = max(EPOCHS, -(-MIN_UPDATES // per_pass))
    for label in labels:
        component.add_label(label)
    random.seed(seed)
    fix_random_seed(seed)
    name = kind
    if base is None:
        optimizer = nlp.initialize(lambda: train_examples)
    else:  # the installed components stay as they are: only the new one is initialised
        component.initialize(lambda: train_examples, nlp=nlp)
        optimizer = nlp.create_optimizer()
    for epoch in range(epochs):
        random.shuffle(train_examples)
        for start in range(0, len(train_examples), BATCH):
            nlp.update(train_examples[start:start + BATCH], drop=0.2, sgd=optimizer,
                       exclude=[n for n in nlp.pipe_names if n != name])
        if progress is not None:
            progress(epoch + 1, epochs)
    if test_examples:
        # A few at a time: parsed all at once, the held-out fifth's memory grew with the
        # corpus (a 2 MB document held out took 7 GB).
        _score(nlp.evaluate(test_examples, batch_size=BATCH), kind, report)
    nlp.meta["annotator"] = report.as_meta()
    return nlp, report


def common_language(documents: Sequence[CodedText]) -> str:
    """The language most of the documents are in (English where none is known)."""
    counts = Counter(d.language for d in documents if d.language)
    return counts.most_common(1)[0][0] if counts else "en"


class BaseUnusable(ValueError):
    """The pipeline named to start from is not installed or cannot be loaded."""


def _start(spacy: Any, base: str | Path | None, lang: str) -> Any:
    """A blank pipeline of ``lang`` (the multi-language one where spaCy lacks it), or
    the installed ``base`` without its own entity or span components."""
    if base is None:
        try:
            return spacy.blank(lang)
        except (ImportError, OSError, ValueError, KeyError):
            return spacy.blank("xx")
    if not spacy.util.is_package(str(base)) and not Path(base).is_dir():
        raise BaseUnusable(f"spaCy pipeline {base!r} is not installed; annotator never "
                           f"downloads one (install it with: python -m spacy download {base})")
    try:
        loaded = spacy.load(base)
    except Exception as exc:  # an installed folder may hold anything
        raise BaseUnusable(f"spaCy pipeline {base!r} cannot be loaded ({exc})") from exc
    for name in list(loaded.pipe_names):
        if loaded.get_pipe_meta(name).factory in ("ner", "spancat", "beam_ner") or \
                name in ("ner", "spancat"):
            loaded.remove_pipe(name)
    return loaded


def _has_vectors(nlp: Any) -> bool:
    return bool(nlp.vocab.vectors.shape[0]) and bool(nlp.vocab.vectors.shape[1])


def _tok2vec(vectors: bool) -> dict[str, Any]:
    """The new component's own token encoder: spaCy's default with ENCODER_DEPTH layers
    of convolution, and with the base pipeline's word vectors among its features where
    it has them."""
    return {"@architectures": "spacy.Tok2Vec.v2",
            "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 96,
                      "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                      "rows": [5000, 1000, 2500, 2500], "include_static_vectors": vectors},
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 96,
                       "depth": ENCODER_DEPTH, "window_size": 1, "maxout_pieces": 3}}


def _in_pieces(document: CodedText) -> tuple[list[CodedText], int]:
    """A document longer than a piece as pieces cut at line breaks (as suggestions read
    it), each with the spans inside it; and how many spans crossed a cut."""
    if len(document.text) <= PIECE:
        return [document], 0
    parts, kept = [], 0
    for offset, text in pieces(document.text):
        inside = tuple((start - offset, end - offset, label)
                       for start, end, label in document.spans
                       if offset <= start and end <= offset + len(text))
        kept += len(inside)
        parts.append(CodedText(document.uid, text, inside, document.language,
                               document.imported))
    return parts, len(document.spans) - kept


def _add_component(nlp: Any, kind: Kind, documents: Sequence[CodedText], *,
                   vectors: bool = False) -> Any:
    tok2vec = _tok2vec(vectors)
    if kind == "ner":
        return nlp.add_pipe("ner", config={"model": {
            "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
            "extra_state_tokens": False, "hidden_width": 64, "maxout_pieces": 2,
            "use_upper": True, "nO": None, "tok2vec": tok2vec}})
    longest = 1
    for document in documents:
        for start, end, _label in document.spans:
            longest = max(longest, len(nlp.make_doc(document.text[start:end])))
    sizes = list(range(1, min(longest, SPAN_WORDS_MAX) + 1))
    config: dict[str, Any] = {
        "spans_key": SPANS_KEY,
        "suggester": {"@misc": "spacy.ngram_suggester.v1", "sizes": sizes}}
    config["model"] = {
        "@architectures": "spacy.SpanCategorizer.v1",
        "reducer": {"@layers": "spacy.mean_max_reducer.v1", "hidden_size": 128},
        "scorer": {"@layers": "spacy.LinearLogistic.v1", "nO": None, "nI": None},
        "tok2vec": tok2vec}
    return nlp.add_pipe("spancat", config=config)


def _score(scores: dict[str, Any], kind: Kind, report: TrainingReport) -> None:
    prefix = "ents" if kind == "ner" else f"spans_{SPANS_KEY}"
    for name, values in (scores.get(f"{prefix}_per_type") or {}).items():
        report.labels[name] = LabelScore(values["p"], values["r"], values["f"])
    report.overall = LabelScore(scores.get(f"{prefix}_p") or 0.0,
                                scores.get(f"{prefix}_r") or 0.0,
                                scores.get(f"{prefix}_f") or 0.0)


def _span_example(nlp: Any, document: CodedText, example_class: Any) -> Any:
    """The document with every coded span, overlapping or not (expanded to whole
    words; a span no word covers is left out)."""
    doc = nlp.make_doc(document.text)
    spans = []
    for start, end, label in document.spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append((span.start_char, span.end_char, label))
    return example_class.from_dict(nlp.make_doc(document.text), {"spans": {SPANS_KEY: spans}})


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
