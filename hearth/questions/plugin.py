"""What the daily question and the ladder add to the core (see
`hearth.core.registry`)."""

from hearth.content.library import Library
from hearth.core import registry
from hearth.core.registry import Demo, HomeTile, Loader
from hearth.questions import content, demo


def register() -> None:
    registry.add_library(Library("daily_questions", "questions/daily.toml", "questions"))
    registry.add_library(Library("ladder_prompts", "questions/ladder.toml", "prompts", group_by="step"))
    registry.add_loader(Loader("questions", content.load_questions))
    registry.add_demo(Demo("questions", demo.seed, order=40))
    registry.add_home_tile(
        HomeTile("daily_question", "Today's question", "One small question for you both", 20)
    )
    registry.add_home_tile(HomeTile("ladder", "Going deeper", "The ladder, one step at a time", 30))
