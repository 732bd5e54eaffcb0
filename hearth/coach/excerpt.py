"""Which part of a message the coach talks about, and its marked words."""

import re

SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
Part = tuple[int, int]


def part(text: str, highlights: list[tuple[int, int, str]]) -> Part:
    """The sentence holding the first highlight, or the whole text.

    "Use this" replaces exactly this part, so the rest of a long answer is
    never lost.
    """
    if highlights:
        first = highlights[0][0]
        for match in SENTENCE.finditer(text):
            if match.start() <= first < match.end():
                chunk = match.group()
                lead = len(chunk) - len(chunk.lstrip())
                return match.start() + lead, match.start() + len(chunk.rstrip())
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    return start, start + len(stripped)


def segments(text: str, within: Part, highlights: list[tuple[int, int, str]]) -> list[tuple[str, bool]]:
    """The part's text as (piece, marked) pairs, marks clipped to the part."""
    pieces: list[tuple[str, bool]] = []
    at, stop = within
    for start, end, _ in sorted(highlights):
        start, end = max(start, at), min(end, stop)
        if start >= end:
            continue
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < stop:
        pieces.append((text[at:stop], False))
    return pieces
