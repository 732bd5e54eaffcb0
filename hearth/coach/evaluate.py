"""``python -m hearth.coach.evaluate``: every figure the coach is judged by,
on the frozen test split, against its floors and ceilings.

- the screen: risk recall, and the share of non-risk messages read as risk
  (all, gentle, hard negatives, horsemen messages); whose voice; the
  must-catch list, alone and after one, two and three paragraphs of ordinary
  text, and at the end of a 2,000-character answer; how often an answer of
  two to four ordinary paragraphs is read as risk; no suggestion on a risk;
- the coach: each horseman's precision, recall and F1, their macro-F1, and
  how often the suggestion is the blank scaffold rather than a curated rewrite;
- other languages: the phrase lists' own examples, found and not found.

The suite runs the same ``report()`` and fails outside the enforced ``BARS``;
``main`` also names each of issue 12's targets still missed. Thresholds
were chosen in cross-validation by ``train``; this is the one look at the
test split.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from unittest import mock

import numpy as np
from numpy.typing import NDArray

from hearth.coach import analyse, dataset, encoder, languages, suggest
from hearth.coach.measures import Figures, Guess, figures, is_risk

# (name, "floor" or "ceiling", issue 12's target, the bar the suite enforces).
# Where a target is not yet reached, the bar is the best operating point
# measured (chosen in cross-validation, then read here once), so that nothing
# may get worse; `main` names every target still missed. The int8 model's
# readings differ a little between CPUs (onnxruntime's AVX2 and AVX-512 VNNI
# kernels round differently): each bar holds on both kinds measured.
BARS: tuple[tuple[str, str, float, float], ...] = (
    ("risk_recall", "floor", 0.95, 0.93),
    ("false_alarms_all", "ceiling", 0.05, 0.175),
    ("false_alarms_gentle", "ceiling", 0.03, 0.14),
    ("false_alarms_hard_negative", "ceiling", 0.08, 0.26),
    ("false_alarms_horseman", "ceiling", 0.05, 0.115),
    ("ordinary_answers_read_as_risk", "ceiling", 0.05, 0.87),
    ("must_catch_missed", "ceiling", 0, 0),
    ("must_catch_missed_after_paragraphs", "ceiling", 0, 0),
    ("long_answers_missed", "ceiling", 0, 0),
    ("suggestions_on_risk", "ceiling", 0, 0),
    ("horsemen_macro_f1", "floor", 0.85, 0.82),
    ("weakest_horseman_f1", "floor", 0.80, 0.74),  # 0.761 on AVX2, 0.747 on VNNI
    ("scaffold_share", "ceiling", 0.30, 0.25),
    ("victims_read_as_writer", "ceiling", 0.05, 0.03),
    ("foreign_missed", "ceiling", 0, 0),
    ("foreign_false_alarms", "ceiling", 0, 0),
)
LONG_ANSWER = 2000


@dataclass
class Report:
    figures: Figures
    values: dict[str, float] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)  # what to look at when a bar fails

    def failures(self) -> list[str]:
        """The bars the suite enforces that this report breaks."""
        return [
            f"{name} {self.values[name]:.3f} is {'under' if kind == 'floor' else 'over'} {bar}"
            for name, kind, _, bar in BARS
            if _outside(kind, self.values[name], bar)
        ]

    def targets_missed(self) -> list[str]:
        return [
            f"{name} {self.values[name]:.3f} (target {target})"
            for name, kind, target, _ in BARS
            if _outside(kind, self.values[name], target)
        ]


def _outside(kind: str, value: float, bar: float) -> bool:
    return value < bar if kind == "floor" else value > bar


def paragraphs() -> list[str]:
    """Ordinary paragraphs of the test split, longest first."""
    found = [m.text for m in dataset.load(["test"]) if m.kind == "gentle" and len(m.text) >= 180]
    return sorted(found, key=len, reverse=True)


def long_answer(ordinary: list[str], ending: str, start: int) -> str:
    """Ordinary paragraphs up to about 2,000 characters, ending in `ending`."""
    text = ""
    at = start
    while len(text) + len(ending) < LONG_ANSWER - 200:
        text += ordinary[at % len(ordinary)] + "\n\n"
        at += 1
    return text + ending


class _Remembering(encoder.Encoder):
    """The model, keeping each window's numbers for the rest of one
    evaluation. The evaluation reads the same ordinary paragraphs in many
    compositions; each window is read alone, so its numbers do not depend on
    what surrounds it. Only here: at run time nothing written is kept."""

    def __init__(self, model: encoder.Encoder) -> None:
        super().__init__(model.session, model.tokenizer)
        self.model = model
        self.seen: dict[str, NDArray[np.float32]] = {}

    def run(self, texts: list[str]) -> NDArray[np.float32]:
        for text in {t for t in texts if t not in self.seen}:
            self.seen[text] = self.model.run([text])[0]
        return np.array([self.seen[t] for t in texts], dtype=np.float32).reshape(
            len(texts), len(encoder.HEADS)
        )


@contextmanager
def _remembering_windows() -> Iterator[None]:
    remembering = _Remembering(encoder.encoder())
    with mock.patch.object(encoder, "encoder", lambda: remembering):
        yield


def report() -> Report:
    with _remembering_windows():
        return _report()


def _report() -> Report:
    test = dataset.load(["test"])
    readings = [analyse(m.text) for m in test]
    guesses = [Guess(bool(r.risk), r.voice == "writer", frozenset(r.horsemen)) for r in readings]
    result = Report(figures(test, guesses))
    f = result.figures
    v = result.values
    v["risk_recall"] = f.risk_recall
    for group, share in f.false_alarms.items():
        v[f"false_alarms_{group}"] = share
    v["horsemen_macro_f1"] = f.macro_f1
    v["weakest_horseman_f1"] = min(s.f1 for s in f.horsemen.values())
    v["victims_read_as_writer"] = f.writer_wrong_on_victims
    v["suggestions_on_risk"] = sum(1 for r in readings if r.risk and r.suggestion)
    result.missed += [
        f"missed risk: {m.text}" for m, r in zip(test, readings, strict=True) if is_risk(m) and not r.risk
    ]
    result.missed += [
        f"read as risk: [{m.kind}] {m.text}"
        for m, r in zip(test, readings, strict=True)
        if not is_risk(m) and r.risk
    ]

    must = [m.text for m in dataset.must_catch()]
    missed = [t for t in must if not analyse(t).risk]
    v["must_catch_missed"] = len(missed)
    ordinary = paragraphs()
    late = []
    for n in (1, 2, 3):
        for i, text in enumerate(must):
            before = "\n\n".join(ordinary[(i + k) % len(ordinary)] for k in range(n))
            if not analyse(f"{before}\n\n{text}").risk:
                late.append(f"after {n}: {text}")
    v["must_catch_missed_after_paragraphs"] = len(late)
    calm = [
        "\n\n".join(ordinary[(i + k) % len(ordinary)] for k in range(n + 1))
        for n in (1, 2, 3)
        for i in range(len(must))
    ]
    alarms = [t for t in calm if analyse(t).risk]
    v["ordinary_answers_read_as_risk"] = len(alarms) / len(calm)
    result.missed += [f"ordinary answer read as risk: {t[:80]}…" for t in alarms]
    long_missed = [t for i, t in enumerate(must) if not analyse(long_answer(ordinary, t, i)).risk]
    v["long_answers_missed"] = len(long_missed)
    result.missed += [f"must-catch missed: {t}" for t in missed] + [f"must-catch missed {t}" for t in late]
    result.missed += [f"missed at the end of a long answer: {t}" for t in long_missed]

    coached = [r for m, r in zip(test, readings, strict=True) if m.kind == "horseman" and r.suggestion]
    scaffolds = [r for r in coached if suggest.is_scaffold(r.suggestion or "")]
    v["scaffold_share"] = len(scaffolds) / max(len(coached), 1)

    foreign_missed, foreign_alarms = [], []
    for code in languages.LANGUAGES:
        for example in languages.read_file(code)["example"]:
            found = analyse(example["text"]).risk
            if example["labels"] and not found:
                foreign_missed.append(f"{code} missed: {example['text']}")
            if not example["labels"] and found:
                foreign_alarms.append(f"{code} read as risk: {example['text']}")
    v["foreign_missed"] = len(foreign_missed)
    v["foreign_false_alarms"] = len(foreign_alarms)
    result.missed += foreign_missed + foreign_alarms
    return result


def main() -> int:
    result = report()
    print(f"Test split: {len(dataset.load(['test']))} messages")
    print("\n".join(result.figures.lines()))
    print(f"{'':38} {'measured':>8}   {'target':>13}   {'enforced':>8}")
    for name, kind, target, bar in BARS:
        print(f"{name:38} {result.values[name]:8.3f}   {kind:>7} {target:<5}   {bar:8}")
    if "-v" in sys.argv:
        print("\n".join(result.missed))
    for line in result.targets_missed():
        print(f"TARGET MISSED {line}")
    failures = result.failures()
    for line in failures:
        print(f"FAIL {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
