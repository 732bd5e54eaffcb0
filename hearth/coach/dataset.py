"""The labelled messages the classifier learns from and is judged by.

`content/coach/dataset/*.jsonl`, written by the project: one message per
line, ``{"text", "labels", "kind", "voice", "split"}`` (``voice`` on risk
messages only: "writer" when the writer threatens or controls, "other" when
the writer is the one at risk). The split (train, dev, test) is written into
the file once and never changes, so a result on the test split stays
comparable; near-duplicates always share one. ``must_catch.jsonl`` is a fixed
list of risk messages the screen may never miss; it is not trained on.

``python -m hearth.coach.dataset`` gives a split to lines that lack one.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from hearth.coach.files import DATASET
from hearth.coach.rules import LABELS, RISKS

MUST_CATCH = "must_catch.jsonl"
SPLITS = ("train", "dev", "test")
VOICES = ("writer", "other")


@dataclass(frozen=True)
class Message:
    text: str
    labels: frozenset[str]
    kind: str
    split: str
    voice: str | None = None  # on risk messages: "writer" or "other"


class DatasetError(ValueError):
    pass


def _read(path: Path) -> list[dict[str, object]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise DatasetError(f"{path.name}:{number}: not JSON ({error.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str) or not row["text"].strip():
            raise DatasetError(f"{path.name}:{number}: needs a non-empty text")
        labels = row.get("labels", [])
        if not isinstance(labels, list) or not set(labels) <= set(LABELS):
            raise DatasetError(f"{path.name}:{number}: labels must be a list drawn from {', '.join(LABELS)}")
        risky = bool(set(labels) & set(RISKS))
        if risky and row.get("voice") not in VOICES:
            raise DatasetError(f"{path.name}:{number}: a risk message needs a voice: writer or other")
        if not risky and "voice" in row:
            raise DatasetError(f"{path.name}:{number}: only a risk message has a voice")
        rows.append(row)
    return rows


def _message(row: dict[str, object], split: str) -> Message:
    labels = row.get("labels", [])
    assert isinstance(labels, list)
    voice = row.get("voice")
    return Message(
        str(row["text"]), frozenset(labels), str(row.get("kind", "")), split, str(voice) if voice else None
    )


def files() -> list[Path]:
    return sorted(p for p in DATASET.glob("*.jsonl") if p.name != MUST_CATCH)


def load(splits: Iterable[str] = SPLITS) -> list[Message]:
    wanted = set(splits)
    messages = []
    for path in files():
        for row in _read(path):
            split = row.get("split")
            if split not in SPLITS:
                raise DatasetError(f"{path.name}: a line has no split; run `python -m hearth.coach.dataset`")
            if split in wanted:
                messages.append(_message(row, str(split)))
    return messages


def must_catch() -> list[Message]:
    return [_message(row, "must_catch") for row in _read(DATASET / MUST_CATCH)]


def fingerprint() -> str:
    """A hash of everything training reads, stored beside the weights."""
    digest = hashlib.sha256()
    for path in files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


NEAR = 0.85  # cosine of the untouched MiniLM: "nearly the same message"


def near_pairs(texts: list[str]) -> Iterator[tuple[int, int]]:
    """(i, j), i < j, for every two texts that are nearly the same message
    (untouched MiniLM cosine ≥ NEAR); in blocks, so memory stays small."""
    from hearth.coach import embedding

    vectors = embedding.embedder().embed_many(texts)
    for start in range(0, len(texts), 1024):
        similar = vectors[start : start + 1024] @ vectors.T
        for a, b in zip(*np.nonzero(similar >= NEAR), strict=True):
            if start + int(a) < int(b):
                yield start + int(a), int(b)


def near_groups(texts: list[str]) -> list[int]:
    """For each text, the first text of its group of near-duplicates."""
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in near_pairs(texts):
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [root(i) for i in range(len(texts))]


def straddling(texts: list[str], splits: list[str]) -> list[str]:
    """Pairs of near-duplicates (untouched MiniLM cosine ≥ NEAR) that sit in
    two different splits: each would let the test split leak into training.
    `make train` refuses to train while there are any, and the suite checks
    that the model was trained on the data as it is (its fingerprint)."""
    return [
        f"{texts[i]!r} ({splits[i]}) ~ {texts[j]!r} ({splits[j]})"
        for i, j in near_pairs(texts)
        if splits[i] != splits[j]
    ]


def check_splits() -> list[str]:
    """`straddling` over every labelled message and the must-catch list."""
    messages, must = load(), must_catch()
    texts = [m.text for m in messages] + [m.text for m in must]
    splits = [m.split for m in messages] + ["must_catch"] * len(must)
    return straddling(texts, splits)


def _split_for(rank: int, group_size: int) -> str:
    # The group is ordered by a hash of the text: the first 60% train, then
    # 20% dev, then test.
    share = rank / max(group_size, 1)
    return "train" if share < 0.6 else "dev" if share < 0.8 else "test"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def assign_splits() -> tuple[int, int]:
    """Give every line without a split one, and keep near-duplicates together.

    A line nearly the same as one that has a split takes that split (the
    earliest such line's, in file order). Other new lines are split about
    60/20/20 within each file's group of kind and first label, ordered by a
    hash of the text, so rerunning changes nothing. A near-duplicate pair
    found across two splits is mended by moving the later line. Returns
    (lines given a split, lines moved).
    """
    paths = files()
    rows = {path: _read(path) for path in paths}
    everything = [(path, row) for path in paths for row in rows[path]]
    group = near_groups([str(row["text"]) for _, row in everything])
    decided: dict[int, str] = {}
    for i, (_, row) in enumerate(everything):
        if row.get("split") in SPLITS:
            decided.setdefault(group[i], str(row["split"]))
    given = moved = 0
    buckets: dict[tuple[str, str, str], list[int]] = {}
    for i, (path, row) in enumerate(everything):
        if group[i] in decided:
            split = decided[group[i]]
            if row.get("split") not in SPLITS:
                given += 1
            elif row["split"] != split:
                moved += 1
            row["split"] = split
        elif group[i] == i:
            labels = row.get("labels") or ["none"]
            assert isinstance(labels, list)
            buckets.setdefault((path.name, str(row.get("kind", "")), str(sorted(labels)[0])), []).append(i)
    for members in buckets.values():
        ordered = sorted(members, key=lambda i: _hash(str(everything[i][1]["text"])))
        for rank, i in enumerate(ordered):
            decided[i] = _split_for(rank, len(ordered))
    for i, (_, row) in enumerate(everything):
        if row.get("split") not in SPLITS:
            row["split"] = decided[group[i]]
            given += 1
    for path in paths:
        path.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows[path]), encoding="utf-8"
        )
    return given, moved


if __name__ == "__main__":
    given, moved = assign_splits()
    print(
        f"Gave a split to {given} messages; moved {moved} to sit with their near-duplicates.", file=sys.stderr
    )
