"""The experts of a competition's first round can be asked again for the next round."""

import pytest

from accounts.models import Expert
from challenges import services
from challenges.models import Assignment
from tests.challenges.test_offered_moves import competition_in_evaluation, score_current_round

pytestmark = pytest.mark.django_db


def test_first_round_experts_are_offered_again_in_the_final_round(client):
    # given a competition whose first round was scored and whose best entry advanced
    call, applications, issuer = competition_in_evaluation()
    score_current_round(call, applications, issuer)
    services.call_panel_close(actor=issuer, call=call)
    services.round_advance(actor=issuer, call=call, applications=[applications[0]])
    finalist = applications[0]
    round_one_experts = set(
        Assignment.objects.filter(application=finalist).values_list("expert_id", flat=True)
    )
    # when the issuer opens the finalist's page
    client.force_login(issuer)
    page = client.get(finalist.get_absolute_url()).text
    # then the same experts are in the list for the final round, and can be assigned
    for expert_id in round_one_experts:
        assert f'<option value="{expert_id}">' in page
    expert = Expert.objects.get(pk=min(round_one_experts))
    response = client.post(
        f"/applications/{finalist.pk}/experts/", {"expert": expert.pk}, follow=True
    )
    assert response.status_code == 200
    assert Assignment.objects.filter(application=finalist, expert=expert).count() == 2
