"""Read and check the fictional demo content in ``demo/data/*.toml``.

``load()`` parses every file named by ``demo.specs.DemoContent``, builds the typed specs, and
checks the references between entries and files, so that a mistake fails with
``DemoDataError`` naming the file and the entry before anything is written to the database.
"""

from __future__ import annotations

import dataclasses
import tomllib
import typing
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal

from demo.specs import CallStage, DemoContent

DATA_DIR = Path(__file__).resolve().parent / "data"


class DemoDataError(ValueError):
    """A data file is unreadable, or one of its entries is missing a field or has a wrong one."""


def load(directory: Path = DATA_DIR) -> DemoContent:
    """Read every data file in ``directory``, check it and return the demo content."""
    fields_by_file: dict[str, list[dataclasses.Field]] = {}
    for spec_field in dataclasses.fields(DemoContent):
        fields_by_file.setdefault(spec_field.metadata["file"], []).append(spec_field)
    hints = _hints(DemoContent)
    values: dict[str, Any] = {}
    for file, file_fields in fields_by_file.items():
        path = directory / file
        try:
            with path.open("rb") as stream:
                document = tomllib.load(stream)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise DemoDataError(f"{path}: cannot be read: {error}") from error
        tables = {spec_field.metadata["table"]: spec_field for spec_field in file_fields}
        for unknown in sorted(set(document) - set(tables)):
            raise DemoDataError(
                f"{path}: unknown table {unknown!r} (expected one of {_list(tables)})"
            )
        for table, spec_field in tables.items():
            if table not in document:
                raise DemoDataError(f"{path}: missing table {table!r}")
            values[spec_field.name] = _build(
                hints[spec_field.name], document[table], f"{path}: {table}"
            )
    content = DemoContent(**values)
    _check_references(content, directory)
    return content


def _build(kind: Any, value: Any, where: str) -> Any:
    """Return ``value`` checked against the type ``kind``; ``where`` names it in errors."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Annotated:
        built = _build(args[0], value, where)
        for check in args[1:]:
            problem = check.problem(built)
            if problem:
                raise DemoDataError(f"{where}: {problem}")
        return built
    if origin is Literal:
        if value not in args:
            raise DemoDataError(f"{where}: expected one of {_list(args)}; got {value!r}")
        return value
    if origin in (typing.Union, UnionType):  # ``X | None``: TOML has no null, absent means None
        return _build(next(arg for arg in args if arg is not type(None)), value, where)
    if origin is list:
        _expect(isinstance(value, list), "a list", value, where)
        return [
            _build(args[0], item, _item(where, index, item)) for index, item in enumerate(value)
        ]
    if origin is tuple:
        _expect(
            isinstance(value, list) and len(value) == len(args),
            f"a list of {len(args)}",
            value,
            where,
        )
        return tuple(
            _build(arg, item, f"{where}[{i}]")
            for i, (arg, item) in enumerate(zip(args, value, strict=True))
        )
    if dataclasses.is_dataclass(kind):
        _expect(isinstance(value, dict), "a table", value, where)
        return _build_spec(kind, value, where)
    if kind is Decimal:
        _expect(
            isinstance(value, (str, int)) and not isinstance(value, bool), "a decimal", value, where
        )
        try:
            return Decimal(value)
        except InvalidOperation:
            raise DemoDataError(f"{where}: expected a decimal; got {value!r}") from None
    _expect(
        isinstance(value, kind) and not (kind is int and isinstance(value, bool)),
        {str: "a string", int: "an integer", bool: "true or false"}.get(kind, kind.__name__),
        value,
        where,
    )
    return value


def _build_spec(spec: type, table: dict[str, Any], where: str) -> Any:
    hints = _hints(spec)
    names = {f.metadata.get("table", f.name): f for f in dataclasses.fields(spec)}
    for unknown in sorted(set(table) - set(names)):
        raise DemoDataError(f"{where}: unknown field {unknown!r} (expected {_list(names)})")
    values = {}
    for name, spec_field in names.items():
        if name in table:
            values[spec_field.name] = _build(
                hints[spec_field.name], table[name], f"{where}, field {name!r}"
            )
        elif (
            spec_field.default is dataclasses.MISSING
            and spec_field.default_factory is dataclasses.MISSING
        ):
            raise DemoDataError(f"{where}: missing field {name!r}")
    return spec(**values)


_hint_cache: dict[type, dict[str, Any]] = {}


def _hints(spec: type) -> dict[str, Any]:
    if spec not in _hint_cache:
        _hint_cache[spec] = typing.get_type_hints(spec, include_extras=True)
    return _hint_cache[spec]


def _item(where: str, index: int, item: Any) -> str:
    """Name the ``index``-th entry of a list, by its first identifying field if it has one."""
    for name in ("key", "slug", "username", "title", "name", "org"):
        value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        if isinstance(value, str):
            return f"{where} #{index + 1} ({name} {value!r})"
    return f"{where} #{index + 1}"


def _expect(ok: bool, expected: str, value: Any, where: str) -> None:
    if not ok:
        raise DemoDataError(f"{where}: expected {expected}; got {value!r}")


def _list(values: Any) -> str:
    return ", ".join(repr(value) for value in values)


# --- references between entries and files -----------------------------------------------------


def _check_references(content: DemoContent, directory: Path) -> None:
    """Check what no single entry can: unique names and references to other entries."""

    def entries(field_name: str):
        spec_field = next(f for f in dataclasses.fields(content) if f.name == field_name)
        where = f"{directory / spec_field.metadata['file']}: {spec_field.metadata['table']}"
        for index, entry in enumerate(getattr(content, field_name)):
            yield _item(where, index, entry), entry

    def unique(attribute: str, *field_names: str) -> set[str]:
        seen: set[str] = set()
        for field_name in field_names:
            for where, entry in entries(field_name):
                value = getattr(entry, attribute)
                if value in seen:
                    raise DemoDataError(f"{where}: {attribute} {value!r} is used twice")
                seen.add(value)
        return seen

    def known(where: str, what: str, values: list[str] | str | None, allowed: set[str]) -> None:
        for value in [values] if isinstance(values, str) else values or []:
            if value not in allowed:
                raise DemoDataError(f"{where}: {what} {value!r} is not defined")

    nodes: set[str] = set()
    unique("slug", "chains")
    for where, chain in entries("chains"):
        keys: list[str] = []
        pending = list(chain.nodes)
        while pending:
            node = pending.pop()
            keys.append(node.key)
            pending.extend(node.children)
        for key in keys:
            if keys.count(key) > 1:
                raise DemoDataError(f"{where}: node key {key!r} is used twice")
        nodes.update(f"{chain.slug}/{key}" for key in keys)

    organizations = unique("key", "organizations", "pending_organizations")
    for field_name in ("organizations", "pending_organizations"):
        for where, organization in entries(field_name):
            known(where, "chain node", organization.chain_nodes, nodes)
    for where, claim in entries("pending_qualifications"):
        known(where, "organization", claim.org, organizations)

    logins = unique("username", "logins")
    known(f"{directory / 'people.toml'}: login", "username", "admin", logins)
    for where, login in entries("logins"):
        known(where, "organization", login.org, organizations)
    unique("username", "experts")
    for where, expert in entries("experts"):
        if expert.name is None:
            known(where, "login (an expert without a name must be one)", expert.username, logins)

    products: dict[str, set[str]] = {}
    for field_name in ("products", "results", "resources"):
        unique("title", field_name)
        for where, listing in entries(field_name):
            known(where, "organization", listing.org, organizations)
            known(where, "chain node", listing.chain_nodes, nodes)
            if (listing.status == "rejected") != bool(listing.rejection_reason):
                raise DemoDataError(f"{where}: give a rejection_reason exactly when rejected")
            if field_name == "products":
                products.setdefault(listing.org, set()).add(listing.title)

    stages = typing.get_args(CallStage)
    unique("key", "calls")
    for where, call in entries("calls"):
        known(where, "organization", call.issuer, organizations)
        known(where, "chain node", call.chain_nodes, nodes)
        for index, application in enumerate(call.applications):
            place = _item(f"{where}, application", index, application)
            known(place, "organization", [application.org, *application.partners], organizations)
            offered = products.get(application.org, set())
            if application.product is not None and application.product not in offered:
                raise DemoDataError(
                    f"{place}: product {application.product!r} is not a product of "
                    f"{application.org!r} in products.toml"
                )
        reached = stages.index(call.stage)
        if call.stage == "competition_round2" and call.advance is None:
            raise DemoDataError(f"{where}: a competition in round 2 needs 'advance'")
        if reached >= stages.index("publicity") and call.winners < 1:
            raise DemoDataError(f"{where}: stage {call.stage!r} needs 'winners'")
        if reached >= stages.index("in_progress") and not call.milestones:
            raise DemoDataError(f"{where}: stage {call.stage!r} needs milestones")
    _check_directories(content, entries, known, unique, organizations, nodes, products)
    _check_resource_use(content, entries, known, organizations)
    _check_verification(content, entries, known, unique, organizations, nodes, products)
    _check_directions(content, entries, known, unique, organizations, nodes)
    _check_handshake_conversations(content, entries, known, organizations)


def _check_directories(content, entries, known, unique, organizations, nodes, products) -> None:
    """References of directories.toml: organizations, their products, directories, calls."""

    def known_product(where: str, org: str, product: str | None) -> None:
        if product is not None and product not in products.get(org, set()):
            raise DemoDataError(
                f"{where}: {product!r} is not a product of {org!r} in products.toml"
            )

    for where, declaration in entries("willingness"):
        known(where, "organization", declaration.org, organizations)
        for product in declaration.products:
            known_product(where, declaration.org, product)
        if (declaration.kind == "products") != bool(declaration.products):
            raise DemoDataError(f"{where}: name products exactly for kind 'products'")
    recipients = {recipient.org for recipient in content.recipients}
    for where, recipient in entries("recipients"):
        known(where, "organization", recipient.org, organizations)
        known(where, "chain node", recipient.chain_nodes, nodes)
    directories = unique("key", "directories")
    for where, spec in entries("directories"):
        known(where, "chain node", spec.chain_nodes, nodes)
        for _name, category in spec.classify:
            known(where, "category", category, set(spec.categories))
        for exclusion in spec.excluded:
            known(where, "organization", exclusion.org, organizations)
            known_product(where, exclusion.org, exclusion.product)
    calls = {call.title: call.issuer for call in content.calls}
    for where, recommendation in entries("recommendations"):
        known(where, "directory", recommendation.directory, directories)
        known(where, "organization", recommendation.org, organizations)
        known(where, "recipient", recommendation.recipient, recipients)
        known_product(where, recommendation.org, recommendation.product)
        if recommendation.invite is not None and calls.get(recommendation.invite) != (
            recommendation.recipient
        ):
            raise DemoDataError(f"{where}: invite names no call of {recommendation.recipient!r}")
        for outcome in recommendation.outcomes:
            if not 0 <= outcome.days_ago <= recommendation.days_ago:
                raise DemoDataError(f"{where}: an outcome happens after the recommendation")


def _check_resource_use(content, entries, known, organizations) -> None:
    """References of resources_use.toml: published resources of the right kind, another
    organization than the owner, its published products, dates the services accept."""
    resources = {resource.title: resource for resource in content.resources}
    published = {
        (product.org, product.title)
        for product in content.products
        if product.status == "published"
    }

    def resource_of(where: str, title: str, kinds: tuple[str, ...], org: str):
        resource = resources.get(title)
        if resource is None:
            raise DemoDataError(f"{where}: resource {title!r} is not in resources.toml")
        if resource.kind not in kinds or resource.status != "published":
            raise DemoDataError(f"{where}: {title!r} is not a published {' or '.join(kinds)}")
        known(where, "organization", org, organizations)
        if resource.org == org:
            raise DemoDataError(f"{where}: {org!r} owns {title!r}")
        return resource

    for where, spec in entries("access_requests"):
        resource_of(where, spec.resource, ("test_line", "lab", "data"), spec.org)
        if spec.start_in_days < 0 or spec.length_days < 1:
            raise DemoDataError(f"{where}: dates start today or later and last a day or more")
        proposed = spec.proposed_in_days is not None
        if proposed != (spec.state == "dates_proposed") and spec.state != "accepted":
            raise DemoDataError(
                f"{where}: give proposed_in_days for 'dates_proposed' (or 'accepted' after a "
                "proposal) only"
            )
        if spec.proposed_in_days is not None and spec.proposed_in_days < 0:
            raise DemoDataError(f"{where}: proposed dates start today or later")
        if spec.state == "declined" and not spec.note:
            raise DemoDataError(f"{where}: a declined request needs the reason in 'note'")
    for where, spec in entries("supplier_applications"):
        resource = resource_of(where, spec.resource, ("supplier", "project"), spec.org)
        for title in spec.products:
            if (spec.org, title) not in published:
                raise DemoDataError(
                    f"{where}: {title!r} is not a published product of {spec.org!r}"
                )
        if resource.kind == "supplier" and not spec.products:
            raise DemoDataError(f"{where}: a supplier pool needs at least one product")
        if spec.state == "rejected" and not spec.note:
            raise DemoDataError(f"{where}: an application not admitted needs the reason in 'note'")


def _check_directions(content, entries, known, unique, organizations, nodes) -> None:
    """References of directions.toml: chains and nodes on them, items, organizations of the
    right kind, the suppliers' published products, the demonstration call, and the fields
    each source and status needs."""
    kinds = {spec.key: spec.kind for spec in content.organizations}
    published = {(p.org, p.title) for p in content.products if p.status == "published"}
    calls = {call.title: call.kind for call in content.calls}
    chains = {chain.slug for chain in content.chains}
    unique("key", "directions")
    unique("title", "directions")
    for where, direction in entries("directions"):
        known(where, "chain", direction.chain, chains)
        keys = [item.key for item in direction.items]
        if not 1 <= len(keys) == len(set(keys)):
            raise DemoDataError(f"{where}: give items, each with its own key")
        for item in direction.items:
            known(where, "chain node", item.node, nodes)
            if item.node.split("/")[0] != direction.chain:
                raise DemoDataError(f"{where}: {item.node!r} is not on {direction.chain!r}")
        if direction.call is not None and calls.get(direction.call) != "demonstration":
            raise DemoDataError(f"{where}: {direction.call!r} is no demonstration call")
        if direction.status == "draft" and direction.pairs:
            raise DemoDataError(f"{where}: a direction being prepared has no pairs")
        for pair in direction.pairs:
            known(where, "item", pair.item, set(keys))
            parties = [pair.supplier] + ([pair.user_firm] if pair.user_firm else [])
            known(where, "organization", parties, organizations)
            if kinds[pair.supplier] != "sme" or pair.supplier == pair.user_firm:
                raise DemoDataError(f"{where}: {pair.supplier!r} supplies as an SME, to another")
            if pair.product is not None and (pair.supplier, pair.product) not in published:
                raise DemoDataError(f"{where}: {pair.product!r} is no published product of it")
            if (pair.source == "department") != (pair.department is not None):
                raise DemoDataError(f"{where}: name the department exactly for its pairs")
            if pair.department is not None and kinds.get(pair.department) != "government":
                raise DemoDataError(f"{where}: {pair.department!r} is not a department")
            if (pair.status == "declined") != bool(pair.reason):
                raise DemoDataError(f"{where}: give a reason exactly when declined")
            if pair.status == "invited" and direction.call is None:
                raise DemoDataError(f"{where}: an invited pair needs the direction's call")


def _check_verification(content, entries, known, unique, organizations, nodes, products) -> None:
    """References of verification.toml: platforms, its verification calls (checked like those
    of calls.toml), bookings and evidence of verification calls, catalogue entries."""
    platforms = unique("key", "verification_platforms")
    for where, platform in entries("verification_platforms"):
        known(where, "organization", platform.owner, organizations)
        known(where, "chain node", platform.chain_nodes, nodes)
        if platform.capacity < 1:
            raise DemoDataError(f"{where}: a platform hosts at least one project")
    stages = typing.get_args(CallStage)
    keys = {call.key for call in content.calls}
    for where, call in entries("verification_calls"):
        if call.key in keys:
            raise DemoDataError(f"{where}: key {call.key!r} is used in calls.toml too")
        if call.kind != "verification":
            raise DemoDataError(f"{where}: verification.toml holds verification calls only")
        known(where, "organization", call.issuer, organizations)
        known(where, "chain node", call.chain_nodes, nodes)
        for index, application in enumerate(call.applications):
            place = _item(f"{where}, application", index, application)
            known(place, "organization", application.org, organizations)
            if application.product not in products.get(application.org, set()):
                raise DemoDataError(f"{place}: a verification application names its product")
        reached = stages.index(call.stage)
        if reached >= stages.index("publicity") and call.winners < 1:
            raise DemoDataError(f"{where}: stage {call.stage!r} needs 'winners'")
        if reached >= stages.index("in_progress") and not call.milestones:
            raise DemoDataError(f"{where}: stage {call.stage!r} needs milestones")
    calls = {call.key: call for call in [*content.calls, *content.verification_calls]}

    def verification_call(where: str, key: str, *, stage: str):
        call = calls.get(key)
        if call is None or call.kind != "verification":
            raise DemoDataError(f"{where}: {key!r} is not a verification call")
        if stages.index(call.stage) < stages.index(stage):
            raise DemoDataError(f"{where}: {key!r} is not at stage {stage!r} yet")
        return call

    for where, booking in entries("platform_bookings"):
        known(where, "platform", booking.platform, platforms)
        call = verification_call(where, booking.call, stage="published")
        if call.stage == "accepted":
            raise DemoDataError(f"{where}: an accepted project books no platform")
        if booking.start_in_days < 0 or booking.length_days < 1:
            raise DemoDataError(f"{where}: dates start today or later and last a day or more")
        if booking.state in ("declined", "cancelled") and not booking.note:
            raise DemoDataError(f"{where}: a {booking.state} booking needs the reason in 'note'")
    for where, evidence in entries("first_use_evidence"):
        verification_call(where, evidence.call, stage="in_progress")
        if (evidence.kind == "purchase") != (evidence.amount is not None):
            raise DemoDataError(f"{where}: give an amount exactly for a purchase")
        if evidence.days_ago < 0:
            raise DemoDataError(f"{where}: evidence is dated today or earlier")
    for where, entry in entries("catalogue_entries"):
        known(where, "organization", entry.org, organizations)
        if entry.product not in products.get(entry.org, set()):
            raise DemoDataError(f"{where}: {entry.product!r} is not a product of {entry.org!r}")
    for call in content.verification_calls:
        if call.stage != "accepted":
            continue
        filed = {e.kind for e in content.first_use_evidence if e.call == call.key}
        missing = {"agreement", "plan", "test_report"} - filed
        if missing:
            raise DemoDataError(
                f"verification.toml: call {call.key!r} is accepted but lacks evidence: "
                f"{', '.join(sorted(missing))}"
            )


def _check_handshake_conversations(content, entries, known, organizations) -> None:
    """References of docking_messages.toml: two different organizations, some messages, at
    most one conversation per handshake (its handshake itself is looked up when seeding)."""
    seen: set[tuple[str, str, str]] = set()
    for where, conversation in entries("handshake_conversations"):
        known(where, "organization", [conversation.requester, conversation.owner], organizations)
        if conversation.requester == conversation.owner:
            raise DemoDataError(f"{where}: requester and owner are one organization")
        handshake = (conversation.requester, conversation.owner, conversation.target)
        if handshake in seen:
            raise DemoDataError(f"{where}: this handshake has two conversations")
        seen.add(handshake)
        if not conversation.messages:
            raise DemoDataError(f"{where}: a conversation needs messages")
        if any(message.hours_ago < 0 for message in conversation.messages):
            raise DemoDataError(f"{where}: messages are dated now or earlier")
