"""Every content library in one place: where its file is and how to read its
texts, for `content_stats` and the near-duplicate tests."""

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings


@dataclass(frozen=True)
class Library:
    name: str
    path: str  # under content/
    texts: Callable[[dict[str, Any]], dict[str, str]]  # key -> text, from the parsed file

    def file(self) -> Path:
        return Path(settings.BASE_DIR) / "content" / self.path

    def read(self) -> dict[str, str]:
        """The library's texts, or nothing if its file is not there yet."""
        if not self.file().exists():
            return {}
        with self.file().open("rb") as f:
            return self.texts(tomllib.load(f))


def _entries(section: str, *fields: str) -> Callable[[dict[str, Any]], dict[str, str]]:
    def texts(data: dict[str, Any]) -> dict[str, str]:
        return {e["key"]: ". ".join(e[f] for f in fields) for e in data.get(section, [])}

    return texts


LIBRARIES = [
    Library("checkin_prompts", "checkins/checkin.toml", _entries("rotating", "text")),
    Library("gestures", "appreciation/gestures.toml", _entries("gestures", "text")),
    Library("daily_questions", "questions/daily.toml", _entries("questions", "text")),
    Library("ladder_prompts", "questions/ladder.toml", _entries("prompts", "text")),
    Library("ideas", "experiences/ideas.toml", _entries("ideas", "title", "text")),
    Library("memory_lane_prompts", "experiences/memory_lane.toml", _entries("prompts", "text")),
    Library("coach_rewrites", "coach/rewrites.toml", _entries("rewrite", "gentle")),
]


def every_text() -> dict[str, str]:
    """Every line of every library, keyed "library:key": a couple meets them all."""
    return {f"{library.name}:{key}": text for library in LIBRARIES for key, text in library.read().items()}


def ladder_steps() -> dict[str, int]:
    """Ladder prompts per step, from the ladder file."""
    path = Path(settings.BASE_DIR) / "content" / "questions" / "ladder.toml"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        prompts = tomllib.load(f).get("prompts", [])
    counts: dict[str, int] = {}
    for prompt in prompts:
        counts[f"step_{prompt['step']}"] = counts.get(f"step_{prompt['step']}", 0) + 1
    return dict(sorted(counts.items()))
