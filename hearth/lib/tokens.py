"""Secrets that travel in an address or a cookie: a calendar feed, a
signup's confirmation link, a known device.

`new()` makes one; `digest()` is how a secret is kept where only its holder
should be able to present it (a confirmation link, a device key, a replaced
feed address): 256 random bits need no salt or slow hash, since none can be
found again by guessing."""

import hashlib
import secrets


def new() -> str:
    return secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
