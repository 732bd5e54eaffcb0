"""Memories: a short note written afterwards, optionally with one photo.

The timeline is the couple's, while the couple is active; `mine` is what a
person wrote, in any couple space, theirs to keep after leaving. A photo is
served only through `photo`, to the couple (or its writer), never cached.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods, require_POST

from hearth.accounts.decorators import AuthenticatedRequest, privacy_required
from hearth.coaching.widgets import CoachedTextarea
from hearth.couples.access import active_couple
from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.experiences import photos
from hearth.experiences.models import MEMORY_MAX, Memory
from hearth.lib.forms import Form
from hearth.safety import screening

PER_PAGE = 20


class MemoryForm(Form):
    text = forms.CharField(
        label="What do you want to remember?",
        max_length=MEMORY_MAX,
        widget=CoachedTextarea(attrs={"rows": 4}),
        error_messages={
            "required": "There's nothing here yet.",
            "max_length": "Please keep it under %(limit_value)d characters (it has %(show_value)d).",
        },
    )
    photo = forms.FileField(
        label="A photo, if you like",
        required=False,
        help_text=(
            "JPEG, PNG or WebP, up to 10 MB. Hearth keeps a smaller copy, without location or camera details."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={
            "empty": "That file is empty. Please choose a photo.",
            "invalid": "That didn't arrive as a file. Please choose the photo again.",
        },
    )


@couple_required
@require_http_methods(["GET", "POST"])
def memories(request: CoupleRequest) -> HttpResponse:
    form = MemoryForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            create_memory(request, form.cleaned_data["text"], form.cleaned_data["photo"])
        except photos.PhotoProblem as problem:
            form.add_error("photo", problem.message)
        else:
            messages.success(request, "Kept. It's in your timeline now.")
            return redirect("memories")
    timeline = Memory.objects.filter(couple=request.couple).select_related("author", "plan__idea")
    page = Paginator(timeline.order_by("-created_at", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    status = 400 if form.errors else 200
    return render(request, "experiences/memories.html", {"form": form, "page": page}, status=status)


@privacy_required
def mine(request: AuthenticatedRequest) -> HttpResponse:
    """Every memory this person wrote, in this couple space or an earlier one."""
    written = Memory.objects.filter(author=request.user).select_related("plan__idea")
    page = Paginator(written.order_by("-created_at", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "experiences/memories_mine.html", {"page": page})


def create_memory(request: CoupleRequest, text: str, upload: "UploadedFile[bytes] | None") -> Memory:
    """The photo is stored first; if the row then cannot be saved, the photo
    goes too, so nothing is ever half-kept."""
    name = photos.store_photo(upload) if upload else ""
    try:
        memory = Memory.objects.create(couple=request.couple, author=request.user, text=text, photo=name)
    except BaseException:
        photos.delete_photo(name)
        raise
    screening.screen_sent(request.user.pk, text)
    return memory


@login_required
def photo(request: AuthenticatedRequest, pk: int) -> FileResponse:
    """The photo of one memory: for its writer, and for the couple while it is active."""
    couple = active_couple(request.user)
    shared = Q(couple=couple) if couple is not None and couple.is_active else Q(pk__in=[])
    memory = get_object_or_404(
        Memory.objects.filter(shared | Q(author=request.user)).exclude(photo=""), pk=pk
    )
    path = photos.photo_path(memory.photo)
    if path is None or not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"),
        content_type=photos.content_type(memory.photo),
        filename=f"memory-{memory.pk}.{memory.photo.rsplit('.', 1)[-1]}",
    )
    add_never_cache_headers(response)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@privacy_required
@require_POST
def delete(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    """Only the writer may delete a memory; its photo file goes with it."""
    memory = get_object_or_404(Memory, pk=pk, author=request.user)
    name = memory.photo
    memory.delete()
    photos.delete_photo(name)
    messages.success(request, "That memory has been deleted.")
    return redirect("memories" if active_couple(request.user) else "memories_mine")
