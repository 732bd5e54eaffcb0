"""The labelled messages the classifier learns from and is judged by.

`content/coach/dataset/*.jsonl`, written by the project: one message per
line, ``{"text", "labels", "kind", "split"}``. The split (train, dev, test)
is written into the file once and never changes, so a result on the test
split stays comparable. ``must_catch.jsonl`` is a fixed list of risk messages
the screen may never miss; it is not trained on.

``python -m hearth.coach.dataset`` gives a split to lines that lack one
(about 60/20/20 within each group of kind and first label, decided by a hash
of the text, so rerunning changes nothing).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hearth.coach.files import DATASET, REWRITES
from hearth.coach.rules import LABELS, signature

MUST_CATCH = "must_catch.jsonl"
SPLITS = ("train", "dev", "test")


@dataclass(frozen=True)
class Message:
    text: str
    labels: frozenset[str]
    kind: str
    split: str


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
        rows.append(row)
    return rows


def _message(row: dict[str, object], split: str) -> Message:
    labels = row.get("labels", [])
    assert isinstance(labels, list)
    return Message(str(row["text"]), frozenset(labels), str(row.get("kind", "")), split)


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
    digest = hashlib.sha256(signature().encode())
    for path in [*files(), REWRITES]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _split_for(rank: int, group_size: int) -> str:
    # The group is ordered by a hash of the text: the first 60% train, then
    # 20% dev, then test.
    share = rank / max(group_size, 1)
    return "train" if share < 0.6 else "dev" if share < 0.8 else "test"


def assign_splits() -> int:
    """Give every line without a split one; returns how many were given."""
    given = 0
    for path in files():
        rows = _read(path)
        groups: dict[tuple[str, str], list[dict[str, object]]] = {}
        for row in rows:
            labels = row.get("labels") or ["none"]
            assert isinstance(labels, list)
            groups.setdefault((str(row.get("kind", "")), str(sorted(labels)[0])), []).append(row)
        for group in groups.values():
            ordered = sorted(group, key=lambda r: hashlib.sha256(str(r["text"]).encode()).hexdigest())
            for rank, row in enumerate(ordered):
                if row.get("split") not in SPLITS:
                    row["split"] = _split_for(rank, len(ordered))
                    given += 1
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return given


if __name__ == "__main__":
    print(f"Gave a split to {assign_splits()} messages.", file=sys.stderr)
