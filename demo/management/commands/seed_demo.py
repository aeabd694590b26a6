"""Load the fictional demo data (``demo/data/*.toml``) through the services users go through.

Running it twice changes nothing: every object is looked up by its natural key first
(username, credit code, chain slug and node key, organization and title).
"""

from __future__ import annotations

import hashlib
import io

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from PIL import Image, ImageDraw

from accounts import services as account_services
from accounts.models import Expert, Organization, User
from accounts.validators import CREDIT_CODE_ALPHABET, credit_code_check_character
from catalog import services as catalog_services
from catalog.models import ChainNode, IndustryChain
from demo.anonymity import AnonymitySeeder
from demo.calls import CallSeeder
from demo.campaigns import CampaignSeeder
from demo.centres import CentreSeeder
from demo.directions import DirectionSeeder
from demo.directories import DirectorySeeder
from demo.docking import DockingSeeder
from demo.docking_events import DockingEventSeeder
from demo.docking_messages import MessageSeeder
from demo.loader import DemoDataError, load
from demo.nominations import NominationSeeder
from demo.resources_use import ResourceUseSeeder
from demo.specs import (
    ListingSpec,
    NodeSpec,
    OrganizationSpec,
    ProductSpec,
    QualificationSpec,
    ResourceSpec,
    ResultSpec,
)
from demo.tranches import TrancheSeeder
from demo.verification import VerificationSeeder
from reference.models import Industry
from uploads.images import process_image

DEMO_PASSWORD = "demo-2026"


def demo_credit_code(key: str, kind: str, province: str) -> str:
    """Return a valid, stable unified social credit code for a demo organization key."""
    number = int.from_bytes(key.encode(), "big") % (31**9)
    body = ""
    for _ in range(9):
        body = CREDIT_CODE_ALPHABET[number % 31] + body
        number //= 31
    # 91 = enterprise registered with market regulation; 12 = public institution;
    # 11 = government body (GB 32100-2015 registration authority and type).
    prefix = {"university": "12", "institute": "12", "government": "11"}.get(kind, "91")
    first17 = prefix + province + "0100" + body
    return first17 + credit_code_check_character(first17)


def certificate_image():
    """Draw a plain certificate-like picture (no text, so no font is needed)."""
    picture = Image.new("RGB", (900, 640), (253, 250, 242))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((20, 20, 880, 620), outline=(176, 38, 38), width=10)
    draw.rectangle((44, 44, 856, 596), outline=(200, 160, 90), width=3)
    for y in range(200, 460, 44):
        draw.line((140, y, 760, y), fill=(190, 190, 190), width=4)
    draw.ellipse((620, 430, 780, 590), outline=(200, 30, 30), width=8)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    buffer.seek(0)
    return process_image(buffer)


class Command(BaseCommand):
    help = "Load the fictional demo data (idempotent) and print one login per role."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEMO_PASSWORD, help="Password of demo logins.")
        parser.add_argument("--quiet", action="store_true", help="Do not print the logins.")

    @transaction.atomic
    def handle(self, *args, password: str, quiet: bool, **options):
        try:
            self.content = content = load()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        self.password = password
        self.created = 0
        self.certificate = None
        self.admin = self._user("admin", content.login("admin").name, staff=True)
        self.accounts = {login.org: login for login in content.logins if login.org}
        self._chains()
        self.organizations = {}
        for spec in content.organizations:
            self.organizations[spec.key] = self._organization(spec, verify=True)
        for spec in content.pending_organizations:
            self.organizations[spec.key] = self._organization(spec, verify=False)
        for claim in content.pending_qualifications:
            self._qualification(self.organizations[claim.org], claim, verify=False)
        self._experts()
        listing_types = (
            ("product", content.products),
            ("result", content.results),
            ("resource", content.resources),
        )
        for listing_type, specs in listing_types:
            # A stable shuffle, so the newest listings on the home page mix the chains.
            for spec in sorted(specs, key=lambda s: hashlib.sha1(s.title.encode()).digest()):
                self._listing(listing_type, spec)
        experts = sorted(
            Expert.objects.select_related("user"), key=lambda e: e.user.username != "expert"
        )
        self.created += CallSeeder(
            calls=content.calls,
            rubric=content.rubric,
            texts=content.call_texts,
            admin=self.admin,
            organizations=self.organizations,
            owner_of=self._owner,
            node_ids=self._node_ids,
            experts=experts,
        ).run()
        self.created += DirectorySeeder(
            content=content,
            admin=self.admin,
            organizations=self.organizations,
            owner_of=self._owner,
            node_ids=self._node_ids,
        ).run()
        self.created += ResourceUseSeeder(
            content=content, organizations=self.organizations, owner_of=self._owner
        ).run()
        self.created += DirectionSeeder(
            content=content,
            admin=self.admin,
            organizations=self.organizations,
            owner_of=self._owner,
        ).run()
        self.created += VerificationSeeder(
            content=content,
            admin=self.admin,
            organizations=self.organizations,
            owner_of=self._owner,
            node_ids=self._node_ids,
            experts=experts,
        ).run()
        self.created += DockingSeeder(
            content=content, organizations=self.organizations, owner_of=self._owner
        ).run()
        # Messages go on the demo handshakes: keep this call after the docking seeder's.
        self.created += MessageSeeder(
            content=content, organizations=self.organizations, owner_of=self._owner
        ).run()
        self.created += DockingEventSeeder(
            content=content,
            organizations=self.organizations,
            owner_of=self._owner,
            node_ids=self._node_ids,
        ).run()
        # --- collection campaigns (measures 十三, 十五) ---
        self.created += CampaignSeeder(
            organizations=self.organizations, owner_of=self._owner, node_ids=self._node_ids
        ).run()
        # --- nominations by recommending units, competition results (measure 十三) ---
        self.created += NominationSeeder(
            organizations=self.organizations,
            owner_of=self._owner,
            node_ids=self._node_ids,
            admin=self.admin,
        ).run()
        # --- issuer anonymity (measure 十三) ---
        self.created += AnonymitySeeder(
            organizations=self.organizations,
            owner_of=self._owner,
            node_ids=self._node_ids,
            admin=self.admin,
        ).run()
        # --- innovation centres and money against milestones (measure 十四) ---
        self.created += CentreSeeder(
            organizations=self.organizations,
            owner_of=self._owner,
            node_ids=self._node_ids,
            admin=self.admin,
        ).run()
        self.created += TrancheSeeder(organizations=self.organizations, owner_of=self._owner).run()
        self.stdout.write(f"Demo data: {self.created} objects created.")
        if not quiet:
            self._print_logins()

    # --- helpers ---------------------------------------------------------------------------

    def _user(self, username: str, name: str, *, staff: bool = False, login: bool = True) -> User:
        user = User.objects.filter(username=username).first()
        if user is not None:
            return user
        user = User(
            username=username,
            name=name,
            email=f"{username}@demo.example.cn",
            is_staff=staff,
            is_superuser=staff,
        )
        if login:
            user.set_password(self.password)
        else:
            user.set_unusable_password()
        user.save()
        self.created += 1
        return user

    def _chains(self) -> None:
        for position, spec in enumerate(self.content.chains):
            chain, created = IndustryChain.objects.get_or_create(
                slug=spec.slug,
                defaults={
                    "name": spec.name,
                    "description": spec.description,
                    "position": position,
                },
            )
            self.created += created
            for index, node in enumerate(spec.nodes):
                self._node(chain, node, None, index * 100)

    def _node(self, chain, spec: NodeSpec, parent, position) -> None:
        node, created = ChainNode.objects.get_or_create(
            chain=chain,
            key=spec.key,
            defaults={
                "name": spec.name,
                "stage": spec.stage,
                "parent": parent,
                "position": position,
            },
        )
        if created:
            self.created += 1
            node.industries.set(Industry.objects.filter(code__in=spec.industries))
        for index, child in enumerate(spec.children):
            self._node(chain, child, node, position + index + 1)

    def _node_ids(self, references: list[str]) -> list[int]:
        ids = []
        for reference in references:
            slug, key = reference.split("/")
            ids.append(ChainNode.objects.get(chain__slug=slug, key=key).pk)
        return ids

    def _organization(self, spec: OrganizationSpec, *, verify: bool) -> Organization:
        code = demo_credit_code(spec.key, spec.kind, spec.province)
        organization = Organization.objects.filter(credit_code=code).first()
        if organization is not None:
            return organization
        account = self.accounts.get(spec.key)
        owner = (
            self._user(account.username, account.name)
            if account
            else self._user(f"org-{spec.key}", spec.contact_name, login=False)
        )
        data = {
            field: getattr(spec, field)
            for field in (
                "kind",
                "name",
                "province",
                "city",
                "description",
                "website",
                "contact_name",
                "contact_phone",
                "contact_email",
            )
        }
        data["credit_code"] = code
        data["industry"] = Industry.objects.get(code=spec.industry)
        organization = account_services.organization_create(actor=owner, data=data)
        self.created += 1
        if verify:
            account_services.organization_verify(actor=self.admin, organization=organization)
        if spec.qualification:
            self._qualification(organization, spec.qualification, verify=True)
        organization.refresh_from_db()
        return organization

    def _qualification(
        self, organization: Organization, spec: QualificationSpec, *, verify: bool
    ) -> None:
        if organization.qualifications.filter(level=spec.level, year=spec.year).exists():
            return
        if self.certificate is None:
            self.certificate = certificate_image()
        qualification = account_services.qualification_submit(
            actor=self._owner(organization),
            organization=organization,
            level=spec.level,
            batch=spec.batch,
            year=spec.year,
            issuer=self.content.qualification_issuers.for_level(spec.level),
            certificate=self.certificate,
        )
        self.created += 1
        if verify:
            account_services.qualification_verify(actor=self.admin, qualification=qualification)

    def _owner(self, organization: Organization) -> User:
        return organization.memberships.select_related("user").get(role="admin").user

    def _experts(self) -> None:
        names = {login.username: login.name for login in self.content.logins}
        for spec in self.content.experts:
            username = spec.username
            user = self._user(username, spec.name or names[username], login=username in names)
            if Expert.objects.filter(user=user).exists():
                continue
            account_services.expert_appoint(
                actor=self.admin,
                user=user,
                title=spec.title,
                affiliation=spec.affiliation,
                expertise=spec.expertise,
            )
            self.created += 1

    def _listing(self, listing_type: str, spec: ListingSpec) -> None:
        organization = self.organizations[spec.org]
        model = catalog_services.LISTING_MODELS[listing_type]
        if model.objects.filter(organization=organization, title=spec.title).exists():
            return
        data = {
            "title": spec.title,
            "summary": spec.summary,
            "description": spec.description,
            "keywords": spec.keywords,
            "industry": Industry.objects.get(code=spec.industry),
            "chain_nodes": self._node_ids(spec.chain_nodes),
        }
        if isinstance(spec, ProductSpec):
            data.update(
                specifications=[list(pair) for pair in spec.specifications],
                application_scenarios=spec.scenarios,
                certifications=spec.certifications,
            )
        elif isinstance(spec, ResultSpec):
            data.update(
                field=spec.field,
                trl=spec.trl,
                maturity=spec.maturity,
                patents=[list(patent) for patent in spec.patents],
                transfer_modes=spec.transfer_modes,
                team=spec.team,
                price=spec.price,
            )
        elif isinstance(spec, ResourceSpec):
            data.update(kind=spec.kind, conditions=spec.conditions, city=spec.city)
        owner = self._owner(organization)
        listing = catalog_services.listing_create(actor=owner, listing_type=listing_type, data=data)
        self.created += 1
        status = spec.status
        if status == "draft":
            return
        catalog_services.listing_submit(actor=owner, listing=listing)
        if status == "published":
            catalog_services.listing_publish(actor=self.admin, listing=listing)
        elif status == "rejected":
            catalog_services.listing_reject(
                actor=self.admin, listing=listing, reason=spec.rejection_reason
            )

    def _print_logins(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {self.password}):")
        for login in self.content.logins:
            self.stdout.write(f"  {login.username:<12} {login.role}")
