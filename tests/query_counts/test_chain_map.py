"""Query-count guards on the chain map, a node's page, its export and the editing page: the
counts of every node come from a fixed number of queries, whatever the number of nodes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import QualificationLevel, QualificationStatus
from catalog.models import ListingStatus, Stage
from reference.models import Industry
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    ChainNodeFactory,
    IndustryChainFactory,
    OrganizationFactory,
    PublishedProductFactory,
    QualificationFactory,
    ResearchResultFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    return IndustryChainFactory()


@pytest.fixture
def root(chain):
    return ChainNodeFactory(chain=chain, key="root", stage=Stage.UPSTREAM)


def grower(chain, root):
    codes = list(Industry.objects.filter(level=4).values_list("code", flat=True)[:40])

    def grow(n):
        for index in range(n):
            parent = ChainNodeFactory(chain=chain, stage=Stage.MIDSTREAM)
            child = ChainNodeFactory(chain=chain, parent=parent, stage=Stage.MIDSTREAM)
            grandchild = ChainNodeFactory(chain=chain, parent=root, stage=Stage.UPSTREAM)
            child.industries.add(codes[index % len(codes)])
            for level, node in (
                (QualificationLevel.NATIONAL, child),
                (QualificationLevel.PROVINCIAL, grandchild),
            ):
                firm = OrganizationFactory(qualification_level=level, province="32")
                QualificationFactory(
                    organization=firm, level=level, status=QualificationStatus.VERIFIED
                )
                PublishedProductFactory(organization=firm).chain_nodes.add(node, parent)
            ResearchResultFactory(
                status=ListingStatus.PUBLISHED, published_at=timezone.now()
            ).chain_nodes.add(grandchild)
            CallFactory().chain_nodes.add(child)
            CallFactory(eligible_provinces=["32"]).chain_nodes.add(grandchild)

    return grow


@pytest.mark.parametrize("province", ["", "32"])
def test_the_chain_map(client, holds_constant, chain, root, province):
    query = f"?province={province}" if province else ""
    holds_constant(reverse("chains:chain_detail", args=[chain.slug]) + query, grower(chain, root))


def test_the_whole_chain_records(client, holds_constant, chain, root):
    holds_constant(reverse("chains:chain_records", args=[chain.slug]), grower(chain, root))


def test_a_node_page(client, holds_constant, chain, root):
    holds_constant(reverse("chains:node_detail", args=[chain.slug, root.key]), grower(chain, root))


def test_a_node_export(client, holds_constant, chain, root):
    client.force_login(UserFactory())
    holds_constant(reverse("chains:node_export", args=[chain.slug, root.key]), grower(chain, root))


def test_the_editing_page(client, holds_constant, chain, root):
    client.force_login(AdminUserFactory())
    holds_constant(reverse("chains:chain_edit", args=[chain.slug]), grower(chain, root))


def test_the_map_counts_in_five_queries(client, chain, root, django_assert_num_queries):
    from chains import selectors

    grower(chain, root)(5)
    with django_assert_num_queries(5):
        chain_map = selectors.chain_map(chain)
    assert chain_map.totals["little_giants"] == 5
    assert chain_map.node_count == 16
