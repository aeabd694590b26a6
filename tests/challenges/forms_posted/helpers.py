"""What the open-call form tests share: uploads, dates, logging in and reading messages."""

from datetime import timedelta

from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from challenges.models import Application, ApplicationStatus, Call, CallStatus
from tests.factories import ApplicationFactory, CallFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


DATETIME = "%Y-%m-%dT%H:%M"


def pdf(name: str = "技术说明.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def not_a_pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 this is a program", "application/pdf")


def in_days(days: int) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime(DATETIME)


def errors_shown(response) -> list[str]:
    """The error messages the page (after the redirect) shows."""
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


def successes_shown(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.SUCCESS]


def login(client, user):
    client.force_login(user)
    return user


def draft_call(**kwargs) -> Call:
    return CallFactory(status=CallStatus.DRAFT, published_at=None, **kwargs)


def url(name: str, *args) -> str:
    return reverse(f"challenges:{name}", args=args)


# --- editing and moving an application -----------------------------------------------------


def draft_application(**kwargs) -> Application:
    return ApplicationFactory(status=ApplicationStatus.DRAFT, submitted_at=None, **kwargs)


# --- experts and score sheets --------------------------------------------------------------


def eligible_application() -> Application:
    call = CallFactory(status=CallStatus.EVALUATING)
    return ApplicationFactory(call=call, status=ApplicationStatus.ELIGIBLE)
