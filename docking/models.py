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
    """The messages between the two sides of a handshake (one conversation per handshake;
    conversations about applications and recommendations come later)."""

    interest = models.OneToOneField(Interest, on_delete=models.CASCADE, related_name="conversation")
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-pk"]

    def __str__(self) -> str:
        return str(self.interest)


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
