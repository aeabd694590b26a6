"""Reads of willingness (企业意愿): an organization's declarations with their history, and
who is opted in, for the directories to draw their candidates from."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from accounts.models import Organization
from catalog.models import ListingStatus, Product

from ..models import DirectoryKind, Willingness, WillingnessEvent, WillingnessStatus

__all__ = [
    "declarable_products",
    "opted_in_organizations",
    "opted_in_products",
    "willingness_history",
    "willingness_of",
]


def willingness_of(organization: Organization) -> QuerySet[Willingness]:
    """The organization's declarations (at most one per kind of directory), with the
    products named and every event, newest first, with its actor."""
    return (
        Willingness.objects.filter(organization=organization)
        .select_related("declared_by")
        .prefetch_related(
            Prefetch("products", queryset=Product.objects.order_by("title", "pk")),
            Prefetch("events", queryset=WillingnessEvent.objects.select_related("actor")),
        )
    )


def willingness_history(organization: Organization, *, limit: int = 200):
    """Every declaration, change and withdrawal of the organization, newest first."""
    return (
        WillingnessEvent.objects.filter(willingness__organization=organization)
        .select_related("actor", "willingness")
        .order_by("-created_at", "-id")[:limit]
    )


def declarable_products(organization: Organization) -> QuerySet[Product]:
    """The products an organization may name: its published ones."""
    return Product.objects.filter(
        organization=organization, status=ListingStatus.PUBLISHED
    ).order_by("title", "pk")


def opted_in_organizations(kind: str) -> QuerySet[Organization]:
    """The organizations whose declaration for ``kind`` (``DirectoryKind``) is in force.

    Only the declaration is checked; the directory's own criteria (verification,
    qualification, chain node...) are the caller's.
    """
    return Organization.objects.filter(
        willingness__kind=kind, willingness__status=WillingnessStatus.OPTED_IN
    )


def opted_in_products() -> QuerySet[Product]:
    """The published products named in a products declaration that is in force."""
    return Product.objects.filter(
        status=ListingStatus.PUBLISHED,
        willingness__kind=DirectoryKind.PRODUCTS,
        willingness__status=WillingnessStatus.OPTED_IN,
    )
