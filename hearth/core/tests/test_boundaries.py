"""The core never imports a practice: each practice plugs in through
`hearth.core.registry`, so adding or removing one touches only its own app."""

import ast
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

HEARTH = Path(__file__).resolve().parents[2]
CORE = ["core", "accounts", "couples", "reveal", "worker", "content", "lib", "front", "safety"]
# Operations on a whole Hearth (backups) may read what practices store.
TOOLS = ["backup"]
PRACTICES = [
    "checkins",
    "calendars",
    "appreciation",
    "repair",
    "questions",
    "experiences",
    "lane",
    "checkup",
    "coaching",
]


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def core_modules() -> list[Path]:
    return [
        path
        for app in CORE
        for path in sorted((HEARTH / app).rglob("*.py"))
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def practice_imports(path: Path) -> list[str]:
    return sorted(
        name
        for name in imported_modules(path)
        if any(name == f"hearth.{p}" or name.startswith(f"hearth.{p}.") for p in PRACTICES)
    )


class BoundaryTests(SimpleTestCase):
    def test_the_core_imports_no_practice(self) -> None:
        crossing = {
            str(path.relative_to(HEARTH)): found
            for path in core_modules()
            if (found := practice_imports(path))
        }
        self.assertEqual(crossing, {})

    def test_the_check_sees_an_import_inside_a_function(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            sample = Path(folder) / "sample.py"
            sample.write_text("def f():\n    from hearth.checkins import demo\n")
            self.assertEqual(practice_imports(sample), ["hearth.checkins", "hearth.checkins.demo"])

    def test_every_app_is_either_core_or_a_practice(self) -> None:
        apps = {path.parent.name for path in HEARTH.glob("*/apps.py")} | {"core", "lib", "reveal"}
        self.assertEqual(apps - set(CORE) - set(PRACTICES), set(TOOLS))
