"""What the network learns from: each message's targets, and composites.

A composite puts one or two ordinary sentences before or after a message, with
the message's labels: risk written after a paragraph of everyday life is still
risk, and an everyday paragraph is still nothing. The ordinary sentences come
from the same side of a fold as the message, never from held-out data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from hearth.coach import windows
from hearth.coach.dataset import Message
from hearth.coach.encoder import HEADS, HORSEMEN, RISKS
from hearth.coach.screen import DANGER

# Composites per message, by what the message is.
COMPOSITES = {"risk": 2.0, "horseman": 0.5, "none": 0.3}


@dataclass(frozen=True)
class Example:
    text: str
    target: np.ndarray  # one 0/1 per head
    mask: np.ndarray  # 1 where the target is known


def targets(message: Message) -> tuple[np.ndarray, np.ndarray]:
    target = np.zeros(len(HEADS), np.float32)
    mask = np.ones(len(HEADS), np.float32)
    labels = message.labels
    target[HEADS.index("risk")] = float(bool(labels & set(RISKS)))
    for head in (*RISKS, *HORSEMEN):
        target[HEADS.index(head)] = float(head in labels)
    writer = HEADS.index("writer")
    if labels & set(DANGER) and message.voice in ("writer", "other"):
        target[writer] = float(message.voice == "writer")
    else:
        mask[writer] = 0.0  # whose voice is only learnt where it was labelled
    return target, mask


def ordinary_sentences(messages: list[Message]) -> list[str]:
    """Sentences of the plainly ordinary messages and paragraphs."""
    found = []
    for m in messages:
        if m.kind == "gentle" and not m.labels:
            found += [s for s in windows.sentences(m.text) if len(s.split()) >= 4]
    return found


def build(messages: list[Message], seed: int, composites: float = 1.0) -> list[Example]:
    rng = random.Random(seed)
    ordinary = ordinary_sentences(messages)
    examples = []
    for m in messages:
        target, mask = targets(m)
        examples.append(Example(m.text, target, mask))
        group = "risk" if m.labels & set(RISKS) else "horseman" if m.labels else "none"
        rate = COMPOSITES[group] * composites
        count = int(rate) + (rng.random() < rate - int(rate))
        for n in range(count):
            extra = " ".join(rng.sample(ordinary, rng.choice((1, 1, 2))))
            text = f"{extra} {m.text}" if n % 2 == 0 else f"{m.text} {extra}"
            examples.append(Example(text, target, mask))
    rng.shuffle(examples)
    return examples
