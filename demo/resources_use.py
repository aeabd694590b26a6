"""Load the demo content of measure 十's open resources (``demo/data/resources_use.toml``)
through the chains services: access requests to test lines, laboratories and data, and
applications to supplier pools and innovation-chain projects, each driven to its state.

The requesting organization's first administrator asks; the owner's answers. Idempotent: a
request of the same organization with the same purpose for the same resource, or an
application with the same statement, is skipped.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from accounts.models import Organization
from catalog.models import OpenResource, Product
from chains import services
from chains.models import AccessRequest, SupplierApplication
from demo.specs import AccessRequestSpec, DemoContent, SupplierApplicationSpec


class ResourceUseSeeder:
    def __init__(self, *, content: DemoContent, organizations, owner_of):
        self.content = content
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.created = 0

    def run(self) -> int:
        for spec in self.content.access_requests:
            self._access_request(spec)
        for spec in self.content.supplier_applications:
            self._supplier_application(spec)
        return self.created

    def _resource(self, title: str) -> OpenResource:
        return OpenResource.objects.select_related("organization").get(title=title)

    def _access_request(self, spec: AccessRequestSpec) -> None:
        resource = self._resource(spec.resource)
        organization = self.organizations[spec.org]
        if AccessRequest.objects.filter(
            resource=resource, requester=organization, purpose=spec.purpose
        ).exists():
            return
        today = timezone.localdate()
        start = today + timedelta(days=spec.start_in_days)
        length = timedelta(days=spec.length_days - 1)
        requester, owner = self.owner_of(organization), self.owner_of(resource.organization)
        access_request = services.access_request_create(
            actor=requester,
            resource=resource,
            purpose=spec.purpose,
            start_date=start,
            end_date=start + length,
        )
        self.created += 1
        if spec.proposed_in_days is not None:
            proposed = today + timedelta(days=spec.proposed_in_days)
            services.access_request_propose_dates(
                actor=owner,
                access_request=access_request,
                proposed_start=proposed,
                proposed_end=proposed + length,
                note=spec.note,
            )
            if spec.state == "accepted":
                services.access_request_accept_dates(actor=requester, access_request=access_request)
                return
        if spec.state in ("accepted", "declined"):
            services.access_request_move(
                actor=owner,
                access_request=access_request,
                action="accept" if spec.state == "accepted" else "decline",
                note=spec.note,
            )
        elif spec.state == "withdrawn":
            services.access_request_withdraw(
                actor=requester, access_request=access_request, note=spec.note
            )

    def _supplier_application(self, spec: SupplierApplicationSpec) -> None:
        resource = self._resource(spec.resource)
        organization = self.organizations[spec.org]
        if SupplierApplication.objects.filter(
            resource=resource, applicant=organization, statement=spec.statement
        ).exists():
            return
        applicant, owner = self.owner_of(organization), self.owner_of(resource.organization)
        application = services.supplier_application_submit(
            actor=applicant,
            resource=resource,
            statement=spec.statement,
            products=[
                Product.objects.get(organization=organization, title=title)
                for title in spec.products
            ],
        )
        self.created += 1
        if spec.state == "withdrawn":
            services.supplier_application_withdraw(
                actor=applicant, application=application, note=spec.note
            )
            return
        if spec.state == "submitted":
            return
        services.supplier_application_start_audit(actor=owner, application=application)
        if spec.state == "under_audit":
            services.supplier_application_record_checks(
                actor=owner, application=application, checks=spec.checks, note=spec.note
            )
        elif spec.state == "admitted":
            services.supplier_application_admit(
                actor=owner, application=application, checks=spec.checks, note=spec.note
            )
        else:
            services.supplier_application_reject(
                actor=owner, application=application, checks=spec.checks, note=spec.note
            )
