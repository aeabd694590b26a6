"""Recommended solvers live in the issuer's workspace: one entry per organization with its
matching listings, relevance in words, the weak tail left out, a stable order, why each is
recommended, and where each stands (invited, applied, or an invite button). Invitations are
records: once per organization, never to one that already applied."""

import re

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import MembershipRole
from catalog.models import ListingStatus
from challenges import selectors, services
from challenges.models import ApplicationStatus, CallEvent, CallStatus, Invitation
from core.exceptions import InvalidState, NotAllowed
from notifications.models import Notification
from search import outbox
from search.engines.base import SearchHit
from search.matching import BOOSTS, CHAIN_NODE_FACET, PROVINCE_FACET, Match
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    ChainNodeFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index(settings, tmp_path):
    """Each test gets its own empty index."""
    settings.SEARCH_INDEX_DIR = tmp_path / "index"


def shown(message: str, **params) -> str:
    """The message as the (Chinese) pages show it."""
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


def index(*objects):
    for item in objects:
        name = getattr(item, "listing_type", None) or (
            "call" if item.__class__.__name__ == "Call" else "organization"
        )
        outbox.index_later(name, item.pk)
    outbox.drain()


def tab_url(call) -> str:
    return reverse("challenges:call_manage", args=[call.pk]) + "?tab=recommended"


def panel_url(call) -> str:
    return reverse("portal:call_solvers", args=[call.pk])


def entries_in(html: str) -> dict[int, str]:
    """The panel's entries, by organization id, in the order shown."""
    parts = re.split(r'<article class="solver" data-organization="(\d+)">', html)
    return {int(pk): body for pk, body in zip(parts[1::2], parts[2::2], strict=True)}


# --- grouping, relevance, order, explanation (the selector, on given matches) ---------------


def match(organization, score, *, kind="product", pk=1, terms=(("碳化硅", 2.0),), **extra):
    hit = SearchHit(
        id=f"{kind}:{pk}",
        type=kind,
        pk=pk,
        score=score,
        title=f"{kind} {pk}",
        summary="",
        url=f"/{kind}/{pk}/",
        organization=organization.name,
        organization_id=organization.pk,
        published_at=None,
        deadline=None,
        trl=None,
        verified=False,
        facets={},
    )
    return Match(
        hit,
        score,
        relevance=score,
        coverage=0.5,
        matched_terms=list(terms),
        matched_facets=list(extra.get("facets", [])),
        boosts=list(extra.get("boosts", [])),
    )


def test_each_organization_is_one_entry_with_its_listings_under_it():
    call = CallFactory()
    solver, other = OrganizationFactory(), OrganizationFactory()
    matches = [
        match(solver, 0.9, pk=1),
        match(solver, 0.8, kind="organization", pk=solver.pk),
        match(other, 0.7, pk=2),
        match(solver, 0.6, kind="result", pk=3),
    ]
    entries = selectors.solver_entries(call, matches, limit=10)
    assert [e.organization for e in entries] == [solver, other]
    assert [m.hit.id for m in entries[0].listings] == ["product:1", "result:3"]
    assert entries[0].score == 0.9  # its best match, not the sum of them


def test_relevance_reads_in_words_relative_to_the_best_and_the_weak_tail_is_left_out():
    call = CallFactory()
    organizations = [OrganizationFactory() for _ in range(5)]
    scores = [1.2, 0.96, 0.66, 0.4, 0.3]  # shares 1, .8, .55, .33, .25 of the best
    matches = [
        match(o, s, pk=i) for i, (o, s) in enumerate(zip(organizations, scores, strict=True))
    ]
    entries = selectors.solver_entries(call, matches, limit=10)
    assert [(e.organization, e.level) for e in entries] == [
        (organizations[0], "strong"),
        (organizations[1], "strong"),
        (organizations[2], "good"),
        (organizations[3], "possible"),
    ]
    assert [str(e.label) for e in entries[2:]] == [
        shown("Good match"),
        shown("Possibly relevant"),
    ]


def test_a_match_without_a_shared_key_term_and_the_issuer_are_left_out():
    call = CallFactory()
    coincidence, solver = OrganizationFactory(), OrganizationFactory()
    matches = [
        match(coincidence, 1.0, pk=1, terms=()),
        match(call.issuer, 1.0, kind="organization", pk=call.issuer.pk),
        match(solver, 0.5, pk=2),
    ]
    entries = selectors.solver_entries(call, matches, limit=10)
    assert [e.organization for e in entries] == [solver]
    assert entries[0].level == "strong"  # the best of those kept


def test_ties_are_broken_by_organization_id_so_the_order_holds_between_loads():
    call = CallFactory()
    first, second, third = (OrganizationFactory() for _ in range(3))
    matches = [match(third, 0.5, pk=3), match(first, 0.5, pk=1), match(second, 0.5, pk=2)]
    for order in (matches, list(reversed(matches))):
        entries = selectors.solver_entries(call, order, limit=2)
        assert [e.organization for e in entries] == [first, second]


def test_why_recommended_gathers_key_terms_chain_node_region_and_boosts():
    call = CallFactory()
    solver = OrganizationFactory()
    chain, region = BOOSTS["chain_node"][1], BOOSTS["little_giant"][1]
    matches = [
        match(
            solver,
            0.9,
            pk=1,
            terms=[("碳化硅", 3.0), ("银烧结", 2.0)],
            facets=[(CHAIN_NODE_FACET, "7")],
            boosts=[(chain, 0.2)],
        ),
        match(
            solver,
            0.5,
            pk=2,
            terms=[("封装", 1.0), ("碳化硅", 3.0)],
            facets=[(PROVINCE_FACET, "32"), (CHAIN_NODE_FACET, "7")],
            boosts=[(region, 0.15), (chain, 0.2)],
        ),
    ]
    (entry,) = selectors.solver_entries(call, matches, limit=10)
    assert entry.matched_terms == ["碳化硅", "银烧结", "封装"]
    assert entry.matched_facets == [(CHAIN_NODE_FACET, "7"), (PROVINCE_FACET, "32")]
    assert entry.boosts == [(chain, 0.2), (region, 0.15)]


def test_each_entry_says_whether_it_was_invited_or_applied():
    call = CallFactory()
    invited, applied, drafting, withdrew = (OrganizationFactory() for _ in range(4))
    handler = handler_of(call)
    services.call_invite(actor=handler, call=call, organization=invited)
    application = ApplicationFactory(call=call, applicant=applied, status="eligible")
    ApplicationFactory(call=call, applicant=drafting, status=ApplicationStatus.DRAFT)
    ApplicationFactory(call=call, applicant=withdrew, status=ApplicationStatus.WITHDRAWN)
    matches = [match(o, 1.0, pk=o.pk) for o in (invited, applied, drafting, withdrew)]
    states = {
        e.organization: (e.invitation, e.application)
        for e in selectors.solver_entries(call, matches, limit=10)
    }
    assert states[invited][0].invited_by == handler
    assert states[applied] == (None, application)
    # a draft is the applicant's own until submitted; a withdrawn one is no application
    assert states[drafting] == (None, None)
    assert states[withdrew] == (None, None)


# --- the workspace tab, with the embedded engine -------------------------------------------


def silicon_carbide_call(**extra):
    return CallFactory(
        title="碳化硅功率模块银烧结封装攻关",
        summary="征集碳化硅功率模块银烧结封装与可靠性方案",
        **extra,
    )


def silicon_carbide_product(organization=None, **extra):
    fields = {
        "title": "碳化硅功率模块银烧结封装平台",
        "summary": "银烧结碳化硅模块封装，功率循环寿命高",
        "status": ListingStatus.PUBLISHED,
        **extra,
    }
    if organization is not None:
        fields["organization"] = organization
    return ProductFactory(**fields)


def test_the_tab_recommends_each_organization_once_with_its_listings_and_reasons(client):
    # given a call, a solver with a product and a result on its subject, and an unrelated one
    node = ChainNodeFactory(name="功率模块封装")
    call = silicon_carbide_call()
    call.chain_nodes.add(node)
    solver = OrganizationFactory(name="苏州碳化硅科技有限公司")
    product = silicon_carbide_product(solver)
    product.chain_nodes.add(node)
    result = ResearchResultFactory(
        organization=solver,
        title="碳化硅模块银烧结工艺",
        summary="银烧结封装提升碳化硅模块功率循环寿命",
        status=ListingStatus.PUBLISHED,
    )
    unrelated = ProductFactory(
        title="动力电池液冷板",
        summary="电池包液冷",
        description="液冷均温",
        keywords=["液冷"],
        status=ListingStatus.PUBLISHED,
    )
    index(call, product, result, unrelated, solver, unrelated.organization)
    client.force_login(handler_of(call))
    # when the handler opens the tab, and the panel it loads
    tab = client.get(tab_url(call))
    assert tab.status_code == 200
    assert panel_url(call) in tab.text
    panel = client.get(panel_url(call))
    # then the solver is one entry, its product and result under it
    assert panel.status_code == 200
    entries = entries_in(panel.text)
    assert next(iter(entries)) == solver.pk
    assert panel.text.count("苏州碳化硅科技有限公司") == 1
    assert product.title in entries[solver.pk] and result.title in entries[solver.pk]
    assert "动力电池液冷板" not in panel.text
    # relevance in words, not decimals; and why it is recommended
    assert shown("Strong match") in entries[solver.pk]
    assert not re.search(r">\s*\d\.\d+\s*<", panel.text)
    assert "碳化硅" in entries[solver.pk]
    assert "功率模块封装" in entries[solver.pk]  # the shared chain node, by its name
    assert str(BOOSTS["chain_node"][1]) in entries[solver.pk]
    # the same order on every load
    assert list(entries_in(client.get(panel_url(call)).text)) == list(entries)


def test_the_tab_shows_who_was_invited_who_applied_and_offers_to_invite_the_others(client):
    call = silicon_carbide_call()
    invited, applied, fresh = (OrganizationFactory() for _ in range(3))
    products = [silicon_carbide_product(o) for o in (invited, applied, fresh)]
    index(call, *products)
    handler = handler_of(call)
    services.call_invite(actor=handler, call=call, organization=invited)
    ApplicationFactory(call=call, applicant=applied, status=ApplicationStatus.SHORTLISTED)
    client.force_login(handler)
    entries = entries_in(client.get(panel_url(call)).text)
    invite = reverse("portal:call_invite", args=[call.pk, fresh.pk])
    assert invite in entries[fresh.pk]
    assert handler.name in entries[invited.pk]
    assert timezone.localtime().strftime("%Y-%m-%d") in entries[invited.pk]
    assert "portal/recommend" not in entries[invited.pk] and "/invite/" not in entries[invited.pk]
    assert shown("Shortlisted (入围)") in entries[applied.pk]
    assert "/invite/" not in entries[applied.pk]


def test_the_tab_offers_no_invitation_once_the_call_is_closed(client):
    call = silicon_carbide_call(status=CallStatus.CLOSED)
    product = silicon_carbide_product()
    index(call, product)
    client.force_login(handler_of(call))
    panel = client.get(panel_url(call)).text
    assert product.organization.pk in entries_in(panel)
    assert "/invite/" not in panel


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("handler", True),
        ("issuer administrator", True),
        ("platform administrator", True),
        ("issuer member not handling", False),
        ("applicant", False),
        ("outsider", False),
    ],
)
def test_only_the_calls_handlers_and_administrators_see_the_recommendations(client, who, sees):
    call = CallFactory()
    users = {
        "handler": lambda: handler_of(call),
        "issuer administrator": lambda: member_of(call.issuer),
        "platform administrator": AdminUserFactory,
        "issuer member not handling": lambda: member_of(call.issuer, role=MembershipRole.MEMBER),
        "applicant": lambda: member_of(ApplicationFactory(call=call).applicant),
        "outsider": lambda: member_of(OrganizationFactory()),
    }
    client.force_login(users[who]())
    expected = 200 if sees else 404
    assert client.get(tab_url(call)).status_code == expected
    assert client.get(panel_url(call)).status_code == expected
    # the public page never shows them, whoever looks
    assert panel_url(call) not in client.get(call.get_absolute_url()).text


def test_anonymous_visitors_are_sent_to_log_in_for_recommendations(client):
    call = CallFactory()
    assert client.get(panel_url(call)).status_code == 302
    assert panel_url(call) not in client.get(call.get_absolute_url()).text


def test_the_tab_says_when_recommendations_are_unavailable(client, monkeypatch):
    from challenges import matching
    from search.engines.base import EngineUnavailable

    def down(call, *, limit):
        raise EngineUnavailable("locked")

    monkeypatch.setattr(matching, "recommended_solvers", down)
    call = CallFactory()
    client.force_login(handler_of(call))
    panel = client.get(panel_url(call))
    assert panel.status_code == 200
    assert shown("Recommendations are unavailable for a moment.") in panel.text


# --- invitations ------------------------------------------------------------------------------


def test_an_invitation_is_recorded_on_the_timeline_and_the_organization_is_told(client):
    call = CallFactory()
    target = OrganizationFactory(name="被邀请科技有限公司")
    target_admin = member_of(target)
    handler = handler_of(call)
    client.force_login(handler)
    response = client.post(reverse("portal:call_invite", args=[call.pk, target.pk]))
    assert response.status_code == 302
    assert response["Location"] == tab_url(call)
    invitation = Invitation.objects.get(call=call)
    assert (invitation.organization, invitation.invited_by) == (target, handler)
    assert CallEvent.objects.filter(call=call, action="invited", note=target.name).exists()
    assert Notification.objects.filter(recipient=target_admin, verb="call.invited").count() == 1


def test_a_second_invitation_is_refused_with_a_clear_message(client):
    call = CallFactory()
    target = OrganizationFactory(name="重复邀请科技有限公司")
    target_admin = member_of(target)
    client.force_login(handler_of(call))
    url = reverse("portal:call_invite", args=[call.pk, target.pk])
    client.post(url)
    response = client.post(url, follow=True)
    expected = shown(
        "%(name)s was already invited on %(date)s.",
        name=target.name,
        date=timezone.localdate().strftime("%Y-%m-%d"),
    )
    assert expected in response.text
    assert Invitation.objects.filter(call=call).count() == 1
    assert Notification.objects.filter(recipient=target_admin).count() == 1


def test_the_database_refuses_a_duplicate_invitation():
    call = CallFactory()
    target = OrganizationFactory()
    Invitation.objects.create(call=call, organization=target)
    with pytest.raises(IntegrityError):
        Invitation.objects.create(call=call, organization=target)


@pytest.mark.parametrize("status", ["submitted", "eligible", "shortlisted"])
def test_an_organization_that_already_applied_is_not_invited(status):
    call = CallFactory()
    application = ApplicationFactory(call=call, status=status)
    with pytest.raises(InvalidState) as refusal:
        services.call_invite(actor=handler_of(call), call=call, organization=application.applicant)
    assert refusal.value.message == shown(
        "%(name)s has already applied to this call.", name=application.applicant.name
    )
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("status", [ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN])
def test_a_draft_or_withdrawn_application_does_not_stop_an_invitation(status):
    call = CallFactory()
    application = ApplicationFactory(call=call, status=status)
    services.call_invite(actor=handler_of(call), call=call, organization=application.applicant)
    assert Invitation.objects.filter(organization=application.applicant).exists()


def test_invitations_are_sent_only_while_the_call_is_open():
    call = CallFactory(status=CallStatus.CLOSED)
    with pytest.raises(InvalidState):
        services.call_invite(actor=handler_of(call), call=call, organization=OrganizationFactory())
    assert not Invitation.objects.exists()


def test_only_handlers_invite(client):
    call = CallFactory()
    target = OrganizationFactory()
    url = reverse("portal:call_invite", args=[call.pk, target.pk])
    # an issuer member who does not handle the call, and an outsider, reach nothing
    for user in (member_of(call.issuer, role=MembershipRole.MEMBER), member_of(target)):
        client.force_login(user)
        assert client.post(url).status_code == 404
    # a platform administrator sees the recommendations but does not invite for the issuer
    with pytest.raises(NotAllowed):
        services.call_invite(actor=AdminUserFactory(), call=call, organization=target)
    assert not Invitation.objects.exists()


def test_an_invited_organization_sees_it_on_the_call_page_and_no_one_else_does(client):
    call = CallFactory()
    invited, competitor = OrganizationFactory(), OrganizationFactory()
    services.call_invite(actor=handler_of(call), call=call, organization=invited)
    note = shown(
        "%(issuer)s invited your organization to take up this call (%(date)s).",
        issuer=call.issuer.name,
        date=timezone.localdate().strftime("%Y-%m-%d"),
    )
    client.force_login(member_of(invited, role=MembershipRole.MEMBER))
    assert note in client.get(call.get_absolute_url()).text
    client.force_login(member_of(competitor))
    page = client.get(call.get_absolute_url()).text
    assert note not in page
    assert invited.name not in page


def test_the_panel_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    call = silicon_carbide_call()
    handler = handler_of(call)
    client.force_login(handler)

    def grow(n):
        for number in range(n):
            organization = OrganizationFactory()
            index(silicon_carbide_product(organization))
            if number % 2:
                # a row, not the service: re-indexing the call would change its key terms
                Invitation.objects.create(call=call, organization=organization, invited_by=handler)
            else:
                ApplicationFactory(call=call, applicant=organization)

    index(call)
    grow(2)
    client.get(panel_url(call))
    with django_assert_max_num_queries(60) as small:
        client.get(panel_url(call))
    grow(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        panel = client.get(panel_url(call))
    assert len(entries_in(panel.text)) == 10
