"""Forms for catalog listings: products, research results and open resources."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from reference.forms import IndustryFormMixin
from reference.text import split_terms
from uploads.fields import ImageUploadField

from .models import (
    ChainNode,
    Maturity,
    OpenResource,
    PatentKind,
    Product,
    ResearchResult,
    ResourceKind,
    TransferMode,
)
from .selectors import chain_node_choices

MAX_KEYWORDS = 12

_PATENT_KIND_WORDS = {
    PatentKind.INVENTION: ("invention", "发明", "发明专利"),
    PatentKind.UTILITY: ("utility", "实用新型", "实用新型专利"),
    PatentKind.DESIGN: ("design", "外观", "外观设计", "外观设计专利"),
    PatentKind.SOFTWARE: ("software", "软著", "软件著作权", "计算机软件著作权"),
}
_PATENT_KIND_BY_WORD = {
    word.lower(): kind for kind, words in _PATENT_KIND_WORDS.items() for word in words
}
_PAIR_LINE = re.compile(r"^([^:：]+)[:：](.+)$")
_PATENT_NUMBER = re.compile(r"^(ZL\d{12}\.[\dX]|CN\d{9}[A-Z]|\d{4}SR\d{6,8})$")


class KeywordsField(forms.CharField):
    """Comma- or 顿号-separated keywords, cleaned into a list of distinct terms."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("help_text", _("Separate keywords with commas or 、 (at most 12)."))
        super().__init__(max_length=400, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "、".join(value)
        return value

    def to_python(self, value):
        terms = split_terms(super().to_python(value))
        if len(terms) > MAX_KEYWORDS:
            raise forms.ValidationError(
                _("Give at most %(count)d keywords."), params={"count": MAX_KEYWORDS}
            )
        if any(len(term) > 30 for term in terms):
            raise forms.ValidationError(_("A keyword can have at most 30 characters."))
        return terms


class PairLinesField(forms.CharField):
    """One ``name: value`` pair per line, cleaned into a list of [name, value] pairs."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 4000)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{name}: {text}" for name, text in value)
        return value

    def to_python(self, value):
        pairs = []
        for number, line in enumerate((super().to_python(value) or "").splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            match = _PAIR_LINE.match(line)
            if match is None or not match[1].strip() or not match[2].strip():
                raise forms.ValidationError(
                    _("Line %(line)d: write it as “name: value”."), params={"line": number}
                )
            pairs.append([match[1].strip(), match[2].strip()])
        return pairs


class PatentLinesField(forms.CharField):
    """One ``number, kind`` per line, e.g. ``ZL202110234567.8, 发明专利``."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 4000)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            labels = {kind: words[1] for kind, words in _PATENT_KIND_WORDS.items()}
            return "\n".join(f"{number}, {labels.get(kind, kind)}" for number, kind in value)
        return value

    def to_python(self, value):
        patents = []
        for number, line in enumerate((super().to_python(value) or "").splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            parts = [part.strip() for part in re.split(r"[,，\s]+", line, maxsplit=1)]
            if len(parts) != 2:
                raise forms.ValidationError(
                    _("Line %(line)d: write the number, a comma, then the kind."),
                    params={"line": number},
                )
            patent_number = parts[0].upper()
            kind = _PATENT_KIND_BY_WORD.get(parts[1].lower())
            if not _PATENT_NUMBER.match(patent_number):
                raise forms.ValidationError(
                    _(
                        "Line %(line)d: “%(number)s” is not a patent number such as "
                        "ZL202110234567.8 or a software copyright such as 2022SR0123456."
                    ),
                    params={"line": number, "number": parts[0]},
                )
            if kind is None:
                raise forms.ValidationError(
                    _(
                        "Line %(line)d: the kind must be 发明专利, 实用新型, 外观设计 "
                        "or 软件著作权."
                    ),
                    params={"line": number},
                )
            patents.append([patent_number, str(kind)])
        return patents


class ChainNodesField(forms.ModelMultipleChoiceField):
    """Chain nodes as checkboxes grouped by chain."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            queryset=ChainNode.objects.all(),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            **kwargs,
        )


class ListingForm(IndustryFormMixin, forms.ModelForm):
    keywords = KeywordsField(label=_("Keywords"), required=False)
    chain_nodes = ChainNodesField(label=_("Industrial chain nodes"))

    base_fields_order = ("title", "summary", "description", "keywords")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chain_nodes"].choices = chain_node_choices()
        self.fields["summary"].widget = forms.Textarea(attrs={"rows": 2, "maxlength": 300})
        self.fields["description"].widget = forms.Textarea(attrs={"rows": 8})

    def service_data(self) -> dict:
        data = {
            name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data
        }
        data["industry"] = self.cleaned_data.get("industry")
        return data


class ProductForm(ListingForm):
    specifications = PairLinesField(
        label=_("Specifications"),
        required=False,
        help_text=_("One per line, e.g. “导通电阻: 16 mΩ”."),
    )

    class Meta:
        model = Product
        fields = (
            "title",
            "summary",
            "description",
            "keywords",
            "specifications",
            "application_scenarios",
            "certifications",
            "chain_nodes",
        )
        widgets = {"application_scenarios": forms.Textarea(attrs={"rows": 3})}


class ResearchResultForm(ListingForm):
    patents = PatentLinesField(
        label=_("Patents and software copyrights"),
        required=False,
        help_text=_("One per line: number, kind — e.g. “ZL202110234567.8, 发明专利”."),
    )
    transfer_modes = forms.MultipleChoiceField(
        label=_("Transfer modes"),
        choices=TransferMode.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    maturity = forms.ChoiceField(label=_("Maturity"), choices=Maturity.choices)

    class Meta:
        model = ResearchResult
        fields = (
            "title",
            "summary",
            "description",
            "keywords",
            "field",
            "trl",
            "maturity",
            "patents",
            "transfer_modes",
            "price",
            "team",
            "chain_nodes",
        )
        widgets = {"team": forms.Textarea(attrs={"rows": 3})}


class OpenResourceForm(ListingForm):
    kind = forms.ChoiceField(label=_("Kind of resource"), choices=ResourceKind.choices)

    class Meta:
        model = OpenResource
        fields = (
            "title",
            "kind",
            "summary",
            "description",
            "keywords",
            "conditions",
            "city",
            "chain_nodes",
        )
        widgets = {"conditions": forms.Textarea(attrs={"rows": 3})}


LISTING_FORMS: dict[str, type[ListingForm]] = {
    "product": ProductForm,
    "result": ResearchResultForm,
    "resource": OpenResourceForm,
}


class ProductImageForm(forms.Form):
    image = ImageUploadField(label=_("Photo"), help_text=_("JPEG, PNG or WebP, at most 8 MB."))
    caption = forms.CharField(label=_("Caption"), max_length=100, required=False)
