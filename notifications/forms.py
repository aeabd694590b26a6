from django import forms

from .categories import CATEGORIES
from .models import NotificationPreference


class NotificationPreferencesForm(forms.Form):
    """One choice per category of notification: in the platform only, also by e-mail at
    once, or in a daily digest."""

    def __init__(self, *args, modes: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        for category in CATEGORIES:
            self.fields[category.key] = forms.ChoiceField(
                label=category.label,
                choices=NotificationPreference.Mode.choices,
                initial=modes[category.key],
                widget=forms.RadioSelect,
            )
