"""Forms for recipients, targeted recommendation, the recipient's invitation and outcomes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, VerificationStatus
from catalog.forms import ChainNodesField
from catalog.selectors import chain_node_choices

from .models import Channel, DirectoryEntry, OutcomeStage, Recipient
from .services.recommendations import RECIPIENT_KINDS


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, organization) -> str:
        return f"{organization.name}（{organization.get_kind_display()}）"


class RecipientForm(forms.Form):
    """Register a recipient (with ``recipient=None``) or change one."""

    organization = OrganizationChoiceField(
        label=_("Enterprise"),
        queryset=Organization.objects.none(),
        help_text=_("Verified lead and large backbone enterprises not registered yet."),
    )
    channel = forms.ChoiceField(
        label=_("Channel"), choices=Channel.choices, widget=forms.RadioSelect
    )
    needs = forms.CharField(
        label=_("Stated needs"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What the enterprise looks for in suppliers and partners; matching reads it with "
            "the text of its open calls."
        ),
    )
    chain_nodes = ChainNodesField(label=_("Chain nodes"))

    def __init__(self, *args, recipient: Recipient | None = None, **kwargs) -> None:
        if recipient is not None:
            kwargs.setdefault(
                "initial",
                {
                    "channel": recipient.channel,
                    "needs": recipient.needs,
                    "chain_nodes": list(recipient.chain_nodes.values_list("pk", flat=True)),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["chain_nodes"].choices = chain_node_choices()
        if recipient is not None:
            del self.fields["organization"]
        else:
            self.fields["organization"].queryset = Organization.objects.filter(
                kind__in=RECIPIENT_KINDS,
                verification_status=VerificationStatus.VERIFIED,
                recipient__isnull=True,
            ).order_by("name")

    def service_data(self) -> dict:
        return {
            "channel": self.cleaned_data["channel"],
            "needs": self.cleaned_data["needs"],
            "chain_nodes": list(self.cleaned_data["chain_nodes"]),
        }


class RecommendForm(forms.Form):
    """The entries of one version to recommend to the recipient, and why they fit."""

    entries = forms.ModelMultipleChoiceField(
        label=_("Entries"),
        queryset=DirectoryEntry.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one entry to recommend.")},
    )
    note = forms.CharField(
        label=_("Why they fit"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the recipient with each entry."),
    )

    def __init__(self, *args, version=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if version is not None:
            # Every entry of the version: the service says why one not included is refused.
            self.fields["entries"].queryset = DirectoryEntry.objects.filter(version=version)


class InviteForm(forms.Form):
    call = forms.ModelChoiceField(
        label=_("Call"),
        queryset=None,
        empty_label=None,
        help_text=_("Your organization's open calls that you handle."),
    )

    def __init__(self, *args, calls, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = calls


class OutcomeForm(forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=OutcomeStage.choices)
    happened_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    amount = forms.DecimalField(
        label=_("Amount (10,000 yuan)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("Optional: the value of the trial order, purchase, contract or supply."),
    )
    note = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def service_data(self) -> dict:
        return dict(self.cleaned_data)
