"""The bars the issue sets, on the frozen test split, and the lines that must
never be flagged or never be missed."""

from unittest import TestCase

from hearth.coach import analyse, dataset, evaluate, suggest
from hearth.coach.classifier import trained

HYPERBOLE = [
    "this traffic is killing me",
    "I'm dying to see you",
    "you always make me laugh",
    "I could kill for a coffee right now",
    "My feet are killing me after that walk.",
    "You never fail to make my day better.",
    "I nearly died laughing at your text",
    "I'm dead on my feet, love. Early night?",
    "I wanted to die laughing when the dog stole your sandwich",
]

PLAIN_WORDS_OF_RISK = [
    ("Honestly I just want to sleep and not wake up some days.", "self_harm"),
    ("I don't feel safe at home any more.", "partner_violence"),
    ("He controls all the money and I have to ask for bus fare.", "coercive_control"),
]


class EvaluationTests(TestCase):
    report: evaluate.Report

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.report = evaluate.report()

    def test_risk_recall_on_the_test_split_is_at_least_095(self) -> None:
        self.assertGreaterEqual(self.report.risk.recall, evaluate.BARS["risk_recall"])

    def test_horsemen_macro_f1_on_the_test_split_is_at_least_080(self) -> None:
        self.assertGreaterEqual(self.report.horsemen_macro_f1, evaluate.BARS["horsemen_macro_f1"])

    def test_nothing_on_the_must_catch_list_is_missed(self) -> None:
        self.assertEqual(self.report.missed_must_catch, [])


class HyperboleTests(TestCase):
    def test_hyperbole_and_loving_absolutes_are_not_flagged(self) -> None:
        for text in HYPERBOLE:
            with self.subTest(text=text):
                reading = analyse(text)
                self.assertEqual((reading.horsemen, reading.risk), ([], []))


class PlainWordsTests(TestCase):
    def test_plain_words_of_risk_are_a_clear_signal_with_no_coaching(self) -> None:
        for text, label in PLAIN_WORDS_OF_RISK:
            with self.subTest(text=text):
                reading = analyse(text)
                self.assertIn(label, reading.risk)
                self.assertEqual(reading.risk_level, "clear")
                self.assertEqual((reading.horsemen, reading.suggestion), ([], None))


class ModelFileTests(TestCase):
    def test_the_weights_were_trained_on_the_data_and_rewrites_as_they_are(self) -> None:
        self.assertEqual(
            trained().fingerprint,
            dataset.fingerprint(),
            "content/coach changed since training: run `.venv/bin/python -m hearth.coach.train`",
        )


class DatasetTests(TestCase):
    def test_the_labelled_set_is_as_large_and_varied_as_promised(self) -> None:
        messages = dataset.load()
        self.assertGreaterEqual(len(messages), 800)
        for label in ("criticism", "contempt", "defensiveness", "stonewalling"):
            self.assertGreaterEqual(sum(label in m.labels for m in messages), 80, label)
        risky = [m for m in messages if m.labels & {"self_harm", "partner_violence", "coercive_control"}]
        self.assertGreaterEqual(len(risky), 150)
        self.assertGreaterEqual(sum(m.kind == "indirect" for m in risky), len(risky) / 3)
        self.assertGreaterEqual(sum(m.kind == "hard_negative" for m in messages), 100)

    def test_every_split_is_there_and_no_text_sits_in_two(self) -> None:
        seen: dict[str, str] = {}
        for m in dataset.load():
            key = m.text.strip().lower()
            self.assertEqual(seen.setdefault(key, m.split), m.split, m.text)
        self.assertEqual(set(seen.values()), {"train", "dev", "test"})
        self.assertFalse({m.text.strip().lower() for m in dataset.must_catch()} & set(seen))


class SuggestionTests(TestCase):
    def test_the_library_is_large_and_the_coach_never_coaches_its_own_gentle_lines(self) -> None:
        rewrites = suggest.library()
        self.assertGreaterEqual(len(rewrites), 200)
        readings = [analyse(r.gentle) for r in rewrites]
        coached = [r.gentle for r, a in zip(rewrites, readings, strict=True) if a.horsemen]
        self.assertLessEqual(len(coached), len(rewrites) // 20, coached)
        alarmed = [r.gentle for r, a in zip(rewrites, readings, strict=True) if a.risk_level == "clear"]
        self.assertEqual(alarmed, [])

    def test_a_close_message_gets_the_curated_rewrite_adapted_to_its_topic(self) -> None:
        reading = analyse("You never do the laundry, you're so lazy.")
        self.assertIn("criticism", reading.horsemen)
        assert reading.suggestion is not None
        self.assertNotIn("lazy", reading.suggestion.lower())
        self.assertNotRegex(reading.suggestion.lower(), r"\byou (always|never)\b")

    def test_topic_words_are_swapped_within_their_family_only(self) -> None:
        adapted = suggest.adapt(
            "I feel worn out when the dishes pile up.",
            "You never do the dishes.",
            "You never do the laundry!",
        )
        self.assertEqual(adapted, "I feel worn out when the laundry pile up.")
        unchanged = suggest.adapt("Could we put the phone away?", "Your phone!", "Your mum!")
        self.assertEqual(unchanged, "Could we put the phone away?")

    def test_far_from_every_rewrite_the_writer_gets_the_scaffold(self) -> None:
        text = suggest.scaffold("Your sister is a nightmare and you know it.", ["criticism"])
        self.assertEqual(text, "I feel frustrated when it comes to your sister … What I need is …")
        self.assertEqual(suggest.scaffold("Ugh.", ["contempt"]), "I feel hurt when … What I need is …")
        self.assertIn("I need a short break", suggest.scaffold("Whatever.", ["stonewalling"]))
        self.assertIn("I can see my part", suggest.scaffold("Not my fault.", ["defensiveness"]))
