"""``python -m hearth.coach.train``: fit the classifier and write model.npz.

Learns from the train and dev splits plus the rewrite library (each harsh
line is an example of its horseman, each gentle line of none); the test
split is never seen. Each head's threshold comes from 5-fold cross-validation
over that pool: for a horseman the regularisation and threshold with the
best F1; for "any risk"
the highest that still finds 96% of the risk messages, because missing a
signal is worse than showing help once too often. A last head tells plainly
everyday messages from risk ones; when it is sure enough it overrules an
unsure risk, as long as 95% of the risk messages are still found. Needs scikit-learn (a
development requirement); applying the result needs only numpy.
"""

from __future__ import annotations

import sys
from collections import Counter

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from hearth.coach import dataset, embedding, rules, suggest
from hearth.coach.classifier import HEADS, Trained, features
from hearth.coach.dataset import Message
from hearth.coach.rules import RISKS

RISK_RECALL = 0.95  # what the screen must find, with the "safe" veto applied
RISK_ALONE = 0.96  # what the "any risk" head alone must find
C = 0.5
CHOICES = (0.25, 0.5, 1.0, 2.0)
THRESHOLDS = np.arange(0.05, 0.96, 0.01)


def pool() -> list[Message]:
    messages = dataset.load(["train", "dev"])
    for r in suggest.library():
        messages.append(Message(r.harsh, frozenset({r.horseman}), "horseman", "rewrite"))
        messages.append(Message(r.gentle, frozenset(), "gentle", "rewrite"))
    return messages


def truth(messages: list[Message], head: str) -> np.ndarray:
    if head == "safe":
        return np.array([m.kind in ("gentle", "hard_negative") for m in messages])
    if head == "risk":
        return np.array([bool(m.labels & set(RISKS)) for m in messages])
    return np.array([head in m.labels for m in messages])


def _model(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=5000)


def f1(guess: np.ndarray, y: np.ndarray) -> float:
    return 2 * float(guess[y].sum()) / max(float(guess.sum() + y.sum()), 1.0)


def best_f1(p: np.ndarray, y: np.ndarray) -> float:
    return float(max(THRESHOLDS, key=lambda t: f1(p >= t, y)))


def recall_at_least(p: np.ndarray, y: np.ndarray, recall: float) -> float:
    passing = [t for t in THRESHOLDS if (p >= t)[y].mean() >= recall]
    return float(max(passing)) if passing else float(THRESHOLDS[0])


def safe_cut(risk_p: np.ndarray, risk_t: float, safe_p: np.ndarray, risky: np.ndarray) -> float:
    """The lowest "safe" probability that may overrule an unsure risk while the
    screen still finds RISK_RECALL of the risk messages."""
    for cut in np.arange(0.70, 1.0, 0.01):
        found = (risk_p >= risk_t) & (safe_p < cut)
        if found[risky].mean() >= RISK_RECALL:
            return float(cut)
    return 1.01


def fit() -> Trained:
    messages = pool()
    counts = Counter(word for m in messages for word in set(rules.words(m.text)))
    vocabulary = tuple(sorted(word for word, n in counts.items() if n >= 2))
    index = {word: i for i, word in enumerate(vocabulary)}
    vectors = embedding.embedder().embed_many([m.text for m in messages])
    x = np.stack([features(v, m.text, index) for v, m in zip(vectors, messages, strict=True)])
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    weights, bias, thresholds = [], [], []
    risk_p, risk_t = np.zeros(len(messages)), 0.0
    for head in HEADS:
        y = truth(messages, head)
        if head in RISKS:  # which kind, among the risk messages only
            rows = truth(messages, "risk")
            xs, ys = x[rows], y[rows]
        else:
            xs, ys = x, y
        if head == "safe":  # plainly everyday, against risk; horsemen left out
            rows = np.array([m.kind not in ("horseman",) for m in messages])
            xs, ys = x[rows], y[rows]
            c = C
            p = cross_val_predict(_model(c), xs, ys, cv=folds, method="predict_proba")[:, 1]
            threshold = safe_cut(risk_p[rows], risk_t, p, truth(messages, "risk")[rows])
        elif head == "risk":
            c = C
            p = cross_val_predict(_model(c), xs, ys, cv=folds, method="predict_proba")[:, 1]
            threshold = recall_at_least(p, ys, RISK_ALONE)
            risk_p, risk_t = p, threshold
        else:  # the regularisation with the best cross-validated F1
            tried = []
            for c in CHOICES:
                p = cross_val_predict(_model(c), xs, ys, cv=folds, method="predict_proba")[:, 1]
                t = best_f1(p, ys)
                tried.append((f1(p >= t, ys), c, t))
            _, c, threshold = max(tried)
        thresholds.append(threshold)
        model = _model(c).fit(xs, ys)
        weights.append(model.coef_[0])
        bias.append(model.intercept_[0])
    return Trained(
        weights=np.array(weights, dtype=np.float32),
        bias=np.array(bias, dtype=np.float32),
        thresholds=np.array(thresholds, dtype=np.float32),
        vocabulary=vocabulary,
        rewrite_vectors=embedding.embedder().embed_many([r.harsh for r in suggest.library()]),
        fingerprint=dataset.fingerprint(),
    )


def main() -> int:
    trained = fit()
    trained.save()
    for head, t in zip(HEADS, trained.thresholds, strict=True):
        print(f"{head:18} threshold {t:.2f}", file=sys.stderr)
    print(f"vocabulary: {len(trained.vocabulary)} words and pairs", file=sys.stderr)
    print("Wrote hearth/coach/model.npz", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
