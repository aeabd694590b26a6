"""Form fields for picking a GB/T 4754 industry: a division, then (optionally) a class."""

from __future__ import annotations

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Industry, IndustryLevel


def division_choices() -> list:
    """Return the 97 divisions (大类) grouped by section (门类), for a select box."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for division in Industry.objects.filter(level=IndustryLevel.DIVISION).select_related("section"):
        groups.setdefault(str(division.section), []).append((division.code, str(division)))
    return [("", "---------"), *groups.items()]


class IndustryFormMixin(forms.Form):
    """Adds ``industry_division`` and ``industry_class``; ``cleaned_data['industry']`` is the
    most specific of the two (or None)."""

    industry_division = forms.ModelChoiceField(
        label=_("Industry (GB/T 4754 division)"),
        queryset=Industry.objects.filter(level=IndustryLevel.DIVISION),
        required=False,
    )
    industry_class = forms.ModelChoiceField(
        label=_("Industry class"),
        queryset=Industry.objects.filter(level=IndustryLevel.CLASS),
        required=False,
        help_text=_("Optional: the most specific class (小类) that fits."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        current = self._current_industry()
        if current is not None and not self.is_bound:
            if current.level == IndustryLevel.CLASS:
                self.initial["industry_class"] = current.code
                self.initial["industry_division"] = current.code[:2]
            elif current.level >= IndustryLevel.DIVISION:
                self.initial["industry_division"] = current.code[:2]
        division = self.data.get(self.add_prefix("industry_division")) or self.initial.get(
            "industry_division"
        )
        self.fields["industry_division"].choices = division_choices()
        field = self.fields["industry_class"]
        field.choices = [("", "---------")] + [
            (industry.code, str(industry)) for industry in classes_of(division)
        ]
        self.fields["industry_division"].widget.attrs.update(
            {
                "hx-get": reverse_lazy("reference:industry_class_options"),
                "hx-target": f"#{self['industry_class'].auto_id}",
                "hx-trigger": "change",
                "hx-swap": "innerHTML",
            }
        )

    def _current_industry(self) -> Industry | None:
        instance = getattr(self, "instance", None)
        if instance is not None and getattr(instance, "industry_id", None):
            return instance.industry
        return None

    def clean(self):
        cleaned = super().clean()
        division = cleaned.get("industry_division")
        industry_class = cleaned.get("industry_class")
        if industry_class and division and not industry_class.code.startswith(division.code):
            self.add_error(
                "industry_class", _("This class does not belong to the chosen division.")
            )
        cleaned["industry"] = industry_class or division
        return cleaned


def classes_of(division_code: str | None):
    """Return the classes (小类) under a division code, or nothing for an unknown code."""
    if not division_code or len(division_code) != 2 or not division_code.isdigit():
        return Industry.objects.none()
    return Industry.objects.filter(level=IndustryLevel.CLASS, code__startswith=division_code)
