"""A base class for tests that drive a real browser against a live server.

Playwright drives Debian's chromium (browsers cannot be downloaded here):
one browser per test class, and a fresh context (its own cookies, storage
and cache) for every person in a test, so two partners never share a
session by accident.
"""

import os
from pathlib import Path
from typing import ClassVar
from unittest import SkipTest
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 390, "height": 844}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
# Playwright's sync API runs an event loop in this thread, which Django's
# ORM would otherwise take for async code and refuse to serve.
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
# Generous for a loaded CI machine; a passing run never waits this long.
TIMEOUT_MS = 10_000


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_chromium() -> None:
    """Skip when chromium is missing on a workstation; fail in CI, where a
    silent skip would hide that the browser tests never ran."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    message = f"The browser tests need Debian's chromium at {CHROMIUM}: run `apt-get install chromium`."
    if running_in_ci():
        raise RuntimeError(message)
    raise SkipTest(message)


class BrowserTestCase(StaticLiveServerTestCase):
    """A live server plus a headless chromium; `new_page()` opens a page in a
    new context whose every request is recorded in `requested_urls`."""

    browser: ClassVar[Browser]
    _playwright: ClassVar[Playwright | None] = None
    _async_unsafe_before: ClassVar[str | None] = None
    requested_urls: list[str]

    @classmethod
    def setUpClass(cls) -> None:
        require_chromium()
        super().setUpClass()
        cls._async_unsafe_before = os.environ.get(ASYNC_UNSAFE)
        os.environ[ASYNC_UNSAFE] = "true"
        try:
            cls._playwright = sync_playwright().start()
            cls.browser = cls._playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
        except BaseException:
            # tearDownClass is not called when setUpClass fails; Django's own
            # class cleanups still stop the live server.
            cls._stop_browser()
            raise
        expect.set_options(timeout=TIMEOUT_MS)

    @classmethod
    def tearDownClass(cls) -> None:
        cls._stop_browser()
        super().tearDownClass()

    @classmethod
    def _stop_browser(cls) -> None:
        try:
            if cls._playwright is not None:
                # Stopping playwright also closes the browser it launched.
                cls._playwright.stop()
                cls._playwright = None
        finally:
            if cls._async_unsafe_before is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = cls._async_unsafe_before

    def setUp(self) -> None:
        super().setUp()
        self.requested_urls = []

    def new_context(
        self, *, viewport: ViewportSize = PHONE, timezone_id: str | None = None
    ) -> BrowserContext:
        """A separate person: own cookies and storage, closed after the test."""
        context = self.browser.new_context(
            base_url=self.live_server_url, viewport=viewport, timezone_id=timezone_id
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.on("request", lambda request: self.requested_urls.append(request.url))
        self.addCleanup(context.close)
        return context

    def new_page(self, *, viewport: ViewportSize = PHONE, timezone_id: str | None = None) -> Page:
        page = self.new_context(viewport=viewport, timezone_id=timezone_id).new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        # Checked after the test body, so an uncaught script error fails the
        # test even when the page still looks right.
        self.addCleanup(lambda: self.assertEqual(errors, [], "JavaScript errors on the page"))
        return page

    # Assertions shared by browser tests.

    def assert_only_live_server_contacted(self) -> None:
        """Every request the browser made went to the live server, and nowhere else."""
        self.assertTrue(self.requested_urls, "The browser made no requests at all.")
        live = urlsplit(self.live_server_url)
        elsewhere = sorted(
            {
                url
                for url in self.requested_urls
                if (urlsplit(url).scheme, urlsplit(url).netloc) != (live.scheme, live.netloc)
            }
        )
        self.assertEqual(elsewhere, [], f"Requests left {self.live_server_url}")

    def assert_quick_exit_is_first_focus(self, page: Page) -> None:
        """On a freshly loaded page, the first Tab lands on Quick exit."""
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        expect(focused).to_have_text("Quick exit")
        expect(focused).to_have_attribute("data-quick-exit", "")
        # Leave nothing focused, so a screenshot shows the page as it loads.
        focused.blur()

    def save_screenshot(self, page: Page, name: str) -> Path:
        """For people to look at; nothing checks the picture."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path
