"""The tone coach's cost: load time, memory, latency per message, on one core.

Runs every message of the coach's labelled set (all splits; ~1,000 texts)
through `hearth.coach.analyse` in a fresh process pinned to one CPU, and the
same messages through VADER sentiment as the reference. Prints one JSON object:

    .venv/bin/python bench/coach.py [--rounds 3]

Targets (issue 8): median under 15 ms a message, load under 1 s, under 300 MB
resident.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed(function, texts: list[str], rounds: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            function(text)
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    before = resident_mb()

    start = time.perf_counter()
    from hearth import coach

    coach.load()
    load_s = time.perf_counter() - start
    loaded = resident_mb()

    from hearth.coach import dataset

    texts = [m.text for m in dataset.load()]
    coach.analyse(texts[0])  # first-call allocations out of the figures
    ours = timed(coach.analyse, texts, args.rounds)
    after = resident_mb()

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    theirs = timed(vader.polarity_scores, texts, args.rounds)

    median, vader_median = statistics.median(ours), statistics.median(theirs)
    print(
        json.dumps(
            {
                "messages": len(texts) * args.rounds,
                "load_s": round(load_s, 3),
                "rss_mb_before_load": round(before, 1),
                "rss_mb_loaded": round(loaded, 1),
                "rss_mb_after_run": round(after, 1),
                "median_ms": round(median, 2),
                "p95_ms": round(sorted(ours)[int(len(ours) * 0.95)], 2),
                "messages_per_s_one_core": round(1000 * len(ours) / sum(ours), 1),
                "vader_median_ms": round(vader_median, 3),
                "vader_messages_per_s": round(1000 * len(theirs) / sum(theirs), 1),
                "ratio_median_coach_over_vader": round(median / vader_median, 1),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
