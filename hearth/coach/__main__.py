"""``python -m hearth.coach --jsonl``: one JSON object in, one out, per line.

Each input line is ``{"text": "..."}``; each output line is the reading
(``horsemen``, ``risk``, ``highlights``, ``suggestion``) or, for a line that
is not such an object, ``{"error": "..."}``. Never a crash, never a skipped
line: output line n answers input line n.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from hearth.coach import analyse, load


def answer(line: str) -> dict[str, object]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return {"error": f"not JSON: {error.msg}"}
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return {"error": 'expected an object with a "text" string'}
    return analyse(data["text"]).as_json()


def run(source: TextIO, out: TextIO) -> None:
    load()
    for line in source:
        out.write(json.dumps(answer(line.rstrip("\n")), ensure_ascii=False) + "\n")
        out.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hearth.coach", description=__doc__.splitlines()[0])
    parser.add_argument("--jsonl", action="store_true", required=True, help="read and write JSON lines")
    parser.parse_args(argv)
    sys.stdin.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
    run(sys.stdin, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
