"""Conversations of handshakes: the two sides write, read, see unread counts and download
attachments; nobody else sees anything (404) and nothing changes; a withdrawn interest's
conversation is read-only; the other side is notified once until it reads."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext

from accounts.models import MembershipRole, OrganizationKind
from accounts.rules import membership_of
from core.exceptions import InvalidState, NotAllowed
from docking import selectors, services
from docking.models import Conversation, ConversationRead, Interest, InterestStatus, Message
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    ResearchResultFactory,
    UserFactory,
    member_of,
)
from uploads.documents import check_document

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def handshake():
    owner = OrganizationFactory(kind=OrganizationKind.UNIVERSITY, name="东南理工大学")
    requester = OrganizationFactory(name="苏州芯测微电子科技有限公司")
    result = ResearchResultFactory(organization=owner, title="低温银烧结工艺")
    interest = Interest.objects.create(
        requester=requester,
        owner=owner,
        result=result,
        wants="licence",
        note="希望获得许可。",
        status=InterestStatus.ACCEPTED,
    )
    return interest


@pytest.fixture
def conversation(handshake):
    return services.conversation_of(handshake)


@pytest.fixture
def firm_user(handshake):
    return member_of(handshake.requester)


@pytest.fixture
def university_user(handshake):
    return member_of(handshake.owner)


def send(user, conversation, body="您好，想了解许可条件。", document=None):
    return services.message_send(
        actor=user, conversation=conversation, body=body, document=document
    )


def detail_url(conversation):
    return reverse("docking:conversation_detail", args=[conversation.pk])


def send_url(conversation):
    return reverse("docking:message_send", args=[conversation.pk])


def attachment_url(message):
    return reverse("docking:message_attachment", args=[message.pk])


# --- sending ---------------------------------------------------------------------------------


def test_a_party_sends_a_message_through_the_page(client, conversation, firm_user):
    client.force_login(firm_user)
    response = client.post(send_url(conversation), {"body": "请问许可费用如何计算？"})
    assert response.status_code == 302
    assert response["Location"] == detail_url(conversation)
    message = Message.objects.get()
    assert message.body == "请问许可费用如何计算？"
    assert message.sender == firm_user
    assert message.sender_organization == conversation.interest.requester
    conversation.refresh_from_db()
    assert conversation.last_message_at == message.created_at
    page = client.get(detail_url(conversation)).content.decode()
    assert "请问许可费用如何计算？" in page
    assert firm_user.name in page
    assert 'data-message-side="mine"' in page


def test_the_owner_side_answers_with_its_organization(conversation, firm_user, university_user):
    send(firm_user, conversation)
    answer = send(university_user, conversation, body="可以，按销售额提成。")
    assert answer.sender_organization == conversation.interest.owner
    bodies = [m.body for m in selectors.conversation_messages(conversation)]
    assert bodies == ["您好，想了解许可条件。", "可以，按销售额提成。"]


def test_an_empty_or_too_long_message_is_refused(client, conversation, firm_user):
    client.force_login(firm_user)
    response = client.post(send_url(conversation), {"body": "   "})
    assert response.status_code == 400
    response = client.post(send_url(conversation), {"body": "长" * 4001})
    assert response.status_code == 400
    assert not Message.objects.exists()
    with pytest.raises(ValidationError):
        send(firm_user, conversation, body="  ")
    with pytest.raises(ValidationError):
        send(firm_user, conversation, body="长" * 4001)
    assert send(firm_user, conversation, body="长" * 4000).body == "长" * 4000


def test_a_withdrawn_interest_is_read_only(client, conversation, firm_user, university_user):
    send(firm_user, conversation, body="第一条消息")
    Interest.objects.filter(pk=conversation.interest_id).update(status=InterestStatus.WITHDRAWN)
    conversation.interest.refresh_from_db()
    with pytest.raises(InvalidState):
        send(university_user, conversation)
    client.force_login(university_user)
    response = client.post(send_url(conversation), {"body": "还在吗？"}, follow=True)
    assert response.status_code == 200
    closed = gettext(
        "This conversation is closed: the interest was withdrawn or declined. "
        "You can still read it."
    )
    assert closed in response.content.decode()
    assert Message.objects.count() == 1
    page = client.get(detail_url(conversation)).content.decode()
    assert "第一条消息" in page
    assert "data-conversation-read-only" in page
    assert "data-message-form" not in page


def test_a_declined_interest_refuses_messages(conversation, firm_user):
    Interest.objects.filter(pk=conversation.interest_id).update(status=InterestStatus.DECLINED)
    conversation.interest.refresh_from_db()
    with pytest.raises(InvalidState):
        send(firm_user, conversation)


def test_messages_still_go_after_a_deal_or_no_deal(conversation, firm_user):
    for status in (InterestStatus.NEGOTIATING, InterestStatus.DEAL, InterestStatus.NO_DEAL):
        Interest.objects.filter(pk=conversation.interest_id).update(status=status)
        conversation.interest.refresh_from_db()
        send(firm_user, conversation, body=f"状态 {status}")
    assert Message.objects.count() == 3


# --- visibility ------------------------------------------------------------------------------


@pytest.fixture
def outsiders(handshake):
    return {
        "other organization": member_of(OrganizationFactory()),
        "no organization": UserFactory(),
        "administrator": AdminUserFactory(),
        "pending member": member_of(handshake.owner, role=MembershipRole.MEMBER),
    }


@pytest.mark.parametrize(
    "who", ["other organization", "no organization", "administrator", "pending member"]
)
def test_only_the_two_sides_see_a_conversation(client, conversation, firm_user, outsiders, who):
    user = outsiders[who]
    if who == "pending member":
        user.memberships.update(status="pending")
    document = check_document(BytesIO(PDF), "报价单.pdf")
    message = send(firm_user, conversation, body="机密报价", document=document)
    client.force_login(user)
    assert client.get(detail_url(conversation)).status_code == 404
    assert client.get(attachment_url(message)).status_code == 404
    assert client.post(send_url(conversation), {"body": "我也想说"}).status_code == 404
    inbox = client.get(reverse("docking:conversation_list"))
    assert inbox.status_code == 200
    assert "机密报价" not in inbox.content.decode()
    assert f'data-conversation="{conversation.pk}"' not in inbox.content.decode()
    assert Message.objects.count() == 1
    assert not ConversationRead.objects.filter(user=user).exists()
    with pytest.raises(NotAllowed):
        send(user, conversation)
    assert selectors.unread_message_count(user) == 0


def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, conversation, firm_user):
    message = send(firm_user, conversation, document=check_document(BytesIO(PDF), "a.pdf"))
    for url in (detail_url(conversation), attachment_url(message)):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
    assert client.post(send_url(conversation), {"body": "匿名"}).status_code == 302
    assert Message.objects.count() == 1


def test_a_missing_conversation_is_404(client, firm_user):
    client.force_login(firm_user)
    assert client.get(reverse("docking:conversation_detail", args=[999999])).status_code == 404


# --- reading and unread counts ---------------------------------------------------------------


def test_unread_counts_and_reading(client, conversation, firm_user, university_user):
    send(firm_user, conversation, body="一")
    send(firm_user, conversation, body="二")
    assert selectors.unread_message_count(university_user) == 2
    assert selectors.conversation_unread_count(university_user, conversation) == 2
    # One's own messages are never unread.
    assert selectors.unread_message_count(firm_user) == 0

    client.force_login(university_user)
    inbox = client.get(reverse("docking:conversation_list")).content.decode()
    assert f'data-conversation="{conversation.pk}" data-unread="2"' in inbox
    assert 'data-unread-messages="2"' in inbox  # the header link
    assert "低温银烧结工艺" in inbox

    page = client.get(detail_url(conversation))
    assert page.status_code == 200
    assert ConversationRead.objects.filter(user=university_user, conversation=conversation).exists()
    assert selectors.unread_message_count(university_user) == 0
    assert (
        'data-unread-messages="0"'
        in client.get(reverse("docking:conversation_list")).content.decode()
    )

    send(firm_user, conversation, body="三")
    assert selectors.conversation_unread_count(university_user, conversation) == 1
    # Answering reads the conversation too.
    send(university_user, conversation, body="收到")
    assert selectors.unread_message_count(university_user) == 0
    assert selectors.unread_message_count(firm_user) == 1


def test_the_inbox_lists_newest_first(client, handshake, firm_user, university_user):
    first = services.conversation_of(handshake)
    other_result = ResearchResultFactory(organization=handshake.owner, title="氮化镓外延片")
    second_interest = Interest.objects.create(
        requester=handshake.requester,
        owner=handshake.owner,
        result=other_result,
        wants="joint",
        note="联合开发",
        status=InterestStatus.NEGOTIATING,
    )
    second = services.conversation_of(second_interest)
    send(firm_user, first, body="旧")
    send(firm_user, second, body="新")
    conversations = list(selectors.conversations_of_user(university_user))
    assert [c.pk for c in conversations] == [second.pk, first.pk]
    assert [c.unread for c in conversations] == [1, 1]
    send(university_user, first, body="回复")
    assert [c.pk for c in selectors.conversations_of_user(firm_user)] == [first.pk, second.pk]
    client.force_login(firm_user)
    page = client.get(reverse("docking:conversation_list")).content.decode()
    assert page.index("低温银烧结工艺") < page.index("氮化镓外延片")


def test_the_header_count_is_one_query(
    conversation, firm_user, university_user, django_assert_num_queries
):
    send(firm_user, conversation)
    membership_of(university_user)  # cached on the user: pages have loaded it already
    with django_assert_num_queries(1):
        assert selectors.unread_message_count(university_user) == 1


# --- attachments -----------------------------------------------------------------------------


def test_a_message_with_a_pdf_is_served_as_a_private_download(
    client, conversation, firm_user, university_user
):
    client.force_login(firm_user)
    upload = SimpleUploadedFile("技术方案.pdf", PDF, content_type="application/pdf")
    response = client.post(send_url(conversation), {"body": "方案见附件", "attachment": upload})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.attachment_name == "技术方案.pdf"
    assert message.attachment.name.startswith("messages/")
    assert "技术方案" not in message.attachment.name  # stored under a random name

    client.force_login(university_user)
    page = client.get(detail_url(conversation)).content.decode()
    assert f'data-message-attachment="{message.pk}"' in page
    download = client.get(attachment_url(message))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("脚本.html", b"<script>alert(1)</script>"),
        ("伪装.pdf", b"not a pdf at all"),
        ("空.pdf", b""),
    ],
)
def test_refused_attachments_send_nothing(client, conversation, firm_user, name, content):
    client.force_login(firm_user)
    upload = SimpleUploadedFile(name, content)
    response = client.post(send_url(conversation), {"body": "附件", "attachment": upload})
    assert response.status_code == 400
    assert not Message.objects.exists()
    assert "附件" in response.content.decode()  # the form keeps what was typed


def test_a_message_without_attachment_has_no_download(client, conversation, firm_user):
    message = send(firm_user, conversation)
    client.force_login(firm_user)
    assert client.get(attachment_url(message)).status_code == 404


# --- notifications ---------------------------------------------------------------------------


def test_the_other_side_is_notified_once_until_it_reads(
    client, conversation, firm_user, university_user
):
    colleague = member_of(conversation.interest.owner, role=MembershipRole.MEMBER)
    send(firm_user, conversation, body="一")
    send(firm_user, conversation, body="二")
    notes = Notification.objects.filter(verb="docking.message")
    assert sorted(n.recipient_id for n in notes) == sorted([university_user.pk, colleague.pk])
    assert not notes.filter(recipient=firm_user).exists()
    note = notes.get(recipient=university_user)
    assert note.url == detail_url(conversation)
    assert note.params["organization"] == conversation.interest.requester.name
    assert note.params["target"] == "低温银烧结工艺"

    client.force_login(university_user)
    client.get(detail_url(conversation))
    note.refresh_from_db()
    assert note.read_at is not None  # opening the conversation reads its notification

    send(firm_user, conversation, body="三")
    assert notes.filter(recipient=university_user).count() == 2
    assert notes.filter(recipient=colleague).count() == 1  # still has not read it

    send(university_user, conversation, body="回复")
    assert notes.filter(recipient=firm_user).count() == 1
    send(university_user, conversation, body="再补充")
    assert notes.filter(recipient=firm_user).count() == 1


def test_conversation_of_is_one_per_interest(handshake):
    assert services.conversation_of(handshake) == services.conversation_of(handshake)
    assert Conversation.objects.count() == 1


# --- the panel on the interest page ---------------------------------------------------------


def test_the_interest_page_links_the_conversation_for_the_parties_only(
    client, handshake, conversation, firm_user, university_user
):
    send(firm_user, conversation, body="一")
    url = reverse("docking:interest_detail", args=[handshake.pk])
    client.force_login(university_user)
    page = client.get(url).content.decode()
    assert detail_url(conversation) in page
    assert 'data-unread="1"' in page
    client.force_login(AdminUserFactory())
    page = client.get(url)
    assert page.status_code == 200  # administrators see the interest, not the conversation
    assert f'data-conversation-panel="{conversation.pk}"' in page.content.decode()
    assert detail_url(conversation) not in page.content.decode()


def test_the_panel_before_acceptance():
    from django.template.loader import render_to_string

    html = render_to_string("docking/_conversation.html", {"interest": None, "conversation": None})
    assert "data-conversation-closed" in html
