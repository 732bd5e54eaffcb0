"""OWASP's device cookie, beside django-axes.

Axes pauses sign-in for an account from one address after too many wrong
passwords. Partners share a home address, so one of them could pause the
other's sign-in on purpose. A browser that has signed in to an account
before holds a signed cookie naming a `KnownDevice`; for that account, axes
leaves it alone (`is_known`, axes's whitelist callable) and its own wrong
passwords are counted on the device instead (`count_failure`), pausing that
browser alone. Every other browser keeps the account + address pause.
"""

from datetime import datetime, timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.core import signing
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from hearth.accounts.models import KnownDevice, User
from hearth.lib import tokens

COOKIE_NAME = "hearth_device"
LIFETIME = timedelta(days=365)
SALT = "hearth.accounts.devices"
# One browser may be known to a few accounts (partners sharing a laptop).
KEYS_KEPT = 4


def purge_old(now: datetime) -> int:
    """The worker's housekeeping: devices past the cookie's lifetime."""
    deleted, _ = KnownDevice.objects.filter(created_at__lt=now - LIFETIME).delete()
    return deleted


def _keys(request: HttpRequest) -> list[str]:
    try:
        keys = signing.loads(request.COOKIES.get(COOKIE_NAME, ""), salt=SALT, max_age=LIFETIME)
    except signing.BadSignature:
        return []
    return [key for key in keys if isinstance(key, str)] if isinstance(keys, list) else []


def _username(credentials: dict[str, object] | None) -> str:
    return str((credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD) or "").strip().lower()


def device_for(request: HttpRequest, credentials: dict[str, object] | None) -> KnownDevice | None:
    """This browser's device for the account being signed in to, if any.
    Looked up once per request, so axes and the view agree."""
    username = _username(credentials)
    cache: dict[str, KnownDevice | None] = request.__dict__.setdefault("_known_devices", {})
    if username not in cache:
        hashes = [tokens.digest(key) for key in _keys(request)]
        cache[username] = (
            KnownDevice.objects.filter(key_hash__in=hashes, user__email=username).first()
            if hashes and username
            else None
        )
    return cache[username]


def is_paused(device: KnownDevice) -> bool:
    return device.paused_until is not None and device.paused_until > timezone.now()


def is_known(request: HttpRequest, credentials: dict[str, object] | None = None) -> bool:
    """For axes: a known browser, not itself paused, is not subject to the
    account + address pause."""
    device = device_for(request, credentials)
    return device is not None and not is_paused(device)


def count_failure(request: HttpRequest, credentials: dict[str, object] | None) -> None:
    """A wrong password from a known browser: counted on it, and at the
    limit that browser is paused for the cool-off time."""
    device = device_for(request, credentials)
    if device is None or is_paused(device):
        return
    KnownDevice.objects.filter(pk=device.pk).update(failures=F("failures") + 1)
    device.refresh_from_db(fields=["failures"])
    if device.failures >= settings.AXES_FAILURE_LIMIT:
        device.failures = 0
        device.paused_until = timezone.now() + timedelta(hours=settings.AXES_COOLOFF_TIME)
        device.save(update_fields=["failures", "paused_until"])


def tries_left(request: HttpRequest, credentials: dict[str, object]) -> int:
    """Wrong passwords left before sign-in pauses for this browser."""
    device = device_for(request, credentials)
    used = device.failures if device is not None else AxesProxyHandler.get_failures(request, credentials)
    return int(settings.AXES_FAILURE_LIMIT) - used


def remember(request: HttpRequest, response: HttpResponse, user: User) -> None:
    """After a sign-in: this browser is known to `user` from now on, and its
    count starts again."""
    keys = _keys(request)
    hashes = {tokens.digest(key): key for key in keys}
    known = KnownDevice.objects.filter(user=user, key_hash__in=hashes).first()
    if known is not None:
        KnownDevice.objects.filter(pk=known.pk).update(failures=0, paused_until=None)
        keys = [hashes[known.key_hash]] + [key for key in keys if key != hashes[known.key_hash]]
    else:
        key = tokens.new()
        KnownDevice.objects.create(user=user, key_hash=tokens.digest(key))
        keys = [key, *keys]
    response.set_cookie(
        COOKIE_NAME,
        signing.dumps(keys[:KEYS_KEPT], salt=SALT),
        max_age=int(LIFETIME.total_seconds()),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
