import re
from html.parser import HTMLParser

from hearth.front.context_processors import QUICK_EXIT_URL
from hearth.lib.testing import BaseTestCase

FOCUSABLE = {"a", "button", "input", "select", "textarea"}


class FirstFocusable(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.first: dict[str, str | None] | None = None
        self.tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.first is None and tag in FOCUSABLE and dict(attrs).get("type") != "hidden":
            self.first, self.tag = dict(attrs), tag


ANONYMOUS_PAGES = ["/", "/login/", "/signup/", "/join/", "/help/", "/password/reset/"]
SIGNED_IN_PAGES = ["/", "/settings/", "/couple/leave/", "/help/", "/welcome/privacy/"]


class LayoutTests(BaseTestCase):
    def pages(self) -> list[tuple[str, str]]:
        seen = [(url, self.client.get(url).content.decode()) for url in ANONYMOUS_PAGES]
        self.client.force_login(self.alice)
        seen += [(url, self.client.get(url).content.decode()) for url in SIGNED_IN_PAGES]
        self.client.force_login(self.carol)
        seen.append(("/couple/invite/ (carol)", self.client.get("/couple/invite/").content.decode()))
        return seen

    def test_quick_exit_is_the_first_focusable_element_everywhere(self) -> None:
        for url, html in self.pages():
            with self.subTest(url=url):
                parser = FirstFocusable()
                parser.feed(html)
                assert parser.first is not None
                self.assertEqual(parser.tag, "a")
                self.assertIn("data-quick-exit", parser.first)
                # Straight to the neutral page, or through /exit/ to sign out on the way.
                self.assertIn(parser.first["href"], (QUICK_EXIT_URL, "/exit/"))

    def test_get_help_is_one_click_away_everywhere(self) -> None:
        for url, html in self.pages():
            with self.subTest(url=url):
                self.assertIn('href="/help/"', html)

    def test_no_page_repeats_an_element_id(self) -> None:
        # A repeated id sends a tapped label to the wrong field.
        for url, html in self.pages():
            with self.subTest(url=url):
                ids = re.findall(r'\sid="([^"]+)"', html)
                self.assertEqual(sorted(ids), sorted(set(ids)))

    def test_no_page_loads_anything_from_another_site(self) -> None:
        for url, html in self.pages():
            with self.subTest(url=url):
                sources = re.findall(r'<(?:script|link|img|iframe)[^>]*(?:src|href)="([^"]+)"', html)
                self.assertTrue(sources)
                for source in sources:
                    self.assertTrue(source.startswith("/static/"), source)
