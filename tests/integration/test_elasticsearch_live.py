"""The engine contract against a live Elasticsearch 8 or 9.

Runs when ELASTICSEARCH_URL is set (e.g. http://127.0.0.1:9200); skipped otherwise, and
failed instead when REQUIRED_SERVICES includes "elasticsearch". Each test uses its own
index prefix and deletes its indices afterwards.
"""

import os
import uuid

import pytest

from tests.search import contract
from tests.services import need

URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture
def engine():
    need("elasticsearch", bool(URL), "ELASTICSEARCH_URL is not set")
    from search.engines.elasticsearch_engine import ElasticsearchEngine

    prefix = f"zjtx-test-{uuid.uuid4().hex[:8]}"
    engine = ElasticsearchEngine(URL, prefix=prefix)
    yield engine
    engine.client.indices.delete(index=f"{prefix}-*", ignore_unavailable=True)


@pytest.mark.parametrize("check", contract.CHECKS, ids=lambda c: c.__name__)
def test_engine_contract_on_elasticsearch(engine, check):
    check(engine)


def test_rebuild_swaps_aliases_without_downtime(engine):
    contract.load(engine)
    kept = [d for d in contract.corpus() if d.type == "call"]
    assert engine.rebuild(kept) == 2
    assert engine.num_docs() == 2


def test_a_stale_version_does_not_overwrite(engine):
    from search.engines.base import Change

    newer = contract.doc("product", 1, "新标题碳化硅模块", version=5)
    older = contract.doc("product", 1, "旧标题", version=3)
    engine.apply([Change(newer.id, 5, newer)])
    engine.apply([Change(older.id, 3, older)])
    assert engine.get(["product:1"])["product:1"].title == "新标题碳化硅模块"
