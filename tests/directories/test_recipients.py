"""The administrators' registry of recipients: register a verified lead or large enterprise
with its channel, needs and chain nodes; edit; deactivate and reactivate; the registry shows
what each needs and how it answered. Nobody else sees any of it, and refusals change nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.models import OrganizationKind, VerificationStatus
from core.exceptions import InvalidState, NotAllowed
from directories import services
from directories.models import Channel, Recipient, RecommendationStatus
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    ChainNodeFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
)

from .test_recommendations import make_entry, make_recipient, make_version

pytestmark = pytest.mark.django_db

LIST_URL = reverse("directories:recipient_list")
CREATE_URL = reverse("directories:recipient_create")


def test_an_administrator_registers_a_lead_enterprise_and_the_registry_shows_its_needs(client):
    admin = AdminUserFactory()
    lead = OrganizationFactory(kind=OrganizationKind.LEAD, name="中国电驱集团有限公司")
    node = ChainNodeFactory(name="电驱系统")
    CallFactory(issuer=lead, title="800V电驱功率模块攻关榜")
    client.force_login(admin)
    form_page = client.get(CREATE_URL)
    assert form_page.status_code == 200 and lead.name in form_page.text

    response = client.post(
        CREATE_URL,
        {
            "organization": lead.pk,
            "channel": Channel.SASAC,
            "needs": "高可靠碳化硅功率模块",
            "chain_nodes": [node.pk],
        },
    )

    assert response.status_code == 302 and response.url == LIST_URL
    recipient = Recipient.objects.get(organization=lead)
    assert (recipient.channel, recipient.needs, recipient.registered_by) == (
        Channel.SASAC,
        "高可靠碳化硅功率模块",
        admin,
    )
    assert list(recipient.chain_nodes.all()) == [node]
    registry = client.get(LIST_URL).text
    for shown in (lead.name, "高可靠碳化硅功率模块", "电驱系统", "800V电驱功率模块攻关榜"):
        assert shown in registry
    # the enterprise is no longer offered for registering
    offered = client.get(CREATE_URL).context["form"].fields["organization"].queryset
    assert lead not in offered


def test_the_registry_counts_recommendations_viewed_and_answered():
    from directories import selectors
    from directories.models import Recommendation

    recipient = make_recipient()
    version = make_version()
    for status in (
        RecommendationStatus.SENT,
        RecommendationStatus.VIEWED,
        RecommendationStatus.INTERESTED,
        RecommendationStatus.NOT_RELEVANT,
    ):
        Recommendation.objects.create(entry=make_entry(version), recipient=recipient, status=status)

    (row,) = selectors.recipient_list()

    assert (row.recommendation_count, row.viewed_count, row.feedback_count) == (4, 3, 2)


def test_the_registry_page_shows_the_counts_and_filters_by_channel(client):
    sasac = make_recipient(channel=Channel.SASAC)
    acfic = make_recipient(channel=Channel.ACFIC)
    client.force_login(AdminUserFactory())
    page = client.get(LIST_URL, {"channel": Channel.ACFIC}).text
    assert acfic.organization.name in page and sasac.organization.name not in page
    assert '<td data-count="recommended">0</td>' in page


@pytest.mark.parametrize(
    "problem", ["sme", "unverified", "registered", "channel"], ids=lambda problem: problem
)
def test_registering_what_cannot_receive_recommendations_is_refused(problem):
    admin = AdminUserFactory()
    organization = OrganizationFactory(kind=OrganizationKind.LARGE)
    channel = Channel.ACFIC
    if problem == "sme":
        organization = OrganizationFactory(kind=OrganizationKind.SME)
    elif problem == "unverified":
        organization = OrganizationFactory(
            kind=OrganizationKind.LEAD, verification_status=VerificationStatus.PENDING
        )
    elif problem == "registered":
        Recipient.objects.create(organization=organization, channel=Channel.SASAC)
    elif problem == "channel":
        channel = "other"
    before = Recipient.objects.count()

    with pytest.raises(ValidationError) as refusal:
        services.recipient_register(actor=admin, organization=organization, channel=channel)

    assert Recipient.objects.count() == before
    if problem != "channel":
        assert organization.name in str(refusal.value.message_dict["organization"])


def test_only_platform_administrators_keep_the_registry():
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    for actor in (member_of(lead), UserFactory()):
        with pytest.raises(NotAllowed):
            services.recipient_register(actor=actor, organization=lead, channel=Channel.SASAC)
    recipient = make_recipient()
    with pytest.raises(NotAllowed):
        services.recipient_deactivate(actor=member_of(recipient.organization), recipient=recipient)
    assert Recipient.objects.count() == 1 and Recipient.objects.get().is_active


def test_an_unverified_enterprise_is_not_offered_and_a_forced_post_is_refused(client):
    pending = OrganizationFactory(
        kind=OrganizationKind.LEAD, verification_status=VerificationStatus.PENDING
    )
    client.force_login(AdminUserFactory())
    response = client.post(CREATE_URL, {"organization": pending.pk, "channel": Channel.SASAC})
    assert response.status_code == 200 and "data-error-summary" in response.text
    assert Recipient.objects.count() == 0


def test_an_administrator_edits_the_channel_needs_and_chain_nodes(client):
    recipient = make_recipient(channel=Channel.SASAC, needs="旧需求")
    recipient.chain_nodes.add(ChainNodeFactory())
    node = ChainNodeFactory(name="储能电池")
    client.force_login(AdminUserFactory())
    url = reverse("directories:recipient_edit", args=[recipient.pk])
    assert "旧需求" in client.get(url).text

    response = client.post(
        url, {"channel": Channel.ACFIC, "needs": "储能电芯供应商", "chain_nodes": [node.pk]}
    )

    assert response.status_code == 302
    recipient.refresh_from_db()
    assert (recipient.channel, recipient.needs) == (Channel.ACFIC, "储能电芯供应商")
    assert list(recipient.chain_nodes.all()) == [node]


def test_an_administrator_deactivates_and_reactivates_a_recipient(client):
    recipient = make_recipient()
    client.force_login(AdminUserFactory())
    deactivate = reverse("directories:recipient_deactivate", args=[recipient.pk])
    reactivate = reverse("directories:recipient_reactivate", args=[recipient.pk])
    assert deactivate in client.get(LIST_URL).text

    assert client.post(deactivate).status_code == 302
    recipient.refresh_from_db()
    assert not recipient.is_active
    assert reactivate in client.get(LIST_URL).text
    again = client.post(deactivate, follow=True)
    assert [m.level_tag for m in again.context["messages"]] == ["error"]

    client.post(reactivate)
    recipient.refresh_from_db()
    assert recipient.is_active
    with pytest.raises(InvalidState):
        services.recipient_reactivate(actor=AdminUserFactory(), recipient=recipient)


@pytest.mark.parametrize("who", ["anonymous", "user", "lead member", "sme member"])
def test_the_registry_is_not_found_for_anyone_but_administrators(client, who):
    recipient = make_recipient(needs="原需求")
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    user = {
        "user": UserFactory(),
        "lead member": member_of(recipient.organization),
        "sme member": member_of(OrganizationFactory()),
    }.get(who)
    if user is not None:
        client.force_login(user)
    expected = 302 if who == "anonymous" else 404
    edit = reverse("directories:recipient_edit", args=[recipient.pk])
    for url in (LIST_URL, CREATE_URL, edit):
        assert client.get(url).status_code == expected
    assert client.post(CREATE_URL, {"organization": lead.pk, "channel": "sasac"}).status_code == (
        expected
    )
    assert client.post(edit, {"channel": "acfic", "needs": "改"}).status_code == expected
    for name in ("recipient_deactivate", "recipient_reactivate"):
        url = reverse(f"directories:{name}", args=[recipient.pk])
        assert client.post(url).status_code == expected
    recipient.refresh_from_db()
    assert (recipient.channel, recipient.needs, recipient.is_active) == ("sasac", "原需求", True)
    assert Recipient.objects.count() == 1
