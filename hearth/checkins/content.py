"""The check-in's words, read once per process from content/checkins/checkin.toml."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

CORE_KEYS = ("how_are_we", "weighing", "most_loved", "unseen")


@dataclass(frozen=True)
class Prompt:
    key: str
    text: str
    hint: str = ""
    theme: str = ""


@dataclass(frozen=True)
class Feeling:
    key: str
    word: str


@dataclass(frozen=True)
class CheckinContent:
    pulse_question: str
    pulse_labels: tuple[str, ...]
    feelings: tuple[Feeling, ...]
    core: tuple[Prompt, ...]
    wish: Prompt
    rotating: tuple[Prompt, ...]
    listening_guide: tuple[str, ...]
    starters: tuple[str, ...]

    def rotating_prompt(self, key: str) -> Prompt:
        return next((p for p in self.rotating if p.key == key), Prompt(key, ""))

    def rotating_for(self, sequence: int, offset: int) -> Prompt:
        """The prompt for a couple's n-th check-in: every prompt once before
        any repeats, in an order that differs between couples."""
        return self.rotating[(sequence - 1 + offset) % len(self.rotating)]

    @property
    def feeling_words(self) -> dict[str, str]:
        return {f.key: f.word for f in self.feelings}


def content_path() -> Path:
    return Path(settings.BASE_DIR) / "content" / "checkins" / "checkin.toml"


@cache
def load() -> CheckinContent:
    with content_path().open("rb") as f:
        data = tomllib.load(f)
    core = tuple(Prompt(c["key"], c["text"], c.get("hint", "")) for c in data["core"])
    if tuple(p.key for p in core) != CORE_KEYS:
        raise ValueError(f"checkin.toml: the core prompts must be {CORE_KEYS}")
    rotating = tuple(Prompt(r["key"], r["text"], theme=r["theme"]) for r in data["rotating"])
    keys = [p.key for p in rotating]
    if len(set(keys)) != len(keys):
        raise ValueError("checkin.toml: a rotating prompt key is used twice")
    return CheckinContent(
        pulse_question=data["pulse"]["question"],
        pulse_labels=tuple(data["pulse"]["labels"]),
        feelings=tuple(Feeling(f["key"], f["word"]) for f in data["feelings"]),
        core=core,
        wish=Prompt("wish", data["wish"]["text"], data["wish"].get("hint", "")),
        rotating=rotating,
        listening_guide=tuple(g["text"] for g in data["listening_guide"]),
        starters=tuple(s["text"] for s in data["starters"]),
    )
