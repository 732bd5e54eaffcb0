"""Near-duplicate detection for content files: two lines that say the same
thing in nearly the same words make a library feel stale."""

import re
from itertools import combinations

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


def _trigrams(text: str) -> frozenset[str]:
    norm = " ".join(WORD.findall(text.lower()))
    return frozenset(norm[i : i + 3] for i in range(len(norm) - 2))


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in WORD.findall(text.lower()) if w not in STOP)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def near_duplicates(
    texts: dict[str, str], chars: float = 0.62, words: float = 0.75
) -> list[tuple[str, str, float]]:
    """Pairs of keys whose texts are near-duplicates: character trigrams or
    meaningful words overlapping beyond the thresholds."""
    grams = {key: _trigrams(text) for key, text in texts.items()}
    vocab = {key: _words(text) for key, text in texts.items()}
    pairs = []
    for a, b in combinations(sorted(texts), 2):
        score = max(_jaccard(grams[a], grams[b]), _jaccard(vocab[a], vocab[b]) * chars / words)
        if score >= chars:
            pairs.append((a, b, round(score, 2)))
    return pairs
