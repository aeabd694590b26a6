"""Forms of collection campaigns: the campaign, its recommending units, a submission,
screening decisions and the list's filter. The services check everything again."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.forms import ChainNodesField
from catalog.selectors import chain_node_choices
from challenges.forms import DateTimeLocalField

from .models import CampaignKind, CampaignStatus

NOTE_LIMIT = 2000
# Rows of the units form beyond the units already named.
SPARE_UNIT_ROWS = 3
MAX_UNIT_ROWS = 50


class CampaignFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is collected"),
        choices=[("", _("Any")), *CampaignKind.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any")), *CampaignStatus.choices], required=False
    )

    def values(self) -> dict:
        if not self.is_valid():
            return {"kind": "", "status": ""}
        return {"kind": self.cleaned_data["kind"], "status": self.cleaned_data["status"]}


class CampaignForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is collected"), choices=CampaignKind.choices)
    title = forms.CharField(label=_("Title"), max_length=150)
    theme = forms.CharField(label=_("Theme"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=10000, widget=forms.Textarea(attrs={"rows": 6})
    )
    chain_nodes = ChainNodesField(label=_("Industrial chain nodes"))
    deadline = DateTimeLocalField(label=_("Submission deadline"))
    call_deadline = DateTimeLocalField(
        label=_("Application deadline of the published calls"),
        required=False,
        help_text=_("For problems and demands; after the submission deadline. Beijing time."),
    )
    requires_nomination = forms.BooleanField(
        label=_("Applications to the calls are nominated by recommending units"), required=False
    )

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chain_nodes"].choices = chain_node_choices()
        if editing:
            del self.fields["kind"]

    @staticmethod
    def initial_of(campaign) -> dict:
        values = {
            name: getattr(campaign, name)
            for name in ("title", "theme", "description", "requires_nomination")
        }
        values["deadline"] = timezone.localtime(campaign.deadline)
        if campaign.call_deadline:
            values["call_deadline"] = timezone.localtime(campaign.call_deadline)
        values["chain_nodes"] = list(campaign.chain_nodes.values_list("pk", flat=True))
        return values

    def service_data(self) -> tuple[dict, list]:
        data = dict(self.cleaned_data)
        data.pop("kind", None)
        return data, list(data.pop("chain_nodes"))


class UnitsForm(forms.Form):
    """Rows of (recommending unit, quota per call); an empty unit drops the row."""

    def __init__(self, *args, units, current=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        current = list(current)
        self.rows = min(len(current) + SPARE_UNIT_ROWS, MAX_UNIT_ROWS)
        for index in range(self.rows):
            self.fields[f"unit_{index}"] = forms.ModelChoiceField(
                label=_("Recommending unit"), queryset=units, required=False
            )
            self.fields[f"quota_{index}"] = forms.IntegerField(
                label=_("Quota per call"), min_value=1, max_value=500, required=False
            )
            if index < len(current):
                self.initial[f"unit_{index}"] = current[index].unit_id
                self.initial[f"quota_{index}"] = current[index].quota

    def clean(self):
        cleaned = super().clean()
        for index in range(self.rows):
            if cleaned.get(f"unit_{index}") and not cleaned.get(f"quota_{index}"):
                self.add_error(f"quota_{index}", _("Give the unit's quota."))
        return cleaned

    def row_fields(self):
        return [(self[f"unit_{index}"], self[f"quota_{index}"]) for index in range(self.rows)]

    def service_units(self) -> list[tuple]:
        return [
            (self.cleaned_data[f"unit_{index}"], self.cleaned_data[f"quota_{index}"])
            for index in range(self.rows)
            if self.cleaned_data.get(f"unit_{index}")
        ]


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    summary = forms.CharField(
        label=_("Public summary"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    details = forms.CharField(
        label=_("Detailed description"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    indicators = forms.CharField(
        label=_("Indicators"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: indicator, target value."),
    )
    amount = forms.DecimalField(
        label=_("Award or budget (yuan)"),
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
    )
    anonymous_label = forms.CharField(
        label=_("Publish anonymously as"),
        max_length=60,
        required=False,
        help_text=_("Leave empty to publish under your name, e.g. 某新能源整车企业."),
    )
    result = forms.ModelChoiceField(label=_("Research result"), queryset=None, required=False)

    def __init__(self, *args, campaign, results, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if campaign.kind == CampaignKind.RESULTS:
            for name in ("indicators", "anonymous_label", "amount"):
                del self.fields[name]
            self.fields["result"].queryset = results
            self.fields["result"].required = True
        else:
            del self.fields["result"]

    @staticmethod
    def initial_of(submission) -> dict:
        return {
            "title": submission.title,
            "summary": submission.summary,
            "details": submission.details,
            "indicators": submission.indicators,
            "amount": submission.amount,
            "anonymous_label": submission.anonymous_label,
            "result": submission.result_id,
        }

    def service_data(self) -> tuple[dict, object]:
        data = dict(self.cleaned_data)
        return data, data.pop("result", None)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=NOTE_LIMIT, required=False)


class MergeForm(forms.Form):
    target = forms.TypedChoiceField(label=_("Merge into"), coerce=int)
    reason = forms.CharField(label=_("Reason"), max_length=NOTE_LIMIT, required=False)

    def __init__(self, *args, targets=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.targets = {target.pk: target for target in targets}
        self.fields["target"].choices = [(pk, t.title) for pk, t in self.targets.items()]

    def clean_target(self):
        return self.targets[self.cleaned_data["target"]]
