"""Manufacturing innovation centres (制造业创新中心, measure 十四): a registry of centres with
their field, region and members. A centre's participation calls are ordinary calls of the
open-call engine (``challenges.Call.centre``) in which 专精特新 firms get priority."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CentreLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")


class InnovationCentre(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    level = models.CharField(
        _("level"), max_length=10, choices=CentreLevel.choices, default=CentreLevel.NATIONAL
    )
    field = models.CharField(_("field"), max_length=120)
    province = models.CharField(_("province"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=40, blank=True)
    description = models.TextField(_("description"), max_length=4000, blank=True)
    website = models.URLField(_("website"), blank=True)
    chain_nodes = models.ManyToManyField(
        "catalog.ChainNode", verbose_name=_("chain nodes"), blank=True, related_name="centres"
    )
    # The organization that runs the centre (its members manage the registry entry).
    operator = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("operating company"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="operated_centres",
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("manufacturing innovation centre")
        verbose_name_plural = _("manufacturing innovation centres")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("centres:centre_detail", args=[self.pk])


class MemberRole(models.TextChoices):
    FOUNDER = "founder", _("Founding shareholder")
    MEMBER = "member", _("Member")
    PARTICIPANT = "participant", _("Project participant")


class CentreMember(models.Model):
    """An organization in a centre: a founder, a member, or a participant that joined
    through one of the centre's participation calls (then ``via_call`` names it)."""

    centre = models.ForeignKey(InnovationCentre, on_delete=models.CASCADE, related_name="members")
    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="centre_memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices)
    joined_on = models.DateField(_("joined on"))
    via_call = models.ForeignKey(
        "challenges.Call", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("centre member")
        verbose_name_plural = _("centre members")
        ordering = ["centre", "role", "joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "organization"], name="centre_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} in {self.centre_id}"
