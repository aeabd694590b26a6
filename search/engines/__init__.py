"""Pick the engine from the settings: Elasticsearch when ELASTICSEARCH_URL is set, else the
embedded tantivy index under SEARCH_INDEX_DIR. One engine object per process."""

from __future__ import annotations

import threading

from django.conf import settings

from .base import EngineUnavailable, SearchEngine, SearchQuery, SearchResults

__all__ = ["EngineUnavailable", "SearchEngine", "SearchQuery", "SearchResults", "get_engine"]

_engines: dict[tuple, SearchEngine] = {}
_lock = threading.Lock()


def get_engine() -> SearchEngine:
    key = (settings.ELASTICSEARCH_URL, str(settings.SEARCH_INDEX_DIR))
    engine = _engines.get(key)
    if engine is None:
        with _lock:
            engine = _engines.get(key)
            if engine is None:
                if settings.ELASTICSEARCH_URL:
                    from .elasticsearch_engine import ElasticsearchEngine

                    engine = ElasticsearchEngine(
                        settings.ELASTICSEARCH_URL, prefix=settings.ELASTICSEARCH_INDEX_PREFIX
                    )
                else:
                    from .tantivy_engine import TantivyEngine

                    engine = TantivyEngine(settings.SEARCH_INDEX_DIR)
                _engines[key] = engine
    return engine
