"""The shape of the demo content in ``demo/data/*.toml``, as typed, frozen specs.

``DemoContent`` is the layout of the data directory: each of its fields names the file and the
TOML table it is read from (``metadata``), and its type is the schema of that table. A field
written under another name in TOML says so with ``metadata={"table": ...}`` (``[[chain.node]]``
fills ``ChainSpec.nodes``). A field with a default may be left out; TOML has no null, so an
absent optional field is ``None``. ``demo.loader`` builds and checks these specs.

Plain data only: no project imports, no side effects.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal

# The values the seeder knows how to load (a subset of the models' choices where one exists).
Stage = Literal["upstream", "midstream", "downstream"]
OrganizationKind = Literal[
    "lead", "large", "sme", "university", "institute", "agency", "government"
]
QualificationLevel = Literal["national", "provincial"]
ListingStatus = Literal["draft", "pending_review", "published", "rejected"]
Maturity = Literal["research", "lab", "pilot", "sample", "mass"]
TransferMode = Literal["transfer", "license", "equity", "codevelop"]
PatentKind = Literal["invention", "utility", "design", "software"]
ResourceKind = Literal["test_line", "lab", "data", "supplier", "project"]
CallKind = Literal[
    "challenge", "competition", "rnd_demand", "verification", "demonstration", "selection"
]
# How far the seeder drives a call through the open-call services, in this order.
CallStage = Literal[
    "draft",
    "pending_review",
    "published",
    "closed",
    "evaluating",
    "competition_round2",
    "publicity",
    "in_progress",
    "accepted",
]
ApplicationStatus = Literal["draft", "submitted", "eligible"]
MilestoneTarget = Literal["agreed", "submitted", "accepted"]


@dataclass(frozen=True)
class Pattern:
    """A string must match ``regex`` entirely; ``meaning`` says what it is."""

    regex: str
    meaning: str

    def problem(self, value: str) -> str | None:
        if re.fullmatch(self.regex, value):
            return None
        return f"expected {self.meaning}; got {value!r}"


@dataclass(frozen=True)
class Template:
    """A ``str.format`` template that may use only the named placeholders."""

    names: tuple[str, ...]

    def problem(self, value: str) -> str | None:
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
        except ValueError as error:
            return f"not a valid template ({error}): {value!r}"
        unknown = sorted(used - set(self.names))
        if unknown:
            allowed = ", ".join("{" + name + "}" for name in self.names) or "none"
            return f"unknown placeholder {{{unknown[0]}}} (allowed: {allowed})"
        return None


Key = Annotated[str, Pattern(r"[a-z0-9]+(-[a-z0-9]+)*", "a lower-case key such as 'sh-huazhun'")]
IndustryCode = Annotated[str, Pattern(r"\d{4}", "a 4-digit GB/T 4754-2017 industry code")]
ProvinceCode = Annotated[str, Pattern(r"\d{2}", "a 2-digit GB/T 2260 province code")]
NodeReference = Annotated[
    str, Pattern(r"[a-z0-9-]+/[a-z0-9-]+", "a chain node as '<chain slug>/<node key>'")
]


# --- the specs ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class NodeSpec:
    key: Key
    name: str
    stage: Stage
    industries: list[IndustryCode]
    children: list[NodeSpec] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class ChainSpec:
    slug: Key
    name: str
    description: str
    nodes: list[NodeSpec] = field(metadata={"table": "node"})


@dataclass(frozen=True, kw_only=True)
class QualificationSpec:
    level: QualificationLevel
    batch: str
    year: int


@dataclass(frozen=True, kw_only=True)
class QualificationClaimSpec(QualificationSpec):
    org: Key


@dataclass(frozen=True, kw_only=True)
class QualificationIssuers:
    national: str
    provincial: str

    def for_level(self, level: QualificationLevel) -> str:
        return {"national": self.national, "provincial": self.provincial}[level]


@dataclass(frozen=True, kw_only=True)
class OrganizationSpec:
    key: Key
    name: str
    kind: OrganizationKind
    province: ProvinceCode
    city: str
    industry: IndustryCode
    description: str
    website: str
    contact_name: str
    contact_phone: str
    contact_email: str
    chain_nodes: list[NodeReference]
    qualification: QualificationSpec | None = None


@dataclass(frozen=True, kw_only=True)
class LoginSpec:
    username: str
    name: str
    role: str
    org: Key | None = None


@dataclass(frozen=True, kw_only=True)
class ExpertSpec:
    username: str
    title: str
    affiliation: str
    expertise: str
    name: str | None = None  # None: a login, named in people.toml's [[login]]


@dataclass(frozen=True, kw_only=True)
class ListingSpec:
    org: Key
    title: str
    summary: str
    description: str
    keywords: list[str]
    industry: IndustryCode
    chain_nodes: list[NodeReference]
    status: ListingStatus
    rejection_reason: str = ""


@dataclass(frozen=True, kw_only=True)
class ProductSpec(ListingSpec):
    specifications: list[tuple[str, str]]
    scenarios: str
    certifications: str


@dataclass(frozen=True, kw_only=True)
class ResultSpec(ListingSpec):
    field: str
    trl: int
    maturity: Maturity
    patents: list[tuple[str, PatentKind]]
    transfer_modes: list[TransferMode]
    team: str
    price: Decimal | None = None


@dataclass(frozen=True, kw_only=True)
class ResourceSpec(ListingSpec):
    kind: ResourceKind
    conditions: str
    city: str


@dataclass(frozen=True, kw_only=True)
class CriterionSpec:
    name: str
    weight: Decimal
    description: str


@dataclass(frozen=True, kw_only=True)
class CallTexts:
    application_team: Annotated[str, Template(("organization",))]
    application_prior_results: str
    application_schedule: str
    indicator_response: Annotated[str, Template(("target", "unit"))]
    partner_role: str
    review_comment: str
    first_criterion_comment: str
    milestone_report: Annotated[str, Template(("deliverables",))]
    milestone_acceptance_note: str
    call_acceptance_note: str


@dataclass(frozen=True, kw_only=True)
class IndicatorSpec:
    name: str
    target: str
    unit: str


@dataclass(frozen=True, kw_only=True)
class RoundSpec:
    name: str
    deadline_in_days: int
    advance: int | None = None


@dataclass(frozen=True, kw_only=True)
class ApplicationSpec:
    org: Key
    status: ApplicationStatus
    approach: str
    partners: list[Key] = field(default_factory=list)
    product: str | None = None  # the title of one of the applicant's products


@dataclass(frozen=True, kw_only=True)
class MilestoneSpec:
    title: str
    due_in_days: int
    deliverables: str
    target: MilestoneTarget


@dataclass(frozen=True, kw_only=True)
class CallSpec:
    key: Key
    kind: CallKind
    issuer: Key
    stage: CallStage
    title: str
    summary: str
    background: str
    details: str
    terms: str
    deliverables: str
    winner_cap: int
    deadline_in_days: int
    chain_nodes: list[NodeReference]
    industry: IndustryCode
    amount: Decimal | None = None
    indicators: list[IndicatorSpec] = field(default_factory=list)
    rounds: list[RoundSpec] = field(default_factory=list)  # after the first
    applications: list[ApplicationSpec] = field(
        default_factory=list, metadata={"table": "application"}
    )
    milestones: list[MilestoneSpec] = field(default_factory=list, metadata={"table": "milestone"})
    scores: Literal["all", "partial"] = "all"
    winners: int = 0
    advance: int | None = None
    objection: str = ""


# --- measure 十二: official lists, willingness, directories, recipients, recommendations ---

DirectoryKind = Literal["firms", "products"]
Channel = Literal["sasac", "acfic"]
Feedback = Literal["sent", "viewed", "interested", "contacted", "not_relevant"]
OutcomeStage = Literal["contact", "trial", "contract", "supply"]


@dataclass(frozen=True, kw_only=True)
class OfficialListsSpec:
    applied: list[str]  # paths in the repository, checked and applied in order
    checked: list[str]  # checked only (their rejected rows are the point)


@dataclass(frozen=True, kw_only=True)
class WillingnessSpec:
    org: Key
    kind: DirectoryKind
    products: list[str] = field(default_factory=list)
    note: str = ""
    # Declared only after the first versions were published (it enters a second version).
    late: bool = False
    # Withdrawn at the end: published versions then flag the organization.
    withdrawn: bool = False


@dataclass(frozen=True, kw_only=True)
class RecipientSpec:
    org: Key
    channel: Channel
    needs: str
    chain_nodes: list[NodeReference]


@dataclass(frozen=True, kw_only=True)
class ExclusionSpec:
    org: Key
    product: str | None = None
    reason: str
    version: int = 1  # the version whose screening excludes it


@dataclass(frozen=True, kw_only=True)
class DirectorySpec:
    key: Key
    kind: DirectoryKind
    title: str
    year: int
    scope: str
    min_qualification: Literal["none", "provincial", "national"]
    chain_nodes: list[NodeReference] = field(default_factory=list)
    categories: list[str]
    # (organization key or product title, category) for the included entries.
    classify: list[tuple[str, str]] = field(default_factory=list)
    excluded: list[ExclusionSpec] = field(default_factory=list, metadata={"table": "exclude"})
    # A second version, screened after the late declarations, with what changed.
    second_version: str = ""


@dataclass(frozen=True, kw_only=True)
class OutcomeSpec:
    stage: OutcomeStage
    days_ago: int
    side: Literal["recipient", "firm"]
    note: str
    amount: Decimal | None = None


@dataclass(frozen=True, kw_only=True)
class RecommendationSpec:
    directory: Key
    org: Key
    product: str | None = None
    recipient: Key
    note: str
    days_ago: int
    feedback: Feedback = "sent"
    feedback_note: str = ""
    invite: str | None = None  # the title of one of the recipient's open calls
    outcomes: list[OutcomeSpec] = field(default_factory=list, metadata={"table": "outcome"})


# --- measure 十: access requests to open resources, supplier pools and projects ---

AccessState = Literal["requested", "dates_proposed", "accepted", "declined", "withdrawn"]
SupplierState = Literal["submitted", "under_audit", "admitted", "rejected", "withdrawn"]
AuditCheck = Literal["qualification", "products", "quality_system", "site_visit", "samples"]


@dataclass(frozen=True, kw_only=True)
class AccessRequestSpec:
    resource: str  # the title of a test line, laboratory or data resource in resources.toml
    org: Key  # the requesting enterprise
    purpose: str
    start_in_days: int  # from today, not negative
    length_days: int
    state: AccessState
    # Other dates the owner proposes (state "dates_proposed", or "accepted" after them).
    proposed_in_days: int | None = None
    note: str = ""  # the owner's note or reason, or the requester's on withdrawal


@dataclass(frozen=True, kw_only=True)
class SupplierApplicationSpec:
    resource: str  # the title of a supplier pool or innovation-chain project
    org: Key  # the applying SME
    statement: str
    products: list[str] = field(default_factory=list)  # titles of the SME's products
    state: SupplierState
    checks: list[AuditCheck] = field(default_factory=list)
    note: str = ""  # the audit note, the reason not to admit, or the withdrawal note


# --- measure 十: 一条龙 demonstration directions ---

DirectionState = Literal["draft", "collecting", "closed"]
PairSourceName = Literal["department", "directory", "map", "matching"]
PairState = Literal["proposed", "shortlisted", "declined", "invited"]


@dataclass(frozen=True, kw_only=True)
class DirectionItemSpec:
    key: Key
    kind: Literal["product", "process"]
    name: str
    description: str
    node: NodeReference  # on the direction's chain


@dataclass(frozen=True, kw_only=True)
class CandidatePairSpec:
    item: Key  # the key of one of the direction's items
    source: PairSourceName
    supplier: Key  # a verified SME
    product: str | None = None  # the title of one of the supplier's published products
    user_firm: Key | None = None  # the application unit
    department: Key | None = None  # the recommending department (source "department" only)
    note: str
    status: PairState = "proposed"
    reason: str = ""  # why it was not taken (status "declined" only)


@dataclass(frozen=True, kw_only=True)
class DirectionSpec:
    key: Key
    chain: Key
    title: str
    summary: str
    year: int
    status: DirectionState
    call: str | None = None  # the title of a demonstration call in calls.toml
    items: list[DirectionItemSpec] = field(metadata={"table": "item"})
    pairs: list[CandidatePairSpec] = field(default_factory=list, metadata={"table": "pair"})


# --- measure 十一: verification platforms, bookings, first-use evidence, catalogue entries ---

BookingState = Literal["requested", "confirmed", "declined", "cancelled"]
EvidenceKind = Literal["agreement", "plan", "test_report", "purchase"]
CatalogueKind = Literal["first_set", "first_batch", "first_version"]


@dataclass(frozen=True, kw_only=True)
class PlatformSpec:
    key: Key
    owner: Key  # a verified organization
    name: str
    capabilities: str
    capacity: int
    province: ProvinceCode
    city: str
    chain_nodes: list[NodeReference]
    website: str = ""


@dataclass(frozen=True, kw_only=True)
class BookingSpec:
    platform: Key
    call: Key  # a verification call of calls.toml or verification.toml
    start_in_days: int  # from today, not negative
    length_days: int
    purpose: str
    state: BookingState
    note: str = ""  # the owner's reason (declined) or the canceller's


@dataclass(frozen=True, kw_only=True)
class EvidenceSpec:
    call: Key  # a verification call with a winner
    kind: EvidenceKind
    title: str
    issued_by: str
    days_ago: int
    file_name: Annotated[str, Pattern(r".+\.pdf", "a file name ending in .pdf")]
    reference: str = ""
    amount: Decimal | None = None  # 10,000 yuan, a purchase only
    by: Literal["winner", "issuer"] = "winner"


@dataclass(frozen=True, kw_only=True)
class CatalogueEntrySpec:
    org: Key
    product: str  # the title of one of the organization's products
    kind: CatalogueKind
    catalogue: str
    year: int
    issuer: str
    entry_number: str = ""
    url: str = ""


# --- measure 十五: messages on the demo handshakes (docking_messages.toml) ---

ConversationSide = Literal["requester", "owner"]


@dataclass(frozen=True, kw_only=True)
class MessageSpec:
    side: ConversationSide  # written by that organization's administrator
    body: str
    hours_ago: int  # when it was written, hours before seeding
    attachment: Annotated[str, Pattern(r".+\.pdf", "a file name ending in .pdf")] | None = None


@dataclass(frozen=True, kw_only=True)
class ConversationSpec:
    requester: Key  # the interested organization of a demo handshake (docking.toml)
    owner: Key  # the organization that accepted it
    target: str  # the title of the result, product, resource or R&D demand
    unread_by: ConversationSide | None = None  # that side has not read the other's last ones
    messages: list[MessageSpec] = field(metadata={"table": "message"})


InterestState = Literal[
    "pending",
    "accepted",
    "negotiating",
    "deal_recorded",
    "deal",
    "no_deal",
    "declined",
    "withdrawn",
]
Side = Literal["requester", "owner"]


@dataclass(frozen=True, kw_only=True)
class InterestSpec:
    requester: Key  # the interested organization (its first administrator acts)
    target: str  # the title of a published result, product, resource or open R&D demand
    wants: Literal["licence", "transfer", "purchase", "joint", "use", "solve"]
    note: str
    state: InterestState  # "deal_recorded": negotiating, a deal recorded, not yet confirmed
    reason: str = ""  # the reason of a decline, withdrawal or no deal; else the owner's note
    days_ago: int = 0  # when the interest was expressed, days before seeding
    deal_kind: Literal["transfer", "licence", "equity", "joint", "purchase"] | None = None
    deal_amount: str = ""  # 10,000 yuan
    deal_signed_days_ago: int = 0
    deal_recorded_by: Side = "requester"
    contract_number: str = ""


@dataclass(frozen=True, kw_only=True)
class EventRegistrationSpec:
    org: Key  # the registering organization (its first administrator acts)
    results: list[str] = field(default_factory=list)  # titles of its published results
    products: list[str] = field(default_factory=list)  # titles of its published products
    demands: list[str] = field(default_factory=list)  # titles of its open R&D demands
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class EventMeetingSpec:
    requester: Key
    invitee: Key
    slot: int  # the slot's index, from 0 at the event's start
    state: Literal["requested", "accepted", "declined", "cancelled"]
    note: str = ""
    reason: str = ""  # the reason of a decline or cancellation
    requester_outcome: Literal["", "follow_up", "deal_expected", "no_fit"] = ""
    requester_outcome_note: str = ""
    invitee_outcome: Literal["", "follow_up", "deal_expected", "no_fit"] = ""
    invitee_outcome_note: str = ""


@dataclass(frozen=True, kw_only=True)
class DockingEventSpec:
    title: str
    theme: str
    organizer: Key  # a government department (its first administrator acts)
    place: str = ""
    online_url: str = ""
    # An open event starts this many days after seeding; a finished one started this many
    # days before (it is run in the future, then its dates are moved back).
    days: int
    state: Literal["open", "finished"]
    hours: int = 3
    slot_minutes: int = 20
    chain_nodes: list[NodeReference] = field(default_factory=list)
    registrations: list[EventRegistrationSpec] = field(
        default_factory=list, metadata={"table": "registration"}
    )
    meetings: list[EventMeetingSpec] = field(default_factory=list, metadata={"table": "meeting"})


@dataclass(frozen=True, kw_only=True)
class DemoContent:
    """Everything ``seed_demo`` loads, field by field from the file and table named."""

    chains: list[ChainSpec] = field(metadata={"file": "chains.toml", "table": "chain"})
    qualification_issuers: QualificationIssuers = field(
        metadata={"file": "organizations.toml", "table": "qualification_issuers"}
    )
    organizations: list[OrganizationSpec] = field(
        metadata={"file": "organizations.toml", "table": "organization"}
    )
    pending_organizations: list[OrganizationSpec] = field(
        metadata={"file": "organizations.toml", "table": "pending_organization"}
    )
    pending_qualifications: list[QualificationClaimSpec] = field(
        metadata={"file": "organizations.toml", "table": "pending_qualification"}
    )
    logins: list[LoginSpec] = field(metadata={"file": "people.toml", "table": "login"})
    experts: list[ExpertSpec] = field(metadata={"file": "people.toml", "table": "expert"})
    products: list[ProductSpec] = field(metadata={"file": "products.toml", "table": "product"})
    results: list[ResultSpec] = field(metadata={"file": "results.toml", "table": "result"})
    resources: list[ResourceSpec] = field(metadata={"file": "resources.toml", "table": "resource"})
    rubric: list[CriterionSpec] = field(metadata={"file": "calls.toml", "table": "criterion"})
    call_texts: CallTexts = field(metadata={"file": "calls.toml", "table": "texts"})
    calls: list[CallSpec] = field(metadata={"file": "calls.toml", "table": "call"})
    official_lists: OfficialListsSpec = field(
        metadata={"file": "directories.toml", "table": "official_lists"}
    )
    willingness: list[WillingnessSpec] = field(
        metadata={"file": "directories.toml", "table": "willingness"}
    )
    recipients: list[RecipientSpec] = field(
        metadata={"file": "directories.toml", "table": "recipient"}
    )
    directories: list[DirectorySpec] = field(
        metadata={"file": "directories.toml", "table": "directory"}
    )
    recommendations: list[RecommendationSpec] = field(
        metadata={"file": "directories.toml", "table": "recommendation"}
    )
    access_requests: list[AccessRequestSpec] = field(
        metadata={"file": "resources_use.toml", "table": "access_request"}
    )
    supplier_applications: list[SupplierApplicationSpec] = field(
        metadata={"file": "resources_use.toml", "table": "supplier_application"}
    )
    directions: list[DirectionSpec] = field(
        metadata={"file": "directions.toml", "table": "direction"}
    )
    verification_platforms: list[PlatformSpec] = field(
        metadata={"file": "verification.toml", "table": "platform"}
    )
    verification_calls: list[CallSpec] = field(
        metadata={"file": "verification.toml", "table": "call"}
    )
    platform_bookings: list[BookingSpec] = field(
        metadata={"file": "verification.toml", "table": "booking"}
    )
    first_use_evidence: list[EvidenceSpec] = field(
        metadata={"file": "verification.toml", "table": "evidence"}
    )
    catalogue_entries: list[CatalogueEntrySpec] = field(
        metadata={"file": "verification.toml", "table": "catalogue_entry"}
    )

    handshake_conversations: list[ConversationSpec] = field(
        metadata={"file": "docking_messages.toml", "table": "conversation"}
    )

    interests: list[InterestSpec] = field(metadata={"file": "docking.toml", "table": "interest"})

    docking_events: list[DockingEventSpec] = field(
        metadata={"file": "docking_events.toml", "table": "event"}
    )

    def login(self, username: str) -> LoginSpec:
        return next(login for login in self.logins if login.username == username)
