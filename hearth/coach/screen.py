"""From the model's numbers for a text's windows to one reading.

The same code reads a text at run time and reads the held-out folds when
``train`` chooses the thresholds, so a threshold always means what it meant
when it was chosen.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from hearth.coach import windows
from hearth.coach.encoder import HEADS, HORSEMEN, RISKS, Encoder
from hearth.coach.files import CALIBRATION

if TYPE_CHECKING:
    from numpy.typing import NDArray

DANGER = ("partner_violence", "coercive_control")
WORDING_SHARE = 0.5  # the wording heads' part in each horseman's probability
_AT = {head: i for i, head in enumerate(HEADS)}


@dataclass(frozen=True)
class Scores:
    """A text's probabilities: risk for the whole text or its most worrying
    paragraph (each read as a message), and for its most worrying pair of
    sentences (0 when it has none); the kinds of risk and the writer's voice
    where risk is likeliest; each horseman at its highest window, blended
    with the wording heads when they were given."""

    risk: float
    pairs: float
    kinds: dict[str, float]
    writer: float
    horsemen: dict[str, float]


@dataclass(frozen=True)
class Thresholds:
    risk: float
    pairs: float
    kinds: dict[str, float]
    writer: float
    horsemen: dict[str, float]

    def as_json(self) -> dict[str, object]:
        return {
            "risk": self.risk,
            "pairs": self.pairs,
            "kinds": self.kinds,
            "writer": self.writer,
            "horsemen": self.horsemen,
        }


@dataclass(frozen=True)
class Decision:
    risk: list[str]
    writer: bool
    horsemen: list[str]


def scores(
    probabilities: NDArray[np.float32], wholes: int = 1, wording: dict[str, float] | None = None
) -> Scores:
    """`probabilities`: a row for each of the `wholes` first, then each pair's."""
    worst = int(np.argmax(probabilities[:, _AT["risk"]]))
    horsemen = {h: float(probabilities[:, _AT[h]].max()) for h in HORSEMEN}
    if wording is not None:
        horsemen = {h: (1 - WORDING_SHARE) * p + WORDING_SHARE * wording[h] for h, p in horsemen.items()}
    return Scores(
        risk=float(probabilities[:wholes, _AT["risk"]].max()),
        pairs=float(probabilities[wholes:, _AT["risk"]].max()) if len(probabilities) > wholes else 0.0,
        kinds={k: float(probabilities[worst, _AT[k]]) for k in RISKS},
        writer=float(probabilities[worst, _AT["writer"]]),
        horsemen=horsemen,
    )


def read(model: Encoder, text: str, wording: dict[str, float] | None = None) -> Scores:
    """One text: all its windows."""
    pieces = windows.windows(text)
    return scores(model.run(pieces.all()), len(pieces.wholes), wording)


def read_many(
    model: Encoder, texts: Sequence[str], wordings: Sequence[dict[str, float] | None] | None = None
) -> list[Scores]:
    """Many texts (for evaluation and training): each read as `read` reads it."""
    given = wordings or [None] * len(texts)
    return [read(model, text, wording) for text, wording in zip(texts, given, strict=True)]


def decide(s: Scores, t: Thresholds) -> Decision:
    risk: list[str] = []
    if s.risk >= t.risk or s.pairs >= t.pairs:
        risk = [k for k in RISKS if s.kinds[k] >= t.kinds[k]] or [max(RISKS, key=lambda k: s.kinds[k])]
    writer = bool(set(risk) & set(DANGER)) and s.writer >= t.writer
    horsemen = [h for h in HORSEMEN if s.horsemen[h] >= t.horsemen[h]]
    return Decision(risk, writer, horsemen)


@cache
def thresholds() -> Thresholds:
    data = json.loads(CALIBRATION.read_text(encoding="utf-8"))["thresholds"]
    return Thresholds(data["risk"], data["pairs"], data["kinds"], data["writer"], data["horsemen"])
