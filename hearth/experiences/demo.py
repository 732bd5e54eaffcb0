"""Shared experiences for the demo couple: a few matches, a planned date and
two memories, one with a photo (drawn here, so nothing is downloaded)."""

from datetime import timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from hearth.accounts.models import User
from hearth.couples.models import Couple
from hearth.experiences import plans
from hearth.experiences.models import Idea, Memory, Wish
from hearth.experiences.photos import store_photo

MATCHES = 3


def _sunset() -> SimpleUploadedFile:
    image = Image.new("RGB", (1200, 800))
    draw = ImageDraw.Draw(image)
    for y in range(800):
        draw.line([(0, y), (1200, y)], fill=(250 - y // 8, 170 - y // 6, 120 + y // 10))
    draw.ellipse((520, 420, 680, 580), fill=(255, 214, 150))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return SimpleUploadedFile("sunset.jpg", buffer.getvalue(), content_type="image/jpeg")


def seed(couple: Couple, first: User, second: User) -> None:
    if Wish.objects.filter(couple=couple).exists():
        return
    library = list(
        Idea.objects.filter(couple__isnull=True, retired=False, cost="free").order_by("position")[:8]
    )
    if len(library) < MATCHES:
        return  # content not loaded
    for idea in library[:MATCHES]:
        for person in (first, second):
            Wish.objects.create(couple=couple, user=person, idea=idea, feeling=Wish.Feeling.LOVE)
    Wish.objects.create(couple=couple, user=first, idea=library[MATCHES], feeling=Wish.Feeling.LOVE)
    soon = (timezone.now() + timedelta(days=5)).replace(hour=18, minute=30, second=0, microsecond=0)
    plans.make(couple, first, library[0], soon, remind=False)
    Memory.objects.create(
        couple=couple,
        author=first,
        text="The evening walk with our phones left at home. We talked about nothing and everything.",
        created_at=timezone.now() - timedelta(days=12),
    )
    Memory.objects.create(
        couple=couple,
        author=second,
        text="That sky on the way back from the market. We just stood there.",
        photo=store_photo(_sunset()),
        created_at=timezone.now() - timedelta(days=4),
    )
