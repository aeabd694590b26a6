"""Forms of the platform registry, bookings, first-use evidence and catalogue entries."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, VerificationStatus
from catalog.forms import ChainNodesField
from catalog.models import CatalogueEntry, CatalogueKind
from catalog.selectors import chain_node_choices
from challenges.models import EvidenceKind
from reference.regions import Province
from uploads.fields import DocumentUploadField

from .models import VerificationPlatform

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, organization) -> str:
        return f"{organization.name}（{organization.get_kind_display()}）"


class PlatformForm(forms.Form):
    """Register a platform, or change one (``platform`` given)."""

    owner = OrganizationChoiceField(
        label=_("Owner"),
        queryset=Organization.objects.none(),
        help_text=_(
            "The verified organization that runs the platform; its members answer bookings."
        ),
    )
    name = forms.CharField(label=_("Name"), max_length=120)
    capabilities = forms.CharField(
        label=_("Capabilities"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What it can test and verify: equipment, conditions, standards, throughput."),
    )
    capacity = forms.IntegerField(
        label=_("Projects at a time"),
        min_value=1,
        max_value=999,
        initial=1,
        help_text=_("How many verification projects it hosts on the same day."),
    )
    province = forms.ChoiceField(label=_("Province"), choices=Province.choices)
    city = forms.CharField(label=_("City"), max_length=50, required=False)
    website = forms.URLField(
        label=_("Website"), max_length=200, required=False, assume_scheme="https"
    )
    chain_nodes = ChainNodesField(label=_("Chain nodes"))

    def __init__(self, *args, platform: VerificationPlatform | None = None, **kwargs) -> None:
        if platform is not None:
            kwargs.setdefault(
                "initial",
                {
                    "owner": platform.owner_id,
                    "name": platform.name,
                    "capabilities": platform.capabilities,
                    "capacity": platform.capacity,
                    "province": platform.province,
                    "city": platform.city,
                    "website": platform.website,
                    "chain_nodes": list(platform.chain_nodes.values_list("pk", flat=True)),
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["chain_nodes"].choices = chain_node_choices()
        self.fields["owner"].queryset = Organization.objects.filter(
            verification_status=VerificationStatus.VERIFIED
        ).order_by("name")

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "owner": data["owner"],
            "name": data["name"],
            "capabilities": data["capabilities"],
            "capacity": data["capacity"],
            "province": data["province"],
            "city": data["city"],
            "website": data["website"],
            "chain_nodes": list(data["chain_nodes"]),
        }


class CallChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, call) -> str:
        return f"{call.title}（{call.get_status_display()}）"


class PlatformChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, platform) -> str:
        return f"{platform.name}（{platform.owner.name}）"


class BookingForm(forms.Form):
    """Book a platform for one of the verification projects the user handles."""

    call = CallChoiceField(
        label=_("Verification project"),
        queryset=None,
        empty_label=None,
        help_text=_("The verification projects you handle, from publication until they finish."),
    )
    platform = PlatformChoiceField(label=_("Platform"), queryset=None, empty_label=None)
    start_date = forms.DateField(label=_("From"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("Until (included)"), widget=DATE_WIDGET)
    purpose = forms.CharField(
        label=_("What will be verified"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The product, the tests and what the project needs from the platform."),
    )

    def __init__(self, *args, calls=None, platforms=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if calls is not None:
            self.fields["call"].queryset = calls
        if platforms is not None:
            self.fields["platform"].queryset = platforms


class EvidenceForm(forms.Form):
    """A document of a verification project (先试首用) with its file."""

    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceKind.choices)
    title = forms.CharField(label=_("Title"), max_length=150)
    issued_by = forms.CharField(
        label=_("Issued by"),
        max_length=120,
        help_text=_(
            "The parties to an agreement or contract; for a test report, the testing body."
        ),
    )
    issued_on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    reference = forms.CharField(label=_("Number"), max_length=60, required=False)
    amount = forms.DecimalField(
        label=_("Amount (10,000 yuan)"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("For the first purchase or contract only."),
    )
    file = DocumentUploadField(
        label=_("File"), help_text=_("PDF, Office documents or images, at most 20 MB.")
    )

    def __init__(self, *args, kinds=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [
                (value, label) for value, label in EvidenceKind.choices if value in kinds
            ]

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "title": data["title"],
            "issued_by": data["issued_by"],
            "issued_on": data["issued_on"],
            "reference": data["reference"],
            "amount": data["amount"],
            "document": data["file"],
        }


class CatalogueEntryForm(forms.Form):
    """A product's entry in a first-set, first-batch or first-version catalogue."""

    kind = forms.ChoiceField(label=_("Catalogue"), choices=CatalogueKind.choices)
    catalogue = forms.CharField(
        label=_("Catalogue name"),
        max_length=CatalogueEntry._meta.get_field("catalogue").max_length,
        help_text=_("For example 2025年版首台（套）重大技术装备推广应用指导目录."),
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    entry_number = forms.CharField(label=_("Entry number"), max_length=40, required=False)
    issuer = forms.CharField(label=_("Issued by"), max_length=100)
    url = forms.URLField(label=_("Link"), max_length=200, required=False, assume_scheme="https")

    def service_data(self) -> dict:
        return dict(self.cleaned_data)
