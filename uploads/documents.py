"""Check an uploaded document by its content, not by the name the user gave it.

Accepted: PDF, the Office Open XML formats (Word, Excel, PowerPoint) and the image formats
of ``uploads.images`` (re-encoded there). Anything else, or a file whose bytes do not match
its extension, is refused with a message the user can act on.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .images import ImageRejected, process_image

OOXML = {
    ".docx": ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pptx": ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
IMAGE_EXTENSIONS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
# Zip bombs: refuse archives that inflate far beyond any real office document.
MAX_UNCOMPRESSED_RATIO = 100
MAX_ZIP_ENTRIES = 5000


class DocumentRejected(ValueError):
    def __init__(self, message, code: str) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code


@dataclass(frozen=True)
class CheckedDocument:
    """A document ready to store: its bytes, a safe extension and the user's file name."""

    content: bytes
    extension: str
    content_type: str
    original_name: str


def check_document(source: BinaryIO, name: str, *, max_bytes: int | None = None) -> CheckedDocument:
    """Return the document if its content matches an accepted type; raise DocumentRejected."""
    max_bytes = max_bytes or settings.DOCUMENT_MAX_BYTES
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentRejected(
            _("The file is larger than %(limit)d MB.")
            % {"limit": max(1, max_bytes // (1024 * 1024))},
            code="too_large",
        )
    if not data:
        raise DocumentRejected(_("The file is empty."), code="empty")
    original = shorten_name(name)
    extension = PurePath(original).suffix.lower()

    if extension == ".pdf":
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
            raise _mismatch()
        return CheckedDocument(data, ".pdf", "application/pdf", original)
    if extension in OOXML:
        folder, content_type = OOXML[extension]
        _check_ooxml(data, folder)
        return CheckedDocument(data, extension, content_type, original)
    if extension in IMAGE_EXTENSIONS:
        try:
            image = process_image(io.BytesIO(data), max_bytes=max_bytes)
        except ImageRejected as exc:
            raise DocumentRejected(exc.message, code=exc.code) from exc
        return CheckedDocument(image.content, "." + image.extension, image.content_type, original)
    raise DocumentRejected(
        _("Upload a PDF, Word, Excel, PowerPoint, JPEG, PNG or WebP file."), code="type"
    )


MAX_NAME_LENGTH = 150


def shorten_name(name: str, limit: int = MAX_NAME_LENGTH) -> str:
    """Return the file's own name (no folders), cut to ``limit`` characters.

    The end of the stem goes, never the extension: the type is read from it.
    """
    original = PurePath(name or "document").name or "document"
    if len(original) <= limit:
        return original
    suffix = PurePath(original).suffix
    suffix = suffix if len(suffix) <= 16 else ""
    return original[: limit - len(suffix)] + suffix


def _mismatch() -> DocumentRejected:
    return DocumentRejected(
        _("The file's content does not match its type; it may be damaged or renamed."),
        code="mismatch",
    )


def _check_ooxml(data: bytes, folder: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            inflated = sum(entry.file_size for entry in entries)
    except zipfile.BadZipFile as exc:
        raise _mismatch() from exc
    if "[Content_Types].xml" not in names or not any(n.startswith(folder) for n in names):
        raise _mismatch()
    if len(entries) > MAX_ZIP_ENTRIES or inflated > MAX_UNCOMPRESSED_RATIO * len(data):
        raise DocumentRejected(_("The file expands to an implausible size."), code="zip_bomb")
