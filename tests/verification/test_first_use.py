"""First-use evidence (先试首用) on a verification project: the winner's members and the
call's handlers file the trial agreement, the plan, the test report and the first purchase
with a checked file; files are served, as downloads, only to the product's organization, the
call's handlers and administrators; the product's page lists each verified first use with its
evidence."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationKind
from catalog.models import ProductVerification
from challenges import services
from challenges.models import CallStatus, EvidenceKind, FirstUseEvidence
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import AdminUserFactory, OrganizationFactory, handler_of, member_of

from .factories import PDF, days, evidence, verification_call, winner_of

pytestmark = pytest.mark.django_db


def add_url(application):
    return reverse("verification:evidence_add", args=[application.pk])


def post_data(application, kind=EvidenceKind.AGREEMENT, **changes):
    prefix = f"a{application.pk}-"
    data = {
        "kind": kind,
        "title": "MEMS探针卡试用协议",
        "issued_by": "无锡澄芯封测科技股份有限公司；苏州芯测微电子科技有限公司",
        "issued_on": days(-3).isoformat(),
        "reference": "CX-2026-017",
        "amount": "",
        "file": SimpleUploadedFile("试用协议.pdf", PDF),
    }
    data.update(changes)
    return {prefix + key: value for key, value in data.items()}


@pytest.fixture
def project():
    call = verification_call(status=CallStatus.IN_PROGRESS, title="探针卡量产线验证")
    return call, winner_of(call)


@pytest.mark.parametrize("side", ["winner", "handler"])
def test_the_winner_or_a_handler_files_a_document_and_the_other_side_is_told(client, project, side):
    call, application = project
    winner = member_of(application.applicant)
    handler = handler_of(call)
    actor = winner if side == "winner" else handler
    client.force_login(actor)
    panel = client.get(reverse("verification:call_panel", args=[call.pk])).text
    assert f'data-winner="{application.pk}"' in panel and "data-missing" in panel

    response = client.post(add_url(application), post_data(application))

    assert response.status_code == 302 and response.url == call.get_absolute_url()
    item = FirstUseEvidence.objects.get()
    assert (item.kind, item.title, item.reference, item.uploaded_by, item.file_name) == (
        EvidenceKind.AGREEMENT,
        "MEMS探针卡试用协议",
        "CX-2026-017",
        actor,
        "试用协议.pdf",
    )
    assert item.file.read() == PDF
    told = Notification.objects.get(verb="first_use.evidence_added")
    assert told.recipient == (handler if side == "winner" else winner)
    assert (
        f'data-evidence="{item.pk}"'
        in client.get(reverse("verification:call_panel", args=[call.pk])).text
    )


@pytest.mark.parametrize("who", ["outsider", "colleague of the issuer", "losing applicant"])
def test_nobody_else_files_evidence(client, project, who):
    call, application = project
    if who == "outsider":
        user = member_of(OrganizationFactory())
    elif who == "colleague of the issuer":
        user = member_of(call.issuer, role=MembershipRole.MEMBER)
    else:
        loser = winner_of(call)
        type(loser).objects.filter(pk=loser.pk).update(status="not_awarded")
        user = member_of(loser.applicant)
    client.force_login(user)

    assert client.post(add_url(application), post_data(application)).status_code == 404
    with pytest.raises(NotAllowed):
        services.first_use_evidence_add(
            actor=user,
            application=application,
            kind=EvidenceKind.PLAN,
            title="x",
            issued_by="y",
            issued_on=days(-1),
            document=None,
        )
    assert not FirstUseEvidence.objects.exists()


@pytest.mark.parametrize(
    ("status", "kind", "allowed"),
    [
        (CallStatus.AWARDED, EvidenceKind.AGREEMENT, False),
        (CallStatus.ACCEPTED, EvidenceKind.TEST_REPORT, False),
        (CallStatus.ACCEPTED, EvidenceKind.PURCHASE, True),
        (CallStatus.TERMINATED, EvidenceKind.PURCHASE, False),
    ],
)
def test_evidence_is_filed_while_in_progress_and_the_purchase_after_acceptance(
    client, status, kind, allowed
):
    call = verification_call(status=status)
    application = winner_of(call)
    client.force_login(member_of(application.applicant))

    client.post(add_url(application), post_data(application, kind, amount="380.00"))

    assert FirstUseEvidence.objects.filter(kind=kind).exists() is allowed
    if allowed:
        assert FirstUseEvidence.objects.get().amount == Decimal("380.00")


def test_a_purchase_needs_its_amount_and_only_a_purchase_has_one(client, project):
    _call, application = project
    client.force_login(member_of(application.applicant))

    client.post(add_url(application), post_data(application, EvidenceKind.PURCHASE))
    client.post(add_url(application), post_data(application, EvidenceKind.PLAN, amount="10"))
    assert not FirstUseEvidence.objects.exists()

    client.post(add_url(application), post_data(application, issued_on=days(2).isoformat()))
    client.post(
        add_url(application),
        post_data(application, file=SimpleUploadedFile("x.pdf", b"not a pdf")),
    )
    assert not FirstUseEvidence.objects.exists()


def test_a_document_filed_by_mistake_is_removed_before_the_acceptance_only(client, project):
    call, application = project
    item = evidence(application, EvidenceKind.PLAN)
    winner = member_of(application.applicant)
    client.force_login(member_of(OrganizationFactory()))
    assert client.post(reverse("verification:evidence_remove", args=[item.pk])).status_code == 404
    assert FirstUseEvidence.objects.count() == 1

    type(call).objects.filter(pk=call.pk).update(status=CallStatus.ACCEPTED)
    with pytest.raises(InvalidState):
        services.first_use_evidence_remove(actor=winner, evidence=item)
    assert FirstUseEvidence.objects.count() == 1

    type(call).objects.filter(pk=call.pk).update(status=CallStatus.IN_PROGRESS)
    client.force_login(winner)
    client.post(reverse("verification:evidence_remove", args=[item.pk]))
    assert not FirstUseEvidence.objects.exists()


# --- who downloads the files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("winner", True),
        ("handler", True),
        ("admin", True),
        ("outsider", False),
        ("user firm", False),
        ("colleague of the issuer", False),
    ],
)
def test_only_those_entitled_download_the_files(client, who, allowed):
    firm = OrganizationFactory(kind=OrganizationKind.LARGE)
    call = verification_call(status=CallStatus.ACCEPTED)
    application = winner_of(call, user_firm=firm)
    item = evidence(application, EvidenceKind.TEST_REPORT)
    user = {
        "winner": lambda: member_of(application.applicant, role=MembershipRole.MEMBER),
        "handler": lambda: handler_of(call),
        "admin": AdminUserFactory,
        "outsider": lambda: member_of(OrganizationFactory()),
        "user firm": lambda: member_of(firm),
        "colleague of the issuer": lambda: member_of(call.issuer, role=MembershipRole.MEMBER),
    }[who]()
    client.force_login(user)

    response = client.get(reverse("verification:evidence_file", args=[item.pk]))

    if allowed:
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF
    else:
        assert response.status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_for_a_file(client):
    item = evidence(winner_of(verification_call(status=CallStatus.ACCEPTED)))
    response = client.get(reverse("verification:evidence_file", args=[item.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_before_acceptance_outsiders_see_no_evidence_on_the_project(client, project):
    call, application = project
    evidence(application, EvidenceKind.PLAN, title="内部验证方案")
    panel = reverse("verification:call_panel", args=[call.pk])
    assert "内部验证方案" not in client.get(panel).text
    client.force_login(handler_of(call))
    assert "内部验证方案" in client.get(panel).text


# --- the product's page ---------------------------------------------------------------------


def accepted_first_use(firm):
    call = verification_call(status=CallStatus.ACCEPTED, title="探针卡量产线工程化应用验证")
    application = winner_of(call, user_firm=firm)
    for kind, title in (
        (EvidenceKind.AGREEMENT, "试用协议"),
        (EvidenceKind.TEST_REPORT, "第三方检测报告"),
        (EvidenceKind.PURCHASE, "首批采购合同"),
    ):
        evidence(
            application,
            kind,
            title=title,
            amount=Decimal("120.50") if kind == EvidenceKind.PURCHASE else None,
        )
    ProductVerification.objects.create(
        product=application.product,
        user_organization=firm,
        project=call.title,
        url=call.get_absolute_url(),
    )
    return call, application


@pytest.mark.parametrize("who", ["anonymous", "product organization", "handler", "outsider"])
def test_the_product_page_shows_each_first_use_with_its_evidence(client, who):
    firm = OrganizationFactory(kind=OrganizationKind.LARGE, name="无锡澄芯封测科技股份有限公司")
    call, application = accepted_first_use(firm)
    product = application.product
    user = {
        "anonymous": lambda: None,
        "product organization": lambda: member_of(product.organization),
        "handler": lambda: handler_of(call),
        "outsider": lambda: member_of(OrganizationFactory()),
    }[who]()
    if user:
        client.force_login(user)
    panel_url = reverse("verification:product_panel", args=[product.pk])
    assert panel_url in client.get(product.get_absolute_url()).text

    panel = client.get(panel_url).text

    shown = ["无锡澄芯封测科技股份有限公司", "探针卡量产线工程化应用验证", "试用协议"]
    shown += ["第三方检测报告", "首批采购合同", "120.50", call.get_absolute_url()]
    assert [text for text in shown if text not in panel] == []
    downloads = panel.count("data-file")
    assert downloads == (3 if who in ("product organization", "handler") else 0)


def test_a_product_without_first_use_or_entries_shows_nothing_to_visitors(client):
    application = winner_of(verification_call())
    panel = client.get(reverse("verification:product_panel", args=[application.product.pk]))
    assert panel.status_code == 200 and "data-first-uses" not in panel.text
