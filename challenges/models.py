"""The open-call engine: calls of every kind, applications, reviews, awards, milestones.

Statuses change only through ``challenges.services``; the allowed moves are the tables in
``challenges.transitions``. Every change writes an event row.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import OrganizationKind, QualificationLevel
from core.models import Event
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


class CallEvent(Event):
    """One step on a call's timeline."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=CallStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CallStatus.choices, blank=True)
    # Public events (publish, close, publicity, award...) show on the public timeline.
    is_public = models.BooleanField(default=False)

    event_labels = "challenges.transitions.CALL_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.call_id} {self.action}"


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
    """The issuer invited an organization to take up an open call (once per organization)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="invitations")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="call_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
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


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ELIGIBLE = "eligible", _("Eligible")
    INELIGIBLE = "ineligible", _("Ineligible")
    SHORTLISTED = "shortlisted", _("Shortlisted (入围)")
    AWARDED = "awarded", _("Awarded (中榜)")
    NOT_AWARDED = "not_awarded", _("Not awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(models.Model):
    """An organization's application to a call (揭榜), alone or leading a consortium."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("lead applicant"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    product = models.ForeignKey(
        "catalog.Product",
        verbose_name=_("product"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    technical_approach = models.TextField(
        _("technical approach"), max_length=20000, blank=True
    )
    team = models.TextField(_("team"), max_length=5000, blank=True)
    prior_results = models.TextField(_("prior results"), max_length=5000, blank=True)
    budget = models.DecimalField(
        _("budget (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    schedule = models.TextField(_("schedule"), max_length=5000, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    status_note = models.TextField(_("note"), max_length=2000, blank=True)
    current_round = models.ForeignKey(
        Round, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user_firm = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("user firm (应用单位)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verification_uses",
        help_text=_("For a verification project: the enterprise that tries the product first."),
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    # Facts frozen at submission: bonus points follow what held then, not later changes.
    # Empty until the application is submitted.
    lead_qualification_level = models.CharField(
        _("lead applicant's qualification at submission"),
        max_length=20,
        choices=QualificationLevel.choices,
        blank=True,
    )
    lead_qualification = models.ForeignKey(
        "accounts.Qualification",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The verified qualification that proved the level at submission."),
    )
    lead_qualification_batch = models.CharField(max_length=30, blank=True)
    lead_qualification_year = models.PositiveSmallIntegerField(null=True, blank=True)
    lead_qualification_issuer = models.CharField(max_length=100, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            # One live application per organization and call; a withdrawn one may be
            # followed by a new one.
            models.UniqueConstraint(
                fields=["call", "applicant"],
                condition=~Q(status="withdrawn"),
                name="application_one_live_per_org",
            ),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.call}"

    def get_absolute_url(self) -> str:
        return reverse("challenges:application_detail", args=[self.pk])

    @property
    def has_frozen_facts(self) -> bool:
        return bool(self.lead_qualification_level)


class ApplicationEvent(Event):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")

    event_labels = "challenges.transitions.APPLICATION_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.application_id} {self.action}"


class IndicatorResponse(models.Model):
    """How the application meets one of the call's indicators."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="indicator_responses"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    response = models.TextField(_("how it is met"), max_length=2000)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "indicator"], name="indicator_response_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.response[:40]


class PartnerStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class ConsortiumPartner(models.Model):
    """A partner organization of a consortium application (联合体); it must confirm."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="partners")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="partnerships"
    )
    role = models.CharField(_("role in the consortium"), max_length=120, blank=True)
    status = models.CharField(
        max_length=10, choices=PartnerStatus.choices, default=PartnerStatus.INVITED
    )
    # Frozen when the lead applicant submits, like the lead's qualification.
    organization_kind = models.CharField(
        _("kind of organization at submission"),
        max_length=20,
        choices=OrganizationKind.choices,
        blank=True,
    )
    qualification_level = models.CharField(
        _("qualification at submission"),
        max_length=20,
        choices=QualificationLevel.choices,
        blank=True,
    )
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "organization"], name="partner_once"),
        ]

    def __str__(self) -> str:
        return str(self.organization)


class ApplicationAttachment(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="applications/%Y/%m/", storage=private_storage)
    original_name = models.CharField(max_length=150)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class RoundEntry(models.Model):
    """An application's part in a later competition round: its update and the outcome."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="round_entries"
    )
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entries")
    statement = models.TextField(_("update for this round"), max_length=5000, blank=True)
    advanced = models.BooleanField(null=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "round"], name="round_entry_once"),
        ]

    def __str__(self) -> str:
        return f"{self.application_id} @ {self.round_id}"


class ConflictOfInterest(models.Model):
    """An expert's standing declaration: never review this organization's applications."""

    expert = models.ForeignKey(
        "accounts.Expert", on_delete=models.CASCADE, related_name="conflicts"
    )
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["expert", "organization"], name="conflict_once"),
        ]

    def __str__(self) -> str:
        return f"{self.expert_id} × {self.organization_id}"


class AssignmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    SUBMITTED = "submitted", _("Scored")
    RECUSED = "recused", _("Recused (conflict of interest)")


class Assignment(models.Model):
    """An expert asked to score one application (in one round, for competitions)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    expert = models.ForeignKey(
        "accounts.Expert", on_delete=models.PROTECT, related_name="assignments"
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.ASSIGNED
    )
    comment = models.TextField(_("overall comment"), max_length=4000, blank=True)
    recusal_reason = models.CharField(max_length=300, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Once per application and expert (and round, for competitions).
            models.UniqueConstraint(
                fields=["application", "expert"],
                condition=Q(round__isnull=True),
                name="assignment_once",
            ),
            models.UniqueConstraint(
                fields=["application", "expert", "round"],
                condition=Q(round__isnull=False),
                name="assignment_once_per_round",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} ← {self.application}"


class Score(models.Model):
    """One expert's score of one criterion, with a comment."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField(max_digits=5, decimal_places=2)
    comment = models.TextField(max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "criterion"], name="score_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"


class AwardStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("award status", "Proposed")
    FINAL = "final", _("Final")
    REVOKED = "revoked", _("Revoked")


class Award(models.Model):
    """A winner of a call (挂帅); several for a horse race."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="awards")
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="award")
    amount = models.DecimalField(
        _("amount (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    status = models.CharField(
        max_length=10, choices=AwardStatus.choices, default=AwardStatus.PROPOSED
    )
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.call} → {self.application.applicant}"


class ObjectionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("objection status", "Open")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Objection(models.Model):
    """An objection (异议) filed during the publicity period; an administrator resolves it."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="objections")
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("objection"), max_length=4000)
    status = models.CharField(
        max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.OPEN
    )
    resolution = models.TextField(_("resolution"), max_length=4000, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class MilestoneStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    AGREED = "agreed", _("Agreed")
    SUBMITTED = "submitted", _("Reported")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned")


class Milestone(models.Model):
    """A milestone (里程碑) agreed between the issuer and a winner."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="milestones"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("milestone"), max_length=120)
    due_date = models.DateField(_("due date"))
    deliverables = models.TextField(_("deliverables"), max_length=4000)
    status = models.CharField(
        max_length=10, choices=MilestoneStatus.choices, default=MilestoneStatus.PROPOSED
    )
    report = models.TextField(_("progress report"), max_length=10000, blank=True)
    report_file = models.FileField(
        upload_to="milestones/%Y/%m/", storage=private_storage, blank=True
    )
    report_file_name = models.CharField(max_length=150, blank=True)
    reported_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("review note"), max_length=4000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "due_date", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class MilestoneEvent(Event):
    milestone = models.ForeignKey(Milestone, on_delete=models.CASCADE, related_name="events")

    event_labels = "challenges.transitions.MILESTONE_EVENT_LABELS"

    def __str__(self) -> str:
        return f"{self.milestone_id} {self.action}"
