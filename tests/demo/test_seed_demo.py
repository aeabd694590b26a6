import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import Organization, OrganizationKind, QualificationLevel, User
from catalog.models import ChainNode, IndustryChain, ListingStatus, Product, ResearchResult
from demo.loader import load

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "users": User.objects.count(),
        "organizations": Organization.objects.count(),
        "products": Product.objects.count(),
        "results": ResearchResult.objects.count(),
        "nodes": ChainNode.objects.count(),
        "statuses": sorted(Product.objects.values_list("status", flat=True)),
    }


def test_seed_demo_loads_the_demo_and_running_it_again_changes_nothing(capsys):
    call_command("seed_demo")
    first = snapshot()
    output = capsys.readouterr().out
    for login in load().logins:
        assert login.username in output

    call_command("seed_demo", "--quiet")
    assert snapshot() == first


def test_demo_meets_the_promised_size_and_variety():
    call_command("seed_demo", "--quiet")
    assert IndustryChain.objects.count() >= 3
    for chain in IndustryChain.objects.all():
        assert chain.nodes.count() >= 8
    assert Organization.objects.count() >= 40
    kinds = set(Organization.objects.values_list("kind", flat=True))
    assert kinds == set(OrganizationKind.values)
    assert Organization.objects.values("province").distinct().count() >= 5
    assert Organization.objects.filter(qualification_level=QualificationLevel.NATIONAL).exists()
    assert Organization.objects.filter(qualification_level=QualificationLevel.PROVINCIAL).exists()
    assert Product.objects.count() + ResearchResult.objects.count() >= 80
    assert Product.objects.filter(status=ListingStatus.PENDING_REVIEW).exists()
    assert Product.objects.filter(status=ListingStatus.REJECTED).exists()


def test_demo_logins_work(client):
    call_command("seed_demo", "--quiet")
    for login in load().logins:
        # through the login page: django-axes needs the request to count failures
        response = client.post(
            reverse("accounts:login"),
            {"username": login.username, "password": "demo-2026"},
        )
        assert response.status_code == 302, login.username
        assert response["Location"] == reverse("portal:dashboard")
        client.post(reverse("accounts:logout"))


def test_demo_shows_every_step_of_measure_twelve():
    """Imported lists, willingness, a published directory of firms and one of products with
    a second version, recipients of both channels, recommendations in every feedback state
    with outcomes at every stage, and the flags a withdrawal and an expiry raise."""
    from directories.models import (
        Channel,
        Directory,
        DirectoryKind,
        ImportStatus,
        Outcome,
        OutcomeStage,
        QualificationImport,
        Recipient,
        Recommendation,
        RecommendationStatus,
        Willingness,
        WillingnessStatus,
    )
    from directories.selectors.directories import WILLINGNESS_WITHDRAWN, entry_flags

    call_command("seed_demo", "--quiet")
    statuses = set(QualificationImport.objects.values_list("status", flat=True))
    assert {ImportStatus.APPLIED, ImportStatus.DRY_RUN} <= statuses
    assert set(Willingness.objects.values_list("status", flat=True)) == set(WillingnessStatus)
    published = {
        directory.kind: directory.versions.filter(status="published").count()
        for directory in Directory.objects.all()
    }
    assert published == {DirectoryKind.FIRMS: 1, DirectoryKind.PRODUCTS: 2}
    assert set(Recipient.objects.values_list("channel", flat=True)) == set(Channel)
    feedback = set(Recommendation.objects.values_list("status", flat=True))
    assert feedback == set(RecommendationStatus)
    assert set(Outcome.objects.values_list("stage", flat=True)) == set(OutcomeStage)
    assert Recommendation.objects.exclude(invitation=None).exists()
    # The withdrawn product is flagged in the published versions it is in.
    withdrawn = Willingness.objects.get(status=WillingnessStatus.WITHDRAWN)
    entries = list(withdrawn.organization.directory_entries.select_related("version__directory"))
    assert entries and all(
        WILLINGNESS_WITHDRAWN in flags for flags in entry_flags(entries).values()
    )
    # The applied list gave one little giant a review date already past: it is flagged.
    assert Organization.objects.filter(qualification_flag="expired").exists()


def test_demo_chain_maps_show_little_giants_and_gaps(client):
    from chains.selectors import chain_map

    call_command("seed_demo", "--quiet")
    for chain in IndustryChain.objects.all():
        tiles = []

        def walk(each, tiles=tiles):
            for tile in each:
                tiles.append(tile)
                walk(tile.children)

        for _stage, _label, roots in chain_map(chain).stages:
            walk(roots)
        assert any(tile.is_gap for tile in tiles), chain.slug
        assert any(tile.little_giants and not tile.children for tile in tiles), chain.slug
        response = client.get(reverse("chains:chain_detail", args=[chain.slug]))
        assert response.status_code == 200
        assert "data-gap" in response.text


def test_demo_shows_access_requests_and_supplier_applications_in_every_state(client):
    from chains.models import AccessRequest, AccessStatus, SupplierApplication, SupplierStatus

    call_command("seed_demo", "--quiet")
    assert set(AccessRequest.objects.values_list("status", flat=True)) == set(AccessStatus.values)
    assert set(SupplierApplication.objects.values_list("status", flat=True)) == set(
        SupplierStatus.values
    )
    assert SupplierApplication.objects.filter(resource__kind="project").exists()
    # The demo lead sees requests to answer, the demo SME its own, on their pages.
    lead = User.objects.get(username="lead")
    client.force_login(lead)
    organization = lead.memberships.get().organization
    page = client.get(reverse("chains:access_requests_of", args=[organization.pk]))
    assert page.status_code == 200
    assert "data-access-request=" in page.text
    sme = User.objects.get(username="sme")
    client.force_login(sme)
    organization = sme.memberships.get().organization
    page = client.get(reverse("chains:supplier_applications_of", args=[organization.pk]))
    assert "data-supplier-application=" in page.text


def test_demo_shows_demonstration_directions_with_pairs_from_every_source_and_status(client):
    from chains.models import CandidatePair, DemonstrationDirection, PairSource, PairStatus

    call_command("seed_demo", "--quiet")
    opened = DemonstrationDirection.objects.exclude(status="draft")
    assert set(opened.values_list("chain__slug", flat=True)) == {"ic", "nev", "machine-tools"}
    for direction in opened:
        assert 2 <= direction.items.count() <= 4
        assert all(item.chain_node.chain_id == direction.chain_id for item in direction.items.all())
    pairs = CandidatePair.objects.all()
    assert set(pairs.values_list("source", flat=True)) == set(PairSource.values)
    assert set(pairs.values_list("status", flat=True)) == set(PairStatus.values)
    assert not pairs.filter(status=PairStatus.DECLINED, decision_note="").exists()
    # the NEV direction fills the demo demonstration call: its invitations are the call's
    nev = opened.get(chain__slug="nev")
    assert nev.call.title == "新能源汽车热管理系统“一条龙”示范应用推荐"
    invited = pairs.filter(item__direction=nev, status=PairStatus.INVITED)
    assert invited.exists()
    assert all(pair.invitation.call == nev.call for pair in invited)
    # the demo department (login "gov") sees its recommendations and the decisions
    client.force_login(User.objects.get(username="gov"))
    page = client.get(reverse("chains:direction_proposals"))
    own = pairs.filter(recommended_by_organization__memberships__user__username="gov")
    assert own.exists()
    assert page.text.count("data-proposal=") == own.count()


def test_demo_shows_platforms_bookings_and_a_completed_first_use_with_evidence(client):
    from catalog.models import CatalogueEntry, ProductVerification
    from challenges.models import EVIDENCE_BEFORE_ACCEPTANCE, CallStatus, FirstUseEvidence
    from verification.models import BookingStatus, PlatformBooking, VerificationPlatform

    call_command("seed_demo", "--quiet")
    assert VerificationPlatform.objects.count() >= 2
    # the probe-card project in progress has a platform confirmed and another awaiting
    probe = PlatformBooking.objects.filter(call__title="MEMS垂直探针卡量产线工程化应用验证")
    assert {BookingStatus.CONFIRMED, BookingStatus.REQUESTED} <= set(
        probe.values_list("status", flat=True)
    )
    assert probe.get(status=BookingStatus.CONFIRMED, platform__capacity=2).call.status == (
        CallStatus.IN_PROGRESS
    )
    # a completed first use: accepted, with its evidence, naming the user firm
    verification = ProductVerification.objects.get(product__title="6N级高纯三氟化氮")
    assert verification.user_organization.name == "上海华准集成电路制造有限公司"
    kinds = set(
        FirstUseEvidence.objects.filter(
            application__product=verification.product,
            application__call__status=CallStatus.ACCEPTED,
        ).values_list("kind", flat=True)
    )
    assert set(EVIDENCE_BEFORE_ACCEPTANCE) | {"purchase"} == kinds
    assert CatalogueEntry.objects.values("kind").distinct().count() == 3
    # the product page's panel shows it all; the product's firm downloads the files
    panel = reverse("verification:product_panel", args=[verification.product.pk])
    public = client.get(panel).text
    assert "上海华准集成电路制造有限公司" in public and "data-file" not in public
    assert "重点新材料首批次应用示范指导目录（2024年版）" in public
    client.force_login(verification.product.organization.memberships.first().user)
    assert client.get(panel).text.count("data-file") == 4


def test_demo_shows_conversations_on_handshakes_with_unread_messages(client):
    from docking import selectors as docking_selectors
    from docking.models import Interest, Message

    call_command("seed_demo", "--quiet")
    if not Interest.objects.exists():
        pytest.skip("the docking demo (demo/data/docking.toml) seeds no handshake yet")
    conversations = Message.objects.values("conversation").distinct().count()
    assert conversations >= 2
    assert Message.objects.exclude(attachment="").exists()
    sme = User.objects.get(username="sme")
    assert docking_selectors.unread_message_count(sme) >= 1
    client.force_login(sme)
    inbox = client.get(reverse("docking:conversation_list"))
    unread = docking_selectors.unread_message_count(sme)
    assert f'data-unread-total="{unread}"' in inbox.content.decode()


def test_demo_shows_interests_handshakes_and_deals_in_every_state(client):
    from docking.models import Conversation, Deal, Interest, InterestStatus

    call_command("seed_demo", "--quiet")
    statuses = set(Interest.objects.values_list("status", flat=True))
    assert statuses == set(InterestStatus.values)
    assert Deal.objects.filter(confirmed_at__isnull=False).count() >= 2
    unconfirmed = Deal.objects.get(confirmed_at=None)
    assert unconfirmed.interest.status == InterestStatus.NEGOTIATING
    handshakes = Interest.objects.filter(status__in=["accepted", "negotiating", "deal", "no_deal"])
    assert Conversation.objects.filter(interest__in=handshakes).count() == handshakes.count()
    targets = Interest.objects.values_list("result", "product", "resource")
    assert all(any(column[i] for column in targets) for i in range(3))
    sme = User.objects.get(username="sme")
    client.force_login(sme)
    organization = sme.memberships.first().organization
    page = client.get(reverse("docking:interests_of", args=[organization.pk]) + "?side=sent")
    assert page.status_code == 200 and "data-interest=" in page.content.decode()


def test_demo_shows_docking_events_with_prematched_pairs_and_booked_meetings(client):
    from docking.models import (
        DockingEvent,
        DockingEventStatus,
        Meeting,
        MeetingSeat,
        MeetingStatus,
        PrematchPair,
    )

    call_command("seed_demo", "--quiet")
    event = DockingEvent.objects.get(status=DockingEventStatus.OPEN)
    assert 4 <= event.registrations.count() <= 6
    assert PrematchPair.objects.filter(event=event).exists()
    statuses = set(Meeting.objects.filter(event=event).values_list("status", flat=True))
    assert {MeetingStatus.ACCEPTED, MeetingStatus.REQUESTED, MeetingStatus.DECLINED} <= statuses
    holding = Meeting.objects.filter(event=event, status__in=["requested", "accepted"]).count()
    assert MeetingSeat.objects.filter(event=event).count() == 2 * holding
    finished = DockingEvent.objects.get(status=DockingEventStatus.FINISHED)
    assert Meeting.objects.filter(event=finished).exclude(requester_outcome="").exists()
    page = client.get(reverse("docking:event_detail", args=[event.pk]))
    assert page.status_code == 200 and page.content.decode().count("data-registration=") >= 4


def test_demo_has_an_open_rnd_demand_a_university_finds_for_it(client):
    from accounts.models import Membership, MembershipStatus
    from challenges.models import Call, CallKind, CallStatus

    call_command("seed_demo", "--quiet")
    demand = Call.objects.get(title="碳化硅功率模块芯片互连可靠性提升研发需求")
    assert demand.kind == CallKind.RND_DEMAND and demand.status == CallStatus.PUBLISHED
    assert demand.issuer.kind == "sme" and demand.deadline > timezone.now()
    membership = Membership.objects.filter(
        status=MembershipStatus.ACTIVE,
        organization__kind="university",
        organization__verification_status="verified",
    ).first()
    client.force_login(membership.user)
    panel = client.get(reverse("portal:for_you")).content.decode()
    assert f'data-for-you-match="call:{demand.pk}"' in panel
    assert reverse("docking:interest_create", args=["call", demand.pk]) in panel
