"""Signing up: the form, the link in the e-mail, and the privacy notice a new
account accepts before anything else."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from hearth.accounts import signups
from hearth.accounts.decorators import AuthenticatedRequest
from hearth.accounts.forms import SignupForm


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
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            signups.request_signup(form.cleaned_data, _safe_next(request, ""))
        except signups.SignupProblem as problem:
            form.add_error(None, problem.message)
            status = problem.status
        else:
            return render(request, "accounts/signup_sent.html", {"mail_is_local": _mail_is_local()})
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "next": _safe_next(request, "")},
        status=400 if status == 200 and form.errors else status,
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
