"""Screening what a person has sent their partner.

The live coach reads a text while it is typed and forgets it: a keystroke,
or a line written and deleted, leaves nothing. Only when a text is sent or
saved for the partner does Hearth screen it once more, on the server, and
if it reads as violence or control (in either voice) keep the one dateless
trace `signals` describes. The text itself is never stored here, logged or
passed on; self-harm leaves no trace at all.
"""

import logging

from hearth import coach
from hearth.coach.screen import DANGER
from hearth.safety import signals

log = logging.getLogger(__name__)


def screen_sent(author_id: int, *texts: str) -> None:
    """Call after the texts were saved for the partner: screening never
    stands between a person and sending."""
    try:
        found = any(set(DANGER) & set(coach.analyse(text).risk) for text in texts if text and text.strip())
    except Exception as error:  # the screen failing must never lose what was sent
        log.error("safety screen failed: %s", type(error).__name__)
        return
    if found:
        signals.note(author_id)
