"""The question libraries: content/questions/daily.toml and ladder.toml,
loaded into `Question` by `load_content`."""

import tomllib
from pathlib import Path
from typing import Any

from django.conf import settings

from hearth.content.i18n import check_translations
from hearth.content.sync import sync_by_key
from hearth.questions.models import Question

STEPS = (1, 2, 3, 4)


def folder() -> Path:
    return Path(settings.BASE_DIR) / "content" / "questions"


def _read(name: str) -> dict[str, Any]:
    with (folder() / name).open("rb") as f:
        return tomllib.load(f)


def ladder_info() -> dict[str, Any]:
    """Step names, their "about" lines and the start-small guide."""
    data = _read("ladder.toml")
    return {"steps": {s["number"]: s for s in data["steps"]}, "guide": data["guide"]["lines"]}


def _rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for position, q in enumerate(_read("daily.toml")["questions"]):
        rows.append({**q, "kind": Question.Kind.DAILY, "step": None, "position": position})
    positions = dict.fromkeys(STEPS, 0)
    for p in _read("ladder.toml")["prompts"]:
        if p["step"] not in STEPS:
            raise ValueError(f"ladder.toml: {p['key']} is on an unknown step")
        rows.append({**p, "kind": Question.Kind.LADDER, "position": positions[p["step"]]})
        positions[p["step"]] += 1
    keys = [r["key"] for r in rows]
    if len(keys) != len(set(keys)):
        raise ValueError("content/questions: a key is used twice")
    return rows


def load_questions() -> tuple[int, int]:
    """Bring `Question` in line with the files, by key. Returns (loaded, retired)."""
    rows = [
        {
            "key": row["key"],
            "kind": row["kind"],
            "step": row["step"],
            "theme": row.get("theme", ""),
            "depth": row.get("depth", 1),
            "text": row["text"],
            "translations": check_translations(row["key"], row.get("translations")),
            "position": row["position"],
        }
        for row in _rows()
    ]
    return sync_by_key(Question, rows)
