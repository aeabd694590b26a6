import shutil

import pytest

from search.engines.base import Change, EngineUnavailable, SearchQuery
from search.engines.tantivy_engine import IndexCorrupted, TantivyEngine, schema_directory
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


def test_a_deleted_index_directory_comes_back_empty_and_is_filled_again(engine, tmp_path):
    contract.load(engine)
    shutil.rmtree(schema_directory(tmp_path))
    # the same engine object (one per process) notices, instead of serving a ghost index
    assert engine.search(SearchQuery(terms=contract.terms("碳化硅"))).total == 0
    assert engine.num_docs() == 0
    contract.load(engine)  # the outbox drains into the new index
    assert engine.search(SearchQuery(terms=contract.terms("碳化硅"))).total == 3
    assert schema_directory(tmp_path).joinpath("meta.json").exists()


def test_an_index_replaced_by_another_process_is_reopened(engine, tmp_path):
    contract.load(engine)
    shutil.rmtree(schema_directory(tmp_path))
    other = TantivyEngine(tmp_path)  # e.g. the drainer, recreating and filling it
    calls = [d for d in contract.corpus() if d.type == "call"]
    other.apply([Change(d.id, 1, d) for d in calls])
    assert {h.id for h in engine.search(SearchQuery()).hits} == {"call:5", "call:6"}


def test_a_corrupted_index_refuses_reads_but_a_rebuild_starts_afresh(tmp_path):
    contract.load(TantivyEngine(tmp_path))
    schema_directory(tmp_path).joinpath("meta.json").write_text("{not json")
    engine = TantivyEngine(tmp_path)  # a new process: opening is deferred, nothing raises
    with pytest.raises(IndexCorrupted):
        engine.search(SearchQuery())
    with pytest.raises(EngineUnavailable):
        contract.load(engine)
    assert engine.rebuild(contract.corpus()) == 6
    assert engine.search(SearchQuery(terms=contract.terms("碳化硅"))).total == 3


def test_a_rebuild_replaces_an_index_with_broken_segment_files(tmp_path):
    contract.load(TantivyEngine(tmp_path))
    for segment in schema_directory(tmp_path).glob("*.store"):
        segment.write_bytes(b"xx")
    engine = TantivyEngine(tmp_path)
    assert engine.rebuild(contract.corpus()[:2]) == 2
    assert engine.num_docs() == 2
