"""Load the demo content of measure 十二 (``demo/data/directories.toml``) through the
directories services: the official lists, willingness, directories and their versions,
recipients, recommendations with feedback and outcomes.

Only dates are moved: a recommendation (and the feedback on it) is dated ``days_ago`` so the
dashboard's months and the outcomes' dates read like a year of work, not one afternoon.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.utils import timezone

from accounts.models import Organization
from catalog.models import Product
from challenges.models import Call
from demo.specs import DemoContent, DirectorySpec
from directories import services
from directories.models import (
    Directory,
    DirectoryEntry,
    EntryDecision,
    ImportStatus,
    QualificationImport,
    Recipient,
    Recommendation,
    RecommendationEvent,
    VersionStatus,
    Willingness,
)

DAY = timedelta(days=1)
FEEDBACK = {
    "interested": services.recommendation_mark_interested,
    "contacted": services.recommendation_mark_contacted,
    "not_relevant": services.recommendation_mark_not_relevant,
}


class DirectorySeeder:
    """Skip what exists: an applied list, a declaration, a recipient, a directory (with all
    its versions), a recommendation of the same entry to the same recipient."""

    def __init__(self, *, content: DemoContent, admin, organizations, owner_of, node_ids):
        self.content = content
        self.admin = admin
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.created = 0

    def run(self) -> int:
        self._official_lists()
        new_directories = [
            spec
            for spec in self.content.directories
            if not Directory.objects.filter(title=spec.title).exists()
        ]
        self._willingness(late=False)
        self._recipients()
        directories = {spec.key: self._first_version(spec) for spec in new_directories}
        self._willingness(late=True)
        for spec in new_directories:
            if spec.second_version:
                self._second_version(spec, directories[spec.key])
        self._withdrawals()
        self._recommendations()
        return self.created

    # --- official lists, willingness, recipients ----------------------------------------

    def _official_lists(self) -> None:
        lists = self.content.official_lists
        for name in [*lists.applied, *lists.checked]:
            path = Path(settings.BASE_DIR) / name
            if QualificationImport.objects.filter(file_name=path.name).exists():
                continue
            with path.open("rb") as handle:
                made = services.qualification_import_upload(
                    actor=self.admin, file=File(handle, name=path.name), file_name=path.name,
                    check=False,
                )  # fmt: skip
            checked = services.qualification_import_check(pk=made.pk)
            if name in lists.checked:
                continue
            services.qualification_import_apply(
                actor=self.admin, qualification_import=checked, run=False
            )
            done = services.qualification_import_run_apply(pk=made.pk, actor_pk=self.admin.pk)
            if done.status != ImportStatus.APPLIED:
                raise ValueError(f"{name}: {done.problem}")
            self.created += done.rows_created

    def _products(self, organization: Organization, titles) -> list[Product]:
        return [Product.objects.get(organization=organization, title=title) for title in titles]

    def _willingness(self, *, late: bool) -> None:
        for spec in self.content.willingness:
            organization = self.organizations[spec.org]
            if (
                spec.late != late
                or Willingness.objects.filter(organization=organization, kind=spec.kind).exists()
            ):
                continue
            services.willingness_declare(
                actor=self.owner_of(organization),
                organization=organization,
                kind=spec.kind,
                products=self._products(organization, spec.products),
                note=spec.note,
            )
            self.created += 1

    def _withdrawals(self) -> None:
        for spec in self.content.willingness:
            if not spec.withdrawn:
                continue
            organization = self.organizations[spec.org]
            declaration = Willingness.objects.get(organization=organization, kind=spec.kind)
            if declaration.is_opted_in:
                services.willingness_withdraw(
                    actor=self.owner_of(organization),
                    willingness=declaration,
                    note="企业调整市场策略，暂不参加本年度推荐。",
                )

    def _recipients(self) -> None:
        for spec in self.content.recipients:
            organization = self.organizations[spec.org]
            if Recipient.objects.filter(organization=organization).exists():
                continue
            services.recipient_register(
                actor=self.admin,
                organization=organization,
                channel=spec.channel,
                needs=spec.needs,
                chain_nodes=self._nodes(spec.chain_nodes),
            )
            self.created += 1

    def _nodes(self, references):
        from catalog.models import ChainNode

        return list(ChainNode.objects.filter(pk__in=self.node_ids(references)))

    # --- directories ----------------------------------------------------------------------

    def _first_version(self, spec: DirectorySpec) -> Directory:
        directory = services.directory_create(
            actor=self.admin,
            kind=spec.kind,
            title=spec.title,
            year=spec.year,
            scope=spec.scope,
            min_qualification=spec.min_qualification,
            chain_nodes=self._nodes(spec.chain_nodes),
            categories=spec.categories,
        )
        self._screen(spec, directory, number=1)
        self.created += 1
        return directory

    def _second_version(self, spec: DirectorySpec, directory: Directory) -> None:
        services.version_start_next(actor=self.admin, directory=directory)
        self._screen(spec, directory, number=2, note=spec.second_version)

    def _entry_name(self, entry: DirectoryEntry) -> str:
        if entry.product_id:
            return entry.product.title
        return next(key for key, o in self.organizations.items() if o.pk == entry.organization_id)

    def _screen(self, spec: DirectorySpec, directory: Directory, *, number: int, note="") -> None:
        services.directory_propose(actor=self.admin, directory=directory)
        version = directory.versions.get(status=VersionStatus.DRAFT)
        assert version.number == number, (spec.key, version.number)
        excluded = {
            (self.organizations[e.org].pk, e.product): e.reason
            for e in spec.excluded
            if e.version <= number
        }
        categories = dict(spec.classify)
        entries = version.entries.select_related("product").order_by("pk")
        for entry in entries:
            title = entry.product.title if entry.product_id else None
            reason = excluded.get((entry.organization_id, title))
            if reason is not None and entry.decision != EntryDecision.EXCLUDED:
                services.entry_exclude(actor=self.admin, entry=entry, reason=reason)
            elif reason is None and entry.decision != EntryDecision.INCLUDED:
                services.entry_include(actor=self.admin, entry=entry, reason="")
            category = categories.get(self._entry_name(entry))
            if reason is None and category and entry.category != category:
                entry.refresh_from_db()
                services.entry_classify(
                    actor=self.admin, entry=entry, chain_node=entry.chain_node, category=category
                )
        services.version_publish(actor=self.admin, version=version, note=note)

    # --- recommendations ------------------------------------------------------------------

    def _recommendations(self) -> None:
        now = timezone.now()
        for spec in self.content.recommendations:
            directory_spec = next(d for d in self.content.directories if d.key == spec.directory)
            organization = self.organizations[spec.org]
            recipient = Recipient.objects.get(organization=self.organizations[spec.recipient])
            latest = (
                Directory.objects.get(title=directory_spec.title)
                .versions.filter(status=VersionStatus.PUBLISHED)
                .order_by("-number")
                .first()
            )
            entries = latest.entries.filter(
                organization=organization, decision=EntryDecision.INCLUDED
            )
            entry = (
                entries.get(product__title=spec.product)
                if spec.product
                else entries.get(product__isnull=True)
            )
            if Recommendation.objects.filter(
                recipient=recipient,
                entry__version__directory=latest.directory,
                entry__organization=organization,
                entry__product=entry.product,
            ).exists():
                continue
            (recommendation,) = services.recommend(
                actor=self.admin, entries=[entry], recipient=recipient, note=spec.note
            )
            sent = now - spec.days_ago * DAY
            self._backdate(recommendation, sent)
            member = self.owner_of(recipient.organization)
            if spec.feedback != "sent":
                services.recommendation_view(actor=member, recommendation=recommendation)
            if spec.feedback in FEEDBACK:
                FEEDBACK[spec.feedback](
                    actor=member, recommendation=recommendation, note=spec.feedback_note
                )
            answered = sent + min(2, spec.days_ago) * DAY
            Recommendation.objects.filter(pk=recommendation.pk).exclude(feedback_at=None).update(
                feedback_at=answered
            )
            RecommendationEvent.objects.filter(recommendation=recommendation).exclude(
                action="recommended"
            ).update(created_at=answered)
            if spec.invite:
                call = Call.objects.get(issuer=recipient.organization, title=spec.invite)
                services.recommendation_invite(
                    actor=member, recommendation=recommendation, call=call
                )
            for outcome in spec.outcomes:
                side = recipient.organization if outcome.side == "recipient" else organization
                services.outcome_record(
                    actor=self.owner_of(side),
                    recommendation=Recommendation.objects.get(pk=recommendation.pk),
                    stage=outcome.stage,
                    happened_on=timezone.localdate() - outcome.days_ago * DAY,
                    amount=outcome.amount,
                    note=outcome.note,
                )
            self.created += 1

    def _backdate(self, recommendation: Recommendation, when) -> None:
        Recommendation.objects.filter(pk=recommendation.pk).update(created_at=when)
        RecommendationEvent.objects.filter(recommendation=recommendation).update(created_at=when)
        recommendation.created_at = when
