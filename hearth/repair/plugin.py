"""What repair adds to the core (see `hearth.core.registry`)."""

from hearth.core import registry
from hearth.core.registry import Demo, HomeTile
from hearth.repair import demo


def register() -> None:
    registry.add_demo(Demo("repair", demo.seed, order=30))
    registry.add_home_tile(HomeTile("repair", "Mending things", "Say sorry well, or let something go", 100))
