"""Templates stay readable: no line longer than a reader can take in at once.

Long lines are broken at tags and template logic and indented by structure; a block repeated
across pages lives in ``templates/includes/`` (or an app's ``_partial.html``) or in an inclusion
tag of ``reference/templatetags/ui.py``.
"""

import io
import tokenize
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

BASE = Path(settings.BASE_DIR)
LIMIT = 160


def templates():
    return [
        path
        for path in sorted(BASE.rglob("templates/**/*.html"))
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]


def test_templates_are_found():
    assert len(templates()) > 50


def test_no_template_line_is_longer_than_the_limit():
    too_long = [
        f"{path.relative_to(BASE)}:{number}: {len(line)} characters"
        for path in templates()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if len(line) > LIMIT
    ]
    assert too_long == []


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(BASE)))
def test_the_message_extractor_can_read_the_indentation(path):
    # The catalog test reads templates as Django's makemessages does: templatize() turns them
    # into Python-like text, which the extractor tokenizes. A line may only step back to an
    # indentation used above it; a line opening with {% translate %} or {{ }} counts one
    # column deeper, so it should not be the first line of a new level.
    text = templatize(path.read_text(), origin=str(path))
    try:
        for _token in tokenize.generate_tokens(io.StringIO(text).readline):
            pass
    except (IndentationError, tokenize.TokenError) as error:
        line = getattr(error, "lineno", None) or error.args[1][0]
        pytest.fail(f"{path.relative_to(BASE)}:{line}: {error.args[0]}")
