"""Each source's acceptance attacked where coders code the same document twice (for
agreement): every coder's decision counts, on both backends."""

from __future__ import annotations

import pytest

from annotator.core.commands import RejectSuggestion
from annotator.storage.corpus import Corpus
from tests.storage.test_suggestion_rates import accepted, add, rates, suggestion


@pytest.fixture
def corpus(any_corpus: Corpus) -> Corpus:
    return any_corpus


def test_two_coders_rejecting_the_same_suggestion_count_twice(corpus: Corpus):
    doc_id = add(corpus)
    for coder in ("alice", "bob"):  # both ran Suggest on the document they both code
        gao = suggestion(corpus, doc_id, "Gao", "location", "gazetteer", coder=coder)
        camp = suggestion(corpus, doc_id, "Camp Tamarisk", "location", "gazetteer",
                          coder=coder)
        accepted(corpus, camp)
        RejectSuggestion(gao).apply(corpus)
    assert rates(corpus) == {"gazetteer": (2, 2, 0)}  # 50%, not 67%
    assert rates(corpus, "bob") == {"gazetteer": (1, 1, 0)}


def test_one_coder_undoing_a_rejection_keeps_the_others(corpus: Corpus):
    doc_id = add(corpus)
    alices = suggestion(corpus, doc_id, "Gao", "location", "gazetteer", coder="alice")
    bobs = suggestion(corpus, doc_id, "Gao", "location", "gazetteer", coder="bob")
    RejectSuggestion(alices).apply(corpus)
    undo = RejectSuggestion(bobs).apply(corpus)
    undo.apply(corpus)  # bob changes his mind: his suggestion pending again
    assert rates(corpus, "alice") == {"gazetteer": (0, 1, 0)}  # alice's still stands
