"""Error reports never carry what a person wrote.

Django's reports of a server error (to the console, or e-mailed to ADMINS if
a deployment sets them) include the request's POST data and every frame's
local variables, and the safe default hides only names that look like
passwords. Here every POST value and every local variable is hidden: the
traceback, the path and the names are enough to find a bug, and a note, an
answer or a text being coached never leaves the request.
"""

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
