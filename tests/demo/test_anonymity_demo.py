"""The demo's anonymous call (measure 十三): published as 某新能源整车企业, with two applicants,
the issuer's name revealed to one. Seeding twice adds nothing."""

import pytest
from django.core.management import call_command
from django.test import Client

from challenges.models import Call, IssuerReveal
from demo.anonymity import ANONYMOUS_CALL

pytestmark = pytest.mark.django_db


def test_the_demo_anonymous_call_exists_and_seeding_again_adds_nothing():
    call_command("seed_demo", "--quiet")
    call = Call.objects.select_related("issuer").get(title=ANONYMOUS_CALL["title"])
    assert call.anonymous and call.anonymous_label == ANONYMOUS_CALL["label"] and call.is_open
    reveal = IssuerReveal.objects.get(call=call)
    applicants = {
        a.applicant_id: a.applicant for a in call.applications.select_related("applicant")
    }
    assert len(applicants) == 2 and reveal.organization_id in applicants

    def page_for(organization):
        client = Client()
        client.force_login(organization.memberships.filter(status="active").first().user)
        return client.get(call.get_absolute_url()).text

    assert call.issuer.name in page_for(reveal.organization)
    other = next(o for pk, o in applicants.items() if pk != reveal.organization_id)
    page = page_for(other)
    assert call.issuer.name not in page and ANONYMOUS_CALL["label"] in page
    assert call.issuer.name not in Client().get(call.get_absolute_url()).text

    counts = (Call.objects.count(), IssuerReveal.objects.count())
    call_command("seed_demo", "--quiet")
    assert (Call.objects.count(), IssuerReveal.objects.count()) == counts
