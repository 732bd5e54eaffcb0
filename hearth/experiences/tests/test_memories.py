import io
from datetime import timedelta
from unittest import mock

from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import ExifTags, Image

from hearth.couples.services import leave_couple
from hearth.experiences import photos
from hearth.experiences.models import Memory
from hearth.experiences.tests.test_photos import (
    SVG,
    image_bytes,
    jpeg_with_gps,
    noisy_jpeg,
    png_declaring,
    stored_files,
    upload,
    use_temporary_var_dir,
)
from hearth.lib.testing import BaseTestCase, TestResponse, make_couple, make_user

URL = "/memories/"
A_NAME = "0" * 32 + ".jpg"  # a well-formed stored name, with no file behind it


class MemoryTestCase(BaseTestCase):
    def setUp(self) -> None:
        self.var_dir = use_temporary_var_dir(self)

    def add(self, text: str = "Dancing in the kitchen", data: bytes | None = None) -> TestResponse:
        form: dict[str, object] = {"text": text}
        if data is not None:
            form["photo"] = upload("photo.jpg", data)
        return self.client.post(URL, form)

    def alices_memory_with_photo(self) -> Memory:
        self.client.force_login(self.alice)
        self.assertRedirects(self.add(data=jpeg_with_gps((2400, 1800))), URL, fetch_redirect_response=False)
        return Memory.objects.get(author=self.alice)

    def memories(self, count: int, author_is_bob: bool = True) -> None:
        start = timezone.now() - timedelta(days=30)
        Memory.objects.bulk_create(
            Memory(
                couple=self.couple,
                author=self.bob if author_is_bob else self.alice,
                text=f"Memory {n}",
                created_at=start + timedelta(minutes=n),
            )
            for n in range(count)
        )


class TimelineTests(MemoryTestCase):
    def test_it_sends_anonymous_visitors_to_log_in(self) -> None:
        memory = Memory.objects.create(
            couple=self.couple, author=self.alice, text="x", photo="0" * 32 + ".jpg"
        )
        for url in (URL, "/memories/mine/", f"/memories/{memory.pk}/photo/"):
            self.assertRedirects(self.client.get(url), f"/login/?next={url}", fetch_redirect_response=False)
        self.client.post(f"/memories/{memory.pk}/delete/")
        self.assertTrue(Memory.objects.filter(pk=memory.pk).exists())

    def test_it_keeps_a_memory_with_a_photo_for_both_partners(self) -> None:
        memory = self.alices_memory_with_photo()
        self.assertEqual(memory.couple, self.couple)
        self.assertEqual(stored_files(self.var_dir), [memory.photo])
        self.client.force_login(self.bob)
        r = self.client.get(URL)
        self.assertContains(r, "Dancing in the kitchen")
        self.assertContains(r, "— Alice")
        self.assertContains(r, f'src="/memories/{memory.pk}/photo/"')
        self.assertContains(r, 'alt="A photo Alice added to this memory"')
        self.assertContains(r, 'enctype="multipart/form-data"')
        self.assertNotContains(r, f"/memories/{memory.pk}/delete/")  # only the writer deletes

    def test_it_keeps_a_memory_without_a_photo(self) -> None:
        self.client.force_login(self.bob)
        self.assertRedirects(self.add("A walk with phones off"), URL, fetch_redirect_response=False)
        self.assertEqual(Memory.objects.get().photo, "")
        self.assertNotContains(self.client.get(URL), "<img")

    def test_it_accepts_png_and_webp(self) -> None:
        self.client.force_login(self.alice)
        for fmt in ("PNG", "WEBP"):
            form = {
                "text": fmt,
                "photo": upload(f"p.{fmt.lower()}", image_bytes(fmt), f"image/{fmt.lower()}"),
            }
            self.assertEqual(self.client.post(URL, form).status_code, 302)
        self.assertEqual(len(stored_files(self.var_dir)), 2)

    def test_it_refuses_bad_photos_clearly_and_keeps_nothing(self) -> None:
        jpeg = noisy_jpeg()
        cases = [
            ("text renamed .jpg", b"Not a photo at all.", "isn&#x27;t one of those"),
            ("svg", SVG, "isn&#x27;t one of those"),
            ("truncated jpeg", jpeg[: len(jpeg) // 2], "seems to be damaged"),
            ("decompression bomb", png_declaring(20_000, 20_000), "too large to open safely"),
            ("over our pixel cap", png_declaring(8_000, 6_000), "too large to open safely"),
            ("oversize upload", b"\xff" * (photos.MAX_BYTES + 1), "larger than 10 MB"),
            ("empty file", b"", "That file is empty"),
        ]
        self.client.force_login(self.alice)
        for label, data, message in cases:
            with self.subTest(label):
                r = self.add("The picnic", data)
                self.assertContains(r, message, status_code=400)
                self.assertContains(r, "The picnic", status_code=400)  # what they wrote is kept in the form
                self.assertFalse(Memory.objects.exists())
                self.assertEqual(stored_files(self.var_dir), [])

    def test_it_refuses_empty_and_long_text_without_storing_the_photo(self) -> None:
        self.client.force_login(self.alice)
        self.assertContains(self.add("", image_bytes("JPEG")), "nothing here yet", status_code=400)
        r = self.add("x" * 2001, image_bytes("JPEG"))
        self.assertContains(r, "under 2000 characters", status_code=400)
        self.assertFalse(Memory.objects.exists())
        self.assertEqual(stored_files(self.var_dir), [])

    def test_if_the_row_cannot_be_saved_the_photo_goes_too(self) -> None:
        self.client.force_login(self.alice)
        with (
            mock.patch.object(Memory.objects, "create", side_effect=DatabaseError("gone")),
            self.assertRaises(DatabaseError),
            self.assertLogs("django.request", "ERROR"),
        ):
            self.add(data=image_bytes("JPEG"))
        self.assertEqual(stored_files(self.var_dir), [])

    def test_it_is_newest_first_and_paginated(self) -> None:
        self.memories(25)
        self.client.force_login(self.alice)
        r = self.client.get(URL)
        self.assertContains(r, "Page 1 of 2")
        self.assertLess(r.content.index(b"Memory 24"), r.content.index(b"Memory 10"))
        self.assertNotContains(r, "Memory 4<")
        self.assertContains(self.client.get(URL, {"page": 2}), "Memory 4<")

    def test_it_shows_nothing_of_another_couple(self) -> None:
        dave = make_user("dave@example.org", "Dave")
        other = make_couple(self.carol, dave)
        Memory.objects.create(couple=other, author=self.carol, text="Carol's evening")
        self.client.force_login(self.alice)
        self.assertNotContains(self.client.get(URL), "Carol's evening")

    def test_after_a_partner_leaves_their_memories_leave_too(self) -> None:
        self.memories(2, author_is_bob=False)
        leave_couple(self.alice)
        dave = make_user("dave@example.org", "Dave")
        make_couple(self.bob, dave)
        self.client.force_login(self.bob)
        r = self.client.get(URL)
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, "Memory 1")

    def test_the_writer_keeps_their_own_memories_and_photos_after_leaving(self) -> None:
        memory = self.alices_memory_with_photo()
        self.memories(1)  # one of Bob's
        leave_couple(self.bob)
        self.client.force_login(self.alice)
        self.assertContains(self.client.get("/"), 'href="/memories/mine/"')
        r = self.client.get("/memories/mine/")
        self.assertContains(r, "Dancing in the kitchen")
        self.assertContains(r, f'src="/memories/{memory.pk}/photo/"')
        self.assertNotContains(r, "Memory 0", msg_prefix="Bob's words left with him")
        self.assertEqual(self.client.get(f"/memories/{memory.pk}/photo/").status_code, 200)
        self.client.force_login(self.bob)
        r = self.client.get("/memories/mine/")
        self.assertContains(r, "Memory 0")
        self.assertNotContains(r, "Dancing in the kitchen")
        self.assertEqual(self.client.get(f"/memories/{memory.pk}/photo/").status_code, 404)
        self.client.force_login(self.carol)
        self.assertNotContains(self.client.get("/memories/mine/"), "Dancing in the kitchen")
        self.assertEqual(self.client.post(f"/memories/{memory.pk}/delete/").status_code, 404)
        self.client.force_login(self.alice)
        r = self.client.post(f"/memories/{memory.pk}/delete/")
        self.assertRedirects(r, "/memories/mine/", fetch_redirect_response=False)
        self.assertFalse(Memory.objects.filter(pk=memory.pk).exists())

    def test_the_timeline_costs_the_same_with_10_or_500_memories(self) -> None:
        self.client.force_login(self.alice)
        self.memories(10)
        Memory.objects.update(photo=A_NAME)
        with CaptureQueriesContext(connection) as small:
            self.client.get(URL)
        self.memories(490)
        with self.assertNumQueries(len(small)):
            self.client.get(URL)


class PhotoTests(MemoryTestCase):
    def photo_url(self, memory: Memory) -> str:
        return f"/memories/{memory.pk}/photo/"

    def test_the_partner_sees_the_photo_never_cached(self) -> None:
        memory = self.alices_memory_with_photo()
        self.client.force_login(self.bob)
        r = self.client.get(self.photo_url(memory))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r["Content-Type"], "image/jpeg")
        self.assertIn("no-store", r["Cache-Control"])
        self.assertEqual(r["X-Content-Type-Options"], "nosniff")
        self.assertTrue(r["Content-Disposition"].startswith("inline"))
        served = Image.open(io.BytesIO(b"".join(r.streaming_content)))  # type: ignore[attr-defined]
        self.assertEqual(served.size, (1600, 1200))
        self.assertEqual(dict(served.getexif()), {})
        self.assertFalse(served.getexif().get_ifd(ExifTags.IFD.GPSInfo))

    def test_a_transparent_photo_is_served_as_webp(self) -> None:
        self.client.force_login(self.alice)
        self.client.post(URL, {"text": "Sticker", "photo": upload("s.png", image_bytes("PNG", mode="RGBA"))})
        r = self.client.get(self.photo_url(Memory.objects.get()))
        self.assertEqual(r["Content-Type"], "image/webp")

    def test_it_is_resized_once_on_upload_not_on_every_view(self) -> None:
        memory = self.alices_memory_with_photo()
        with mock.patch.object(Image, "open", side_effect=AssertionError("decoded on view")):
            self.assertEqual(self.client.get(self.photo_url(memory)).status_code, 200)

    def test_a_stranger_gets_404(self) -> None:
        memory = self.alices_memory_with_photo()
        self.client.force_login(self.carol)
        self.assertEqual(self.client.get(self.photo_url(memory)).status_code, 404)

    def test_after_the_writer_leaves_the_partner_gets_404_and_the_writer_keeps_it(self) -> None:
        memory = self.alices_memory_with_photo()
        leave_couple(self.alice)
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(self.photo_url(memory)).status_code, 404)
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get(self.photo_url(memory)).status_code, 200)

    def test_a_memory_without_a_photo_or_with_a_lost_file_gets_404(self) -> None:
        memory = self.alices_memory_with_photo()
        plain = Memory.objects.create(couple=self.couple, author=self.alice, text="No photo")
        self.assertEqual(self.client.get(self.photo_url(plain)).status_code, 404)
        photos.delete_photo(memory.photo)
        self.assertEqual(self.client.get(self.photo_url(memory)).status_code, 404)
        self.assertEqual(self.client.get("/memories/999999/photo/").status_code, 404)


class DeleteTests(MemoryTestCase):
    def delete_url(self, memory: Memory) -> str:
        return f"/memories/{memory.pk}/delete/"

    def test_only_the_writer_can_delete(self) -> None:
        memory = self.alices_memory_with_photo()
        for other in (self.bob, self.carol):
            self.client.force_login(other)
            self.assertEqual(self.client.post(self.delete_url(memory)).status_code, 404)
        self.assertTrue(Memory.objects.filter(pk=memory.pk).exists())
        self.assertEqual(stored_files(self.var_dir), [memory.photo])

    def test_deleting_removes_the_row_and_the_photo(self) -> None:
        memory = self.alices_memory_with_photo()
        self.assertEqual(self.client.get(self.delete_url(memory)).status_code, 405)
        r = self.client.post(self.delete_url(memory))
        self.assertRedirects(r, URL, fetch_redirect_response=False)
        self.assertFalse(Memory.objects.exists())
        self.assertEqual(stored_files(self.var_dir), [])
        self.client.force_login(self.bob)
        self.assertEqual(self.client.get(f"/memories/{memory.pk}/photo/").status_code, 404)
