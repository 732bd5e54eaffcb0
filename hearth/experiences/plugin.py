"""What shared experiences add to the core (see `hearth.core.registry`)."""

from hearth.content.library import Library
from hearth.core import registry
from hearth.core.registry import Demo, HomeTile, Loader, RowJob
from hearth.experiences import content, demo, reminders


def register() -> None:
    registry.add_email_kind(reminders.EMAIL_KIND)
    registry.add_row_job(RowJob("send_due_plan_reminders", reminders.send_due_plan_reminders, order=50))
    registry.add_library(Library("ideas", "experiences/ideas.toml", "ideas", ("title", "text")))
    registry.add_loader(Loader("ideas", content.load_ideas))
    registry.add_demo(Demo("experiences", demo.seed, order=50))
    registry.add_home_tile(HomeTile("ideas", "Ideas for us", "Small adventures, free ones first", 70))
    registry.add_home_tile(HomeTile("memories", "Our memories", "Keep the moments worth keeping", 80))
