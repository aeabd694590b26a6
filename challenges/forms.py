"""Forms of the open-call engine."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core import validators
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import (
    MembershipStatus,
    Organization,
    OrganizationKind,
    User,
    VerificationStatus,
)
from accounts.validators import normalise_code
from catalog.forms import ChainNodesField
from catalog.models import ListingStatus, Product
from catalog.selectors import chain_node_choices
from centres.models import InnovationCentre
from core.ids import parse_id
from reference.forms import IndustryFormMixin
from reference.regions import Province
from reference.templatetags.numbers import share
from uploads.fields import DocumentUploadField

from . import kinds
from .models import Application, BonusCondition, Call, CallKind, Round
from .services.drafting import CALL_FIELDS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalField(forms.DateTimeField):
    """A deadline typed in the browser's date-time picker, read in Beijing time."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", [DATETIME_FORMAT, "%Y-%m-%d %H:%M"])
        kwargs.setdefault("help_text", _("Beijing time (UTC+8)."))
        super().__init__(**kwargs)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class CallForm(IndustryFormMixin, forms.ModelForm):
    deadline = DateTimeLocalField(label=_("Application deadline"))
    eligible_kinds = forms.MultipleChoiceField(
        label=_("Who may apply"),
        choices=OrganizationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked to allow every kind this call type admits."),
    )
    eligible_provinces = forms.MultipleChoiceField(
        label=_("Limited to provinces"),
        choices=Province.choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Leave empty for nationwide."),
    )
    chain_nodes = ChainNodesField(label=_("Industrial chain nodes"))

    class Meta:
        model = Call
        # What the service drafts, but the industry (the mixin's two fields set it).
        fields = (*(name for name in CALL_FIELDS if name != "industry"), "chain_nodes")
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "background": forms.Textarea(attrs={"rows": 4}),
            "details": forms.Textarea(attrs={"rows": 6}),
            "terms": forms.Textarea(attrs={"rows": 4}),
            "deliverables": forms.Textarea(attrs={"rows": 3}),
            "eligibility_note": forms.Textarea(attrs={"rows": 2}),
            "work_start": DateInput(),
            "work_end": DateInput(),
        }

    def __init__(self, *args, kind: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        policy = kinds.policy(kind)
        self.fields["eligible_kinds"].choices = [
            c for c in OrganizationKind.choices if c[0] in policy.applicant_kinds
        ]
        self.fields["chain_nodes"].choices = chain_node_choices()
        if not policy.allows_consortium:
            del self.fields["max_partners"]
        if kind == CallKind.SELECTION:
            self.fields["centre"].queryset = InnovationCentre.objects.filter(is_active=True)
        else:
            del self.fields["centre"]
        if not self.instance.pk:
            self.initial.setdefault("min_qualification", policy.min_qualification)

    # The form in sections, each with its own heading and an entry in the contents at the top;
    # a field not named here (e.g. one a kind removes) simply does not show.
    SECTIONS = (
        (_("The problem"), ("title", "summary", "background", "details", "terms", "deliverables")),
        (_("Award and places"), ("amount", "winner_cap", "shortlist_cap", "publicity_days")),
        (_("Dates"), ("deadline", "work_start", "work_end")),
        (
            _("Who may apply"),
            (
                "eligible_kinds",
                "min_qualification",
                "eligible_provinces",
                "eligibility_note",
                "max_partners",
                "min_trl",
            ),
        ),
        (_("Industry and chain"), ("industry_division", "industry_class", "chain_nodes")),
        (
            _("Publication and nomination"),
            ("anonymous", "anonymous_label", "requires_nomination", "centre"),
        ),
    )

    def sections(self) -> list[tuple[str, str, list]]:
        """Return (anchor, title, bound fields) per section, fields with errors included."""
        result = []
        for number, (title, names) in enumerate(self.SECTIONS, start=1):
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                result.append((f"section-{number}", title, fields))
        return result

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline <= timezone.now():
            raise forms.ValidationError(_("The deadline must be in the future."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("work_start"), cleaned.get("work_end")
        if start and end and end < start:
            self.add_error("work_end", _("The work cannot end before it starts."))
        if cleaned.get("anonymous") and not (cleaned.get("anonymous_label") or "").strip():
            self.add_error(
                "anonymous_label", _("Say how the issuer is described instead of its name.")
            )
        return cleaned

    def service_data(self) -> dict:
        data = {
            name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data
        }
        data["industry"] = self.cleaned_data.get("industry")
        return data


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("Indicator"), max_length=120)
    target = forms.CharField(label=_("Target value"), max_length=120)
    unit = forms.CharField(label=_("Unit"), max_length=30, required=False)


class CriterionForm(forms.Form):
    name = forms.CharField(label=_("Criterion"), max_length=80)
    description = forms.CharField(label=_("What to look at"), max_length=300, required=False)
    weight = forms.DecimalField(
        label=_("Weight"), min_value=Decimal("0.01"), max_digits=5, decimal_places=2
    )
    max_score = forms.IntegerField(
        label=_("Maximum score"), min_value=1, max_value=1000, initial=100
    )
    round = forms.ModelChoiceField(label=_("Round"), queryset=Round.objects.none(), required=False)

    def __init__(self, *args, call: Call, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if call.uses_rounds:
            self.fields["round"].queryset = call.rounds.all()
            self.fields["round"].required = True
        else:
            del self.fields["round"]


class RoundForm(forms.Form):
    name = forms.CharField(label=_("Round"), max_length=40)
    deadline = DateTimeLocalField(label=_("Deadline of the round"))
    advance_count = forms.IntegerField(
        label=_("Applications advancing"), min_value=1, required=False
    )


class BonusForm(forms.Form):
    condition = forms.ChoiceField(label=_("Condition"), choices=BonusCondition.choices)
    points = forms.DecimalField(
        label=_("Points (empty to remove)"),
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal("50"),
        decimal_places=2,
    )


class AttachmentForm(forms.Form):
    file = DocumentUploadField(
        label=_("File"), help_text=_("PDF, Office documents or images, at most 20 MB.")
    )
    confidential = forms.BooleanField(
        label=_("Confidential (after terms are accepted)"), required=False
    )


class OrganizationByCodeField(forms.Field):
    """Find a verified organization by its credit code (or exact name).

    The typed text is stripped and its length checked first; only then is it looked up,
    so ``clean`` returns an ``Organization`` (or ``None`` when optional and left empty)
    and no text validator ever sees the organization. ``queryset`` narrows the search,
    e.g. to enterprises.
    """

    widget = forms.TextInput
    default_error_messages = {
        "not_found": _("No verified organization has this credit code or exact name."),
    }

    def __init__(self, *, max_length: int = 120, queryset=None, **kwargs) -> None:
        self.max_length = max_length
        self.queryset = queryset if queryset is not None else Organization.objects.all()
        super().__init__(**kwargs)
        self.validators.append(validators.MaxLengthValidator(max_length))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["maxlength"] = str(self.max_length)
        return attrs

    def to_python(self, value) -> str:
        if isinstance(value, Organization):
            return value.name
        return "" if value in self.empty_values else str(value).strip()

    def prepare_value(self, value):
        return value.name if isinstance(value, Organization) else value

    def clean(self, value) -> Organization | None:
        text = super().clean(value)
        if not text:
            return None
        verified = self.queryset.filter(verification_status=VerificationStatus.VERIFIED)
        organization = (
            verified.filter(credit_code=normalise_code(text)).first()
            or verified.filter(name=text).first()
        )
        if organization is None:
            raise forms.ValidationError(self.error_messages["not_found"], code="not_found")
        return organization


class ApplicationForm(forms.ModelForm):
    product = forms.ModelChoiceField(
        label=_("Product put forward"), queryset=Product.objects.none(), required=False
    )
    user_firm = OrganizationByCodeField(
        label=_("User firm (应用单位)"),
        required=False,
        help_text=_(
            "The enterprise that will use the product first: its credit code or exact name. "
            "Needed before you submit; it is recorded on the product after acceptance."
        ),
    )

    class Meta:
        model = Application
        fields = ("product", "technical_approach", "team", "prior_results", "budget", "schedule")
        widgets = {
            "technical_approach": forms.Textarea(attrs={"rows": 8}),
            "team": forms.Textarea(attrs={"rows": 3}),
            "prior_results": forms.Textarea(attrs={"rows": 3}),
            "schedule": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, call: Call, organization: Organization, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        products = Product.objects.filter(organization=organization, status=ListingStatus.PUBLISHED)
        self.fields["product"].queryset = products
        policy = kinds.policy(call.kind)
        if policy.requires_product:
            self.fields["product"].required = True
        elif not products.exists():
            del self.fields["product"]
        if policy.names_user_firm:
            self.initial.setdefault("user_firm", self.instance.user_firm)
        else:
            del self.fields["user_firm"]
        responses = {}
        if self.instance.pk:
            responses = dict(
                self.instance.indicator_responses.values_list("indicator_id", "response")
            )
        self.indicators = list(call.indicators.all())
        for indicator in self.indicators:
            self.fields[f"indicator_{indicator.pk}"] = forms.CharField(
                label=_("How “%(name)s” (target %(target)s%(unit)s) is met")
                % {"name": indicator.name, "target": indicator.target, "unit": indicator.unit},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
                initial=responses.get(indicator.pk, ""),
            )

    def service_data(self) -> dict:
        names = ("technical_approach", "team", "prior_results", "budget", "schedule")
        data = {name: self.cleaned_data[name] for name in names}
        if "user_firm" in self.fields:
            data["user_firm"] = self.cleaned_data["user_firm"]
        return data

    def responses(self) -> dict[int, str]:
        return {i.pk: self.cleaned_data.get(f"indicator_{i.pk}", "") for i in self.indicators}


class PartnerInviteForm(forms.Form):
    organization = OrganizationByCodeField(
        label=_("Partner's credit code or exact name"), max_length=120
    )
    role = forms.CharField(label=_("Role in the consortium"), max_length=120, required=False)


class ConflictForm(forms.Form):
    organization = OrganizationByCodeField(
        label=_("Organization's credit code or exact name"), max_length=120
    )
    reason = forms.CharField(label=_("Nature of the conflict"), max_length=300)


class HandlerForm(forms.Form):
    """Choose a member of the issuing organization to handle a call."""

    user = forms.ModelChoiceField(
        label=_("Member"),
        queryset=User.objects.none(),
        error_messages={
            "required": _("Choose an active member of your organization."),
            "invalid_choice": _("Choose an active member of your organization."),
        },
    )

    def __init__(self, *args, call: Call, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = User.objects.filter(
            memberships__organization=call.issuer,
            memberships__status=MembershipStatus.ACTIVE,
            is_active=True,
        )


class TextForm(forms.Form):
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class QuestionForm(forms.Form):
    """A clarification question: as long as the question column allows."""

    text = forms.CharField(
        label=_("Question"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class AwardForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount (yuan)"), required=False, min_value=0, max_digits=14, decimal_places=2
    )


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Milestone"), max_length=120)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())
    deliverables = forms.CharField(
        label=_("Deliverables"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )


class MilestoneReportForm(forms.Form):
    report = forms.CharField(
        label=_("Progress report"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )
    file = DocumentUploadField(label=_("Attachment"), required=False)


class ReviewSheetForm(forms.Form):
    """One score field and one comment per criterion, plus an overall comment."""

    comment = forms.CharField(
        label=_("Overall comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )

    def __init__(self, *args, criteria, existing: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        rubric_weight = sum((c.weight for c in criteria), Decimal("0"))
        for criterion in criteria:
            value, note = existing.get(criterion.pk, (None, ""))
            self.fields[f"score_{criterion.pk}"] = forms.DecimalField(
                label=_("%(name)s (0–%(max)d, weight %(weight)s)")
                % {
                    "name": criterion.name,
                    "max": criterion.max_score,
                    "weight": share(criterion.weight, rubric_weight),
                },
                min_value=0,
                max_value=criterion.max_score,
                decimal_places=2,
                required=False,
                initial=value,
                help_text=criterion.description,
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                initial=note,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict[int, tuple]:
        return {
            c.pk: (self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"note_{c.pk}"))
            for c in self.criteria
        }


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows whose posted ids are checked to be ids before the query."""

    def _check_values(self, value):
        if any(parse_id(pk) is None for pk in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super()._check_values(value)


class AdvanceForm(forms.Form):
    applications = IdsChoiceField(
        label=_("Applications that advance"),
        queryset=Application.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = queryset
        self.fields["applications"].label_from_instance = lambda a: a.applicant.name


# --- tranches (money against milestones, measure 十四) ---


class TrancheForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Tranche (yuan)"),
        min_value=Decimal("0.01"),
        max_value=Decimal("999999999999.99"),
        max_digits=14,
        decimal_places=2,
    )


# --- nominations and competition results (measures 十三, 十四) ---


class NominationQuotaForm(forms.Form):
    """A recommending unit of a call and its quota, named by the issuer while drafting."""

    unit = OrganizationByCodeField(
        label=_("Recommending unit (推荐单位)"),
        queryset=Organization.objects.filter(
            kind__in=[OrganizationKind.GOVERNMENT, OrganizationKind.LEAD, OrganizationKind.LARGE]
        ),
        help_text=_("Credit code or exact name of a government department or lead enterprise."),
    )
    quota = forms.IntegerField(label=_("Quota"), min_value=1, max_value=500, initial=1)


class NominationReviewForm(forms.Form):
    """The recommending unit's pre-review opinion (推荐意见) as it nominates."""

    review = forms.CharField(
        label=_("Pre-review opinion (推荐意见)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Read by the issuer, not by the applicant."),
    )


class FinalistInviteForm(forms.Form):
    """Invite a competition's finalist by its certificate number."""

    code = forms.CharField(label=_("Certificate number"), max_length=20, strip=True)
