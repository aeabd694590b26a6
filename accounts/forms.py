"""Forms for signing up, registering organizations, qualifications and experts."""

from __future__ import annotations

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm, SetPasswordMixin
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reference.forms import IndustryFormMixin
from uploads.fields import ImageUploadField

from . import selectors, services
from .models import Expert, Organization, Qualification, User
from .validators import normalise_code


class SignUpForm(SetPasswordMixin, forms.Form):
    """Sign-up details. A plain form, not a ModelForm: validating the model's constraints
    here would say whether the e-mail address already has an account."""

    username = User._meta.get_field("username").formfield(label=_("Login name"))
    name = User._meta.get_field("name").formfield()
    email = forms.EmailField(
        label=_("email address"),
        max_length=254,
        help_text=_("We send a link to this address to activate the account."),
    )
    phone = User._meta.get_field("phone").formfield()
    password1, password2 = SetPasswordMixin.create_password_fields()

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict:
        cleaned_data = super().clean()
        self.validate_passwords()
        candidate = User(
            username=cleaned_data.get("username", ""),
            email=cleaned_data.get("email", ""),
            name=cleaned_data.get("name", ""),
        )
        self.validate_password_for_user(candidate)
        return cleaned_data


class LoginForm(AuthenticationForm):
    """Django's login form, which also recognises an account awaiting activation.

    Only when the password is right does it say that the account still needs activating,
    so a wrong password tells nothing more than for any other account.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "awaiting_activation": _(
            "This account is not activated yet. We have e-mailed the activation link to "
            "you again: follow it to finish signing up."
        ),
    }

    user_awaiting_activation: User | None = None

    def clean(self) -> dict:
        try:
            return super().clean()
        except ValidationError as error:
            if error.code != "invalid_login" or getattr(self.request, "axes_locked_out", False):
                raise
            user = selectors.user_awaiting_activation(
                username=self.cleaned_data.get("username") or ""
            )
            password = self.cleaned_data.get("password") or ""
            if user is None or not check_password(password, user.password):
                raise
            self.user_awaiting_activation = user
            raise ValidationError(
                self.error_messages["awaiting_activation"], code="awaiting_activation"
            ) from error


class ActivationForm(forms.Form):
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
        help_text=_("The password you chose when signing up."),
    )


class PasswordSetForm(SetPasswordForm):
    """Django's set-password form (reset by e-mail), saving through the service."""

    def save(self, commit: bool = True) -> User:
        return services.user_password_set(
            user=self.user, password=self.cleaned_data["new_password1"]
        )


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's change-password form (old password first), saving through the service."""

    def save(self, commit: bool = True) -> User:
        return services.user_password_set(
            user=self.user, password=self.cleaned_data["new_password1"]
        )


class OrganizationForm(IndustryFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("website"), required=False, assume_scheme="https", max_length=200
    )
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
