from typing import Any

from django.apps import AppConfig
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest


def _count_on_device(
    sender: object, credentials: dict[str, object], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    from hearth.accounts import devices

    if request is not None:
        devices.count_failure(request, credentials)


class AccountsConfig(AppConfig):
    name = "hearth.accounts"

    def ready(self) -> None:
        user_login_failed.connect(_count_on_device, dispatch_uid="hearth.accounts.devices")
