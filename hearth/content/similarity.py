"""Near-duplicate detection for content files: two lines that say the same
thing make a library feel stale, and a couple meets every library, so the
checks run over all of them together.

Two yardsticks. `near_duplicates` is lexical (nearly the same words) and
instant. `same_meaning` reads meaning with the untouched MiniLM of
`hearth.coach.embedding`, so it also catches the same question asked in
other words ("Where did you like to go to be alone when you were younger?"
and "Where did you go as a young person when you needed to be alone for a
bit?"); embedding every library's 2,100 lines takes 12 to 15 seconds
of one core."""

import re
from collections.abc import Iterable

import numpy as np
from numpy.typing import NDArray

WORD = re.compile(r"[a-z']+")
# Words too common to tell two lines apart.
STOP = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "do",
        "for",
        "from",
        "have",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "up",
        "us",
        "we",
        "what",
        "when",
        "where",
        "which",
        "who",
        "with",
        "you",
        "your",
    )
)

# Cosine of two MiniLM sentence vectors at or above which two lines ask the
# same thing. The paraphrases reported in issue 13 sat at 0.88 to 0.92; two
# different questions on one theme sit lower ("What's a small dream of yours
# you'd like your partner to know about?" and "What do you dream of for your
# partner, just for them?": 0.82).
MEANING = 0.84


def _trigrams(text: str) -> frozenset[str]:
    norm = " ".join(WORD.findall(text.lower()))
    return frozenset(norm[i : i + 3] for i in range(len(norm) - 2))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOP)


def _jaccard(sets: list[frozenset[str]]) -> NDArray[np.float64]:
    """Jaccard similarity of every pair of sets, as a matrix (0 where either is empty)."""
    index: dict[str, int] = {}
    for s in sets:
        for item in s:
            index.setdefault(item, len(index))
    member = np.zeros((len(sets), max(len(index), 1)))
    for row, s in enumerate(sets):
        member[row, [index[item] for item in s]] = 1
    shared = member @ member.T
    size = member.sum(axis=1)
    union = size[:, None] + size[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=shared > 0)


def _pairs(keys: list[str], score: NDArray[np.floating], threshold: float) -> list[tuple[str, str, float]]:
    """(a, b, score) for every pair of keys, a before b, scoring at least the threshold."""
    rows, cols = np.nonzero(np.triu(score >= threshold, k=1))
    return [(keys[a], keys[b], round(float(score[a, b]), 2)) for a, b in zip(rows, cols, strict=True)]


def near_duplicates(
    texts: dict[str, str], chars: float = 0.62, words: float = 0.75
) -> list[tuple[str, str, float]]:
    """Pairs of keys whose texts are near-duplicates: character trigrams or
    meaningful words overlapping beyond the thresholds."""
    keys = sorted(texts)
    grams = _jaccard([_trigrams(texts[key]) for key in keys])
    vocab = _jaccard([_words(texts[key]) for key in keys])
    return _pairs(keys, np.maximum(grams, vocab * chars / words), chars)


def same_meaning(texts: dict[str, str], threshold: float = MEANING) -> list[tuple[str, str, float]]:
    """Pairs of keys whose texts mean nearly the same, whatever their words."""
    from hearth.coach import embedding

    keys = sorted(texts)
    vectors = embedding.embedder().embed_many([texts[key] for key in keys])
    return _pairs(keys, vectors @ vectors.T, threshold)


def describe(pairs: Iterable[tuple[str, str, float]], texts: dict[str, str]) -> list[str]:
    """Pairs as lines a writer can act on: both keys, both texts, the score."""
    return [f"{a} ~ {b} ({score}): {texts[a]!r} / {texts[b]!r}" for a, b, score in pairs]
