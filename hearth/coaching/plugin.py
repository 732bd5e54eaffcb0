"""What the tone coach adds to the core (see `hearth.core.registry`): its
curated rewrites are read with every other library, so that no gentler
way of saying something repeats a line a couple meets elsewhere."""

from hearth.content.library import Library
from hearth.core import registry


def register() -> None:
    registry.add_library(Library("coach_rewrites", "coach/rewrites.toml", "rewrite", ("gentle",)))
