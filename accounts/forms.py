"""Forms for signing up, registering organizations, qualifications and experts."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reference.forms import IndustryFormMixin
from uploads.fields import ImageUploadField

from .models import Expert, Organization, Qualification, User
from .validators import normalise_code


class SignUpForm(UserCreationForm):
    class Meta:
        model = User
        fields = ("username", "name", "email", "phone")
        labels = {"username": _("Login name")}

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email address already exists."))
        return email


class OrganizationForm(IndustryFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    logo_upload = ImageUploadField(
        label=_("Logo"), required=False, help_text=_("JPEG, PNG or WebP, at most 8 MB.")
    )

    class Meta:
        model = Organization
        fields = (
            "kind",
            "name",
            "credit_code",
            "province",
            "city",
            "description",
            "website",
            "contact_name",
            "contact_phone",
            "contact_email",
            "match_notifications",
        )
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    field_order = [
        "kind",
        "name",
        "credit_code",
        "province",
        "city",
        "industry_division",
        "industry_class",
        "description",
        "logo_upload",
    ]

    def clean_credit_code(self) -> str:
        return normalise_code(self.cleaned_data.get("credit_code", ""))

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["industry"] = self.cleaned_data.get("industry")
        return data


class JoinOrganizationForm(forms.Form):
    query = forms.CharField(
        label=_("Organization name or credit code"),
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. 苏州 or 91320500…")}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown to the organization so it knows what to correct."),
    )


class QualificationForm(forms.ModelForm):
    certificate_upload = ImageUploadField(
        label=_("Certificate (photo or scan)"), help_text=_("JPEG, PNG or WebP, at most 8 MB.")
    )

    class Meta:
        model = Qualification
        fields = ("level", "batch", "year", "issuer")

    def clean_year(self) -> int:
        year = self.cleaned_data["year"]
        if year > timezone.now().year:
            raise forms.ValidationError(_("The year cannot be in the future."))
        return year


class ExpertProfileForm(forms.ModelForm):
    class Meta:
        model = Expert
        fields = ("title", "affiliation", "expertise", "bio")
        widgets = {"bio": forms.Textarea(attrs={"rows": 4})}
