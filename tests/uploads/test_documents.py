"""Document uploads: long file names keep their type, through the page as in the checker."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from challenges.models import CallAttachment, CallStatus
from tests.factories import CallFactory, handler_of
from uploads.documents import MAX_NAME_LENGTH, check_document

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_long_file_name_keeps_its_extension():
    name = "关于车规级碳化硅功率模块可靠性验证的技术说明" * 10 + ".pdf"
    document = check_document(io.BytesIO(PDF), name)
    assert document.extension == ".pdf"
    assert len(document.original_name) == MAX_NAME_LENGTH
    assert document.original_name.endswith(".pdf")


def test_folders_in_the_name_are_dropped():
    document = check_document(io.BytesIO(PDF), "../../etc/说明.pdf")
    assert document.original_name == "说明.pdf"


@pytest.mark.django_db
def test_an_issuer_attaches_a_file_with_a_200_character_name(client):
    call = CallFactory(status=CallStatus.DRAFT, published_at=None)
    client.force_login(handler_of(call))
    name = "技" * 200 + ".pdf"
    response = client.post(
        reverse("challenges:call_part_add", args=[call.pk, "attachment"]),
        {"file": SimpleUploadedFile(name, PDF, content_type="application/pdf")},
        follow=True,
    )
    assert response.status_code == 200
    attachment = CallAttachment.objects.get(call=call)
    assert attachment.original_name.endswith(".pdf")
    assert len(attachment.original_name) <= MAX_NAME_LENGTH
