"""Turn an uploaded file into a clean, re-encoded image and its thumbnail, or refuse it.

Pillow alone is not a guard: ``Image.MAX_IMAGE_PIXELS`` only warns below twice its value,
and Django's ``ImageField`` only calls ``verify()``, which does not decode pixel data. So:

1. refuse files over a byte limit before decoding anything;
2. open with the three accepted decoders only (JPEG, PNG, WebP), turning Pillow's
   decompression-bomb warning into an error, and check the declared pixel count against our
   own limit (well below Pillow's) before any pixel is decoded;
3. ``verify()``, then reopen and ``load()`` so truncated or corrupt data fails here;
4. copy the pixels into a fresh image (no EXIF, ICC, comments or trailing bytes survive),
   apply the EXIF orientation first so photos stay upright, and encode it anew.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class ImageRejected(ValueError):
    """The upload is not an image the platform accepts; ``message`` says why, for the user."""

    def __init__(self, message, code: str) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code


@dataclass(frozen=True)
class ProcessedImage:
    """A re-encoded image and its thumbnail, ready to be stored under a generated name."""

    content: bytes
    thumbnail: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.format]


def process_image(
    source: BinaryIO,
    *,
    max_bytes: int | None = None,
    max_pixels: int | None = None,
    thumbnail_size: tuple[int, int] | None = None,
) -> ProcessedImage:
    """Validate ``source`` and return it re-encoded with a thumbnail; raise ``ImageRejected``."""
    max_bytes = max_bytes or settings.IMAGE_MAX_BYTES
    max_pixels = max_pixels or settings.IMAGE_MAX_PIXELS
    thumbnail_size = thumbnail_size or settings.IMAGE_THUMBNAIL_SIZE

    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImageRejected(
            _("The file is larger than %(limit)d MB.")
            % {"limit": max(1, max_bytes // (1024 * 1024))},
            code="too_large",
        )
    if not data:
        raise ImageRejected(_("The file is empty."), code="empty")

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = _decode(data, max_pixels)
        except ImageRejected:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise _too_many_pixels(max_pixels) from exc
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ImageRejected(
                _("The file is not a readable JPEG, PNG or WebP image (it may be damaged)."),
                code="unreadable",
            ) from exc

    image_format, clean = picture
    content = _encode(clean, image_format)
    thumb = clean.copy()
    thumb.thumbnail(thumbnail_size, Image.Resampling.LANCZOS)
    return ProcessedImage(
        content=content,
        thumbnail=_encode(thumb, image_format),
        format=image_format,
        width=clean.width,
        height=clean.height,
    )


def _too_many_pixels(max_pixels: int) -> ImageRejected:
    return ImageRejected(
        _("The image has too many pixels (at most %(limit)d million allowed).")
        % {"limit": max_pixels // 1_000_000},
        code="too_many_pixels",
    )


def _decode(data: bytes, max_pixels: int) -> tuple[str, Image.Image]:
    """Return the format and a fresh, metadata-free copy of the first frame."""
    with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as probe:
        width, height = probe.size
        if width < 1 or height < 1:
            raise ImageRejected(_("The image has no pixels."), code="unreadable")
        if width * height > max_pixels:
            raise _too_many_pixels(max_pixels)
        image_format = probe.format
        probe.verify()

    with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as picture:
        picture.seek(0)
        picture.load()
        upright = ImageOps.exif_transpose(picture)

    mode = _target_mode(upright, image_format)
    if upright.mode != mode:
        upright = upright.convert(mode)
    # A new image from raw pixels carries no info dict: EXIF, ICC profile, text chunks and
    # JPEG comments stay behind, and so does anything appended after the image data.
    fresh = Image.frombytes(mode, upright.size, upright.tobytes())
    return image_format, fresh


def _target_mode(picture: Image.Image, image_format: str) -> str:
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    if image_format == "JPEG":
        return "L" if picture.mode == "L" else "RGB"
    return "RGBA" if has_alpha else "RGB"


def _encode(picture: Image.Image, image_format: str) -> bytes:
    buffer = io.BytesIO()
    if image_format == "JPEG":
        picture.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    elif image_format == "PNG":
        picture.save(buffer, "PNG", optimize=True)
    else:
        picture.save(buffer, "WEBP", quality=85, method=4)
    return buffer.getvalue()
