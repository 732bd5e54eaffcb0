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
    "self_harm": [
        r"kill(?:ing)? myself",
        r"end(?:ing)? (?:my life|it all|my own life)",
        r"suicid\w*",
        r"(?:don(?:'t|t)|do not) want to (?:be alive|live|be here anymore|exist|wake up)",
        r"better off (?:without me|if i (?:was|were)n?(?:'t)? (?:gone|here|dead|around)|dead)",
        r"(?:hurt|hurting|harm|harming|cut|cutting) myself",
        r"self[- ]?harm",
        r"no (?:reason|point) (?:to live|in living|in going on|being alive)",
        r"wish i (?:was|were) (?:dead|never born)",
        r"(?:can(?:'t|t)|cannot) (?:go on|keep going) (?:like this|anymore|any more)",
        r"take all (?:my|the|of my) (?:pills|tablets|meds)",
        r"\bwant(?:ed|s)? to die\b(?! (?:laughing|of (?:laughter|embarrassment|shame)))",
        r"(?:sleep|go to sleep|fall asleep) and (?:not|never) wake up",
        r"(?:no|any) reason to (?:live|keep going|go on)",
        r"say(?:ing)? goodbye (?:to everyone|for good|forever)",
        # Feeling a burden, and a time or an end in the same breath.
        r"(?:stuck with|a burden|better off without|put up with|rid of) me\b.{0,60}\b(?:tonight|for good|soon|much longer|any ?more)\b",
    ],
    "partner_violence": [
        r"(?:you|he|she|u) (?:hit|hits|punched|punches|slapped|slaps|kicked|kicks|choked|chokes|strangled|strangles|shoved|shoves) me\b",
        r"push(?:ed|es)? me (?:into|against|down|over|out of|off)",
        r"(?:afraid|scared|terrified|frightened) (?:of you|of him|of her|of what (?:you|he|she)(?:'ll| will| might| would)? (?:do|does))",
        r"(?:i(?:'ll| will)|i am going to|i'm going to|i'm gonna|gonna) (?:hurt|hit|beat|punch|slap|strangle|choke) (?:you|u)\b",
        r"(?:i(?:'ll| will)|going to|gonna) (?:hurt|harm|kill) (?:the )?(?:kids|children|baby|dog|cat)",
        r"(?:gave|give|left|leave) me (?:a |these )?bruises?",
        r"forc(?:ed|es|ing) (?:me|myself) (?:to have sex|into bed|to sleep with)",
        r"\brap(?:e|ed)\b",
        r"threaten(?:ed|s|ing)? (?:me|to (?:hurt|kill|hit))",
        r"lock(?:ed|s)? me in\b",
        r"(?:afraid|scared|fear(?:ful)?) for my (?:life|safety)",
        r"(?:not|don't feel|never feel|don't ever feel) safe (?:at home|with you|around you|in this house)",
    ],
    "coercive_control": [
        r"(?:check|checks|checking|checked|go through|goes through|went through|read|reads|reading|look through|looks through) (?:my|your) (?:phone|messages|texts|emails|email|dms|chats)",
        r"(?:not allowed|won(?:'t|t) let me|don(?:'t|t) let me|never let me) (?:to )?(?:see|go out|leave|have friends|talk to|wear|work|spend|drive|visit|call|meet)",
        r"(?:take|took|takes|taking|control|controls|controlling|keep|keeps|kept) (?:all )?(?:my|your) (?:money|wages|pay|paycheck|salary|bank cards?)",
        r"(?:track|tracks|tracking|tracked) (?:my|your) (?:location|phone|car|every move)",
        r"(?:send|show) (?:me|you) (?:proof of where|(?:my|your) location)",
        r"take the (?:kids|children) (?:away|from (?:me|you))",
        r"cut me off from",
        r"(?:give|gives|gave) me an allowance",
        r"walking on eggshells",
        r"control(?:s|led|ling)? (?:all )?(?:the|our) money",
        r"(?:take|takes|took|hide|hides|hid) my (?:phone|keys|car keys|passport)\b(?! charger| case)",
    ],
}

# Softer cues of risk: never enough on their own ("my phone", "scared",
# "pills" are everyday words too), so they are only features for the
# classifier, which learns how much each counts beside the rest.
CUES: dict[str, list[str]] = {
    "self_harm": [
        r"burden",
        r"better off",
        r"without me",
        r"(?:won't|wont|will not|not) be (?:around|here)",
        r"gone soon",
        r"goodbye",
        r"giv(?:e|en|ing) away",
        r"my things",
        r"letters?\b",
        r"(?:nothing|won't) matter",
        r"no point|what's the point|whats the point",
        r"can't do this any ?more|cant do this any ?more",
        r"tired of (?:living|everything|being alive|it all)",
        r"sleep (?:forever|and not)",
        r"not wake up",
        r"end it\b",
        r"disappear",
        r"pills|tablets",
        r"bridge|rope|edge",
        r"dark thoughts|thoughts of",
        r"no future",
        r"trapped",
        r"hopeless",
        r"numb",
        r"don't deserve|dont deserve",
        r"hate myself",
        r"(?:much|for) longer",
        r"if anything happens",
        r"after I'm gone|when I'm gone|once I'm gone",
        r"your problem",
        r"make it to",
        r"last time (?:you'll|you will)",
        r"in case",
    ],
    "partner_violence": [
        r"scared|afraid|frightened|terrified|fear",
        r"\bsafe(?:r|ty)?\b",
        r"hurts? (?:me|less)",
        r"bruis",
        r"sleeves|make-?up|concealer|cover (?:it|up)",
        r"\bbang\b|slam",
        r"the wall|the door",
        r"temper|rage",
        r"capable of",
        r"don't make me|dont make me",
        r"last time",
        r"you'll see|you'll be sorry|be sorry",
        r"punish",
        r"pay for",
        r"drunk|drinking|drink",
        r"make myself small|go quiet|very small",
        r"flinch|shak(?:e|ing)",
        r"police|neighbours|neighbors",
        r"knife|gun|weapon",
        r"mark(?:s)?\b",
        r"hospital|a&e|stitches",
        r"throat|neck|arm",
        r"push|grab|throw|threw",
        r"quiet voice|your mood|your moods",
    ],
    "coercive_control": [
        r"allowed|permission|let me\b",
        r"clear it with you|check with you first|ask you first",
        r"checks?|checked|checking",
        r"my phone|your phone|password|passcode",
        r"location|where i am|where i was|tracker|find my",
        r"who (?:i|was that|were you|are you)",
        r"eggshells",
        r"money|card|account|allowance|receipts?|spend|paycheck|wages",
        r"job|work",
        r"friends|family|sister|mum|mom|mother",
        r"isolat|alone|lonely",
        r"second email|secret|hide|hidden|delete",
        r"keep the peace",
        r"approve|approval",
        r"what i wear|clothes|outfit",
        r"rules",
        r"times (?:all )?line up|account for",
        r"photo|proof|receipt",
        r"monitor|watch(?:es|ing)? me",
    ],
}

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
_FIGURES = [re.compile(p, _I) for p in FIGURES]
_EVERY = (
    [pattern for patterns in _COMPILED.values() for pattern in patterns]
    + [re.compile(p, _I) for label in RISKS for p in CUES[label]]
    + _FIGURES
)
_WORD = re.compile(r"[a-z']+|[?!]|\U0001f644")  # words, and 🙄


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str


def hits(text: str) -> list[Hit]:
    """Every phrase found, in order of position."""
    text = text.replace("\u2019", "'")  # typographic apostrophes, same length
    found = [
        Hit(m.start(), m.end(), label)
        for label, patterns in _COMPILED.items()
        for pattern in patterns
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    return sorted(found, key=lambda h: (h.start, h.end, h.label))


def figure_of_speech(text: str) -> bool:
    """Whether the text uses a hyperbole or a loving absolute."""
    text = text.replace("\u2019", "'")
    return any(pattern.search(text) for pattern in _FIGURES)


def pattern_flags(text: str) -> list[float]:
    """One feature per phrase and cue: 1.0 where it occurs."""
    text = text.replace("\u2019", "'")
    return [1.0 if pattern.search(text) else 0.0 for pattern in _EVERY]


def words(text: str) -> list[str]:
    """The words and word pairs of a message, for the classifier's vocabulary."""
    tokens = _WORD.findall(text.lower().replace("\u2019", "'"))
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def signature() -> str:
    """Every pattern, in order: the classifier's features depend on them."""
    return "\n".join(p.pattern for p in _EVERY)
