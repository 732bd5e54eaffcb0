from django.test import SimpleTestCase, override_settings
from django.utils import translation

from hearth.appreciation.models import Gesture
from hearth.content.i18n import check_translations, pick
from hearth.lib.testing import BaseTestCase

BOTH = [("en", "en"), ("fr", "fr")]


class PickTests(SimpleTestCase):
    def test_it_picks_the_active_language_then_its_base_then_english(self) -> None:
        translations = {"fr": "Merci pour …", "pt": "Obrigado por …"}
        with translation.override("fr"):
            self.assertEqual(pick("Thank you for …", translations), "Merci pour …")
        with translation.override("pt-br"):
            self.assertEqual(pick("Thank you for …", translations), "Obrigado por …")
        with translation.override("de"):
            self.assertEqual(pick("Thank you for …", translations), "Thank you for …")

    def test_bad_translation_tables_are_refused(self) -> None:
        for bad in ("Merci", {"French": "Merci"}, {"fr": " "}):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                check_translations("g001", bad)


@override_settings(LANGUAGES=BOTH)
class ReaderLanguageTests(BaseTestCase):
    def test_content_follows_the_browsers_language(self) -> None:
        Gesture.objects.create(
            key="g1",
            kind="touch",
            effort="tiny",
            text="Hold today's hug a little longer.",
            translations={"fr": "Prolonge un peu le câlin d'aujourd'hui."},
        )
        self.client.force_login(self.alice)
        r = self.client.get("/today/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertContains(r, "Prolonge un peu le câlin d&#x27;aujourd&#x27;hui.")
        self.assertContains(self.client.get("/notes/new/", HTTP_ACCEPT_LANGUAGE="fr"), "Merci pour …")
        r = self.client.get("/today/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertContains(r, "Hold today&#x27;s hug a little longer.")
