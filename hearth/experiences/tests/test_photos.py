import io
import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import SimpleTestCase, override_settings
from PIL import ExifTags, Image, ImageCms

from hearth.experiences import photos


def use_temporary_var_dir(test: SimpleTestCase) -> Path:
    """A VAR_DIR of the test's own, removed afterwards: tests never write into the repository."""
    folder = tempfile.TemporaryDirectory()
    test.addCleanup(folder.cleanup)
    override = override_settings(VAR_DIR=Path(folder.name))
    override.enable()
    test.addCleanup(override.disable)
    return Path(folder.name)


def stored_files(var_dir: Path) -> list[str]:
    """Every file in the photo folder, temporary ones included."""
    folder = var_dir / "photos"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def image_bytes(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB", **params: Any) -> bytes:
    colour: Any = (200, 120, 90, 128) if mode == "RGBA" else "teal"
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, fmt, **params)
    return buffer.getvalue()


def noisy_jpeg(size: tuple[int, int] = (400, 300)) -> bytes:
    """A photo-like JPEG: noise does not compress, so cutting it in half really cuts pixels."""
    buffer = io.BytesIO()
    Image.effect_noise(size, 80).convert("RGB").save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def jpeg_with_gps(size: tuple[int, int] = (64, 48), orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Test camera"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 26.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    return image_bytes("JPEG", size, exif=exif)


def png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` x `height` grey pixels, with a single
    row of data behind it: the shape of a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = zlib.compress(b"\0" * (width + 1))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", row) + chunk(b"IEND", b"")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'


def upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type)


class StorePhotoTests(SimpleTestCase):
    def setUp(self) -> None:
        self.var_dir = use_temporary_var_dir(self)

    def reopen(self, name: str) -> Image.Image:
        path = photos.photo_path(name)
        assert path is not None
        image = Image.open(path)
        image.load()
        return image

    def assertRefused(self, data: bytes, message: str, name: str = "photo.jpg") -> None:
        with self.assertRaises(photos.PhotoProblem) as caught:
            photos.store_photo(upload(name, data))
        self.assertEqual(caught.exception.message, message)
        self.assertEqual(stored_files(self.var_dir), [])

    def test_it_strips_exif_and_gps_from_a_jpeg(self) -> None:
        original = jpeg_with_gps()
        self.assertTrue(Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo))
        name = photos.store_photo(upload("photo.jpg", original))
        kept = self.reopen(name)
        self.assertEqual(kept.format, "JPEG")
        self.assertEqual(dict(kept.getexif()), {})
        self.assertNotIn("exif", kept.info)
        self.assertNotIn("icc_profile", kept.info)
        self.assertEqual(stored_files(self.var_dir), [name])

    def test_it_turns_the_photo_the_way_the_camera_held_it(self) -> None:
        # Orientation 6: the camera was turned a quarter; the stored copy is upright.
        name = photos.store_photo(upload("photo.jpg", jpeg_with_gps((200, 100), orientation=6)))
        self.assertEqual(self.reopen(name).size, (100, 200))

    def test_it_caps_the_size_at_1600_pixels(self) -> None:
        for size, expected in (
            ((3200, 2400), (1600, 1200)),
            ((4000, 1000), (1600, 400)),
            ((900, 600), (900, 600)),
        ):
            with self.subTest(size=size):
                name = photos.store_photo(upload("photo.jpg", image_bytes("JPEG", size)))
                self.assertEqual(self.reopen(name).size, expected)

    def test_it_accepts_png_and_webp(self) -> None:
        for fmt in ("PNG", "WEBP"):
            with self.subTest(fmt=fmt):
                name = photos.store_photo(
                    upload(f"photo.{fmt.lower()}", image_bytes(fmt), f"image/{fmt.lower()}")
                )
                self.assertTrue(name.endswith(".jpg"))
                self.assertEqual(self.reopen(name).mode, "RGB")

    def test_it_keeps_transparency_as_webp(self) -> None:
        name = photos.store_photo(upload("sticker.png", image_bytes("PNG", mode="RGBA"), "image/png"))
        kept = self.reopen(name)
        self.assertEqual((kept.format, kept.mode), ("WEBP", "RGBA"))
        self.assertEqual(photos.content_type(name), "image/webp")

    def test_it_brings_colour_profiles_to_srgb_and_drops_them(self) -> None:
        profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
        name = photos.store_photo(upload("photo.jpg", image_bytes("JPEG", icc_profile=profile)))
        self.assertNotIn("icc_profile", self.reopen(name).info)

    def test_it_refuses_what_is_not_a_jpeg_png_or_webp(self) -> None:
        gif = image_bytes("GIF")
        for label, data in (
            ("text", b"Just some words, not a photo."),
            ("svg", SVG),
            ("gif", gif),
            ("empty", b""),
        ):
            with self.subTest(label):
                self.assertRefused(data, photos.NOT_A_PHOTO)

    def test_it_refuses_a_truncated_image(self) -> None:
        jpeg, png = noisy_jpeg(), image_bytes("PNG", (300, 300))
        for data in (jpeg[: len(jpeg) // 2], png[: len(png) // 2]):
            self.assertRefused(data, photos.DAMAGED)

    def test_it_refuses_decompression_bombs_before_decoding_them(self) -> None:
        # Past Pillow's hard limit, between its warning and its limit, and over our own cap.
        for width, height in ((20_000, 20_000), (10_000, 10_000), (8_000, 6_000)):
            with self.subTest(f"{width}x{height}"):
                self.assertRefused(png_declaring(width, height), photos.TOO_MANY_PIXELS, "bomb.png")

    def test_it_refuses_an_oversize_upload_without_reading_it(self) -> None:
        big = upload("big.jpg", b"\xff" * (photos.MAX_BYTES + 1))
        with (
            mock.patch.object(Image, "open", side_effect=AssertionError("read")),
            self.assertRaises(photos.PhotoProblem) as caught,
        ):
            photos.store_photo(big)
        self.assertEqual(caught.exception.message, photos.TOO_LARGE)
        self.assertEqual(stored_files(self.var_dir), [])

    def test_a_failed_write_leaves_nothing_behind(self) -> None:
        with (
            mock.patch.object(Image.Image, "save", side_effect=OSError("disk full")),
            self.assertRaises(OSError),
        ):
            photos.store_photo(upload("photo.jpg", image_bytes("JPEG")))
        self.assertEqual(stored_files(self.var_dir), [])

    def test_delete_removes_the_file_and_ignores_names_that_are_not_ours(self) -> None:
        name = photos.store_photo(upload("photo.jpg", image_bytes("JPEG")))
        outside = self.var_dir / "secret_key"
        outside.write_text("keep me")
        photos.delete_photo("../secret_key")
        photos.delete_photo("")
        self.assertTrue(outside.exists())
        photos.delete_photo(name)
        photos.delete_photo(name)  # already gone: nothing to do
        self.assertEqual(stored_files(self.var_dir), [])
        self.assertIsNone(photos.photo_path("../secret_key"))
