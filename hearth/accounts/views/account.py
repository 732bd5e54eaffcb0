from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from hearth.accounts.decorators import AuthenticatedRequest
from hearth.accounts.forms import EmailChangeForm, PasswordChangeForm, ProfileForm
from hearth.couples.access import active_couple


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
