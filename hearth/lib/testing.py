"""Test helpers: the runner and the personas every view test uses.

alice and bob are a couple; carol is a stranger who must get 404 on their
things.
"""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.test import TestCase, override_settings
from django.test.runner import DiscoverRunner
from django.utils import timezone

from hearth.accounts.models import User
from hearth.couples.models import Couple, Membership

PASSWORD = "correct horse battery"

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

    type TestResponse = _MonkeyPatchedWSGIResponse
else:
    TestResponse = object


class Runner(DiscoverRunner):
    def setup_test_environment(self, **kwargs: Any) -> None:
        super().setup_test_environment(**kwargs)
        # Fast hashing and unhashed static names: tests need neither Argon2's
        # cost nor a collectstatic run.
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            STORAGES={
                **settings.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            },
        ).enable()


def make_user(email: str, name: str, *, accepted: bool = True, **fields: Any) -> User:
    return User.objects.create_user(
        email,
        PASSWORD,
        display_name=name,
        privacy_accepted_at=timezone.now() if accepted else None,
        **fields,
    )


def make_couple(*users: User) -> Couple:
    couple = Couple.objects.create()
    for user in users:
        Membership.objects.create(couple=couple, user=user)
    return couple


class BaseTestCase(TestCase):
    alice: User
    bob: User
    carol: User
    couple: Couple

    @classmethod
    def setUpTestData(cls) -> None:
        cls.alice = make_user("alice@example.org", "Alice", timezone="Europe/London", country="GB")
        cls.bob = make_user("bob@example.org", "Bob", timezone="Europe/London", country="GB")
        cls.carol = make_user("carol@example.org", "Carol", timezone="America/New_York", country="US")
        cls.couple = make_couple(cls.alice, cls.bob)
