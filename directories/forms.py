from django import forms
from django.utils.translation import gettext_lazy as _

from .official_lists import file_kind


class QualificationImportForm(forms.Form):
    file = forms.FileField(
        label=_("List (.csv or .xlsx)"),
        max_length=200,
        help_text=_(
            "Columns: name, unified social credit code, province, qualification level "
            "(专精特新 / 小巨人), batch, year, and optionally the expiry or review date."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if file_kind(upload.name) is None:
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."), code="file_kind")
        return upload
