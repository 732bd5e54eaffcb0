from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.appreciation import content, notes
from hearth.appreciation.forms import NoteForm, ReplyForm
from hearth.appreciation.models import Note
from hearth.couples.access import active_couple, partner_in, words_shared


@privacy_required
def jar(request: AuthenticatedRequest) -> HttpResponse:
    page = Paginator(notes.jar(request.user).select_related("author"), 20).get_page(request.GET.get("page"))
    return render(request, "appreciation/jar.html", {"page": page, "reply_form": ReplyForm()})


@privacy_required
@require_http_methods(["GET", "POST"])
def write(request: AuthenticatedRequest, pk: int | None = None) -> HttpResponse:
    draft = get_object_or_404(Note, pk=pk, author=request.user, sent_at__isnull=True) if pk else None
    form = NoteForm(request.POST or None, initial={"text": draft.text} if draft else None)
    couple = active_couple(request.user)
    partner = partner_in(couple, request.user) if couple else None
    if request.method == "POST" and form.is_valid():
        sending = "send" in request.POST
        try:
            notes.write(request.user, form.cleaned_data["text"], send=sending, draft=draft)
        except notes.NoteProblem as problem:
            form.add_error(None, problem.message)
        else:
            if sending:
                messages.success(request, "Sent. It's in their jar now.")
                return redirect("appreciation_written")
            messages.success(request, "Saved as a draft. Only you can see it.")
            return redirect("appreciation_written")
    status = 400 if form.errors else 200
    context = {"form": form, "starters": content.starters(), "partner": partner, "draft": draft}
    return render(request, "appreciation/write.html", context, status=status)


@privacy_required
def written(request: AuthenticatedRequest) -> HttpResponse:
    page = Paginator(notes.written(request.user), 20).get_page(request.GET.get("page"))
    # A reply is the partner's words: shown only while the couple is active.
    replies_shown = {note.pk for note in page if words_shared(note.couple)}
    return render(request, "appreciation/written.html", {"page": page, "replies_shown": replies_shown})


@privacy_required
@require_POST
def reply(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(notes.jar(request.user), pk=pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        notes.reply(note, request.user, form.cleaned_data["text"])
        messages.success(request, "Your reply is with the note.")
    else:
        messages.info(request, " ".join(str(e) for e in form.errors["text"]))
    return redirect("appreciation_jar")
