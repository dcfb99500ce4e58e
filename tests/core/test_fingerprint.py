"""A fingerprint is datasketch's MinHash of the text's shingles, computed on the whole
array at once: its values must be the ones datasketch gives, or fingerprints stored
by another release would no longer compare."""

from __future__ import annotations

import random

import numpy as np
from datasketch import MinHash

from annotator.core.near_duplicates import _BATCH as BATCH
from annotator.core.near_duplicates import PERMUTATIONS, fingerprint, shingles

WORDS = ["army", "police", "killed", "wounded", "village", "market", "attack", "near",
         "town", "said", "officials", "fighters", "rebels", "checkpoint", "Monday",
         "civilians"]


def _datasketch_signature(text: str) -> bytes:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1, scheme="affine32", hashfunc=int)
    minhash.update_batch(shingles(text).tolist())
    return minhash.hashvalues.astype("<u4").tobytes()


def test_a_fingerprint_is_datasketch_s_minhash_of_the_shingles() -> None:
    rng = random.Random(5)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 600)))
             for _ in range(40)]
    # Longer than a batch of shingles: the minimum is carried across batches.
    texts.append(" ".join(f"w{rng.randrange(10**6)}" for _ in range(BATCH * 2 + 7)))
    texts.append("Ein Bericht über Kämpfe in der Nähe von Gao, عشرات القتلى في الهجوم " * 9)
    for text in texts:
        assert len(shingles(text))
        assert fingerprint(text).signature == _datasketch_signature(text)


def test_a_text_too_short_for_a_shingle_has_no_fingerprint() -> None:
    found = fingerprint("three words only")
    assert found.signature == b"" and found.keys == ()
    assert np.frombuffer(fingerprint(" ".join(WORDS * 2)).signature, "<u4").size == PERMUTATIONS
