"""Forms of recommendation directories: the criteria, screening, classifying, publishing."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import QualificationLevel
from catalog.forms import ChainNodesField
from catalog.selectors import chain_node_choices
from reference.forms import division_choices
from reference.models import Industry, IndustryLevel
from reference.regions import Province

from .models import DirectoryKind
from .selectors.directories import chain_node_options

REASON_LENGTH = 1000


class DirectoryForm(forms.Form):
    """A directory's title, scope and criteria (the kind only when it is created)."""

    kind = forms.ChoiceField(
        label=_("Kind of directory"),
        choices=DirectoryKind.choices,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label=_("Title"), max_length=120)
    year = forms.IntegerField(label=_("Year"), min_value=2011, max_value=2100)
    scope = forms.CharField(
        label=_("Scope"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Whom the directory is for and why."),
    )
    min_qualification = forms.ChoiceField(
        label=_("Minimum qualification"),
        choices=QualificationLevel.choices,
        initial=QualificationLevel.PROVINCIAL,
        help_text=_("A verified qualification at least this high, not expired."),
    )
    provinces = forms.MultipleChoiceField(
        label=_("Provinces"),
        choices=Province.choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Leave empty for nationwide."),
    )
    chain_nodes = ChainNodesField(
        label=_("Industrial chain nodes"),
        help_text=_("A published listing on one of these nodes (or below them)."),
    )
    industries = forms.ModelMultipleChoiceField(
        label=_("Industries (GB/T 4754 divisions)"),
        queryset=Industry.objects.filter(level=IndustryLevel.DIVISION),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    require_first_use = forms.BooleanField(
        label=_("Verified first use required"),
        required=False,
        help_text=_("Only products (or firms with a product) that passed a 先试首用 verification."),
    )
    theme = forms.CharField(
        label=_("Theme"),
        max_length=200,
        required=False,
        help_text=_("Words the candidates' listings must be relevant to, found through search."),
    )
    categories = forms.CharField(
        label=_("Categories"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line; entries are classified into them."),
    )

    def __init__(self, *args, directory=None, **kwargs) -> None:
        if directory is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": directory.title,
                    "year": directory.year,
                    "scope": directory.scope,
                    "min_qualification": directory.min_qualification,
                    "provinces": directory.provinces,
                    "chain_nodes": [node.pk for node in directory.chain_nodes.all()],
                    "industries": [industry.pk for industry in directory.industries.all()],
                    "require_first_use": directory.require_first_use,
                    "theme": directory.theme,
                    "categories": "\n".join(directory.categories),
                },
            )
        else:
            kwargs.setdefault("initial", {"year": timezone.localdate().year})
        super().__init__(*args, **kwargs)
        if directory is not None:
            del self.fields["kind"]
        self.fields["chain_nodes"].choices = chain_node_choices()
        self.fields["industries"].choices = [
            choice for choice in division_choices() if choice[0] != ""
        ]

    def clean_categories(self) -> list[str]:
        lines = self.cleaned_data["categories"].splitlines()
        return [line.strip() for line in lines if line.strip()]

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class IncludeForm(forms.Form):
    reason = forms.CharField(label=_("Note (optional)"), max_length=REASON_LENGTH, required=False)


class ExcludeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for excluding"),
        max_length=REASON_LENGTH,
        error_messages={
            "required": _("Give the reason for excluding it; it is kept with the decision.")
        },
    )


class ClassifyForm(forms.Form):
    """A chain node (the directory's, or any when it names none) and one of its categories."""

    chain_node = forms.TypedChoiceField(
        label=_("Chain node"), required=False, coerce=int, empty_value=None
    )
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, *args, directory, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chain_node"].choices = [("", "---------"), *chain_node_options(directory)]
        self.fields["category"].choices = [
            ("", "---------"),
            *((category, category) for category in directory.categories),
        ]


class PublishForm(forms.Form):
    note = forms.CharField(
        label=_("What changed (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
