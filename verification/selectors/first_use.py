"""Reads of first uses (先试首用): a verification project's evidence by winner, and a
product's verified first uses with the evidence behind each and its catalogue entries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from catalog.models import Product, ProductVerification
from challenges.models import (
    EVIDENCE_BEFORE_ACCEPTANCE,
    Application,
    ApplicationStatus,
    Call,
    CallKind,
    CallStatus,
    EvidenceKind,
    FirstUseEvidence,
)

__all__ = [
    "FirstUse",
    "WinnerEvidence",
    "call_winners_evidence",
    "catalogue_entries_of",
    "product_first_uses",
]

# Evidence in the order of a project: agreement, plan, test report, purchase.
KIND_ORDER = {kind: position for position, kind in enumerate(EvidenceKind.values)}


def _ordered(evidence) -> list[FirstUseEvidence]:
    return sorted(evidence, key=lambda item: (KIND_ORDER[item.kind], item.issued_on, item.pk))


def _evidence_prefetch() -> Prefetch:
    return Prefetch("first_use_evidence", queryset=FirstUseEvidence.objects.all())


@dataclass
class WinnerEvidence:
    """One winner of a verification project with what it has on file."""

    application: Application
    evidence: list[FirstUseEvidence]
    missing: list[str] = field(default_factory=list)  # labels of kinds still needed

    @property
    def has_product(self) -> bool:
        return self.application.product_id is not None


def call_winners_evidence(call: Call) -> list[WinnerEvidence]:
    """The awarded applications of a verification project, each with its evidence and the
    kinds the final acceptance still waits for; two queries."""
    if call.kind != CallKind.VERIFICATION:
        return []
    applications = (
        call.applications.filter(status=ApplicationStatus.AWARDED)
        .select_related("applicant", "product", "product__organization", "user_firm", "call")
        .prefetch_related(_evidence_prefetch())
        .order_by("pk")
    )
    winners = []
    for application in applications:
        evidence = _ordered(application.first_use_evidence.all())
        filed = {item.kind for item in evidence}
        missing = (
            [
                str(EvidenceKind(kind).label)
                for kind in EVIDENCE_BEFORE_ACCEPTANCE
                if kind not in filed
            ]
            if application.product_id
            else []
        )
        winners.append(WinnerEvidence(application, evidence, missing))
    return winners


@dataclass
class FirstUse:
    """A verified first use of a product (recorded on the final acceptance of its project)
    with the project's application and the evidence filed on it."""

    verification: ProductVerification
    application: Application | None
    evidence: list[FirstUseEvidence]


def product_first_uses(product: Product) -> list[FirstUse]:
    """The product's verified first uses, newest first, each with its evidence; three
    queries.

    A verification names its project by the project page's address, which is how it is
    matched to the accepted project's winning application of this product.
    """
    verifications = list(product.verifications.select_related("user_organization"))
    if not verifications:
        return []
    applications = (
        Application.objects.filter(
            product=product,
            status=ApplicationStatus.AWARDED,
            call__kind=CallKind.VERIFICATION,
            call__status=CallStatus.ACCEPTED,
        )
        .select_related("call", "call__issuer", "applicant", "product__organization")
        .prefetch_related(_evidence_prefetch())
    )
    by_url = {application.call.get_absolute_url(): application for application in applications}
    first_uses = []
    for verification in verifications:
        application = by_url.get(verification.url)
        evidence = _ordered(application.first_use_evidence.all()) if application else []
        first_uses.append(FirstUse(verification, application, evidence))
    return first_uses


def catalogue_entries_of(product: Product):
    """The product's first-set / first-batch / first-version catalogue entries, newest year
    first."""
    return product.catalogue_entries.order_by("-year", "kind", "pk")
