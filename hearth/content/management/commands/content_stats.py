import json
from typing import Any

from django.core.management.base import BaseCommand

from hearth.content.library import every_text, libraries
from hearth.content.similarity import near_duplicates


class Command(BaseCommand):
    help = (
        "Print the size of every content library and how many near-duplicate pairs they hold, "
        "within and across libraries, as JSON."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts: dict[str, object] = {}
        for library in libraries():
            counts[library.name] = len(library.read())
            if library.group_by:
                counts[f"{library.name}_per_{library.group_by}"] = library.groups()
        pairs = len(near_duplicates(every_text()))
        self.stdout.write(json.dumps({"counts": counts, "near_duplicate_pairs": pairs}, indent=2))
