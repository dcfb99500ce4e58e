"""Reading casualty counts as reports phrase them: "at least five", "dozens", "2,500".

The readings follow the conservative conventions of conflict-event coding
(ACLED, UCDP): "dozens" is 12 and "hundreds" 100, both vague; "more than
100" counts 100 with the qualifier saying there were more; "as many as
seven" is only an upper bound. Every value pre-fills an editable attribute:
the coder has the last word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.schema import MAX_WHOLE

if TYPE_CHECKING:
    from annotator.core.schema import LabelSpec

_UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3,
    "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_DOZEN = {"dozen": 12, "score": 20}

# Plural quantities without a number: a conservative count, always vague.
_VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
          "several": 3, "few": 3, "handful": 3, "tens": 10, "millions": 1_000_000}

# Words before a number, longest first; what the number then means.
_QUALIFIERS = (
    ("no fewer than", "at least"), ("not less than", "at least"), ("at least", "at least"),
    ("a minimum of", "at least"), ("at minimum", "at least"), ("minimum of", "at least"),
    ("as many as", "at most"), ("as high as", "at most"), ("up to", "at most"), ("at most", "at most"),
    ("no more than", "at most"), ("a maximum of", "at most"), ("not more than", "at most"),
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("in excess of", "more than"), ("above", "more than"), ("greater than", "more than"),
    ("surpassing", "more than"), ("exceeding", "more than"),
    ("nearly", "approx"), ("almost", "approx"), ("close to", "approx"),
    ("just under", "approx"), ("about", "approx"), ("around", "approx"),
    ("approximately", "approx"), ("roughly", "approx"), ("some", "approx"),
    ("an estimated", "approx"), ("estimated", "approx"), ("reportedly", "approx"),
    ("less than", "at most"), ("fewer than", "at most"), ("under", "at most"),
)

# Outcome words, the longer phrases first: a phrase claims its words ("fatally
# wounded" is a death, "killed and wounded" one count of both).
_OUTCOME_WORDS = (
    ("killed or injured", r"(?:killed|dead|killing) (?:or|and) (?:injured|wounded|injuring|"
                          r"wounding)|casualty toll|casualt(?:y|ies)"),
    ("killed", r"fatally (?:wounded|injured|shot|hurt)|mortally wounded|"
               r"succumbed(?: to (?:his|her|their) (?:injuries|wounds))?|"
               r"died (?:of|from) (?:his |her |their )?(?:injuries|wounds)|"
               r"claim(?:ed|ing|s)? the lives? of|lost their lives|"
               r"kill\w*|died|dies|die|dead|deaths?|death toll|toll|fatalit\w*|bodies|"
               r"slain|massacred|executed|perished|blew (?:themselves|himself|herself) up"),
    ("injured", r"injur\w*|wound(?:s|ed|ing)?|hurt"),
    ("abducted", r"abduct\w*|kidnapp?\w*|taken hostage|hostages?|seized|captured|"
                 r"held captive|captives?|captivity"),
    # People reported missing: the coder's "unknown" until their fate is known.
    ("unknown", r"missing|unaccounted for"),
)

_OUTCOME_PATTERNS = tuple((outcome, re.compile(rf"\b(?:{pattern})\b"))
                          for outcome, pattern in _OUTCOME_WORDS)

# Words that may stand between a span and the verb that says what befell it, in
# either direction: "were gravely wounded", "shot dead eight", "the death of 1".
_BETWEEN = re.compile(
    r"(?:\s|\b(?:of|the|to|at|were|was|are|is|been|be|have|has|had|being|also|later|all|"
    r"so|far|now|reportedly|confirmed|seriously|critically|lightly|gravely|severely|badly|"
    r"slightly|stands|stood|rose|risen|rises|reached|reaches|jumped|climbed|increased|"
    r"put)\b)*")
# "were wounded and died later": the wound was not the end of it.
_DIED_LATER = re.compile(r"\s*,?\s*and (?:later |subsequently )?(?:died|succumbed)")

_WORD = re.compile(r"[a-z]+|\d[\d,.\u202f\u00a0 ]*\d|\d")


@dataclass(frozen=True, slots=True)
class CasualtyCount:
    count_low: int | None = None
    count_best: int | None = None
    count_high: int | None = None
    qualifier: str | None = None
    outcome: str | None = None

    def attrs(self) -> dict[str, object]:
        """The attributes this reading pre-fills (only what it found)."""
        return {k: v for k, v in (("outcome", self.outcome), ("count_low", self.count_low),
                                  ("count_best", self.count_best),
                                  ("count_high", self.count_high),
                                  ("qualifier", self.qualifier)) if v is not None}


# Quantities with no number in them: the count is vague and the coder's to give.
_UNCOUNTED = ("many", "numerous", "lots", "countless", "multiple", "some", "heavy")


def parse_casualty(span_text: str, sentence: str = "") -> CasualtyCount:
    """Counts and qualifier from a casualty span; the outcome from its sentence."""
    outcome = outcome_in(sentence or span_text, span_text)
    try:
        return _counted(_plain(span_text), span_text, sentence, outcome)
    except _TooLarge:  # the coder gives a count the codebook cannot hold, if any
        return CasualtyCount(outcome=outcome)


def _counted(text: str, span_text: str, sentence: str, outcome: str | None) -> CasualtyCount:
    """The counts and qualifier of a span's words ``text`` (plain, lower case)."""
    found = _range(text)
    if found:
        low, high = found
        return CasualtyCount(low, low, high, "approx", outcome)
    # "another soldier" is one more; "another 105 people" lets the number speak
    words = ["a" if word == "another" else word for word in _WORD.findall(text)]
    if words and (words[0] in ("none", "nobody", "neither") or (
            words[0] == "no" and words[1:2] not in (["more"], ["fewer"], ["less"]))):
        return CasualtyCount(0, 0, 0, "exact", outcome)  # "No one was hurt"
    value, index, vague = _first_quantity(words)
    if value is None:
        if any(word in _UNCOUNTED for word in words) or "number of" in " ".join(words):
            return CasualtyCount(qualifier="vague", outcome=outcome)
        return CasualtyCount(outcome=outcome)
    if vague:
        return CasualtyCount(value, value, None, "vague", outcome)
    # a qualifier is a few words long: the words just before the number hold it
    before = " ".join(words[max(0, index - 8):index])
    qualifier = _qualifier(before)
    if qualifier is None and index == 0:
        # a span marked without its qualifier: "killing at least [44 villagers]"
        before = _words_before(sentence, span_text)
        qualifier = _qualifier(before)
    if qualifier in ("at least", "more than"):
        return CasualtyCount(value, value, None, qualifier, outcome)
    if qualifier == "at most":
        return CasualtyCount(None, None, value, qualifier, outcome)
    if qualifier == "approx":
        below = re.search(r"\b(nearly|almost|close to|just under)$", before)
        return CasualtyCount(None, value, value if below else None, qualifier, outcome)
    if value == 1:
        named = _people_one_by_one(words)
        if named is None:
            return CasualtyCount(qualifier="vague", outcome=outcome)
        value = named
    return CasualtyCount(value, value, value, "exact", outcome)


def _words_before(sentence: str, span_text: str) -> str:
    """The last few words of ``sentence`` before ``span_text``."""
    at = sentence.find(span_text) if span_text else -1
    if at < 0:
        return ""
    return " ".join(_WORD.findall(_plain(sentence[_word_start(sentence, at - 120, at):at]))[-4:])


_PLURALS = ("children", "men", "women", "people", "police", "personnel", "others")


def _people_one_by_one(words: list[str]) -> int | None:
    """How many people a span names one at a time: "a soldier" is one, "a soldier and a
    policeman" two, "a security agent and hunter" two; with a plural among them ("a
    woman and her children") more than can be counted: None."""
    parts = " ".join(words).split(" and ")
    for part in parts:
        named = part.split()
        if not named or any(w[0].isdigit() or w in _TENS or w in _VAGUE or w in _SCALES or
                            (w in _UNITS and w not in ("a", "an", "one")) for w in named):
            return 1
        last = named[-1]
        if len(parts) > 1 and (last in _PLURALS or (last.endswith("s") and
                                                    not last.endswith("ss"))):
            return None
    return len(parts)


def outcome_in(sentence: str, span_text: str = "") -> str | None:
    """The outcome a sentence reports for the victims in ``span_text``.

    A word inside the span says it ("five wounded civilians"). Otherwise the verb that
    governs the span does: the outcome word right after it ("two soldiers were
    killed", "250 dead"), else right before it ("killing 35", "the death of 1
    peacekeeper"), with only auxiliaries and adverbs between. Failing both, the search
    stays within the span's clause: the outcome word nearest after the span wins, then
    the nearest before it; a word in another clause ("…, amid tensions following last
    week's killing of …") reports someone else.
    """
    lowered = sentence.lower()
    own = _outcomes(span_text.lower())
    if own:
        return min(own)[2]
    anchor = lowered.find(span_text.lower()) if span_text else -1
    if anchor >= 0 and re.search(r"\blives$", span_text.lower()) and _LIVES_TAKEN.search(
            lowered, max(0, anchor - 40), anchor):
        return "killed"  # "claimed more than 70,000 lives"
    if anchor < 0:
        found = _outcomes(lowered)
        return min(found)[2] if found else None
    # A sentence with no end (a chronology, a transcript) holds more than one report:
    # only the words within reach of the span can speak of it, and reading no more
    # keeps the time spent on a span the same however long the sentence runs.
    span_end = anchor + len(span_text)
    begin = _word_start(lowered, anchor - _REACH, anchor)
    lowered = lowered[begin:_word_end(lowered, span_end + _REACH, span_end)]
    anchor -= begin
    end = anchor + len(span_text)
    start, finish = _clause_around(lowered, anchor, end)
    found = [(a + start, b + start, outcome)
             for a, b, outcome in _outcomes(lowered[start:finish])]
    after = [f for f in found if f[0] >= end]
    before = [f for f in found if f[1] <= anchor]
    if after and _BETWEEN.fullmatch(lowered[end:after[0][0]]):
        _at, words_end, outcome = after[0]
        if outcome == "injured" and _DIED_LATER.match(lowered, words_end):
            return "killed"
        return outcome
    if before and _BETWEEN.fullmatch(lowered[before[-1][1]:anchor]):
        return before[-1][2]
    if after:
        return after[0][2]
    return before[-1][2] if before else None


# How many characters either side of a span the outcome search reads: several times
# the longest sentence of the evaluation set.
_REACH = 1000

_LIVES_TAKEN = re.compile(r"\b(?:claim\w*|cost\w*|took|taken|lost)\s+$")
_SPACE = re.compile(r"\s")


def _word_start(text: str, at: int, limit: int) -> int:
    """Where to start reading ``text`` from ``at`` on without half a word: past the
    first space from ``at`` (before ``limit``), else ``at``."""
    if at <= 0:
        return 0
    space = _SPACE.search(text, at, limit)
    return space.end() if space else at


def _word_end(text: str, at: int, limit: int) -> int:
    """Where to stop reading ``text`` at ``at`` without half a word: the last space
    before ``at`` (from ``limit`` on), else ``at``."""
    if at >= len(text):
        return len(text)
    space = max(text.rfind(" ", limit, at), text.rfind("\n", limit, at))
    return space if space >= 0 else at


# What ends a clause for the outcome search: punctuation between clauses, and words
# that begin another one ("…were injured, amid rising tensions following the killing
# of…"). A plain comma does not: "Two soldiers, the army said, were killed".
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|\s[—–]\s|,?\s(?:amid|following|after|before|while|whereas|although|"
    r"though|but|because|since|as well as|when|which|who|where)\s")


# An aside that opens right after the span still speaks of it: "About 12, who were
# attending prayers, were caught in the gunfire and killed"; "The gunman — whom police
# named as …, 26 — was killed".
_ASIDE = re.compile(r",?\s(?:who|which|whom)\s|\s[—–]\s|\(")


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``start``–``end`` begins and ends in ``text``."""
    begin = 0
    following: list[re.Match[str]] = []
    for found in _CLAUSE_BREAK.finditer(text):
        if found.end() <= start:
            begin = found.end()
        elif found.start() >= end:
            following.append(found)
    skip = 0
    if following and not text[end:following[0].start()].strip(" ,") and \
            _ASIDE.fullmatch(following[0].group()):
        # a relative clause ends at a comma, which is no break; a dash or bracket at
        # the next dash or bracket
        skip = 1 if following[0].group().strip(" ,") in ("who", "which", "whom") else 2
    return begin, following[skip].start() if len(following) > skip else len(text)


def _outcomes(text: str) -> list[tuple[int, int, str]]:
    """Every outcome word in ``text``, in order: (start, end, outcome), a longer phrase
    before the words in it ("killed or injured" rather than "killed")."""
    found: list[tuple[int, int, str]] = []
    # which characters a phrase already claims: one look per word found, however many
    taken = bytearray(len(text))
    for outcome, pattern in _OUTCOME_PATTERNS:
        for match in pattern.finditer(text):
            if taken[match.start()]:
                continue
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
            found.append((match.start(), match.end(), outcome))
    return sorted(found)


def _plain(text: str) -> str:
    text = text.lower().replace("–", "-").replace("—", "-")
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # "twenty-five" -> "twenty five"


# A number in a range: digits (as many as a count the codebook holds, with commas) or a
# few number words ("two thousand three hundred and five"). The bounds keep each try
# short; a number does not start inside another one ("1,250", not "250"), which would
# only try again what its start tried.
_FROM = r"((?<!\d)(?<!\d,)\d[\d,]{0,24}|[a-z]+(?: [a-z]+){0,7}?)"
_TO = r"(\d[\d,]*|[a-z]+(?: [a-z]+){0,7}?)"  # its start is fixed: one try each
_RANGES = (re.compile(rf"between {_TO} and {_TO}\b"),
           re.compile(rf"\b{_FROM} (?:to|-|or) {_TO}\b"),
           re.compile(r"(?<!\d)(?<!\d,)(\d[\d,]{0,24})-(\d[\d,]*)"))


def _range(text: str) -> tuple[int, int] | None:
    for pattern in _RANGES:
        match = pattern.search(text)
        if match:
            low = _value_of(match.group(1))
            high = _value_of(match.group(2))
            if low is not None and high is not None and low < high:
                return low, high
    return None


def _value_of(phrase: str) -> int | None:
    value, index, vague = _first_quantity(_WORD.findall(phrase))
    return None if vague or index != 0 else value


class _TooLarge(Exception):
    """A count past the largest whole number the codebook holds (MAX_WHOLE)."""


def _first_quantity(words: list[str]) -> tuple[int | None, int, bool]:
    """The first number in ``words``: (value, index where it starts, vague?); raises
    _TooLarge when that number is more than a count can hold."""
    # where the last number stands, found once: "a" before it is an article
    last_number = max((i for i, w in enumerate(words) if w not in ("a", "an") and (
        w[0].isdigit() or w in _UNITS or w in _TENS or w in _VAGUE)), default=-1)
    for index, word in enumerate(words):
        if word[0].isdigit():
            return _numeral(word), index, False
        if word in _VAGUE and not (word == "few" and index and words[index - 1] != "a"):
            return _VAGUE[word], index, True
        if word in _UNITS or word in _TENS or word in _SCALES or word in _DOZEN or word == "half":
            if word in ("a", "an", "no", "one") and \
                    not _counts_as_number(words, index, last_number > index):
                continue
            value, _end = _number_words(words, index)
            if value is not None:
                return value, index, False
    return None, 0, False


def _counts_as_number(words: list[str], index: int, number_later: bool) -> bool:
    """ "a" is a number in "a dozen", "a hundred", "a soldier"; not in "a few" (vague)."""
    following = words[index + 1] if index + 1 < len(words) else ""
    if following in ("few", "handful"):
        return False
    if words[index] == "no" and following in ("more", "fewer", "less"):
        return False
    if words[index] in ("a", "an") and following not in (*_DOZEN, *_SCALES, "couple"):
        # "an estimated 1,200": the article belongs to a later number, if there is one.
        return not number_later
    return True


def _number_words(words: list[str], start: int) -> tuple[int | None, int]:
    """Value of number words from ``start``: "two thousand three hundred and five"."""
    total: float = 0
    current: float = 0
    seen = False
    index = start
    while index < len(words):
        word = words[index]
        if (word in _UNITS and word not in ("a", "an", "no")) or (word in ("a", "an") and not seen):
            if word in ("a", "an"):
                current += 1
            else:
                current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _DOZEN:
            current = (current or 1) * _DOZEN[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million"):
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word == "and" and seen and index + 1 < len(words) and (
                words[index + 1] in _UNITS or words[index + 1] in _TENS):
            pass
        elif word == "half" and index + 2 < len(words) and words[index + 1] == "a":
            index += 1
            current += 0.5
        elif word == "couple":
            current = 2
        else:
            break
        if total + current > MAX_WHOLE:  # "a hundred hundred hundred …"
            raise _TooLarge
        seen = True
        index += 1
    if not seen:
        return None, start
    return round(total + current), index


def _numeral(word: str) -> int:
    """The whole number a numeral starts with, read digit by digit ("2,500", "1.5"
    is 1, "1.2.3" is 1)."""
    digits = re.match(r"\d+", re.sub(r"[,\u202f\u00a0 ]", "", word))
    # more digits than MAX_WHOLE has are more than a count holds, and too many to read
    if digits is None or len(digits.group().lstrip("0")) > len(str(MAX_WHOLE)):
        raise _TooLarge
    value = int(digits.group())
    if value > MAX_WHOLE:
        raise _TooLarge
    return value


_QUALIFIER_PATTERNS = tuple((re.compile(rf"\b{phrase}$"), meaning)
                            for phrase, meaning in _QUALIFIERS)


def _qualifier(before: str) -> str | None:
    before = before.strip()
    for pattern, meaning in _QUALIFIER_PATTERNS:
        if pattern.search(before):
            return meaning
    return None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding ``text[start:end]``, for reading its outcome: at
    most ``_REACH`` characters either side of it, which is all the reader reads, when
    the text runs on without a full stop."""
    # Looking no farther keeps reading every span of a text with no full stop linear.
    low = max(0, start - _REACH)
    high = min(len(text), end + _REACH)
    left = max(text.rfind(mark, low, start) for mark in (". ", "! ", "? ", "\n", "; "))
    if left < 0:
        left = _word_start(text, low, start) - 1 if low else -1
    right_candidates = [i for i in (text.find(mark, end, high + 1)
                                    for mark in (". ", "! ", "? ", "\n")) if i != -1]
    if right_candidates:
        right = min(right_candidates)
    else:
        right = _word_end(text, high, end) if high < len(text) else len(text)
    return text[left + 1 if left >= 0 else 0:right + 1].strip()


def prefilled(spec: LabelSpec | None, text: str, start: int, end: int) -> dict[str, object]:
    """What a new span's attributes start as: for a label with counts (casualty),
    the counts, qualifier and outcome read from its words and sentence; values the
    label's attributes would refuse are left out."""
    if spec is None or spec.attribute("count_best") is None:
        return {}
    guess = parse_casualty(text[start:end], sentence_around(text, start, end)).attrs()
    kept = {}
    for name, value in guess.items():
        attribute = spec.attribute(name)
        if attribute is None:
            continue
        try:
            if attribute.check(value) is not None:
                kept[name] = value
        except ValueError:
            continue
    return kept
