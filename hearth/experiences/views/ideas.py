from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.experiences import ideas
from hearth.experiences.models import Idea
from hearth.lib.forms import CalmLabels

FEELINGS = {"love", "nope", "clear"}


def _params(request: CoupleRequest) -> dict[str, str]:
    keys = (*ideas.FILTERS, *ideas.FLAGS)
    return {k: v for k in keys if (v := request.GET.get(k, ""))}


@couple_required
def library(request: CoupleRequest) -> HttpResponse:
    params = _params(request)
    page = Paginator(ideas.filtered(request.couple, params), 20).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    mine, both = ideas.wishes_and_matches(request.couple, request.user, shown)
    rows = [{"idea": i, "mine": mine.get(i.pk, ""), "match": i.pk in both} for i in shown]
    context = {
        "page": page,
        "rows": rows,
        "params": params,
        "query": urlencode(params),
        "filters": [
            {
                "name": name,
                "options": getattr(Idea, name.capitalize()).choices,
                "selected": params.get(name, ""),
            }
            for name in ideas.FILTERS
        ],
    }
    return render(request, "experiences/library.html", context)


@couple_required
def surprise(request: CoupleRequest) -> HttpResponse:
    idea = ideas.surprise(request.couple, _params(request))
    if idea is None:
        messages.info(request, "No idea fits all of those. Try loosening a filter.")
        return redirect(f"{reverse('ideas')}?{urlencode(_params(request))}")
    return redirect("idea", pk=idea.pk)


@couple_required
def idea(request: CoupleRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ideas.visible(request.couple), pk=pk)
    wishes, both = ideas.wishes_and_matches(request.couple, request.user, [item])
    mine, match = wishes.get(item.pk, ""), item.pk in both
    return render(request, "experiences/idea.html", {"idea": item, "mine": mine, "match": match})


@couple_required
@require_POST
def wish(request: CoupleRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ideas.visible(request.couple), pk=pk)
    feeling = request.POST.get("feeling", "")
    if feeling not in FEELINGS:
        return HttpResponse("Unknown choice.", status=400)
    ideas.wish(request.couple, request.user, item, feeling)
    back = request.POST.get("back", "")
    return redirect(back if back.startswith("/ideas/") else reverse("idea", args=[item.pk]))


@couple_required
def matches(request: CoupleRequest) -> HttpResponse:
    return render(request, "experiences/matches.html", {"matches": ideas.matches(request.couple)})


class OwnIdeaForm(CalmLabels, forms.ModelForm[Idea]):
    class Meta:
        model = Idea
        fields = ["title", "text", "cost", "time", "place", "energy"]
        labels = {"title": "A short name", "text": "What you'd do"}
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


@couple_required
@require_http_methods(["GET", "POST"])
def new_idea(request: CoupleRequest) -> HttpResponse:
    form = OwnIdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.couple = request.couple
        item.save()
        messages.success(request, "Added. Only the two of you can see it.")
        return redirect("idea", pk=item.pk)
    return render(request, "experiences/new_idea.html", {"form": form}, status=400 if form.errors else 200)
