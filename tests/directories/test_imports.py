"""Importing official lists: the dry run, applying (all or nothing), re-importing, sources."""

from datetime import date

import pytest
from django.utils.translation import gettext

from accounts.models import (
    Organization,
    OrganizationEvent,
    OrganizationKind,
    Qualification,
    QualificationLevel,
    QualificationStatus,
    VerificationStatus,
)
from core.exceptions import InvalidState, NotAllowed
from directories import services
from directories.models import ImportStatus, QualificationImport, QualificationSource
from directories.services import imports as import_services
from tests.factories import (
    OrganizationFactory,
    QualificationFactory,
    UserFactory,
    make_credit_code,
)

from .conftest import row, upload

pytestmark = pytest.mark.django_db


def check(actor, rows, name="list.csv", **options):
    """Upload a list and run its check (the task's work) here."""
    file = upload(rows, name, **options)
    made = services.qualification_import_upload(actor=actor, file=file, file_name=name, check=False)
    return services.qualification_import_check(pk=made.pk)


def apply_list(actor, checked):
    """Ask to apply a checked list and run the apply (the task's work) here."""
    services.qualification_import_apply(actor=actor, qualification_import=checked, run=False)
    return services.qualification_import_run_apply(pk=checked.pk, actor_pk=actor.pk)


def reasons_by_row(qualification_import):
    return {e["row"]: " ".join(e["reasons"]) for e in qualification_import.rejections}


def test_the_dry_run_reports_every_kind_of_rejection_and_creates_nothing(admin_user):
    # given
    verified = OrganizationFactory(name="苏州已核实科技有限公司")
    taken = OrganizationFactory(name="已注册名称有限公司")
    good = make_credit_code()
    bad_code = make_credit_code()[:-1] + "I"
    rows = [
        row(name="新公司甲", code=good),  # 2: fine
        row(code=bad_code),  # 3
        row(province="火星"),  # 4
        row(level="隐形冠军"),  # 5
        row(name="新公司甲", code=good),  # 6: duplicate of row 2
        row(name="另一个名字", code=verified.credit_code),  # 7: conflict
        row(name=taken.name),  # 8: name registered with another code
        row(year="明年"),  # 9
        row(date="下个月"),  # 10
    ]
    organizations, qualifications = Organization.objects.count(), Qualification.objects.count()
    # when
    result = check(admin_user, rows)
    # then
    reasons = reasons_by_row(result)
    assert (result.rows_total, result.rows_created, result.rows_rejected) == (9, 1, 8)
    assert result.organizations_created == 1
    assert "check character" in reasons[3] or "I" in reasons[3]
    assert "火星" in reasons[4]
    assert "隐形冠军" in reasons[5]
    assert "row 2" in reasons[6] or "2" in reasons[6]
    assert verified.name in reasons[7]
    assert taken.name in reasons[8]
    assert 9 in reasons and 10 in reasons
    assert result.status == ImportStatus.DRY_RUN and not result.can_apply
    assert Organization.objects.count() == organizations
    assert Qualification.objects.count() == qualifications
    assert result.file.storage.exists(result.file.name)


def test_applying_creates_organizations_and_verified_qualifications_with_their_source(
    admin_user,
):
    # given
    known = OrganizationFactory(kind=OrganizationKind.SME)
    claim = QualificationFactory(
        organization=known, level=QualificationLevel.PROVINCIAL, batch="第二批", year=2022
    )
    new_code = make_credit_code()
    rows = [
        row(name="新锐精密有限公司", code=new_code, province="浙江", level="专精特新",
            batch="2024年第一批", year=2024, date="2027-12-31"),
        row(name=known.name, code=known.credit_code, level="小巨人", batch="第五批", year=2023),
        row(name=known.name, code=known.credit_code, level="专精特新", batch="第二批", year=2022),
    ]  # fmt: skip
    checked = check(admin_user, rows)
    assert (checked.rows_created, checked.rows_updated, checked.rows_rejected) == (2, 1, 0)
    # when
    applied = apply_list(admin_user, checked)
    # then
    assert applied.status == ImportStatus.APPLIED
    assert applied.applied_by == admin_user and applied.applied_at is not None
    created = Organization.objects.get(credit_code=new_code)
    assert created.kind == OrganizationKind.SME
    assert created.verification_status == VerificationStatus.VERIFIED
    assert created.verified_by == admin_user and created.province == "33"
    assert created.qualification_level == QualificationLevel.PROVINCIAL
    qualification = created.qualifications.get()
    assert qualification.status == QualificationStatus.VERIFIED
    assert qualification.verified_by == admin_user and qualification.verified_at is not None
    source = qualification.source
    assert (source.qualification_import, source.row_number) == (applied, 2)
    assert source.batch == "2024年第一批" and source.review_date == date(2027, 12, 31)
    claim.refresh_from_db()
    assert claim.status == QualificationStatus.VERIFIED and claim.source.row_number == 4
    known.refresh_from_db()
    assert known.qualification_level == QualificationLevel.NATIONAL
    actions = set(
        OrganizationEvent.objects.filter(organization=created).values_list("action", flat=True)
    )
    assert {"created", "verified", "qualification_verified"} <= actions


def test_a_bad_row_in_apply_mode_creates_nothing_at_all(admin_user):
    checked = check(admin_user, [row(), row(), row(level="未知")])
    before = (Organization.objects.count(), Qualification.objects.count())
    with pytest.raises(InvalidState):
        services.qualification_import_apply(actor=admin_user, qualification_import=checked)
    assert (Organization.objects.count(), Qualification.objects.count()) == before
    assert QualificationSource.objects.count() == 0
    checked.refresh_from_db()
    assert checked.status == ImportStatus.DRY_RUN


def test_a_row_that_no_longer_fits_while_writing_rolls_everything_back(admin_user, monkeypatch):
    checked = check(admin_user, [row(), row()])
    real_plan = import_services._plan
    calls = []

    def plan_second_row_rejected(*args):
        calls.append(1)
        return ("reject", ["changed"], None) if len(calls) == 4 else real_plan(*args)

    monkeypatch.setattr(import_services, "_plan", plan_second_row_rejected)
    refused = apply_list(admin_user, checked)
    assert Organization.objects.filter(verified_by=admin_user).count() == 0
    assert Qualification.objects.count() == 0
    # The import is back to "checked", saying why nothing was imported.
    assert refused.status == ImportStatus.DRY_RUN
    assert refused.problem == gettext(
        "The database changed while applying and a row no longer fits; nothing was "
        "imported. Check the list again."
    )


def test_a_list_that_no_longer_checks_when_applied_imports_nothing_and_says_why(admin_user):
    code = make_credit_code()
    checked = check(admin_user, [row(name="乙公司", code=code)])
    # Meanwhile the code is registered, verified, under another name.
    OrganizationFactory(credit_code=code, name="另一家公司", verification_status="verified")
    refused = apply_list(admin_user, checked)
    assert refused.status == ImportStatus.DRY_RUN and refused.rows_rejected == 1
    assert refused.problem and Qualification.objects.count() == 0
    assert "另一家公司" in reasons_by_row(refused)[2]


def test_re_importing_the_same_file_changes_nothing(admin_user):
    rows = [row(date="2026-06-30"), row(level="专精特新", province="北京")]
    first = check(admin_user, rows)
    apply_list(admin_user, first)
    snapshot = (
        Organization.objects.count(),
        list(Qualification.objects.values_list("pk", "status", "verified_at")),
        list(QualificationSource.objects.values_list("pk", "qualification_import", "row_number")),
        OrganizationEvent.objects.count(),
    )
    again = check(admin_user, rows)
    assert (again.rows_unchanged, again.rows_created, again.rows_updated) == (2, 0, 0)
    apply_list(admin_user, again)
    assert snapshot == (
        Organization.objects.count(),
        list(Qualification.objects.values_list("pk", "status", "verified_at")),
        list(QualificationSource.objects.values_list("pk", "qualification_import", "row_number")),
        OrganizationEvent.objects.count(),
    )


def test_a_new_review_date_updates_the_source(admin_user):
    code = make_credit_code()
    first = check(admin_user, [row(name="甲公司", code=code, date="2026-06-30")])
    apply_list(admin_user, first)
    later = check(admin_user, [row(name="甲公司", code=code, date="2029-06-30")])
    assert later.rows_updated == 1
    apply_list(admin_user, later)
    source = QualificationSource.objects.get()
    assert source.review_date == date(2029, 6, 30) and source.qualification_import == later


@pytest.mark.parametrize("name", ["list.csv", "list.xlsx"])
def test_csv_and_xlsx_both_import(admin_user, name):
    rows = [row(year=2024, date="2027-01-31"), row(level="专精特新", province="广东")]
    checked = check(admin_user, rows, name)
    assert (checked.rows_total, checked.rows_created, checked.rows_rejected) == (2, 2, 0)
    apply_list(admin_user, checked)
    assert Qualification.objects.filter(status=QualificationStatus.VERIFIED).count() == 2
    assert QualificationSource.objects.filter(review_date=date(2027, 1, 31)).count() == 1


def test_a_gb18030_csv_is_read(admin_user):
    checked = check(admin_user, [row(name="广州示例有限公司")], encoding="gb18030")
    assert checked.rows_created == 1 and checked.preview[0]["name"] == "广州示例有限公司"


def test_a_list_without_the_required_columns_is_refused_and_not_kept(admin_user):
    with pytest.raises(InvalidState, match=r"批次|batch"):
        check(admin_user, [["甲", make_credit_code()]], header=["企业名称", "统一社会信用代码"])
    assert QualificationImport.objects.count() == 0


def test_an_xlsx_that_is_not_a_workbook_is_refused(admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(InvalidState):
        services.qualification_import_upload(
            actor=admin_user, file=SimpleUploadedFile("x.xlsx", b"not a zip"), file_name="x.xlsx"
        )


def test_only_administrators_import(admin_user):
    with pytest.raises(NotAllowed):
        check(UserFactory(), [row()])
    checked = check(admin_user, [row()])
    with pytest.raises(NotAllowed):
        services.qualification_import_apply(actor=UserFactory(), qualification_import=checked)


def test_an_applied_import_is_not_applied_twice(admin_user):
    checked = check(admin_user, [row()])
    apply_list(admin_user, checked)
    checked.refresh_from_db()
    with pytest.raises(InvalidState):
        services.qualification_import_apply(actor=admin_user, qualification_import=checked)


def test_rows_span_several_chunks(admin_user, monkeypatch):
    monkeypatch.setattr(import_services, "CHUNK", 3)
    code = make_credit_code()
    rows = [row() for _ in range(7)]
    rows += [row(name="同一公司", code=code, level="专精特新"), row(name="同一公司", code=code)]
    checked = check(admin_user, rows)
    assert (checked.rows_total, checked.rows_created, checked.organizations_created) == (9, 9, 8)
    apply_list(admin_user, checked)
    assert Organization.objects.get(credit_code=code).qualifications.count() == 2
