from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hearth.accounts import devices
from hearth.accounts.forms import LoginForm


class LoginView(auth_views.LoginView):
    """Django's login, with the device cookie beside axes's pause
    (`devices.py`) and a word of warning on the try before a pause."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def _credentials(self) -> dict[str, object]:
        return {"username": self.request.POST.get("username", "")}

    def _paused(self) -> HttpResponse | None:
        """The pause page, when this browser is paused for this account."""
        device = devices.device_for(self.request, self._credentials())
        if device is not None and devices.is_paused(device):
            return render(self.request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
        return None

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        return self._paused() or super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        devices.remember(self.request, response, form.get_user())
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        # This very try may have paused the browser.
        if paused := self._paused():
            return paused
        if (
            form.has_error(NON_FIELD_ERRORS, "invalid_login")
            and devices.tries_left(self.request, self._credentials()) == 1
        ):
            minutes = round(settings.AXES_COOLOFF_TIME * 60)
            form.add_error(
                None,
                f"One more try that doesn't match will pause signing in here for {minutes} minutes. "
                "If you've forgotten your password, you can reset it instead.",
            )
        return super().form_invalid(form)
