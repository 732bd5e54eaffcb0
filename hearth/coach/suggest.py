"""A gentler way to say it: the nearest curated rewrite, or a scaffold.

The library (`content/coach/rewrites.toml`, written by the project) pairs a
harsh line with a gentle start-up. The nearest harsh line (cosine of
sentence embeddings, among the rewrites for the horseman that most needs an
antidote) is used when it is close enough, with its topic word swapped for
the writer's own where both name the same kind of thing ("dishes" →
"laundry"). Otherwise the writer gets the
"I feel … when … I need …" scaffold, built around the topic of their message
when one can be named. Either way a suggestion speaks about the situation and
the writer's feelings, never about the partner's character.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from hearth.coach.files import REWRITES

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from hearth.coach.classifier import Trained

SIMILAR = 0.55
# When a message shows several horsemen, the rewrite answers the one that
# most needs an antidote.
PRIORITY = ("contempt", "defensiveness", "stonewalling", "criticism")

# Words naming the same kind of thing, so a rewrite about one fits another.
TOPICS: dict[str, tuple[str, ...]] = {
    "chores": (
        "dishes",
        "washing-up",
        "laundry",
        "washing",
        "bins",
        "hoovering",
        "vacuuming",
        "cooking",
        "cleaning",
    ),
    "screens": ("phone", "laptop", "tv", "telly", "games", "tablet"),
    "family": ("mum", "mom", "dad", "mother", "father", "sister", "brother", "parents", "family"),
    "money": ("money", "bills", "rent", "budget", "spending"),
}
FEELINGS = {
    "criticism": "frustrated",
    "contempt": "hurt",
    "defensiveness": "blamed",
    "stonewalling": "overwhelmed",
}


@dataclass(frozen=True)
class Rewrite:
    key: str
    horseman: str
    harsh: str
    gentle: str


@cache
def library() -> tuple[Rewrite, ...]:
    data = tomllib.loads(REWRITES.read_text(encoding="utf-8"))
    return tuple(Rewrite(r["key"], r["horseman"], r["harsh"], r["gentle"]) for r in data["rewrite"])


def _topic_words(text: str) -> dict[str, str]:
    """For each topic family, the first of its words the text uses."""
    words = re.findall(r"[a-z][a-z'-]*", text.lower())
    found: dict[str, str] = {}
    for family, members in TOPICS.items():
        for word in words:
            if word in members:
                found.setdefault(family, word)
    return found


def adapt(gentle: str, source: str, message: str) -> str:
    """Swap the rewrite's topic word for the writer's, within one family."""
    theirs, ours = _topic_words(message), _topic_words(source)
    for family, word in ours.items():
        mine = theirs.get(family)
        if mine and mine != word:
            gentle = re.sub(rf"\b{re.escape(word)}\b", mine, gentle, flags=re.IGNORECASE)
    return gentle


def scaffold(message: str, horsemen: list[str]) -> str:
    """ "I feel … when … I need …", around the message's own topic."""
    first = horsemen[0] if horsemen else ""
    topics = _topic_words(message)
    when = "when …"
    if topics:
        word = next(iter(topics.values()))
        owner = re.search(rf"\b(the|your|my|our)\s+{re.escape(word)}\b", message, re.IGNORECASE)
        when = f"when it comes to {owner.group(1).lower() if owner else 'the'} {word} …"
    if first == "stonewalling":
        return "I feel overwhelmed right now, and I need a short break. Can we come back to this at …?"
    if first == "defensiveness":
        return f"I feel blamed {when} and I can see my part in it. What I need is …"
    return f"I feel {FEELINGS.get(first, 'upset')} {when} What I need is …"


def suggestion(model: Trained, vector: NDArray[np.float32], message: str, horsemen: list[str]) -> str:
    rewrites = library()
    first = next((h for h in PRIORITY if h in horsemen), None)
    if len(model.rewrite_vectors) == len(rewrites) and rewrites:
        similarity = model.rewrite_vectors @ vector
        wanted = np.array([r.horseman == first for r in rewrites])
        if wanted.any():
            similarity = np.where(wanted, similarity, -1.0)
        best = int(np.argmax(similarity))
        if float(similarity[best]) >= SIMILAR:
            chosen = rewrites[best]
            return adapt(chosen.gentle, chosen.harsh, message)
    return scaffold(message, [first] if first else horsemen)
