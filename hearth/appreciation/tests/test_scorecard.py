"""No scorecard: with lopsided activity (alice wrote 30 notes, bob 1), no page
shows how many either partner did, or compares them."""

import re
from datetime import timedelta
from html import unescape

from django.utils import timezone

from hearth.appreciation.models import Gesture, Note
from hearth.lib.testing import BaseTestCase

PAGES = ["/", "/jar/", "/notes/written/", "/notes/new/", "/today/", "/repair/", "/repair/apology/new/"]
TALLY_WORDS = re.compile(r"\b(streak|points?|score|leaderboard|more than your partner|ahead)\b", re.I)


def visible_text(html: str) -> str:
    body = html.split("<main", 1)[1].split("</main>", 1)[0]
    return unescape(re.sub(r"<[^>]+>", " ", body))


class ScorecardTests(BaseTestCase):
    def test_no_page_counts_or_compares_what_each_partner_did(self) -> None:
        Gesture.objects.create(key="g1", kind="words", effort="tiny", text="Say one specific thank-you.")
        sent = timezone.now() - timedelta(days=9)
        Note.objects.bulk_create(
            Note(
                couple=self.couple,
                author=self.alice,
                recipient=self.bob,
                text=f"Alice's note {'x' * n}",
                sent_at=sent,
            )
            for n in range(30)
        )
        Note.objects.create(
            couple=self.couple, author=self.bob, recipient=self.alice, text="Bob's note", sent_at=sent
        )
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            for url in PAGES:
                with self.subTest(who=who.display_name, url=url):
                    text = visible_text(self.client.get(url).content.decode())
                    numbers = {int(n) for n in re.findall(r"\b\d+\b", text)}
                    self.assertFalse(numbers & {29, 30, 31}, f"a tally appears: {numbers}")
                    self.assertIsNone(TALLY_WORDS.search(text))
