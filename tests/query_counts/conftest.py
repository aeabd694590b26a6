"""The ``holds_constant`` guard of the query-count tests."""

from collections.abc import Callable

import pytest

from tests.query_counts.helpers import CEILING, GROWTH, SMALL


@pytest.fixture
def holds_constant(client, django_assert_max_num_queries):
    """Return a check: ``grow(n)`` adds n rows of everything the page shows."""

    def check(path: str, grow: Callable[[int], None]):
        grow(SMALL)
        client.get(path)  # the first request fills per-process caches; measure the second
        with django_assert_max_num_queries(CEILING) as small:
            response = client.get(path)
        assert response.status_code == 200
        grow(SMALL * GROWTH - SMALL)
        with django_assert_max_num_queries(len(small.captured_queries)):
            response = client.get(path)
        assert response.status_code == 200
        return response

    return check
