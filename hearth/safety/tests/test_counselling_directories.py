"""The counsellor directories (content/support/counselling.toml) sit next to
the crisis lines: both are lists of real services that must stay right."""

from hearth.checkup import counselling
from hearth.lib.testing import BaseTestCase


class CounsellingDirectoriesTests(BaseTestCase):
    def test_every_directory_is_complete_and_https(self) -> None:
        guide = counselling.load()
        self.assertGreaterEqual(len(guide.directories), 8)
        for code, found in guide.directories.items():
            with self.subTest(country=code):
                self.assertEqual(code, code.upper())
                self.assertTrue(found)
                for directory in found:
                    self.assertTrue(directory.name.strip())
                    self.assertTrue(directory.about.strip())
                    self.assertTrue(directory.url.startswith("https://"), directory.url)

    def test_the_guide_shows_the_directories_for_newly_covered_countries(self) -> None:
        for country, url in {
            "CA": "https://www.ccpa-accp.ca",
            "NZ": "https://www.nzac.org.nz",
            "NL": "https://www.nvrg.nl",
            "IE": "https://iacp.ie",
            "AU": "https://www.pacfa.org.au",
        }.items():
            with self.subTest(country=country):
                self.carol.country = country
                self.carol.save()
                self.client.force_login(self.carol)
                r = self.client.get("/support/counselling/")
                self.assertContains(r, url)
                self.assertNotContains(r, "https://www.aamft.org")
