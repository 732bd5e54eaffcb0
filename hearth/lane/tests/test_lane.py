from hearth.experiences.models import Idea
from hearth.lane import rounds as lane
from hearth.lane.models import LanePrompt, LaneRound
from hearth.lib.testing import BaseTestCase, make_couple, make_user


class MemoryLaneTests(BaseTestCase):
    url = "/memory-lane/"

    def setUp(self) -> None:
        LanePrompt.objects.bulk_create(
            LanePrompt(key=f"m{n:03}", theme="beginnings", text=f"Think back {n}?", position=n)
            for n in range(3)
        )

    def test_anonymous_is_sent_to_login_and_a_stranger_home(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get(self.url), "/", fetch_redirect_response=False)

    def test_answers_are_revealed_together_and_can_become_an_idea(self) -> None:
        self.client.force_login(self.alice)
        self.client.post("/memory-lane/next/")
        item = LaneRound.objects.get()
        self.client.post(f"/memory-lane/{item.pk}/answer/", {"text": "The night market in the rain."})
        self.client.force_login(self.bob)
        self.assertNotContains(self.client.get(self.url), "night market")
        self.client.post(f"/memory-lane/{item.pk}/answer/", {"text": "Your terrible umbrella."})
        self.assertContains(self.client.get(self.url), "The night market in the rain.")
        self.client.force_login(self.alice)
        r = self.client.post(f"/memory-lane/{item.pk}/again/")
        idea = Idea.objects.get(couple=self.couple)
        self.assertRedirects(r, f"/ideas/{idea.pk}/", fetch_redirect_response=False)
        self.assertEqual(idea.title, "Again: The night market in the rain.")

    def test_no_idea_before_both_have_shared_and_no_repeats(self) -> None:
        item = lane.next_prompt(self.couple)
        lane.answer(item, self.alice, "a")
        with self.assertRaises(lane.LaneProblem):
            lane.do_again(item, self.alice)
        with self.assertRaises(lane.LaneProblem):
            lane.next_prompt(self.couple)
        lane.answer(item, self.bob, "b")
        seen = {item.prompt_id}
        for _ in range(2):
            nxt = lane.next_prompt(self.couple)
            seen.add(nxt.prompt_id)
            lane.answer(nxt, self.alice, "a")
            lane.answer(nxt, self.bob, "b")
        self.assertEqual(len(seen), 3)

    def test_another_couple_gets_404(self) -> None:
        item = lane.next_prompt(self.couple)
        make_couple(self.carol, make_user("dave@example.org", "Dave"))
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(f"/memory-lane/{item.pk}/answer/", {"text": "x"}).status_code, 404)
        self.assertEqual(self.client.post(f"/memory-lane/{item.pk}/again/").status_code, 404)
