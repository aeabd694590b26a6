"""Measure 十五, two-way docking: an organization's interest (我有意向) in a research result, a
product, an open resource or an R&D demand; the owner's acceptance (the handshake, which
releases both sides' contacts); the conversation between them; and the deal it ends in."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Event
from uploads.storage import private_storage


class Wants(models.TextChoices):
    LICENCE = "licence", _("A licence")
    TRANSFER = "transfer", _("A transfer")
    PURCHASE = "purchase", _("To buy")
    JOINT = "joint", _("Joint development")
    USE = "use", _("To use it")
    SOLVE = "solve", _("To take up the demand")


class InterestStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting an answer")
    ACCEPTED = "accepted", _("Accepted")
    NEGOTIATING = "negotiating", _("Negotiating")
    DEAL = "deal", _("Deal")
    NO_DEAL = "no_deal", _("No deal")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# A handshake: the interest was accepted, so the two sides may see each other's contacts.
HANDSHAKE_STATUSES = (
    InterestStatus.ACCEPTED,
    InterestStatus.NEGOTIATING,
    InterestStatus.DEAL,
    InterestStatus.NO_DEAL,
)


class Interest(models.Model):
    """我有意向: an organization tells the owner of a listing or an R&D demand what it wants.

    Exactly one of ``result``, ``product``, ``resource`` and ``call`` (an R&D demand) is set;
    ``owner`` is the organization that answers. Contacts are released on acceptance only.
    """

    requester = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("interested organization"),
        on_delete=models.CASCADE,
        related_name="interests_sent",
    )
    owner = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("owner"),
        on_delete=models.CASCADE,
        related_name="interests_received",
    )
    result = models.ForeignKey(
        "catalog.ResearchResult", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    product = models.ForeignKey(
        "catalog.Product", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    resource = models.ForeignKey(
        "catalog.OpenResource", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    call = models.ForeignKey(
        "challenges.Call", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    wants = models.CharField(_("what you want"), max_length=12, choices=Wants.choices)
    note = models.TextField(_("note"), max_length=2000)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InterestStatus.choices,
        default=InterestStatus.PENDING,
    )
    decision_note = models.TextField(_("reason"), max_length=2000, blank=True)
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
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(result__isnull=False, product=None, resource=None, call=None)
                    | models.Q(result=None, product__isnull=False, resource=None, call=None)
                    | models.Q(result=None, product=None, resource__isnull=False, call=None)
                    | models.Q(result=None, product=None, resource=None, call__isnull=False)
                ),
                name="docking_interest_one_target",
            ),
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("owner")),
                name="docking_interest_not_own",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["requester", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.requester} → {self.target}"

    @property
    def target(self):
        return self.result or self.product or self.resource or self.call

    @property
    def is_handshake(self) -> bool:
        return self.status in HANDSHAKE_STATUSES


class InterestEvent(Event):
    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="events")

    event_labels = "docking.transitions.INTEREST_EVENT_LABELS"


class DealKind(models.TextChoices):
    TRANSFER = "transfer", _("Transfer")
    LICENCE = "licence", _("Licence")
    EQUITY = "equity", _("Equity (作价入股)")
    JOINT = "joint", _("Joint development")
    PURCHASE = "purchase", _("Purchase")


class Deal(models.Model):
    """The technology contract a handshake ended in, recorded by one side and confirmed by
    the other; the handshake becomes a deal once confirmed."""

    interest = models.OneToOneField(Interest, on_delete=models.CASCADE, related_name="deal")
    kind = models.CharField(_("kind of contract"), max_length=10, choices=DealKind.choices)
    amount = models.DecimalField(
        _("amount (10,000 yuan)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    signed_on = models.DateField(_("signed on"))
    contract_number = models.CharField(_("contract number"), max_length=60, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_for = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("deal")
        verbose_name_plural = _("deals")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="docking_deal_amount_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Conversation(models.Model):
    """The messages between two sides about exactly one thing: a handshake (interest), an
    application to a call (the applicant and the call's issuer), or a recommendation (the
    recipient and the recommended firm)."""

    interest = models.OneToOneField(
        Interest, on_delete=models.CASCADE, null=True, blank=True, related_name="conversation"
    )
    application = models.OneToOneField(
        "challenges.Application",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
    )
    recommendation = models.OneToOneField(
        "directories.Recommendation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        interest__isnull=False,
                        application__isnull=True,
                        recommendation__isnull=True,
                    )
                    | models.Q(
                        interest__isnull=True,
                        application__isnull=False,
                        recommendation__isnull=True,
                    )
                    | models.Q(
                        interest__isnull=True,
                        application__isnull=True,
                        recommendation__isnull=False,
                    )
                ),
                name="conversation_about_exactly_one",
            )
        ]

    def __str__(self) -> str:
        return str(self.subject)

    @property
    def kind(self) -> str:
        if self.interest_id:
            return "interest"
        if self.application_id:
            return "application"
        return "recommendation"

    @property
    def subject(self):
        """What the conversation is about: the interest, the application or the recommendation."""
        return self.interest or self.application or self.recommendation


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sender_organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(_("message"), max_length=4000)
    attachment = models.FileField(
        _("attachment"), upload_to="messages/%Y/%m/", storage=private_storage, blank=True
    )
    attachment_name = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:40]


class ConversationRead(models.Model):
    """How far a user has read a conversation (for unread counts)."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="docking_read_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.conversation_id} at {self.read_at:%Y-%m-%d %H:%M}"


# Docking events (供需对接会): registrations, pre-matched pairs, 1:1 meetings in time slots.


class DockingEventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for registration")
    CLOSED = "closed", _("Registration closed")
    FINISHED = "finished", _("Finished")


class DockingEvent(models.Model):
    """A docking event run by a government department or the platform: firms and institutes
    register with what they bring, are pre-matched, and meet 1:1 in time slots."""

    title = models.CharField(_("title"), max_length=200)
    theme = models.TextField(_("theme"), max_length=4000)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), max_length=300, blank=True)
    chain_nodes = models.ManyToManyField(
        "catalog.ChainNode", verbose_name=_("chain nodes"), blank=True, related_name="+"
    )
    # None: the platform itself organizes it.
    organizer = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organizer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="docking_events",
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("minutes per meeting"), default=20, validators=[MinValueValidator(5)]
    )
    registration_closes_at = models.DateTimeField(_("registration closes at"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DockingEventStatus.choices,
        default=DockingEventStatus.DRAFT,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("docking event")
        verbose_name_plural = _("docking events")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="docking_event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(slot_minutes__gte=5), name="docking_event_slot_minutes"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class DockingEventChange(Event):
    docking_event = models.ForeignKey(
        DockingEvent, on_delete=models.CASCADE, related_name="changes"
    )

    event_labels = "docking.transitions.DOCKING_EVENT_LABELS"


class Registration(models.Model):
    """An organization's registration for a docking event, with what it brings: its own
    published results and products, and its R&D demands."""

    event = models.ForeignKey(DockingEvent, on_delete=models.CASCADE, related_name="registrations")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="docking_registrations"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    results = models.ManyToManyField(
        "catalog.ResearchResult", verbose_name=_("research results"), blank=True, related_name="+"
    )
    products = models.ManyToManyField(
        "catalog.Product", verbose_name=_("products"), blank=True, related_name="+"
    )
    demands = models.ManyToManyField(
        "challenges.Call", verbose_name=_("R&D demands"), blank=True, related_name="+"
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization"], name="docking_registration_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} @ {self.event}"


class PrematchPair(models.Model):
    """Two registrations of an event that matching pairs, stored with the explanation (JSON,
    as ``directories.selectors.recommendations.explanation_of`` writes it); ``first`` has the
    smaller id."""

    event = models.ForeignKey(DockingEvent, on_delete=models.CASCADE, related_name="pairs")
    first = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    score = models.FloatField()
    explanation = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="docking_prematch_once"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="docking_prematch_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} ↔ {self.second_id} ({self.score:.2f})"


class MeetingStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingOutcome(models.TextChoices):
    FOLLOW_UP = "follow_up", _("Follow-up agreed")
    DEAL_EXPECTED = "deal_expected", _("A deal is expected")
    NO_FIT = "no_fit", _("No fit")


# A meeting holding its slot for both organizations.
SEAT_HOLDING_STATUSES = (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED)


class Meeting(models.Model):
    """A 1:1 meeting of two registrations in one slot of the event, requested by one side
    and answered by the other; after the event each side records how it went."""

    event = models.ForeignKey(DockingEvent, on_delete=models.CASCADE, related_name="meetings")
    requester = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    invitee = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    starts_at = models.DateTimeField(_("slot"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MeetingStatus.choices,
        default=MeetingStatus.REQUESTED,
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("reason"), max_length=2000, blank=True)
    requester_outcome = models.CharField(
        _("outcome"), max_length=14, choices=MeetingOutcome.choices, blank=True
    )
    requester_outcome_note = models.TextField(_("outcome"), max_length=2000, blank=True)
    invitee_outcome = models.CharField(
        _("outcome"), max_length=14, choices=MeetingOutcome.choices, blank=True
    )
    invitee_outcome_note = models.TextField(_("outcome"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("invitee")), name="docking_meeting_two_sides"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester_id} ↔ {self.invitee_id} {self.starts_at:%Y-%m-%d %H:%M}"


class MeetingSeat(models.Model):
    """An organization's place in one slot of an event, held by a requested or accepted
    meeting (one seat per side). The unique constraint is what keeps a slot from being
    double-booked, whatever the concurrency."""

    event = models.ForeignKey(DockingEvent, on_delete=models.CASCADE, related_name="+")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.CASCADE, related_name="+"
    )
    starts_at = models.DateTimeField()
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="seats")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization", "starts_at"], name="docking_seat_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} @ {self.starts_at:%Y-%m-%d %H:%M}"
