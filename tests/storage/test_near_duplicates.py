"""Each story once: a wire report reprinted by other outlets is marked as a copy of the
first one imported, with how alike they are, on both backends; a story on the same
event written anew is not; the threshold is the corpus's, and marks follow it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import DocumentRecord, Span
from annotator.core.near_duplicates import check_threshold, fingerprint, shingles, similarity
from annotator.formats.importing import import_paths
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import (
    FIRST_COPY,
    carried_spans,
    check_new,
    copies_of,
    duplicate_of,
    set_threshold,
    threshold,
)

WIRE = (
    "MOGADISHU, March 3 - Gunmen attacked a police station on the outskirts of Mogadishu "
    "before dawn on Sunday, killing four officers and wounding seven others, a police "
    "spokesman said. The attackers fired rocket-propelled grenades at the building and "
    "exchanged fire with officers for nearly an hour before withdrawing into the nearby "
    "farmland, residents told reporters. No group immediately claimed responsibility, but "
    "the Islamist insurgents of al Shabaab have carried out similar raids on security "
    "posts in the region this year. The spokesman said reinforcements had been sent to "
    "the district and that several suspects were detained during a search of nearby "
    "villages. Hospital staff in the capital said three of the wounded were in serious "
    "condition. The government condemned the attack and promised to hunt down those "
    "responsible. Local elders called for more troops to protect the farming villages "
    "that lie along the road to Afgooye, where traders say checkpoints have multiplied.")
# The same report as another outlet ran it: its own headline line, one word changed.
REPRINT = ("Four police officers killed in dawn raid near capital\n\n"
           + WIRE.replace("nearly an hour", "almost an hour"))
# Cut short by an editor: the last three sentences gone.
TRIMMED = WIRE[:WIRE.index(" The government condemned")]
# The same event in a reporter's own words: not a copy.
OWN_WORDS = (
    "Four officers died when a police post near Mogadishu came under fire early on Sunday. "
    "According to witnesses, the attackers used grenades and rifles and fought the police "
    "for close to an hour. Seven more officers were hurt. Al Shabaab, which has attacked "
    "several security posts this year, has not commented. Troops were sent to the area "
    "and some people were arrested in nearby villages, officials said, while elders "
    "asked for better protection along the Afgooye road.")


def _add(corpus: Corpus, *texts: str) -> list[int]:
    results = add_documents(corpus, [DocumentRecord(text=t, uid=f"d{i}")
                                     for i, t in enumerate(texts, start=1)])
    return [r.doc_id for r in results]


def test_a_reprint_is_alike_and_a_story_in_other_words_is_not():
    wire = fingerprint(WIRE).signature
    assert similarity(wire, fingerprint(REPRINT).signature) >= 0.8
    assert 0.5 <= similarity(wire, fingerprint(TRIMMED).signature) < 0.8
    assert similarity(wire, fingerprint(OWN_WORDS).signature) < 0.1


def test_copies_are_marked_as_of_the_first_with_their_similarity(any_corpus: Corpus):
    first, own, reprint, trimmed = _add(any_corpus, WIRE, OWN_WORDS, REPRINT, TRIMMED)
    report = check_new(any_corpus)
    assert (report.checked, report.marked) == (4, 1)
    mark = duplicate_of(any_corpus, reprint)
    assert mark is not None and mark.original_id == first and mark.original_uid == "d1"
    assert 0.8 <= mark.similarity <= 1.0
    assert duplicate_of(any_corpus, own) is None
    assert duplicate_of(any_corpus, first) is None
    assert duplicate_of(any_corpus, trimmed) is None  # below the default 0.8
    assert copies_of(any_corpus, first) == [(reprint, mark.similarity)]


def test_the_threshold_is_the_corpus_s_and_marks_follow_it(any_corpus: Corpus):
    first, _own, reprint, trimmed = _add(any_corpus, WIRE, OWN_WORDS, REPRINT, TRIMMED)
    check_new(any_corpus)
    report = set_threshold(any_corpus, 0.5)
    assert report.marked == 2 and threshold(any_corpus) == 0.5
    assert duplicate_of(any_corpus, trimmed).original_id == first
    set_threshold(any_corpus, 0.99)
    assert duplicate_of(any_corpus, trimmed) is None
    assert duplicate_of(any_corpus, reprint) is None or duplicate_of(any_corpus, reprint).similarity >= 0.99
    reopened = Corpus.open(any_corpus.path)
    try:
        assert threshold(reopened) == 0.99
    finally:
        reopened.close()


def test_the_similarity_shown_is_close_to_the_share_of_phrases_the_texts_share():
    sentences = WIRE.split(". ")
    for cut in range(2, len(sentences)):
        shorter = ". ".join(sentences[:cut])
        a, b = set(shingles(WIRE).tolist()), set(shingles(shorter).tolist())
        exact = len(a & b) / len(a | b)
        estimate = similarity(fingerprint(WIRE).signature, fingerprint(shorter).signature)
        assert abs(estimate - exact) <= 0.12, (cut, exact, estimate)


@pytest.mark.parametrize("value", [0.49, 1.01, -1.0, float("nan")])
def test_a_threshold_that_cannot_be_met_is_refused_with_the_range(value: float):
    with pytest.raises(ValueError, match=r"between 0\.5 and 1\.0"):
        check_threshold(value)


def test_a_new_import_is_compared_with_the_corpus_without_reading_its_texts(tmp_path: Path):
    corpus = Corpus.open(tmp_path / "c.db")
    _add(corpus, WIRE, OWN_WORDS)
    check_new(corpus)
    reads: list[str] = []
    corpus.db.conn.set_trace_callback(reads.append)
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps({"id": "n1", "text": REPRINT}) + "\n", encoding="utf-8")
    summary = import_paths(corpus, [source])
    corpus.db.conn.set_trace_callback(None)
    assert summary.near.marked == 1
    assert any("near duplicate" in line or "repeat an earlier story" in line
               for line in summary.lines())
    # The texts read are the new document's alone; the old ones' signatures are looked up
    # by band key.
    text_reads = [sql for sql in reads if "d.text" in sql or "SELECT text" in sql]
    assert all("d.id > " in sql for sql in text_reads), text_reads
    assert duplicate_of(corpus, corpus.document_ids()[-1]).original_uid == "d1"
    corpus.close()


def test_documents_stored_before_fingerprints_existed_are_compared_at_the_next_import(
        tmp_path: Path):
    corpus = Corpus.open(tmp_path / "c.db")
    first, _own = _add(corpus, WIRE, OWN_WORDS)  # stored without a check, as an old release
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps({"id": "n1", "text": REPRINT}) + "\n", encoding="utf-8")
    import_paths(corpus, [source])
    assert duplicate_of(corpus, corpus.document_ids()[-1]).original_id == first
    corpus.close()


def test_a_short_text_is_never_marked(any_corpus: Corpus):
    _add(any_corpus, "Police said nothing.", "Police said nothing more.", "Police said nothing.!")
    report = check_new(any_corpus)
    assert report.marked == 0 and report.short == 3
    assert "fewer than 20 words" in " ".join(report.lines())


def test_the_first_copy_s_spans_are_carried_where_the_copy_has_them(any_corpus: Corpus):
    first, reprint = _add(any_corpus, WIRE, REPRINT)
    check_new(any_corpus)
    copy_text = any_corpus.document(reprint).text
    wanted = [("Gunmen", "actor"), ("four officers", "casualty"), ("Mogadishu", "location"),
              ("nearly an hour", "casualty")]  # the last: rewritten in the copy
    for words, label in wanted:
        start = WIRE.index(words)
        any_corpus.insert_span(Span(start, start + len(words), label, words, "ana",
                                    attrs={"note": "ana's own"}, doc_id=first))
    result = carried_spans(any_corpus, reprint, "ben")
    assert result.left == 1
    placed = {(s.text, s.label) for s in result.made}
    assert placed == {("Gunmen", "actor"), ("four officers", "casualty"),
                      ("Mogadishu", "location")}
    for span in result.made:
        assert copy_text[span.start:span.end] == span.text
        assert span.origin == "suggested" and span.coder == "ben"
        assert span.attrs["suggested_by"] == FIRST_COPY and "note" not in span.attrs
    # A word the text has many times goes to the same mention of it, though the copy's
    # headline adds one before it.
    second = WIRE.index("police", WIRE.index("police") + 1)
    any_corpus.insert_span(Span(second, second + 6, "actor", "police", "ana", doc_id=first))
    again = carried_spans(any_corpus, reprint, "ben")
    [police] = [s for s in again.made if s.text == "police"]
    assert copy_text[police.start - 10:police.end] == WIRE[second - 10:second + 6]
    assert copy_text.count("police", 0, police.start) == 2  # headline's, station's
    for span in again.made:
        any_corpus.insert_span(span)
    assert carried_spans(any_corpus, reprint, "ben").already == 4


def test_a_document_that_is_no_copy_carries_nothing(any_corpus: Corpus):
    _first, own = _add(any_corpus, WIRE, OWN_WORDS)
    check_new(any_corpus)
    assert carried_spans(any_corpus, own, "ben") is None
