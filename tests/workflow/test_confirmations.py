"""A move's wording lives on its table row: the question asked before it, the message after."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.template.utils import get_app_template_dirs
from django.utils import translation

from accounts import transitions as account_transitions
from catalog import transitions as catalog_transitions
from challenges import transitions as challenge_transitions
from workflow import TransitionTable

# The irreversible moves whose pages ask before making them: (table, action).
CONFIRMED_MOVES = [
    ("CALL_TRANSITIONS", "publish"),
    ("CALL_TRANSITIONS", "withdraw"),
    ("CALL_TRANSITIONS", "publicize"),
    ("CALL_TRANSITIONS", "no_award"),
    ("CALL_TRANSITIONS", "accept"),
    ("CALL_TRANSITIONS", "terminate"),
    ("APPLICATION_TRANSITIONS", "submit"),
    ("APPLICATION_TRANSITIONS", "withdraw"),
    ("REVIEW_TRANSITIONS", "submit"),
]


def all_tables() -> list[TransitionTable]:
    modules = (account_transitions, catalog_transitions, challenge_transitions)
    return [
        value
        for module in modules
        for value in vars(module).values()
        if isinstance(value, TransitionTable)
    ]


def project_templates() -> list[Path]:
    """The project's own templates (not those of installed packages)."""
    base = Path(settings.BASE_DIR)
    directories = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    directories += [Path(d) for d in get_app_template_dirs("templates")]
    return [
        path
        for directory in directories
        if directory.is_relative_to(base) and ".venv" not in directory.parts
        for path in directory.rglob("*.html")
    ]


@pytest.mark.parametrize(("table", "action"), CONFIRMED_MOVES)
def test_a_move_that_asks_first_carries_its_question_on_its_row(table, action):
    assert getattr(challenge_transitions, table)[action].confirm


def test_every_manual_move_says_what_happened_from_its_row():
    tables = (
        challenge_transitions.CALL_TRANSITIONS,
        challenge_transitions.APPLICATION_TRANSITIONS,
        challenge_transitions.REVIEW_TRANSITIONS,
        challenge_transitions.MILESTONE_TRANSITIONS,
    )

    silent = [
        move.action for table in tables for move in table if move.is_manual and not move.success
    ]

    assert silent == []


def test_no_template_hard_codes_a_moves_confirmation():
    # given: each row's question as written in the source, before translation
    with translation.override(None):
        questions = {str(move.confirm) for table in all_tables() for move in table if move.confirm}
    templates = project_templates()
    assert templates and questions

    # when
    hard_coded = [
        (path.name, question)
        for path in templates
        for question in questions
        if question in path.read_text(encoding="utf-8")
    ]

    # then
    assert hard_coded == []
