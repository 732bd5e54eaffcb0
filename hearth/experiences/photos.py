"""Memory photos: decoded, re-encoded without metadata, stored privately.

A photo is checked and resized once, on upload. What is kept is a fresh
image built from the pixels alone (no EXIF, GPS, camera or editing data),
at most MAX_SIDE pixels on its longer side, in a folder under VAR_DIR that
is never served as static: only the authorised view reads it.
"""

import io
import os
import re
import secrets
import tempfile
import warnings
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from hearth.lib.problems import Problem

MAX_BYTES = 10 * 1024 * 1024
# Our own cap, well below Pillow's bomb threshold (~89 MP): a 40 MP camera
# still fits. Checked on the header's dimensions, before any pixel is decoded.
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
QUALITY = 85
ACCEPTED = ("JPEG", "PNG", "WEBP")
CONTENT_TYPES = {"jpg": "image/jpeg", "webp": "image/webp"}
_NAME = re.compile(r"\A[0-9a-f]{32}\.(jpg|webp)\Z")

TOO_LARGE = "That photo is larger than 10 MB. Please choose a smaller one."
NOT_A_PHOTO = (
    "Hearth takes JPEG, PNG or WebP photos, and this file isn't one of those. Please choose another."
)
TOO_MANY_PIXELS = "That image is too large to open safely. Please choose a smaller photo."
DAMAGED = "That image seems to be damaged or incomplete. Please try another one."


class PhotoProblem(Problem):
    """Why a photo cannot be kept, in words meant for the person adding it."""


def photo_dir() -> Path:
    return Path(settings.VAR_DIR) / "photos"


def photo_path(name: str) -> Path | None:
    """Where a stored photo lives; None for anything that is not one of our names."""
    return photo_dir() / name if _NAME.match(name) else None


def content_type(name: str) -> str:
    return CONTENT_TYPES[name.rsplit(".", 1)[-1]]


def store_photo(upload: "UploadedFile[bytes]") -> str:
    """Check, clean and keep one uploaded photo; return its stored name.

    Raises PhotoProblem with a calm message for anything it will not keep.
    Nothing is left on disk when it raises.
    """
    if upload.size is None or upload.size > MAX_BYTES:
        raise PhotoProblem(TOO_LARGE)
    image = _decode(upload)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    image = ImageOps.exif_transpose(image)  # keeps the colour profile for the next step
    image = _to_srgb(image, "RGBA" if has_alpha else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A new image from the pixels alone: whatever the original carried
    # (EXIF, GPS, XMP, ICC, comments) cannot follow it into the saved file.
    clean = Image.frombytes(image.mode, image.size, image.tobytes())
    if has_alpha:  # kept transparent, as WebP
        return _write(clean, "webp", "WEBP", {"method": 4})
    return _write(clean, "jpg", "JPEG", {"optimize": True})


def delete_photo(name: str) -> None:
    """Remove a stored photo; a name that is not ours, or already gone, is ignored."""
    if name and (path := photo_path(name)):
        path.unlink(missing_ok=True)


def _decode(upload: "UploadedFile[bytes]") -> Image.Image:
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only these decoders are tried: SVG, GIF, TIFF and the rest are refused.
            image = Image.open(upload, formats=ACCEPTED)
            if image.width * image.height > MAX_PIXELS:
                raise PhotoProblem(TOO_MANY_PIXELS)
            if image.format == "JPEG":
                # Decode at a reduced scale when the photo is much larger than we keep.
                image.draft(None, (MAX_SIDE, MAX_SIDE))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoProblem(TOO_MANY_PIXELS) from None
    except UnidentifiedImageError:
        raise PhotoProblem(NOT_A_PHOTO) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise PhotoProblem(DAMAGED) from None
    return image


def _to_srgb(image: Image.Image, mode: str) -> Image.Image:
    """Bring the pixels into sRGB (so no colour profile needs keeping), in `mode`."""
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(
                image,
                source,
                ImageCms.createProfile("sRGB"),
                outputMode="RGBA" if image.mode == "RGBA" else "RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # An unreadable profile: keep the pixels as they are.
        else:
            if converted is not None:
                image = converted
    try:
        return image if image.mode == mode else image.convert(mode)
    except (OSError, ValueError):
        raise PhotoProblem(DAMAGED) from None


def _write(image: Image.Image, ext: str, fmt: str, options: dict[str, object]) -> str:
    """Save to a temporary file in the photo folder, then rename: a reader never
    sees half a file, and a failure leaves nothing behind."""
    folder = photo_dir()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.{ext}"
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".part")
    partial = Path(temporary)
    try:
        with os.fdopen(fd, "wb") as out:
            image.save(out, fmt, quality=QUALITY, **options)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(folder / name)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return name
