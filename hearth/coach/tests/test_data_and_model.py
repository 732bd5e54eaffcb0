"""The labelled data as promised, splits that do not leak, and a model file
that is the one its thresholds were chosen for."""

import json
import shutil
import tempfile
from pathlib import Path
from unittest import TestCase, mock

import numpy as np

from hearth.coach import dataset, encoder, suggest
from hearth.coach.files import CALIBRATION, ONNX, REWRITE_VECTORS, TOKENIZER

RISKS = {"self_harm", "partner_violence", "coercive_control"}


class DatasetTests(TestCase):
    def test_the_labelled_set_is_as_large_and_varied_as_promised(self) -> None:
        messages = dataset.load()
        self.assertGreaterEqual(len(messages), 6000)
        for label in ("criticism", "contempt", "defensiveness", "stonewalling"):
            self.assertGreaterEqual(sum(label in m.labels for m in messages), 300, label)
        risky = [m for m in messages if m.labels & RISKS]
        self.assertGreaterEqual(len(risky), 1400)
        self.assertGreaterEqual(sum(m.kind == "indirect" for m in risky), len(risky) / 3)
        writers = [m for m in risky if m.voice == "writer"]
        self.assertGreaterEqual(len(writers), 300)
        self.assertGreaterEqual(sum(m.kind == "hard_negative" for m in messages), 1500)

    def test_near_duplicates_in_two_splits_are_found(self) -> None:
        # `make train` runs this over all the data and refuses to train on a
        # leak; ModelFileTests checks the model was trained on the data as it is.
        texts = [
            "I'm so tired of fighting with you.",
            "I am so tired of fighting with you!",
            "Thanks for the tea x",
        ]
        leak = dataset.straddling(texts, ["train", "test", "test"])
        self.assertEqual(len(leak), 1)
        self.assertIn("fighting", leak[0])
        self.assertEqual(dataset.straddling(texts, ["dev", "dev", "test"]), [])

    def test_every_message_has_one_of_the_three_splits(self) -> None:
        self.assertEqual({m.split for m in dataset.load()}, {"train", "dev", "test"})

    def test_a_risk_message_needs_a_voice_and_only_a_risk_message_has_one(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            bad = Path(tmp) / "bad.jsonl"
            for row, error in [
                ({"text": "x", "labels": ["self_harm"], "kind": "direct"}, "needs a voice"),
                ({"text": "x", "labels": [], "kind": "gentle", "voice": "other"}, "only a risk"),
                ({"text": "x", "labels": ["rage"], "kind": "gentle"}, "labels must be"),
            ]:
                bad.write_text(json.dumps(row) + "\n")
                with self.subTest(error=error), self.assertRaisesRegex(dataset.DatasetError, error):
                    dataset._read(bad)


class ModelFileTests(TestCase):
    def test_the_model_was_trained_on_the_data_as_it_is(self) -> None:
        calibration = json.loads(CALIBRATION.read_text())
        self.assertEqual(
            calibration["fingerprint"],
            dataset.fingerprint(),
            "content/coach/dataset changed since training: run `make train`",
        )

    def test_the_rewrites_were_read_by_this_model(self) -> None:
        with np.load(REWRITE_VECTORS) as data:
            self.assertEqual(
                str(data["fingerprint"]), suggest.fingerprint(), "run `python -m hearth.coach.read_rewrites`"
            )
            self.assertEqual(len(data["vectors"]), len(suggest.library()))

    def test_a_model_file_that_is_not_the_calibrated_one_is_refused(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            fake = Path(tmp) / "coach.onnx"
            shutil.copyfile(ONNX, fake)
            with fake.open("ab") as f:
                f.write(b"\0")
            with (
                mock.patch.object(encoder, "ONNX", fake),
                self.assertRaisesRegex(encoder.ModelMissing, "not the model"),
            ):
                encoder._load.__wrapped__()

    def test_the_same_texts_always_give_the_same_numbers(self) -> None:
        texts = ["You never listen.", "Thanks for the tea x", "Work ran late, and the car is making a noise."]
        model = encoder.encoder()
        together = model.run(texts)
        np.testing.assert_array_equal(together, model.run(list(reversed(texts)))[::-1])
        for text, row in zip(texts, together, strict=True):
            np.testing.assert_array_equal(model.run([text])[0], row, "the same alone or beside others")
        self.assertTrue(TOKENIZER.is_file())
