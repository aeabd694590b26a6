"""一条龙 demonstration directions (示范方向) as data: administrators break a direction down
into the key products and processes it needs, each on a node of the direction's chain;
provincial departments recommend supplier / application-unit pairs while it collects
candidates; administrators add pairs suggested by the directories, the chain map and
matching, shortlist or decline them, and the call's handlers fill the linked demonstration
call with the shortlisted suppliers, all or nothing.

Status moves go through the workflow engine (``DIRECTION_TRANSITIONS``,
``PAIR_TRANSITIONS``); every step writes a ``DirectionEvent``.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import Organization, OrganizationKind, User
from catalog.models import ChainNode, IndustryChain, Product
from challenges import services as call_services
from challenges.models import Call, CallKind, CallStatus
from challenges.selectors import admins_of, members_of, platform_admins
from core.exceptions import DomainError, InvalidState, NotAllowed
from notifications.services import notify
from workflow import SYSTEM, MoveServices, apply

from .. import rules
from ..models import (
    CandidatePair,
    DemonstrationDirection,
    DirectionEvent,
    DirectionItem,
    DirectionStatus,
    ItemKind,
    PairSource,
    PairStatus,
)
from ..transitions import DIRECTION_TRANSITIONS, PAIR_TRANSITIONS

__all__ = [
    "DIRECTION_MOVES",
    "PAIR_MOVES",
    "SUGGESTION_SOURCES",
    "direction_close",
    "direction_create",
    "direction_fill_call",
    "direction_link_call",
    "direction_move",
    "direction_open",
    "direction_reopen",
    "direction_update",
    "item_add",
    "item_remove",
    "item_update",
    "pair_add",
    "pair_decline",
    "pair_invite",
    "pair_move",
    "pair_recommend",
    "pair_reconsider",
    "pair_shortlist",
]

# The services making each move, registered on them below.
DIRECTION_MOVES = MoveServices(DIRECTION_TRANSITIONS)
PAIR_MOVES = MoveServices(PAIR_TRANSITIONS)

# Where an administrator's pair comes from (a department's is "department").
SUGGESTION_SOURCES = (PairSource.DIRECTORY, PairSource.MAP, PairSource.MATCHING)
# Calls a direction may not be linked to: they never ran.
UNUSABLE_CALL_STATUSES = (CallStatus.REJECTED, CallStatus.WITHDRAWN)
ENTERPRISE_KINDS = (OrganizationKind.LEAD, OrganizationKind.LARGE, OrganizationKind.SME)
NOTE_LIMIT = 2000
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _detail_url(direction: DemonstrationDirection) -> str:
    return reverse("chains:direction_detail", args=[direction.pk])


def _record(direction, actor, action: str, *, pair=None, from_status="", to_status="", note=""):
    DirectionEvent.objects.create(
        direction=direction,
        pair=pair,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=(note or "").strip()[:4000],
    )


def _record_direction_move(direction, actor, action, from_status, to_status, note, transition):
    _record(
        direction,
        actor,
        transition.event_action,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def _record_pair_move(pair, actor, action, from_status, to_status, note, transition):
    _record(
        pair.item.direction,
        actor,
        transition.event_action,
        pair=pair,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


def _lock_direction(direction: DemonstrationDirection) -> DemonstrationDirection:
    """Re-read the direction under a row lock (PostgreSQL); every write to it or to its
    items and pairs starts here, so pairs are always locked after their direction."""
    return (
        DemonstrationDirection.objects.select_for_update(of=("self",))
        .select_related("chain", "call__issuer")
        .get(pk=direction.pk)
    )


def _lock_pair(pair: CandidatePair) -> CandidatePair:
    _lock_direction(pair.item.direction)
    return (
        CandidatePair.objects.select_for_update(of=("self",))
        .select_related(
            "item__direction",
            "supplier",
            "product",
            "user_firm",
            "recommended_by_organization",
        )
        .get(pk=pair.pk)
    )


def _check_manager(actor: User) -> None:
    if not rules.can_manage_directions(actor):
        raise NotAllowed(DIRECTION_TRANSITIONS.not_allowed)


def _check_note(note: str, *, field: str = "note") -> str:
    note = (note or "").strip()
    if len(note) > NOTE_LIMIT:
        raise ValidationError(
            {field: _("Keep it within %(limit)d characters.") % {"limit": NOTE_LIMIT}}
        )
    return note


# --- directions ----------------------------------------------------------------------------


def _direction_errors(chain, title: str, summary: str, year) -> dict:
    errors = {}
    if chain is None or not isinstance(chain, IndustryChain):
        errors["chain"] = _("Choose the industrial chain.")
    if not (title or "").strip():
        errors["title"] = _("Give the direction a title.")
    if not (summary or "").strip():
        errors["summary"] = _("Say what is to be demonstrated.")
    if not isinstance(year, int) or not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = _("Give a year between %(first)d and %(last)d.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    return errors


@transaction.atomic
def direction_create(
    *, actor: User, chain: IndustryChain, title: str, summary: str, year: int
) -> DemonstrationDirection:
    """Create a direction being prepared (only administrators see it until it is opened)."""
    _check_manager(actor)
    errors = _direction_errors(chain, title, summary, year)
    if errors:
        raise ValidationError(errors)
    direction = DemonstrationDirection(
        chain=chain,
        title=title.strip(),
        summary=summary.strip(),
        year=year,
        created_by=actor,
    )
    direction.full_clean(exclude=["call", "created_by"])
    direction.save()
    _record(direction, actor, "created", to_status=direction.status)
    return direction


@transaction.atomic
def direction_update(
    *,
    actor: User,
    direction: DemonstrationDirection,
    chain: IndustryChain,
    title: str,
    summary: str,
    year: int,
) -> DemonstrationDirection:
    """Change a direction's title, summary and year; its chain only while no key product
    or process is placed on the current chain's nodes."""
    _check_manager(actor)
    direction = _lock_direction(direction)
    errors = _direction_errors(chain, title, summary, year)
    if not errors and chain.pk != direction.chain_id and direction.items.exists():
        errors["chain"] = _(
            "Its key products and processes are on nodes of %(chain)s; remove them before "
            "moving the direction to another chain."
        ) % {"chain": direction.chain.name}
    if errors:
        raise ValidationError(errors)
    direction.chain = chain
    direction.title = title.strip()
    direction.summary = summary.strip()
    direction.year = year
    direction.full_clean(exclude=["call", "created_by"])
    direction.save(update_fields=["chain", "title", "summary", "year", "updated_at"])
    _record(direction, actor, "updated", note=direction.title)
    return direction


def direction_move(*, actor: User, direction: DemonstrationDirection, action: str, note=""):
    """Make the move ``action`` (open, close, reopen): the one entry point views use."""
    return DIRECTION_MOVES(action, actor=actor, direction=direction, note=note)


def _move_direction(actor: User, direction: DemonstrationDirection, action: str):
    direction = _lock_direction(direction)
    apply(
        DIRECTION_TRANSITIONS,
        direction,
        action,
        actor=actor,
        roles=rules.direction_roles(actor),
        problems=lambda: rules.direction_move_problems(direction, action),
        record=_record_direction_move,
    )
    return direction


@DIRECTION_MOVES.register("open")
@transaction.atomic
def direction_open(*, actor: User, direction: DemonstrationDirection) -> DemonstrationDirection:
    """Open the direction for candidates: it becomes public and departments may recommend."""
    return _move_direction(actor, direction, "open")


@DIRECTION_MOVES.register("close")
@transaction.atomic
def direction_close(*, actor: User, direction: DemonstrationDirection) -> DemonstrationDirection:
    """Stop collecting candidates; decisions and filling the call go on."""
    return _move_direction(actor, direction, "close")


@DIRECTION_MOVES.register("reopen")
@transaction.atomic
def direction_reopen(*, actor: User, direction: DemonstrationDirection) -> DemonstrationDirection:
    return _move_direction(actor, direction, "reopen")


@transaction.atomic
def direction_link_call(
    *, actor: User, direction: DemonstrationDirection, call: Call | None
) -> DemonstrationDirection:
    """Link the demonstration call the direction fills (``None`` unlinks it). Refused once
    a pair was invited to the linked call: those invitations belong to it."""
    _check_manager(actor)
    direction = _lock_direction(direction)
    if call is not None:
        call = Call.objects.select_related("issuer").get(pk=call.pk)
        if call.kind != CallKind.DEMONSTRATION:
            raise ValidationError(
                {"call": _("%(call)s is not a demonstration call.") % {"call": call.title}}
            )
        if call.status in UNUSABLE_CALL_STATUSES:
            raise ValidationError(
                {
                    "call": _("%(call)s was %(status)s; choose another call.")
                    % {"call": call.title, "status": call.get_status_display()}
                }
            )
    new_id = call.pk if call is not None else None
    if new_id == direction.call_id:
        if call is None:
            raise InvalidState(_("The direction has no call to unlink."))
        raise InvalidState(_("This call is already the direction's call."))
    invited = CandidatePair.objects.filter(item__direction=direction, status=PairStatus.INVITED)
    if direction.call_id is not None and invited.exists():
        raise InvalidState(
            _(
                "Pairs of this direction were already invited to %(call)s; the direction "
                "stays linked to it."
            )
            % {"call": direction.call.title}
        )
    direction.call = call
    direction.save(update_fields=["call", "updated_at"])
    _record(direction, actor, "call_linked" if call else "updated", note=call.title if call else "")
    return direction


# --- key products and processes -----------------------------------------------------------------


def _item_errors(direction: DemonstrationDirection, kind: str, name: str, chain_node) -> dict:
    errors = {}
    if kind not in ItemKind.values:
        errors["kind"] = _("Choose a key product or a key process.")
    if not (name or "").strip():
        errors["name"] = _("Name the key product or process.")
    if not isinstance(chain_node, ChainNode):
        errors["chain_node"] = _("Choose the chain node it belongs to.")
    elif chain_node.chain_id != direction.chain_id:
        errors["chain_node"] = _("%(node)s is not a node of %(chain)s, the direction's chain.") % {
            "node": chain_node.name,
            "chain": direction.chain.name,
        }
    return errors


def _check_items_editable(direction: DemonstrationDirection) -> None:
    if direction.status == DirectionStatus.CLOSED:
        raise InvalidState(
            _("The direction is closed; reopen it to change its key products and processes.")
        )


@transaction.atomic
def item_add(
    *,
    actor: User,
    direction: DemonstrationDirection,
    kind: str,
    name: str,
    chain_node: ChainNode,
    description: str = "",
) -> DirectionItem:
    """Add a key product or process on a node of the direction's chain."""
    _check_manager(actor)
    direction = _lock_direction(direction)
    _check_items_editable(direction)
    errors = _item_errors(direction, kind, name, chain_node)
    if errors:
        raise ValidationError(errors)
    last = direction.items.aggregate(last=Max("position"))["last"]
    item = DirectionItem(
        direction=direction,
        kind=kind,
        name=name.strip(),
        description=(description or "").strip(),
        chain_node=chain_node,
        position=0 if last is None else last + 1,
    )
    item.full_clean()
    item.save()
    _record(direction, actor, "item_added", note=f"{item.name} · {chain_node.name}")
    return item


@transaction.atomic
def item_update(
    *,
    actor: User,
    item: DirectionItem,
    kind: str,
    name: str,
    chain_node: ChainNode,
    description: str = "",
) -> DirectionItem:
    """Change a key product or process; its node stays on the direction's chain."""
    _check_manager(actor)
    direction = _lock_direction(item.direction)
    _check_items_editable(direction)
    item = DirectionItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    errors = _item_errors(direction, kind, name, chain_node)
    if errors:
        raise ValidationError(errors)
    item.kind = kind
    item.name = name.strip()
    item.description = (description or "").strip()
    item.chain_node = chain_node
    item.full_clean(exclude=["direction"])
    item.save(update_fields=["kind", "name", "description", "chain_node"])
    _record(direction, actor, "updated", note=f"{item.name} · {chain_node.name}")
    return item


@transaction.atomic
def item_remove(*, actor: User, item: DirectionItem) -> None:
    """Remove a key product or process that has no candidate pair yet (pairs keep the
    departments' recommendations and the decisions: decline them instead)."""
    _check_manager(actor)
    direction = _lock_direction(item.direction)
    _check_items_editable(direction)
    item = DirectionItem.objects.select_for_update(of=("self",)).get(pk=item.pk)
    count = item.pairs.count()
    if count:
        raise InvalidState(
            _("%(item)s has %(count)d candidate pairs; it can no longer be removed.")
            % {"item": item.name, "count": count}
        )
    name = item.name
    item.delete()
    _record(direction, actor, "item_removed", note=name)


# --- candidate pairs ----------------------------------------------------------------------------


def _pair_errors(
    supplier: Organization | None,
    product: Product | None,
    user_firm: Organization | None,
    *,
    product_required: bool,
    user_firm_required: bool,
) -> dict:
    """What is wrong with a proposed pair, by field (empty: nothing)."""
    errors = {}
    if supplier is None:
        errors["supplier"] = _("Choose the supplier.")
    elif supplier.kind != OrganizationKind.SME or not supplier.is_verified:
        errors["supplier"] = _(
            "%(name)s is not a verified SME; suppliers are verified SMEs, little giants first."
        ) % {"name": supplier.name}
    if product is None:
        if product_required:
            errors["product"] = _("Choose the supplier's product.")
    elif supplier is not None and (
        product.organization_id != supplier.pk or not product.is_published
    ):
        errors["product"] = _("%(product)s is not a published product of %(supplier)s.") % {
            "product": product.title,
            "supplier": supplier.name,
        }
    if user_firm is None:
        if user_firm_required:
            errors["user_firm"] = _("Choose the application unit, the firm that will use it.")
    elif supplier is not None and user_firm.pk == supplier.pk:
        errors["user_firm"] = _(
            "The application unit is the firm that will use the product, not the supplier itself."
        )
    elif user_firm.kind not in ENTERPRISE_KINDS or not user_firm.is_verified:
        errors["user_firm"] = _("%(name)s is not a verified enterprise.") % {"name": user_firm.name}
    return errors


def _check_not_proposed(item: DirectionItem, supplier: Organization, user_firm) -> None:
    earlier = (
        item.pairs.filter(supplier=supplier, user_firm=user_firm)
        .select_related("recommended_by_organization")
        .first()
    )
    if earlier is not None:
        raise InvalidState(
            _("%(supplier)s with %(user_firm)s is already a pair of %(item)s (%(status)s).")
            % {
                "supplier": supplier.name,
                "user_firm": user_firm.name if user_firm else _("no application unit yet"),
                "item": item.name,
                "status": earlier.get_status_display(),
            }
        )


def _lock_item(item: DirectionItem) -> tuple[DemonstrationDirection, DirectionItem]:
    direction = _lock_direction(item.direction)
    item = DirectionItem.objects.select_related("chain_node").get(pk=item.pk)
    item.direction = direction
    return direction, item


def _create_pair(actor, item, *, supplier, product, user_firm, source, note, department=None):
    pair = CandidatePair.objects.create(
        item=item,
        supplier=supplier,
        product=product,
        user_firm=user_firm,
        source=source,
        recommended_by_organization=department,
        note=note,
        created_by=actor,
    )
    _record(
        item.direction,
        actor,
        "pair_proposed",
        pair=pair,
        to_status=pair.status,
        note=note,
    )
    return pair


def _params(pair: CandidatePair, **extra) -> dict:
    return {
        "direction": pair.item.direction.title,
        "item": pair.item.name,
        "supplier": pair.supplier.name,
        "user_firm": pair.user_firm.name if pair.user_firm_id else "",
        "product": pair.product.title if pair.product_id else "",
        **extra,
    }


@transaction.atomic
def pair_recommend(
    *,
    actor: User,
    item: DirectionItem,
    supplier: Organization,
    product: Product,
    user_firm: Organization,
    note: str,
) -> CandidatePair:
    """A provincial department recommends a pair for a key product or process while the
    direction collects candidates: a verified SME with one of its published products, and
    the enterprise that will use it (not the supplier itself), with why it fits."""
    department = rules.department_of(actor)
    if department is None:
        raise NotAllowed(
            _("Only members of verified government departments recommend candidate pairs.")
        )
    direction, item = _lock_item(item)
    if direction.status != DirectionStatus.COLLECTING:
        raise InvalidState(_("Recommendations are taken while the direction collects candidates."))
    errors = _pair_errors(
        supplier, product, user_firm, product_required=True, user_firm_required=True
    )
    note = (note or "").strip()
    if not note:
        errors["note"] = _("Say why this pair fits the key product or process.")
    if errors:
        raise ValidationError(errors)
    note = _check_note(note)
    _check_not_proposed(item, supplier, user_firm)
    pair = _create_pair(
        actor,
        item,
        supplier=supplier,
        product=product,
        user_firm=user_firm,
        source=PairSource.DEPARTMENT,
        note=note,
        department=department,
    )
    notify(
        recipients=platform_admins(),
        verb="direction.recommended",
        message=gettext_noop(
            "%(department)s recommended %(supplier)s for %(item)s (%(direction)s)"
        ),
        params=_params(pair, department=department.name),
        url=_detail_url(direction),
    )
    return pair


@transaction.atomic
def pair_add(
    *,
    actor: User,
    item: DirectionItem,
    supplier: Organization,
    source: str,
    product: Product | None = None,
    user_firm: Organization | None = None,
    note: str = "",
) -> CandidatePair:
    """An administrator adds a suggested supplier (from a published directory, the chain
    map or matching) as a pair, with its product and application unit when known."""
    _check_manager(actor)
    direction, item = _lock_item(item)
    if direction.status == DirectionStatus.CLOSED:
        raise InvalidState(_("The direction is closed; reopen it to add pairs."))
    if source not in SUGGESTION_SOURCES:
        raise ValidationError({"source": _("Say where the suggestion comes from.")})
    errors = _pair_errors(
        supplier, product, user_firm, product_required=False, user_firm_required=False
    )
    if errors:
        raise ValidationError(errors)
    note = _check_note(note)
    _check_not_proposed(item, supplier, user_firm)
    return _create_pair(
        actor,
        item,
        supplier=supplier,
        product=product,
        user_firm=user_firm,
        source=source,
        note=note,
    )


def pair_move(*, actor: User, pair: CandidatePair, action: str, note: str = "") -> CandidatePair:
    """Make the decision ``action`` (shortlist, decline, reconsider): the views' entry."""
    return PAIR_MOVES(action, actor=actor, pair=pair, note=note)


def _decide(actor: User, pair: CandidatePair, action: str, note: str = "") -> CandidatePair:
    pair = _lock_pair(pair)
    note = _check_note(note, field="reason")
    pair.decision_note = note if action == "decline" else ""
    apply(
        PAIR_TRANSITIONS,
        pair,
        action,
        actor=actor,
        roles=rules.direction_roles(actor),
        note=note,
        fields=["decision_note"],
        record=_record_pair_move,
    )
    return pair


def _tell_department(pair: CandidatePair, verb: str, message: str) -> None:
    if pair.recommended_by_organization_id is None:
        return
    notify(
        recipients=members_of(pair.recommended_by_organization),
        verb=verb,
        message=message,
        params=_params(pair, reason=pair.decision_note),
        url=_detail_url(pair.item.direction),
    )


@PAIR_MOVES.register("shortlist")
@transaction.atomic
def pair_shortlist(*, actor: User, pair: CandidatePair) -> CandidatePair:
    """Shortlist a pair for the demonstration: it shows on the public page, and the
    recommending department and the supplier are told."""
    pair = _decide(actor, pair, "shortlist")
    _tell_department(
        pair,
        "direction.pair_shortlisted",
        gettext_noop("Your recommendation of %(supplier)s for %(item)s was shortlisted"),
    )
    notify(
        recipients=admins_of(pair.supplier),
        verb="direction.supplier_shortlisted",
        message=gettext_noop(
            "Your organization was shortlisted for %(item)s in the 一条龙 demonstration "
            "direction %(direction)s"
        ),
        params=_params(pair),
        url=_detail_url(pair.item.direction),
    )
    return pair


@PAIR_MOVES.register("decline", note="reason")
@transaction.atomic
def pair_decline(*, actor: User, pair: CandidatePair, reason: str = "") -> CandidatePair:
    """Do not take a pair, with the reason the recommending department reads."""
    pair = _decide(actor, pair, "decline", reason)
    _tell_department(
        pair,
        "direction.pair_declined",
        gettext_noop("Your recommendation of %(supplier)s for %(item)s was not taken: %(reason)s"),
    )
    return pair


@PAIR_MOVES.register("reconsider")
@transaction.atomic
def pair_reconsider(*, actor: User, pair: CandidatePair) -> CandidatePair:
    """Take a declined pair back to proposed (the history keeps the earlier reason)."""
    return _decide(actor, pair, "reconsider")


# --- filling the demonstration call --------------------------------------------------------------


def _check_can_fill(actor: User, direction: DemonstrationDirection) -> Call:
    problems = rules.fill_problems(actor, direction)
    if problems:
        refusal = NotAllowed if direction.call_id else InvalidState
        if rules.can_fill_call(actor, direction):
            refusal = InvalidState
        raise refusal(" ".join(str(problem) for problem in problems))
    return direction.call


def _invite(actor: User, direction: DemonstrationDirection, pairs: list[CandidatePair]):
    """Invite the suppliers of ``pairs`` (shortlisted, locked) to the direction's call, once
    per supplier, and move every pair to invited; refuse with every reason at once.

    A supplier this direction already took into the call keeps its invitation (a new pair
    of it just joins); any other refusal of the open-call engine (already invited from
    elsewhere, already applied, not eligible) is collected, and the caller's transaction
    rolls back the invitations sent before it, so nothing is half done.
    """
    call = _check_can_fill(actor, direction)
    earlier = {
        pair.supplier_id: pair.invitation
        for pair in CandidatePair.objects.filter(
            item__direction=direction,
            status=PairStatus.INVITED,
            invitation__call=call,
        ).select_related("invitation")
    }
    by_supplier: dict[int, list[CandidatePair]] = defaultdict(list)
    for pair in pairs:
        by_supplier[pair.supplier_id].append(pair)
    problems = []
    for group in by_supplier.values():
        supplier = group[0].supplier
        invitation = earlier.get(supplier.pk)
        if invitation is None:
            try:
                invitation = call_services.call_invite(
                    actor=actor, call=call, organization=supplier
                )
            except DomainError as refusal:
                problems.append(str(refusal.message))
                continue
        for pair in group:
            pair.invitation = invitation
            apply(
                PAIR_TRANSITIONS,
                pair,
                "invite",
                actor=actor,
                roles={SYSTEM},
                note=call.title,
                fields=["invitation"],
                record=_record_pair_move,
            )
    if problems:
        raise InvalidState(_("Nothing was sent: %(problems)s") % {"problems": " ".join(problems)})
    return pairs


@transaction.atomic
def direction_fill_call(*, actor: User, direction: DemonstrationDirection) -> list[CandidatePair]:
    """Invite every shortlisted pair's supplier to the direction's demonstration call,
    through the open-call engine's invitation (which tells each supplier), and move the
    pairs to invited: all of them, or none with every reason why."""
    direction = _lock_direction(direction)
    _check_can_fill(actor, direction)
    pairs = list(
        CandidatePair.objects.select_for_update(of=("self",))
        .filter(item__direction=direction, status=PairStatus.SHORTLISTED)
        .select_related("item__direction", "supplier")
        .order_by("item__position", "pk")
    )
    if not pairs:
        raise InvalidState(_("No shortlisted pair is waiting to be invited."))
    for pair in pairs:
        pair.item.direction = direction
    return _invite(actor, direction, pairs)


@PAIR_MOVES.register("invite")
@transaction.atomic
def pair_invite(*, actor: User, pair: CandidatePair) -> CandidatePair:
    """Invite one shortlisted pair's supplier to the call (the fill, for one pair)."""
    pair = _lock_pair(pair)
    direction = _lock_direction(pair.item.direction)
    pair.item.direction = direction
    if pair.status != PairStatus.SHORTLISTED:
        raise InvalidState(PAIR_TRANSITIONS["invite"].refused)
    _invite(actor, direction, [pair])
    return pair
