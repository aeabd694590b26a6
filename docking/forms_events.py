"""Forms for docking events, registrations, meeting requests and outcomes. The services
check everything again."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.forms import ChainNodesField
from catalog.selectors import chain_node_choices
from challenges.forms import DateTimeLocalField

from .models import MeetingOutcome

SLOT_FORMAT = "%Y-%m-%dT%H:%M"


class DockingEventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    theme = forms.CharField(
        label=_("Theme"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    starts_at = DateTimeLocalField(label=_("Starts at"))
    ends_at = DateTimeLocalField(label=_("Ends at"))
    registration_closes_at = DateTimeLocalField(label=_("Registration closes at"))
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    online_url = forms.URLField(
        label=_("Online link"), max_length=300, required=False, assume_scheme="https"
    )
    slot_minutes = forms.IntegerField(
        label=_("Minutes per meeting"), min_value=5, max_value=240, initial=20
    )
    chain_nodes = ChainNodesField(label=_("Industrial chain nodes"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chain_nodes"].choices = chain_node_choices()

    @classmethod
    def initial_of(cls, event) -> dict:
        values = {
            name: getattr(event, name)
            for name in (
                "title",
                "theme",
                "place",
                "online_url",
                "slot_minutes",
            )
        }
        for name in ("starts_at", "ends_at", "registration_closes_at"):
            values[name] = timezone.localtime(getattr(event, name))
        values["chain_nodes"] = list(event.chain_nodes.values_list("pk", flat=True))
        return values

    def service_data(self) -> tuple[dict, list]:
        data = dict(self.cleaned_data)
        return data, list(data.pop("chain_nodes"))


class RegistrationForm(forms.Form):
    results = forms.ModelMultipleChoiceField(
        label=_("Research results you bring"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    products = forms.ModelMultipleChoiceField(
        label=_("Products you bring"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    demands = forms.ModelMultipleChoiceField(
        label=_("R&D demands you bring"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you look for at the event, briefly."),
    )

    def __init__(self, *args, results, products, demands, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["results"].queryset = results
        self.fields["products"].queryset = products
        self.fields["demands"].queryset = demands

    def service_data(self) -> dict:
        return dict(self.cleaned_data)


class MeetingRequestForm(forms.Form):
    invitee = forms.TypedChoiceField(label=_("With"), coerce=int)
    starts_at = forms.ChoiceField(label=_("Slot"))
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, invitees=(), slots=(), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["invitee"].choices = [(r.pk, r.organization.name) for r in invitees]
        self.fields["starts_at"].choices = [
            (slot_value(slot), f"{timezone.localtime(slot):%m-%d %H:%M}") for slot in slots
        ]
        self._slots = {slot_value(slot): slot for slot in slots}

    def clean_starts_at(self):
        return self._slots[self.cleaned_data["starts_at"]]


def slot_value(slot) -> str:
    return timezone.localtime(slot).strftime(SLOT_FORMAT)


class MeetingOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=MeetingOutcome.choices)
    note = forms.CharField(
        label=_("What was agreed"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
