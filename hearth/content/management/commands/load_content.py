from typing import Any

from django.core.management.base import BaseCommand

from hearth.core import registry


class Command(BaseCommand):
    help = "Load the content files under content/ into the database (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        for loader in registry.loaders():
            count, retired = loader.load()
            self.stdout.write(f"{loader.name}: {count} loaded, {retired} retired")
