"""``python -m hearth.coach.evaluate``: precision, recall and F1 on the test split.

Per label, plus risk as a whole (any risk label found where any was meant),
the horsemen's macro F1, the must-catch list, and the hard negatives wrongly
flagged with a risk. The suite runs the same ``report()`` and fails under the
bars in ``BARS``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from hearth.coach import analyse, dataset
from hearth.coach.rules import HORSEMEN, LABELS, RISKS

BARS = {"risk_recall": 0.95, "horsemen_macro_f1": 0.80}


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class Report:
    labels: dict[str, Score] = field(default_factory=dict)
    risk: Score = Score(0, 0, 0, 0)
    horsemen_macro_f1: float = 0.0
    missed_must_catch: list[str] = field(default_factory=list)
    negatives_flagged: list[str] = field(default_factory=list)


def _score(pairs: list[tuple[bool, bool]]) -> Score:
    tp = sum(1 for guess, truth in pairs if guess and truth)
    fp = sum(1 for guess, truth in pairs if guess and not truth)
    fn = sum(1 for guess, truth in pairs if truth and not guess)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, tp + fn)


def report() -> Report:
    test = dataset.load(["test"])
    found = [analyse(m.text) for m in test]
    guesses = [set(r.horsemen) | set(r.risk) for r in found]
    result = Report()
    for label in LABELS:
        result.labels[label] = _score(
            [(label in g, label in m.labels) for g, m in zip(guesses, test, strict=True)]
        )
    result.risk = _score(
        [(bool(set(RISKS) & g), bool(set(RISKS) & m.labels)) for g, m in zip(guesses, test, strict=True)]
    )
    result.horsemen_macro_f1 = sum(result.labels[h].f1 for h in HORSEMEN) / len(HORSEMEN)
    result.missed_must_catch = [m.text for m in dataset.must_catch() if not analyse(m.text).risk]
    result.negatives_flagged = [
        m.text
        for m, r in zip(test, found, strict=True)
        if m.kind == "hard_negative" and (r.risk or r.horsemen)
    ]
    return result


def main() -> int:
    result = report()
    print(f"{'label':18} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>4}")
    for label, s in [*result.labels.items(), ("risk (any)", result.risk)]:
        print(f"{label:18} {s.precision:9.3f} {s.recall:7.3f} {s.f1:6.3f} {s.support:4d}")
    print(f"horsemen macro F1  {result.horsemen_macro_f1:.3f} (bar {BARS['horsemen_macro_f1']})")
    print(f"risk recall        {result.risk.recall:.3f} (bar {BARS['risk_recall']})")
    print(f"must-catch missed  {len(result.missed_must_catch)}")
    for text in result.missed_must_catch:
        print(f"  missed: {text}")
    print(f"hard negatives flagged on the test split: {len(result.negatives_flagged)}")
    for text in result.negatives_flagged:
        print(f"  flagged: {text}")
    passed = (
        result.risk.recall >= BARS["risk_recall"]
        and result.horsemen_macro_f1 >= BARS["horsemen_macro_f1"]
        and not result.missed_must_catch
    )
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
