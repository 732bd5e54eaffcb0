"""Error reports never carry what a person wrote.

`MaskTokens` keeps secrets in addresses (a calendar feed, an invitation, a
one-click "off" link, a password reset, a signup's confirmation) out of the log, and keeps a refused
oversized request to one line.

Django's reports of a server error (to the console, or e-mailed to ADMINS if
a deployment sets them) include the request's POST data and every frame's
local variables, and the safe default hides only names that look like
passwords. Here every POST value and every local variable is hidden: the
traceback, the path and the names are enough to find a bug, and a note, an
answer or a text being coached never leaves the request.
"""

import logging
import re
from collections.abc import ItemsView
from types import FrameType
from typing import Any

from django.http import HttpRequest
from django.views.debug import SafeExceptionReporterFilter


class NoUserText(SafeExceptionReporterFilter):
    def get_post_parameters(self, request: HttpRequest | None) -> dict[str, Any]:
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)

    def get_traceback_frame_variables(
        self, request: HttpRequest | None, tb_frame: FrameType
    ) -> ItemsView[str, Any]:
        return dict.fromkeys(tb_frame.f_locals, self.cleansed_substitute).items()


# An address's secret part: what follows these, up to the next "/" or ".ics".
_SECRETS = re.compile(
    r"(/calendar/|/join/|/off/|/password/reset/|/signup/confirm/)[^/\s]+?(?=\.ics|/|\s|$)(?:/[^/\s]+(?=/))?"
)


def mask(text: str) -> str:
    """`text` with the token of every secret address replaced by "…"."""
    return _SECRETS.sub(lambda m: m.group(1) + "…", text)


class MaskTokens(logging.Filter):
    """On the log's handlers: the message with its tokens masked; Django's
    security messages (an oversized or malformed request) without the
    traceback, which says nothing the one line does not."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask(record.getMessage()), ()
        if record.name.startswith("django.security"):
            record.exc_info, record.exc_text = None, None
        return True
