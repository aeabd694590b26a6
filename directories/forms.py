from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DirectoryKind
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


class WillingnessForm(forms.Form):
    """A declaration for one kind of directory: the products (for a directory of products,
    among the organization's published ones) and what the organization hopes for."""

    products = forms.ModelMultipleChoiceField(
        label=_("Products to be recommended"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only published products can be named."),
        error_messages={"required": _("Name at least one of your published products.")},
    )
    note = forms.CharField(
        label=_("What you hope for"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example the kind of partner or the chain you want to supply."),
    )

    def __init__(self, *args, kind: str, products, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if kind == DirectoryKind.PRODUCTS:
            self.fields["products"].queryset = products
        else:
            del self.fields["products"]
