"""A gentler way to say it: the nearest curated rewrite, or a scaffold.

Messages and rewrites are compared by the untouched all-MiniLM-L6-v2's
sentence vectors (`embedding.py`), which keep what a message is *about*; the
coach's fine-tuned model knows which horseman it is, not the situation. After
changing the rewrites, ``python -m hearth.coach.read_rewrites`` reads their harsh
lines once more (seconds).

The library (`content/coach/rewrites.toml`, written by the project) pairs a
harsh line with a gentle start-up. A rewrite is chosen for the horseman that
most needs an antidote and the kind of situation the message is about
(money, chores, the kids, time…, or "general"): the nearest such harsh line
by sentence vectors; failing that, the nearest for the horseman
if it is close enough. Its topic word is swapped for the writer's own where
both name the same kind of thing ("dishes" → "laundry"). Otherwise the writer
gets the "I feel … when … I need …" scaffold, built around the topic of their
message when one can be named. Either way a suggestion speaks about the
situation and the writer's feelings, never about the partner's character.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

from hearth.coach import embedding
from hearth.coach.files import REWRITE_VECTORS, REWRITES

if TYPE_CHECKING:
    from numpy.typing import NDArray

SIMILAR = 0.55  # close enough whatever the situation
NEAR_ENOUGH = 0.35  # close enough within the same situation
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
# What a message is about, so a rewrite is chosen for the same horseman *and*
# the same kind of situation; the first one named in the text counts.
# "general" rewrites answer a horseman whatever it is about.
SITUATIONS: dict[str, str] = {
    "chores": r"dish|washing|laundry|\bbins?\b|hoover|vacuum|clean|tidy|\bmess\b|messy|\biron(?:ing|ed)?\b"
    r"|chore|housework",
    "money": r"money|spen[dt]|\bbills?\b|\brent\b|mortgage|budget|\bcard\b|\bbank|£|\$|afford|savings",
    "screens": r"phone|laptop|\btv\b|telly|gam(?:e|es|ing)\b|tablet|screen|scroll|netflix|instagram|tiktok",
    "family": r"\bmum|\bmom|\bdad\b|mother|father|sister|brother|parents|family|in-laws?|\bnan\b|\bgran",
    "kids": r"\bkids?\b|child|\bson\b|daughter|\bbaby|school|homework|bedtime|nappy|nappies",
    "time": r"\blate\b|waiting|\bwait|forg[eo]t|remember|promis|on time|\bhours?\b|minutes",
    "work": r"\bwork|\bjob\b|boss|office|shift|meeting|colleague",
    "friends": r"friend|\bpub\b|party|night out|\bthe lads\b|\bthe girls\b",
    "driving": r"\bdriv|\bcar\b|parking|traffic|\broad\b|\blift\b|sat ?nav",
    "intimacy": r"\bsex|\bbed\b|touch|cuddl|\bkiss|intima|affection",
    "food": r"\bfood|dinner|lunch|breakfast|\bmeals?\b|\beat|takeaway|cook|fridge",
    "occasions": r"holiday|\btrip\b|christmas|birthday|anniversary|present|\bgift|wedding|weekend away",
    "health": r"doctor|\bgp\b|\bsick\b|\bill\b|tired|sleep|\bgym|drink|drunk|diet",
    "pets": r"\bdogs?\b|\bcats?\b|\bpets?\b|\bvet\b",
    "home": r"\bhouse\b|garden|\bdiy\b|repair|\bshed\b|decorat|boiler|\bleak",
}
_SITUATIONS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in SITUATIONS.items()}


def situation(text: str) -> str:
    """The kind of situation a text is about: the first one it names."""
    found = [(m.start(), name) for name, pattern in _SITUATIONS.items() if (m := pattern.search(text))]
    return min(found)[1] if found else "general"


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


SCAFFOLD_ENDINGS = ("What I need is …", "Can we come back to this at …?")


def is_scaffold(text: str) -> bool:
    """Whether a suggestion is the blank scaffold rather than a curated rewrite."""
    return text.endswith(SCAFFOLD_ENDINGS)


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


def fingerprint() -> str:
    """The rewrites as they are, and the model that reads them."""
    return hashlib.sha256(REWRITES.read_bytes() + embedding.MODEL_SHA256.encode()).hexdigest()


@cache
def vectors() -> NDArray[np.float32]:
    """The sentence vector of each rewrite's harsh line, in file order
    (written by ``python -m hearth.coach.read_rewrites``)."""
    with np.load(REWRITE_VECTORS) as data:
        found: NDArray[np.float32] = data["vectors"].astype(np.float32)
    return found


def write_vectors() -> int:
    found = embedding.embedder().embed_many([r.harsh for r in library()])
    np.savez_compressed(
        REWRITE_VECTORS, vectors=found.astype(np.float16), fingerprint=np.array(fingerprint())
    )
    return len(found)


@cache
def _situations() -> tuple[str, ...]:
    return tuple(situation(r.harsh) for r in library())


def pick(similarity: NDArray[np.float32], message: str, horseman: str) -> int | None:
    """Which rewrite answers `message`: among those for its horseman, the
    nearest about the same kind of situation if it is near enough; failing
    that, the nearest one if it is close; failing that, none (the scaffold)."""
    rewrites, situations = library(), _situations()
    where = situation(message)
    same = [i for i, r in enumerate(rewrites) if r.horseman == horseman]
    fitting = [i for i in same if situations[i] == where]
    if fitting:
        best = max(fitting, key=lambda i: float(similarity[i]))
        if float(similarity[best]) >= NEAR_ENOUGH:
            return best
    if same:
        best = max(same, key=lambda i: float(similarity[i]))
        if float(similarity[best]) >= SIMILAR:
            return best
    return None


def suggestion(vector: NDArray[np.float32], message: str, horsemen: list[str]) -> str:
    first = next((h for h in PRIORITY if h in horsemen), None)
    harsh = vectors()
    if first and len(harsh) == len(library()):
        chosen = pick(harsh @ vector, message, first)
        if chosen is not None:
            rewrite = library()[chosen]
            return adapt(rewrite.gentle, rewrite.harsh, message)
    return scaffold(message, [first] if first else horsemen)
