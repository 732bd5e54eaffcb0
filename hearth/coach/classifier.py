"""The project's small classifier over sentence embeddings, phrases and words.

Features for a message: its sentence embedding, one flag per phrase and risk
cue in `rules.py`, and which words and word pairs of the training vocabulary
it uses. On them, one logistic regression per horseman, one for "any risk",
one per kind of risk (which says which help to show), and one for "plainly
everyday", which may overrule an unsure risk. Trained by
``python -m hearth.coach.train`` with scikit-learn; applying it needs only
numpy. Everything lives in ``model.npz`` beside this file, with a fingerprint
of the data and the phrases it was trained on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from hearth.coach import rules
from hearth.coach.files import MODEL
from hearth.coach.rules import HORSEMEN, RISKS

if TYPE_CHECKING:
    from numpy.typing import NDArray

EMBEDDING_WEIGHT = 3.0  # the embedding is unit length; the flags are 0 or 1
SURE = 0.9  # "any risk" at or above this is a clear signal, not a possible one
HEADS = (*HORSEMEN, "risk", *RISKS, "safe")


@dataclass(frozen=True)
class Trained:
    weights: NDArray[np.float32]  # one row per head, one column per feature
    bias: NDArray[np.float32]  # one per head
    thresholds: NDArray[np.float32]  # one per head
    vocabulary: tuple[str, ...]
    rewrite_vectors: NDArray[np.float32]  # one row per rewrite, in file order
    fingerprint: str

    def save(self, path: Path = MODEL) -> None:
        np.savez_compressed(
            path,
            weights=self.weights,
            bias=self.bias,
            thresholds=self.thresholds,
            vocabulary=np.array(self.vocabulary),
            rewrite_vectors=self.rewrite_vectors.astype(np.float16),
            fingerprint=np.array(self.fingerprint),
        )

    @property
    def index(self) -> dict[str, int]:
        return _index(self.vocabulary)


@cache
def _index(vocabulary: tuple[str, ...]) -> dict[str, int]:
    return {word: i for i, word in enumerate(vocabulary)}


@cache
def trained(path: Path = MODEL) -> Trained:
    with np.load(path) as data:
        return Trained(
            weights=data["weights"].astype(np.float32),
            bias=data["bias"].astype(np.float32),
            thresholds=data["thresholds"].astype(np.float32),
            vocabulary=tuple(str(w) for w in data["vocabulary"]),
            rewrite_vectors=data["rewrite_vectors"].astype(np.float32),
            fingerprint=str(data["fingerprint"]),
        )


def features(vector: NDArray[np.float32], text: str, index: dict[str, int]) -> NDArray[np.float32]:
    bag = np.zeros(len(index), dtype=np.float32)
    for word in rules.words(text):
        at = index.get(word)
        if at is not None:
            bag[at] = 1.0
    flags = np.asarray(rules.pattern_flags(text), dtype=np.float32)
    return np.concatenate([vector * EMBEDDING_WEIGHT, flags, bag])


def probabilities(model: Trained, x: NDArray[np.float32]) -> NDArray[np.float32]:
    scores = model.weights @ x + model.bias
    return (1.0 / (1.0 + np.exp(-scores))).astype(np.float32)


def predict(model: Trained, vector: NDArray[np.float32], text: str) -> tuple[set[str], bool]:
    """The labels the classifier gives one message, and whether it is sure of
    a risk it found.

    A risk is found when the "any risk" head passes its threshold, unless it
    is unsure and the "safe" head is sure the message is plainly everyday; its
    kinds are those whose own head passes, or else the likeliest one.
    """
    p = dict(zip(HEADS, probabilities(model, features(vector, text, model.index)), strict=True))
    t = dict(zip(HEADS, model.thresholds, strict=True))
    labels = {h for h in HORSEMEN if p[h] >= t[h]}
    sure = p["risk"] >= max(SURE, t["risk"])
    if p["risk"] >= t["risk"] and (sure or p["safe"] < t["safe"]):
        kinds = {r for r in RISKS if p[r] >= t[r]}
        labels |= kinds or {max(RISKS, key=lambda r: p[r])}
    return labels, sure
