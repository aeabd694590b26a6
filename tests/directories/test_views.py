"""The administrators' import page through HTTP: upload, report, apply; 404 for others."""

import pytest
from django.urls import reverse

from accounts.models import Organization, Qualification, QualificationStatus
from directories.models import ImportStatus, QualificationImport
from tests.factories import OrganizationFactory, UserFactory, member_of

from .conftest import row, upload

pytestmark = pytest.mark.django_db

LIST_URL = reverse("directories:qualification_import_list")


def test_an_administrator_uploads_reads_the_report_and_applies(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    assert client.get(reverse("portal:review_queue")).content.decode().count(LIST_URL) == 1
    page = client.get(LIST_URL)
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text

    # The check and the apply are tasks queued after commit (run at once without a broker).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            LIST_URL, {"file": upload([row(), row(level="专精特新")], "名单.xlsx")}
        )

    imported = QualificationImport.objects.get()
    detail_url = reverse("directories:qualification_import_detail", args=[imported.pk])
    assert response.status_code == 302 and response.url == detail_url
    report = client.get(detail_url)
    assert report.status_code == 200
    assert '<td data-count="created">2</td>' in report.text
    apply_url = reverse("directories:qualification_import_apply", args=[imported.pk])
    assert apply_url in report.text
    assert Qualification.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(apply_url)

    assert response.status_code == 302
    imported.refresh_from_db()
    assert imported.status == ImportStatus.APPLIED
    assert Qualification.objects.filter(status=QualificationStatus.VERIFIED).count() == 2
    assert apply_url not in client.get(detail_url).text
    assert "名单.xlsx" in client.get(LIST_URL).text


def test_the_report_lists_rejected_rows_with_reasons_and_offers_no_apply(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    rows = [row(), row(province="火星"), row(level="<b>x</b>")]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(LIST_URL, {"file": upload(rows)})
    imported = QualificationImport.objects.get()
    report = client.get(reverse("directories:qualification_import_detail", args=[imported.pk]))
    assert "火星" in report.text and "&lt;b&gt;x&lt;/b&gt;" in report.text
    assert '<td data-count="rejected">2</td>' in report.text
    apply_url = reverse("directories:qualification_import_apply", args=[imported.pk])
    assert apply_url not in report.text
    response = client.post(apply_url, follow=True)
    assert response.status_code == 200
    assert Organization.objects.count() == 0
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


def test_a_file_of_another_kind_is_refused_with_a_message(client, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin_user)
    response = client.post(LIST_URL, {"file": SimpleUploadedFile("list.pdf", b"%PDF")})
    assert response.status_code == 200 and response.context["form"].errors["file"]
    response = client.post(LIST_URL, {"file": SimpleUploadedFile("list.csv", b"a,b\n1,2\n")})
    assert response.status_code == 200 and QualificationImport.objects.count() == 0
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


@pytest.mark.parametrize("who", ["anonymous", "user", "member"])
def test_the_pages_are_not_found_for_anyone_but_administrators(client, admin_user, who):
    if who == "user":
        client.force_login(UserFactory())
    elif who == "member":
        client.force_login(member_of(OrganizationFactory()))
    imported = QualificationImport.objects.create(uploaded_by=admin_user, file_name="a.csv")
    detail = reverse("directories:qualification_import_detail", args=[imported.pk])
    apply = reverse("directories:qualification_import_apply", args=[imported.pk])
    progress = reverse("directories:qualification_import_progress", args=[imported.pk])
    expected = 302 if who == "anonymous" else 404  # anonymous visitors are sent to log in
    assert client.get(LIST_URL).status_code == expected
    assert client.post(LIST_URL, {"file": upload([row()])}).status_code == expected
    assert client.get(detail).status_code == expected
    assert client.post(apply).status_code == expected
    assert client.get(progress).status_code == expected
    assert QualificationImport.objects.count() == 1


def test_while_the_list_is_checked_the_report_shows_a_progress_bar_then_the_report(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(LIST_URL, {"file": upload([row() for _ in range(5)])})
    imported = QualificationImport.objects.get()
    assert imported.status == ImportStatus.CHECKING and imported.rows_expected == 5
    detail = reverse("directories:qualification_import_detail", args=[imported.pk])
    progress = reverse("directories:qualification_import_progress", args=[imported.pk])
    page = client.get(detail)
    assert "data-import-progress" in page.text and progress in page.text
    assert 'max="5"' in page.text and "data-count" not in page.text
    polled = client.get(progress)
    assert polled.status_code == 200 and 'value="0"' in polled.text

    for callback in queued:  # the worker picks the task up
        callback()

    finished = client.get(progress)
    assert finished.status_code == 204 and finished["HX-Refresh"] == "true"
    report = client.get(detail)
    assert "data-import-progress" not in report.text
    assert '<td data-count="created">5</td>' in report.text


def test_a_list_that_cannot_be_read_half_way_says_why(client, admin_user):
    from directories import services

    client.force_login(admin_user)
    # Past the part of the file its encoding is told from, a byte that is no UTF-8.
    header = "企业名称,统一社会信用代码,省份,资质等级,批次,年度\n".encode()
    filler = "某某有限公司,91350100M000100Y3X,福建省,小巨人,第五批,2023\n".encode() * 1500
    broken = header + filler + b"\xff\xfe bad\n"
    from django.core.files.uploadedfile import SimpleUploadedFile

    made = services.qualification_import_upload(
        actor=admin_user, file=SimpleUploadedFile("a.csv", broken), file_name="a.csv", check=False
    )
    checked = services.qualification_import_check(pk=made.pk)
    page = client.get(reverse("directories:qualification_import_detail", args=[made.pk]))
    assert checked.status == ImportStatus.UNREADABLE and checked.problem
    assert "data-import-problem" in page.text and "data-count" not in page.text
