"""The canary (measure 十三): an anonymous call's issuer name appears nowhere an outsider can
look - pages, search and its facets, matching panels, the issuer's page, workspaces,
notifications, exports, e-mails - until the issuer reveals it to an applicant."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import OrganizationKind
from catalog.models import ListingStatus
from challenges import rules, services
from challenges.models import ApplicationStatus, CallKind
from notifications.models import Notification
from reference.models import Industry
from search import outbox
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    ChainNodeFactory,
    OrganizationFactory,
    ProductFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

CANARY = "CANARY-7f3a整车集团"
LABEL = "某新能源整车企业"
# A word only the call (and the outsiders' products) carry, so search finds the call.
TERM = "氢燃料电堆"


@pytest.fixture(autouse=True)
def _own_index(settings, tmp_path):
    settings.SEARCH_INDEX_DIR = tmp_path / "index"


@pytest.fixture
def world():
    node = ChainNodeFactory(name="整车集成")
    issuer = OrganizationFactory(
        kind=OrganizationKind.LEAD, name=CANARY, description="整车制造与销售。", province="31"
    )
    call = CallFactory(
        kind=CallKind.CHALLENGE,
        issuer=issuer,
        anonymous=True,
        anonymous_label=LABEL,
        title=f"{TERM}低温冷启动攻关榜",
        summary=f"征集{TERM}低温冷启动方案。",
        background=f"{TERM}在零下三十度冷启动。",
        industry=Industry.objects.order_by("pk").first(),
    )
    call.chain_nodes.add(node)
    handler = handler_of(call)

    def sme(name):
        organization = OrganizationFactory(kind=OrganizationKind.SME, name=name)
        ProductFactory(
            organization=organization,
            title=f"{TERM}控制器{name}",
            summary=f"{TERM}低温冷启动控制器。",
            description=f"{TERM}冷启动。",
            keywords=[TERM],
            status=ListingStatus.PUBLISHED,
        )
        return organization, member_of(organization)

    uninvolved_org, uninvolved = sme("旁观科技")
    invited_org, invited = sme("受邀科技")
    applicant_org, applicant = sme("申报科技")
    application = ApplicationFactory(call=call, applicant=applicant_org)

    services.call_invite(actor=handler, call=call, organization=invited_org)
    services.call_follow(actor=uninvolved, call=call)
    question = services.question_ask(actor=invited, call=call, text="是否接受联合体？")
    services.question_answer(actor=handler, question=question, answer="接受。")

    for organization in (issuer, uninvolved_org, invited_org, applicant_org):
        outbox.index_later("organization", organization.pk)
        for product in organization.products.all():
            outbox.index_later("product", product.pk)
    outbox.index_later("call", call.pk)
    outbox.drain()
    return {
        "call": call,
        "node": node,
        "issuer": issuer,
        "handler": handler,
        "application": application,
        "viewers": {
            "anonymous": None,
            "uninvolved": uninvolved,
            "invited": invited,
            "applicant": applicant,
        },
        "organizations": {
            "uninvolved": uninvolved_org,
            "invited": invited_org,
            "applicant": applicant_org,
        },
    }


def xlsx_text(content: bytes) -> str:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return " ".join(
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )


def body_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        return xlsx_text(content)
    return content.decode("utf-8", errors="replace")


def pages_for(world, who) -> list[str]:
    """Every page that can show the call to this viewer."""
    call, node = world["call"], world["node"]
    urls = [
        reverse("challenges:call_list"),
        reverse("challenges:call_list") + f"?q={TERM}",
        reverse("challenges:call_list") + "?q=CANARY",
        reverse("challenges:call_list") + f"?node={node.pk}",
        reverse("challenges:call_detail", args=[call.pk]),
        reverse("search:search") + f"?q={TERM}",
        reverse("search:search") + f"?q={TERM}&type=call",
        reverse("portal:home"),
        reverse("chains:node_detail", args=[node.chain.slug, node.key]),
        reverse("chains:node_export", args=[node.chain.slug, node.key]),
    ]
    if who != "anonymous":
        organization = world["organizations"][who]
        product = organization.products.get()
        urls += [
            reverse("challenges:followed_calls"),
            reverse("challenges:my_applications"),
            reverse("portal:dashboard"),
            reverse("portal:for_you"),
            reverse("portal:organization_calls", args=[organization.pk]),
            f"/recommend/product/{product.pk}/calls/",
            reverse("notifications:list"),
        ]
    if who == "applicant":
        urls.append(world["application"].get_absolute_url())
    return urls


def assert_no_canary(client, world, who):
    user = world["viewers"][who]
    client.logout()
    if user is not None:
        client.force_login(user)
    seen_call = False
    for url in pages_for(world, who):
        response = client.get(url)
        assert response.status_code in (200, 302, 404), (who, url, response.status_code)
        body = body_of(response)
        assert body.count(CANARY) == 0, (who, url)
        seen_call = seen_call or (response.status_code == 200 and LABEL in body)
    assert seen_call, who  # the call was shown, by its label
    # The issuer's own page and its name in search are public, but lead nowhere near the call.
    for url in (
        reverse("portal:organization_detail", args=[world["issuer"].pk]),
        reverse("search:search") + "?q=CANARY",
        reverse("challenges:call_list") + "?q=CANARY",
    ):
        body = client.get(url).content.decode()
        assert world["call"].title not in body, (who, url)
        assert world["call"].get_absolute_url() not in body, (who, url)
        assert LABEL not in body, (who, url)
    if user is not None:
        texts = [n.text for n in Notification.objects.filter(recipient=user)]
        assert all(CANARY not in text for text in texts), (who, texts)


@pytest.mark.parametrize("who", ["anonymous", "uninvolved", "invited", "applicant"])
def test_the_issuer_name_appears_nowhere_an_outsider_looks(client, world, who):
    assert_no_canary(client, world, who)
    assert all(CANARY not in f"{m.subject} {m.body}" for m in mail.outbox)


def test_the_outsiders_were_told_and_found_the_call_by_its_label(client, world):
    invited = world["viewers"]["invited"]
    texts = [n.text for n in Notification.objects.filter(recipient=invited)]
    assert any(LABEL in text for text in texts)  # the invitation names the label
    client.force_login(world["viewers"]["uninvolved"])
    page = client.get(reverse("search:search") + f"?q={TERM}&type=call").text
    assert f'href="{world["call"].get_absolute_url()}"' in page and LABEL in page
    # Searching the list for the issuer's name does not find the call.
    found = client.get(reverse("challenges:call_list") + "?q=CANARY").text
    assert world["call"].title not in found
    assert world["call"].title in client.get(reverse("challenges:call_list") + f"?q={LABEL}").text


def test_after_the_reveal_the_applicant_sees_the_name_and_the_others_still_do_not(client, world):
    call, application = world["call"], world["application"]
    client.force_login(world["handler"])
    response = client.post(reverse("challenges:issuer_reveal", args=[application.pk]))
    assert response.status_code == 302

    applicant = world["viewers"]["applicant"]
    client.force_login(applicant)
    detail = client.get(call.get_absolute_url()).text
    assert CANARY in detail
    assert CANARY in client.get(reverse("challenges:my_applications")).text
    texts = [n.text for n in Notification.objects.filter(recipient=applicant)]
    assert any(CANARY in text for text in texts)

    for who in ("anonymous", "uninvolved", "invited"):
        assert_no_canary(client, world, who)


def test_the_issuers_members_and_administrators_see_the_name(client, world):
    call = world["call"]
    for user in (world["handler"], member_of(world["issuer"]), AdminUserFactory()):
        client.force_login(user)
        assert CANARY in client.get(call.get_absolute_url()).text
        assert rules.issuer_name_for(user, call) == CANARY
    client.force_login(AdminUserFactory())
    records = client.get(reverse("portal:progress_records") + "?key=calls").text
    assert CANARY in records


def test_a_government_department_overseeing_progress_reads_the_label(client, world):
    department = OrganizationFactory(kind=OrganizationKind.GOVERNMENT)
    client.force_login(member_of(department))
    records = client.get(reverse("portal:progress_records") + "?key=calls")
    assert records.status_code == 200
    assert CANARY not in records.text and LABEL in records.text
    export = client.get(reverse("portal:progress_export"))
    assert CANARY not in body_of(export)


def test_an_application_in_draft_does_not_open_the_name(world):
    organization = OrganizationFactory(kind=OrganizationKind.SME)
    ApplicationFactory(call=world["call"], applicant=organization, status=ApplicationStatus.DRAFT)
    assert not rules.shows_issuer_to_organization(organization, world["call"])
