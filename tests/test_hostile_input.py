"""Bad input gets a clear answer, never a server error, on SQLite and PostgreSQL alike.

Every page of the platform that takes no id is requested with hostile query parameters,
and every page that takes one is requested with ids no database column can hold. The test
client re-raises any exception a view lets through, so a 500 fails the test by name.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import OrganizationFactory, member_of

pytestmark = pytest.mark.django_db

OUR_NAMESPACES = {
    "portal",
    "accounts",
    "catalog",
    "challenges",
    "directories",
    "docking",
    "campaigns",
    "centres",
    "chains",
    "verification",
    "notifications",
    "search",
    "reference",
}
HOSTILE_PARAMETERS = {
    "node": "9223372036854775808",
    "chain_node": "99999999999999999999",
    "chain": "../../etc",
    "page": "99999999999999999999999",
    "after": "-1",
    "trl": "nine",
    "sort": "<script>alert(1)</script>",
    "kind": "x" * 2000,
    "status": "'; drop table x; --",
    "province": "99",
    "section": "ZZ",
    "division": "-1",
    "q": "（全角）" * 200,
    "open": "maybe",
}


def routes():
    def walk(patterns, prefix="", namespace=None):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(
                    entry.url_patterns, prefix + str(entry.pattern), entry.namespace or namespace
                )
            elif isinstance(entry, URLPattern) and namespace in OUR_NAMESPACES:
                yield "/" + prefix + str(entry.pattern), entry

    return list(walk(get_resolver().url_patterns))


def pages_without_ids():
    return sorted({route for route, pattern in routes() if not pattern.pattern.converters})


def pages_with_ids():
    result = set()
    for route, pattern in routes():
        converters = pattern.pattern.converters
        if converters and all(type(c).__name__ == "IdConverter" for c in converters.values()):
            result.add(route)
    return sorted(result)


@pytest.fixture(params=["anonymous", "member"])
def visitor(request, client):
    if request.param == "member":
        client.force_login(member_of(OrganizationFactory()))
    return client


@pytest.mark.parametrize("route", pages_without_ids())
def test_hostile_query_parameters_get_an_answer_not_a_500(visitor, route):
    response = visitor.get(route, HOSTILE_PARAMETERS)
    assert response.status_code in (200, 302, 400, 403, 404, 405)


@pytest.mark.parametrize("route", pages_without_ids())
def test_a_nul_character_in_any_parameter_is_refused_clearly(visitor, route):
    response = visitor.get(route, {"q": "a\x00b", "chain": "\x00", "section": "\x00"})
    assert response.status_code == 400
    assert "NUL" in response.text


def test_a_nul_character_in_a_form_is_refused_before_any_view(client):
    client.force_login(member_of(OrganizationFactory()))
    response = client.post("/organizations/new/", {"name": "某\x00公司"})
    assert response.status_code == 400


@pytest.mark.parametrize("route", pages_with_ids())
def test_ids_no_column_can_hold_are_not_found(visitor, route):
    import re

    too_big = re.sub(r"<id:\w+>", "99999999999999999999", route)
    largest = re.sub(r"<id:\w+>", "922337203685477580", route)
    for path in (too_big, largest):
        response = visitor.get(path)
        assert response.status_code in (302, 404, 405), path
