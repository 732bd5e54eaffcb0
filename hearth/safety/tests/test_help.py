from django.utils.html import escape

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
    def test_at_least_twenty_five_countries_each_with_crisis_and_abuse_lines(self) -> None:
        data = resources.load()
        self.assertGreaterEqual(len(data.countries), 25)
        for code, country in data.countries.items():
            with self.subTest(country=code):
                self.assertTrue(country.of_kind("crisis"))
                self.assertTrue(country.of_kind("abuse"))
                self.assertTrue(country.emergency)
                for line in country.lines:
                    if line.url:
                        self.assertTrue(line.url.startswith("https://"), line.url)

    def test_every_phone_number_makes_a_dialable_link(self) -> None:
        for code, country in resources.load().countries.items():
            for line in country.lines:
                if line.phone:
                    with self.subTest(country=code, line=line.name):
                        digits = line.tel.lstrip("+")
                        self.assertGreaterEqual(len(digits), 3, line.phone)
                        self.assertTrue(digits.isdigit(), line.phone)
                        # Nothing but digits, spaces, dashes and a leading + may be
                        # shown, or the tel: link would dial something else.
                        self.assertTrue(set(line.phone) <= set("0123456789 -+"), line.phone)
                with self.subTest(country=code, line=line.name, field="name"):
                    self.assertTrue(line.name.strip())

    def test_every_country_has_a_name_and_an_emergency_number(self) -> None:
        for code, country in resources.load().countries.items():
            with self.subTest(country=code):
                self.assertTrue(country.name)
                self.assertTrue(any(ch.isdigit() for ch in country.emergency), country.emergency)

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


class EveryCountryPageTests(BaseTestCase):
    def test_each_country_shows_its_emergency_number_and_every_line(self) -> None:
        for code, country in resources.load().countries.items():
            with self.subTest(country=code):
                r = self.client.get(f"/help/?country={code.lower()}")
                self.assertEqual(r.status_code, 200)
                self.assertContains(r, f"Call {escape(country.emergency)}.")
                for line in country.lines:
                    self.assertContains(r, escape(line.name))
                    if line.phone:
                        self.assertContains(r, f'href="tel:{line.tel}"')
                self.assertContains(r, "https://findahelpline.com")

    def test_newly_added_countries_show_their_lines(self) -> None:
        expected = {
            "at": ("TelefonSeelsorge", "tel:142", "tel:0800222555"),
            "be": ("Zelfmoordlijn 1813", "tel:080032123", "tel:080030030"),
            "ch": ("tel:143", "https://www.opferhilfe-schweiz.ch"),
            "dk": ("tel:70201201", "tel:1888"),
            "fi": ("tel:0925250111", "tel:080005005"),
            "gr": ("tel:1018", "tel:15900"),
            "jp": ("tel:0120279338", "tel:0120279889"),
            "kr": ("tel:109", "tel:1366"),
            "no": ("tel:116123", "tel:116006"),
            "pl": ("tel:116123", "tel:800120002"),
            "pt": ("tel:1411", "tel:800202148"),
            "sg": ("tel:1767", "tel:18007770000"),
        }
        for code, needles in expected.items():
            with self.subTest(country=code):
                r = self.client.get(f"/help/?country={code}")
                for needle in needles:
                    self.assertContains(r, needle)

    def test_every_country_can_be_chosen_from_the_list(self) -> None:
        r = self.client.get("/help/")
        for code in resources.load().countries:
            self.assertContains(r, f'<option value="{code}"')
