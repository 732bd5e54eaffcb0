"""Which language a text is in, and risk phrases in six more languages.

The coach's model was taught English only: on other text it guesses wildly
("Du hörst mir nie zu" read as self-harm). So a text is read as English unless
the language detector (lingua, its models inside the wheel, limited to the
languages below) is confident it is another one; then there is no tone
advice. Risk is still screened, in every text, with the project's phrase
lists (`content/coach/phrases/<language>.toml`): Spanish, French, German,
Portuguese, Italian and Dutch, the languages of the countries Hearth lists
crisis lines for. A phrase is matched against the text lowercased and
without accents, so "Ya no quiero vivír" and "ya no quiero vivir" are alike.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from hearth.coach.files import PHRASES
from hearth.coach.rules import Hit

LANGUAGES = ("es", "fr", "de", "pt", "it", "nl")
# Below this confidence, or in fewer letters than this, a text counts as
# English: "kk", "hehe" and "Uh huh." are not Dutch or German. Chosen on the
# train and dev messages and the phrase files' examples: at 0.5 and 12
# letters, 0 of ~5,000 English messages were read as another language and
# 96% of the foreign examples were recognised (at 0.8, 72%).
CONFIDENT = 0.5
LETTERS = 12


@dataclass(frozen=True)
class Phrase:
    label: str
    writer: bool
    pattern: re.Pattern[str]


def normalise(text: str) -> tuple[str, list[int]]:
    """Lowercase, accents off, "ß" as "ss", typographic apostrophes straight;
    with, for each character out, where it came from in the text."""
    out: list[str] = []
    at: list[int] = []
    for i, ch in enumerate(text.lower()):
        if ch == "ß":
            plain = "ss"
        elif ch in "\u2019\u2018":
            plain = "'"
        else:
            plain = (
                "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)) or ch
            )
        out.append(plain)
        at.extend([i] * len(plain))
    return "".join(out), at


def read_file(language: str) -> dict[str, Any]:
    return tomllib.loads((PHRASES / f"{language}.toml").read_text(encoding="utf-8"))


@cache
def phrases() -> tuple[Phrase, ...]:
    found = []
    for language in LANGUAGES:
        for entry in read_file(language)["phrase"]:
            pattern = re.compile(entry["pattern"])
            found.append(Phrase(entry["label"], entry["voice"] == "writer", pattern))
    return tuple(found)


def hits(text: str) -> list[Hit]:
    """Every foreign-language risk phrase in the text."""
    plain, at = normalise(text)
    return [
        Hit(at[m.start()], at[m.end() - 1] + 1, p.label, p.writer)
        for p in phrases()
        for m in p.pattern.finditer(plain)
        if m.end() > m.start()
    ]


@cache
def detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    wanted = [Language.ENGLISH, *(Language.from_iso_code_639_1(_iso(code)) for code in LANGUAGES)]
    return LanguageDetectorBuilder.from_languages(*wanted).with_preloaded_language_models().build()


def _iso(code: str) -> Any:
    from lingua import IsoCode639_1

    return getattr(IsoCode639_1, code.upper())


def language(text: str) -> str:
    """ "en", or the code of another language the text is confidently in."""
    if sum(ch.isalpha() for ch in text) < LETTERS:
        return "en"
    best = detector().compute_language_confidence_values(text)[0]
    code = best.language.iso_code_639_1.name.lower()
    return code if code != "en" and best.value >= CONFIDENT else "en"
