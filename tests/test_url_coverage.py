"""Every route of the platform is requested by at least one test (collected last).

A page that no test requests is a page that can break unnoticed: this is how a form that
crashed and a panel on a wrong route once reached users while the suite was green.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import REQUESTED_ROUTES

OUR_NAMESPACES = {
    "portal",
    "accounts",
    "catalog",
    "campaigns",
    "centres",
    "challenges",
    "directories",
    "docking",
    "chains",
    "verification",
    "notifications",
    "search",
    "reference",
}


def our_routes() -> set[str]:
    def walk(patterns, prefix="", namespace=None):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(
                    entry.url_patterns, prefix + str(entry.pattern), entry.namespace or namespace
                )
            elif isinstance(entry, URLPattern) and (
                namespace in OUR_NAMESPACES or entry.name == "set_language"
            ):
                yield prefix + str(entry.pattern)

    return set(walk(get_resolver().url_patterns))


def test_every_route_is_requested_by_some_test(request):
    if not request.config.whole_suite_selected:
        pytest.skip("judged only when the whole suite runs (make test, CI)")
    missing = sorted(our_routes() - REQUESTED_ROUTES)
    assert missing == [], "routes no test requests: " + ", ".join(missing)
