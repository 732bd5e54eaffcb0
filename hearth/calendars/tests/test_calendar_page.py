from django.test import override_settings

from hearth.calendars.models import Feed
from hearth.lib.testing import BaseTestCase, make_user


@override_settings(SITE_URL="https://hearth.example.org")
class CalendarPageTests(BaseTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.alice)

    def test_anonymous_is_sent_to_login(self) -> None:
        self.client.logout()
        r = self.client.get("/calendar/")
        self.assertRedirects(r, "/login/?next=/calendar/", fetch_redirect_response=False)
        r = self.client.post("/calendar/", {"action": "new_address"})
        self.assertRedirects(r, "/login/?next=/calendar/", fetch_redirect_response=False)
        self.assertFalse(Feed.objects.exists())

    def test_it_asks_for_the_privacy_notice_first(self) -> None:
        self.client.force_login(make_user("dana@example.org", "Dana", accepted=False))
        r = self.client.get("/calendar/")
        self.assertRedirects(r, "/welcome/privacy/?next=%2Fcalendar%2F", fetch_redirect_response=False)

    def test_it_shows_the_address_on_the_site_url_and_a_webcal_link(self) -> None:
        r = self.client.get("/calendar/", HTTP_HOST="testserver")
        feed = Feed.objects.get(user=self.alice)
        self.assertContains(r, f"https://hearth.example.org/calendar/{feed.token}.ics")
        self.assertContains(r, f'href="webcal://hearth.example.org/calendar/{feed.token}.ics"')
        self.assertNotContains(r, "testserver")
        self.assertContains(r, "share it with nobody")

    def test_the_address_stays_the_same_between_visits(self) -> None:
        first = self.client.get("/calendar/").context["feed"].token
        second = self.client.get("/calendar/").context["feed"].token
        self.assertEqual(first, second)
        self.assertEqual(Feed.objects.filter(user=self.alice).count(), 1)
        self.assertGreaterEqual(len(first), 43)

    def test_partners_each_have_their_own_address(self) -> None:
        alices = self.client.get("/calendar/").context["feed"].token
        self.client.force_login(self.bob)
        r = self.client.get("/calendar/")
        self.assertNotEqual(r.context["feed"].token, alices)
        self.assertNotContains(r, alices)

    def test_carol_sees_her_own_address_never_alices(self) -> None:
        alices = self.client.get("/calendar/").context["feed"].token
        self.client.force_login(self.carol)
        r = self.client.get("/calendar/")
        self.assertEqual(r.status_code, 200)
        carols = Feed.objects.get(user=self.carol).token
        self.assertContains(r, carols)
        self.assertNotContains(r, alices)

    def test_it_makes_a_new_address(self) -> None:
        old = self.client.get("/calendar/").context["feed"].token
        r = self.client.post("/calendar/", {"action": "new_address"})
        self.assertRedirects(r, "/calendar/", fetch_redirect_response=False)
        new = Feed.objects.get(user=self.alice).token
        self.assertNotEqual(new, old)
        r = self.client.get("/calendar/")
        self.assertContains(r, new)
        self.assertNotContains(r, old)
        self.assertContains(r, "The old one no longer works")
        self.client.logout()
        self.assertEqual(self.client.get(f"/calendar/{old}.ics").status_code, 410)
        self.assertEqual(self.client.get(f"/calendar/{new}.ics").status_code, 200)

    def test_it_turns_detailed_titles_on_and_off(self) -> None:
        self.assertContains(self.client.get("/calendar/"), "Show “Weekly check-in”")
        r = self.client.post("/calendar/", {"action": "titles", "detailed": "on"})
        self.assertRedirects(r, "/calendar/", fetch_redirect_response=False)
        self.assertTrue(Feed.objects.get(user=self.alice).detailed_titles)
        self.assertContains(self.client.get("/calendar/"), "Show only “Catch-up”")
        # Sending the same state again (a double submit) changes nothing.
        self.client.post("/calendar/", {"action": "titles", "detailed": "on"})
        self.assertTrue(Feed.objects.get(user=self.alice).detailed_titles)
        self.client.post("/calendar/", {"action": "titles", "detailed": "off"})
        self.assertFalse(Feed.objects.get(user=self.alice).detailed_titles)

    def test_an_unknown_action_is_refused_clearly(self) -> None:
        token = self.client.get("/calendar/").context["feed"].token
        for data in [{"action": "delete_everything"}, {}]:
            with self.subTest(data=data):
                r = self.client.post("/calendar/", data)
                self.assertContains(
                    r, "Nothing was changed: that request is not one this page knows", status_code=400
                )
        feed = Feed.objects.get(user=self.alice)
        self.assertEqual(feed.token, token)
        self.assertFalse(feed.detailed_titles)

    def test_it_works_without_javascript(self) -> None:
        r = self.client.get("/calendar/")
        self.assertContains(r, '<form method="post"', count=2)
        self.assertContains(r, 'name="action" value="new_address"')
        self.assertContains(r, 'name="action" value="titles"')

    def test_other_methods_are_refused(self) -> None:
        self.assertEqual(self.client.put("/calendar/").status_code, 405)
