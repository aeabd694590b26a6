"""A call from draft to final acceptance, and the rules along the way."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel
from catalog.models import ProductVerification
from challenges import selectors, services
from challenges.models import (
    EVIDENCE_BEFORE_ACCEPTANCE,
    ApplicationStatus,
    AwardStatus,
    CallKind,
    CallStatus,
    ConflictOfInterest,
    PartnerStatus,
)
from core.exceptions import DomainError, InvalidState, NotAllowed
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    ApplicationFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
    IndicatorFactory,
    OrganizationFactory,
    PublishedProductFactory,
    handler_of,
    member_of,
)
from tests.verification.factories import evidence

pytestmark = pytest.mark.django_db
FUTURE = timedelta(days=20)


def draft_call(**overrides):
    lead = OrganizationFactory(kind=OrganizationKind.LEAD)
    issuer_user = member_of(lead)
    data = {
        "title": "800V碳化硅电驱功率模块攻关",
        "summary": "征集高可靠功率模块封装方案",
        "details": "功率循环≥10万次",
        "deadline": timezone.now() + FUTURE,
        "winner_cap": 2,
        **overrides,
    }
    call = services.call_create(
        actor=issuer_user, kind=overrides.pop("kind", CallKind.CHALLENGE), data=data
    )
    return call, issuer_user


def test_full_flow_from_draft_to_acceptance():
    admin = AdminUserFactory()
    call, issuer = draft_call()
    services.call_indicator_add(actor=issuer, call=call, name="功率循环寿命", target="≥10万次")
    tech = services.call_criterion_add(
        actor=issuer, call=call, name="技术方案", weight=Decimal("70")
    )
    team = services.call_criterion_add(actor=issuer, call=call, name="团队", weight=Decimal("30"))
    services.call_bonus_set(
        actor=issuer, call=call, condition="lead_little_giant", points=Decimal("5")
    )
    services.call_submit(actor=issuer, call=call)
    services.call_publish(actor=admin, call=call)

    # two SMEs apply; one is a little giant
    giant = OrganizationFactory(qualification_level=QualificationLevel.NATIONAL)
    plain = OrganizationFactory()
    applications = []
    for organization in (giant, plain):
        user = member_of(organization)
        application = services.application_create(
            actor=user, call=call, data={"technical_approach": "双面散热银烧结封装"}
        )
        services.application_update(
            actor=user,
            application=application,
            data={},
            responses={call.indicators.get().pk: "实测12万次"},
        )
        services.application_submit(actor=user, application=application)
        applications.append(application)
    assert Notification.objects.filter(recipient=issuer, verb="application.submitted").count() == 2

    # deadline passes; the scheduler closes the call
    call.deadline = timezone.now() - timedelta(minutes=1)
    call.save(update_fields=["deadline"])
    assert services.calls_close_due() == 1
    call.refresh_from_db()
    assert call.status == CallStatus.CLOSED

    services.call_start_evaluation(actor=issuer, call=call)
    experts = ExpertFactory.create_batch(3)
    for application in applications:
        services.application_mark_eligible(actor=issuer, application=application)
        for expert in experts:
            services.expert_assign(actor=issuer, application=application, expert=expert)
    for expert in experts:
        for application, value in zip(applications, (80, 82), strict=True):
            assignment = application.assignments.get(expert=expert)
            services.review_save(
                actor=expert.user,
                assignment=assignment,
                scores={tech.pk: (value, "好"), team.pk: (value, "")},
                comment="",
            )
            services.review_submit(actor=expert.user, assignment=assignment)
    services.call_panel_close(actor=issuer, call=call)

    ranking = selectors.call_ranking(call)
    # the little giant's 80 + 5 beats 82
    assert [(r.key.applicant, r.breakdown.total) for r in ranking] == [
        (giant, Decimal("85.00")),
        (plain, Decimal("82.00")),
    ]

    winner = applications[0]
    services.application_shortlist(actor=issuer, application=winner)
    services.award_propose(actor=issuer, application=winner, amount=Decimal("1000000"))
    services.call_publicize(actor=issuer, call=call)
    call.refresh_from_db()
    assert call.publicity_ends_at > timezone.now()

    # an objection is filed and dismissed; after the period the scheduler finalizes
    objection = services.objection_file(actor=member_of(plain), call=call, text="评分不公")
    assert services.calls_finalize_due(now=call.publicity_ends_at + timedelta(seconds=1)) == 0
    services.objection_resolve(
        actor=admin, objection=objection, upheld=False, resolution="评审程序合规"
    )
    assert services.calls_finalize_due(now=call.publicity_ends_at + timedelta(seconds=1)) == 0
    call.publicity_ends_at = timezone.now() - timedelta(seconds=1)
    call.save(update_fields=["publicity_ends_at"])
    assert services.calls_finalize_due() == 1
    winner.refresh_from_db()
    applications[1].refresh_from_db()
    assert winner.status == ApplicationStatus.AWARDED
    assert applications[1].status == ApplicationStatus.NOT_AWARDED
    assert winner.award.status == AwardStatus.FINAL

    # milestones, work, acceptance
    winner_user = member_of(giant)
    milestone = services.milestone_propose(
        actor=issuer,
        application=winner,
        title="样品交付",
        due_date=timezone.localdate() + timedelta(days=90),
        deliverables="10套样品",
    )
    with pytest.raises(InvalidState):
        services.call_start_work(actor=issuer, call=call)  # not agreed yet
    services.milestone_agree(actor=winner_user, milestone=milestone)
    services.call_start_work(actor=issuer, call=call)
    services.milestone_report(actor=winner_user, milestone=milestone, report="样品已交付")
    services.milestone_return(actor=issuer, milestone=milestone, note="缺少测试报告")
    services.milestone_report(actor=winner_user, milestone=milestone, report="补充测试报告")
    with pytest.raises(InvalidState):
        services.call_accept(actor=issuer, call=call)
    services.milestone_accept(actor=issuer, milestone=milestone)
    services.call_accept(actor=issuer, call=call)
    call.refresh_from_db()
    assert call.status == CallStatus.ACCEPTED
    public = [e.action for e in call.events.filter(is_public=True)]
    assert public == [
        "publish",
        "close",
        "evaluate",
        "publicize",
        "finalize",
        "start_work",
        "accept",
    ]


def test_applications_after_the_deadline_are_refused_even_before_the_call_is_closed():
    call = CallFactory(deadline=timezone.now() + FUTURE)
    IndicatorFactory(call=call)
    user = member_of(OrganizationFactory())
    application = services.application_create(
        actor=user, call=call, data={"technical_approach": "方案"}
    )
    call.deadline = timezone.now() - timedelta(seconds=1)
    call.save(update_fields=["deadline"])  # still "published": the task has not run yet
    with pytest.raises(InvalidState):
        services.application_submit(actor=user, application=application)
    with pytest.raises(InvalidState):
        services.application_update(
            actor=user, application=application, data={"technical_approach": "改"}
        )
    with pytest.raises(InvalidState):
        services.application_create(actor=member_of(OrganizationFactory()), call=call, data={})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_one_live_application_per_organization():
    call = CallFactory()
    user = member_of(OrganizationFactory())
    first = services.application_create(actor=user, call=call, data={})
    with pytest.raises(InvalidState):
        services.application_create(actor=user, call=call, data={})
    services.application_withdraw(actor=user, application=first)
    services.application_create(actor=user, call=call, data={})  # allowed again


def test_eligibility_rules_are_explained():
    call = CallFactory(min_qualification=QualificationLevel.NATIONAL, eligible_provinces=["44"])
    user = member_of(OrganizationFactory(province="32"))
    with pytest.raises(NotAllowed) as caught:
        services.application_create(actor=user, call=call, data={})
    assert "专精特新" in caught.value.message
    issuer_user = member_of(call.issuer)
    with pytest.raises(NotAllowed):
        services.application_create(actor=issuer_user, call=call, data={})


def test_terms_must_be_accepted_before_applying():
    call = CallFactory(terms="签署保密协议后方可查看详细需求。")
    user = member_of(OrganizationFactory())
    with pytest.raises(InvalidState):
        services.application_create(actor=user, call=call, data={})
    services.terms_accept(actor=user, call=call)
    services.application_create(actor=user, call=call, data={})


def test_consortium_partners_must_confirm_and_are_capped():
    call = CallFactory(max_partners=1)
    IndicatorFactory(call=call)
    user = member_of(OrganizationFactory())
    application = services.application_create(
        actor=user, call=call, data={"technical_approach": "联合攻关"}
    )
    services.application_update(
        actor=user, application=application, data={}, responses={call.indicators.get().pk: "满足"}
    )
    institute = OrganizationFactory(kind=OrganizationKind.INSTITUTE, credit_code="INST-0001")
    partner = services.partner_invite(actor=user, application=application, organization=institute)
    with pytest.raises(InvalidState):
        services.partner_invite(
            actor=user, application=application, organization=OrganizationFactory()
        )
    with pytest.raises(InvalidState):  # the partner has not confirmed yet
        services.application_submit(actor=user, application=application)
    with pytest.raises(NotAllowed):  # only the partner's own admin answers
        services.partner_respond(actor=user, partner=partner, accept=True)
    services.partner_respond(actor=member_of(institute), partner=partner, accept=True)
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.CONFIRMED
    services.application_submit(actor=user, application=application)


def test_award_cap_holds():
    call = CallFactory(status=CallStatus.EVALUATING, winner_cap=1)
    issuer = handler_of(call)
    first, second = ApplicationFactory.create_batch(2, call=call, status="shortlisted")
    services.award_propose(actor=issuer, application=first)
    with pytest.raises(InvalidState):
        services.award_propose(actor=issuer, application=second)


def test_shortlist_cap_holds():
    call = CallFactory(status=CallStatus.EVALUATING, shortlist_cap=1)
    issuer = handler_of(call)
    first, second = ApplicationFactory.create_batch(2, call=call, status="eligible")
    services.application_shortlist(actor=issuer, application=first)
    with pytest.raises(InvalidState):
        services.application_shortlist(actor=issuer, application=second)


def test_experts_with_a_conflict_cannot_be_assigned():
    call = CallFactory(status=CallStatus.EVALUATING)
    issuer = handler_of(call)
    application = ApplicationFactory(call=call, status="eligible")
    own = ExpertFactory()
    from accounts.models import Membership

    Membership.objects.create(user=own.user, organization=application.applicant, status="active")
    declared = ExpertFactory()
    ConflictOfInterest.objects.create(
        expert=declared, organization=application.applicant, reason="曾任顾问"
    )
    for expert in (own, declared):
        with pytest.raises(InvalidState):
            services.expert_assign(actor=issuer, application=application, expert=expert)
    assert not application.assignments.exists()


def test_declaring_a_conflict_recuses_open_assignments():
    call = CallFactory(status=CallStatus.EVALUATING)
    application = ApplicationFactory(call=call, status="eligible")
    expert = ExpertFactory()
    assignment = services.expert_assign(
        actor=handler_of(call), application=application, expert=expert
    )
    services.conflict_declare(
        actor=expert.user, organization=application.applicant, reason="持有该企业股份"
    )
    assignment.refresh_from_db()
    assert assignment.status == "recused"


def test_panel_needs_three_submitted_reviews_per_application():
    call = CallFactory(status=CallStatus.EVALUATING)
    criterion = CriterionFactory(call=call)
    issuer = handler_of(call)
    application = ApplicationFactory(call=call, status="eligible")
    for expert in ExpertFactory.create_batch(2):
        assignment = services.expert_assign(actor=issuer, application=application, expert=expert)
        services.review_save(
            actor=expert.user, assignment=assignment, scores={criterion.pk: (70, "")}, comment=""
        )
        services.review_submit(actor=expert.user, assignment=assignment)
    with pytest.raises(InvalidState):
        services.call_panel_close(actor=issuer, call=call)


def test_score_outside_the_range_is_refused():
    call = CallFactory(status=CallStatus.EVALUATING)
    criterion = CriterionFactory(call=call)
    expert = ExpertFactory()
    assignment = services.expert_assign(
        actor=handler_of(call),
        expert=expert,
        application=ApplicationFactory(call=call, status="eligible"),
    )
    with pytest.raises(InvalidState):
        services.review_save(
            actor=expert.user, assignment=assignment, scores={criterion.pk: (120, "")}, comment=""
        )
    assert not assignment.scores.exists()


def test_verification_acceptance_records_the_user_firm_on_the_product():
    government = OrganizationFactory(kind=OrganizationKind.GOVERNMENT)
    user_firm = OrganizationFactory(kind=OrganizationKind.LARGE)
    call = CallFactory(kind=CallKind.VERIFICATION, issuer=government, status=CallStatus.IN_PROGRESS)
    product = PublishedProductFactory()
    application = ApplicationFactory(
        call=call,
        applicant=product.organization,
        product=product,
        user_firm=user_firm,
        status="awarded",
    )
    for kind in EVIDENCE_BEFORE_ACCEPTANCE:  # the first-use evidence acceptance needs
        evidence(application, kind)
    services.call_accept(actor=handler_of(call), call=call)
    verification = ProductVerification.objects.get(product=product)
    assert verification.user_organization == user_firm


def test_kind_rules_decide_who_issues():
    sme_user = member_of(OrganizationFactory())
    with pytest.raises(NotAllowed):
        services.call_create(actor=sme_user, kind=CallKind.CHALLENGE, data={})
    call = services.call_create(
        actor=sme_user,
        kind=CallKind.RND_DEMAND,
        data={
            "title": "高温合金焊接工艺研发需求",
            "summary": "寻找高校合作",
            "deadline": timezone.now() + FUTURE,
        },
    )
    assert set(call.eligible_kinds) == {"university", "institute"}
    government_user = member_of(OrganizationFactory(kind=OrganizationKind.GOVERNMENT))
    selection = services.call_create(
        actor=government_user,
        kind=CallKind.SELECTION,
        data={"title": "创新中心项目遴选", "summary": "遴选", "deadline": timezone.now() + FUTURE},
    )
    assert selection.bonus_rules.get().condition == "lead_little_giant"


def test_incomplete_call_cannot_be_submitted():
    call, issuer = draft_call()
    with pytest.raises(InvalidState) as caught:
        services.call_submit(actor=issuer, call=call)
    assert "指标" in caught.value.message or "indicator" in caught.value.message


def test_questions_are_answered_without_naming_who_asked():
    call = CallFactory()
    asker = member_of(OrganizationFactory())
    applicant_org = OrganizationFactory()
    member_of(applicant_org)
    ApplicationFactory(call=call, applicant=applicant_org, status="draft")
    question = services.question_ask(actor=asker, call=call, text="是否接受样品测试数据？")
    services.question_answer(actor=handler_of(call), question=question, answer="接受第三方报告")
    note = Notification.objects.get(
        recipient__memberships__organization=applicant_org, verb="call.answer"
    )
    assert asker.name not in note.text
    assert selectors.published_questions(call)[0].answer == "接受第三方报告"


def test_objections_only_during_publicity():
    call = CallFactory(status=CallStatus.EVALUATING)
    with pytest.raises(DomainError):
        services.objection_file(actor=member_of(OrganizationFactory()), call=call, text="异议")
