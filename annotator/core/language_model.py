"""py3langid's model read over a whole sample at once with NumPy.

py3langid finds a text's byte n-grams by walking its automaton one byte at a time
in Python, then scores the n-grams found. Reading 2,000 characters takes about half
a millisecond, the largest part of what an import does with an article.

The automaton is an Aho-Corasick one: its state after a byte is the longest stretch
ending there that begins one of its n-grams, never longer than its longest n-gram
(``depth``, counted from the automaton when it is loaded). So the state at every
byte is the one reached from the start by the ``depth`` bytes ending there, and all
of those walks can be taken together, ``depth`` array steps in all rather than one
Python step a byte. The scores follow py3langid's own arithmetic (naive Bayes over
the n-grams' log counts, scaled by the square root of the length, as probabilities,
scripts' aliases folded), so the shares are its own; ``tests/core/test_language_model.py``
holds them equal to ``rank``'s on texts in many languages.

A py3langid whose model is laid out otherwise (older releases), or whose reading
here differs from its own on a sample, is read by its own ``rank``: ``reader``
gives None, and ``language.detect`` uses that.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

import numpy as np


class ModelReader:
    """Each language's share of a text, as ``LanguageIdentifier.rank`` gives them, with
    labels mapped through ``merged`` (varieties counted under their language)."""

    def __init__(self, identifier: Any, merged: Mapping[str, str]) -> None:
        moves = identifier.tk_nextmove
        self._moves = np.frombuffer(moves, dtype=moves.typecode)  # the model's own memory
        self._rows = np.asarray(identifier.tk_row, dtype=np.int64) << 8
        self._features = np.asarray(identifier.tk_output, dtype=np.int64)
        # Widened once (57 MB): NumPy widens half floats a value at a time, and
        # widening a text's rows each time cost more than the rest of its read.
        self._per_feature = np.asarray(identifier.nb_ptc, dtype=np.float32)
        self._prior = np.asarray(identifier.nb_pc, dtype=np.float32)
        self._normalised = bool(identifier._norm_probs)
        classes = list(identifier.nb_classes)
        self.labels = list(dict.fromkeys(merged.get(label, label) for label in classes))
        # A column's label after merging; a script's alias column (srl beside sr)
        # adds to its label's share like any other column of that label.
        self._label_of = np.asarray([self.labels.index(merged.get(label, label))
                                     for label in classes], dtype=np.int64)
        self.depth = _depth(self._moves, self._rows)

    def shares(self, text: str) -> np.ndarray:
        """The share of each of ``labels`` in ``text`` (they add up to 1)."""
        data = _encoded(text)
        scores = self._scores(data)
        if self._normalised:
            scores *= np.float32(1.0 / np.sqrt(len(data) or 1))
            np.exp(scores - scores.max(), out=scores)
            scores /= scores.sum()
        return np.bincount(self._label_of, weights=scores, minlength=len(self.labels))

    def _scores(self, data: bytes) -> np.ndarray:
        found = self._feature_counts(data)
        if found is None:  # no n-gram of the model: every language alike
            return np.zeros(len(self._label_of), dtype=np.float32)
        features, counts = found
        counted = np.log1p(counts.astype(np.float32))
        return counted @ self._per_feature[features] + self._prior

    def _feature_counts(self, data: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        size = len(data)
        if not size:
            return None
        letters = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
        states = np.zeros(size, dtype=np.int64)
        # Step by step, every place walks one more of the bytes ending at it; a place
        # nearer the start than the depth starts later, from its first byte.
        for later in range(min(self.depth, size) - 1, -1, -1):
            states[later:] = self._moves[self._rows[states[later:]] + letters[:size - later]]
        features = self._features[states]
        features = features[features >= 0]
        if not features.size:
            return None
        # In the order first found, as py3langid sums them: float32 sums in another
        # order differ in their last places, and a share near a threshold with them.
        found, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first)
        return found[order], counts[order]


def _encoded(text: str) -> bytes:
    """The bytes py3langid reads of a text: lower case if it is all upper case, NFC."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


def _depth(moves: np.ndarray, rows: np.ndarray) -> int:
    """The automaton's longest path from its start to a state first reached: its longest
    n-gram, in bytes."""
    seen = np.zeros(len(rows), dtype=bool)
    seen[0] = True
    frontier, depth = np.zeros(1, dtype=np.int64), 0
    every_byte = np.arange(256, dtype=np.int64)
    while True:
        # States sharing a row of moves go where it says: each row is followed once.
        bases = np.unique(rows[frontier])
        reached = np.zeros(len(rows), dtype=bool)
        reached[moves[(bases[:, None] + every_byte).ravel()]] = True
        reached &= ~seen
        if not reached.any():
            return depth
        seen |= reached
        frontier, depth = np.flatnonzero(reached), depth + 1


def reader(identifier: Any, merged: Mapping[str, str]) -> ModelReader | None:
    """A reader of ``identifier``'s model, or None when its model is not laid out as
    this reads it, or reads otherwise than its own ``rank`` (it is then read by that)."""
    try:
        model = ModelReader(identifier, merged)
        return model if _agrees(model, identifier, merged) else None
    except Exception:  # another release's layout, whatever it fails with: its own way
        return None


# Read both ways when a reader is made: a layout that loads but means something else
# shows here rather than in the languages stored.
_CHECKED = ("Trois personnes ont été tuées lundi à Gao. Three people were killed on "
            "Monday. Drei Menschen wurden getötet. قتل ثلاثة أشخاص. Погибли три человека.")


def _agrees(model: ModelReader, identifier: Any, merged: Mapping[str, str]) -> bool:
    expected: dict[str, float] = {}
    for label, share in identifier.rank(_CHECKED):
        key = merged.get(label, label)
        expected[key] = expected.get(key, 0.0) + share
    got = dict(zip(model.labels, model.shares(_CHECKED).tolist(), strict=True))
    return set(got) == set(expected) and all(abs(got[k] - expected[k]) < 1e-6 for k in got)
