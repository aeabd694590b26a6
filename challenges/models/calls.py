"""Calls (榜单) and what a draft is made of: indicators, rounds, the rubric, bonus rules,
attachments; and what readers do with a public call: accept its terms, ask, follow, be invited."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import QualificationLevel
from uploads.storage import private_storage


class CallKind(models.TextChoices):
    CHALLENGE = "challenge", _("Technical challenge (技术攻关榜)")
    COMPETITION = "competition", _("Competition (以赛促创)")
    RND_DEMAND = "rnd_demand", _("R&D demand (研发需求)")
    VERIFICATION = "verification", _("Application verification (应用验证)")
    DEMONSTRATION = "demonstration", _("One-stop demonstration (一条龙示范)")
    SELECTION = "selection", _("Project selection (项目遴选)")


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING_REVIEW = "pending_review", _("Pending review")
    PUBLISHED = "published", _("Open for applications")
    CLOSED = "closed", _("Closed")
    EVALUATING = "evaluating", _("Under evaluation")
    PUBLICITY = "publicity", _("In publicity (公示)")
    AWARDED = "awarded", _("Awarded")
    NO_AWARD = "no_award", _("No award")
    IN_PROGRESS = "in_progress", _("In progress")
    ACCEPTED = "accepted", _("Accepted (验收)")
    TERMINATED = "terminated", _("Terminated")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses in which the public may see a call.
PUBLIC_CALL_STATUSES = frozenset(
    {
        CallStatus.PUBLISHED,
        CallStatus.CLOSED,
        CallStatus.EVALUATING,
        CallStatus.PUBLICITY,
        CallStatus.AWARDED,
        CallStatus.NO_AWARD,
        CallStatus.IN_PROGRESS,
        CallStatus.ACCEPTED,
        CallStatus.TERMINATED,
    }
)


class Call(models.Model):
    """An open call (榜单) of any kind, issued by an organization."""

    kind = models.CharField(_("kind of call"), max_length=20, choices=CallKind.choices)
    issuer = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("issuer"),
        on_delete=models.PROTECT,
        related_name="calls",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handlers"),
        blank=True,
        related_name="handled_calls",
        help_text=_("Members of the issuer who handle this call."),
    )

    title = models.CharField(_("title"), max_length=150)
    summary = models.TextField(_("public summary"), max_length=1000)
    background = models.TextField(_("background"), max_length=10000, blank=True)
    details = models.TextField(
        _("detailed requirements"),
        max_length=20000,
        blank=True,
        help_text=_("Hidden until the viewer's organization accepts the terms, if terms are set."),
    )
    terms = models.TextField(
        _("terms (confidentiality agreement)"),
        max_length=10000,
        blank=True,
        help_text=_("Leave empty when the detailed requirements are not confidential."),
    )
    deliverables = models.TextField(_("expected deliverables"), max_length=5000, blank=True)
    amount = models.DecimalField(
        _("award or budget (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    winner_cap = models.PositiveSmallIntegerField(
        _("number of winners"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("More than one runs a horse race (赛马制) between parallel winners."),
    )
    shortlist_cap = models.PositiveSmallIntegerField(
        _("shortlist size"), default=5, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    deadline = models.DateTimeField(_("application deadline"))
    work_start = models.DateField(_("work starts"), null=True, blank=True)
    work_end = models.DateField(_("work ends"), null=True, blank=True)

    eligible_kinds = models.JSONField(_("who may apply"), default=list)
    min_qualification = models.CharField(
        _("minimum qualification"),
        max_length=20,
        choices=QualificationLevel.choices,
        default=QualificationLevel.NONE,
    )
    eligible_provinces = models.JSONField(
        _("provinces"), default=list, blank=True, help_text=_("Empty means nationwide.")
    )
    eligibility_note = models.TextField(
        _("other eligibility conditions"), max_length=2000, blank=True
    )
    min_trl = models.PositiveSmallIntegerField(
        _("minimum technology readiness (TRL)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("Solutions at least this mature are ranked higher in recommendations."),
    )
    max_partners = models.PositiveSmallIntegerField(
        _("consortium partners allowed"), default=4, validators=[MaxValueValidator(4)]
    )
    chain_nodes = models.ManyToManyField(
        "catalog.ChainNode", verbose_name=_("chain nodes"), blank=True, related_name="calls"
    )
    industry = models.ForeignKey(
        "reference.Industry",
        verbose_name=_("industry (GB/T 4754)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    publicity_days = models.PositiveSmallIntegerField(
        _("publicity period (days)"), default=7, validators=[MinValueValidator(1)]
    )

    # Issuer anonymity: outsiders see ``anonymous_label`` instead of the issuer's name until
    # the issuer reveals it to an organization (``IssuerReveal``); see ``rules.shows_issuer``.
    anonymous = models.BooleanField(
        _("publish without the issuer's name"),
        default=False,
        help_text=_("Outsiders see the description below instead of your name."),
    )
    anonymous_label = models.CharField(
        _("shown as"),
        max_length=60,
        blank=True,
        help_text=_("How the issuer is described instead, e.g. 某新能源整车企业."),
    )
    # Applications pass through a recommending unit (推荐单位) that pre-reviews them and
    # nominates within its quota (``NominationQuota``) before the issuer sees them.
    requires_nomination = models.BooleanField(
        _("applications are nominated by recommending units"), default=False
    )
    # A participation call of a manufacturing innovation centre (measure 十四).
    centre = models.ForeignKey(
        "centres.InnovationCentre",
        verbose_name=_("manufacturing innovation centre"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
    )

    status = models.CharField(
        _("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    status_note = models.TextField(_("reason"), max_length=2000, blank=True)
    current_round = models.ForeignKey(
        "Round", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    panel_closed_at = models.DateTimeField(null=True, blank=True)
    publicity_ends_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "deadline"]),
            models.Index(fields=["kind", "status"]),
            models.Index(fields=["issuer", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(winner_cap__gte=1) & Q(winner_cap__lte=10),
                name="call_winner_cap_range",
            ),
            models.CheckConstraint(
                condition=Q(anonymous=False) | ~Q(anonymous_label=""),
                name="call_anonymous_has_label",
            ),
            models.CheckConstraint(
                condition=Q(work_end__isnull=True)
                | Q(work_start__isnull=True)
                | Q(work_end__gte=models.F("work_start")),
                name="call_work_period_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("challenges:call_detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_CALL_STATUSES

    @property
    def has_terms(self) -> bool:
        return bool(self.terms.strip())

    @property
    def is_open(self) -> bool:
        """Open for applications right now (published and before the deadline)."""
        return self.status == CallStatus.PUBLISHED and timezone.now() < self.deadline

    @property
    def is_panel_closed(self) -> bool:
        return self.panel_closed_at is not None

    @property
    def uses_rounds(self) -> bool:
        return self.kind == CallKind.COMPETITION


class IssuerReveal(models.Model):
    """The issuer of an anonymous call revealed its name to an organization (an applicant)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="reveals")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    revealed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "organization"], name="issuer_reveal_once"),
        ]

    def __str__(self) -> str:
        return f"{self.call_id} revealed to {self.organization_id}"


class Indicator(models.Model):
    """A measurable technical indicator the solution must meet."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("indicator"), max_length=120)
    target = models.CharField(_("target value"), max_length=120)
    unit = models.CharField(_("unit"), max_length=30, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.target}{self.unit}"


class Round(models.Model):
    """A round of a competition (初赛, 复赛, 决赛), with its own deadline and rubric."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="rounds")
    position = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(_("round"), max_length=40)
    deadline = models.DateTimeField(_("deadline"))
    advance_count = models.PositiveSmallIntegerField(
        _("advancing applications"), null=True, blank=True
    )

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "position"], name="round_position_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """A weighted criterion of the rubric (of the call, or of one round of a competition)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, null=True, blank=True, related_name="criteria"
    )
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("criterion"), max_length=80)
    description = models.CharField(_("what to look at"), max_length=300, blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=100)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class BonusCondition(models.TextChoices):
    LEAD_LITTLE_GIANT = "lead_little_giant", _("Lead applicant is a national little giant")
    LEAD_PROVINCIAL = "lead_provincial", _("Lead applicant is a provincial SRDI SME")
    WITH_INSTITUTION = "with_institution", _("Consortium includes a university or institute")


class BonusRule(models.Model):
    """Points added to an application's score when a condition holds (e.g. measure 十四)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="bonus_rules")
    condition = models.CharField(_("condition"), max_length=30, choices=BonusCondition.choices)
    points = models.DecimalField(
        _("points"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("50"))],
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "condition"], name="bonus_condition_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_condition_display()} +{self.points}"


class CallAttachment(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="calls/%Y/%m/", storage=private_storage)
    original_name = models.CharField(max_length=150)
    confidential = models.BooleanField(
        _("confidential"), default=False, help_text=_("Only after the terms are accepted.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class TermsAcceptance(models.Model):
    """An organization accepted a call's terms and may read its confidential part."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="acceptances")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accepted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "organization"], name="terms_once_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} accepted {self.call_id}"


class Invitation(models.Model):
    """The issuer invited an organization to take up an open call (once per organization).

    An invitation of a competition's finalist (以赛促创) carries its result there: the
    competition entry, with the rank and score frozen when the invitation was made.
    """

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="invitations")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="call_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    competition_result = models.ForeignKey(
        "CompetitionResult",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "organization"], name="invitation_once_per_org"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} invited to {self.call_id}"


class CallFollow(models.Model):
    """A user follows a public call (关注) to hear of its clarifications and outcome."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="call_follows"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("followed call")
        verbose_name_plural = _("followed calls")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "call"], name="call_follow_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.call_id}"


class Question(models.Model):
    """A clarification question; the answer is published to all without naming who asked."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("question"), max_length=2000)
    answer = models.TextField(_("answer"), max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]
