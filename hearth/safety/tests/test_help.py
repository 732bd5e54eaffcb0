from hearth.lib.testing import BaseTestCase
from hearth.safety import resources


class HelpPageTests(BaseTestCase):
    def test_anyone_can_open_it_without_logging_in(self) -> None:
        r = self.client.get("/help/")
        self.assertContains(r, "Get help")
        self.assertContains(r, "https://findahelpline.com")
        self.assertContains(r, "Call your local emergency number")

    def test_it_shows_the_lines_for_the_persons_country(self) -> None:
        self.client.force_login(self.carol)  # in the US
        r = self.client.get("/help/")
        self.assertContains(r, "988 Suicide &amp; Crisis Lifeline")
        self.assertContains(r, 'href="tel:18007997233"')
        self.assertContains(r, "Call 911")

    def test_another_country_can_be_chosen(self) -> None:
        self.client.force_login(self.carol)
        r = self.client.get("/help/?country=au")
        self.assertContains(r, "1800RESPECT")
        self.assertNotContains(r, "988 Suicide")

    def test_an_unknown_country_falls_back_to_the_directory(self) -> None:
        r = self.client.get("/help/?country=<script>")
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Find A Helpline")
        self.assertNotContains(r, "<script>", html=False)


class ResourcesDataTests(BaseTestCase):
    def test_at_least_ten_countries_each_with_crisis_and_abuse_lines(self) -> None:
        data = resources.load()
        self.assertGreaterEqual(len(data.countries), 10)
        for code, country in data.countries.items():
            with self.subTest(country=code):
                self.assertTrue(country.of_kind("crisis"))
                self.assertTrue(country.of_kind("abuse"))
                self.assertTrue(country.emergency)
                for line in country.lines:
                    if line.url:
                        self.assertTrue(line.url.startswith("https://"), line.url)

    def test_a_country_missing_a_kind_of_line_is_refused(self) -> None:
        bad = {
            "checked": "2026-11",
            "directory": {"name": "D", "url": "https://d.example", "about": "x"},
            "countries": {
                "GB": {"emergency": "999", "lines": [{"kind": "crisis", "name": "S", "phone": "1"}]}
            },
        }
        with self.assertRaisesMessage(ValueError, "GB needs at least one abuse line"):
            resources.parse(bad)
