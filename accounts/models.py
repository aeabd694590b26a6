"""Users, organizations, memberships, qualifications and experts."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from core.models import Event
from reference.regions import Province
from reference.text import split_terms
from uploads.storage import private_storage

from .validators import validate_credit_code, validate_institution_code


class User(AbstractUser):
    """A person with a login. Platform administrators are the users with ``is_staff``."""

    first_name = None
    last_name = None
    name = models.CharField(_("name"), max_length=50)
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    REQUIRED_FIELDS = ["email", "name"]
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name or self.username

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name

    @property
    def is_awaiting_activation(self) -> bool:
        """Signed up but has not yet followed the activation link (never logged in)."""
        return not self.is_active and self.last_login is None


class OrganizationKind(models.TextChoices):
    LEAD = "lead", _("Lead enterprise")
    LARGE = "large", _("Large backbone enterprise")
    SME = "sme", _("SME")
    UNIVERSITY = "university", _("University")
    INSTITUTE = "institute", _("Research institute")
    AGENCY = "agency", _("Service agency")
    GOVERNMENT = "government", _("Government department")


# Kinds whose identifier is their own code (e.g. a MOE school code), not necessarily a
# unified social credit code.
INSTITUTION_KINDS = frozenset({OrganizationKind.UNIVERSITY, OrganizationKind.INSTITUTE})


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class QualificationLevel(models.TextChoices):
    NONE = "none", _("None")
    PROVINCIAL = "provincial", _("Provincial SRDI (专精特新) SME")
    NATIONAL = "national", _("National little giant (小巨人)")


class QualificationFlag(models.TextChoices):
    """Why an organization shows a qualification it no longer holds (flagged, not hidden)."""

    NONE = "", _("None")
    EXPIRED = "expired", _("Expired")
    REVIEW_FAILED = "review_failed", _("Failed review (复核)")
    REVOKED = "revoked", _("Revoked")


QUALIFICATION_RANK = {
    QualificationLevel.NONE: 0,
    QualificationLevel.PROVINCIAL: 1,
    QualificationLevel.NATIONAL: 2,
}


class Organization(models.Model):
    """An enterprise, university, institute, agency or department using the platform."""

    kind = models.CharField(_("kind"), max_length=20, choices=OrganizationKind.choices)
    name = models.CharField(_("name"), max_length=120, unique=True)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=32,
        unique=True,
        help_text=_(
            "18 characters (GB 32100-2015). Universities and institutes may give their own code."
        ),
    )
    province = models.CharField(_("province"), max_length=2, choices=Province.choices)
    city = models.CharField(_("city"), max_length=50, blank=True)
    industry = models.ForeignKey(
        "reference.Industry",
        verbose_name=_("industry (GB/T 4754)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    description = models.TextField(_("description"), max_length=5000, blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/%Y/%m/", blank=True)
    logo_thumbnail = models.ImageField(upload_to="logos/%Y/%m/", blank=True, editable=False)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    match_notifications = models.BooleanField(
        _("tell us about matching calls"),
        default=True,
        help_text=_("Notify the administrators when a newly published call matches us."),
    )

    verification_status = models.CharField(
        _("verification"),
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), max_length=2000, blank=True)
    # Highest verified qualification; kept by services.qualification_verify / _revoke so
    # lists, facets and badges need no join.
    qualification_level = models.CharField(
        _("qualification"),
        max_length=20,
        choices=QualificationLevel.choices,
        default=QualificationLevel.NONE,
        editable=False,
    )
    # Set when the organization's best qualification lapsed (expired, failed review or was
    # revoked) and nothing as high replaced it: badges show the lapsed level, flagged.
    qualification_flag = models.CharField(
        _("qualification flag"),
        max_length=20,
        choices=QualificationFlag.choices,
        blank=True,
        default="",
        editable=False,
    )
    lapsed_qualification_level = models.CharField(
        max_length=20, choices=QualificationLevel.choices, blank=True, default="", editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["verification_status", "kind"]),
            models.Index(fields=["province"]),
            models.Index(fields=["qualification_level"]),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not self.credit_code:
            return
        validate = (
            validate_institution_code if self.kind in INSTITUTION_KINDS else validate_credit_code
        )
        try:
            validate(self.credit_code)
        except ValidationError as exc:
            raise ValidationError({"credit_code": exc.error_list}) from exc

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED

    @property
    def is_little_giant(self) -> bool:
        return self.qualification_level == QualificationLevel.NATIONAL

    @property
    def is_enterprise(self) -> bool:
        return self.kind in (OrganizationKind.LEAD, OrganizationKind.LARGE, OrganizationKind.SME)

    @property
    def initial(self) -> str:
        """The character shown in place of a missing logo."""
        return self.name[:1]


class OrganizationEvent(Event):
    """One entry in an organization's audit trail (created, verified, member joined, ...)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="events")

    event_labels = "accounts.transitions.ORGANIZATION_EVENT_LABELS"

    class Meta(Event.Meta):
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.action}"


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    ACTIVE = "active", _("Active")


class Membership(models.Model):
    """A user acting for an organization. A user acts for one organization at a time."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user"], name="accounts_membership_one_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def is_admin(self) -> bool:
        return self.is_active and self.role == MembershipRole.ADMIN


class QualificationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    REVOKED = "revoked", _("Revoked")
    REVIEW_FAILED = "review_failed", _("Failed review (复核)")


class Qualification(models.Model):
    """A 专精特新 or 小巨人 recognition claimed by an organization, with its certificate."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="qualifications"
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=[c for c in QualificationLevel.choices if c[0] != QualificationLevel.NONE],
    )
    batch = models.CharField(_("batch"), max_length=30, help_text=_("For example 第三批."))
    year = models.PositiveSmallIntegerField(_("year"))
    issuer = models.CharField(
        _("issued by"), max_length=100, help_text=_("For example 工业和信息化部.")
    )
    certificate = models.ImageField(
        _("certificate"), upload_to="certificates/%Y/%m/", storage=private_storage
    )
    certificate_thumbnail = models.ImageField(
        upload_to="certificates/%Y/%m/", storage=private_storage, blank=True, editable=False
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=QualificationStatus.choices,
        default=QualificationStatus.PENDING,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(_("reason"), max_length=2000, blank=True)
    valid_until = models.DateField(
        _("valid until (review date)"),
        null=True,
        blank=True,
        help_text=_("When the recognition expires or is due for review (复核)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("qualification")
        verbose_name_plural = _("qualifications")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2011) & models.Q(year__lte=2100),
                name="accounts_qualification_year_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.get_level_display()} {self.year}"


class Expert(models.Model):
    """An expert in the platform's pool, appointed by an administrator, who scores applications."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert"
    )
    title = models.CharField(_("professional title"), max_length=50, help_text=_("e.g. 教授级高工"))
    affiliation = models.CharField(_("affiliation"), max_length=120)
    expertise = models.CharField(
        _("fields of expertise"),
        max_length=300,
        help_text=_("Separate fields with commas, e.g. 功率半导体, 车规级芯片."),
    )
    industries = models.ManyToManyField(
        "reference.Industry", verbose_name=_("industries"), blank=True, related_name="+"
    )
    bio = models.TextField(_("biography"), max_length=4000, blank=True)
    is_active = models.BooleanField(_("active in the pool"), default=True)
    appointed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")

    def __str__(self) -> str:
        return f"{self.user} ({self.title})"

    @property
    def expertise_list(self) -> list[str]:
        return split_terms(self.expertise)
