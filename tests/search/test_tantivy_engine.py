import pytest

from search.engines.base import Change, EngineUnavailable, SearchQuery
from search.engines.tantivy_engine import TantivyEngine, schema_directory
from tests.search import contract


@pytest.fixture
def engine(tmp_path):
    return TantivyEngine(tmp_path)


@pytest.mark.parametrize("check", contract.CHECKS, ids=lambda c: c.__name__)
def test_engine_contract(engine, check):
    check(engine)


def test_a_second_writer_is_refused_and_nothing_is_written(engine, tmp_path):
    holder = engine.index.writer(heap_size=15_000_000, num_threads=1)
    try:
        with pytest.raises(EngineUnavailable):
            contract.load(TantivyEngine(tmp_path))
    finally:
        del holder
    assert engine.num_docs() == 0


def test_rebuild_replaces_everything_at_once(engine):
    contract.load(engine)
    kept = [d for d in contract.corpus() if d.type == "call"]
    assert engine.rebuild(kept) == 2
    assert engine.num_docs() == 2
    assert engine.search(SearchQuery(filters={"type": ["product"]})).total == 0


def test_a_changed_schema_opens_a_fresh_directory(tmp_path, monkeypatch):
    first = schema_directory(tmp_path)
    monkeypatch.setattr("search.engines.tantivy_engine.SCHEMA_REVISION", 99)
    assert schema_directory(tmp_path) != first


def test_readers_in_another_engine_see_commits(tmp_path):
    writer, reader = TantivyEngine(tmp_path), TantivyEngine(tmp_path)
    document = contract.corpus()[0]
    writer.apply([Change(document.id, 1, document)])
    reader.index.reload()
    assert reader.get([document.id])
