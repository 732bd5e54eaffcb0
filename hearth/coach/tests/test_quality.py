"""The bars issue 12 sets, on the frozen test split, each a floor or a ceiling;
and the lines that must never be flagged or never be missed."""

from unittest import TestCase

from django.test import SimpleTestCase

from hearth.coach import analyse, evaluate, windows


class EvaluationTests(SimpleTestCase):
    """One look at the test split; every figure `evaluate` prints is held to
    its bar, so a change that raises a false-alarm rate fails here. (A
    Django test class only so that the runner starts it early: it is the
    suite's longest, and started last it would run on alone.)"""

    report: evaluate.Report

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        cls.report = evaluate.report()

    def test_every_floor_and_ceiling_holds(self) -> None:
        for name, kind, _, bar in evaluate.BARS:
            with self.subTest(name):
                value = self.report.values[name]
                if kind == "floor":
                    self.assertGreaterEqual(value, bar, "\n".join(self.report.missed[:40]))
                else:
                    self.assertLessEqual(value, bar, "\n".join(self.report.missed[:40]))

    def test_the_report_names_every_bar_and_a_failing_one(self) -> None:
        self.assertEqual(set(self.report.values), {bar[0] for bar in evaluate.BARS})
        broken = evaluate.Report(self.report.figures, {**self.report.values, "false_alarms_gentle": 0.2})
        self.assertEqual(broken.failures(), ["false_alarms_gentle 0.200 is over 0.14"])
        self.assertIn("false_alarms_gentle 0.200 (target 0.03)", broken.targets_missed())


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

# The fresh everyday lines: none may read as a risk.
EVERYDAY = [
    "I felt really close to you on our walk yesterday",
    "k.",
    "I'm proud of you for finishing the course",
    "I'm worried about money this month",
    "My phone battery died so I couldn't text you back",
    "Can you check my phone? I think I got the dentist's text",
    "When you check your phone during dinner, I feel a bit lonely",
]


class EverydayWordsTests(TestCase):
    def test_hyperbole_and_loving_absolutes_are_not_flagged(self) -> None:
        for text in HYPERBOLE:
            with self.subTest(text=text):
                reading = analyse(text)
                self.assertEqual((reading.horsemen, reading.risk), ([], []))

    def test_everyday_words_about_phones_money_and_pride_are_not_a_risk(self) -> None:
        for text in EVERYDAY:
            with self.subTest(text=text):
                self.assertEqual(analyse(text).risk, [])


class RiskReadingTests(TestCase):
    def test_plain_words_of_risk_are_read_with_no_coaching(self) -> None:
        for text, label in [
            ("Honestly I just want to sleep and not wake up some days.", "self_harm"),
            ("I don't feel safe at home any more.", "partner_violence"),
            ("He controls all the money and I have to ask for bus fare.", "coercive_control"),
            ("I've been looking up how many pills it would take", "self_harm"),
            ("By the time you read this it'll be over. None of it was your fault.", "self_harm"),
        ]:
            with self.subTest(text=text):
                reading = analyse(text)
                self.assertIn(label, reading.risk)
                self.assertEqual((reading.horsemen, reading.suggestion), ([], None))
                self.assertEqual(reading.voice, "other")

    def test_threats_are_never_given_a_tone_rewrite(self) -> None:
        for text in [
            "If you ever leave me I'll make sure you never see the kids again",
            "Next time you talk back I'll smack you",
            "You put a gun on the table and said it was for me",
        ]:
            with self.subTest(text=text):
                reading = analyse(text)
                self.assertTrue(reading.risk)
                self.assertIsNone(reading.suggestion)

    def test_the_writers_own_threat_or_control_is_read_in_the_writers_voice(self) -> None:
        for text in [
            "You're not allowed to see your friends unless I say so.",
            "Next time you talk back I'll smack you",
        ]:
            with self.subTest(text=text):
                self.assertEqual(analyse(text).voice, "writer")
        self.assertEqual(analyse("He won't let me see my friends unless he says so.").voice, "other")
        # Quoting the words said to you is not saying them.
        self.assertEqual(analyse("He told me you're not allowed to see your friends.").voice, "other")

    def test_risk_in_the_last_sentence_of_a_long_answer_is_found(self) -> None:
        ordinary = evaluate.paragraphs()
        text = evaluate.long_answer(ordinary, "Lately I have been thinking about taking my own life.", 0)
        self.assertGreater(len(text), 1800)
        self.assertEqual(analyse(text).risk, ["self_harm"])
        within = text.rsplit("\n\n", 1)[0] + " Lately I have been thinking about taking my own life."
        self.assertEqual(analyse(within).risk, ["self_harm"], "in the same paragraph as the rest")


class WindowTests(TestCase):
    def test_short_texts_are_read_whole_and_longer_ones_in_pairs_of_sentences(self) -> None:
        self.assertEqual(windows.windows("  One. Two!  "), windows.Windows(["One. Two!"], []))
        self.assertEqual(
            windows.windows("One. Two? Three.\nFour"),
            windows.Windows(["One. Two? Three.\nFour"], ["One. Two?", "Two? Three.", "Three. Four"]),
        )

    def test_each_paragraph_is_read_like_a_message_and_pairs_stay_within_it(self) -> None:
        text = "Busy week. Work ran late.\n\nOne. Two. Three."
        self.assertEqual(
            windows.windows(text),
            windows.Windows(
                [text, "Busy week. Work ran late.", "One. Two. Three."],
                ["One. Two.", "Two. Three."],
            ),
        )

    def test_a_long_run_without_full_stops_is_cut_into_overlapping_pieces(self) -> None:
        words = [f"w{n}" for n in range(100)]
        pieces = windows.sentences(" ".join(words))
        self.assertTrue(all(len(p.split()) <= windows.LONGEST for p in pieces))
        self.assertEqual(pieces[0].split()[0], "w0")
        self.assertEqual(pieces[-1].split()[-1], "w99")
        self.assertEqual(pieces[1].split()[0], f"w{windows.LONGEST - windows.OVERLAP}")
