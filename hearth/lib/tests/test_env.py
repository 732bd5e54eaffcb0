import os
from unittest import mock

from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase

from hearth.lib.env import env_bool, env_int, env_list


class EnvTests(SimpleTestCase):
    def test_booleans_are_read_strictly(self) -> None:
        for raw, value in [
            ("true", True),
            ("1", True),
            ("On", True),
            ("false", False),
            ("0", False),
            ("", False),
        ]:
            with self.subTest(raw=raw), mock.patch.dict(os.environ, {"X": raw}):
                self.assertIs(env_bool("X", not value), value)
        with (
            mock.patch.dict(os.environ, {"X": "ture"}),
            self.assertRaisesMessage(ImproperlyConfigured, "X must be"),
        ):
            env_bool("X", False)

    def test_missing_values_take_the_default(self) -> None:
        with mock.patch.dict(os.environ, {}, clear=True):
            self.assertIs(env_bool("X", True), True)
            self.assertEqual(env_int("X", 7), 7)
            self.assertEqual(env_list("X", ["a"]), ["a"])

    def test_integers_are_checked(self) -> None:
        with mock.patch.dict(os.environ, {"X": "12"}):
            self.assertEqual(env_int("X", 1), 12)
        with mock.patch.dict(os.environ, {"X": "twelve"}), self.assertRaises(ImproperlyConfigured):
            env_int("X", 1)
        with mock.patch.dict(os.environ, {"X": "-1"}), self.assertRaises(ImproperlyConfigured):
            env_int("X", 1, minimum=0)

    def test_lists_are_split_on_commas(self) -> None:
        with mock.patch.dict(os.environ, {"X": " a.example , b.example,,"}):
            self.assertEqual(env_list("X", []), ["a.example", "b.example"])
