"""A text's words as near-duplicate fingerprints read them: an ASCII text is cut in C,
every other by the pattern; both give the same words, so the same fingerprints."""

from __future__ import annotations

import random
import string

from annotator.core.near_duplicates import _WORD, fingerprint, normalised, shingles, words_of
from tests.conftest import SHARED_DATA

NEWS = SHARED_DATA / "real" / "news"
REPORT = ("GAO, Mali (Reuters) - At least 12 people were killed on Monday when gunmen "
          "attacked a market; police_chief A. Traore said 3,500 fled. It's the 2nd attack "
          "in a week.\tOfficials\r\nsaid\x0bnothing\x00more.")


def _by_pattern(text: str) -> list[bytes]:
    return [word.encode("utf-8", "surrogatepass") for word in _WORD.findall(normalised(text))]


def test_ascii_words_are_the_pattern_s_words() -> None:
    rng = random.Random(7)
    alphabet = string.printable + "\x00\x01\x1f\x7f"
    texts = [REPORT, "", "   ", "_", "a_b-c'd", "ABC def GHI", "x" * 5000]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
              for _ in range(5000)]
    for path in sorted(NEWS.glob("[!p]*/*")) if NEWS.is_dir() else []:
        text = path.read_bytes().decode("ascii", errors="ignore")
        texts.append(text)
    for text in texts:
        assert text.isascii()
        assert words_of(text) == _by_pattern(text), repr(text[:80])


def test_an_ascii_text_has_the_fingerprint_the_pattern_gives() -> None:
    # An em dash is no word: the same words, read by the pattern (the text is no longer
    # ASCII), give the same shingles and fingerprint.
    text = REPORT * 3
    other = text + " \u2014"
    assert not other.isascii() and words_of(other) == words_of(text)
    assert shingles(text).tolist() == shingles(other).tolist() and len(shingles(text))
    assert fingerprint(text) == fingerprint(other)


def test_other_texts_are_read_by_the_pattern() -> None:
    text = "Trois personnes ont été tuées à Gao; 三人死亡 in Mali."
    assert words_of(text) == _by_pattern(text)
    assert b"ete" in words_of(text) and "三".encode() in words_of(text)
