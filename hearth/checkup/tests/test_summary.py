import contextlib
import re
import sys
import zlib
from datetime import date, timedelta
from unittest import mock

import time_machine
from django.utils import timezone
from django.utils.html import escape
from PIL import ImageFile

from hearth.accounts.models import User
from hearth.checkins.models import Answer, CheckIn
from hearth.checkup import content, pdf, services, summary
from hearth.checkup.models import Checkup, CheckupAnswer, SummaryConsent
from hearth.checkup.tests.test_decide import answers
from hearth.couples.services import leave_couple
from hearth.lib.testing import BaseTestCase, TestResponse, make_couple, make_user
from hearth.reveal import rules

URL = "/checkup/summary/"
PDF = "/checkup/summary.pdf"
CHOOSE = "/checkup/summary/choose/"
# What each partner includes, and what they keep to themselves.
ALICE_SHARES = ["c01", "c04"]
BOB_SHARES = ["c14"]


WEIGHING = "recurring_conflict"


def weighing_text() -> str:
    return dict(content.load().weighing)[WEIGHING]


def text_of(key: str) -> str:
    return next(i.text for i in content.load().items if i.key == key)


def unchosen(chosen: list[str]) -> list[str]:
    return [i.key for i in content.load().items if i.key not in chosen]


def readable(pdf_bytes: bytes) -> bytes:
    """The PDF with its compressed streams (object streams too) unpacked."""
    out = pdf_bytes
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf_bytes, re.S):
        with contextlib.suppress(zlib.error):
            out += zlib.decompress(stream.group(1))
    return out


class SummaryTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.item = self.reveal()

    def reveal(self) -> Checkup:
        item = services.start(self.couple)
        low = answers(4) | {"c01": 2, "c02": 2}  # affection to work on
        services.save(item, self.alice, low, [], afraid=False, send=True)
        services.save(item, self.bob, answers(4), [], afraid=False, send=True)
        item.refresh_from_db()
        return item

    def agree(self, who: User, keys: list[str], pk: int | None = None) -> TestResponse:
        self.client.force_login(who)
        return self.client.post(f"/checkup/{pk or self.item.pk}/summary/agree/", {"statement": keys})

    def both_agree(self) -> None:
        self.agree(self.alice, ALICE_SHARES)
        self.agree(self.bob, BOB_SHARES)

    def assert_only_chosen(self, html: str) -> None:
        for key in ALICE_SHARES + BOB_SHARES:
            self.assertIn(escape(text_of(key)), html)
        for key in unchosen(ALICE_SHARES + BOB_SHARES):
            self.assertNotIn(escape(text_of(key)), html)


class AccessTests(SummaryTestCase):
    def test_anonymous_is_sent_to_login(self) -> None:
        for url in (URL, PDF, CHOOSE):
            self.assertEqual(self.client.get(url).status_code, 302)

    def test_a_stranger_gets_404_on_everything(self) -> None:
        self.both_agree()
        self.client.force_login(self.carol)
        for url in (URL, PDF, CHOOSE):
            self.assertEqual(self.client.get(url).status_code, 404, url)
        for action in ("agree", "withdraw"):
            r = self.client.post(f"/checkup/{self.item.pk}/summary/{action}/", {"statement": ["c01"]})
            self.assertEqual(r.status_code, 404)
        self.assertEqual(SummaryConsent.objects.filter(author=self.carol).count(), 0)

    def test_another_couple_cannot_touch_this_check_up(self) -> None:
        make_couple(self.carol, make_user("dave@example.org", "Dave"))
        self.client.force_login(self.carol)
        r = self.client.get(URL)
        self.assertContains(r, "A summary is made from a check-up you have both finished.")
        self.assertNotContains(r, escape(text_of("c01")))
        for action in ("agree", "withdraw"):
            r = self.client.post(f"/checkup/{self.item.pk}/summary/{action}/", {"statement": ["c01"]})
            self.assertEqual(r.status_code, 404)

    def test_a_closed_couple_shares_nothing(self) -> None:
        self.both_agree()
        leave_couple(self.alice)
        for who in (self.alice, self.bob):
            self.client.force_login(who)
            for url in (URL, PDF, CHOOSE):
                self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_the_pages_are_not_stored(self) -> None:
        self.both_agree()
        for url in (URL, PDF):
            self.assertIn("no-store", self.client.get(url)["Cache-Control"])


class ConsentTests(SummaryTestCase):
    def test_before_a_check_up_is_revealed_there_is_nothing_to_summarise(self) -> None:
        Checkup.objects.all().delete()
        services.start(self.couple)
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(URL), "A summary is made from a check-up you have both finished.")
        self.assertRedirects(self.client.get(CHOOSE), URL)

    def test_each_chooses_from_their_own_answers_only(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(URL)
        self.assertContains(r, "What you'd include")
        self.assertContains(r, 'name="statement" value="c01"')
        # Alice's own answer to c01, never Bob's.
        self.assertContains(r, "You answered 2: a little true for me.")
        self.assertNotContains(r, "Our check-up summary")

    def test_one_partner_alone_waits_calmly_and_sees_nothing_of_the_others_choice(self) -> None:
        self.agree(self.alice, ALICE_SHARES)
        r = self.client.get(URL)
        self.assertContains(r, "The summary appears here when you both have — there's no hurry.")
        self.assertNotContains(r, "Our check-up summary")
        self.assertNotContains(r, "Download the PDF")
        self.assertRedirects(self.client.get(PDF), URL)

        self.client.force_login(self.bob)
        r = self.client.get(URL)
        self.assertNotContains(r, "Our check-up summary")
        self.assertNotContains(r, "You've agreed")
        self.assertNotContains(r, "checked")  # Bob's own form, with nothing of Alice's ticks
        self.assertNotContains(r, "Alice")

    def test_only_statements_the_person_answered_are_kept(self) -> None:
        self.agree(self.alice, ["c01", "c01", "nope", "c99"])
        consent = SummaryConsent.objects.get(author=self.alice)
        self.assertEqual(consent.chosen_keys, ["c01"])
        self.assertIsNotNone(consent.consented_at)

    def test_agreeing_with_no_statements_is_allowed(self) -> None:
        self.agree(self.alice, [])
        self.agree(self.bob, BOB_SHARES)
        r = self.client.get(URL)
        self.assertContains(r, "Our check-up summary")
        self.assertContains(r, "Chose to share the summary without statements of their own.")
        for key in unchosen(BOB_SHARES):
            self.assertNotContains(r, escape(text_of(key)))

    def test_changing_my_choice_resets_nothing_of_the_others(self) -> None:
        self.both_agree()
        bob = SummaryConsent.objects.get(author=self.bob)
        self.agree(self.alice, ["c05"])
        bob_after = SummaryConsent.objects.get(author=self.bob)
        self.assertEqual((bob_after.chosen_keys, bob_after.consented_at), (bob.chosen_keys, bob.consented_at))
        self.client.force_login(self.bob)
        r = self.client.get(URL)
        self.assertContains(r, escape(text_of("c05")))
        self.assertNotContains(r, escape(text_of("c01")))
        self.assertContains(r, escape(text_of("c14")))

    def test_withdrawing_takes_the_summary_away_for_both_and_keeps_the_choice(self) -> None:
        self.both_agree()
        self.client.force_login(self.bob)
        r = self.client.post(f"/checkup/{self.item.pk}/summary/withdraw/", follow=True)
        self.assertContains(r, "You&#x27;ve withdrawn your agreement.")
        self.assertNotContains(r, "Our check-up summary")
        self.assertEqual(SummaryConsent.objects.get(author=self.bob).chosen_keys, BOB_SHARES)
        self.client.force_login(self.alice)
        r = self.client.get(URL)
        self.assertNotContains(r, "Our check-up summary")
        self.assertContains(r, "The summary appears here when you both have")
        self.assertRedirects(self.client.get(PDF), URL)

    def test_the_choices_page_shows_my_own_ticks(self) -> None:
        self.both_agree()
        for who, mine, theirs in ((self.alice, "c01", "c14"), (self.bob, "c14", "c01")):
            self.client.force_login(who)
            r = self.client.get(CHOOSE)
            self.assertContains(r, f'value="{mine}" id="s-{mine}" checked')
            self.assertContains(r, f'value="{theirs}" id="s-{theirs}">')
            self.assertContains(r, "Withdraw my agreement")

    def test_a_form_for_an_older_check_up_changes_nothing(self) -> None:
        with time_machine.travel(timezone.now() + timedelta(weeks=5)):
            newer = self.reveal()
        r = self.agree(self.alice, ["c01"])
        self.assertRedirects(r, URL)
        self.assertFalse(SummaryConsent.objects.exists())
        self.agree(self.alice, ["c01"], pk=newer.pk)
        self.assertEqual(SummaryConsent.objects.get().checkup, newer)

    def test_the_afraid_answer_gets_a_private_word_and_never_reaches_the_summary(self) -> None:
        Checkup.objects.all().delete()
        item = services.start(self.couple)
        services.save(item, self.alice, answers(4), [], afraid=True, send=True)
        services.save(item, self.bob, answers(4), [], afraid=False, send=True)
        self.item = item
        self.both_agree()
        self.client.force_login(self.alice)
        self.assertContains(self.client.get(URL), "Just for you")
        self.client.force_login(self.bob)
        r = self.client.get(URL)
        self.assertContains(r, "Our check-up summary")
        self.assertNotContains(r, "Just for you")
        self.assertNotContains(r, "said in the check-up")


class SummaryPageTests(SummaryTestCase):
    def test_both_see_the_same_summary_with_only_the_chosen_statements(self) -> None:
        self.both_agree()
        for who in (self.alice, self.bob):
            with self.subTest(who=who.display_name):
                self.client.force_login(who)
                r = self.client.get(URL)
                self.assertContains(r, "Our check-up summary")
                self.assertContains(r, "Areas to work on together")
                self.assertContains(r, "Affection and touch")
                self.assertContains(r, "<h4>Alice</h4>", html=True)
                self.assertContains(r, "<h4>Bob</h4>", html=True)
                self.assertContains(r, "— 2 of 5, a little true for me")
                self.assertContains(r, 'href="/checkup/summary.pdf"')
                self.assert_only_chosen(r.content.decode())

    def test_it_never_shows_a_line_per_partner(self) -> None:
        self.both_agree()
        r = self.client.get(URL)
        self.assertNotContains(r, 'class="me"')
        self.assertNotContains(r, "me-dot")
        self.assertContains(r, 'class="us"', count=1)  # the check-up trend: one check-up, one line

    def test_the_pulse_trend_is_the_couples_from_weeks_both_finished(self) -> None:
        self.pulse(date(2027, 1, 4), alice=2, bob=4, revealed=True)
        self.pulse(date(2027, 1, 11), alice=5, bob=None, revealed=False)
        self.both_agree()
        r = self.client.get(URL)
        self.assertContains(r, "<tr><td>4 Jan 2027</td><td>3.0</td></tr>", html=True)
        self.assertNotContains(r, "11 Jan 2027")

    def test_its_cost_does_not_grow_with_history(self) -> None:
        self.both_agree()
        self.client.force_login(self.alice)
        with self.assertNumQueries(15):
            self.client.get(URL)
        for n in range(5):
            self.pulse(date(2027, 1, 4) + timedelta(weeks=n), alice=3, bob=4, revealed=True)
        later = timezone.now() + timedelta(weeks=5)
        with time_machine.travel(later):
            self.item = self.reveal()
            self.both_agree()
            self.client.force_login(self.alice)
            with self.assertNumQueries(15):
                r = self.client.get(URL)
        self.assertContains(r, 'class="us-dot"', count=2 + 5)

    def test_the_trends_name_their_first_and_last_dates_on_the_axis(self) -> None:
        for n, week in enumerate((date(2027, 1, 4), date(2027, 1, 11), date(2027, 2, 1))):
            self.pulse(week, alice=2 + n, bob=3, revealed=True)
        self.both_agree()
        self.client.force_login(self.alice)
        html = self.client.get(URL).content.decode()
        svg = html[html.index('aria-labelledby="summary-pulse-title"') :].split("</svg>")[0]
        self.assertIn(">4 Jan 2027</text>", svg)
        self.assertIn(">1 Feb 2027</text>", svg)
        self.assertNotIn(">11 Jan 2027</text>", svg)  # first and last only: no crowding

    def test_it_says_when_hearth_suggested_counselling(self) -> None:
        self.both_agree()
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get(URL), "Hearth suggested")
        # Something weighing on one of them that they'd like help with:
        # Hearth suggests a counsellor, and the summary says so (never what).
        CheckupAnswer.objects.filter(round=self.item, author=self.bob).update(weighing=[WEIGHING])
        r = self.client.get(URL)
        self.assertContains(r, "Hearth suggested")
        self.assertNotContains(r, escape(weighing_text()))

    def test_it_never_says_why_counselling_was_not_suggested(self) -> None:
        # Someone afraid: no suggestion, and the summary says nothing either way.
        CheckupAnswer.objects.filter(round=self.item, author=self.bob).update(afraid=True, scores=answers(1))
        CheckupAnswer.objects.filter(round=self.item, author=self.alice).update(weighing=[WEIGHING])
        self.both_agree()
        self.client.force_login(self.alice)
        r = self.client.get(URL)
        self.assertNotContains(r, "Hearth suggested")
        self.assertNotContains(r, "did not suggest")

    def pulse(self, week: date, *, alice: int | None, bob: int | None, revealed: bool) -> None:
        checkin = CheckIn.objects.create(
            couple=self.couple, week_of=week, sequence=week.toordinal(), rotating_key="r01"
        )
        for who, value in ((self.alice, alice), (self.bob, bob)):
            if value is not None:
                Answer.objects.create(round=checkin, author=who, pulse=value, submitted_at=timezone.now())
        if revealed:
            CheckIn.objects.filter(pk=checkin.pk).update(revealed_at=timezone.now())


class PdfTests(SummaryTestCase):
    def test_it_is_an_a4_pdf_of_only_the_chosen_statements(self) -> None:
        self.both_agree()
        for who in (self.alice, self.bob):
            with self.subTest(who=who.display_name):
                self.client.force_login(who)
                with mock.patch.object(pdf, "render", wraps=pdf.render) as render:
                    r = self.client.get(PDF)
                self.assertEqual(r.status_code, 200)
                self.assertEqual(r["Content-Type"], "application/pdf")
                self.assertIn("attachment;", r["Content-Disposition"])
                self.assertTrue(r.content.startswith(b"%PDF"))
                self.assertGreater(len(r.content), 1024)
                [call] = render.call_args_list
                html = call.args[0]
                self.assertIn("Our check-up summary", html)
                self.assertIn("<svg", html)
                self.assert_only_chosen(html)
        # A4 is 210 x 297 mm: 793.7 x 1122.5 CSS pixels.
        page = pdf.layout(html).pages[0]
        self.assertEqual((round(page.width), round(page.height)), (794, 1123))

    def test_a_server_without_the_pdf_libraries_says_so_and_offers_the_page(self) -> None:
        self.both_agree()
        self.client.force_login(self.alice)
        with mock.patch.dict(sys.modules, {"hearth.checkup.pdf": None}):
            r = self.client.get(PDF, follow=True)
        self.assertRedirects(r, "/checkup/summary/")
        self.assertContains(r, "can&#x27;t make PDFs yet")

    def test_it_leaves_pillow_refusing_truncated_images(self) -> None:
        # WeasyPrint turns it on when imported; photo uploads need it off.
        self.assertFalse(ImageFile.LOAD_TRUNCATED_IMAGES)

    def test_it_is_tagged_for_screen_readers(self) -> None:
        self.both_agree()
        self.client.force_login(self.alice)
        document = readable(self.client.get(PDF).content)
        # (assertTrue: a failing assertIn would print the whole PDF)
        for needed in (b"/StructTreeRoot", b"/Marked true", b"/Lang (en)", b"/H2", b"/H3", b"/Table", b"/LI"):
            self.assertTrue(needed in document, f"{needed!r} is not in the PDF")

    def test_it_fetches_nothing(self) -> None:
        with self.assertRaises(ValueError):
            pdf.RefuseEverything().fetch("https://example.org/tracker.png")
        with (
            mock.patch("urllib.request.OpenerDirector.open") as network,
            self.assertLogs("weasyprint", "WARNING") as logged,
        ):
            made = pdf.render(
                '<link rel="stylesheet" href="https://example.org/x.css">'
                '<p>Hello</p><img src="file:///etc/hostname"><img src="http://127.0.0.1:9/x.png">'
            )
        network.assert_not_called()
        refused = [line for line in logged.output if "The summary fetches nothing." in line]
        self.assertEqual(len(refused), 3, logged.output)
        self.assertTrue(made.startswith(b"%PDF"))

    def test_the_reveal_rule_guards_the_partners_answers(self) -> None:
        self.both_agree()
        # As if the round had never been revealed: nothing of Bob's can be read.
        Checkup.objects.filter(pk=self.item.pk).update(revealed_at=None)
        self.item.refresh_from_db()
        seen: rules.RoundView[CheckupAnswer] = rules.view_round(self.item, self.alice)
        self.assertIsNone(seen.theirs)
        self.assertIsNone(summary.build(self.item, self.alice, timezone.now()))


class LinkTests(SummaryTestCase):
    def test_the_results_and_the_counselling_guide_link_to_it(self) -> None:
        self.client.force_login(self.bob)
        self.assertContains(self.client.get("/checkup/"), 'href="/checkup/summary/"')
        self.assertContains(self.client.get("/support/counselling/"), "Prepare a summary for a counsellor")
        self.client.force_login(self.carol)
        self.assertNotContains(self.client.get("/support/counselling/"), "Prepare a summary")
