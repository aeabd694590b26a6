import pytest
from django.core.management import call_command
from django.urls import reverse

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
