"""The form field every image upload goes through."""

from __future__ import annotations

import uuid

from django import forms
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile

from .documents import CheckedDocument, DocumentRejected, check_document
from .images import ImageRejected, ProcessedImage, process_image


class ImageUploadField(forms.FileField):
    """A file field whose cleaned value is a ``ProcessedImage`` (or None when left empty)."""

    widget = forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        try:
            upload.seek(0)
            return process_image(upload)
        except ImageRejected as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from exc

    def has_changed(self, initial, data) -> bool:
        return data is not None and not self.disabled


def store_image(
    image_file: FieldFile, thumbnail_file: FieldFile, processed: ProcessedImage
) -> None:
    """Save ``processed`` and its thumbnail into two file fields under a fresh random name.

    The user's file name is never used: the stored name is a UUID with the extension of the
    re-encoded format. The model is not saved; the caller does that.
    """
    stem = uuid.uuid4().hex
    image_file.save(f"{stem}.{processed.extension}", ContentFile(processed.content), save=False)
    thumbnail_file.save(
        f"{stem}_thumb.{processed.extension}", ContentFile(processed.thumbnail), save=False
    )


class DocumentUploadField(forms.FileField):
    """A file field whose cleaned value is a ``CheckedDocument`` (or None when left empty)."""

    widget = forms.FileInput(attrs={"accept": ".pdf,.docx,.xlsx,.pptx,.jpg,.jpeg,.png,.webp"})

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        try:
            upload.seek(0)
            return check_document(upload, upload.name)
        except DocumentRejected as exc:
            raise forms.ValidationError(exc.message, code=exc.code) from exc


def store_document(file_field: FieldFile, document: CheckedDocument) -> None:
    """Save a checked document into a file field under a fresh random name (not saved)."""
    file_field.save(
        f"{uuid.uuid4().hex}{document.extension}", ContentFile(document.content), save=False
    )
