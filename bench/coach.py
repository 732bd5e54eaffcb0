"""The tone coach's cost: load time, memory and time per message, on one core.

In a fresh process pinned to one CPU (onnxruntime with one thread):

- load: tokenizer, ONNX session, thresholds, rewrites, language detector;
- whole text: one model call on ~300-character messages (the check-in answer
  size the targets are set for), built from the test split's messages;
- with sentence screening: `hearth.coach.analyse` on the same messages, which
  reads the whole text and every pair of neighbouring sentences in one call;
- the labelled set as it is (mostly one or two sentences), through `analyse`;
- peak resident memory of the process (`ru_maxrss`), and VADER as a reference.

    .venv/bin/python bench/coach.py [--rounds 3]

Targets (issue 12): whole text median < 15 ms; with sentence screening median
< 25 ms and p99 < 50 ms; load < 1 s; peak RSS < 300 MB.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_CHARS = 300


def percentile(times: list[float], share: float) -> float:
    return sorted(times)[min(len(times) - 1, int(len(times) * share))]


def timed(function: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            function(text)
            times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
        "p99_ms": round(percentile(times, 0.99), 2),
    }


def three_hundred(texts: list[str]) -> list[str]:
    """Messages of about 300 characters: test-split messages joined in order."""
    out, current = [], ""
    for text in texts:
        current = f"{current} {text}".strip()
        if len(current) >= TARGET_CHARS - 40:
            out.append(current[: TARGET_CHARS + 60])
            current = ""
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    start = time.perf_counter()
    from hearth import coach
    from hearth.coach import dataset, encoder

    coach.load()
    load_s = time.perf_counter() - start

    messages = [m.text for m in dataset.load()]
    test = [m.text for m in dataset.load(["test"])]
    long = three_hundred(test)
    model = encoder.encoder()
    coach.analyse(long[0])  # first-call allocations out of the figures
    whole = timed(lambda text: model.run([text]), long, args.rounds)
    screened = timed(coach.analyse, long, args.rounds)
    as_written = timed(coach.analyse, messages, 1)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    theirs = timed(vader.polarity_scores, long, args.rounds)
    print(
        json.dumps(
            {
                "load_s": round(load_s, 3),
                "peak_rss_mb": round(peak_mb, 1),
                "messages_300_chars": len(long),
                "mean_chars": round(statistics.mean(len(t) for t in long)),
                "whole_text": summary(whole),
                "with_sentence_screening": summary(screened),
                "labelled_set_as_written": {"messages": len(messages), **summary(as_written)},
                "vader_median_ms": round(statistics.median(theirs), 3),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
