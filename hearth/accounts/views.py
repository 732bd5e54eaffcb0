from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from hearth.accounts import devices, signups
from hearth.accounts.decorators import AuthenticatedRequest
from hearth.accounts.forms import (
    EmailChangeForm,
    LoginForm,
    PasswordChangeForm,
    ProfileForm,
    ResetRequestForm,
    SignupForm,
)
from hearth.couples.access import active_couple


def _safe_next(request: HttpRequest, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(_safe_next(request))
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signups.request_signup(form.cleaned_data, _safe_next(request, ""))
        return render(request, "accounts/signup_sent.html", {"mail_is_local": _mail_is_local()})
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "next": _safe_next(request, "")},
        status=400 if form.errors else 200,
    )


def _mail_is_local() -> bool:
    """True when this Hearth has no mail server and keeps e-mails as files."""
    return settings.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"


@require_http_methods(["GET", "POST"])
def signup_confirm(request: HttpRequest, key: str) -> HttpResponse:
    """The link in the e-mail. Opening it changes nothing (mail scanners
    open links); the button makes the account and signs in."""
    try:
        if request.method == "POST":
            user, next_url = signups.confirm(key)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(next_url or "/")
        signups.find(key)
    except signups.SignupProblem as problem:
        return render(
            request, "accounts/signup_confirm.html", {"problem": problem.message}, status=problem.status
        )
    return render(request, "accounts/signup_confirm.html")


@login_required
@require_http_methods(["GET", "POST"])
def privacy(request: AuthenticatedRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("accept") != "yes":
            messages.info(request, "Please tick the box to say you have read the notice.")
            return render(request, "accounts/privacy.html", {"next": _safe_next(request, "")}, status=400)
        request.user.privacy_accepted_at = timezone.now()
        request.user.save(update_fields=["privacy_accepted_at"])
        return HttpResponseRedirect(_safe_next(request))
    return render(request, "accounts/privacy.html", {"next": _safe_next(request, "")})


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    profile = ProfileForm(instance=user)
    email = EmailChangeForm(user)
    password = PasswordChangeForm(user)
    status = 200
    form: ProfileForm | EmailChangeForm | PasswordChangeForm
    if request.method == "POST":
        section = request.POST.get("section")
        if section == "profile":
            profile = ProfileForm(request.POST, instance=user)
            form = profile
        elif section == "email":
            email = EmailChangeForm(user, request.POST)
            form = email
        elif section == "password":
            password = PasswordChangeForm(user, request.POST)
            form = password
        else:
            return HttpResponse("Unknown form.", status=400)
        if form.is_valid():
            form.save()
            if section == "password":
                update_session_auth_hash(request, user)
            messages.success(request, "Saved.")
            return redirect("settings")
        status = 400
    context = {
        "profile_form": profile,
        "email_form": email,
        "password_form": password,
        "in_couple": active_couple(user) is not None,
    }
    return render(request, "accounts/settings.html", context, status=status)


class PasswordResetView(auth_views.PasswordResetView):
    """Links in the e-mail point at SITE_URL, not at whatever Host the request named."""

    form_class = ResetRequestForm
    template_name = "accounts/password_reset.html"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    email_template_name = "accounts/emails/password_reset.txt"
    html_email_template_name = "accounts/emails/password_reset.html"

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        self.extra_email_context = {"site_url": settings.SITE_URL}
        return super().form_valid(form)


class LoginView(auth_views.LoginView):
    """Django's login, with the device cookie beside axes's pause
    (`devices.py`) and a word of warning on the try before a pause."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def _credentials(self) -> dict[str, object]:
        return {"username": self.request.POST.get("username", "")}

    def _paused(self) -> HttpResponse:
        return render(self.request, settings.AXES_LOCKOUT_TEMPLATE, status=429)

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        device = devices.device_for(request, self._credentials())
        if device is not None and devices.is_paused(device):
            return self._paused()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        devices.remember(self.request, response, form.get_user())
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        credentials = self._credentials()
        device = devices.device_for(self.request, credentials)
        if device is not None and devices.is_paused(device):
            return self._paused()
        if (
            form.has_error(NON_FIELD_ERRORS, "invalid_login")
            and devices.tries_left(self.request, credentials) == 1
        ):
            minutes = round(settings.AXES_COOLOFF_TIME * 60)
            form.add_error(
                None,
                f"One more try that doesn't match will pause signing in here for {minutes} minutes. "
                "If you've forgotten your password, you can reset it instead.",
            )
        return super().form_invalid(form)
