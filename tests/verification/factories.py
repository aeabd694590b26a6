"""Builders for the tests of verification platforms, bookings and first uses."""

from __future__ import annotations

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import OrganizationKind
from challenges.models import (
    ApplicationStatus,
    CallKind,
    CallStatus,
    EvidenceKind,
    FirstUseEvidence,
)
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    OrganizationFactory,
    PublishedProductFactory,
)
from verification.models import BookingStatus, PlatformBooking, VerificationPlatform

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def days(count: int):
    return timezone.localdate() + timedelta(days=count)


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerificationPlatform
        skip_postgeneration_save = True

    owner = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.INSTITUTE)
    name = factory.Sequence(lambda n: f"晶圆级可靠性验证平台{n}")
    capabilities = "高低温探针台、HTOL老化、晶圆级可靠性测试。"
    capacity = 1
    province = "31"
    city = "上海市"


def verification_call(status=CallStatus.IN_PROGRESS, **kwargs):
    kwargs.setdefault("issuer", OrganizationFactory(kind=OrganizationKind.LEAD))
    return CallFactory(
        kind=CallKind.VERIFICATION,
        status=status,
        deadline=timezone.now() - timedelta(days=10),
        eligible_kinds=["sme"],
        **kwargs,
    )


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlatformBooking

    platform = factory.SubFactory(PlatformFactory)
    call = factory.LazyFunction(verification_call)
    start_date = factory.LazyFunction(lambda: days(10))
    end_date = factory.LazyFunction(lambda: days(20))
    purpose = "探针卡触压寿命测试。"
    status = BookingStatus.REQUESTED


def winner_of(call, *, user_firm=None, title="XC-VP系列MEMS垂直探针卡"):
    """An awarded application of ``call`` with a published product of its applicant."""
    product = PublishedProductFactory(title=title)
    return ApplicationFactory(
        call=call,
        applicant=product.organization,
        product=product,
        status=ApplicationStatus.AWARDED,
        user_firm=user_firm,
    )


def evidence(application, kind=EvidenceKind.AGREEMENT, **fields):
    """Evidence written directly (the services are tested through HTTP elsewhere)."""
    defaults = {
        "title": f"{EvidenceKind(kind).label}",
        "issued_by": "上海测试认证中心",
        "issued_on": days(-5),
        "file_name": "文件.pdf",
    }
    defaults.update(fields)
    item = FirstUseEvidence(application=application, kind=kind, **defaults)
    item.file.save("e.pdf", ContentFile(PDF), save=False)
    item.save()
    return item
