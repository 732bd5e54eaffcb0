"""Thresholds, chosen on the held-out folds' readings (never the test split).

- risk (the whole text, and each paragraph of a longer one as if it were a
  message): the highest threshold at which the screen (model and phrases
  together) still finds ``RECALL`` of the risk messages;
- pairs of sentences (read in paragraphs of three sentences or more, where one
  sentence can be lost in the whole): their own threshold, the lowest at which
  they add at most ``PAIRS_ADD`` to the share of non-risk messages read as risk
  (the same model reading a fragment out of context is more easily alarmed);
- each kind of risk: the best F1 among the risk messages;
- the writer's voice: the lowest threshold at which at most ``VICTIMS`` of
  the people writing about violence or control done to them would be read
  as the one doing it (a victim must not be told they could frighten someone);
- each horseman: the best F1.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from hearth.coach.dataset import Message
from hearth.coach.encoder import HORSEMEN, RISKS
from hearth.coach.measures import is_risk, score
from hearth.coach.screen import DANGER, Scores, Thresholds

RECALL = 0.95
PAIRS_ADD = 0.01
VICTIMS = 0.03
GRID = [round(float(t), 3) for t in np.arange(0.01, 0.995, 0.005)]


def _best_f1(values: Sequence[float], truth: Sequence[bool]) -> float:
    return max(GRID, key=lambda t: (score([(v >= t, y) for v, y in zip(values, truth, strict=True)]).f1, -t))


def choose(messages: Sequence[Message], readings: Sequence[Scores], said: Sequence[bool]) -> Thresholds:
    """``said``: whether a risk phrase alone already finds each message."""
    risky = [i for i, m in enumerate(messages) if is_risk(m)]
    risk = GRID[0]
    for t in GRID:
        found = sum(1 for i in risky if said[i] or readings[i].risk >= t)
        if found / max(len(risky), 1) >= RECALL:
            risk = t
    calm = [i for i, m in enumerate(messages) if not is_risk(m) and not said[i] and readings[i].risk < risk]
    allowed = PAIRS_ADD * sum(not is_risk(m) for m in messages)
    pairs = next((t for t in GRID if sum(readings[i].pairs >= t for i in calm) <= allowed), GRID[-1])
    kinds = {
        k: _best_f1([readings[i].kinds[k] for i in risky], [k in messages[i].labels for i in risky])
        for k in RISKS
    }
    voiced = [i for i in risky if messages[i].labels & set(DANGER) and messages[i].voice]
    victims = [readings[i].writer for i in voiced if messages[i].voice == "other"]
    writer = next((t for t in GRID if sum(v >= t for v in victims) <= VICTIMS * len(victims)), GRID[-1])
    horsemen = {
        h: _best_f1([r.horsemen[h] for r in readings], [h in m.labels for m in messages]) for h in HORSEMEN
    }
    return Thresholds(risk, pairs, kinds, writer, horsemen)
