from hearth.couples.services import leave_couple
from hearth.lib.testing import BaseTestCase, make_couple, make_user
from hearth.questions import ladder
from hearth.questions.models import LadderRound, Question


def prompts() -> None:
    Question.objects.bulk_create(
        Question(key=f"v{step}{n:03}", kind="ladder", step=step, text=f"Step {step} prompt {n}?", position=n)
        for step in (1, 2, 3, 4)
        for n in range(3)
    )


class LadderTests(BaseTestCase):
    url = "/ladder/"

    def setUp(self) -> None:
        prompts()

    def choose(self, who: object, step: int) -> None:
        self.client.force_login(who)  # type: ignore[arg-type]
        self.client.post("/ladder/choose/", {"step": str(step)})

    def test_anonymous_is_sent_to_login_and_a_stranger_home(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get(self.url), "/", fetch_redirect_response=False)

    def test_it_starts_with_the_start_small_guide(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "Before you begin")
        self.assertContains(r, "I'd like to start")

    def test_a_step_opens_only_when_both_choose_it(self) -> None:
        self.choose(self.alice, 1)
        self.assertEqual(ladder.step_of(self.couple), 0)
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(self.url), "would like to try step 1 whenever you feel ready")
        self.choose(self.bob, 1)
        self.assertEqual(ladder.step_of(self.couple), 1)
        self.choose(self.bob, 3)
        self.assertEqual(ladder.step_of(self.couple), 1)

    def test_either_can_step_back_alone_without_a_reason_shown(self) -> None:
        for who in (self.alice, self.bob):
            self.choose(who, 1)
        for who in (self.alice, self.bob):
            self.choose(who, 2)
        self.assertEqual(ladder.step_of(self.couple), 2)
        self.choose(self.bob, 1)
        self.assertEqual(ladder.step_of(self.couple), 1)
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertNotContains(r, "stepped back")
        self.assertNotContains(r, "Bob chose")

    def test_answers_are_revealed_when_both_have_shared_and_acknowledged(self) -> None:
        for who in (self.alice, self.bob):
            self.choose(who, 1)
        self.client.post("/ladder/next/")
        item = LadderRound.objects.get()
        self.assertEqual(item.question.step, 1)
        self.client.post(f"/ladder/{item.pk}/answer/", {"text": "Bob admits the laundry pile scares him."})
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, item.question.text)
        self.assertNotContains(r, "laundry pile")
        self.client.post(f"/ladder/{item.pk}/answer/", {"text": "Alice's small admission."})
        r = self.client.get(self.url)
        self.assertContains(r, "laundry pile")
        self.client.post(
            f"/ladder/{item.pk}/acknowledge/", {"words": "I hear you.", "own": "Me too, honestly."}
        )
        self.client.force_login(self.bob)
        self.assertContains(self.client.get(self.url), "Me too, honestly.")

    def test_one_prompt_at_a_time_and_no_repeats(self) -> None:
        for who in (self.alice, self.bob):
            self.choose(who, 1)
        seen = set()
        for _ in range(3):
            item = ladder.next_prompt(self.couple)
            seen.add(item.question_id)
            with self.assertRaises(ladder.LadderProblem):
                ladder.next_prompt(self.couple)
            ladder.answer(item, self.alice, "a")
            ladder.answer(item, self.bob, "b")
        self.assertEqual(len(seen), 3)
        with self.assertRaisesMessage(ladder.LadderProblem, "every prompt on this step"):
            ladder.next_prompt(self.couple)

    def test_another_couple_gets_404_and_a_huge_answer_a_limit(self) -> None:
        for who in (self.alice, self.bob):
            self.choose(who, 1)
        item = ladder.next_prompt(self.couple)
        dave = make_user("dave@example.org", "Dave")
        make_couple(self.carol, dave)
        self.client.force_login(self.carol)
        self.assertEqual(self.client.post(f"/ladder/{item.pk}/answer/", {"text": "x"}).status_code, 404)
        self.client.force_login(self.alice)
        r = self.client.post(f"/ladder/{item.pk}/answer/", {"text": "x" * 2001})
        self.assertContains(r, "under 2000 characters", status_code=400)

    def test_after_leaving_nothing_is_shared(self) -> None:
        for who in (self.alice, self.bob):
            self.choose(who, 1)
        item = ladder.next_prompt(self.couple)
        ladder.answer(item, self.alice, "Alice's words")
        ladder.answer(item, self.bob, "Bob's words")
        leave_couple(self.alice)
        self.client.force_login(self.bob)
        self.assertRedirects(self.client.get(self.url), "/", fetch_redirect_response=False)
