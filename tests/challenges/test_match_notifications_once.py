"""The task telling matching organizations of a new call is idempotent: the broker may run
it twice (a retry, a redelivery after a worker died), and nobody is told twice."""

import pytest

from catalog.models import ListingStatus
from challenges import services as call_services
from challenges.tasks import notify_matches
from notifications.models import Notification
from tests.factories import (
    AdminUserFactory,
    CallFactory,
    OrganizationFactory,
    ProductFactory,
    member_of,
)
from tests.search.test_pages import index

pytestmark = pytest.mark.django_db


def test_running_the_match_task_again_tells_nobody_twice(
    settings, django_capture_on_commit_callbacks
):
    # given: a published call that matches an organization which opted in
    settings.SEARCH_INDEX_ON_COMMIT = True
    keen = OrganizationFactory(match_notifications=True)
    ProductFactory(
        organization=keen,
        status=ListingStatus.PUBLISHED,
        title="碳化硅功率模块银烧结封装",
        summary="银烧结碳化硅模块封装",
    )
    keen_admin = member_of(keen)
    index(*ProductFactory._meta.model.objects.all())
    call = CallFactory(
        status="pending_review",
        published_at=None,
        title="碳化硅功率模块银烧结封装攻关",
        summary="银烧结碳化硅模块封装",
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_services.call_publish(actor=AdminUserFactory(), call=call)
    matched = Notification.objects.filter(recipient=keen_admin, verb="call.matched")
    assert matched.count() == 1
    # when: the task runs again for the same call
    again = notify_matches.apply(args=[call.pk]).get()
    # then: nobody is told a second time
    assert again == 0
    assert matched.count() == 1
