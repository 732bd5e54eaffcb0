"""Only what is sent is screened for the safety trace, on the server, once.

Every way a text reaches the partner leaves the dateless trace when it reads
as violence or control, and nothing else does: not a draft, not self-harm,
not an ordinary message, and never the live coach while someone types.
"""

from hearth.appreciation import notes
from hearth.checkins import services as checkins
from hearth.checkins.tests.helpers import open_week
from hearth.lane import rounds as lane
from hearth.lane.models import LanePrompt
from hearth.lib.testing import BaseTestCase
from hearth.questions import daily, ladder
from hearth.questions.tests.test_daily import pool
from hearth.questions.tests.test_ladder import prompts
from hearth.repair import services as repair
from hearth.safety.models import SafetySignal
from hearth.safety.screening import screen_sent

FEAR = "You pushed me into the door last week and I'm scared of what you'll do when you drink."
CONTROL = "You're not allowed to see your friends unless I say so. Give me your phone."
SELF_HARM = "I've been looking up how many pills it would take."
ORDINARY = "Can you check my phone? I think I got the dentist's text."


class ScreenSentTests(BaseTestCase):
    def signalled(self) -> list[int]:
        return list(SafetySignal.objects.values_list("user", flat=True))

    def test_violence_or_control_in_either_voice_leaves_the_trace_for_the_sender(self) -> None:
        screen_sent(self.alice.pk, FEAR)
        screen_sent(self.bob.pk, CONTROL)
        self.assertCountEqual(self.signalled(), [self.alice.pk, self.bob.pk])

    def test_self_harm_ordinary_words_and_empty_texts_leave_nothing(self) -> None:
        screen_sent(self.alice.pk, SELF_HARM, ORDINARY, "", "   ")
        screen_sent(self.alice.pk, "Thanks for picking the kids up, that saved my evening.")
        self.assertEqual(self.signalled(), [])

    def test_a_screen_that_fails_never_stops_a_send_and_logs_no_words(self) -> None:
        from unittest import mock

        with (
            mock.patch("hearth.coach.analyse", side_effect=RuntimeError(FEAR)),
            self.assertLogs("hearth.safety.screening") as logs,
        ):
            screen_sent(self.alice.pk, FEAR)
        self.assertNotIn("pushed", "\n".join(logs.output))
        self.assertEqual(self.signalled(), [])


class EverySendPathTests(BaseTestCase):
    def signalled(self) -> list[int]:
        return list(SafetySignal.objects.values_list("user", flat=True))

    def test_a_note_draft_leaves_nothing_and_sending_it_does(self) -> None:
        draft = notes.write(self.alice, FEAR, send=False)
        self.assertEqual(self.signalled(), [])
        notes.write(self.alice, FEAR, send=True, draft=draft)
        self.assertEqual(self.signalled(), [self.alice.pk])

    def test_a_reply_in_the_jar(self) -> None:
        note = notes.write(self.alice, "Thank you for the tea.", send=True)
        notes.reply(note, self.bob, CONTROL)
        self.assertEqual(self.signalled(), [self.bob.pk])

    def test_an_apology_and_its_answer(self) -> None:
        steps = {"what_happened": FEAR, "responsibility": "Mine.", "impact": "", "different": "", "ask": ""}
        apology = repair.send_apology(self.alice, steps)
        self.assertEqual(self.signalled(), [self.alice.pk])
        repair.respond(apology, self.bob, CONTROL, needs_time=False)
        self.assertCountEqual(self.signalled(), [self.alice.pk, self.bob.pk])

    def test_a_check_in_draft_leaves_nothing_and_submitting_it_does(self) -> None:
        item = open_week(self.couple)
        checkins.save_draft(item, self.alice, {"weighing": FEAR})
        self.assertEqual(self.signalled(), [])
        checkins.submit(item, self.alice, {"weighing": FEAR})
        self.assertEqual(self.signalled(), [self.alice.pk])

    def test_a_reflection_under_a_revealed_answer(self) -> None:
        item = open_week(self.couple)
        checkins.submit(item, self.alice, {"weighing": "Work, mostly."})
        checkins.submit(item, self.bob, {"weighing": "The garden."})
        checkins.reflect(item, self.bob, "weighing", CONTROL)
        self.assertEqual(self.signalled(), [self.bob.pk])

    def test_the_daily_question_and_its_acknowledgement(self) -> None:
        pool()
        daily.set_enabled(self.couple, True)
        item = daily.round_for(self.couple, daily.today(self.couple, self.alice))
        assert item is not None
        daily.answer(item, self.alice, "A quiet walk.")
        daily.answer(item, self.bob, "The beach.")
        self.assertEqual(self.signalled(), [])
        daily.acknowledge(item, self.alice, FEAR)
        self.assertEqual(self.signalled(), [self.alice.pk])

    def test_a_ladder_answer(self) -> None:
        prompts()
        ladder.choose(self.couple, self.alice, 1)
        ladder.choose(self.couple, self.bob, 1)
        item = ladder.next_prompt(self.couple)
        ladder.answer(item, self.bob, CONTROL)
        self.assertEqual(self.signalled(), [self.bob.pk])

    def test_a_memory_lane_answer(self) -> None:
        LanePrompt.objects.create(key="m001", theme="beginnings", text="Think back?", position=1)
        item = lane.next_prompt(self.couple)
        lane.answer(item, self.alice, FEAR)
        self.assertEqual(self.signalled(), [self.alice.pk])

    def test_a_memory(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.post("/memories/", {"text": CONTROL}).status_code, 302)
        self.assertEqual(self.signalled(), [self.alice.pk])
        self.assertFalse(SafetySignal.objects.filter(user=self.bob).exists())
