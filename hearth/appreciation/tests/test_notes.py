from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hearth.appreciation.models import Note
from hearth.couples.services import leave_couple
from hearth.lib.testing import BaseTestCase


def notes_to(test: BaseTestCase, count: int, days_ago: int = 10) -> None:
    sent = timezone.now() - timedelta(days=days_ago)
    Note.objects.bulk_create(
        Note(couple=test.couple, author=test.bob, recipient=test.alice, text=f"Bob noticed {n}", sent_at=sent)
        for n in range(count)
    )


class WriteNoteTests(BaseTestCase):
    url = "/notes/new/"

    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertRedirects(
            self.client.get(self.url), f"/login/?next={self.url}", fetch_redirect_response=False
        )

    def test_it_offers_gentle_starters(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.get(self.url)
        self.assertContains(r, "A note for Bob")
        self.assertContains(r, "I admire how you handled …")

    def test_a_sent_note_lands_in_the_partners_jar(self) -> None:
        self.client.force_login(self.alice)
        r = self.client.post(self.url, {"text": "Thank you for fixing the bike.", "send": "1"})
        self.assertRedirects(r, "/notes/written/", fetch_redirect_response=False)
        self.client.force_login(self.bob)
        self.assertContains(self.client.get("/jar/"), "Thank you for fixing the bike.")
        self.client.force_login(self.carol)
        self.assertNotContains(self.client.get("/jar/"), "fixing the bike")

    def test_a_draft_stays_with_its_writer(self) -> None:
        self.client.force_login(self.alice)
        self.client.post(self.url, {"text": "Half a thought", "save": "1"})
        draft = Note.objects.get(author=self.alice)
        self.assertIsNone(draft.sent_at)
        self.assertContains(self.client.get("/notes/written/"), "Half a thought")
        for other in (self.bob, self.carol):
            self.client.force_login(other)
            self.assertNotContains(self.client.get("/jar/"), "Half a thought")
            self.assertNotContains(self.client.get("/notes/written/"), "Half a thought")
            self.assertEqual(self.client.get(f"/notes/{draft.pk}/edit/").status_code, 404)
        self.client.force_login(self.alice)
        self.client.post(f"/notes/{draft.pk}/edit/", {"text": "A whole thought", "send": "1"})
        draft.refresh_from_db()
        self.assertEqual(draft.text, "A whole thought")
        self.assertIsNotNone(draft.sent_at)

    def test_empty_and_huge_notes_get_clear_messages(self) -> None:
        self.client.force_login(self.alice)
        self.assertContains(
            self.client.post(self.url, {"text": "", "send": "1"}), "nothing here yet", status_code=400
        )
        r = self.client.post(self.url, {"text": "x" * 1001, "send": "1"})
        self.assertContains(r, "under 1000 characters", status_code=400)
        self.assertFalse(Note.objects.exists())

    def test_a_note_to_a_former_partner_is_refused(self) -> None:
        self.client.force_login(self.alice)
        self.client.post(self.url, {"text": "Draft for Bob", "save": "1"})
        draft = Note.objects.get()
        leave_couple(self.bob)
        r = self.client.post(self.url, {"text": "Are you there?", "send": "1"})
        self.assertContains(r, "there isn", status_code=400)
        r = self.client.post(f"/notes/{draft.pk}/edit/", {"text": "Draft for Bob", "send": "1"})
        self.assertContains(r, "has closed", status_code=400)
        self.assertFalse(Note.objects.filter(sent_at__isnull=False).exists())


class JarTests(BaseTestCase):
    def test_anonymous_is_sent_to_login(self) -> None:
        self.assertEqual(self.client.get("/jar/").status_code, 302)

    def test_newest_first_and_paginated(self) -> None:
        notes_to(self, 25)
        Note.objects.filter(text="Bob noticed 0").update(sent_at=timezone.now())
        self.client.force_login(self.alice)
        r = self.client.get("/jar/")
        self.assertContains(r, "Page 1 of 2")
        self.assertLess(r.content.index(b"Bob noticed 0"), r.content.index(b"Bob noticed 24"))

    def test_the_partner_can_reply(self) -> None:
        notes_to(self, 1)
        note = Note.objects.get()
        self.client.force_login(self.alice)
        self.client.post(f"/notes/{note.pk}/reply/", {"text": "That made me smile."})
        note.refresh_from_db()
        self.assertEqual(note.reply, "That made me smile.")
        self.client.force_login(self.bob)
        self.assertContains(self.client.get("/notes/written/"), "That made me smile.")

    def test_only_the_recipient_can_reply(self) -> None:
        notes_to(self, 1)
        note = Note.objects.get()
        for who in (self.bob, self.carol):
            self.client.force_login(who)
            self.assertEqual(self.client.post(f"/notes/{note.pk}/reply/", {"text": "x"}).status_code, 404)
        note.refresh_from_db()
        self.assertEqual(note.reply, "")

    def test_after_the_writer_leaves_their_notes_leave_too(self) -> None:
        notes_to(self, 3)
        leave_couple(self.bob)
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get("/jar/"), "Bob noticed")
        self.client.force_login(self.bob)
        self.assertContains(self.client.get("/notes/written/"), "Bob noticed 0")

    def test_after_either_leaves_the_writer_keeps_the_note_but_not_the_reply(self) -> None:
        notes_to(self, 1)
        note = Note.objects.get()
        self.client.force_login(self.alice)
        self.client.post(f"/notes/{note.pk}/reply/", {"text": "Alice's own reply."})
        leave_couple(self.alice)
        self.client.force_login(self.bob)
        r = self.client.get("/notes/written/")
        self.assertContains(r, "Bob noticed 0")
        self.assertNotContains(r, "Alice&#x27;s own reply.")

    def test_jar_and_home_cost_the_same_with_10_or_5000_notes(self) -> None:
        self.client.force_login(self.alice)
        notes_to(self, 10)
        with CaptureQueriesContext(connection) as jar_small, CaptureQueriesContext(connection) as _:
            self.client.get("/jar/")
        with CaptureQueriesContext(connection) as home_small:
            r = self.client.get("/")
        self.assertContains(r, "From your jar")
        notes_to(self, 4990)
        with self.assertNumQueries(len(jar_small)):
            self.client.get("/jar/")
        with self.assertNumQueries(len(home_small)):
            self.client.get("/")
