"""Query-count guards on the progress pages: the dashboard, the records behind a figure, the
year-end report and the administrators' panel of the workspace."""

import pytest
from django.urls import reverse
from django.utils import timezone

from catalog.models import ProductVerification
from challenges.models import Award, AwardStatus
from directories.models import (
    Channel,
    Directory,
    DirectoryEntry,
    DirectoryKind,
    DirectoryVersion,
    EntryDecision,
    Outcome,
    OutcomeStage,
    Recipient,
    Recommendation,
    VersionStatus,
)
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    ChainNodeFactory,
    OrganizationFactory,
    PublishedProductFactory,
)

pytestmark = pytest.mark.django_db


def grow_progress(n: int) -> None:
    """Add ``n`` of everything the progress pages count, in new provinces' worth of rows."""
    now = timezone.now()
    for number in range(n):
        node = ChainNodeFactory()
        firm = OrganizationFactory(province="32" if number % 2 else "44")
        large = OrganizationFactory(kind="large")
        recipient = Recipient.objects.create(
            organization=large, channel=Channel.SASAC if number % 2 else Channel.ACFIC
        )
        product = PublishedProductFactory(organization=firm)
        product.chain_nodes.add(node)
        directory = Directory.objects.create(kind=DirectoryKind.FIRMS, title="目录", year=now.year)
        version = DirectoryVersion.objects.create(
            directory=directory, number=1, status=VersionStatus.PUBLISHED, published_at=now
        )
        entry = DirectoryEntry.objects.create(
            version=version,
            organization=firm,
            decision=EntryDecision.INCLUDED,
            chain_node=node,
            title=firm.name,
            organization_name=firm.name,
        )
        recommendation = Recommendation.objects.create(entry=entry, recipient=recipient)
        Outcome.objects.create(
            recommendation=recommendation,
            stage=OutcomeStage.CONTACT,
            happened_on=now.date(),
            recorded_for=large,
        )
        call = CallFactory(issuer=large)
        call.chain_nodes.add(node)
        application = ApplicationFactory(call=call, applicant=firm)
        Award.objects.create(call=call, application=application, status=AwardStatus.FINAL)
        ProductVerification.objects.create(product=product, user_organization=large, project="验证")


@pytest.fixture
def administrator(client):
    client.force_login(AdminUserFactory())


def test_the_progress_dashboard(administrator, holds_constant):
    holds_constant(reverse("portal:progress") + "?metric=firms_recommended", grow_progress)


@pytest.mark.parametrize(
    "key", ["firms_recommended", "recommendations", "outcomes", "calls", "awards", "first_uses"]
)
def test_the_records_behind_a_figure(administrator, holds_constant, key):
    holds_constant(reverse("portal:progress_records") + f"?key={key}", grow_progress)


def test_the_year_end_report(administrator, holds_constant):
    holds_constant(reverse("portal:report"), grow_progress)


def test_the_workspace_with_the_administrators_panel(administrator, holds_constant):
    holds_constant(reverse("portal:dashboard"), grow_progress)
