"""Nomination by recommending units (推荐单位, measure 十三): the applicant submits through a
unit, the unit nominates within its quota or returns with a reason, the issuer sees an
application only once nominated, each unit sees only its own."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import OrganizationKind
from challenges import services
from challenges.models import (
    ApplicationEvent,
    ApplicationStatus,
    CallKind,
    CallStatus,
    Nomination,
    NominationQuota,
    NominationStatus,
)
from core.exceptions import InvalidState, NotAllowed
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    OrganizationFactory,
    handler_of,
    member_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    department = OrganizationFactory(kind=OrganizationKind.GOVERNMENT, name="某市工信局")
    call = CallFactory(
        kind=CallKind.SELECTION, issuer=department, requires_nomination=True, title="遴选项目"
    )
    unit_a = OrganizationFactory(kind=OrganizationKind.GOVERNMENT, name="甲区工信局")
    unit_b = OrganizationFactory(kind=OrganizationKind.LEAD, name="乙链主企业")
    NominationQuota.objects.create(call=call, unit=unit_a, quota=1)
    NominationQuota.objects.create(call=call, unit=unit_b, quota=2)
    return {
        "call": call,
        "handler": handler_of(call),
        "unit_a": unit_a,
        "unit_b": unit_b,
        "a_member": member_of(unit_a),
        "b_member": member_of(unit_b),
    }


def draft(call):
    application = ApplicationFactory(call=call, status=ApplicationStatus.DRAFT, submitted_at=None)
    return application, member_of(application.applicant)


def submitted(setup, unit_key="unit_a"):
    application, applicant = draft(setup["call"])
    services.application_submit_to_unit(
        actor=applicant, application=application, unit=setup[unit_key]
    )
    application.refresh_from_db()
    return application, applicant


def test_the_applicant_submits_through_a_unit_over_http(client, setup):
    application, applicant = draft(setup["call"])
    client.force_login(applicant)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "data-submit-to-unit" in page
    # The plain submit is not offered, and refused when posted.
    assert reverse("challenges:application_transition", args=[application.pk, "submit"]) not in page
    client.post(reverse("challenges:application_transition", args=[application.pk, "submit"]))
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT

    response = client.post(
        reverse("challenges:application_submit_to_unit", args=[application.pk]),
        {"unit": setup["unit_a"].pk},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NOMINATION
    assert application.recommending_unit == setup["unit_a"]
    assert application.lead_qualification_level == application.applicant.qualification_level
    nomination = Nomination.objects.get(application=application)
    assert nomination.status == NominationStatus.PENDING
    event = nomination.events.get()
    assert (event.action, event.actor) == ("create", applicant)
    page = client.get(application.get_absolute_url()).content.decode()
    assert f'data-nomination-unit="{setup["unit_a"].pk}"' in page


def test_a_unit_not_of_the_call_is_refused(client, setup):
    application, applicant = draft(setup["call"])
    other = OrganizationFactory(kind=OrganizationKind.GOVERNMENT)
    client.force_login(applicant)
    client.post(
        reverse("challenges:application_submit_to_unit", args=[application.pk]),
        {"unit": other.pk},
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert not Nomination.objects.exists()


def test_the_issuer_never_sees_an_application_with_its_unit(client, setup):
    application, _applicant = submitted(setup)
    client.force_login(setup["handler"])
    assert client.get(application.get_absolute_url()).status_code == 404
    manage = reverse("challenges:call_manage", args=[setup["call"].pk]) + "?tab=applications"
    assert application.get_absolute_url() not in client.get(manage).content.decode()
    conversation = reverse("docking:application_conversation", args=[application.pk])
    assert client.get(conversation).status_code == 404

    nomination = application.nominations.get()
    services.nomination_nominate(actor=setup["a_member"], nomination=nomination, review="推荐")
    assert client.get(application.get_absolute_url()).status_code == 200
    listed = client.get(manage).content.decode()
    assert application.get_absolute_url() in listed
    assert f'data-recommended-by="{setup["unit_a"].pk}"' in listed
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.submitted_at is not None


def test_units_see_only_the_applications_submitted_through_them(client, setup):
    through_a, _ = submitted(setup, "unit_a")
    through_b, _ = submitted(setup, "unit_b")
    client.force_login(setup["b_member"])
    assert client.get(through_a.get_absolute_url()).status_code == 404
    assert client.get(through_b.get_absolute_url()).status_code == 200
    page = client.get(reverse("challenges:nomination_workspace")).content.decode()
    assert f'data-unit-nomination="{through_b.nominations.get().pk}"' in page
    assert f'data-unit-nomination="{through_a.nominations.get().pk}"' not in page
    # Deciding another unit's nomination is a 404.
    other = reverse(
        "challenges:nomination_transition", args=[through_a.nominations.get().pk, "nominate"]
    )
    assert client.post(other).status_code == 404


def test_the_workspace_is_only_for_recommending_units(client, setup):
    client.force_login(member_of(OrganizationFactory()))
    assert client.get(reverse("challenges:nomination_workspace")).status_code == 404


def test_the_quota_is_enforced(client, setup):
    first, _ = submitted(setup)
    second, _ = submitted(setup)
    client.force_login(setup["a_member"])
    for application in (first, second):
        client.post(
            reverse(
                "challenges:nomination_transition",
                args=[application.nominations.get().pk, "nominate"],
            ),
            {"review": "同意推荐"},
        )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == ApplicationStatus.SUBMITTED
    assert second.status == ApplicationStatus.NOMINATION
    assert second.nominations.get().status == NominationStatus.PENDING
    with pytest.raises(InvalidState) as refused:
        services.nomination_nominate(actor=setup["a_member"], nomination=second.nominations.get())
    assert str(refused.value) == gettext(
        "Your unit's quota for this call is used up (%(used)d of %(quota)d nominated)."
    ) % {"used": 1, "quota": 1}
    page = client.get(reverse("challenges:nomination_workspace")).content.decode()
    assert 'data-quota-used="1" data-quota="1"' in page


def test_returning_needs_a_reason_and_tells_it_to_the_applicant(client, setup):
    application, applicant = submitted(setup)
    nomination = application.nominations.get()
    url = reverse("challenges:nomination_transition", args=[nomination.pk, "return"])
    client.force_login(setup["a_member"])
    client.post(url, {"reason": "   "})
    nomination.refresh_from_db()
    application.refresh_from_db()
    assert nomination.status == NominationStatus.PENDING
    assert application.status == ApplicationStatus.NOMINATION
    assert nomination.events.count() == 1

    client.post(url, {"reason": "缺少第三方检测报告"})
    nomination.refresh_from_db()
    application.refresh_from_db()
    assert nomination.status == NominationStatus.RETURNED
    assert (nomination.decided_by, nomination.reason) == (setup["a_member"], "缺少第三方检测报告")
    assert nomination.decided_at is not None
    assert application.status == ApplicationStatus.DRAFT
    event = nomination.events.get(action="return")
    assert (event.actor, event.note) == (setup["a_member"], "缺少第三方检测报告")
    moved = ApplicationEvent.objects.get(application=application, action="returned")
    assert moved.actor == setup["a_member"]
    # The unit no longer reads it; the applicant reads the reason and may submit again.
    assert client.get(application.get_absolute_url()).status_code == 404
    client.force_login(applicant)
    page = client.get(application.get_absolute_url()).content.decode()
    assert f'data-nomination-returned="{nomination.pk}"' in page
    assert "缺少第三方检测报告" in page
    services.application_submit_to_unit(
        actor=applicant, application=application, unit=setup["unit_b"]
    )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.NOMINATION
    assert application.recommending_unit == setup["unit_b"]


def test_the_applicant_does_not_read_the_units_opinion(client, setup):
    application, applicant = submitted(setup)
    client.force_login(setup["a_member"])
    client.post(
        reverse(
            "challenges:nomination_transition", args=[application.nominations.get().pk, "nominate"]
        ),
        {"review": "技术路线成熟-OPINION"},
    )
    nomination = application.nominations.get()
    assert nomination.status == NominationStatus.NOMINATED
    assert nomination.events.get(action="nominate").actor == setup["a_member"]
    client.force_login(applicant)
    page = client.get(application.get_absolute_url()).content.decode()
    assert "技术路线成熟-OPINION" not in page
    assert 'data-nomination-status="nominated"' in page
    client.force_login(setup["handler"])
    page = client.get(application.get_absolute_url()).content.decode()
    assert "技术路线成熟-OPINION" in page


def test_withdrawing_frees_the_quota(setup):
    application, applicant = submitted(setup)
    services.nomination_nominate(actor=setup["a_member"], nomination=application.nominations.get())
    services.application_withdraw(actor=applicant, application=application)
    assert application.nominations.get().status == NominationStatus.WITHDRAWN
    other, _ = submitted(setup)
    services.nomination_nominate(actor=setup["a_member"], nomination=other.nominations.get())
    assert other.nominations.get().status == NominationStatus.NOMINATED


def test_units_decide_only_before_evaluation(setup):
    application, _ = submitted(setup)
    call = setup["call"]
    call.status = CallStatus.EVALUATING
    call.save(update_fields=["status"])
    with pytest.raises(InvalidState):
        services.nomination_nominate(
            actor=setup["a_member"], nomination=application.nominations.get()
        )
    with pytest.raises(NotAllowed):
        services.nomination_return(
            actor=setup["b_member"], nomination=application.nominations.get(), reason="x"
        )


def test_the_issuer_names_units_while_drafting(client, setup):
    call = CallFactory(
        kind=CallKind.SELECTION,
        issuer=setup["call"].issuer,
        requires_nomination=True,
        status=CallStatus.DRAFT,
        deadline=timezone.now() + timedelta(days=20),
    )
    handler = handler_of(call)
    assert gettext("Name at least one recommending unit (推荐单位) with its quota.") in (
        services.completeness_problems(call)
    )
    client.force_login(handler)
    manage = reverse("challenges:call_manage", args=[call.pk])
    assert "data-nomination-quota-form" in client.get(manage).content.decode()
    url = reverse("challenges:nomination_quota_set", args=[call.pk])
    sme = OrganizationFactory(kind=OrganizationKind.SME)
    client.post(url, {"unit": sme.credit_code, "quota": 2})
    client.post(url, {"unit": setup["unit_a"].credit_code, "quota": 501})
    assert not call.nomination_quotas.exists()
    client.post(url, {"unit": setup["unit_a"].credit_code, "quota": 2})
    quota = call.nomination_quotas.get()
    assert (quota.unit, quota.quota) == (setup["unit_a"], 2)
    assert gettext("Name at least one recommending unit (推荐单位) with its quota.") not in (
        services.completeness_problems(call)
    )
    client.post(reverse("challenges:nomination_quota_remove", args=[quota.pk]))
    assert not call.nomination_quotas.exists()


def test_the_public_page_names_the_units(client, setup):
    page = client.get(setup["call"].get_absolute_url()).content.decode()
    assert f'data-call-unit="{setup["unit_a"].pk}"' in page
    assert f'data-call-unit="{setup["unit_b"].pk}"' in page


def test_the_unit_and_the_applicant_are_told(setup, django_capture_on_commit_callbacks):
    from notifications.models import Notification

    application, applicant = draft(setup["call"])
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit_to_unit(
            actor=applicant, application=application, unit=setup["unit_a"]
        )
    told = Notification.objects.get(verb="nomination.submitted")
    assert told.recipient == setup["a_member"]
    assert not Notification.objects.filter(recipient=setup["handler"]).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.nomination_return(
            actor=setup["a_member"], nomination=application.nominations.get(), reason="补充材料"
        )
    returned = Notification.objects.get(verb="nomination.returned")
    assert (returned.recipient, returned.params["reason"]) == (applicant, "补充材料")
    application.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit_to_unit(actor=applicant, application=application)
        services.nomination_nominate(
            actor=setup["a_member"], nomination=application.nominations.get(status="pending")
        )
    assert Notification.objects.filter(verb="nomination.nominated", recipient=applicant).exists()
    assert Notification.objects.filter(
        verb="application.submitted", recipient=setup["handler"]
    ).exists()


def test_undecided_nominations_lapse_when_the_evaluation_starts(
    client, setup, django_capture_on_commit_callbacks
):
    # given one application nominated and one still waiting for its unit when applications close
    nominated, _ = submitted(setup, "unit_b")
    services.nomination_nominate(
        actor=setup["b_member"], nomination=nominated.nominations.get(), review="同意推荐。"
    )
    waiting, applicant = submitted(setup, "unit_a")
    call = setup["call"]
    call.status = CallStatus.CLOSED
    call.deadline = timezone.now() - timedelta(hours=1)
    call.save(update_fields=["status", "deadline"])

    with django_capture_on_commit_callbacks(execute=True):
        services.call_start_evaluation(actor=setup["handler"], call=call)

    # the waiting one was not nominated: its applicant is told, the unit can no longer decide
    waiting.refresh_from_db()
    assert waiting.status == ApplicationStatus.NOT_AWARDED
    assert waiting.nominations.get().status == NominationStatus.WITHDRAWN
    assert ApplicationEvent.objects.filter(application=waiting, action="not_nominated").exists()
    assert applicant.notifications.filter(verb="nomination.lapsed").exists()
    client.force_login(setup["a_member"])
    page = client.get(reverse("challenges:nomination_workspace")).text
    row = page[page.index(f'data-unit-nomination="{waiting.nominations.get().pk}"') :]
    assert row[: row.index(">")].endswith('data-status="withdrawn"')
    # the nominated one goes on to the issuer's evaluation; the other never reaches the issuer
    nominated.refresh_from_db()
    assert nominated.status == ApplicationStatus.SUBMITTED
    client.force_login(setup["handler"])
    assert client.get(waiting.get_absolute_url()).status_code == 404
    assert client.get(nominated.get_absolute_url()).status_code == 200
    listed = client.get(reverse("challenges:call_manage", args=[call.pk]) + "?tab=applications")
    assert waiting.applicant.name not in listed.text
    assert nominated.applicant.name in listed.text


def test_a_unit_cannot_nominate_itself_nor_see_unpublished_calls(client, setup):
    # a lead enterprise that is a unit of the call applies to it: it must go through another
    lead = setup["unit_b"]
    application = ApplicationFactory(
        call=setup["call"], applicant=lead, status=ApplicationStatus.DRAFT
    )
    with pytest.raises(InvalidState) as refused:
        services.application_submit_to_unit(
            actor=setup["b_member"], application=application, unit=lead
        )
    assert gettext("A recommending unit cannot nominate its own application.") in str(refused.value)
    client.force_login(setup["b_member"])
    page = client.get(application.get_absolute_url()).text
    assert f'<option value="{lead.pk}"' not in page
    assert f'<option value="{setup["unit_a"].pk}"' in page
    # a draft call naming the unit is not on the unit's workspace
    draft_call = CallFactory(
        kind=CallKind.SELECTION, status=CallStatus.DRAFT, requires_nomination=True, title="草稿榜单"
    )
    NominationQuota.objects.create(call=draft_call, unit=lead, quota=1)
    workspace = client.get(reverse("challenges:nomination_workspace")).text
    assert f'data-unit-call="{setup["call"].pk}"' in workspace
    assert f'data-unit-call="{draft_call.pk}"' not in workspace
