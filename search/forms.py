"""Forms of the search app's pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SavedSearch


class SavedSearchNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=SavedSearch._meta.get_field("name").max_length
    )
