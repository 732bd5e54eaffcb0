"""Every e-mail is three templates: `<base>_subject.txt`, `<base>.txt` and
`<base>.html`, rendered here into one message."""

from email.policy import Policy
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string


class OneLineHeader(str):
    """A header written out on one line exactly as given.

    Python's email package folds a header longer than 78 characters that has
    no spaces (a List-Unsubscribe URL) into RFC 2047 encoded words, and mail
    clients then ignore it. RFC 5322 allows lines up to 998 characters.
    """

    name: str

    def __new__(cls, name: str, value: str) -> "OneLineHeader":
        if not value.isascii() or "\r" in value or "\n" in value:
            raise ValueError(f"The {name} header must be one line of ASCII.")
        header = super().__new__(cls, value)
        header.name = name
        return header

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]
        # Copies and pickles (the test outbox keeps copies) rebuild it from both.
        return (self.name, str(self))

    def fold(self, *, policy: Policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


def send(
    template_base: str,
    to: str,
    context: dict[str, Any],
    headers: dict[str, str] | None = None,
    *,
    connection: BaseEmailBackend | None = None,
) -> None:
    # A subject is one line, whatever the template's line breaks.
    subject = " ".join(render_to_string(f"{template_base}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject,
        render_to_string(f"{template_base}.txt", context),
        to=[to],
        headers={name: OneLineHeader(name, value) for name, value in (headers or {}).items()},
        connection=connection,
    )
    message.attach_alternative(render_to_string(f"{template_base}.html", context), "text/html")
    message.send()
