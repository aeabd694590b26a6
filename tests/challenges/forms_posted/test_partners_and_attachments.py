"""The consortium partners and the attachments of an application."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import MembershipRole, OrganizationKind
from challenges.models import (
    Application,
    ApplicationAttachment,
    ApplicationStatus,
    ConsortiumPartner,
    PartnerStatus,
)
from tests.challenges.forms_posted.helpers import (
    PDF,
    draft_application,
    errors_shown,
    login,
    not_a_pdf,
    pdf,
    url,
)
from tests.factories import ApplicationFactory, OrganizationFactory, handler_of, member_of

pytestmark = pytest.mark.django_db


# --- consortium partners -------------------------------------------------------------------


def test_the_applicant_invites_a_partner(client):
    application = draft_application()
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE)
    login(client, member_of(application.applicant))

    client.post(
        url("partner_invite", application.pk),
        {"organization": institute.credit_code, "role": "测试"},
    )

    partner = ConsortiumPartner.objects.get(application=application)
    assert (partner.organization, partner.status) == (institute, PartnerStatus.INVITED)


def test_a_partner_cannot_be_invited_to_a_submitted_application(client):
    application = ApplicationFactory()
    login(client, member_of(application.applicant))

    response = client.post(
        url("partner_invite", application.pk),
        {"organization": OrganizationFactory().credit_code},
        follow=True,
    )

    assert errors_shown(response)
    assert not ConsortiumPartner.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "handler"])
def test_only_the_applicant_invites_partners(client, who):
    application = ApplicationFactory(status=ApplicationStatus.DRAFT)
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "handler": lambda: handler_of(application.call),
    }[who]()
    login(client, actor)

    response = client.post(
        url("partner_invite", application.pk), {"organization": OrganizationFactory().credit_code}
    )

    assert response.status_code == 404
    assert not ConsortiumPartner.objects.exists()


def invited_partner() -> ConsortiumPartner:
    return ConsortiumPartner.objects.create(
        application=draft_application(), organization=OrganizationFactory()
    )


@pytest.mark.parametrize(
    ("answer", "status"),
    [("confirm", PartnerStatus.CONFIRMED), ("decline", PartnerStatus.DECLINED)],
)
def test_the_invited_organization_answers(client, answer, status):
    partner = invited_partner()
    responder = login(client, member_of(partner.organization))

    response = client.post(url("partner_respond", partner.pk, answer))

    assert response["Location"] == partner.application.get_absolute_url()
    partner.refresh_from_db()
    assert (partner.status, partner.responded_by) == (status, responder)


def test_an_invitation_is_answered_only_once(client):
    partner = invited_partner()
    login(client, member_of(partner.organization))
    client.post(url("partner_respond", partner.pk, "decline"))

    response = client.post(url("partner_respond", partner.pk, "confirm"), follow=True)

    assert errors_shown(response)
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.DECLINED


def test_a_plain_member_of_the_invited_organization_cannot_answer(client):
    partner = invited_partner()
    login(client, member_of(partner.organization, role=MembershipRole.MEMBER))

    response = client.post(url("partner_respond", partner.pk, "confirm"), follow=True)

    assert errors_shown(response)
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.INVITED


@pytest.mark.parametrize(
    ("who", "answer"),
    [("outsider", "confirm"), ("lead applicant", "confirm"), ("invited admin", "maybe")],
)
def test_others_and_other_answers_are_not_found(client, who, answer):
    partner = invited_partner()
    actor = {
        "outsider": lambda: member_of(OrganizationFactory()),
        "lead applicant": lambda: member_of(partner.application.applicant),
        "invited admin": lambda: member_of(partner.organization),
    }[who]()
    login(client, actor)

    response = client.post(url("partner_respond", partner.pk, answer))

    assert response.status_code == 404
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.INVITED


def test_the_applicant_removes_a_partner(client):
    partner = invited_partner()
    login(client, member_of(partner.application.applicant))

    response = client.post(url("partner_remove", partner.pk))

    assert response["Location"] == partner.application.get_absolute_url()
    assert not ConsortiumPartner.objects.filter(pk=partner.pk).exists()


def test_the_invited_partner_cannot_remove_itself_through_the_lead_button(client):
    partner = invited_partner()
    login(client, member_of(partner.organization))

    response = client.post(url("partner_remove", partner.pk), follow=True)

    assert errors_shown(response)
    assert ConsortiumPartner.objects.filter(pk=partner.pk).exists()


def test_partners_of_a_submitted_application_stay(client):
    partner = invited_partner()
    Application.objects.filter(pk=partner.application_id).update(status=ApplicationStatus.SUBMITTED)
    login(client, member_of(partner.application.applicant))

    response = client.post(url("partner_remove", partner.pk), follow=True)

    assert errors_shown(response)
    assert ConsortiumPartner.objects.filter(pk=partner.pk).exists()


def test_an_outsider_cannot_remove_a_partner(client):
    partner = invited_partner()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("partner_remove", partner.pk))

    assert response.status_code == 404
    assert ConsortiumPartner.objects.filter(pk=partner.pk).exists()


# --- application attachments ---------------------------------------------------------------


def test_the_applicant_attaches_a_file(client):
    application = draft_application()
    login(client, member_of(application.applicant))

    response = client.post(url("application_attachment_add", application.pk), {"file": pdf()})

    assert response["Location"] == application.get_absolute_url()
    attachment = ApplicationAttachment.objects.get(application=application)
    assert attachment.original_name == "技术说明.pdf"
    assert attachment.file.storage.exists(attachment.file.name)


@pytest.mark.parametrize("upload", ["disguised program", "no file", "empty file"])
def test_a_bad_application_attachment_is_explained_and_not_stored(client, upload):
    application = draft_application()
    login(client, member_of(application.applicant))
    posted = {
        "disguised program": lambda: {"file": not_a_pdf()},
        "no file": dict,
        "empty file": lambda: {"file": SimpleUploadedFile("空.pdf", b"")},
    }[upload]()

    response = client.post(url("application_attachment_add", application.pk), posted, follow=True)

    assert errors_shown(response)
    assert not ApplicationAttachment.objects.exists()


def test_an_application_holds_at_most_ten_attachments(client):
    application = draft_application()
    for number in range(10):
        ApplicationAttachment.objects.create(
            application=application,
            original_name=f"附件{number}.pdf",
            file=ContentFile(PDF, name=f"a{number}.pdf"),
        )
    login(client, member_of(application.applicant))

    response = client.post(
        url("application_attachment_add", application.pk), {"file": pdf()}, follow=True
    )

    assert errors_shown(response)
    assert application.attachments.count() == 10


def test_a_handler_cannot_attach_files_to_an_application(client):
    application = ApplicationFactory()
    login(client, handler_of(application.call))

    response = client.post(
        url("application_attachment_add", application.pk), {"file": pdf()}, follow=True
    )

    assert errors_shown(response)
    assert not ApplicationAttachment.objects.exists()


def test_an_outsider_cannot_attach_files(client):
    application = draft_application()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("application_attachment_add", application.pk), {"file": pdf()})

    assert response.status_code == 404
    assert not ApplicationAttachment.objects.exists()


def an_attachment(application=None) -> ApplicationAttachment:
    return ApplicationAttachment.objects.create(
        application=application or draft_application(),
        original_name="方案.pdf",
        file=ContentFile(PDF, name="stored.pdf"),
    )


def test_parties_download_an_attachment_and_outsiders_do_not_find_it(client):
    attachment = an_attachment(ApplicationFactory())
    download = url("application_attachment", attachment.pk)

    login(client, handler_of(attachment.application.call))
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]

    login(client, member_of(OrganizationFactory()))
    assert client.get(download).status_code == 404


def test_the_applicant_removes_an_attachment(client):
    attachment = an_attachment()
    login(client, member_of(attachment.application.applicant))

    response = client.post(url("application_attachment_remove", attachment.pk))

    assert response["Location"] == attachment.application.get_absolute_url()
    assert not ApplicationAttachment.objects.filter(pk=attachment.pk).exists()


def test_a_handler_cannot_remove_an_applicants_attachment(client):
    attachment = an_attachment(ApplicationFactory())
    login(client, handler_of(attachment.application.call))

    response = client.post(url("application_attachment_remove", attachment.pk), follow=True)

    assert errors_shown(response)
    assert ApplicationAttachment.objects.filter(pk=attachment.pk).exists()


def test_attachments_stay_once_the_application_is_past_submission(client):
    attachment = an_attachment(ApplicationFactory(status=ApplicationStatus.ELIGIBLE))
    login(client, member_of(attachment.application.applicant))

    response = client.post(url("application_attachment_remove", attachment.pk), follow=True)

    assert errors_shown(response)
    assert ApplicationAttachment.objects.filter(pk=attachment.pk).exists()


def test_an_outsider_cannot_remove_an_attachment(client):
    attachment = an_attachment()
    login(client, member_of(OrganizationFactory()))

    response = client.post(url("application_attachment_remove", attachment.pk))

    assert response.status_code == 404
    assert ApplicationAttachment.objects.filter(pk=attachment.pk).exists()
