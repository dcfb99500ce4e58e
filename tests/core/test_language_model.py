"""The detector's model read with NumPy gives py3langid's own shares: on reports in
many languages and scripts, real news files, all-capital and featureless text, and
random text; and ``detect`` tells the same language either way."""

from __future__ import annotations

import random
from collections import Counter
from functools import cache

import pytest

from annotator.core import language
from annotator.core.language_model import ModelReader, reader
from annotator.formats.base import ReadDocument, ReadOptions
from annotator.formats.registry import READERS, format_for
from tests.conftest import SHARED_DATA
from tests.core.test_language import REPORTS

NEWS = SHARED_DATA / "real" / "news"


@cache
def _real_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(NEWS.glob("*/*")) if NEWS.is_dir() else []:
        fmt = format_for(path, "auto")
        if fmt is None:
            continue
        try:
            texts += [item.record.text for item in READERS[fmt](path, ReadOptions())
                      if isinstance(item, ReadDocument)]
        except Exception:  # a reader's own refusal is another test's business
            continue
    return texts


def _random_texts(count: int) -> list[str]:
    rng = random.Random(20)
    alphabets = ["abcdefghij klmnop", "абвгдежзий клмн", "ابتثجحخدذ رزسش", "αβγδε ζηθ",
                 "一二三四五六七八九十", "aé ü€\u0301\u200b\U0001f600\n\t"]
    return ["".join(rng.choice(rng.choice(alphabets)) for _ in range(rng.randint(0, 2500)))
            for _ in range(count)]


TEXTS = [*REPORTS.values(), "", "12345", "ATTAQUE À GAO: DOUZE MORTS SELON LA POLICE",
         "x", "ab" * 3000, *_random_texts(40)]


@pytest.fixture(scope="module")
def model() -> ModelReader:
    found = language._model_reader()
    assert found is not None, "the installed py3langid's model is not the layout read here"
    return found


def _ranked(text: str) -> Counter[str]:
    shares: Counter[str] = Counter()
    for label, share in language._identifier().rank(text):
        shares[language._VARIETIES.get(label, label)] += share
    return shares


def _same_shares(model: ModelReader, text: str) -> None:
    expected = _ranked(text)
    got = dict(zip(model.labels, model.shares(text).tolist(), strict=True))
    assert set(got) == set(expected)
    assert max(abs(got[label] - expected[label]) for label in got) < 1e-6
    if expected.most_common(1)[0][1] > 0.5:  # a clear first: the same one
        assert max(got, key=got.__getitem__) == expected.most_common(1)[0][0]


@pytest.mark.parametrize("index", range(len(TEXTS)))
def test_the_shares_are_py3langid_s(model: ModelReader, index: int) -> None:
    _same_shares(model, TEXTS[index][: language.SAMPLE])


def test_the_shares_of_real_news_are_py3langid_s(model: ModelReader) -> None:
    texts = _real_texts()
    if not texts:
        pytest.skip(f"{NEWS} is absent")
    for text in texts:
        _same_shares(model, text[: language.SAMPLE])


def test_the_n_grams_found_are_py3langid_s(model: ModelReader) -> None:
    visit_counts = pytest.importorskip("py3langid.langid").visit_counts
    identifier = language._identifier()
    for text in TEXTS:
        data = identifier._encode(text)
        expected = visit_counts(identifier.tk_nextmove, identifier._rowbase,
                                identifier.tk_output, data) or Counter()
        found = model._feature_counts(data)
        got = {} if found is None else dict(zip(*(a.tolist() for a in found), strict=True))
        assert got == dict(expected)


def test_detect_tells_the_same_language_without_the_numpy_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*TEXTS, *_real_texts()]
    read: list[str] = []
    real = language._model_reader

    def numpy_reading() -> ModelReader | None:
        read.append("numpy")
        return real()

    monkeypatch.setattr(language, "_READ_BEFORE_NUMPY", 0)
    monkeypatch.setattr(language, "_model_reader", numpy_reading)
    fast = [language.detect(text) for text in texts]
    assert read  # the texts were read the NumPy way
    monkeypatch.setattr(language, "_model_reader", lambda: None)
    assert [language.detect(text) for text in texts] == fast
    assert {"en", "fr", "ar", "ru"} <= set(fast)


def test_a_few_texts_are_read_by_py3langid_s_own_way_and_many_the_numpy_way(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Setting the NumPy reading up costs a fifth of a second: not for an import of a few.
    made: list[int] = []
    real = language._model_reader
    monkeypatch.setattr(language, "_read_so_far", 0)
    monkeypatch.setattr(language, "_model_reader", lambda: made.append(1) or real())
    for _ in range(language._READ_BEFORE_NUMPY):
        assert language.detect(REPORTS["fr"]) == "fr"
    assert made == []
    assert language.detect(REPORTS["fr"]) == "fr" and made == [1]


def test_a_model_laid_out_otherwise_is_read_by_its_own_rank() -> None:
    class Older:  # an identifier without the arrays this reads
        nb_classes = ("en",)

    assert reader(Older(), {}) is None


def test_a_model_read_otherwise_than_its_own_rank_is_read_by_rank() -> None:
    identifier = language._identifier()
    assert reader(identifier, language._VARIETIES) is not None

    class Shifted:  # the same arrays, but a rank that scores otherwise
        def __getattr__(self, name: str) -> object:
            return getattr(identifier, name)

        def rank(self, text: str) -> list[tuple[str, float]]:
            return [(label, share * 0.5) for label, share in identifier.rank(text)]

    assert reader(Shifted(), language._VARIETIES) is None

