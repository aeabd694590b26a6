"""Forms of the chain map's editing pages: a chain, and a node with its GB/T 4754 codes."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import ChainNode, IndustryChain, Stage

from .selectors.chains import chain_node_options

# Codes are separated by spaces, commas (half or full width), 、 or semicolons.
CODE_SEPARATORS = re.compile(r"[\s,，、;；]+")


def parse_codes(text: str) -> list[str]:
    """Return the codes written in ``text``, in order, each once."""
    codes: list[str] = []
    for code in CODE_SEPARATORS.split(text or ""):
        code = code.strip().upper()
        if code and code not in codes:
            codes.append(code)
    return codes


class ChainForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=60)
    slug = forms.SlugField(
        label=_("Slug"),
        max_length=50,
        help_text=_("Letters, digits and hyphens; the chain's address, e.g. ic for 集成电路."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=32767,
        initial=0,
        help_text=_("Chains are listed by this number, then by name."),
    )

    def __init__(self, *args, chain: IndustryChain | None = None, **kwargs) -> None:
        if chain is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": chain.name,
                    "slug": chain.slug,
                    "description": chain.description,
                    "position": chain.position,
                },
            )
        super().__init__(*args, **kwargs)

    def service_data(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ("name", "slug", "description", "position")
        }


class NodeForm(forms.Form):
    """Add a node to ``chain`` (``node`` None) or change ``node``."""

    name = forms.CharField(label=_("Name"), max_length=60)
    key = forms.SlugField(
        label=_("Key"),
        max_length=60,
        help_text=_("Letters, digits and hyphens, unique in the chain; the node's address."),
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    parent = forms.TypedChoiceField(
        label=_("Parent node"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Empty for a top-level node. A sub-node sits in its parent's stage."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=32767,
        initial=0,
        help_text=_("Nodes of the same parent are shown by this number."),
    )
    industries = forms.CharField(
        label=_("GB/T 4754 codes"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "The industries of GB/T 4754-2017 the node covers, separated by spaces or commas: "
            "a section letter or a 2-, 3- or 4-digit code, e.g. 3973 3985."
        ),
    )

    def __init__(
        self, *args, chain: IndustryChain, node: ChainNode | None = None, **kwargs
    ) -> None:
        if node is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": node.name,
                    "key": node.key,
                    "stage": node.stage,
                    "parent": node.parent_id,
                    "description": node.description,
                    "position": node.position,
                    "industries": " ".join(node.industries.values_list("code", flat=True)),
                },
            )
        super().__init__(*args, **kwargs)
        self.chain = chain
        # Every node of the chain but the node itself; the service refuses its sub-nodes
        # with a message saying why.
        self.fields["parent"].choices = [
            ("", "---------"),
            *chain_node_options(chain, exclude=node),
        ]

    def clean_industries(self) -> list[str]:
        return parse_codes(self.cleaned_data["industries"])

    def service_data(self) -> dict:
        data = self.cleaned_data
        parent_id = data["parent"]
        return {
            "name": data["name"],
            "key": data["key"],
            "stage": data["stage"],
            "parent": self.chain.nodes.get(pk=parent_id) if parent_id else None,
            "description": data["description"],
            "position": data["position"],
            "industries": data["industries"],
        }
