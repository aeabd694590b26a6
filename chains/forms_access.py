"""Forms for access requests to open resources and for applications to supplier pools and
innovation-chain projects. Dates and products are checked again by the services, which say
what is wrong field by field."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Product

from .services.suppliers import AUDIT_CHECKS


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AccessRequestForm(forms.Form):
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you will test, measure or study, and what you need from the owner."),
    )
    start_date = forms.DateField(label=_("From"), widget=_date_input())
    end_date = forms.DateField(label=_("Until"), widget=_date_input())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        today = f"{timezone.localdate():%Y-%m-%d}"
        self.fields["start_date"].widget.attrs["min"] = today
        self.fields["end_date"].widget.attrs["min"] = today

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ProposeDatesForm(forms.Form):
    proposed_start = forms.DateField(label=_("From"), widget=_date_input())
    proposed_end = forms.DateField(label=_("Until"), widget=_date_input())
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Why these dates; the requester sees it."),
    )

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ProductChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, product) -> str:
        return product.title


class SupplierApplicationForm(forms.Form):
    statement = forms.CharField(
        label=_("What you offer"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Your capacity, customers, certifications and why you fit this pool or project."
        ),
    )
    products = ProductChoiceField(
        label=_("Products offered"),
        queryset=Product.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Your published products; the lead audits them."),
    )

    def __init__(self, *args, products=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if products is not None:
            self.fields["products"].queryset = products

    def service_data(self) -> dict:
        return {
            "statement": self.cleaned_data["statement"],
            "products": list(self.cleaned_data["products"]),
        }


class AuditForm(forms.Form):
    """What the lead checked, and its note (the reason when it does not admit)."""

    checks = forms.MultipleChoiceField(
        label=_("Checked"),
        choices=list(AUDIT_CHECKS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Audit note"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to not admit: the applicant sees it and knows what to improve."),
    )
