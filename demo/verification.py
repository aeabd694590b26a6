"""Load the demo content of measure 十一 (``demo/data/verification.toml``) through the
services: verification platforms, bookings by verification projects in each state, a
verification project driven to its final acceptance with its first-use evidence filed before
it (and its first purchase after it), and products' catalogue entries.

Idempotent: a platform is found by its name, a booking by platform, project and purpose, a
document by application, kind and title, a catalogue entry by product, kind and catalogue; a
project by issuer and title (``CallSeeder``).
"""

from __future__ import annotations

import io
from datetime import timedelta

from django.utils import timezone

from accounts.models import Organization
from catalog import services as catalog_services
from catalog.models import CatalogueEntry, Product
from challenges import services as call_services
from challenges.models import EVIDENCE_BEFORE_ACCEPTANCE, Application, Call, FirstUseEvidence
from demo.calls import CallSeeder
from demo.specs import BookingSpec, DemoContent, EvidenceSpec
from uploads.documents import check_document
from verification import services
from verification.models import PlatformBooking, VerificationPlatform

DAY = timedelta(days=1)


def evidence_pdf(*lines: str) -> bytes:
    """Draw a small valid one-page PDF with a few lines of ASCII text (the standard
    Helvetica font covers no Chinese, so the page says in English what the file stands for).
    """
    text = "BT /F1 14 Tf 72 770 Td 18 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in lines
    )
    stream = text.encode("ascii", "replace") + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


class VerificationSeeder:
    def __init__(self, *, content: DemoContent, admin, organizations, owner_of, node_ids, experts):
        self.content = content
        self.admin = admin
        self.organizations: dict[str, Organization] = organizations
        self.owner_of = owner_of
        self.node_ids = node_ids
        self.experts = experts
        self.created = 0
        calls = [*content.calls, *content.verification_calls]
        self.call_specs = {spec.key: spec for spec in calls}

    def run(self) -> int:
        platforms = {spec.key: self._platform(spec) for spec in self.content.verification_platforms}
        # The accepted project files the evidence its acceptance needs just before it.
        self.created += CallSeeder(
            calls=self.content.verification_calls,
            rubric=self.content.rubric,
            texts=self.content.call_texts,
            admin=self.admin,
            organizations=self.organizations,
            owner_of=self.owner_of,
            node_ids=self.node_ids,
            experts=self.experts,
            before_accept=self._evidence_before_acceptance,
        ).run()
        for spec in self.content.first_use_evidence:
            self._evidence(spec)
        for spec in self.content.platform_bookings:
            self._booking(spec, platforms[spec.platform])
        for spec in self.content.catalogue_entries:
            self._catalogue_entry(spec)
        return self.created

    # --- platforms and bookings -------------------------------------------------------------

    def _platform(self, spec) -> VerificationPlatform:
        platform = VerificationPlatform.objects.filter(name=spec.name).first()
        if platform is not None:
            return platform
        self.created += 1
        return services.platform_register(
            actor=self.admin,
            owner=self.organizations[spec.owner],
            name=spec.name,
            capabilities=spec.capabilities,
            capacity=spec.capacity,
            province=spec.province,
            city=spec.city,
            website=spec.website,
            chain_nodes=self.node_ids(spec.chain_nodes),
        )

    def _call(self, key: str) -> Call:
        spec = self.call_specs[key]
        return Call.objects.get(issuer=self.organizations[spec.issuer], title=spec.title)

    def _booking(self, spec: BookingSpec, platform: VerificationPlatform) -> None:
        call = self._call(spec.call)
        if PlatformBooking.objects.filter(
            platform=platform, call=call, purpose=spec.purpose
        ).exists():
            return
        start = timezone.localdate() + spec.start_in_days * DAY
        booking = services.booking_request(
            actor=self.owner_of(call.issuer),
            platform=platform,
            call=call,
            start_date=start,
            end_date=start + (spec.length_days - 1) * DAY,
            purpose=spec.purpose,
        )
        self.created += 1
        owner = self.owner_of(platform.owner)
        if spec.state == "confirmed":
            services.booking_confirm(actor=owner, booking=booking)
        elif spec.state == "declined":
            services.booking_decline(actor=owner, booking=booking, reason=spec.note)
        elif spec.state == "cancelled":
            services.booking_cancel(
                actor=self.owner_of(call.issuer), booking=booking, reason=spec.note
            )

    # --- first-use evidence -------------------------------------------------------------------

    def _winner(self, call: Call) -> Application | None:
        return call.applications.filter(status="awarded").select_related("applicant").first()

    def _evidence_before_acceptance(self, call: Call) -> None:
        for spec in self.content.first_use_evidence:
            if spec.kind in EVIDENCE_BEFORE_ACCEPTANCE and self._call(spec.call).pk == call.pk:
                self._evidence(spec)

    def _evidence(self, spec: EvidenceSpec) -> None:
        call = self._call(spec.call)
        application = self._winner(call)
        if application is None:
            return
        if FirstUseEvidence.objects.filter(
            application=application, kind=spec.kind, title=spec.title
        ).exists():
            return
        if spec.kind not in call_services.evidence_kinds_open(call):
            return
        actor = self.owner_of(call.issuer if spec.by == "issuer" else application.applicant)
        issued_on = timezone.localdate() - spec.days_ago * DAY
        content = evidence_pdf(
            "Demo first-use evidence (fictional)",
            f"Kind: {spec.kind}",
            f"Number: {spec.reference or '-'}",
            f"Date: {issued_on.isoformat()}",
        )
        call_services.first_use_evidence_add(
            actor=actor,
            application=application,
            kind=spec.kind,
            title=spec.title,
            issued_by=spec.issued_by,
            issued_on=issued_on,
            reference=spec.reference,
            amount=spec.amount,
            document=check_document(io.BytesIO(content), spec.file_name),
        )
        self.created += 1

    # --- catalogue entries --------------------------------------------------------------------

    def _catalogue_entry(self, spec) -> None:
        product = Product.objects.get(organization=self.organizations[spec.org], title=spec.product)
        if CatalogueEntry.objects.filter(
            product=product, kind=spec.kind, catalogue=spec.catalogue
        ).exists():
            return
        catalog_services.catalogue_entry_add(
            actor=self.owner_of(product.organization),
            product=product,
            kind=spec.kind,
            catalogue=spec.catalogue,
            year=spec.year,
            issuer=spec.issuer,
            entry_number=spec.entry_number,
            url=spec.url,
        )
        self.created += 1
