"""What the catalog form tests share: listing types, addresses and form data."""

import io

from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from accounts.models import OrganizationKind
from catalog.models import OpenResource, Product, ResearchResult
from tests.factories import OpenResourceFactory, ProductFactory, ResearchResultFactory

LISTING_TYPES = ["product", "result", "resource"]


MODELS = {"product": Product, "result": ResearchResult, "resource": OpenResource}


FACTORIES = {
    "product": ProductFactory,
    "result": ResearchResultFactory,
    "resource": OpenResourceFactory,
}


OWNER_KINDS = {
    "product": OrganizationKind.SME,
    "result": OrganizationKind.UNIVERSITY,
    "resource": OrganizationKind.LEAD,
}


def errors_shown(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


def url(listing_type: str, view: str, *args) -> str:
    return reverse(f"catalog:{listing_type}_{view}", args=args)


def listing_data(listing_type: str, **overrides) -> dict:
    data = {
        "title": "车规级碳化硅功率模块",
        "summary": "面向新能源汽车电驱。",
        "description": "银烧结工艺，双面散热。",
        "keywords": "碳化硅、功率模块",
    }
    data.update(
        {
            "product": {"specifications": "导通电阻: 16 mΩ"},
            "result": {
                "field": "电子信息-集成电路",
                "trl": "6",
                "maturity": "pilot",
                "transfer_modes": ["license", "codevelop"],
                "patents": "ZL202110234567.8, 发明专利",
            },
            "resource": {"kind": "test_line", "conditions": "签署保密协议后开放。", "city": "无锡"},
        }[listing_type]
    )
    data.update(overrides)
    return data


def jpeg(size=(640, 480)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 60, 90)).save(buffer, "JPEG")
    return SimpleUploadedFile("IMG_0001.jpg", buffer.getvalue(), content_type="image/jpeg")
