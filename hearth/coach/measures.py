"""The figures the screen and the coach are judged by, shared by ``train``
(on the held-out folds) and ``evaluate`` (on the test split)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hearth.coach.dataset import Message
from hearth.coach.encoder import HORSEMEN, RISKS

# Which messages a false alarm is counted among.
GROUPS = ("gentle", "hard_negative", "horseman")


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Guess:
    risk: bool
    writer: bool
    horsemen: frozenset[str]


def score(pairs: Sequence[tuple[bool, bool]]) -> Score:
    tp = sum(1 for guess, truth in pairs if guess and truth)
    fp = sum(1 for guess, truth in pairs if guess and not truth)
    fn = sum(1 for guess, truth in pairs if truth and not guess)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, tp + fn)


def is_risk(m: Message) -> bool:
    return bool(m.labels & set(RISKS))


@dataclass(frozen=True)
class Figures:
    risk_recall: float
    risk_count: int
    false_alarms: dict[str, float]  # "all" and each of GROUPS
    horsemen: dict[str, Score]
    macro_f1: float
    writer_right: float  # of violence and control messages read as risk, voice right
    writer_wrong_on_victims: float  # victims' messages read in the writer's voice

    def lines(self) -> list[str]:
        out = [f"risk recall {self.risk_recall:.3f} of {self.risk_count} risk messages"]
        out += [
            f"read as risk: {share:.3f} of {group} non-risk messages"
            for group, share in self.false_alarms.items()
        ]
        out += [
            f"{h:14} precision {s.precision:.3f} recall {s.recall:.3f} F1 {s.f1:.3f} (n={s.support})"
            for h, s in self.horsemen.items()
        ]
        out.append(f"horsemen macro-F1 {self.macro_f1:.3f}")
        out.append(
            f"voice right {self.writer_right:.3f};"
            f" victims read as the writer {self.writer_wrong_on_victims:.3f}"
        )
        return out


def figures(messages: Sequence[Message], guesses: Sequence[Guess]) -> Figures:
    pairs = list(zip(messages, guesses, strict=True))
    risky = [g.risk for m, g in pairs if is_risk(m)]
    alarms: dict[str, float] = {}
    for group in ("all", *GROUPS):
        chosen = [g.risk for m, g in pairs if not is_risk(m) and (group == "all" or m.kind == group)]
        alarms[group] = sum(chosen) / max(len(chosen), 1)
    horsemen = {h: score([(h in g.horsemen, h in m.labels) for m, g in pairs]) for h in HORSEMEN}
    voiced = [
        (m, g) for m, g in pairs if g.risk and m.voice and m.labels & {"partner_violence", "coercive_control"}
    ]
    victims = [g for m, g in voiced if m.voice == "other"]
    return Figures(
        risk_recall=sum(risky) / max(len(risky), 1),
        risk_count=len(risky),
        false_alarms=alarms,
        horsemen=horsemen,
        macro_f1=sum(s.f1 for s in horsemen.values()) / len(HORSEMEN),
        writer_right=sum(g.writer == (m.voice == "writer") for m, g in voiced) / max(len(voiced), 1),
        writer_wrong_on_victims=sum(g.writer for g in victims) / max(len(victims), 1),
    )
