"""An official list's expiry or review date becomes the qualification's ``valid_until``, and
the organization's level follows it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts import services as account_services
from accounts.models import (
    Organization,
    Qualification,
    QualificationFlag,
    QualificationLevel,
    QualificationStatus,
)
from directories import services
from tests.factories import OrganizationFactory, QualificationFactory, make_credit_code

from .conftest import row, upload

pytestmark = pytest.mark.django_db


def imported(actor, rows, name="list.csv"):
    """Upload, check and apply a list here (the tasks' work, run in the test)."""
    made = services.qualification_import_upload(
        actor=actor, file=upload(rows, name), file_name=name, check=False
    )
    checked = services.qualification_import_check(pk=made.pk)
    services.qualification_import_apply(actor=actor, qualification_import=checked, run=False)
    return services.qualification_import_run_apply(pk=checked.pk, actor_pk=actor.pk)


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def test_a_created_qualification_takes_the_lists_date(admin_user):
    code = make_credit_code()
    imported(admin_user, [row(name="甲公司", code=code, date=in_days(400).isoformat())])
    qualification = Qualification.objects.get()
    assert qualification.valid_until == in_days(400)
    organization = Organization.objects.get(credit_code=code)
    assert organization.qualification_level == QualificationLevel.NATIONAL
    assert organization.qualification_flag == ""


def test_a_list_with_a_past_date_flags_the_level_expired(admin_user):
    code = make_credit_code()
    imported(admin_user, [row(name="乙公司", code=code, date=in_days(-1).isoformat())])
    organization = Organization.objects.get(credit_code=code)
    assert organization.qualification_level == QualificationLevel.NONE
    assert organization.qualification_flag == QualificationFlag.EXPIRED
    assert organization.lapsed_qualification_level == QualificationLevel.NATIONAL


def test_a_later_list_with_a_new_date_updates_it_and_the_level_follows(admin_user):
    code = make_credit_code()
    imported(admin_user, [row(name="丙公司", code=code, date=in_days(-10).isoformat())])
    later = imported(admin_user, [row(name="丙公司", code=code, date=in_days(700).isoformat())])
    assert later.rows_updated == 1
    qualification = Qualification.objects.get()
    assert qualification.valid_until == in_days(700)
    organization = Organization.objects.get(credit_code=code)
    assert organization.qualification_level == QualificationLevel.NATIONAL
    assert organization.qualification_flag == ""


def test_a_claim_the_list_confirms_takes_the_date(admin_user):
    organization = OrganizationFactory(name="丁公司")
    claim = QualificationFactory(organization=organization, batch="第五批", year=2023)
    imported(
        admin_user,
        [row(name="丁公司", code=organization.credit_code, date=in_days(30).isoformat())],
    )
    claim.refresh_from_db()
    assert claim.status == QualificationStatus.VERIFIED and claim.valid_until == in_days(30)


def test_a_qualification_verified_by_hand_takes_the_date_of_a_list_naming_it(admin_user):
    organization = OrganizationFactory(name="戊公司")
    qualification = QualificationFactory(organization=organization, batch="第五批", year=2023)
    account_services.qualification_verify(actor=admin_user, qualification=qualification)
    report = imported(
        admin_user,
        [row(name="戊公司", code=organization.credit_code, date=in_days(90).isoformat())],
    )
    assert report.rows_updated == 1
    qualification.refresh_from_db()
    assert qualification.valid_until == in_days(90)
    assert qualification.source.qualification_import == report
