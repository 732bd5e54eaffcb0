"""What the connection check-up adds to the core (see `hearth.core.registry`)."""

from hearth.checkup import demo, notifications
from hearth.core import registry
from hearth.core.registry import Demo, HomeTile, RowJob


def register() -> None:
    registry.add_email_kind(notifications.EMAIL_KIND)
    registry.add_row_job(
        RowJob("send_due_retake_reminders", notifications.send_due_retake_reminders, order=60)
    )
    registry.add_demo(Demo("checkup", demo.seed, order=60))
    registry.add_home_tile(HomeTile("checkup", "Connection check-up", "See together where to start", 110))
