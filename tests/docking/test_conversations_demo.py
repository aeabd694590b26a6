"""The demo's messages on handshakes (demo/docking_messages.py): written through the services,
dated back, one with a PDF, unread for the demo login ``sme``; seeding twice changes nothing.
The handshakes come from the docking demo; missing ones are made here so the seeder is tested
on its own."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Organization, User
from catalog.models import OpenResource, Product, ResearchResult
from challenges.models import Call
from demo.docking_messages import MessageSeeder
from demo.loader import load
from docking import selectors
from docking.models import Interest, InterestStatus, Message

pytestmark = pytest.mark.django_db


def _organizations():
    by_name = {o.name: o for o in Organization.objects.all()}
    return {spec.key: by_name[spec.name] for spec in load().organizations if spec.name in by_name}


def _target(title):
    for model, field in ((ResearchResult, "result"), (Product, "product"),
                         (OpenResource, "resource"), (Call, "call")):  # fmt: skip
        found = model.objects.filter(title=title).first()
        if found is not None:
            return field, found
    raise AssertionError(title)


def _owner(organization):
    return organization.memberships.select_related("user").get(role="admin").user


def _ensure_handshakes(organizations):
    for spec in load().handshake_conversations:
        field, target = _target(spec.target)
        Interest.objects.get_or_create(
            requester=organizations[spec.requester],
            owner=organizations[spec.owner],
            **{field: target},
            defaults={"wants": "licence", "note": "演示", "status": InterestStatus.ACCEPTED},
        )


def test_the_demo_messages_load_once_with_an_attachment_and_unread_for_sme(client):
    call_command("seed_demo", "--quiet")
    organizations = _organizations()
    _ensure_handshakes(organizations)
    content = load()
    MessageSeeder(content=content, organizations=organizations, owner_of=_owner).run()
    assert Message.objects.count() == sum(len(c.messages) for c in content.handshake_conversations)
    assert Message.objects.exclude(attachment="").count() >= 1
    sme = User.objects.get(username="sme")
    assert selectors.unread_message_count(sme) >= 1
    university = User.objects.get(username="university")
    assert selectors.unread_message_count(university) >= 1
    # Seeding again changes nothing.
    count = Message.objects.count()
    assert MessageSeeder(content=content, organizations=organizations, owner_of=_owner).run() == 0
    call_command("seed_demo", "--quiet")
    assert Message.objects.count() == count

    client.force_login(sme)
    inbox = client.get(reverse("docking:conversation_list"))
    assert inbox.status_code == 200
    assert "碳化硅功率模块低温纳米银烧结互连技术" in inbox.content.decode()
    with_file = Message.objects.exclude(attachment="").first()
    download = client.get(reverse("docking:message_attachment", args=[with_file.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_conversation_without_its_handshake_is_skipped():
    call_command("seed_demo", "--quiet")
    seeder = MessageSeeder(content=load(), organizations=_organizations(), owner_of=_owner)
    Interest.objects.all().delete()
    assert seeder.run() == 0
    assert len(seeder.skipped) == len(load().handshake_conversations)
