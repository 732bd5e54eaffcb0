from datetime import UTC, datetime

import time_machine

from hearth.accounts.models import User
from hearth.checkins.models import Pause, ReminderPlan, Schedule
from hearth.lib.testing import BaseTestCase, TestResponse

NOW = datetime(2027, 3, 17, 12, 0, tzinfo=UTC)  # a Wednesday
SLOT = {"weekday": "6", "at": "20:30", "timezone": "Europe/London", "label": "over coffee", "remind": "on"}


@time_machine.travel(NOW, tick=False)
class ScheduleTests(BaseTestCase):
    url = "/checkins/schedule/"

    def propose(self, who: User, **data: str) -> TestResponse:
        self.client.force_login(who)
        schedule = Schedule.objects.filter(couple=self.couple).first()
        version = str(schedule.version if schedule else 1)
        return self.client.post(self.url, {"action": "propose", "version": version, **SLOT, **data})

    def confirm(self, who: User, remind: bool = True) -> TestResponse:
        self.client.force_login(who)
        version = Schedule.objects.get(couple=self.couple).version
        data = {"action": "confirm", "version": str(version)} | ({"remind": "on"} if remind else {})
        return self.client.post(self.url, data)

    def test_anonymous_is_sent_to_login_and_a_stranger_home(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 302)
        self.client.force_login(self.carol)
        self.assertRedirects(self.client.get(self.url), "/", fetch_redirect_response=False)
        self.client.post(self.url, {"action": "propose", "version": "1", **SLOT})
        self.assertFalse(Schedule.objects.exclude(couple=self.couple).exists())

    def test_one_proposes_and_the_other_agrees(self) -> None:
        self.assertRedirects(self.propose(self.alice), self.url, fetch_redirect_response=False)
        schedule = Schedule.objects.get(couple=self.couple)
        self.assertIsNone(schedule.slot)
        self.assertIsNone(schedule.next_at)
        self.assertContains(self.client.get(self.url), "Waiting for Bob to agree")

        self.client.force_login(self.bob)
        self.assertContains(self.client.get(self.url), "Alice suggested <strong>Sundays at 20:30</strong>")
        self.confirm(self.bob)
        schedule.refresh_from_db()
        self.assertEqual(schedule.label, "over coffee")
        self.assertEqual(schedule.next_at, datetime(2027, 3, 21, 20, 30, tzinfo=UTC))
        plans = ReminderPlan.objects.filter(user__in=[self.alice, self.bob])
        self.assertEqual({p.next_at for p in plans}, {datetime(2027, 3, 21, 20, 30, tzinfo=UTC)})

    def test_reminders_are_off_unless_each_person_chooses_them(self) -> None:
        self.propose(self.alice, remind="")
        self.confirm(self.bob, remind=False)
        self.assertFalse(ReminderPlan.objects.filter(next_at__isnull=False).exists())
        self.propose(self.bob, weekday="2", remind="on")
        self.assertEqual(ReminderPlan.objects.filter(next_at__isnull=False).get().user, self.bob)

    def test_the_proposer_cannot_confirm_alone(self) -> None:
        self.propose(self.alice)
        r = self.confirm(self.alice)
        self.assertContains(r, "Your partner needs to agree", status_code=400)
        self.assertIsNone(Schedule.objects.get(couple=self.couple).slot)

    def test_a_change_needs_confirming_again_and_the_old_slot_runs_meanwhile(self) -> None:
        self.propose(self.alice)
        self.confirm(self.bob)
        self.propose(self.bob, weekday="2", at="07:30")
        schedule = Schedule.objects.get(couple=self.couple)
        self.assertEqual(schedule.weekday, 6)
        self.assertEqual(schedule.next_at, datetime(2027, 3, 21, 20, 30, tzinfo=UTC))
        self.confirm(self.alice)
        schedule.refresh_from_db()
        self.assertEqual(schedule.weekday, 2)
        self.assertEqual(schedule.next_at, datetime(2027, 3, 24, 7, 30, tzinfo=UTC))

    def test_either_can_pause_and_resume(self) -> None:
        self.propose(self.alice)
        self.confirm(self.bob)
        version = Schedule.objects.get(couple=self.couple).version
        self.client.post(self.url, {"action": "pause", "version": str(version)})
        schedule = Schedule.objects.get(couple=self.couple)
        self.assertIsNone(schedule.next_at)
        self.assertTrue(Pause.objects.filter(schedule=schedule, ended_at__isnull=True).exists())
        self.assertFalse(ReminderPlan.objects.filter(next_at__isnull=False).exists())
        self.client.force_login(self.alice)
        self.client.post(self.url, {"action": "resume", "version": str(schedule.version)})
        schedule.refresh_from_db()
        self.assertIsNotNone(schedule.next_at)

    def test_a_stale_form_says_what_changed_and_loses_nothing(self) -> None:
        self.propose(self.alice)
        r = self.client.post(self.url, {"action": "propose", "version": "1", **SLOT, "weekday": "1"})
        self.assertRedirects(r, self.url, fetch_redirect_response=False)
        self.assertContains(self.client.get(self.url), "changed the schedule while you were looking")
        self.assertEqual(Schedule.objects.get(couple=self.couple).proposed_weekday, 6)

    def test_an_unknown_timezone_is_refused(self) -> None:
        r = self.propose(self.alice, timezone="Atlantis/Capital")
        self.assertContains(r, "timezone isn", status_code=400)

    def test_a_time_the_clocks_skip_is_refused_with_a_clear_message(self) -> None:
        r = self.propose(self.alice, weekday="6", at="01:30", timezone="Europe/London")
        self.assertContains(r, "doesn", status_code=400)
        self.assertContains(r, "28 March", status_code=400)
        self.assertIsNone(Schedule.objects.get(couple=self.couple).proposed_slot)

    def test_an_unknown_action_is_a_clear_400(self) -> None:
        self.client.force_login(self.alice)
        self.assertEqual(self.client.post(self.url, {"action": "explode"}).status_code, 400)

    def test_reminder_settings_move_the_next_reminder(self) -> None:
        self.propose(self.alice)
        self.confirm(self.bob)
        self.client.post(self.url, {"action": "reminders", "enabled": "on", "lead_minutes": "1440"})
        plan = ReminderPlan.objects.get(user=self.bob)
        self.assertEqual(plan.next_at, datetime(2027, 3, 20, 20, 30, tzinfo=UTC))
        self.client.post(self.url, {"action": "reminders", "lead_minutes": "0"})
        plan.refresh_from_db()
        self.assertIsNone(plan.next_at)
