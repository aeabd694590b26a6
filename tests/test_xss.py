"""What a user wrote is never markup: escaped everywhere, and a CSP that would contain it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from challenges.models import CallStatus
from tests.factories import (
    ApplicationFactory,
    AssignmentFactory,
    CallFactory,
    CriterionFactory,
    ExpertFactory,
)

BASE = Path(settings.BASE_DIR)
SCRIPT = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


@pytest.mark.django_db
def test_a_criterion_description_is_shown_as_text_on_the_experts_score_sheet(client):
    # given a criterion whose description (written by the issuer) holds markup
    call = CallFactory(status=CallStatus.EVALUATING)
    CriterionFactory(call=call, name="技术方案", description=SCRIPT)
    application = ApplicationFactory(call=call, status="eligible")
    expert = ExpertFactory()
    assignment = AssignmentFactory(application=application, expert=expert)
    # when the assigned expert opens the score sheet
    client.force_login(expert.user)
    response = client.get(reverse("challenges:review_sheet", args=[assignment.pk]))
    # then the description is there, as text
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "onerror=alert" not in response.text.replace("&lt;img src=x onerror=alert", "")
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in response.text


@pytest.mark.django_db
def test_every_page_sends_a_content_security_policy_without_inline_script(client):
    response = client.get(reverse("portal:home"))
    policy = response.headers["Content-Security-Policy"]
    directives = dict(
        [*part.split(" ", 1), ""][:2] for part in (p.strip() for p in policy.split(";")) if part
    )
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"]


def test_no_template_marks_text_safe_or_carries_inline_script_handlers_or_styles():
    offenders = []
    for path in BASE.rglob("templates/**/*.html"):
        if ".venv" in path.parts:
            continue
        text = path.read_text()
        if re.search(r"\|\s*safe\b", text) or "{% autoescape off" in text:
            offenders.append(f"{path.relative_to(BASE)}: |safe or autoescape off")
        if re.search(r"<script(?![^>]*\bsrc=)", text):
            offenders.append(f"{path.relative_to(BASE)}: inline <script>")
        if re.search(r"\son[a-z]+=\"", text):
            offenders.append(f"{path.relative_to(BASE)}: inline event handler")
        if re.search(r"\sstyle=\"", text) or "<style" in text:
            offenders.append(f"{path.relative_to(BASE)}: inline style (the CSP refuses it)")
    assert offenders == []


# mark_safe is allowed only where the code escapes everything it wraps, with a test of it.
MARK_SAFE_ALLOWED = {"search/highlight.py"}


def test_mark_safe_only_where_every_piece_is_escaped_first():
    offenders = []
    for path in BASE.rglob("*.py"):
        relative = str(path.relative_to(BASE))
        if relative.startswith((".venv", "tests/")) or relative in MARK_SAFE_ALLOWED:
            continue
        unsafe = r"\bmark_safe\(|\bSafeString\(|format_html\(\s*[a-z_]+\s*\)"
        if re.search(unsafe, path.read_text()):
            offenders.append(relative)
    assert offenders == []
