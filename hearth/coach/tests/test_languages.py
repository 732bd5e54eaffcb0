"""Other languages: no tone advice, but risk still screened by phrase lists."""

from unittest import TestCase

from hearth.coach import analyse, dataset, languages


class LanguageTests(TestCase):
    def test_risk_in_six_languages_is_found_with_its_voice(self) -> None:
        for text, label, voice in [
            ("Ya no quiero vivir.", "self_harm", "other"),
            ("Me pegaste anoche y tengo miedo.", "partner_violence", "other"),
            ("Je veux mourir.", "self_harm", "other"),
            ("Ich will nicht mehr leben.", "self_harm", "other"),
            ("Não quero mais viver.", "self_harm", "other"),
            ("Non voglio più vivere.", "self_harm", "other"),
            ("Ik wil niet meer leven.", "self_harm", "other"),
        ]:
            with self.subTest(text=text):
                reading = analyse(text)
                self.assertIn(label, reading.risk)
                self.assertEqual(reading.voice, voice)
                self.assertIsNone(reading.suggestion)

    def test_another_language_gets_no_tone_advice_and_no_guess(self) -> None:
        for text in [
            "Du hörst mir nie zu.",
            "Tu ne m'écoutes jamais, c'est toujours pareil.",
            "Me muero de hambre",
        ]:
            with self.subTest(text=text):
                reading = analyse(text)
                self.assertNotEqual(reading.language, "en")
                self.assertEqual((reading.horsemen, reading.risk, reading.suggestion), ([], [], None))

    def test_short_english_is_never_taken_for_another_language(self) -> None:
        for text in ["k.", "kk", "hehe", "Uh huh.", "lol ok", "ta", "love you x"]:
            with self.subTest(text=text):
                self.assertEqual(languages.language(text), "en")

    def test_english_messages_are_read_as_english_and_no_phrase_list_fires_on_them(self) -> None:
        messages = [m for m in dataset.load(["train", "dev"]) if m.text.isascii()]
        misread = [m.text for m in messages if languages.language(m.text) != "en"]
        self.assertLessEqual(len(misread), len(messages) // 1000, misread)
        fired = [
            m.text
            for m in messages
            if not m.labels & {"self_harm", "partner_violence", "coercive_control"} and languages.hits(m.text)
        ]
        self.assertEqual(fired, [])

    def test_spans_point_into_the_text_even_after_an_eszett(self) -> None:
        text = "Straße, Straße. Ich will nicht mehr leben."
        (hit,) = [h for h in languages.hits(text) if h.label == "self_harm"]
        self.assertEqual(text[hit.start : hit.end].lower()[:8], "ich will")
