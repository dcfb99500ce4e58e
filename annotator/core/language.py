"""Each document's language: the one its file declares, else one read from its text.

Stored in the document's ``meta`` as ``"language"``, an ISO 639-1 code ("en", "fr",
"nl", "ar"), so the tokeniser of an export, the ``--language`` filter and the
English-only suggestion readers all read the same key.

A declared language wins: news databases print it in the language of their
interface ("English", "Englisch", "Français", Nexis's "ENGLISH; ENGLISH"), other
files as a tag ("en-GB") or an ISO 639-2/3 code ("eng", "fre"); every such name
pycountry knows, in every language it has names in, is read as its code. A
declared value that is no language name is kept as it was: the coder's file said
it, and guessing over it would hide what it said.

Otherwise the text is read by py3langid (offline, its model ships with it). Only
its first ``SAMPLE`` characters: a news article's language is clear long before
that, and the time of a read grows with the length read. A language is set only
when the text has at least ``MIN_LETTERS`` letters and the detector gives it at
least ``MIN_CONFIDENCE``: measured on windows of 3 to 15 words cut from the real
news files (English, German, Dutch, Italian, Bengali) and from short reports in
French, Spanish, Portuguese, Russian, Arabic and Dutch, 19,500 windows in all, a
confidence of 0.9 or more was never wrong, where 0.8 was wrong 5 times (an English
advert in an Italian page, a German sentence taken for Luxembourgish); a window of
40 letters (about 7 English words) gets a language 77% of the time at 0.9. Below 40
letters (a title, three words) the detector is seldom that sure, and a few names or
figures are no sample of a language: nothing is stored.
"""

from __future__ import annotations

import gettext
import os
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from annotator.core.model import DocumentRecord

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

    from annotator.core.language_model import ModelReader

KEY = "language"
SAMPLE = 2000
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.9
ENGLISH = "en"

# The detector's labels for varieties that ISO 639-1 counts under one language:
# Moroccan and Egyptian Arabic, Cantonese and Wu Chinese, Southern Uzbek, Paraguayan
# Guarani. Their shares are added to that language's before the best is taken.
_VARIETIES = {"ary": "ar", "arz": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn"}

# Between the names of several languages in one field ("ENGLISH; ENGLISH"), and
# between a tag's parts ("en-GB", "pt_BR").
_SEPARATORS = re.compile(r"[;,/|]")
_TAG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")


def declares_language(meta: Mapping[str, Any]) -> bool:
    """Whether a file said its document's language (anything but nothing or blanks):
    then it is not read from the text."""
    declared = meta.get(KEY)
    return declared is not None and not (isinstance(declared, str) and not declared.strip())


def with_language(record: DocumentRecord,
                  read: Callable[[str], str | None] | None = None) -> DocumentRecord:
    """``record`` with ``meta["language"]`` set to an ISO 639-1 code: the declared
    language's, else the one ``read`` finds its text in (an import passes what its worker
    processes read); unchanged when neither can be told, or when what the file declares
    is no language name known here."""
    declared = record.meta.get(KEY)
    if isinstance(declared, str) and declared.strip():
        code = normalise(declared)
        if code is None or code == declared:
            return record
        return replace(record, meta={**record.meta, KEY: code})
    if declared is not None and not isinstance(declared, str):
        return record  # a value of its own (a number, a list): the file's, kept
    code = (read or detect)(record.text)
    if code is None:
        return record
    return replace(record, meta={**record.meta, KEY: code})


def language_of(meta: Mapping[str, Any]) -> str | None:
    """The ISO 639-1 code of a document's language from its meta, or None where it is
    not known. A corpus imported before languages were stored may hold a file's own
    words ("ENGLISH"): they are read as an import reads them now."""
    told = meta.get(KEY)
    return normalise(told) if isinstance(told, str) else None


def reads_as_english(language: str | None) -> bool:
    """Whether the English-only readers (casualty phrases, actor patterns) apply to a
    document in ``language``: English, or not known (as before languages were told)."""
    return language is None or language == ENGLISH


def normalise(declared: str) -> str | None:
    """The ISO 639-1 code of a declared language ("English", "ENGLISH; ENGLISH",
    "Français", "Englisch", "en-GB", "eng", "fre"), or None if it names none."""
    for piece in _SEPARATORS.split(declared):
        code = _code_of(piece)
        if code is not None:
            return code
    return None


def _code_of(piece: str) -> str | None:
    words = " ".join(piece.split()).casefold()
    if not words:
        return None
    tag = _TAG.match(words)
    # Codes and English names first: the names in other languages take a moment to
    # gather, and most files need none of them.
    for table in (_english_names, _names):
        names = table()
        for key in (words, _without_accents(words), tag.group(1) if tag else ""):
            if key in names:
                return names[key]
    return None


def language_name(code: str) -> str:
    """The English name of a language code, for display ("fr" -> "French"); the code
    itself when it is none pycountry knows."""
    import pycountry

    found = (pycountry.languages.get(alpha_2=code) if len(code) == 2
             else pycountry.languages.get(alpha_3=code))
    return getattr(found, "name", None) or code


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is in, or None when the text is
    too short or the detector not sure enough (see the module's notes)."""
    sample = text[:SAMPLE]
    if sample.isascii():
        # The common case, its letters counted in C (gathering them one by one was a
        # sixth of a read): every one is a Latin letter.
        letters = None
        count = len(sample) - len(sample.encode("ascii").translate(None, _ASCII_LETTERS))
    else:
        letters = "".join(filter(str.isalpha, sample))
        count = len(letters)
    if count < MIN_LETTERS:
        return None
    label, share = _likeliest(sample)
    if share < MIN_CONFIDENCE or len(label) != 2:
        # A label of three letters is a language ISO 639-1 has no code for (Nigerian
        # Pidgin, Kabyle), or "zxx", text in no language.
        return None
    scripts = _SCRIPTS.get(label, ("LATIN",))
    if (scripts != ("LATIN",) if letters is None else _in_script(letters, scripts) < 0.5):
        # An English report quoting a line of Arabic is read as Arabic by the detector
        # (its letters weigh more); a language is told only when most letters are in
        # its script, so the report is not tokenised as Arabic.
        return None
    return label


_ASCII_LETTERS = string.ascii_letters.encode("ascii")


_READ_BEFORE_NUMPY = 400
_read_so_far = 0


def _likeliest(sample: str) -> tuple[str, float]:
    """The language the detector gives ``sample`` the largest share, varieties counted
    under their language, and that share."""
    global _read_so_far
    _read_so_far += 1
    # The NumPy reading costs a fifth of a second to set up: a few texts are read by
    # py3langid's own (half a millisecond each), many by the NumPy one.
    model = _model_reader() if _read_so_far > _READ_BEFORE_NUMPY else None
    if model is not None:
        shares = model.shares(sample)
        best = int(shares.argmax())
        return model.labels[best], float(shares[best])
    found: Counter[str] = Counter()
    for label, share in _identifier().rank(sample):
        found[_VARIETIES.get(label, label)] += share
    return found.most_common(1)[0]


# The scripts of the languages the detector knows that are not written in Latin
# letters, as Unicode names their letters ("ARABIC LETTER BEH").
_SCRIPTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ug"), ("ARABIC",)),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn"), ("CYRILLIC",)),
    **dict.fromkeys(("hi", "mr", "ne"), ("DEVANAGARI",)),
    **dict.fromkeys(("bn", "as"), ("BENGALI",)),
    "el": ("GREEK",), "he": ("HEBREW",), "gu": ("GUJARATI",), "pa": ("GURMUKHI",),
    "or": ("ORIYA",), "ta": ("TAMIL",), "te": ("TELUGU",), "kn": ("KANNADA",),
    "ml": ("MALAYALAM",), "si": ("SINHALA",), "th": ("THAI",), "lo": ("LAO",),
    "km": ("KHMER",), "ka": ("GEORGIAN",), "hy": ("ARMENIAN",), "am": ("ETHIOPIC",),
    "zh": ("CJK",), "ja": ("CJK", "HIRAGANA", "KATAKANA"), "ko": ("HANGUL",),
}


def _in_script(letters: str, scripts: tuple[str, ...]) -> float:
    """The share of ``letters`` written in one of ``scripts``."""
    if scripts == ("LATIN",) and max(letters) < "\u0250":
        return 1.0  # ASCII and the Latin supplements only: the common case, at once
    inside = 0
    for char in letters:
        if char < "\u0250":  # ASCII and the Latin supplements: no name lookup needed
            inside += scripts == ("LATIN",)
        else:
            inside += unicodedata.name(char, "").startswith(scripts)
    return inside / len(letters)


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # Loaded once, on the first document read: about half a second.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def _model_reader() -> ModelReader | None:
    """The detector's model read with NumPy (``language_model``), a fifth of the time
    of its own reading; None where its layout is not the one that reads."""
    from annotator.core.language_model import reader

    return reader(_identifier(), _VARIETIES)


@lru_cache(maxsize=1)
def _languages() -> tuple[Any, ...]:
    import pycountry

    return tuple(lang for lang in pycountry.languages if hasattr(lang, "alpha_2"))


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """The codes (639-1, 639-3, 639-2/B) and English names of every language with an
    ISO 639-1 code, casefolded, mapped to that code."""
    names: dict[str, str] = {}
    for lang in _languages():
        for attribute in ("alpha_2", "alpha_3", "bibliographic"):
            names.setdefault(str(getattr(lang, attribute, "")).casefold(), lang.alpha_2)
    for whole in (True, False):
        for lang in _languages():
            for attribute in ("name", "common_name", "inverted_name"):
                _add(names, getattr(lang, attribute, None), lang.alpha_2, whole)
    names.pop("", None)
    return names


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """The English names and codes, then each language's name for itself, then the
    names other languages give it (in pycountry's translations). Where two languages
    share a name, the earlier entry is kept, and a name as written before a
    shortened one ("Norsk" is Norwegian, not "Norsk (nynorsk)")."""
    import pycountry

    names = dict(_english_names())
    locales = sorted(os.listdir(pycountry.LOCALES_DIR))
    for whole in (True, False):
        for lang in _languages():
            for locale in locales:
                if locale.split("_")[0].split("@")[0] == lang.alpha_2:
                    _add(names, _translation(locale).gettext(lang.name), lang.alpha_2, whole)
        for locale in locales:
            translation = _translation(locale)
            for lang in _languages():
                _add(names, translation.gettext(lang.name), lang.alpha_2, whole)
    return names


def _add(names: dict[str, str], name: object, code: str, whole: bool) -> None:
    if isinstance(name, str):
        for variant in _variants(name, whole):
            names.setdefault(variant, code)


def _translation(locale: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso639-3", pycountry.LOCALES_DIR, languages=[locale],
                               fallback=True)


def _variants(name: str, whole: bool) -> list[str]:
    """A name as a file may print it: whole (with ``whole``), else without a note in
    brackets ("Spanisch (Kastilisch)") or each of several names ("Spanish;
    Castilian"); each also without accents."""
    written = " ".join(name.split()).casefold()
    short = written.split(" (")[0]
    found = [written] if whole else [short, *(part.strip() for part in _SEPARATORS.split(short))]
    found += [_without_accents(item) for item in list(found)]
    return [item for item in dict.fromkeys(found) if item]


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))
