"""Memory lane's prompts, from content/experiences/memory_lane.toml, loaded
by `load_content`."""

import tomllib
from pathlib import Path

from django.conf import settings

from hearth.content.i18n import check_translations
from hearth.content.sync import sync_by_key
from hearth.lane.models import LanePrompt

PATH = "experiences/memory_lane.toml"  # under content/


def load_prompts() -> tuple[int, int]:
    with (Path(settings.BASE_DIR) / "content" / PATH).open("rb") as f:
        prompts = tomllib.load(f)["prompts"]
    rows = [
        {
            "key": e["key"],
            "theme": e["theme"],
            "text": e["text"],
            "translations": check_translations(e["key"], e.get("translations")),
            "position": position,
        }
        for position, e in enumerate(prompts)
    ]
    return sync_by_key(LanePrompt, rows)
