"""The transactional outbox: what the services write, and how the drain applies it."""

import pytest
from django.db import transaction

from catalog import services as catalog_services
from catalog.models import ListingStatus
from search import outbox
from search.engines import get_engine
from search.engines.base import EngineUnavailable, SearchQuery
from search.models import OutboxEntry
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    ProductFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


def search_ids(text):
    from search.analysis import get_analyzer

    query = SearchQuery(terms={t: 1.0 for t in get_analyzer().query_terms(text)})
    return {hit.id for hit in get_engine().search(query).hits}


def publish(product):
    catalog_services.listing_submit(actor=member_of(product.organization), listing=product)
    catalog_services.listing_publish(actor=AdminUserFactory(), listing=product)


def test_publishing_writes_outbox_rows_and_the_drain_indexes():
    product = ProductFactory(title="车规级碳化硅功率模块")
    publish(product)
    assert OutboxEntry.objects.filter(doc_type="product", object_id=product.pk).exists()
    outbox.drain()
    assert f"product:{product.pk}" in search_ids("碳化硅")
    assert not OutboxEntry.objects.exists()


def test_a_rolled_back_change_indexes_nothing():
    product = ProductFactory(title="回滚的产品", status=ListingStatus.PENDING_REVIEW)
    with pytest.raises(RuntimeError), transaction.atomic():
        catalog_services.listing_publish(actor=AdminUserFactory(), listing=product)
        raise RuntimeError("the request failed after the write")
    assert not OutboxEntry.objects.exists()
    outbox.drain()
    assert not search_ids("回滚的产品")


def test_drafts_are_never_indexed_and_archived_listings_leave_the_index():
    product = ProductFactory(title="尚在草稿的探针卡")
    outbox.index_later("product", product.pk)
    outbox.drain()
    assert not search_ids("探针卡")
    publish(product)
    outbox.drain()
    assert f"product:{product.pk}" in search_ids("探针卡")
    catalog_services.listing_archive(actor=member_of(product.organization), listing=product)
    outbox.drain()
    assert not search_ids("探针卡")


def test_an_engine_failure_loses_nothing_and_the_next_drain_catches_up(monkeypatch):
    product = ProductFactory(title="故障期间发布的电主轴")
    publish(product)
    engine = get_engine()

    def down(changes):
        raise EngineUnavailable("connection refused")

    monkeypatch.setattr(engine, "apply", down)
    with pytest.raises(EngineUnavailable):
        outbox.drain()
    assert OutboxEntry.objects.filter(object_id=product.pk).exists()
    monkeypatch.undo()
    outbox.drain()
    assert f"product:{product.pk}" in search_ids("电主轴")
    assert not OutboxEntry.objects.exists()


def test_repeated_rows_are_coalesced_into_one_change(monkeypatch):
    product = ProductFactory(title="多次修改的产品", status=ListingStatus.PUBLISHED)
    for _ in range(5):
        outbox.index_later("product", product.pk)
    newest = OutboxEntry.objects.filter(object_id=product.pk).latest("pk").pk
    seen = []
    engine = get_engine()
    real_apply = engine.apply
    monkeypatch.setattr(
        engine, "apply", lambda changes: (seen.append(changes), real_apply(changes))
    )
    outbox.drain()
    product_changes = [c for c in seen[0] if c.id == f"product:{product.pk}"]
    assert len(product_changes) == 1
    assert product_changes[0].version == newest  # the newest row is the version


def test_a_changed_organization_reindexes_its_listings():
    organization = OrganizationFactory(name="旧名称科技有限公司")
    product = ProductFactory(
        organization=organization, title="高精度光栅尺", status=ListingStatus.PUBLISHED
    )
    outbox.index_later("product", product.pk)
    outbox.drain()
    organization.name = "新名称科技有限公司"
    organization.save()
    outbox.index_later("organization", organization.pk)
    outbox.drain()
    hit = get_engine().get([f"product:{product.pk}"])[f"product:{product.pk}"]
    assert hit.organization == "新名称科技有限公司"


def test_confidential_call_details_are_never_indexed():
    from tests.factories import CallFactory

    call = CallFactory(terms="保密协议", details="绝密工艺参数氮化退火窗口")
    outbox.index_later("call", call.pk)
    outbox.drain()
    assert f"call:{call.pk}" not in search_ids("氮化退火窗口")
    assert f"call:{call.pk}" in search_ids(call.title)


def test_a_busy_writer_keeps_the_rows(monkeypatch):
    product = ProductFactory(title="等待写锁的产品", status=ListingStatus.PUBLISHED)
    outbox.index_later("product", product.pk)
    engine = get_engine()
    holder = engine.index.writer(heap_size=15_000_000, num_threads=1)
    try:
        with pytest.raises(EngineUnavailable):
            outbox.drain()
    finally:
        del holder
    assert OutboxEntry.objects.filter(object_id=product.pk).exists()


def test_the_task_keeps_rows_instead_of_retrying_in_process(monkeypatch):
    from search.tasks import drain_outbox

    product = ProductFactory(title="离线任务产品", status=ListingStatus.PUBLISHED)
    outbox.index_later("product", product.pk)
    monkeypatch.setattr(
        "search.tasks.drain", lambda: (_ for _ in ()).throw(EngineUnavailable("down"))
    )
    assert drain_outbox.apply().get() == 0
    assert OutboxEntry.objects.filter(object_id=product.pk).exists()
