"""Forms for interests and deals. The services check everything again and say what is
wrong field by field."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DealKind


class InterestForm(forms.Form):
    wants = forms.ChoiceField(label=_("What you want"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What you want of it and why, briefly. The owner sees your organization and this "
            "note; contacts are exchanged only if it accepts."
        ),
    )

    def __init__(self, *args, wants_choices=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["wants"].choices = list(wants_choices)
        if len(self.fields["wants"].choices) == 1:
            self.fields["wants"].initial = self.fields["wants"].choices[0][0]

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class DealForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of contract"), choices=DealKind.choices)
    amount = forms.DecimalField(
        label=_("Amount (10,000 yuan)"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("0 when the contract has no price."),
    )
    signed_on = forms.DateField(
        label=_("Signed on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    contract_number = forms.CharField(label=_("Contract number"), max_length=60, required=False)
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].widget.attrs["max"] = f"{timezone.localdate():%Y-%m-%d}"

    def service_data(self) -> dict:
        return dict(self.cleaned_data)
