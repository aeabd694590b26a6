"""How calls appear in search: public calls, and only their public parts."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from catalog.models import ChainNode
from catalog.search_documents import chain_facets, industry_facets, organization_facets
from search.documents import DocumentType, SearchDocument, register, url_for
from search.labels import register_labels

from .models import PUBLIC_CALL_STATUSES, Call, CallKind, CallStatus
from .rules import public_issuer_name

ALL_PROVINCES = "all"

register_labels("call_kind", lambda values: dict(CallKind.choices))
register_labels("status", lambda values: dict(CallStatus.choices))


@register
class CallDocument(DocumentType):
    name = "call"
    number = 1
    label = _("Open calls")

    def get_queryset(self):
        return Call.objects.select_related("issuer", "industry").prefetch_related(
            "indicators",
            Prefetch("chain_nodes", queryset=ChainNode.objects.select_related("chain")),
        )

    def is_public(self, call) -> bool:
        return call.status in PUBLIC_CALL_STATUSES

    def to_document(self, call) -> SearchDocument:
        indicators = " ".join(f"{i.name} {i.target}{i.unit}" for i in call.indicators.all())
        # Detailed requirements behind terms are confidential: never indexed.
        details = "" if call.has_terms else call.details
        facets = {
            "call_kind": [call.kind],
            "status": [call.status],
            # Who may take it up, so that "calls for you" filters in the engine.
            "eligible_kind": list(call.eligible_kinds),
            "eligible_province": list(call.eligible_provinces) or [ALL_PROVINCES],
            "min_qualification": [call.min_qualification],
            # An anonymous call names nothing that would identify its issuer (measure 十三).
            **({} if call.anonymous else organization_facets(call.issuer)),
            **chain_facets(call.chain_nodes.all()),
            **industry_facets(call.industry),
        }
        return SearchDocument(
            type=self.name,
            pk=call.pk,
            title=call.title,
            summary=call.summary,
            body=" ".join([call.background, indicators, call.deliverables, details]),
            url=url_for("challenges:call_detail", call.pk),
            organization=public_issuer_name(call),
            # Not shown; matching uses it to leave out the issuer's own calls.
            organization_id=call.issuer_id,
            published_at=call.published_at,
            deadline=call.deadline,
            facets=facets,
        )
