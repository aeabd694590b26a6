import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from tests.factories import AdminUserFactory, make_credit_code

HEADER = ["企业名称", "统一社会信用代码", "省份", "资质等级", "批次", "年度", "有效期至"]


def row(
    name=None, code=None, province="江苏省", level="小巨人", batch="第五批", year=2023, date=""
):
    return [name or f"示例科技有限公司{make_credit_code()[-6:]}", code or make_credit_code(),
            province, level, batch, year, date]  # fmt: skip


def csv_bytes(rows, header=HEADER, encoding="utf-8") -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    return text.getvalue().encode(encoding)


def xlsx_bytes(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for values in rows:
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(rows, name="list.csv", **options) -> SimpleUploadedFile:
    data = xlsx_bytes(rows) if name.endswith(".xlsx") else csv_bytes(rows, **options)
    return SimpleUploadedFile(name, data)


@pytest.fixture
def admin_user():
    return AdminUserFactory()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Import progress is kept in the cache by import id; ids repeat between tests."""
    from django.core.cache import cache

    cache.clear()
