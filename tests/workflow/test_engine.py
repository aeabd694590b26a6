"""The workflow engine: ``apply`` refuses each way, writes only what it must, records."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from core.exceptions import InvalidState, NotAllowed
from workflow import DELETED, SYSTEM, EventLabels, TransitionTable, apply, check, t

OWNER, REVIEWER = "owner", "reviewer"

TABLE = TransitionTable(
    [
        t("submit", ["draft", "rejected"], "pending", OWNER, "Submit", done="Submitted"),
        t("publish", "pending", "published", REVIEWER, "Publish"),
        t("reject", "pending", "rejected", REVIEWER, "Reject", needs_note=True, event="sent_back"),
        t("expire", "published", "expired", SYSTEM, "Expire"),
        t("discard", "draft", DELETED, OWNER, "Discard"),
        t("archive", "published", "archived", OWNER, "Archive", refused="Only published."),
    ],
    invalid_state="Not while %(status)s.",
)


class Thing:
    """A stand-in for a model: a status, an optional ``updated_at``, a ``save`` that logs."""

    def __init__(self, status="draft", *, updated_at=True):
        names = ["status", "title"] + (["updated_at"] if updated_at else [])
        self._meta = SimpleNamespace(concrete_fields=[SimpleNamespace(name=n) for n in names])
        self.status = status
        self.saves: list[list[str]] = []

    def get_status_display(self):
        return self.status.upper()

    def save(self, *, update_fields):
        self.saves.append(list(update_fields))


class Recorder:
    def __init__(self):
        self.calls = []

    def __call__(self, *args):
        self.calls.append(args)


def test_apply_moves_saves_and_records():
    # given
    thing, record = Thing("draft"), Recorder()
    # when
    apply(TABLE, thing, "submit", actor="ann", roles={OWNER}, note="  ready ", record=record)
    # then
    assert thing.status == "pending"
    assert thing.saves == [["status", "updated_at"]]
    (obj, actor, action, from_status, to_status, note, transition) = record.calls[0]
    assert (obj, actor, action, from_status, to_status, note) == (
        thing,
        "ann",
        "submit",
        "draft",
        "pending",
        "ready",
    )
    assert transition is TABLE["submit"]


def test_apply_saves_the_callers_fields_once_and_updated_at_only_when_the_model_has_it():
    thing = Thing("draft", updated_at=False)
    fields = ["title", "status"]
    apply(TABLE, thing, "submit", actor=None, roles={OWNER}, fields=fields, record=None)
    assert thing.saves == [["status", "title"]]


def test_apply_refuses_a_role_the_move_does_not_allow():
    thing, record = Thing("pending"), Recorder()
    with pytest.raises(NotAllowed):
        apply(TABLE, thing, "publish", actor="ann", roles={OWNER}, record=record)
    assert (thing.status, thing.saves, record.calls) == ("pending", [], [])


def test_apply_refuses_without_any_role():
    with pytest.raises(NotAllowed):
        apply(TABLE, Thing("draft"), "submit", actor="bob", roles=set(), record=None)


def test_apply_refuses_a_move_from_another_status_naming_the_status():
    thing, record = Thing("published"), Recorder()
    with pytest.raises(InvalidState) as refused:
        apply(TABLE, thing, "submit", actor="ann", roles={OWNER}, record=record)
    assert refused.value.message == "Not while PUBLISHED."
    assert (thing.status, thing.saves, record.calls) == ("published", [], [])


def test_a_rows_own_refusal_wins_over_the_tables():
    with pytest.raises(InvalidState) as refused:
        apply(TABLE, Thing("draft"), "archive", actor="ann", roles={OWNER}, record=None)
    assert refused.value.message == "Only published."


@pytest.mark.parametrize("note", ["", "   "])
def test_apply_refuses_a_move_that_needs_a_reason_without_one(note):
    thing, record = Thing("pending"), Recorder()
    with pytest.raises(InvalidState):
        apply(TABLE, thing, "reject", actor="rex", roles={REVIEWER}, note=note, record=record)
    assert (thing.status, thing.saves, record.calls) == ("pending", [], [])


def test_apply_refuses_with_every_problem_of_the_move_joined():
    thing, record = Thing("draft"), Recorder()
    with pytest.raises(InvalidState) as refused:
        apply(
            TABLE,
            thing,
            "submit",
            actor="ann",
            roles={OWNER},
            problems=lambda: ["No title.", "No deadline."],
            record=record,
        )
    assert refused.value.message == "No title. No deadline."
    assert (thing.status, thing.saves, record.calls) == ("draft", [], [])


def test_problems_are_asked_only_once_who_and_when_are_settled():
    asked = []

    def problems():
        asked.append(True)
        return []

    with pytest.raises(NotAllowed):
        check(TABLE, Thing("pending"), "publish", roles={OWNER}, problems=problems)
    with pytest.raises(InvalidState):
        check(TABLE, Thing("draft"), "publish", roles={REVIEWER}, problems=problems)
    assert asked == []
    check(TABLE, Thing("pending"), "publish", roles={REVIEWER}, problems=problems)
    assert asked == [True]


def test_an_unknown_action_is_a_programming_error():
    with pytest.raises(KeyError):
        apply(TABLE, Thing(), "fly", actor=None, roles={OWNER}, record=None)


def test_a_deleting_move_is_checked_not_applied():
    assert check(TABLE, Thing("draft"), "discard", roles={OWNER}).deletes
    with pytest.raises(ValueError):
        apply(TABLE, Thing("draft"), "discard", actor=None, roles={OWNER}, record=None)


def test_the_scheduler_holds_the_system_role():
    thing = Thing("published")
    apply(TABLE, thing, "expire", actor=None, roles={SYSTEM}, record=None)
    assert thing.status == "expired"


def test_people_cannot_request_scheduler_moves_or_unknown_ones_by_name():
    assert TABLE.manual("publish") is TABLE["publish"]
    assert TABLE.manual("expire") is None
    assert TABLE.manual("fly") is None


def test_offered_splits_possible_moves_from_blocked_ones_with_reasons():
    offer = TABLE.offered(
        "pending",
        {REVIEWER},
        problems=lambda action: ["Too late."] if action == "publish" else [],
    )
    assert [m.action for m in offer.moves] == ["reject"]
    assert [(m.action, reasons) for m, reasons in offer.blocked] == [("publish", ["Too late."])]
    assert [m.action for m, _ in offer.entries] == ["publish", "reject"]  # the table's order
    assert [m.action for m in TABLE.offered("pending", {OWNER})] == []


def test_labels_come_from_the_table():
    assert TABLE.label("publish") == "Publish"
    labels = EventLabels(TABLE, other={"created": "Created"})
    assert labels.get("submit") == "Submitted"  # done text
    assert labels.get("publish") == "Publish"  # no done text: the button's
    assert labels.get("sent_back") == "Reject"  # recorded under its event name
    assert labels.get("created") == "Created"
    assert labels.get("unheard_of") == "unheard_of"


def test_each_action_appears_once_in_a_table():
    with pytest.raises(ValueError):
        TransitionTable([t("a", "x", "y", OWNER, "A"), t("a", "y", "x", OWNER, "A")])


def test_every_move_people_can_make_has_a_service():
    from challenges import services

    for registry in (
        services.CALL_MOVES,
        services.APPLICATION_MOVES,
        services.REVIEW_MOVES,
        services.MILESTONE_MOVES,
    ):
        assert registry.missing() == []


def test_a_service_registers_only_for_a_move_of_its_table():
    from workflow import MoveServices

    with pytest.raises(ValueError):
        MoveServices(TABLE).register("fly")


def test_dispatch_passes_the_reason_under_the_services_own_name():
    from workflow import MoveServices

    moves = MoveServices(TABLE)
    moves.register("reject", note="reason")(lambda **kwargs: kwargs)
    moves.register("publish")(lambda **kwargs: kwargs)
    assert moves("reject", note="why", thing=1) == {"thing": 1, "reason": "why"}
    assert moves("publish", note="ignored", thing=1) == {"thing": 1}


def test_event_rows_are_labelled_by_the_tables_that_record_them():
    from accounts.models import OrganizationEvent
    from catalog.models import ListingEvent
    from challenges.models import ApplicationEvent, CallEvent, MilestoneEvent
    from challenges.transitions import CALL_TRANSITIONS, OBJECTION_TRANSITIONS

    assert CallEvent(action="publish").label == str(CALL_TRANSITIONS["publish"].done)
    assert CallEvent(action="objection_upheld").label == str(OBJECTION_TRANSITIONS["uphold"].done)
    assert ApplicationEvent(action="review_submitted").label != "review_submitted"
    assert MilestoneEvent(action="propose").label != "propose"
    assert ListingEvent(action="reject").label != "reject"
    assert OrganizationEvent(action="verified").label != "verified"
    assert CallEvent(action="something_new").label == "something_new"
