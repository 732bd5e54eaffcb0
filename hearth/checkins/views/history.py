from django.core.paginator import Paginator
from django.db.models import Avg, Q
from django.http import HttpResponse
from django.shortcuts import render

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.accounts.models import User
from hearth.checkins import trend
from hearth.checkins.models import Answer, CheckIn
from hearth.reveal import rules

TREND_WEEKS = 26


@privacy_required
def history(request: AuthenticatedRequest) -> HttpResponse:
    user = request.user
    checkins = (
        rules.rounds_for(user, CheckIn.objects.all()).select_related("couple").order_by("-week_of", "-pk")
    )
    page = Paginator(checkins, 10).get_page(request.GET.get("page"))
    mine = {
        a.round_id: a
        for a in Answer.objects.filter(author=user, round__in=[c.pk for c in page.object_list]).only(
            "round_id", "pulse", "submitted_at"
        )
    }
    rows = [
        {
            "checkin": c,
            "mine": mine.get(c.pk),
            "revealed": c.revealed_at is not None and c.couple.is_active,
        }
        for c in page.object_list
    ]
    return render(request, "checkins/history.html", {"page": page, "rows": rows, "trend": _trend(user)})


def _trend(user: User) -> trend.Trend:
    """The last weeks' pulse: the couple's average where both have finished,
    and the viewer's own answer. One query, however long the history."""
    recent = (
        rules.rounds_for(user, CheckIn.objects.all())
        .filter(couple__closed_at__isnull=True)
        .annotate(
            us=Avg("responses__pulse", filter=Q(revealed_at__isnull=False)),
            me=Avg(
                "responses__pulse", filter=Q(responses__author=user, responses__submitted_at__isnull=False)
            ),
        )
        .order_by("-week_of")
        .values("week_of", "us", "me")[:TREND_WEEKS]
    )
    points = [
        trend.Point(week=r["week_of"], us=r["us"], me=round(r["me"]) if r["me"] is not None else None)
        for r in reversed(list(recent))
    ]
    return trend.build(points)
