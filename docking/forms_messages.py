"""The form of a message in a handshake's conversation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from uploads.fields import DocumentUploadField

from .services.conversations import MESSAGE_MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    attachment = DocumentUploadField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("PDF, Office documents or images, at most 20 MB. Only the two sides see it."),
    )

    def service_data(self) -> dict:
        return {"body": self.cleaned_data["body"], "document": self.cleaned_data["attachment"]}
