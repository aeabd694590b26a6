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
