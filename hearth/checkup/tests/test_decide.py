from django.test import SimpleTestCase

from hearth.checkup import content, decide


def answers(value: int) -> dict[str, int]:
    """Every item answered so that its score is `value` (reversed items turned round)."""
    return {i.key: (6 - value if i.reverse else value) for i in content.load().items}


class DecideTests(SimpleTestCase):
    def test_scores_turn_round_for_strain_statements(self) -> None:
        self.assertEqual(decide.item_score(5, reverse=True), 1)
        self.assertEqual(decide.item_score(5, reverse=False), 5)

    def test_an_area_is_to_work_on_when_either_partner_is_below_three(self) -> None:
        words = content.load()
        low = answers(4)
        for item in words.items_in("affection"):
            low[item.key] = 6 - 2 if item.reverse else 2
        found = decide.areas([answers(4), low], words)
        self.assertEqual(found.work_on, ["affection"])
        self.assertNotIn("affection", found.going_well)

    def test_the_boundaries(self) -> None:
        words = content.load()
        at_three = decide.areas([answers(3), answers(3)], words)
        self.assertEqual(at_three.work_on, [])  # 3.0 is not below WORK_ON
        self.assertEqual(at_three.going_well, [])  # and not at GOING_WELL
        self.assertEqual(len(decide.areas([answers(4), answers(4)], words).going_well), len(words.areas))

    def test_each_area_threshold_on_both_sides(self) -> None:
        words = content.load()
        [first, second] = words.items_in("affection")

        def with_affection(a: int, b: int) -> decide.Areas:
            scores = answers(4)
            scores[first.key] = 6 - a if first.reverse else a
            scores[second.key] = 6 - b if second.reverse else b
            return decide.areas([answers(4), scores], words)

        self.assertIn("affection", with_affection(3, 4).going_well)  # 3.5: at GOING_WELL
        self.assertNotIn("affection", with_affection(3, 3).going_well)  # 3.0: under it
        self.assertNotIn("affection", with_affection(3, 3).work_on)  # 3.0: not under WORK_ON
        self.assertIn("affection", with_affection(2, 3).work_on)  # 2.5: under it
        self.assertNotIn("affection", with_affection(2, 3).going_well)

    def test_counselling_after_two_low_check_ups_in_a_row(self) -> None:
        self.assertFalse(decide.recommend_counselling([2.4], False, False))
        self.assertTrue(decide.recommend_counselling([2.4, 2.49], False, False))
        self.assertFalse(decide.recommend_counselling([2.4, 2.5], False, False))  # 2.5 is not low
        self.assertFalse(decide.recommend_counselling([2.0, 3.0, 2.0], False, False))

    def test_counselling_when_something_weighs_on_either(self) -> None:
        self.assertTrue(decide.recommend_counselling([4.5], True, False))

    def test_never_counselling_when_someone_is_afraid(self) -> None:
        self.assertFalse(decide.recommend_counselling([2.0, 2.0], True, True))

    def test_composite_is_the_mean_of_both(self) -> None:
        self.assertEqual(decide.composite([answers(2), answers(4)], content.load()), 3)
