from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.couples import services
from hearth.couples.access import active_couple
from hearth.couples.forms import JoinCodeForm
from hearth.couples.models import Invite


@privacy_required
@require_http_methods(["GET", "POST"])
def invite(request: AuthenticatedRequest) -> HttpResponse:
    if active_couple(request.user) is not None:
        return redirect("home")
    if request.method == "POST":
        services.create_invite(request.user)
        return redirect("invite")
    current = services.open_invite(request.user)
    link = request.build_absolute_uri(current.get_absolute_url()) if current else None
    return render(request, "couples/invite.html", {"invite": current, "link": link})


@privacy_required
@require_POST
def revoke(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invite, pk=pk, inviter=request.user)
    services.revoke_invite(invitation)
    messages.info(request, "The invitation was withdrawn. Its link and code no longer work.")
    return redirect("invite")


@require_http_methods(["GET", "POST"])
def join_with_code(request: HttpRequest) -> HttpResponse:
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = Invite.objects.filter(code=form.cleaned_data["code"]).first()
        if found is not None:
            return redirect(found)
        form.add_error("code", "No invitation has this code. Check it with your partner.")
    status = 400 if form.errors else 200
    return render(request, "couples/join_code.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invite.objects.select_related("inviter"), token=token)
    user = request.user if request.user.is_authenticated else None
    try:
        services.check_invite(invitation, user)
    except services.InviteProblem as problem:
        return render(request, "couples/join_problem.html", {"problem": problem}, status=problem.status)

    if user is None:
        next_query = urlencode({"next": request.get_full_path()})
        return render(request, "couples/join.html", {"invite": invitation, "next_query": next_query})
    if not user.has_accepted_privacy:
        return redirect(f"{reverse('privacy')}?{urlencode({'next': request.get_full_path()})}")
    if request.method == "POST":
        try:
            services.accept_invite(invitation.pk, user)
        except services.InviteProblem as problem:
            return render(request, "couples/join_problem.html", {"problem": problem}, status=problem.status)
        messages.success(request, "You're linked. This is your shared space now.")
        return redirect("home")
    return render(request, "couples/join.html", {"invite": invitation})
