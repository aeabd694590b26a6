"""Skip a test that needs a real service, or fail it when CI says the service must be there.

``REQUIRED_SERVICES`` (comma-separated: ``postgres``, ``redis``, ``browser``) turns the
skip into a failure, so a CI run can never pass green with a service silently missing.

Redis suites (``pytest.mark.redis``) call ``need_redis()``: it checks that ``REDIS_URL`` is
set and answers. Only the tests that need it get ``REDIS_URL``: with it set, Celery stops
running tasks in-process and the cache and channel layer move to Redis for the whole run
(.ci/run gives it to the redis-marked tests alone). Each suite uses a database number of its
own (``redis://127.0.0.1:6379/13``) and may empty it.
"""

from __future__ import annotations

import os

import pytest


def required_services() -> set[str]:
    return {s.strip() for s in os.environ.get("REQUIRED_SERVICES", "").split(",") if s.strip()}


def need(service: str, available: bool, reason: str) -> None:
    """Skip (or fail, when required) unless ``available``."""
    if available:
        return
    if service in required_services():
        pytest.fail(f"{service} is required here (REQUIRED_SERVICES) but missing: {reason}")
    pytest.skip(f"{service} not available: {reason}")


def redis_unavailable() -> str:
    """Why the Redis of ``REDIS_URL`` cannot be used by a test, or ``""`` when it can."""
    from django.conf import settings

    if not settings.REDIS_URL:
        return "REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379/13)"
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        return f"no answer from REDIS_URL: {error}"
    return ""


def need_redis() -> None:
    """Skip (or fail, when ``redis`` is required) unless the Redis of ``REDIS_URL`` answers."""
    reason = redis_unavailable()
    need("redis", not reason, reason)
