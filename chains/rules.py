"""Who may see and do what in measure 十 (chain map editing, directions, access requests,
supplier applications).

Predicates take the user first and answer with a bool; access helpers return the object or
raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Organization, OrganizationKind
from accounts.rules import is_government_member, is_member, is_platform_admin, organization_of
from catalog.models import ChainNode, IndustryChain, OpenResource, ResourceKind
from challenges import rules as call_rules

from .models import (
    AccessRequest,
    CandidatePair,
    DemonstrationDirection,
    DirectionItem,
    DirectionStatus,
    PairStatus,
    SupplierApplication,
)
from .transitions import ADMIN, OWNER, REQUESTER

# Chain map and editing.


def can_edit_chains(user) -> bool:
    """Create and edit chains and their nodes, map nodes to GB/T 4754 codes, delete unused
    nodes: platform administrators."""
    return is_platform_admin(user)


def can_export_node(user) -> bool:
    """Download a node's little giants as a workbook: any signed-in user (the map is public;
    the export only saves signing in as a bulk-download guard)."""
    return bool(user and user.is_authenticated)


def access_chain(slug: str) -> IndustryChain:
    """Return the chain of a public page; 404 when there is none."""
    chain = IndustryChain.objects.filter(slug=slug).first()
    if chain is None:
        raise Http404
    return chain


def access_node(slug: str, key: str) -> ChainNode:
    """Return the node of a public page; 404 when the chain has no such node."""
    node = ChainNode.objects.select_related("chain", "parent").filter(chain__slug=slug, key=key)
    found = node.first()
    if found is None:
        raise Http404
    return found


def access_chain_to_edit(user, slug: str) -> IndustryChain:
    """Return the chain for an administrator; 404 for everyone else."""
    if not can_edit_chains(user):
        raise Http404
    return access_chain(slug)


def access_node_to_edit(user, slug: str, pk: int) -> ChainNode:
    """Return the node of that chain for an administrator; 404 for everyone else."""
    if not can_edit_chains(user):
        raise Http404
    found = ChainNode.objects.select_related("chain", "parent").filter(pk=pk, chain__slug=slug)
    node = found.first()
    if node is None:
        raise Http404
    return node


# Demonstration directions.


# Pairs anyone may see on a direction's page: those taken into the demonstration.
PUBLIC_PAIR_STATUSES = frozenset({PairStatus.SHORTLISTED, PairStatus.INVITED})


def can_manage_directions(user) -> bool:
    """Create and edit directions and their key products and processes, open and close
    them, link their call, add suggested pairs and decide on pairs: platform administrators."""
    return is_platform_admin(user)


def direction_roles(user) -> set[str]:
    """Roles towards directions and their pairs, for ``transitions``."""
    return {ADMIN} if can_manage_directions(user) else set()


def department_of(user) -> Organization | None:
    """The verified government department (a provincial department) the user acts for."""
    if not is_government_member(user):
        return None
    return organization_of(user)


def can_recommend_pairs(user) -> bool:
    """Recommend supplier / application-unit pairs: members of verified departments (while a
    direction collects candidates, which the service checks)."""
    return department_of(user) is not None


def can_view_direction(user, direction: DemonstrationDirection) -> bool:
    """A direction being prepared: administrators only; once opened it is public."""
    if direction.status != DirectionStatus.DRAFT:
        return True
    return can_manage_directions(user)


def is_public_pair(pair: CandidatePair) -> bool:
    return pair.status in PUBLIC_PAIR_STATUSES


def is_recommending_department(user, pair: CandidatePair) -> bool:
    """A member of the department that recommended the pair."""
    if pair.recommended_by_organization_id is None:
        return False
    return is_member(user, pair.recommended_by_organization)


def can_see_pair_decision(user, pair: CandidatePair) -> bool:
    """Who proposed it, why, and the reason of a decision: administrators and the
    recommending department (other departments do not see each other's proposals)."""
    if can_manage_directions(user):
        return True
    return is_recommending_department(user, pair)


def can_fill_call(user, direction: DemonstrationDirection) -> bool:
    """Invite the shortlisted suppliers to the direction's call: the call's handlers, the
    only ones the open-call engine lets invite (``challenges.rules.is_handler``)."""
    if direction.call_id is None:
        return False
    return call_rules.is_handler(user, direction.call)


def direction_move_problems(direction: DemonstrationDirection, action: str) -> list:
    """Why a direction move cannot be made now beyond its status (empty: it can)."""
    if action == "open" and not direction.items.exists():
        return [_("Add at least one key product or process before opening the direction.")]
    return []


def fill_problems(user, direction: DemonstrationDirection) -> list:
    """Why the user cannot invite the shortlisted suppliers to the direction's call now
    (empty: they can). The open-call engine lets only the call's handlers invite, so a
    platform administrator who is not one is told whom to ask."""
    call = direction.call
    if call is None:
        return [_("Link the direction to a demonstration call first.")]
    problems = []
    if not can_fill_call(user, direction):
        problems.append(
            _(
                "Only the handlers of %(call)s (members of %(issuer)s) send its invitations: "
                "ask one of them to fill the call from this page."
            )
            % {"call": call.title, "issuer": call_rules.issuer_name_for(user, call)}
        )
    if not call.is_open:
        problems.append(
            _("%(call)s is not open for applications; invitations are sent while it is open.")
            % {"call": call.title}
        )
    return problems


def access_direction(user, pk: int) -> DemonstrationDirection:
    """Return the direction for those who may see it; 404 otherwise."""
    direction = (
        DemonstrationDirection.objects.select_related("chain", "call__issuer", "created_by")
        .filter(pk=pk)
        .first()
    )
    if direction is None or not can_view_direction(user, direction):
        raise Http404
    return direction


def access_direction_to_manage(user, pk: int) -> DemonstrationDirection:
    """Return the direction for an administrator; 404 for everyone else."""
    if not can_manage_directions(user):
        raise Http404
    return access_direction(user, pk)


def access_item_to_manage(user, pk: int) -> DirectionItem:
    """Return a key product or process for an administrator; 404 for everyone else."""
    if not can_manage_directions(user):
        raise Http404
    item = (
        DirectionItem.objects.select_related("direction__chain", "chain_node__parent")
        .filter(pk=pk)
        .first()
    )
    if item is None:
        raise Http404
    return item


def access_pair_to_decide(user, pk: int) -> CandidatePair:
    """Return a candidate pair for an administrator; 404 for everyone else."""
    if not can_manage_directions(user):
        raise Http404
    pair = CandidatePair.objects.select_related("item__direction").filter(pk=pk).first()
    if pair is None:
        raise Http404
    return pair


# Access requests.

# What an enterprise asks to use for a while, with a purpose and dates.
ACCESS_KINDS = frozenset({ResourceKind.TEST_LINE, ResourceKind.LAB, ResourceKind.DATA})


def is_resource_owner(user, resource: OpenResource) -> bool:
    """A member of the organization that opened the resource decides on what it receives."""
    return is_member(user, resource.organization)


def _resource_problems(resource: OpenResource, kinds, wrong_kind) -> list:
    problems = []
    if resource.kind not in kinds:
        problems.append(wrong_kind)
    if not resource.is_published:
        problems.append(_("This resource is not published; nothing can be asked of it."))
    return problems


def _organization_problems(user, resource: OpenResource, kinds, wrong_kind) -> list:
    organization = organization_of(user)
    if organization is None:
        return [_("Join your organization on the platform first.")]
    problems = []
    if organization.kind not in kinds:
        problems.append(wrong_kind)
    if not organization.is_verified:
        problems.append(_("Your organization must be verified by an administrator first."))
    if organization.pk == resource.organization_id:
        problems.append(_("This resource is your organization's own."))
    return problems


def access_resource_problems(resource: OpenResource) -> list:
    """Why the resource takes no access request (empty: it takes them)."""
    return _resource_problems(
        resource,
        ACCESS_KINDS,
        _("Access is requested to test lines, laboratories and data; apply to this one instead."),
    )


def access_requester_problems(user, resource: OpenResource) -> list:
    """Why the user cannot request access for their organization (empty: they can): a
    member of a verified enterprise other than the owner."""
    return _organization_problems(
        user,
        resource,
        (OrganizationKind.LEAD, OrganizationKind.LARGE, OrganizationKind.SME),
        _("Only enterprises request access to open resources."),
    )


def can_request_access(user, resource: OpenResource) -> bool:
    if access_resource_problems(resource):
        return False
    return not access_requester_problems(user, resource)


def access_move_problems(access_request: AccessRequest, action: str) -> list:
    """Why a move allowed from the request's status cannot be made now (empty: it can): a
    period already over is neither accepted nor taken up."""
    today = timezone.localdate()
    if action == "accept" and access_request.end_date < today:
        return [_("The requested dates are over; propose other dates or decline.")]
    proposed_end = access_request.proposed_end
    if action == "accept_dates" and proposed_end is not None and proposed_end < today:
        return [_("The proposed dates are over; withdraw and request again.")]
    return []


def is_access_owner(user, access_request: AccessRequest) -> bool:
    return is_resource_owner(user, access_request.resource)


def is_access_requester(user, access_request: AccessRequest) -> bool:
    return is_member(user, access_request.requester)


def can_view_access_request(user, access_request: AccessRequest) -> bool:
    """The requester, the resource's owner and platform administrators; nobody else."""
    if is_platform_admin(user):
        return True
    if is_access_owner(user, access_request):
        return True
    return is_access_requester(user, access_request)


def access_request_roles(user, access_request: AccessRequest) -> set[str]:
    """Roles towards a request, for ``ACCESS_TRANSITIONS`` (administrators only read)."""
    roles = set()
    if is_access_owner(user, access_request):
        roles.add(OWNER)
    if is_access_requester(user, access_request):
        roles.add(REQUESTER)
    return roles


def access_access_request(user, pk: int) -> AccessRequest:
    """Return the request for those who may see it; 404 otherwise."""
    access_request = (
        AccessRequest.objects.select_related(
            "resource__organization", "requester", "requested_by", "decided_by"
        )
        .filter(pk=pk)
        .first()
    )
    if access_request is None or not can_view_access_request(user, access_request):
        raise Http404
    return access_request


def can_see_requests_of(user, organization: Organization) -> bool:
    """An organization's requests and applications, both ways: its members and platform
    administrators."""
    if is_platform_admin(user):
        return True
    return is_member(user, organization)


def access_requests_organization(user, pk: int) -> Organization:
    """Return the organization whose requests the user may list; 404 otherwise."""
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None or not can_see_requests_of(user, organization):
        raise Http404
    return organization


# Supplier pools and innovation-chain projects.

# What a firm applies to join; the owner audits it.
SUPPLIER_KINDS = frozenset({ResourceKind.SUPPLIER, ResourceKind.PROJECT})


def supplier_resource_problems(resource: OpenResource) -> list:
    """Why the resource takes no application (empty: it takes them)."""
    return _resource_problems(
        resource,
        SUPPLIER_KINDS,
        _(
            "Applications go to supplier pools and innovation-chain projects; request access "
            "to this one instead."
        ),
    )


def supplier_applicant_problems(user, resource: OpenResource) -> list:
    """Why the user cannot apply for their organization (empty: they can): a member of a
    verified SME other than the owner."""
    return _organization_problems(
        user,
        resource,
        (OrganizationKind.SME,),
        _("Only SMEs apply to supplier pools and innovation-chain projects."),
    )


def can_apply_as_supplier(user, resource: OpenResource) -> bool:
    if supplier_resource_problems(resource):
        return False
    return not supplier_applicant_problems(user, resource)


def is_supplier_owner(user, application: SupplierApplication) -> bool:
    return is_resource_owner(user, application.resource)


def is_supplier_applicant(user, application: SupplierApplication) -> bool:
    return is_member(user, application.applicant)


def can_view_supplier_application(user, application: SupplierApplication) -> bool:
    """The applicant, the resource's owner and platform administrators; nobody else."""
    if is_platform_admin(user):
        return True
    if is_supplier_owner(user, application):
        return True
    return is_supplier_applicant(user, application)


def supplier_application_roles(user, application: SupplierApplication) -> set[str]:
    """Roles towards an application, for ``SUPPLIER_TRANSITIONS``."""
    roles = set()
    if is_supplier_owner(user, application):
        roles.add(OWNER)
    if is_supplier_applicant(user, application):
        roles.add(REQUESTER)
    return roles


def access_supplier_application(user, pk: int) -> SupplierApplication:
    """Return the application for those who may see it; 404 otherwise."""
    application = (
        SupplierApplication.objects.select_related(
            "resource__organization", "applicant", "submitted_by", "audited_by"
        )
        .filter(pk=pk)
        .first()
    )
    if application is None or not can_view_supplier_application(user, application):
        raise Http404
    return application
