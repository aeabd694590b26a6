"""What the accounts form tests share: addresses, errors shown and form data."""

from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import make_credit_code, png_bytes


def errors_shown(response) -> list[str]:
    return [str(m) for m in response.context["messages"] if m.level == messages.ERROR]


def url(name: str, *args) -> str:
    return reverse(f"accounts:{name}", args=args)


def organization_data(**overrides) -> dict:
    return {
        "kind": "sme",
        "name": "宁波甬晶光电材料有限公司",
        "credit_code": make_credit_code(),
        "province": "33",
        "city": "宁波市",
        "description": "光学晶体材料。",
        "website": "www.yongjing.example.cn",
        "contact_email": "contact@yongjing.example.cn",
        "industry_division": "39",
        **overrides,
    }


def certificate(name: str = "cert.png", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes() if data is None else data)
