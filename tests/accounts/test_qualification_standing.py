"""Qualification standing: only verified qualifications still valid count; a higher one that
lapsed (expired, failed review, revoked) flags the organization wherever its badge shows;
the daily task catches the ones that expire with time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts import services
from accounts.models import (
    Organization,
    OrganizationEvent,
    QualificationFlag,
    QualificationLevel,
    QualificationStatus,
)
from accounts.services.qualifications import qualification_standing
from accounts.tasks import refresh_expired_qualifications
from config.celery import app
from core.exceptions import NotAllowed
from search.models import OutboxEntry
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    PublishedProductFactory,
    QualificationFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

NATIONAL, PROVINCIAL = QualificationLevel.NATIONAL, QualificationLevel.PROVINCIAL


def today():
    return timezone.localdate()


def standing(organization):
    organization = Organization.objects.get(pk=organization.pk)
    return (
        organization.qualification_level,
        organization.qualification_flag,
        organization.lapsed_qualification_level,
    )


def verified(organization, level=NATIONAL, valid_until=None, **extra):
    """A qualification verified by an administrator through the service."""
    qualification = QualificationFactory(
        organization=organization, level=level, valid_until=valid_until, **extra
    )
    return services.qualification_verify(actor=AdminUserFactory(), qualification=qualification)


def org_page(client, organization):
    return client.get(reverse("portal:organization_detail", args=[organization.pk])).text


# --- the rule ---------------------------------------------------------------------------------


def test_a_verified_qualification_counts_until_its_date_has_passed():
    organization = OrganizationFactory()
    verified(organization, valid_until=today())
    assert standing(organization) == (NATIONAL, "", "")


def test_verifying_a_qualification_already_past_its_date_flags_it_expired():
    organization = OrganizationFactory()
    verified(organization, valid_until=today() - timedelta(days=1))
    assert standing(organization) == ("none", QualificationFlag.EXPIRED, NATIONAL)


def test_a_lower_level_still_valid_counts_and_the_higher_lapsed_one_is_flagged():
    organization = OrganizationFactory()
    verified(organization, level=PROVINCIAL)
    verified(organization, valid_until=today() - timedelta(days=1))
    assert standing(organization) == (PROVINCIAL, QualificationFlag.EXPIRED, NATIONAL)


def test_a_new_qualification_as_high_as_the_lapsed_one_clears_the_flag():
    organization = OrganizationFactory()
    verified(organization, year=2021, valid_until=today() - timedelta(days=1))
    verified(organization, year=2024, valid_until=today() + timedelta(days=365))
    assert standing(organization) == (NATIONAL, "", "")


def test_the_latest_lapse_of_the_highest_level_names_the_flag():
    qualifications = [
        QualificationFactory.build(pk=1, year=2021, status=QualificationStatus.REVOKED),
        QualificationFactory.build(pk=2, year=2023, status=QualificationStatus.REVIEW_FAILED),
        QualificationFactory.build(pk=3, level=PROVINCIAL, status=QualificationStatus.REJECTED),
    ]
    assert qualification_standing(qualifications, today()) == (
        "none",
        QualificationFlag.REVIEW_FAILED,
        NATIONAL,
    )


# --- failed review and revocation -------------------------------------------------------------


def test_failing_review_drops_the_level_flags_it_and_reindexes_the_organization():
    organization = OrganizationFactory()
    qualification = verified(organization)
    OutboxEntry.objects.all().delete()
    services.qualification_fail_review(
        actor=AdminUserFactory(), qualification=qualification, reason="复核未通过：研发投入不足"
    )
    qualification.refresh_from_db()
    assert qualification.status == QualificationStatus.REVIEW_FAILED
    assert qualification.rejection_reason == "复核未通过：研发投入不足"
    assert standing(organization) == ("none", QualificationFlag.REVIEW_FAILED, NATIONAL)
    assert OutboxEntry.objects.filter(doc_type="organization", object_id=organization.pk).exists()
    event = OrganizationEvent.objects.filter(organization=organization).first()
    assert event.action == "qualification_review_failed"


def test_only_platform_administrators_record_a_failed_review():
    organization = OrganizationFactory()
    qualification = verified(organization)
    with pytest.raises(NotAllowed):
        services.qualification_fail_review(
            actor=member_of(organization), qualification=qualification, reason="x"
        )
    qualification.refresh_from_db()
    assert qualification.status == QualificationStatus.VERIFIED
    assert standing(organization) == (NATIONAL, "", "")


def test_revoking_flags_the_level_revoked():
    organization = OrganizationFactory()
    qualification = verified(organization)
    services.qualification_revoke(actor=AdminUserFactory(), qualification=qualification, reason="x")
    assert standing(organization) == ("none", QualificationFlag.REVOKED, NATIONAL)


def test_an_administrator_records_a_failed_review_from_the_organization_page(client):
    organization = OrganizationFactory()
    qualification = verified(organization)
    page_url = reverse("portal:organization_detail", args=[organization.pk])
    fail_url = reverse("accounts:qualification_decide", args=[qualification.pk, "fail_review"])
    revoke_url = reverse("accounts:qualification_decide", args=[qualification.pk, "revoke"])
    client.force_login(AdminUserFactory())
    page = client.get(page_url).text
    assert fail_url in page and revoke_url in page

    response = client.post(fail_url, {"reason": "复核未通过", "next": page_url})

    assert response.status_code == 302 and response.url == page_url
    qualification.refresh_from_db()
    assert qualification.status == QualificationStatus.REVIEW_FAILED
    page = client.get(page_url).text
    assert 'data-qualification-flag="review_failed"' in page
    assert 'data-qualification-standing="review_failed"' in page
    assert fail_url not in page  # no longer verified: nothing more to offer


@pytest.mark.parametrize("persona", ["owner", "outsider"])
def test_others_cannot_record_a_failed_review(client, persona):
    organization = OrganizationFactory()
    qualification = verified(organization)
    user = member_of(organization if persona == "owner" else OrganizationFactory())
    client.force_login(user)
    fail_url = reverse("accounts:qualification_decide", args=[qualification.pk, "fail_review"])
    assert fail_url not in org_page(client, organization)
    client.post(fail_url, {"reason": "x"})
    qualification.refresh_from_db()
    assert qualification.status == QualificationStatus.VERIFIED
    assert standing(organization) == (NATIONAL, "", "")


# --- the daily task ---------------------------------------------------------------------------


def test_the_daily_task_lowers_the_level_once_the_date_has_passed_and_is_idempotent():
    organization = OrganizationFactory()
    qualification = verified(organization, valid_until=today())
    other = OrganizationFactory()
    verified(other, valid_until=today() + timedelta(days=30))
    assert standing(organization) == (NATIONAL, "", "")
    OutboxEntry.objects.all().delete()

    # when the day after comes
    changed = services.qualifications_refresh_expired(today=today() + timedelta(days=1))

    # then
    assert changed == 1
    assert standing(organization) == ("none", QualificationFlag.EXPIRED, NATIONAL)
    assert standing(other) == (NATIONAL, "", "")
    event = OrganizationEvent.objects.get(action="qualification_expired")
    assert event.organization == organization and event.actor is None
    assert qualification.valid_until.isoformat() in event.note
    assert OutboxEntry.objects.filter(doc_type="organization", object_id=organization.pk).exists()
    # and again: nothing more happens
    assert services.qualifications_refresh_expired(today=today() + timedelta(days=2)) == 0
    assert OrganizationEvent.objects.filter(action="qualification_expired").count() == 1


def test_the_task_is_on_the_daily_schedule_and_catches_expired_qualifications():
    organization = OrganizationFactory(qualification_level=NATIONAL)
    # verified while valid; the date has passed since
    QualificationFactory(
        organization=organization,
        status=QualificationStatus.VERIFIED,
        valid_until=today() - timedelta(days=1),
    )
    tasks = {entry["task"]: entry for entry in app.conf.beat_schedule.values()}
    entry = tasks["accounts.tasks.refresh_expired_qualifications"]
    assert float(entry["schedule"]) == 24 * 3600
    app.loader.import_default_modules()
    assert app.tasks[entry["task"]].name == refresh_expired_qualifications.name
    assert refresh_expired_qualifications() == 1
    assert standing(organization) == ("none", QualificationFlag.EXPIRED, NATIONAL)
    assert refresh_expired_qualifications() == 0


# --- where it shows ---------------------------------------------------------------------------


def test_the_badge_shows_an_expired_little_giant_flagged_not_as_current(client):
    organization = OrganizationFactory(name="苏州过期科技有限公司")
    verified(organization, valid_until=today() - timedelta(days=3))
    product = PublishedProductFactory(organization=organization)
    pages = [
        reverse("portal:organization_detail", args=[organization.pk]),
        reverse("accounts:organization_list"),
        product.get_absolute_url(),
    ]
    for url in pages:
        page = client.get(url).text
        assert 'data-qualification-flag="expired"' in page, url
        assert "badge-lapsed" in page and "badge-national" not in page, url


def test_a_provincial_level_still_shows_beside_the_lapsed_little_giant(client):
    organization = OrganizationFactory()
    verified(organization, level=PROVINCIAL)
    qualification = verified(organization)
    services.qualification_fail_review(
        actor=AdminUserFactory(), qualification=qualification, reason="复核未通过"
    )
    page = org_page(client, organization)
    assert "badge-provincial" in page and 'data-qualification-flag="review_failed"' in page
    assert "badge-national" not in page


def test_the_organization_page_lists_validity_dates_and_the_lapsed_qualifications(client):
    organization = OrganizationFactory()
    expired = verified(organization, level=PROVINCIAL, valid_until=today() - timedelta(days=1))
    current = verified(organization, year=2024, valid_until=today() + timedelta(days=400))
    failed = verified(organization, year=2022)
    services.qualification_fail_review(
        actor=AdminUserFactory(), qualification=failed, reason="复核未通过"
    )
    pending = QualificationFactory(organization=organization, year=2025)
    page = org_page(client, organization)
    for qualification in (expired, current, failed):
        assert f'data-qualification="{qualification.pk}"' in page
    assert f'data-qualification="{pending.pk}"' not in page  # only its members see claims
    assert 'data-qualification-standing="expired"' in page
    assert 'data-qualification-standing="verified"' in page
    assert 'data-qualification-standing="review_failed"' in page
    assert expired.valid_until.isoformat() in page and current.valid_until.isoformat() in page
    assert standing(organization) == (NATIONAL, "", "")


def test_the_dashboard_shows_the_standing_of_the_organizations_qualifications(client):
    organization = OrganizationFactory()
    qualification = verified(organization, valid_until=today() - timedelta(days=1))
    client.force_login(member_of(organization))
    page = client.get(reverse("portal:dashboard")).text
    assert 'data-qualification-standing="expired"' in page
    assert qualification.valid_until.isoformat() in page
    assert 'data-qualification-flag="expired"' in page
