"""The content libraries: big enough, well-formed, and free of near-duplicates."""

import json
import re
import tomllib
from collections import Counter
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from hearth.appreciation import content as appreciation
from hearth.appreciation.models import Gesture
from hearth.checkins import content as checkins
from hearth.content.library import by_name, every_text, libraries
from hearth.content.similarity import describe, near_duplicates, same_meaning
from hearth.experiences.models import Idea
from hearth.lane.models import LanePrompt


class SimilarityTests(SimpleTestCase):
    def test_it_catches_a_reworded_line_and_passes_different_ones(self) -> None:
        texts = {
            "a": "Make your partner a cup of coffee in the morning.",
            "b": "Make your partner a cup of tea in the morning.",
            "c": "Ask about their day, and listen without fixing anything.",
        }
        self.assertEqual([(a, b) for a, b, _ in near_duplicates(texts)], [("a", "b")])

    def test_it_catches_the_same_question_in_other_words(self) -> None:
        texts = {
            "daily": "Where did you like to go to be alone when you were younger?",
            "ladder": "Where did you go as a young person when you needed to be alone for a bit?",
            "dream": "What's a small dream of yours you'd like your partner to know about?",
            "for them": "What do you dream of for your partner, just for them?",
        }
        self.assertEqual(near_duplicates(texts), [])
        self.assertEqual([(a, b) for a, b, _ in same_meaning(texts)], [("daily", "ladder")])


class CheckinContentTests(SimpleTestCase):
    def test_the_pool_is_large_and_has_no_near_duplicates(self) -> None:
        words = checkins.load()
        self.assertGreaterEqual(len(words.rotating), 40)
        texts = {p.key: p.text for p in (*words.core, *words.rotating)}
        texts |= {f"starter{i}": s for i, s in enumerate(words.starters)}
        self.assertEqual(near_duplicates(texts), [])
        self.assertIn("I noticed you seemed distant this week — are you okay?", words.starters)


class GestureContentTests(SimpleTestCase):
    def test_at_least_200_gestures_of_every_kind_without_near_duplicates(self) -> None:
        entries = appreciation.read_gestures()
        self.assertGreaterEqual(len(entries), 200)
        kinds = Counter(e["kind"] for e in entries)
        self.assertEqual(set(kinds), {"touch", "words", "time", "help", "surprise"})
        self.assertEqual(near_duplicates({e["key"]: e["text"] for e in entries}), [])

    def test_appreciation_starters_are_there(self) -> None:
        self.assertIn("I admire how you handled …", appreciation.starters())


class QuestionContentTests(SimpleTestCase):
    def test_two_years_of_daily_questions_and_forty_prompts_per_ladder_step(self) -> None:
        counts = {library.name: len(library.read()) for library in libraries()}
        self.assertGreaterEqual(counts["daily_questions"], 730)
        self.assertGreaterEqual(counts["memory_lane_prompts"], 30)
        steps = by_name("ladder_prompts").groups()
        self.assertEqual(set(steps), {"step_1", "step_2", "step_3", "step_4"})
        for step, count in steps.items():
            with self.subTest(step=step):
                self.assertGreaterEqual(count, 40)

    def test_a_ladder_prompts_key_names_its_step(self) -> None:
        # A couple has one round per prompt, kept with the step it was opened
        # on; a prompt moved to another step under its old key would collide
        # with that round. Moving one means retiring its key and adding a new
        # one in the other step's range (v3001, v4001, ...).
        with (settings.BASE_DIR / "content" / "questions" / "ladder.toml").open("rb") as f:
            prompts = tomllib.load(f)["prompts"]
        misplaced = [p["key"] for p in prompts if not re.fullmatch(rf"v{p['step']}\d{{3}}", p["key"])]
        self.assertEqual(misplaced, [])


class IdeaContentTests(SimpleTestCase):
    def test_three_hundred_ideas_of_every_kind(self) -> None:
        with (settings.BASE_DIR / "content" / "experiences" / "ideas.toml").open("rb") as f:
            entries = tomllib.load(f)["ideas"]
        self.assertGreaterEqual(len(entries), 300)
        self.assertGreaterEqual(sum(1 for e in entries if e["cost"] == "free"), 120)
        for tag in ("cost", "time", "place", "energy", "season"):
            with self.subTest(tag=tag):
                self.assertGreater(len({e[tag] for e in entries}), 1)


class EveryLibraryTests(SimpleTestCase):
    """A couple meets every library, so a line may not echo one in another
    (a daily question that was already a ladder prompt) any more than one in
    its own."""

    def test_no_two_lines_anywhere_are_near_duplicates(self) -> None:
        texts = every_text()
        self.assertEqual(describe(near_duplicates(texts), texts), [])

    def test_no_two_lines_anywhere_ask_the_same_thing_in_other_words(self) -> None:
        texts = every_text()
        self.assertEqual(describe(same_meaning(texts), texts), [])

    def test_content_stats_prints_counts_and_pairs_as_json(self) -> None:
        out = StringIO()
        call_command("content_stats", stdout=out)
        stats = json.loads(out.getvalue())
        self.assertGreaterEqual(stats["counts"]["gestures"], 200)
        self.assertGreaterEqual(stats["counts"]["checkin_prompts"], 40)
        self.assertEqual(stats["near_duplicate_pairs"], 0)


class LoadContentTests(TestCase):
    def test_it_loads_gestures_and_is_safe_to_run_again(self) -> None:
        out = StringIO()
        call_command("load_content", stdout=out)
        count = Gesture.objects.count()
        self.assertGreaterEqual(count, 200)
        call_command("load_content", stdout=out)
        self.assertEqual(Gesture.objects.count(), count)
        self.assertIn(f"gestures: {count} loaded, 0 retired", out.getvalue())
        self.assertGreaterEqual(Idea.objects.filter(couple__isnull=True).count(), 300)
        self.assertGreaterEqual(LanePrompt.objects.count(), 30)

    def test_a_gesture_gone_from_the_file_is_retired_not_deleted(self) -> None:
        Gesture.objects.create(key="gone1", kind="touch", effort="tiny", text="An old one")
        call_command("load_content", stdout=StringIO())
        self.assertTrue(Gesture.objects.get(key="gone1").retired)
