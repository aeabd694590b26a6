"""Measure 十: 一条龙 demonstration directions broken down into key products and processes
with candidate supplier / user pairs, and lead enterprises' open resources used for real:
access requests and applications to supplier pools and innovation-chain projects."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import Event


class DirectionStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    COLLECTING = "collecting", _("Collecting candidates")
    CLOSED = "closed", _("Closed")


class DemonstrationDirection(models.Model):
    """A 一条龙 demonstration direction (示范方向): a key product or process of a chain, what
    it needs, and the supplier / user pairs that could demonstrate it together."""

    chain = models.ForeignKey(
        "catalog.IndustryChain",
        verbose_name=_("industrial chain"),
        on_delete=models.PROTECT,
        related_name="directions",
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.TextField(_("what is to be demonstrated"), max_length=4000)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=12, choices=DirectionStatus.choices, default=DirectionStatus.DRAFT
    )
    # The demonstration call the direction fills (kind "demonstration").
    call = models.ForeignKey(
        "challenges.Call",
        verbose_name=_("demonstration call"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directions",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("demonstration direction")
        verbose_name_plural = _("demonstration directions")
        ordering = ["-year", "title", "pk"]

    def __str__(self) -> str:
        return self.title


class ItemKind(models.TextChoices):
    PRODUCT = "product", _("Key product")
    PROCESS = "process", _("Key process")


class DirectionItem(models.Model):
    """A key product or process a direction needs, on one chain node."""

    direction = models.ForeignKey(
        DemonstrationDirection, on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("requirements"), max_length=2000, blank=True)
    chain_node = models.ForeignKey(
        "catalog.ChainNode",
        verbose_name=_("chain node"),
        on_delete=models.PROTECT,
        related_name="direction_items",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("key product or process")
        verbose_name_plural = _("key products and processes")
        ordering = ["direction", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class PairSource(models.TextChoices):
    DEPARTMENT = "department", _("Recommended by a provincial department")
    DIRECTORY = "directory", _("From a published directory")
    MAP = "map", _("From the chain map")
    MATCHING = "matching", _("Suggested by matching")


class PairStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("candidate pair", "Proposed")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    DECLINED = "declined", _("Not taken")
    INVITED = "invited", _("Invited to the call")


class CandidatePair(models.Model):
    """A supplier (a little giant, with its product) and an application unit (the firm that
    will use it) proposed for one key product or process."""

    item = models.ForeignKey(DirectionItem, on_delete=models.CASCADE, related_name="pairs")
    supplier = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("supplier"),
        on_delete=models.PROTECT,
        related_name="supplier_pairs",
    )
    product = models.ForeignKey(
        "catalog.Product",
        verbose_name=_("product"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    user_firm = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("application unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="user_firm_pairs",
    )
    source = models.CharField(_("source"), max_length=12, choices=PairSource.choices)
    # The provincial department that recommended it (source "department").
    recommended_by_organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("recommended by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommended_pairs",
    )
    note = models.TextField(_("why this pair"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PairStatus.choices, default=PairStatus.PROPOSED
    )
    decision_note = models.TextField(_("reason"), max_length=2000, blank=True)
    # The invitation to the demonstration call once the pair was taken into it.
    invitation = models.ForeignKey(
        "challenges.Invitation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("candidate pair")
        verbose_name_plural = _("candidate pairs")
        ordering = ["item", "-status", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "supplier", "user_firm"], name="chains_pair_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supplier} → {self.user_firm or '?'}"


class DirectionEvent(Event):
    """A step in a direction's history: created, items changed, a pair proposed,
    shortlisted, declined or invited, the call filled."""

    direction = models.ForeignKey(
        DemonstrationDirection, on_delete=models.CASCADE, related_name="events"
    )
    pair = models.ForeignKey(
        CandidatePair, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )

    event_labels = "chains.transitions.DIRECTION_EVENT_LABELS"

    class Meta(Event.Meta):
        ordering = ["-created_at", "-id"]


class AccessStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DATES_PROPOSED = "dates_proposed", _("Other dates proposed")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AccessRequest(models.Model):
    """An SME's request to use a lead enterprise's open resource (test line, lab, data),
    with its purpose and dates; the owner accepts, proposes other dates or declines."""

    resource = models.ForeignKey(
        "catalog.OpenResource", on_delete=models.CASCADE, related_name="access_requests"
    )
    requester = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="access_requests",
    )
    purpose = models.TextField(_("purpose"), max_length=2000)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"))
    # Other dates the owner proposes (status "dates_proposed").
    proposed_start = models.DateField(_("proposed from"), null=True, blank=True)
    proposed_end = models.DateField(_("proposed until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=AccessStatus.choices, default=AccessStatus.REQUESTED
    )
    decision_note = models.TextField(_("note"), max_length=2000, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="chains_access_dates_in_order",
            ),
            # One pending request per organization and resource (the service says so first).
            models.UniqueConstraint(
                fields=["resource", "requester"],
                condition=models.Q(status__in=["requested", "dates_proposed"]),
                name="chains_one_pending_access_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} → {self.resource}"


class AccessRequestEvent(Event):
    access_request = models.ForeignKey(
        AccessRequest, on_delete=models.CASCADE, related_name="events"
    )

    event_labels = "chains.transitions.ACCESS_EVENT_LABELS"


class SupplierStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_AUDIT = "under_audit", _("Under audit")
    ADMITTED = "admitted", _("Admitted")
    REJECTED = "rejected", _("Not admitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SupplierApplication(models.Model):
    """A firm's application to a lead enterprise's supplier pool or innovation-chain
    project (an open resource of that kind); the lead audits its qualifications and
    products and records the outcome."""

    resource = models.ForeignKey(
        "catalog.OpenResource", on_delete=models.CASCADE, related_name="supplier_applications"
    )
    applicant = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("applicant"),
        on_delete=models.CASCADE,
        related_name="supplier_applications",
    )
    products = models.ManyToManyField(
        "catalog.Product", verbose_name=_("products offered"), blank=True, related_name="+"
    )
    statement = models.TextField(_("what you offer"), max_length=4000)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SupplierStatus.choices,
        default=SupplierStatus.SUBMITTED,
    )
    # The audit: what the lead checked ({"qualification": bool, "products": bool, ...}).
    checks = models.JSONField(default=dict, blank=True)
    audit_note = models.TextField(_("audit note"), max_length=4000, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    audited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    audited_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("supplier application")
        verbose_name_plural = _("supplier applications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One open application per organization and resource (the service says so first).
            models.UniqueConstraint(
                fields=["resource", "applicant"],
                condition=models.Q(status__in=["submitted", "under_audit"]),
                name="chains_one_open_supplier_application",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.resource}"


class SupplierApplicationEvent(Event):
    application = models.ForeignKey(
        SupplierApplication, on_delete=models.CASCADE, related_name="events"
    )

    event_labels = "chains.transitions.SUPPLIER_EVENT_LABELS"
