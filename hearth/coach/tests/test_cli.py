import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import TestCase

ROOT = Path(__file__).resolve().parents[3]


def run(lines: list[str]) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "hearth.coach", "--jsonl"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},  # no Django settings
        timeout=120,
        check=True,
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


class CommandLineTests(TestCase):
    def test_one_answer_per_line_and_bad_lines_get_an_error_not_a_crash(self) -> None:
        out = run(
            [
                json.dumps({"text": "You never listen to me. What is wrong with you?"}),
                "this is not json",
                json.dumps(["text", "a list"]),
                json.dumps({"message": "no text key"}),
                json.dumps({"text": 42}),
                "",
                json.dumps({"text": "I've been thinking about killing myself."}),
                json.dumps({"text": "Thank you for the tea this morning ☕"}),
            ]
        )
        self.assertEqual(len(out), 8)
        self.assertIn("criticism", out[0]["horsemen"])
        self.assertIsInstance(out[0]["suggestion"], str)
        for bad in out[1:6]:
            self.assertEqual(set(bad), {"error"})
        self.assertEqual(out[6]["risk"], ["self_harm"])
        self.assertEqual(out[6]["voice"], "other")
        self.assertIsNone(out[6]["suggestion"], "no coaching when there is a risk")
        self.assertEqual(
            out[7], {"horsemen": [], "risk": [], "voice": None, "highlights": [], "suggestion": None}
        )

    def test_a_threat_in_the_writers_voice_says_so(self) -> None:
        (answer,) = run([json.dumps({"text": "Next time you talk back I'll smack you."})])
        self.assertTrue(answer["risk"])
        self.assertEqual(answer["voice"], "writer")
        self.assertIsNone(answer["suggestion"])

    def test_highlights_point_at_the_words_in_the_text(self) -> None:
        text = "Fine. You always do this, you're so selfish."
        (answer,) = run([json.dumps({"text": text})])
        self.assertTrue(answer["highlights"])
        for start, end, label in answer["highlights"]:
            self.assertIn(label, answer["horsemen"])
            self.assertTrue(text[start:end].strip())
        marked = [text[s:e].lower() for s, e, _ in answer["highlights"]]
        self.assertTrue(any("selfish" in m for m in marked))
