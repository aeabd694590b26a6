"""Forms of the innovation-centre registry: a centre's entry, and adding a member by its
unified social credit code."""

from __future__ import annotations

from django import forms
from django.core import validators
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, VerificationStatus
from accounts.validators import normalise_code
from catalog.forms import ChainNodesField
from catalog.selectors import chain_node_choices
from reference.regions import Province

from .models import InnovationCentre, MemberRole
from .services import CENTRE_FIELDS


class OrganizationCodeField(forms.Field):
    """A verified organization found by its credit code (or exact name): the text's length
    is checked first, then it is looked up, so ``clean`` returns an ``Organization``."""

    widget = forms.TextInput
    default_error_messages = {
        "not_found": _("No verified organization has this credit code or exact name."),
    }

    def __init__(self, *, max_length: int = 120, **kwargs) -> None:
        self.max_length = max_length
        super().__init__(**kwargs)
        self.validators.append(validators.MaxLengthValidator(max_length))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["maxlength"] = str(self.max_length)
        return attrs

    def to_python(self, value) -> str:
        if isinstance(value, Organization):
            return value.name
        return "" if value in self.empty_values else str(value).strip()

    def prepare_value(self, value):
        return value.name if isinstance(value, Organization) else value

    def clean(self, value) -> Organization | None:
        text = super().clean(value)
        if not text:
            return None
        verified = Organization.objects.filter(verification_status=VerificationStatus.VERIFIED)
        organization = (
            verified.filter(credit_code=normalise_code(text)).first()
            or verified.filter(name=text).first()
        )
        if organization is None:
            raise forms.ValidationError(self.error_messages["not_found"], code="not_found")
        return organization


class CentreForm(forms.ModelForm):
    province = forms.ChoiceField(
        label=_("Province"), choices=[("", "—"), *Province.choices], required=False
    )
    operator = OrganizationCodeField(
        label=_("Operating company"),
        required=False,
        help_text=_("Its unified social credit code or exact name; its members manage members."),
    )
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    chain_nodes = ChainNodesField(label=_("Industrial chain nodes"))

    class Meta:
        model = InnovationCentre
        fields = (*CENTRE_FIELDS, "chain_nodes")
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chain_nodes"].choices = chain_node_choices()
        self.fields["name"].widget.attrs["maxlength"] = 120
        self.fields["description"].widget.attrs["maxlength"] = 4000
        if self.instance.operator_id:
            self.initial["operator"] = self.instance.operator.name

    def _post_clean(self) -> None:
        """The service validates the centre; the form only parses the input."""

    def service_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in (*CENTRE_FIELDS, "chain_nodes")}


class MemberAddForm(forms.Form):
    organization = OrganizationCodeField(
        label=_("Organization"), help_text=_("Its unified social credit code or exact name.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)
    joined_on = forms.DateField(
        label=_("Joined on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
