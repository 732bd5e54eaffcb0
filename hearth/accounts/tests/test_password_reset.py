import re

from django.core import mail
from django.test import override_settings

from hearth.lib.smtp import SMTPServer
from hearth.lib.testing import BaseTestCase


@override_settings(SITE_URL="https://hearth.example.org")
class PasswordResetTests(BaseTestCase):
    def test_it_sends_a_link_through_smtp_that_resets_the_password(self) -> None:
        with SMTPServer() as smtp, self.settings(**smtp.settings()):
            r = self.client.post("/password/reset/", {"email": "Alice@example.org"})
            self.assertRedirects(r, "/password/reset/sent/", fetch_redirect_response=False)
        self.assertEqual(len(smtp.inbox.messages), 1)
        message = smtp.inbox.messages[0]
        self.assertEqual(message["To"], "alice@example.org")
        self.assertEqual(message["Subject"], "Your Hearth password link")
        body = message.get_body(preferencelist=("plain",))
        assert body is not None
        text = body.get_content()
        link = re.search(r"https://hearth\.example\.org(/password/reset/\S+/)", text)
        assert link is not None, text
        self.assertIsNotNone(message.get_body(preferencelist=("html",)))

        r = self.client.get(link.group(1), follow=True)
        self.assertContains(r, "Choose a new password")
        r = self.client.post(
            r.redirect_chain[-1][0],
            {"new_password1": "evening light again", "new_password2": "evening light again"},
        )
        self.assertRedirects(r, "/password/reset/done/", fetch_redirect_response=False)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password("evening light again"))

    def test_it_does_not_reveal_whether_an_account_exists(self) -> None:
        r = self.client.post("/password/reset/", {"email": "nobody@example.org"})
        self.assertRedirects(r, "/password/reset/sent/", fetch_redirect_response=False)
        self.assertEqual(len(mail.outbox), 0)

    def test_a_used_link_says_so_calmly(self) -> None:
        r = self.client.get("/password/reset/MQ/bad-token/")
        self.assertContains(r, "This link no longer works")
