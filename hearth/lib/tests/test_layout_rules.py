"""One layout for every app: views in a `views/` package, one module per page
group, and one `urls.py`. A `views_<thing>.py` or `urls_<thing>.py` beside
them is the layout this replaced, so it fails here."""

import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.test import SimpleTestCase

HEARTH = Path(settings.BASE_DIR) / "hearth"
SIBLINGS = ("views_", "urls_")


def hearth_apps() -> list[Path]:
    return [Path(c.path) for c in apps.get_app_configs() if Path(c.path).parent == HEARTH]


def stray_modules(app: Path) -> list[str]:
    """The `views_*`/`urls_*` modules (files or packages) directly in `app`."""
    found = [
        p.name
        for p in app.iterdir()
        if p.name.startswith(SIBLINGS) and (p.suffix == ".py" or (p / "__init__.py").is_file())
    ]
    return sorted(found)


class LayoutTests(SimpleTestCase):
    def test_it_finds_the_hearth_apps(self) -> None:
        names = {p.name for p in hearth_apps()}
        self.assertLessEqual({"accounts", "checkins", "experiences", "questions"}, names)

    def test_no_app_has_a_views_or_urls_sibling_module(self) -> None:
        for app in hearth_apps():
            with self.subTest(app=app.name):
                self.assertEqual(stray_modules(app), [], "use the app's views/ package and its one urls.py")

    def test_it_notices_a_sibling_module(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            app = Path(tmp)
            for name in ("views_old.py", "urls_extra.py", "views.py", "urls.py", "reviews_x.py"):
                (app / name).write_text("")
            (app / "views_pkg").mkdir()
            (app / "views_pkg" / "__init__.py").write_text("")
            (app / "views").mkdir()
            self.assertEqual(stray_modules(app), ["urls_extra.py", "views_old.py", "views_pkg"])
