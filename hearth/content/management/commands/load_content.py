from typing import Any

from django.core.management.base import BaseCommand

from hearth.appreciation.content import load_gestures
from hearth.experiences.content import load_ideas, load_lane_prompts
from hearth.questions.content import load_questions


class Command(BaseCommand):
    help = "Load the content files under content/ into the database (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        count, retired = load_gestures()
        self.stdout.write(f"gestures: {count} loaded, {retired} retired")
        count, retired = load_questions()
        self.stdout.write(f"questions: {count} loaded, {retired} retired")
        count, retired = load_ideas()
        self.stdout.write(f"ideas: {count} loaded, {retired} retired")
        count, retired = load_lane_prompts()
        self.stdout.write(f"memory-lane prompts: {count} loaded, {retired} retired")
