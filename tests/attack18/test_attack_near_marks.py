"""Near-duplicate marks attacked: a threshold change stopped part way, a copy of a copy,
a Chinese wire brief, two imports whose documents interleave."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import cli
from annotator.core.model import DocumentRecord, Span
from annotator.core.near_duplicates import fingerprint
from annotator.formats.importing import import_paths
from annotator.storage.bulk import add_documents
from annotator.storage.corpus import Corpus
from annotator.storage.near_duplicates import (
    NewDocuments,
    carried_spans,
    check_new,
    duplicate_of,
    recheck,
    set_threshold,
    threshold,
)
from tests.storage.test_near_duplicates import OWN_WORDS, REPRINT, TRIMMED, WIRE


def _run(*args: object):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        repr(result.exception)
    return result


def _marks(corpus: Corpus) -> set[tuple[int, int]]:
    return {(a, b) for a, b in corpus.db.fetch_all(
        "SELECT doc_id, original_id FROM near_duplicates")}


def _add(corpus: Corpus, *texts: str, prefix: str = "d") -> list[int]:
    return [r.doc_id for r in add_documents(
        corpus, [DocumentRecord(text=t, uid=f"{prefix}{n}") for n, t in enumerate(texts, 1)])]


def test_a_stopped_threshold_change_leaves_marks_that_agree_with_the_threshold(tmp_path: Path):
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        _first, _own, _reprint, trimmed = _add(corpus, WIRE, OWN_WORDS, REPRINT, TRIMMED)
        check_new(corpus)
        # `annotator duplicates --threshold 0.5` and Ctrl+C at once: the command's own
        # cancel callback, asked before the first chunk is compared.
        set_threshold(corpus, 0.5, cancelled=lambda: True)
        stored = threshold(corpus)
    # The coder runs the command again, as its stop message invites.
    again = _run("duplicates", path, "--list")
    assert again.exit_code == 0, again.output
    with Corpus.open(path) as corpus:
        shown = threshold(corpus)
        marks = _marks(corpus)
        recheck(corpus)
        # The stop left the threshold as it was (the new one is stored with its marks),
        # and the marks agree with the threshold shown.
        assert stored == shown == 0.8
        assert marks == _marks(corpus), (
            f"marks at threshold {shown} after the stop: {sorted(marks)}, "
            f"found whole: {sorted(_marks(corpus))}; trimmed copy is {trimmed}")


def _chain() -> tuple[str, str, str]:
    """A wire story, an outlet's edit of it, and an edit of that edit: each like the one
    before at about 0.77-0.8, the last like the first at about 0.6."""
    words = WIRE.split(" ")
    second = [w + "s" if i in (20, 60, 100, 140) else w for i, w in enumerate(words)]
    third = [w + "x" if i in (40, 80, 120) else w for i, w in enumerate(second)]
    return WIRE, " ".join(second), " ".join(third)


def test_a_copy_of_a_copy_points_at_the_coded_first_copy(tmp_path: Path):
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        first, second, third = _add(corpus, *_chain())
        check_new(corpus)
        set_threshold(corpus, 0.7)
        assert duplicate_of(corpus, second).original_id == first
        mark = duplicate_of(corpus, third)
        assert mark is not None, "the third copy is not marked at all"
        start = WIRE.index("Gunmen")
        corpus.insert_span(Span(start, start + 6, "actor", "Gunmen", "ana", doc_id=first))
        carried = carried_spans(corpus, third, "ben")
        # The coder codes the first copy; the third has the same words there.
        assert duplicate_of(corpus, mark.original_id) is None, (
            f"document {third} is marked a copy of {mark.original_id}, itself a copy of "
            f"{duplicate_of(corpus, mark.original_id).original_id}")
        assert [s.text for s in carried.made] == ["Gunmen"]


# A Xinhua-style brief of 243 characters (as much news as about 150 English words),
# and an outlet's reprint of it under its own headline.
CHINESE = (
    "新华社摩加迪沙3月3日电 索马里警方3日说，武装分子当天凌晨袭击了首都摩加迪沙郊区的一个警察局，"
    "造成4名警察死亡、7人受伤。警方发言人说，袭击者向警察局发射火箭推进榴弹，并与警察交火近一个小时"
    "后撤入附近农田。目前尚无组织宣称对袭击负责，但索马里青年党今年以来曾多次袭击该地区的安全哨所。"
    "发言人说，增援部队已被派往该地区，在附近村庄的搜查中拘留了数名嫌疑人。首都医院工作人员说，"
    "3名伤者伤势严重。政府谴责了这次袭击，并承诺追捕凶手。当地长老呼吁派遣更多部队保护通往阿夫戈耶"
    "公路沿线的农村。")
CHINESE_REPRINT = "索马里首都附近警察局遇袭4名警察死亡\n\n" + CHINESE


def test_a_reprinted_chinese_wire_brief_is_marked(tmp_path: Path):
    source = tmp_path / "zh.jsonl"
    source.write_text("".join(json.dumps({"id": uid, "text": text}, ensure_ascii=False) + "\n"
                              for uid, text in (("xh1", CHINESE), ("pd1", CHINESE_REPRINT))),
                      encoding="utf-8")
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [source])
        assert summary.added == 2
        assert fingerprint(CHINESE).keys, "the brief is judged too short to compare"
        assert summary.near.marked == 1, summary.lines()


def test_a_reprint_stored_while_its_original_waits_for_its_fingerprint_is_marked(
        tmp_path: Path):
    path = tmp_path / "c.sqlite"
    reprints = tmp_path / "reprints.jsonl"
    reprints.write_text(json.dumps({"id": "r1", "text": REPRINT}) + "\n", encoding="utf-8")
    Corpus.open(path).close()
    other = Corpus.open(path)  # the other import's own connection, as another process has
    try:
        originals: list[int] = []

        def other_import_stores_a_batch() -> bool:
            # What _Batches._store_first of the other import does first: the batch's
            # documents, committed; their fingerprints come in the next transaction.
            if not originals:
                originals.extend(_add(other, WIRE, OWN_WORDS, prefix="o"))
            return False

        with Corpus.open(path) as corpus:
            summary = import_paths(corpus, [reprints], cancelled=other_import_stores_a_batch)
            assert summary.added == 1
            # The other import's fingerprints are stored now.
            NewDocuments(other).store([(doc, fingerprint(text)) for doc, text in
                                       zip(originals, (WIRE, OWN_WORDS), strict=True)])
        checked = _run("duplicates", path, "--list", "--json")
        assert checked.exit_code == 0, checked.output
        listed = [json.loads(line) for line in checked.stdout.splitlines()]
        assert [(r["doc"], r["duplicate_of"]) for r in listed] == [("r1", "o1")]
    finally:
        other.close()


def test_marks_made_with_another_fingerprint_version_are_made_again(tmp_path: Path):
    path = tmp_path / "c.sqlite"
    with Corpus.open(path) as corpus:
        first, own, reprint, _trimmed = _add(corpus, WIRE, OWN_WORDS, REPRINT, TRIMMED)
        check_new(corpus)
        # As an older release left the corpus: its own fingerprints, and a mark they made
        # (the story in a reporter's own words as a copy of the wire story).
        corpus.set_setting("near_duplicate_fingerprints", "minhash-older-release")
        corpus.db.execute("INSERT INTO near_duplicates (doc_id, original_id, similarity) "
                          "VALUES (?, ?, ?)", [own, first, 0.81])
    checked = _run("duplicates", path)
    assert checked.exit_code == 0, checked.output
    with Corpus.open(path) as corpus:
        assert _marks(corpus) == {(reprint, first)}, "an older release's mark is still there"


FRENCH = (
    "MOGADISCIO, 3 mars - Des hommes armés ont attaqué un commissariat de police à la "
    "périphérie de Mogadiscio avant l'aube dimanche, tuant quatre policiers et en blessant "
    "sept autres, a déclaré un porte-parole de la police. Les assaillants ont tiré des "
    "roquettes sur le bâtiment et ont échangé des tirs avec les policiers pendant près d'une "
    "heure avant de se replier dans les terres agricoles voisines, ont indiqué des habitants. "
    "Aucun groupe n'a immédiatement revendiqué l'attaque, mais les insurgés islamistes "
    "shebab ont mené des raids similaires contre des postes de sécurité de la région cette "
    "année. Le porte-parole a précisé que des renforts avaient été envoyés dans le district.")


def test_the_same_french_story_with_decomposed_accents_is_marked(tmp_path: Path):
    import unicodedata

    source = tmp_path / "afp.jsonl"
    source.write_text("".join(json.dumps({"id": uid, "text": text}) + "\n" for uid, text in (
        ("web", FRENCH), ("pdf", unicodedata.normalize("NFD", FRENCH)))), encoding="utf-8")
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [source])
        assert summary.added == 2  # the text is kept as the file has it (the offset rule)
        assert summary.near.marked == 1, summary.lines()


ARABIC = (
    "قال متحدث باسم الشرطة إن مسلحين هاجموا مركزا للشرطة في ضواحي العاصمة فجر الأحد مما أسفر "
    "عن مقتل أربعة من أفراد الشرطة وإصابة سبعة آخرين. وأطلق المهاجمون قذائف صاروخية على المبنى "
    "وتبادلوا إطلاق النار مع أفراد الشرطة لمدة ساعة تقريبا قبل أن ينسحبوا إلى الأراضي الزراعية "
    "المجاورة. ولم تعلن أي جماعة مسؤوليتها عن الهجوم حتى الآن.")


def test_the_same_arabic_report_spelled_without_hamza_is_marked(tmp_path: Path):
    plain = ARABIC.replace("أ", "ا").replace("إ", "ا")
    source = tmp_path / "ar.jsonl"
    source.write_text("".join(json.dumps({"id": uid, "text": text}, ensure_ascii=False) + "\n"
                              for uid, text in (("wire", ARABIC), ("outlet", plain))),
                      encoding="utf-8")
    with Corpus.open(tmp_path / "c.sqlite") as corpus:
        summary = import_paths(corpus, [source])
        assert summary.added == 2
        assert summary.near.marked == 1, summary.lines()
