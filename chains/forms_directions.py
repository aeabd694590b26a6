"""Forms of 一条龙 demonstration directions: the direction, its key products and processes,
its call, a department's recommendation and an administrator's suggested pair."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import QualificationLevel
from catalog.models import IndustryChain

from .models import DemonstrationDirection, DirectionItem, ItemKind, PairSource
from .selectors import directions as selectors
from .services.directions import SUGGESTION_SOURCES

NOTE_LENGTH = 2000


class SupplierField(forms.ModelChoiceField):
    """A verified SME, its qualification in the label (little giants are listed first)."""

    def label_from_instance(self, organization) -> str:
        if organization.qualification_level == QualificationLevel.NATIONAL:
            return f"{organization.name}（★ {_('Little giant')}）"
        if organization.qualification_level == QualificationLevel.PROVINCIAL:
            return f"{organization.name}（{_('SRDI')}）"
        return organization.name


class ProductField(forms.ModelChoiceField):
    def label_from_instance(self, product) -> str:
        return f"{product.organization.name} · {product.title}"


class UserFirmField(forms.ModelChoiceField):
    def label_from_instance(self, organization) -> str:
        return f"{organization.name}（{organization.get_kind_display()}）"


class ChainNodeField(forms.ModelChoiceField):
    def label_from_instance(self, node) -> str:
        return f"{node.parent.name} › {node.name}" if node.parent_id else node.name


class DirectionForm(forms.Form):
    chain = forms.ModelChoiceField(
        label=_("Industrial chain"), queryset=IndustryChain.objects.order_by("position", "name")
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("The key product or process to demonstrate, e.g. 整车热管理系统."),
    )
    summary = forms.CharField(
        label=_("What is to be demonstrated"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Public; matching reads it to suggest suppliers."),
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, direction: DemonstrationDirection | None = None, **kwargs) -> None:
        if direction is not None:
            kwargs.setdefault(
                "initial",
                {
                    "chain": direction.chain_id,
                    "title": direction.title,
                    "summary": direction.summary,
                    "year": direction.year,
                },
            )
        else:
            kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class ItemForm(forms.Form):
    """A key product or process, on a node of the direction's chain."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ItemKind.choices, widget=forms.RadioSelect)
    name = forms.CharField(label=_("Name"), max_length=120)
    chain_node = ChainNodeField(label=_("Chain node"), queryset=None)
    description = forms.CharField(
        label=_("Requirements"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What it must achieve; matching reads it to suggest suppliers."),
    )

    def __init__(
        self,
        *args,
        direction: DemonstrationDirection,
        item: DirectionItem | None = None,
        **kwargs,
    ) -> None:
        if item is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": item.kind,
                    "name": item.name,
                    "chain_node": item.chain_node_id,
                    "description": item.description,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["chain_node"].queryset = direction.chain.nodes.select_related(
            "parent"
        ).order_by("position", "pk")

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class CallLinkForm(forms.Form):
    call = forms.ModelChoiceField(
        label=_("Demonstration call"),
        queryset=None,
        required=False,
        empty_label=_("— no call —"),
        help_text=_("The call the shortlisted suppliers are invited to."),
    )

    def __init__(self, *args, direction: DemonstrationDirection | None = None, **kwargs):
        if direction is not None:
            kwargs.setdefault("initial", {"call": direction.call_id})
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = selectors.demonstration_call_choices()


class RecommendForm(forms.Form):
    """A department's recommendation: for one key product or process, a supplier with one
    of its published products and the enterprise that will use it."""

    item = forms.ModelChoiceField(label=_("Key product or process"), queryset=None)
    supplier = SupplierField(
        label=_("Supplier"),
        queryset=None,
        help_text=_("A verified SME; little giants are listed first."),
    )
    product = ProductField(label=_("The supplier's product"), queryset=None)
    user_firm = UserFirmField(
        label=_("Application unit"),
        queryset=None,
        help_text=_("The enterprise that will use the product first (not the supplier)."),
    )
    note = forms.CharField(
        label=_("Why this pair"),
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, direction: DemonstrationDirection, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = direction.items.order_by("position", "pk")
        self.fields["item"].empty_label = None
        self.fields["supplier"].queryset = selectors.supplier_choices()
        self.fields["product"].queryset = selectors.product_choices()
        self.fields["user_firm"].queryset = selectors.user_firm_choices()

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class PairForm(forms.Form):
    """An administrator's pair from a suggestion: the supplier suggested (fixed), its
    product if known, the application unit if known, and where the suggestion came from."""

    source = forms.ChoiceField(
        choices=[
            (value, label) for value, label in PairSource.choices if value in SUGGESTION_SOURCES
        ],
        widget=forms.HiddenInput,
    )
    supplier = SupplierField(queryset=None, widget=forms.HiddenInput)
    product = ProductField(
        label=_("The supplier's product"),
        queryset=None,
        required=False,
        help_text=_("Optional; one of the supplier's published products."),
    )
    user_firm = UserFirmField(
        label=_("Application unit"),
        queryset=None,
        required=False,
        help_text=_("Optional; the enterprise that will use the product first."),
    )
    note = forms.CharField(
        label=_("Why this pair"),
        max_length=NOTE_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, supplier=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["supplier"].queryset = selectors.supplier_choices()
        products = selectors.product_choices()
        self.fields["product"].queryset = (
            products.filter(organization=supplier) if supplier is not None else products.none()
        )
        self.fields["user_firm"].queryset = selectors.user_firm_choices()

    def service_data(self) -> dict:
        return dict(self.cleaned_data)
