"""Fitting the wording heads (`hearth/coach/wording.py`) with scikit-learn."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from hearth.coach import rules, wording
from hearth.coach.dataset import Message
from hearth.coach.encoder import HORSEMEN

C = 0.5


def fit(messages: Sequence[Message], vectors: np.ndarray) -> wording.Heads:
    counts = Counter(word for m in messages for word in set(rules.words(m.text)))
    vocabulary = tuple(sorted(word for word, n in counts.items() if n >= 2))
    index = {word: i for i, word in enumerate(vocabulary)}
    x = np.stack([wording.features(v, m.text, index) for v, m in zip(vectors, messages, strict=True)])
    weights, bias = [], []
    for head in HORSEMEN:
        y = np.array([head in m.labels for m in messages])
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(x, y)
        weights.append(model.coef_[0])
        bias.append(model.intercept_[0])
    return wording.Heads(
        np.array(weights, dtype=np.float32), np.array(bias, dtype=np.float32), vocabulary, rules.signature()
    )
