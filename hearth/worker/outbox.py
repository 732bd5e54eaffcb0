"""The outbox: e-mails any feature queued (`OutgoingEmail`), sent by the
worker at the end of each pass.

A practice registers each kind it queues (`hearth.core.registry.EmailKind`):
the base of its three templates (see `hearth.lib.emails`), the recipient's
signed one-click "turn this off" link, and the links the message points to. Every message carries that off
link in its body and as `List-Unsubscribe` + `List-Unsubscribe-Post`
(RFC 8058), `Auto-Submitted: auto-generated`, a `Message-ID` made from its
row (so a resend is the same message), a subject of its own kind, and
nothing anyone wrote. A kind may also say whether its
e-mail is still wanted when its turn comes (the person may have left their
couple since it was queued); one that is not is dropped unsent.

Each row is claimed with a conditional update that sets `claimed_at` and
counts an attempt. A claim older than LEASE whose message was never marked
sent (the worker died, or the server refused it) is tried again, up to
MAX_ATTEMPTS times. While the mail server can't be reached nothing is
claimed, so no attempt is used up.
"""

import logging
import smtplib
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db.models import F, Q

from hearth.core import registry
from hearth.core.registry import EmailKind
from hearth.lib import emails
from hearth.worker.batches import BATCH, in_batches
from hearth.worker.models import OutgoingEmail

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
MAX_ATTEMPTS = 5


def pending() -> Q:
    """Rows that are still to be sent or tried again."""
    return Q(sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS)


def deliver_outbox(now: datetime) -> int:
    def due() -> list[OutgoingEmail]:
        # Only kinds this process knows how to send: a row it can't render
        # waits for a worker that can, instead of using up its attempts.
        rows = OutgoingEmail.objects.filter(pending(), kind__in=list(registry.email_kinds())).filter(
            Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - LEASE)
        )
        return list(rows.select_related("recipient").order_by("pk")[:BATCH])

    # One connection to the mail server for the pass, opened when something is waiting.
    connection = mail.get_connection()
    try:
        return in_batches(
            "deliver_outbox",
            due,
            lambda email: _deliver(email, now, connection),
            stops=(smtplib.SMTPException, OSError),
        )
    except (smtplib.SMTPException, OSError) as exc:
        # The server can't be reached. Nothing more was claimed; the next pass tries again.
        log.warning("mail server unavailable: %s", type(exc).__name__)
        return 0
    finally:
        connection.close()


def _deliver(email: OutgoingEmail, now: datetime, connection: BaseEmailBackend) -> bool:
    sender: EmailKind = registry.email_kinds()[email.kind]
    claim = OutgoingEmail.objects.filter(
        pk=email.pk, sent_at__isnull=True, claimed_at=email.claimed_at, attempts=email.attempts
    )
    if sender.wanted is not None and not sender.wanted(email.recipient):
        claim.delete()
        return False
    # Connect before claiming, so an unreachable server uses up no attempts.
    connection.open()
    if claim.update(claimed_at=now, attempts=F("attempts") + 1) != 1:
        return False
    try:
        off_url = sender.off_url(email.recipient_id)
        emails.send(
            sender.template,
            email.recipient.email,
            {**sender.links(), "off_url": off_url},
            {
                "List-Unsubscribe": f"<{off_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                # Sent, then marked sent: a rare second try is the same message.
                "Message-ID": f"<outbox-{email.pk}@{urlsplit(settings.SITE_URL).hostname}>",
                "Auto-Submitted": "auto-generated",
            },
            connection=connection,
        )
    except (smtplib.SMTPException, OSError) as exc:
        # Refused, or the connection broke. Left claimed, it is tried again
        # when the lease runs out. The log names the row, never the address.
        connection.close()
        log.warning("e-mail %s not sent (attempt %d): %s", email.pk, email.attempts + 1, type(exc).__name__)
        return False
    OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=now)
    return True
