"""What memory lane adds to the core (see `hearth.core.registry`): the
worked example of a practice that touches nothing outside its own app."""

from hearth.content.library import Library
from hearth.core import registry
from hearth.core.registry import HomeTile, Loader
from hearth.lane import content


def register() -> None:
    registry.add_library(Library("memory_lane_prompts", content.PATH, "prompts"))
    registry.add_loader(Loader("memory-lane prompts", content.load_prompts))
    registry.add_home_tile(HomeTile("memory_lane", "Memory lane", "Think back to how you began", 90))
