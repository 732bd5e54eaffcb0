"""The pieces of a text the screen reads: the whole text, each paragraph, and
each sentence beside its neighbour.

A model reading a whole 2,000-character answer sees only its first 128
tokens, and even within them one sentence is diluted by a paragraph of
everyday life. So a text of several paragraphs has each paragraph read as if
it were a message of its own, and a paragraph of three sentences or more is
also read in short windows of two neighbouring sentences, each sentence
appearing in one or two of them; the screen takes the most worrying reading.
A very long sentence (texting without full stops) is cut into overlapping
runs of words first.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
PARAGRAPH = re.compile(r"\n\s*\n")
LONGEST = 36  # words in one piece; ~50 tokens, so two fit well within 128
OVERLAP = 8


@dataclass(frozen=True)
class Windows:
    """`wholes` are read like messages (the text, then each paragraph);
    `pairs` are neighbouring sentences, read against their own threshold."""

    wholes: list[str]
    pairs: list[str]

    def all(self) -> list[str]:
        return [*self.wholes, *self.pairs]


def sentences(text: str) -> list[str]:
    pieces: list[str] = []
    for match in SENTENCE.finditer(text):
        words = match.group().split()
        if not words:
            continue
        if len(words) <= LONGEST:
            pieces.append(" ".join(words))
            continue
        step = LONGEST - OVERLAP
        for start in range(0, len(words) - OVERLAP, step):
            pieces.append(" ".join(words[start : start + LONGEST]))
    return pieces


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in PARAGRAPH.split(text) if p.strip()]


def windows(text: str) -> Windows:
    """The whole text, each paragraph of a longer one, and every pair of
    neighbouring sentences within a paragraph."""
    whole = text.strip()
    parts = paragraphs(whole)
    wholes = [whole, *parts] if len(parts) > 1 else [whole]
    pairs: list[str] = []
    for paragraph in parts:
        said = sentences(paragraph)
        if len(said) > 2:  # two sentences are already read whole
            pairs += [f"{a} {b}" for a, b in itertools.pairwise(said)]
    return Windows(wholes, pairs)
