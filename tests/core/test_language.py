"""Each document's language: a declared one read as its ISO 639-1 code, else one
detected from the text only where the detector is sure, on real news files of
../shared/data/real/news and on texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.language import (
    MIN_LETTERS,
    detect,
    language_name,
    normalise,
    with_language,
)
from annotator.core.model import DocumentRecord
from annotator.formats.base import ReadDocument, ReadOptions
from annotator.formats.registry import READERS, format_for
from tests.conftest import SHARED_DATA, shared

NEWS = SHARED_DATA / "real" / "news"

REPORTS = {
    "en": "At least twelve people were killed on Monday in an attack on a market in the "
          "town, police said. According to local officials, the attackers arrived on "
          "motorcycles before opening fire on the crowd.",
    "fr": "Au moins douze personnes ont été tuées lundi dans une attaque contre un marché "
          "de la ville, a indiqué la police. Selon les autorités locales, les assaillants "
          "sont arrivés à moto avant d'ouvrir le feu sur la foule.",
    "es": "Al menos doce personas murieron el lunes en un ataque contra un mercado de la "
          "ciudad, informó la policía. Según las autoridades locales, los atacantes "
          "llegaron en motocicleta antes de abrir fuego contra la multitud.",
    "nl": "Ten minste twaalf mensen zijn maandag om het leven gekomen bij een aanval op een "
          "markt in de stad, meldt de politie. Volgens de lokale autoriteiten kwamen de "
          "aanvallers op motoren aan voordat ze het vuur op de menigte openden.",
    "ar": "قتل ما لا يقل عن اثني عشر شخصا يوم الاثنين في هجوم على سوق في المدينة، بحسب ما "
          "أفادت الشرطة. وقالت السلطات المحلية إن المهاجمين وصلوا على دراجات نارية قبل أن "
          "يفتحوا النار على الحشد.",
    "ru": "По меньшей мере двенадцать человек погибли в понедельник в результате нападения "
          "на рынок в городе, сообщила полиция. По данным местных властей, нападавшие "
          "приехали на мотоциклах и открыли огонь по толпе.",
}


@pytest.mark.parametrize(("declared", "code"), [
    ("English", "en"), ("ENGLISH; ENGLISH", "en"), ("ENGLISH; ENGLISHS", "en"),
    ("english", "en"), ("Englisch", "en"), ("Anglais", "en"), ("en-GB", "en"),
    ("en_US", "en"), ("eng", "en"), ("EN", "en"),
    ("Français", "fr"), ("FRANÇAIS", "fr"), ("francais", "fr"), ("French", "fr"),
    ("fre", "fr"), ("fra", "fr"), ("FR", "fr"),
    ("Deutsch", "de"), ("German", "de"), ("ger", "de"),
    ("Nederlands", "nl"), ("Dutch", "nl"), ("Spanisch", "es"), ("Español", "es"),
    ("Arabic", "ar"), ("العربية", "ar"), ("বাংলা", "bn"), ("Русский", "ru"),
    ("pt-BR", "pt"), ("Norsk", "no"),
])
def test_declared_names_and_codes_become_iso_639_1(declared: str, code: str) -> None:
    assert normalise(declared) == code
    record = with_language(DocumentRecord(text="x", meta={"language": declared, "file": "a"}))
    assert record.meta == {"language": code, "file": "a"}


@pytest.mark.parametrize("declared", ["Klingonish", "MULTI", "und", "Kabyle"])
def test_a_declared_value_that_names_no_iso_639_1_language_is_kept_as_it_was(
        declared: str) -> None:
    record = DocumentRecord(text=REPORTS["en"], meta={"language": declared})
    assert normalise(declared) is None
    assert with_language(record).meta["language"] == declared


def test_a_declared_language_wins_over_the_text() -> None:
    record = DocumentRecord(text=REPORTS["fr"], meta={"language": "English"})
    assert with_language(record).meta["language"] == "en"


@pytest.mark.parametrize("code", sorted(REPORTS))
def test_detected_from_a_short_report(code: str) -> None:
    record = with_language(DocumentRecord(text=REPORTS[code], meta={"file": "r.txt"}))
    assert record.meta == {"file": "r.txt", "language": code}


@pytest.mark.parametrize("text", [
    # Egyptian and Moroccan Arabic: the detector shares them between "ar", "arz" and
    # "ary"; ISO 639-1 has one code for them all, whose share is their sum.
    "الجيش قال إن فيه اشتباكات النهارده جنب المطار، وتلاتة عساكر اتصابوا، وإحنا مش "
    "عارفين مين اللي ضرب الأول. الناس خايفة أوي ومش عايزة تخرج من البيوت.",
    "الجيش قال بلي كاينة شي مواجهات اليوم حدا المطار، وتلاتة ديال العسكر تجرحو، وحنا ما "
    "عارفينش شكون اللي ضرب اللول. الناس خايفين بزاف وما بغاوش يخرجو من الديور.",
])
def test_arabic_varieties_are_arabic(text: str) -> None:
    assert detect(text) == "ar"


@pytest.mark.parametrize("text", [
    "Three soldiers killed", "Attaque à Gao", "Aanslag in Utrecht", "هجوم على سوق",
    "12 345 678 --- ### 2024-08-06", "https://example.org/a/b/c?d=1&e=2#f https://x.y",
])
def test_a_short_text_or_one_in_no_language_gets_none(text: str) -> None:
    assert detect(text) is None
    assert "language" not in with_language(DocumentRecord(text=text)).meta


def test_the_length_needed_is_counted_in_letters() -> None:
    sentence = "Au moins douze personnes ont été tuées lundi dans une attaque"
    short = " ".join(sentence.split()[:3])
    assert sum(c.isalpha() for c in short) < MIN_LETTERS
    assert detect(short) is None
    assert detect(sentence) == "fr"


def test_only_the_start_of_a_long_text_is_read() -> None:
    # A Dutch article with an English appendix longer than itself: the start decides.
    text = REPORTS["nl"] * 10 + " " + REPORTS["en"] * 200
    assert detect(text) == "nl"


def test_a_header_of_codes_before_the_article_does_not_decide() -> None:
    # A database's header of codes and figures fills the first 500 characters; the
    # French article after it is in the sample read.
    header = "ID 2024-000123 | 00:14 GMT | 512 | 0034-5678 | ## 17/03 ##\n" * 9
    assert len(header) >= 500
    assert detect(header[:500]) is None
    assert detect(header + REPORTS["fr"] * 3) == "fr"


def test_display_names() -> None:
    assert language_name("fr") == "French"
    assert language_name("ar") == "Arabic"
    assert language_name("qq") == "qq"


def _documents(path: Path) -> list[DocumentRecord]:
    fmt = format_for(path, "auto")
    assert fmt is not None
    return [item.record for item in READERS[fmt](path, ReadOptions())
            if isinstance(item, ReadDocument)]


def _detected(record: DocumentRecord) -> str | None:
    """The language read from the text alone, whatever the file declares."""
    meta = {k: v for k, v in record.meta.items() if k != "language"}
    return with_language(DocumentRecord(text=record.text, meta=meta)).meta.get("language")


@pytest.mark.parametrize(("name", "code"), [
    ("pdf/amcat__test.pdf", "nl"),
    ("html/goose3__test_cnn_arabic.html", "ar"),
    ("html/trafilatura__ukbdnews.com.23646.html", "bn"),
    ("html/trafilatura__bundespolizei.de-Belarus.html", "de"),
    ("pdf/Can-AI-read-newspapers__newspaper.pdf", "it"),
    ("html/goose3__test_foxNews.html", "en"),
    ("html/newspaper__reuters.com3.html", "en"),
    ("html/trafilatura__theintercept.com-Gaza.html", "en"),
    ("pdf/amnesty-urgent-action-pdfs__test.pdf", "en"),
])
def test_detected_in_real_files(name: str, code: str) -> None:
    records = _documents(shared(NEWS / name))
    assert records  # the Dutch digest is one document or its 45 articles, all Dutch
    assert [_detected(record) for record in records] == [code] * len(records)


def test_every_article_of_real_multi_article_exports_is_detected_rightly() -> None:
    english = _documents(shared(NEWS / "nexis/readtext__afp_2013-03-12_0501.html"))
    german = _documents(shared(NEWS / "factiva/amcat__factivia.htm"))
    assert len(english) == 74 and len(german) == 9
    found = [_detected(record) for record in english]
    # A few short sports results and squad lists are too unlike prose to be sure of:
    # they get no language rather than a wrong one.
    assert set(found) <= {"en", None} and found.count("en") >= 70
    assert [_detected(record) for record in german] == ["de"] * 9


def test_french_factiva_article_detected_and_declared() -> None:
    records = _documents(shared(NEWS / "factiva/tm.plugin.factiva__factiva_test.xml"))
    assert [_detected(r) for r in records] == ["en", "fr", "en"]
    assert [with_language(r).meta["language"] for r in records] == ["en", "fr", "en"]


@pytest.mark.parametrize(("name", "code"), [
    # Nexis's "Language: ENGLISH; ENGLISHS" (the file called French is English text).
    ("nexis/tm.plugin.lexisnexis__lexisnexis_test_fr.html", "en"),
    # Lorem ipsum text declared English: the declaration wins over the text's Latin.
    ("nexis/LexisNexisTools__sample.TXT", "en"),
    # Factiva in a French interface ("Français"), in German ("Englisch", "Deutsch").
    ("factiva/tm.plugin.factiva__factiva_test.html", "fr"),
    ("factiva/newspapers__nyt_1_1993-01-03.html", "en"),
    ("factiva/factiva-parsing__Factiva-example.html", "de"),
    ("factiva/amcat__factivia.htm", "de"),
])
def test_declared_in_real_exports(name: str, code: str) -> None:
    records = _documents(shared(NEWS / name))
    assert records
    assert {with_language(r).meta["language"] for r in records} == {code}


def test_a_report_quoting_another_script_is_not_given_that_script_s_language() -> None:
    # The detector weighs the Arabic letters over the English words: most letters are
    # Latin, so no language is told (and the report is not tokenised as Arabic).
    mixed = "Gunmen in Basra shouted قصف على قاعدة عين الأسد and fled; five US personnel were hurt."
    assert detect(mixed) is None
    arabic = "قصف على قاعدة عين الأسد في محافظة الأنبار غرب العراق وأصيب خمسة من الأفراد"
    assert detect(arabic) == "ar"
    assert detect("Вооружённые люди напали на блокпост недалеко от Киркука в понедельник "
                  "утром") == "ru"


def _detect_letter_by_letter(text: str) -> str | None:
    """``detect`` as it read every text: each letter gathered, then its script looked up."""
    from annotator.core import language

    letters = "".join(filter(str.isalpha, text[:language.SAMPLE]))
    if len(letters) < MIN_LETTERS:
        return None
    label, share = language._likeliest(text[:language.SAMPLE])
    if share < language.MIN_CONFIDENCE or len(label) != 2:
        return None
    scripts = language._SCRIPTS.get(label, ("LATIN",))
    return None if language._in_script(letters, scripts) < 0.5 else label


ASCII_EDGES = [
    "x" * (MIN_LETTERS - 1) + " 1234567890 !!! ---",  # one letter short, digits around
    "x" * MIN_LETTERS,
    "A1" * MIN_LETTERS, "_" * 50 + "police said the attack killed ten people",
    "ATTACK ON MARKET KILLS TWELVE, POLICE SAY; ATTACKERS ARRIVED ON MOTORCYCLES",
    "kalimera sas, pos eiste simera? o kairos einai kalos kai i thalassa einai zesti",
    "Vooruzhennye lyudi napali na blokpost nedaleko ot Kirkuka v ponedelnik utrom",
]


def test_an_ascii_text_is_read_as_every_text_is() -> None:
    texts = [*REPORTS.values(), *ASCII_EDGES, REPORTS["en"] + " Gao " * 600]
    for path in sorted(NEWS.glob("[!p]*/*")):  # every real file but the slow PDFs
        if format_for(path, "auto"):
            texts += [record.text for record in _documents(path)[:3]]
    assert any(text[:2000].isascii() for text in texts)
    for text in texts:
        assert detect(text) == _detect_letter_by_letter(text), text[:80]


def test_an_ascii_text_read_as_a_language_of_another_script_gets_none(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core import language

    # All its letters are Latin: a label written in Cyrillic is no reading of it.
    monkeypatch.setattr(language, "_likeliest", lambda _sample: ("ru", 0.99))
    assert detect(REPORTS["en"]) is None
    monkeypatch.setattr(language, "_likeliest", lambda _sample: ("de", 0.99))
    assert detect(REPORTS["en"]) == "de"
