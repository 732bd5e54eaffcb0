import json
from typing import Any

from django.core.management.base import BaseCommand

from hearth.content.library import LIBRARIES, ladder_steps
from hearth.content.similarity import near_duplicates


class Command(BaseCommand):
    help = "Print the size of every content library and how many near-duplicate pairs each holds, as JSON."

    def handle(self, *args: Any, **options: Any) -> None:
        counts: dict[str, object] = {}
        pairs = 0
        for library in LIBRARIES:
            texts = library.read()
            counts[library.name] = len(texts)
            pairs += len(near_duplicates(texts))
        counts["ladder_prompts_per_step"] = ladder_steps()
        self.stdout.write(json.dumps({"counts": counts, "near_duplicate_pairs": pairs}, indent=2))
