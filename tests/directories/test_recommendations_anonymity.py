"""A recommended firm knows whom it was recommended to: the recipient's anonymous calls
(measure 十三) are not offered through a recommendation, and inviting to one is refused."""

import pytest
from django.urls import reverse

from challenges.models import Invitation
from core.exceptions import InvalidState
from directories import services
from tests.factories import CallFactory, handler_of

from .test_recommendations import world  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_an_anonymous_call_is_not_offered_through_a_recommendation(client, world):  # noqa: F811
    recommendation = world.recommend()
    hidden = CallFactory(
        issuer=world.recipient.organization,
        title="匿名发布的攻关榜",
        anonymous=True,
        anonymous_label="某整车企业",
    )
    handler = handler_of(hidden)
    client.force_login(world.recipient_admin)
    page = client.get(reverse("directories:recommendation_detail", args=[recommendation.pk])).text
    assert "匿名发布的攻关榜" not in page

    with pytest.raises(InvalidState):
        services.recommendation_invite(actor=handler, recommendation=recommendation, call=hidden)
    assert not Invitation.objects.exists()
