from datetime import date, timedelta

from django.utils import timezone

from hearth.appreciation import gestures
from hearth.appreciation.models import DailyReflection, Gesture, GestureDay
from hearth.lib.testing import BaseTestCase

KINDS = ["touch", "words", "time", "help", "surprise"]


def library(per_kind: int = 4) -> None:
    Gesture.objects.bulk_create(
        Gesture(key=f"{kind}{n}", kind=kind, effort="tiny", text=f"A {kind} gesture number {n}")
        for kind in KINDS
        for n in range(per_kind)
    )


class GestureChoiceTests(BaseTestCase):
    def test_no_gesture_repeats_until_the_library_is_exhausted(self) -> None:
        library()
        start = date(2026, 1, 1)
        seen = [gestures.for_day(self.alice, start + timedelta(n)) for n in range(25)]
        keys = [g.gesture.key for g in seen if g]
        self.assertEqual(len(set(keys[:20])), 20)
        self.assertEqual(seen[20].round if seen[20] else 0, 2)

    def test_the_same_day_gives_the_same_gesture(self) -> None:
        library()
        first = gestures.for_day(self.alice, date(2026, 1, 1))
        again = gestures.for_day(self.alice, date(2026, 1, 1))
        assert first and again
        self.assertEqual(first.pk, again.pk)

    def test_it_leans_towards_kinds_the_person_keeps(self) -> None:
        library(per_kind=100)
        start = date(2026, 1, 1)
        for n in range(20):
            entry = gestures.for_day(self.alice, start + timedelta(n))
            assert entry
            if entry.gesture.kind == "touch":
                gestures.mark(self.alice, entry.day, GestureDay.Status.KEPT)
        later = [gestures.for_day(self.alice, start + timedelta(20 + n)) for n in range(40)]
        touch = sum(1 for g in later if g and g.gesture.kind == "touch")
        # Without the lean, about 40 / 5 = 8 would be touch.
        self.assertGreater(touch, 16)

    def test_an_empty_library_offers_nothing(self) -> None:
        self.assertIsNone(gestures.for_day(self.alice, date(2026, 1, 1)))


class TodayPageTests(BaseTestCase):
    url = "/today/"

    def setUp(self) -> None:
        library()

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)

    def test_it_shows_a_gesture_and_the_reflection_question(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "A small gesture for today")
        self.assertContains(r, "What can I do today to help us feel more connected?")

    def test_marking_it_is_private(self) -> None:
        self.client.force_login(self.alice)
        self.client.get(self.url)
        self.client.post("/today/gesture/", {"choice": "done"})
        entry = GestureDay.objects.get(user=self.alice)
        self.assertEqual(entry.status, "done")
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(self.url), "Done. Small things count.")
        self.assertEqual(self.client.post("/today/gesture/", {"choice": "cheat"}).status_code, 400)

    def test_the_reflection_is_seen_by_its_writer_only(self) -> None:
        self.client.force_login(self.alice)
        self.client.post(self.url, {"text": "Ask about the interview."})
        self.assertContains(self.client.get(self.url), "Ask about the interview.")
        self.assertEqual(DailyReflection.objects.get().day, timezone.localdate())
        for other in (self.bob, self.carol):
            self.client.force_login(other)
            self.assertNotContains(self.client.get(self.url), "Ask about the interview.")
            self.assertNotContains(self.client.get("/"), "Ask about the interview.")

    def test_a_huge_reflection_is_refused_clearly(self) -> None:
        self.client.force_login(self.alice)
        self.assertContains(self.client.post(self.url, {"text": "x" * 1001}), "under 1000", status_code=400)
