from typing import Any

from django.core.management.base import BaseCommand

from hearth.appreciation.content import load_gestures


class Command(BaseCommand):
    help = "Load the content files under content/ into the database (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        count, retired = load_gestures()
        self.stdout.write(f"gestures: {count} loaded, {retired} retired")
