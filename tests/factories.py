"""Factories for every model; tests build what they need and nothing more."""

from __future__ import annotations

import io
import itertools
from datetime import timedelta
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from accounts.models import (
    Expert,
    Membership,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationKind,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    User,
    VerificationStatus,
)
from accounts.validators import CREDIT_CODE_ALPHABET, credit_code_check_character
from catalog.models import (
    ChainNode,
    IndustryChain,
    ListingStatus,
    Maturity,
    OpenResource,
    Product,
    ProductImage,
    ResearchResult,
    ResourceKind,
    Stage,
)
from challenges.models import (
    Application,
    ApplicationStatus,
    Assignment,
    Call,
    CallKind,
    CallStatus,
    Criterion,
    Indicator,
    Milestone,
)

_serial = itertools.count(1)


def make_credit_code(number: int | None = None) -> str:
    """Return a valid unified social credit code built from a serial number."""
    number = next(_serial) if number is None else number
    body = ""
    for _ in range(9):
        body = CREDIT_CODE_ALPHABET[number % 31] + body
        number //= 31
    first17 = "91" + "320500" + body
    return first17 + credit_code_check_character(first17)


def png_bytes(size=(40, 30), color=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    name = factory.Sequence(lambda n: f"用户{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.cn")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-1")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AdminUserFactory(UserFactory):
    is_staff = True


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    kind = OrganizationKind.SME
    name = factory.Sequence(lambda n: f"测试科技有限公司{n}")
    credit_code = factory.LazyFunction(make_credit_code)
    province = "32"
    city = "苏州市"
    description = "专注于功率半导体器件研发。"
    verification_status = VerificationStatus.VERIFIED
    verified_at = factory.LazyFunction(timezone.now)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = MembershipRole.ADMIN
    status = MembershipStatus.ACTIVE


def member_of(organization: Organization, *, role: str = MembershipRole.ADMIN) -> User:
    """Return a new user who is an active member of the organization."""
    return MembershipFactory(organization=organization, role=role).user


class QualificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Qualification

    organization = factory.SubFactory(OrganizationFactory)
    level = QualificationLevel.NATIONAL
    batch = "第三批"
    year = 2021
    issuer = "工业和信息化部"
    status = QualificationStatus.PENDING
    certificate = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="cert.png"))


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    user = factory.SubFactory(UserFactory)
    title = "教授级高工"
    affiliation = "华东半导体研究院"
    expertise = "功率半导体, 车规级芯片"


class IndustryChainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndustryChain

    slug = factory.Sequence(lambda n: f"chain-{n}")
    name = factory.Sequence(lambda n: f"产业链{n}")


class ChainNodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChainNode

    chain = factory.SubFactory(IndustryChainFactory)
    key = factory.Sequence(lambda n: f"node-{n}")
    name = factory.Sequence(lambda n: f"环节{n}")
    stage = Stage.MIDSTREAM


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"碳化硅功率模块{n}")
    summary = "面向新能源汽车电驱的车规级功率模块。"
    description = "采用银烧结工艺，导通电阻低，可靠性高。"
    keywords = factory.LazyFunction(lambda: ["碳化硅", "功率模块"])
    status = ListingStatus.DRAFT


class ProductFactory(ListingFactory):
    class Meta:
        model = Product


class PublishedProductFactory(ProductFactory):
    status = ListingStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ResearchResultFactory(ListingFactory):
    class Meta:
        model = ResearchResult

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.UNIVERSITY)
    field = "电子信息-集成电路"
    trl = 5
    maturity = Maturity.PILOT
    transfer_modes = factory.LazyFunction(lambda: ["license"])


class OpenResourceFactory(ListingFactory):
    class Meta:
        model = OpenResource

    organization = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.LEAD)
    kind = ResourceKind.TEST_LINE
    conditions = "面向省级以上专精特新企业开放，需签署保密协议。"


class ProductImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductImage

    product = factory.SubFactory(ProductFactory)
    image = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="photo.png"))
    thumbnail = factory.LazyFunction(lambda: ContentFile(png_bytes((8, 6)), name="photo_t.png"))


# --- open calls ---------------------------------------------------------------


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    kind = CallKind.CHALLENGE
    issuer = factory.SubFactory(OrganizationFactory, kind=OrganizationKind.LEAD)
    title = factory.Sequence(lambda n: f"车规级功率模块可靠性攻关榜{n}")
    summary = "面向800V平台的碳化硅功率模块，征集高可靠封装方案。"
    details = "功率循环寿命≥10万次（ΔTj=100K）。"
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    status = CallStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    eligible_kinds = factory.LazyFunction(
        lambda: ["sme", "university", "institute", "lead", "large"]
    )
    winner_cap = 1
    amount = Decimal("2000000.00")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    call = factory.SubFactory(CallFactory)
    name = "功率循环寿命"
    target = "≥10万次"


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    name = factory.Sequence(lambda n: f"评分项{n}")
    weight = Decimal("50")


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    applicant = factory.SubFactory(OrganizationFactory)
    technical_approach = "采用银烧结与铜线键合的双面散热封装。"
    status = ApplicationStatus.SUBMITTED
    # Drafts and applications still with their recommending unit have not reached the issuer.
    submitted_at = factory.LazyAttribute(
        lambda a: (
            None
            if a.status in (ApplicationStatus.DRAFT, ApplicationStatus.NOMINATION)
            else timezone.now()
        )
    )
    # What submission freezes (application_submit does it for real applications).
    lead_qualification_level = factory.LazyAttribute(
        lambda a: "" if a.status == ApplicationStatus.DRAFT else a.applicant.qualification_level
    )


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    application = factory.SubFactory(ApplicationFactory)
    expert = factory.SubFactory(ExpertFactory)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    application = factory.SubFactory(ApplicationFactory, status=ApplicationStatus.AWARDED)
    title = "样品交付"
    due_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
    deliverables = "10套样品及测试报告"


def handler_of(call: Call) -> User:
    """Return a new member of the issuer who handles the call."""
    user = member_of(call.issuer, role=MembershipRole.MEMBER)
    call.handlers.add(user)
    return user
