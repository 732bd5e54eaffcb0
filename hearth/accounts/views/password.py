from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpResponse

from hearth.accounts.forms import ResetRequestForm


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
