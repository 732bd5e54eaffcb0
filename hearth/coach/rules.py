"""Fast rules: phrases that mark a horseman or a risk, with where they are.

Rules do two jobs. They give the classifier extra features (one per phrase
and cue: does it occur?), and they say *where*: the spans the coach
highlights. A risk phrase on its own is enough to show help, so risk
phrases are kept narrow and unambiguous. Horseman phrases are only hints
("you never" is sometimes love: "you never forget my birthday"), so the
classifier decides.

Hyperbole is handled by what the phrases require: "killing me" is not a
self-harm phrase, "kill myself" is; "dying to" never matches.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

HORSEMEN = ("criticism", "contempt", "defensiveness", "stonewalling")
RISKS = ("self_harm", "partner_violence", "coercive_control")
LABELS = HORSEMEN + RISKS

_I = re.IGNORECASE
_YOU = r"(?:you|u)"
_YOURE = r"(?:you(?:'re| are|re)|ur|u r)"


def _words(*alternatives: str) -> str:
    return r"\b(?:" + "|".join(alternatives) + r")\b"


PHRASES: dict[str, list[str]] = {
    "criticism": [
        _YOU
        + r" (?:\w+ )?(?:always|never|constantly) (?!make me (?:laugh|smile)|know how|remember|forget my|fail to make)",
        r"what(?:'s| is) wrong with " + _YOU,
        _YOURE
        + r" (?:so |such an? |just |really |too )?(?:selfish|lazy|careless|useless|inconsiderate|self-centred|self-centered|thoughtless|irresponsible|immature|cold|unreliable|hopeless|clueless|rude|mean)",
        _YOU + r" (?:don't|do not|dont|never) (?:even )?care",
        _YOU + r" only (?:ever )?think(?:s)? (?:about|of) yourself",
        r"why can(?:'t|not|t) " + _YOU + r"(?: just)?",
        r"why do(?:n't)? " + _YOU + r" (?:always|never|ever)",
        r"every single time",
        r"(?:can't|cannot|cant) even",
        r"typical of " + _YOU,
    ],
    "contempt": [
        _YOURE
        + r" (?:a |an |such a |such an |so |being )?(?:pathetic|idiot|moron|joke|loser|disgusting|embarrassing|clown|child|baby|ridiculous|stupid|dumb|useless)",
        _words(
            "idiot", "moron", "pathetic", "loser", "imbecile", "clown", "genius", "pathetically", "dumbass"
        ),
        r"oh,? poor (?:you|baby|thing)",
        r"boo[- ]?hoo",
        r"congratulations|congrats",
        r"grow up",
        r"get a life",
        r"as if " + _YOU,
        r"(?:roll(?:s|ing)? (?:my )?eyes|eye[- ]?roll)",
        r"🙄",
        r"(?:wow|oh),? (?:what a|such a) (?:surprise|shock)",
        r"how hard (?:can|is) it",
        r"give me a break",
        r"(?:yeah|sure),? right",
        r"nice (?:one|job|going|work)",
    ],
    "defensiveness": [
        r"(?:not|isn't|isnt) my fault",
        r"well,? " + _YOU,
        r"what about " + _YOU,
        r"\byes,? but\b|\byeah,? but\b",
        r"i was (?:only|just) ",
        r"why is (?:it|everything) always (?:me|on me|my fault)",
        r"don(?:'t|t) blame me",
        _YOURE + r" one to talk",
        r"at least i ",
        r"i (?:didn(?:'t|t)|did not) do anything wrong",
        r"that(?:'s| is) not fair",
        _YOU + r" do it too",
        r"it(?:'s| is|s) not (?:like|as if) i",
        r"i(?:'m| am) not the (?:only )?one who",
        r"how was i supposed to know",
        r"i had no choice",
    ],
    "stonewalling": [
        r"^\s*whatever\b|\bwhatever\.?\s*$",
        r"i(?:'m| am|m) done(?: talking| with this| here)?",
        r"i(?:'m| am) not (?:talking|discussing|doing this)",
        r"^\s*fine\.\s*$|^\s*fine\.? whatever",
        r"do (?:whatever|what) (?:you|u) want",
        r"i (?:don(?:'t|t)|do not) care(?: anymore)?\.?$",
        r"leave me alone",
        r"not this again",
        r"(?:i have|i've got|i got) nothing (?:to say|more to say)",
        r"forget (?:it|about it)\.?$",
        r"end of (?:discussion|story|conversation)",
        r"i(?:'m| am) out\b",
        r"(?:talk|speak) to the hand",
        r"(?:i won't|i will not|not going to) (?:talk|discuss) (?:about )?(?:this|it)",
        r"^\s*k\.?\s*$",
    ],
}

# Risk phrases: each one alone is enough for the screen, so they are few and
# narrow, and every other way of saying it is left to the model. (label,
# the writer's own threat or control?, pattern). A phrase that also fires on an
# everyday message ("I cut myself chopping onions", "you'll check my phone for
# the dentist's text?") does not belong here.
RISK_PHRASES: list[tuple[str, bool, str]] = [
    ("self_harm", False, r"kill(?:ing)? myself(?! laughing)"),
    ("self_harm", False, r"end(?:ing)? (?:my life|it all|my own life)"),
    ("self_harm", False, r"\bi(?:'m| am|'ve been| have been| feel| felt| was)(?: \w+)? suicidal"),
    ("self_harm", False, r"(?:commit|attempt|attempted|thinking about|thought about|considering) suicide"),
    (
        "self_harm",
        False,
        r"(?:don(?:'t|t)|do not) want to (?:be alive|exist|live any ?more|be here any ?more)",
    ),
    (
        "self_harm",
        False,
        r"(?:don(?:'t|t)|do not) want to (?:live|wake up)\s*(?:again|ever|any ?more)?\s*(?:[.!,]|$)",
    ),
    ("self_harm", False, r"better off dead"),
    ("self_harm", False, r"(?:harm|harming|harmed) myself|\bself[- ]?harm(?:ed|ing)?\b(?! awareness)"),
    ("self_harm", False, r"no (?:reason|point) (?:to live|in living|being alive)"),
    ("self_harm", False, r"wish i (?:was|were) (?:dead|never born)"),
    ("self_harm", False, r"take all (?:my|the|of my) (?:pills|tablets|meds)"),
    ("self_harm", False, r"\bwant(?:ed|s)? to die\b(?! (?:laughing|of (?:laughter|embarrassment|shame)))"),
    ("self_harm", False, r"(?:sleep|go to sleep|fall asleep) and (?:not|never) wake up"),
    ("self_harm", False, r"(?:no|any) reason to live"),
    ("self_harm", False, r"took an overdose|\boverdosed\b"),
    (
        "partner_violence",
        False,
        r"\b(?:you|he|she) (?:hit|punched|slapped|kicked|choked|strangled|shoved|beat) me\b"
        r"(?! up| in (?:your|his|her) sleep| at | with (?:a|the|that|your|his|her) (?:joke|question|pillow|ball))",
    ),
    ("partner_violence", False, r"(?:afraid|scared|terrified|frightened) of (?:you|him|her)\b(?! \w+ing\b)"),
    (
        "partner_violence",
        False,
        r"(?:afraid|scared|terrified|frightened) of what (?:you|he|she)(?:'ll| will| might| would)? do to me",
    ),
    ("partner_violence", False, r"(?:gave|give|left|leave) me (?:a |these )?bruises?"),
    ("partner_violence", False, r"forc(?:ed|es|ing) me (?:to have sex|into bed|to sleep with)"),
    ("partner_violence", False, r"\braped me\b|\bit was rape\b"),
    ("partner_violence", False, r"threaten(?:ed|s)? to (?:hurt|kill|hit|strangle) me"),
    ("partner_violence", False, r"(?:afraid|scared|fear(?:ful)?) for my (?:life|safety)"),
    (
        "partner_violence",
        False,
        r"(?:not|don't feel|never feel) safe (?:at home|with you|around you|in this house)",
    ),
    (
        "partner_violence",
        True,
        r"\b(?:i(?:'ll| will)|i am going to|i'm going to|i'm gonna|gonna) (?:hurt|hit|beat|punch|slap|strangle|choke|kill) (?:you|u)\b"
        r"(?! at | in | to | home| there| first| back)",
    ),
    (
        "partner_violence",
        True,
        r"(?:i(?:'ll| will)|going to|gonna) (?:hurt|harm|kill|drown) (?:the |your )?(?:kids|children|baby|dog|cat|puppy)",
    ),
    (
        "coercive_control",
        True,
        # at the start of a sentence: not "he said you're not allowed to …"
        r"(?:^|(?<=[.!?] ))you(?:'re| are) not allowed to (?:see|visit|call|ring|text|talk to|go out with|meet) "
        r"(?:your |any of your )?(?:friends|family|mates|mum|mom|dad|sister|brother|parents)\b",
    ),
]

# Hyperbole and loving absolutes: when one of these is all there is, the
# classifier's guess is overruled ("this traffic is killing me", "I'm dying to
# see you", "you always make me laugh"). A real risk phrase still counts.
FIGURES: list[str] = [
    r"(?:is|are|was|were|it's|its|that's) (?:literally |actually |honestly )?killing me",
    r"\bdying (?:to|for)\b",
    r"(?:could|would|i'd) (?:kill|murder) (?:for|a|an|some)\b",
    r"(?:died|dying|dead|die) (?:of |from |with )?laugh",
    r"(?:nearly|almost) died (?:laughing|of)",
    r"dead on my feet|dead tired|dead beat",
    r"be the death of me",
    r"(?:nearly|almost|about to) finish(?:ed)? me off",
    r"you (?:always|never fail to) (?:make|made) me (?:laugh|smile|happy|feel (?:loved|safe|better|special))",
    r"never fail(?:s)? to make my day",
    r"(?:you're|you are) always there for me",
    r"you never forget (?:my|our|the)",
]

EXPLANATIONS = {
    "criticism": "This may land as a judgement of who they are, rather than of what happened.",
    "contempt": "Mockery or put-downs tend to hurt more than the problem itself.",
    "defensiveness": "Answering a complaint with a counter-complaint can leave both of you unheard.",
    "stonewalling": "Shutting the door can feel like being left alone with it.",
}

_COMPILED = {
    label: [re.compile(p, _I | re.MULTILINE) for p in patterns] for label, patterns in PHRASES.items()
}
_RISK = [(label, writer, re.compile(p, _I | re.MULTILINE)) for label, writer, p in RISK_PHRASES]
_FIGURES = [re.compile(p, _I) for p in FIGURES]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str
    writer: bool = False


def hits(text: str) -> list[Hit]:
    """Every phrase found, horsemen and risk, in order of position."""
    text = text.replace("\u2019", "'")  # typographic apostrophes, same length
    found = [
        Hit(m.start(), m.end(), label)
        for label, patterns in _COMPILED.items()
        for pattern in patterns
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    found += [
        Hit(m.start(), m.end(), label, writer)
        for label, writer, pattern in _RISK
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    return sorted(found, key=lambda h: (h.start, h.end, h.label))


def figure_of_speech(text: str) -> bool:
    """Whether the text uses a hyperbole or a loving absolute."""
    text = text.replace("\u2019", "'")
    return any(pattern.search(text) for pattern in _FIGURES)


_WORD = re.compile(r"[a-z']+|[?!]|\U0001f644")  # words, and 🙄
_FLAGGED = [pattern for patterns in _COMPILED.values() for pattern in patterns] + _FIGURES


def flags(text: str) -> list[float]:
    """One feature per horseman phrase and figure of speech: 1.0 where it occurs."""
    text = text.replace("\u2019", "'")
    return [1.0 if pattern.search(text) else 0.0 for pattern in _FLAGGED]


def words(text: str) -> list[str]:
    """The words and word pairs of a message, for a vocabulary."""
    tokens = _WORD.findall(text.lower().replace("\u2019", "'"))
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def signature() -> str:
    """Every flagged pattern, in order: features depend on them."""
    return "\n".join(p.pattern for p in _FLAGGED)
