"""How products, research results and open resources appear in search."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, VerificationStatus
from core.ids import parse_ids
from search.documents import DocumentType, SearchDocument, register, url_for
from search.labels import register_labels

from .models import (
    ChainNode,
    ListingStatus,
    Maturity,
    OpenResource,
    Product,
    ResearchResult,
    ResourceKind,
)


def _chain_node_labels(values) -> dict[str, str]:
    ids = parse_ids(values)
    return {
        str(node.pk): f"{node.chain.name} · {node.name}"
        for node in ChainNode.objects.filter(pk__in=ids).select_related("chain")
    }


register_labels("chain_node", _chain_node_labels)
register_labels("resource_kind", lambda values: dict(ResourceKind.choices))
register_labels("maturity", lambda values: dict(Maturity.choices))


def chain_facets(nodes) -> dict[str, list[str]]:
    """A listing tagged with a node also counts under the node's parent."""
    node_ids, chains = set(), set()
    for node in nodes:
        node_ids.add(str(node.pk))
        if node.parent_id:
            node_ids.add(str(node.parent_id))
        chains.add(node.chain.slug)
    return {"chain_node": sorted(node_ids), "chain": sorted(chains)}


def organization_facets(organization) -> dict[str, list[str]]:
    return {
        "province": [organization.province],
        "org_kind": [organization.kind],
        "qualification": [organization.qualification_level],
    }


def industry_facets(industry) -> dict[str, list[str]]:
    if industry is None:
        return {}
    return {"industry": [industry.code], "section": [industry.section_code]}


class ListingDocument(DocumentType):
    model = None

    def get_queryset(self):
        return self.model.objects.select_related("organization", "industry").prefetch_related(
            Prefetch("chain_nodes", queryset=ChainNode.objects.select_related("chain"))
        )

    def is_public(self, listing) -> bool:
        return listing.status == ListingStatus.PUBLISHED

    def base(self, listing, body: str, **extra) -> SearchDocument:
        organization = listing.organization
        facets = {
            **organization_facets(organization),
            **chain_facets(listing.chain_nodes.all()),
            **industry_facets(listing.industry),
            **extra.pop("facets", {}),
        }
        return SearchDocument(
            type=self.name,
            pk=listing.pk,
            title=listing.title,
            summary=listing.summary,
            body=body,
            keywords=list(listing.keywords),
            url=url_for(f"catalog:{listing.listing_type}_detail", listing.pk),
            organization=organization.name,
            organization_id=organization.pk,
            published_at=listing.published_at,
            facets=facets,
            **extra,
        )

    def related(self, listing):
        # The organization's profile lists what it publishes.
        return [("organization", listing.organization_id)]


@register
class ProductDocument(ListingDocument):
    name = "product"
    number = 2
    label = _("Technology products")
    model = Product

    def get_queryset(self):
        return super().get_queryset().prefetch_related("verifications")

    def to_document(self, product) -> SearchDocument:
        specifications = " ".join(f"{name} {value}" for name, value in product.specifications)
        return self.base(
            product,
            " ".join(
                [
                    product.description,
                    product.application_scenarios,
                    specifications,
                    product.certifications,
                ]
            ),
            verified=bool(product.verifications.all()),
        )


@register
class ResearchResultDocument(ListingDocument):
    name = "result"
    number = 3
    label = _("Research results")
    model = ResearchResult

    def to_document(self, result) -> SearchDocument:
        return self.base(
            result,
            " ".join([result.field, result.description, result.team]),
            trl=result.trl,
            facets={"maturity": [result.maturity], "field": [result.field]},
        )


@register
class OpenResourceDocument(ListingDocument):
    name = "resource"
    number = 4
    label = _("Open resources")
    model = OpenResource

    def to_document(self, resource) -> SearchDocument:
        return self.base(
            resource,
            " ".join([resource.description, resource.conditions, resource.city]),
            facets={"resource_kind": [resource.kind]},
        )


@register
class OrganizationDocument(DocumentType):
    """Organizations, described by their profile and what they publish (so that matching
    can find a firm by its products). Declared here because catalog knows both."""

    name = "organization"
    number = 5
    label = _("Organizations")

    def get_queryset(self):
        return Organization.objects.select_related("industry").prefetch_related(
            Prefetch("products", queryset=Product.objects.filter(status=ListingStatus.PUBLISHED)),
            Prefetch(
                "researchresults",
                queryset=ResearchResult.objects.filter(status=ListingStatus.PUBLISHED),
            ),
            Prefetch("products__chain_nodes", queryset=ChainNode.objects.select_related("chain")),
        )

    def is_public(self, organization) -> bool:
        return organization.verification_status == VerificationStatus.VERIFIED

    def to_document(self, organization) -> SearchDocument:
        listings = [*organization.products.all(), *organization.researchresults.all()]
        nodes = [
            node for product in organization.products.all() for node in product.chain_nodes.all()
        ]
        facets = {
            **organization_facets(organization),
            **chain_facets(nodes),
            **industry_facets(organization.industry),
        }
        return SearchDocument(
            type=self.name,
            pk=organization.pk,
            title=organization.name,
            summary=organization.description[:200],
            body=" ".join(
                [organization.description, organization.city]
                + [f"{listing.title} {listing.summary}" for listing in listings]
            ),
            keywords=[keyword for listing in listings for keyword in listing.keywords],
            url=url_for("portal:organization_detail", organization.pk),
            organization=organization.name,
            organization_id=organization.pk,
            published_at=organization.verified_at,
            facets=facets,
        )

    def related(self, organization):
        # Listings show the organization's name, region and qualification.
        return [
            *[("product", pk) for pk in organization.products.values_list("pk", flat=True)],
            *[("result", pk) for pk in organization.researchresults.values_list("pk", flat=True)],
            *[("resource", pk) for pk in organization.openresources.values_list("pk", flat=True)],
        ]
