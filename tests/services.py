"""Skip a test that needs a real service, or fail it when CI says the service must be there.

``REQUIRED_SERVICES`` (comma-separated: ``postgres``, ``redis``, ``browser``) turns the
skip into a failure, so a CI run can never pass green with a service silently missing.
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
