from django.test import override_settings

from hearth.lib.testing import BaseTestCase


class HomeTests(BaseTestCase):
    def test_anonymous_sees_the_welcome(self) -> None:
        r = self.client.get("/")
        self.assertContains(r, "Create an account")
        self.assertNotIn("no-store", r.get("Cache-Control", ""))

    def test_a_partner_sees_the_couple_home(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get("/")
        self.assertContains(r, "You and Bob")

    def test_someone_alone_is_offered_to_invite_or_join(self) -> None:
        self.client.force_login(self.carol)
        r = self.client.get("/")
        self.assertContains(r, "Invite your partner")
        self.assertContains(r, "I have a code")
        self.assertNotContains(r, "Alice")
        self.assertNotContains(r, "has been closed")

    def test_the_couple_home_costs_few_queries(self) -> None:
        self.client.force_login(self.alice)
        # session, user, membership+couple, partner, jar count (+ the note when there is one),
        # and one for each practice's "waiting for you" (a time to agree, apologies to answer)
        with self.assertNumQueries(7):
            self.client.get("/")


class HealthzTests(BaseTestCase):
    def test_it_answers_ok_without_login_or_data(self) -> None:
        r = self.client.get("/healthz")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.content, b"ok\n")
        self.assertIn("no-store", r["Cache-Control"])

    @override_settings(DEBUG=False)
    def test_it_answers_503_when_the_database_is_down(self) -> None:
        from unittest import mock

        from django.db import OperationalError

        with mock.patch(
            "django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")
        ):
            r = self.client.get("/healthz")
        self.assertEqual(r.status_code, 503)
