"""Conversations about an application (the applicant and the call's handlers) and about a
recommendation (the recipient and the recommended firm): each side opens, writes and reads;
everyone else gets 404 and nothing changes; the other side is notified; the inbox lists them
with unread counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import MembershipRole, OrganizationKind
from challenges.models import ApplicationStatus
from core.exceptions import InvalidState, NotAllowed
from directories.models import Recommendation
from docking import rules, selectors, services
from docking.models import Conversation, Message
from notifications.models import Notification
from tests.directories.test_recommendations import make_entry, make_recipient, make_version
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    OrganizationFactory,
    UserFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def detail_url(conversation):
    return reverse("docking:conversation_detail", args=[conversation.pk])


def send_url(conversation):
    return reverse("docking:message_send", args=[conversation.pk])


def pdf(name="方案.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@pytest.fixture
def application_world():
    issuer = OrganizationFactory(kind=OrganizationKind.LEAD, name="中国电驱集团有限公司")
    call = CallFactory(issuer=issuer, title="800V电驱功率模块攻关榜")
    applicant = OrganizationFactory(name="苏州芯测微电子科技有限公司")
    application = ApplicationFactory(call=call, applicant=applicant)
    rival = ApplicationFactory(call=call, applicant=OrganizationFactory(name="无锡对手科技"))
    return {
        "application": application,
        "applicant_user": member_of(applicant),
        "handler": handler_of(call),
        "issuer_plain": member_of(issuer, role=MembershipRole.MEMBER),
        "rival_user": member_of(rival.applicant),
        "outsider": member_of(OrganizationFactory(name="常州无关科技")),
        "admin": AdminUserFactory(),
    }


@pytest.fixture
def recommendation_world():
    version = make_version()
    firm = OrganizationFactory(name="常州精密传感科技有限公司")
    entry = make_entry(version, firm)
    recipient = make_recipient(name="中国示范集团有限公司")
    recommendation = Recommendation.objects.create(entry=entry, recipient=recipient)
    return {
        "recommendation": recommendation,
        "recipient_user": member_of(recipient.organization),
        "firm_user": member_of(firm),
        "outsider": member_of(OrganizationFactory(name="南通无关材料")),
        "admin": AdminUserFactory(),
    }


def refused(response, anonymous: bool) -> bool:
    """404 for a signed-in stranger; anonymous visitors are sent to sign in first."""
    if anonymous:
        return response.status_code == 302 and "/accounts/login/" in response.url
    return response.status_code == 404


def open_url(kind, obj):
    return reverse(f"docking:{kind}_conversation", args=[obj.pk])


def test_the_applicant_and_a_handler_talk_about_an_application(client, application_world):
    w = application_world
    application = w["application"]
    client.force_login(w["applicant_user"])
    page = client.get(reverse("challenges:application_detail", args=[application.pk]))
    assert f'data-application-conversation="{application.pk}"' in page.content.decode()
    response = client.get(open_url("application", application))
    conversation = Conversation.objects.get(application=application)
    assert response.status_code == 302 and response.url == detail_url(conversation)
    # Opening twice gets the same conversation.
    client.get(open_url("application", application))
    assert Conversation.objects.filter(application=application).count() == 1
    assert rules.conversation_parties(conversation) == (
        application.applicant,
        application.call.issuer,
    )

    response = client.post(send_url(conversation), {"body": "样品何时送检？", "attachment": pdf()})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.sender_organization == application.applicant
    # The handler is told; the issuer's plain member (not a handler) is not.
    notified = set(Notification.objects.values_list("recipient_id", flat=True))
    assert w["handler"].pk in notified
    assert w["issuer_plain"].pk not in notified
    assert w["applicant_user"].pk not in notified

    client.force_login(w["handler"])
    inbox = client.get(reverse("docking:conversation_list")).content.decode()
    assert f'data-conversation="{conversation.pk}" data-unread="1"' in inbox
    assert "800V电驱功率模块攻关榜" in inbox
    assert selectors.unread_message_count(w["handler"]) == 1
    page = client.get(detail_url(conversation)).content.decode()
    assert "样品何时送检？" in page
    assert 'data-conversation-kind="application"' in page
    assert reverse("challenges:application_detail", args=[application.pk]) in page
    assert selectors.unread_message_count(w["handler"]) == 0
    attachment = client.get(reverse("docking:message_attachment", args=[message.pk]))
    assert attachment.status_code == 200
    assert b"".join(attachment.streaming_content) == PDF

    # The handler answers as the issuer; the applicant is told.
    client.post(send_url(conversation), {"body": "下周三。"})
    answer = Message.objects.latest("pk")
    assert answer.sender_organization == application.call.issuer
    assert Notification.objects.filter(recipient=w["applicant_user"]).exists()
    assert selectors.unread_message_count(w["applicant_user"]) == 1
    client.force_login(w["applicant_user"])
    assert "下周三。" in client.get(detail_url(conversation)).content.decode()


@pytest.mark.parametrize("who", ["issuer_plain", "rival_user", "outsider", "admin", None])
def test_nobody_else_opens_or_writes_in_an_application_conversation(client, application_world, who):
    w = application_world
    application = w["application"]
    conversation = services.conversation_of_application(application)
    message = services.message_send(
        actor=w["applicant_user"],
        conversation=conversation,
        body="机密",
        document=None,
    )
    Message.objects.filter(pk=message.pk).update(attachment="messages/x.pdf")
    if who:
        client.force_login(w[who])
        page = client.get(reverse("challenges:application_detail", args=[application.pk]))
        assert "data-application-conversation" not in page.content.decode()
    anonymous = who is None
    assert refused(client.get(open_url("application", application)), anonymous)
    assert refused(client.get(detail_url(conversation)), anonymous)
    assert refused(client.post(send_url(conversation), {"body": "插话"}), anonymous)
    attachment_url = reverse("docking:message_attachment", args=[message.pk])
    assert refused(client.get(attachment_url), anonymous)
    assert Conversation.objects.count() == 1
    assert Message.objects.count() == 1
    if who:
        with pytest.raises(NotAllowed):
            services.message_send(actor=w[who], conversation=conversation, body="插话")
        assert selectors.unread_message_count(w[who]) == 0
        assert not selectors.conversations_of_user(w[who]).exists()


def test_an_application_conversation_is_closed_when_withdrawn_and_absent_for_drafts(
    client, application_world
):
    w = application_world
    application = w["application"]
    conversation = services.conversation_of_application(application)
    services.message_send(actor=w["handler"], conversation=conversation, body="请补充材料")
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])
    with pytest.raises(InvalidState):
        services.message_send(actor=w["applicant_user"], conversation=conversation, body="好")
    client.force_login(w["applicant_user"])
    page = client.get(detail_url(conversation)).content.decode()
    assert "请补充材料" in page and "data-conversation-read-only" in page

    draft = ApplicationFactory(
        call=application.call, applicant=application.applicant, status=ApplicationStatus.DRAFT
    )
    assert client.get(open_url("application", draft)).status_code == 404
    assert not Conversation.objects.filter(application=draft).exists()


def test_the_recipient_and_the_firm_talk_about_a_recommendation(client, recommendation_world):
    w = recommendation_world
    recommendation = w["recommendation"]
    client.force_login(w["recipient_user"])
    page = client.get(reverse("directories:recommendation_detail", args=[recommendation.pk]))
    assert f'data-recommendation-conversation="{recommendation.pk}"' in page.content.decode()
    response = client.get(open_url("recommendation", recommendation))
    conversation = Conversation.objects.get(recommendation=recommendation)
    assert response.url == detail_url(conversation)
    client.post(send_url(conversation), {"body": "请提供产品样册。"})
    message = Message.objects.get()
    assert message.sender_organization == recommendation.recipient.organization
    assert Notification.objects.filter(recipient=w["firm_user"]).exists()

    client.force_login(w["firm_user"])
    inbox = client.get(reverse("docking:conversation_list")).content.decode()
    assert f'data-conversation="{conversation.pk}" data-unread="1"' in inbox
    assert 'data-conversation-kind="recommendation"' in inbox
    page = client.get(detail_url(conversation)).content.decode()
    assert "请提供产品样册。" in page
    assert reverse("directories:recommendation_detail", args=[recommendation.pk]) in page
    client.post(
        send_url(conversation),
        {"body": "附件为样册。", "attachment": SimpleUploadedFile("样册.pdf", PDF)},
    )
    answer = Message.objects.latest("pk")
    assert answer.sender_organization == recommendation.entry.organization
    assert answer.attachment_name == "样册.pdf"
    assert selectors.unread_message_count(w["recipient_user"]) == 1
    client.force_login(w["recipient_user"])
    response = client.get(reverse("docking:message_attachment", args=[answer.pk]))
    assert response.status_code == 200

    # A deactivated recipient's conversation stays readable, closed for writing.
    recommendation.recipient.is_active = False
    recommendation.recipient.save(update_fields=["is_active"])
    with pytest.raises(InvalidState):
        services.message_send(actor=w["firm_user"], conversation=conversation, body="还在吗")


@pytest.mark.parametrize("who", ["outsider", "admin", "stranger", None])
def test_nobody_else_opens_or_writes_in_a_recommendation_conversation(
    client, recommendation_world, who
):
    w = recommendation_world
    recommendation = w["recommendation"]
    conversation = services.conversation_of_recommendation(recommendation)
    message = services.message_send(
        actor=w["firm_user"], conversation=conversation, body="机密报价"
    )
    Message.objects.filter(pk=message.pk).update(attachment="messages/x.pdf")
    user = UserFactory() if who == "stranger" else w.get(who)
    if user:
        client.force_login(user)
    anonymous = user is None
    assert refused(client.get(open_url("recommendation", recommendation)), anonymous)
    assert refused(client.get(detail_url(conversation)), anonymous)
    assert refused(client.post(send_url(conversation), {"body": "插话"}), anonymous)
    attachment_url = reverse("docking:message_attachment", args=[message.pk])
    assert refused(client.get(attachment_url), anonymous)
    assert Conversation.objects.count() == 1
    assert Message.objects.count() == 1
    if user:
        with pytest.raises(NotAllowed):
            services.message_send(actor=user, conversation=conversation, body="插话")


def test_the_inbox_lists_all_three_kinds_with_unread_counts(
    client, application_world, recommendation_world
):
    """One organization that is an applicant and a recommended firm sees both conversations."""
    w = application_world
    firm_user = recommendation_world["firm_user"]
    firm = recommendation_world["recommendation"].entry.organization
    application = ApplicationFactory(call=w["application"].call, applicant=firm)
    about_application = services.conversation_of_application(application)
    about_recommendation = services.conversation_of_recommendation(
        recommendation_world["recommendation"]
    )
    services.message_send(actor=w["handler"], conversation=about_application, body="一")
    services.message_send(actor=w["handler"], conversation=about_application, body="二")
    services.message_send(
        actor=recommendation_world["recipient_user"], conversation=about_recommendation, body="三"
    )
    client.force_login(firm_user)
    inbox = client.get(reverse("docking:conversation_list")).content.decode()
    assert f'data-conversation="{about_application.pk}" data-unread="2"' in inbox
    assert f'data-conversation="{about_recommendation.pk}" data-unread="1"' in inbox
    assert 'data-unread-total="3"' in inbox
    assert selectors.unread_message_count(firm_user) == 3
    # The handler's inbox lists the application only.
    handler_ids = set(selectors.conversations_of_user(w["handler"]).values_list("pk", flat=True))
    assert handler_ids == {about_application.pk}


def test_a_conversation_is_about_exactly_one_thing(application_world, recommendation_world):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Conversation.objects.create()
    with pytest.raises(IntegrityError), transaction.atomic():
        Conversation.objects.create(
            application=application_world["application"],
            recommendation=recommendation_world["recommendation"],
        )
