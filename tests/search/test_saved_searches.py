"""Saved searches: keeping a search from the search page, the list of them, and being told
once when records published afterwards match (never of one's own organization's records)."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from elasticsearch.dsl import Search

from catalog import services as catalog_services
from catalog.models import ListingStatus
from notifications.models import Notification
from search import outbox, selectors, services
from search.engines.base import EngineUnavailable, SearchResults, to_timestamp
from search.engines.elasticsearch_engine import build_search
from search.models import SavedSearch
from search.query import SearchParams
from tests.factories import (
    AdminUserFactory,
    OrganizationFactory,
    ProductFactory,
    ResearchResultFactory,
    UserFactory,
    member_of,
)

pytestmark = pytest.mark.django_db
SEARCH = reverse("search:search")
SAVED = reverse("search:saved_search_list")
CREATE = reverse("search:saved_search_create")


# --- helpers ----------------------------------------------------------------------------------


def publish(listing):
    """Publish a listing the way its organization and an administrator do, and index it."""
    catalog_services.listing_submit(actor=member_of(listing.organization), listing=listing)
    catalog_services.listing_publish(actor=AdminUserFactory(), listing=listing)
    outbox.drain()
    return listing


def check() -> int:
    """Run the periodic check as it would run once everything published so far settled."""
    return services.saved_searches_check(now=timezone.now() + services.SETTLE)


def unrelated_product(organization=None):
    return ProductFactory(
        organization=organization or OrganizationFactory(),
        title="工业视觉检测相机",
        summary="用于产线缺陷检测的高速相机。",
        description="全局快门，千兆网口。",
        keywords=["机器视觉"],
    )


def save(user, text="碳化硅", **filters) -> SavedSearch:
    return services.saved_search_create(actor=user, params=SearchParams(text=text, filters=filters))


def notifications_of(user):
    return list(Notification.objects.filter(recipient=user, verb="search.new_matches"))


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def subscriber(client):
    """A signed-in member of an organization, with a publishing organization already known."""
    user = member_of(OrganizationFactory())
    client.force_login(user)
    return user


@pytest.fixture
def supplier():
    """Another organization, verified before anyone saved a search."""
    return OrganizationFactory()


# --- saving from the search page --------------------------------------------------------------


def test_the_search_page_offers_to_save_the_search_shown(client, subscriber):
    response = client.get(SEARCH, {"q": "碳化硅", "type": "product", "trl": "5"})
    assert response.status_code == 200
    page = response.text
    assert 'id="save-search"' in page
    assert 'type="submit" form="save-search"' in page
    # the criteria of the results shown travel with the button
    assert '<input type="hidden" form="save-search" name="q" value="碳化硅">' in page
    assert '<input type="hidden" form="save-search" name="type" value="product">' in page
    assert '<input type="hidden" form="save-search" name="trl" value="5">' in page
    assert SAVED in page


def test_saving_through_the_page_keeps_words_filters_and_trl_and_returns_to_the_results(
    client, subscriber
):
    response = client.post(CREATE, {"q": "碳化硅", "type": "product", "trl": "5"})
    assert response.status_code == 302
    query = parse_qs(urlsplit(response.url).query)
    assert urlsplit(response.url).path == SEARCH
    assert query == {"q": ["碳化硅"], "type": ["product"], "trl": ["5"]}
    saved = SavedSearch.objects.get(user=subscriber)
    assert (saved.name, saved.text, saved.filters, saved.min_trl, saved.paused) == (
        "碳化硅",
        "碳化硅",
        {"type": ["product"]},
        5,
        False,
    )
    assert any("碳化硅" in message for message in messages_of(response))


def test_a_search_without_words_is_named_after_its_filters(client, subscriber):
    client.post(CREATE, {"type": "product", "province": "32"})
    saved = SavedSearch.objects.get(user=subscriber)
    assert saved.text == ""
    assert saved.name  # the labels of the ticked values, never empty
    assert "product" not in saved.name  # labels, not codes


def test_a_visitor_is_asked_to_log_in_to_save(client):
    response = client.get(SEARCH, {"q": "碳化硅"})
    assert 'form="save-search"' not in response.text
    assert reverse("accounts:login") in response.text
    response = client.post(CREATE, {"q": "碳化硅"})
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not SavedSearch.objects.exists()


def test_saving_the_same_search_twice_keeps_one_and_says_so(client, subscriber):
    client.post(CREATE, {"q": "碳化硅", "type": "product"})
    response = client.post(CREATE, {"q": " 碳化硅 ", "type": "product"})
    assert SavedSearch.objects.filter(user=subscriber).count() == 1
    assert any("碳化硅" in message for message in messages_of(response))


def test_the_number_of_saved_searches_is_limited_with_a_clear_message(client, subscriber):
    for n in range(services.SAVED_SEARCH_LIMIT):
        save(subscriber, text=f"模块{n}")
    response = client.post(CREATE, {"q": "再多一个"}, follow=True)
    assert SavedSearch.objects.filter(user=subscriber).count() == services.SAVED_SEARCH_LIMIT
    assert not SavedSearch.objects.filter(text="再多一个").exists()
    assert any(str(services.SAVED_SEARCH_LIMIT) in message for message in messages_of(response))
    # another user is not held by someone else's searches
    other = member_of(OrganizationFactory())
    assert save(other, text="再多一个").user == other


# --- the list page ----------------------------------------------------------------------------


def test_the_list_shows_each_search_with_its_new_results_and_actions(client, subscriber, supplier):
    saved = save(subscriber, type=["product"])
    publish(ProductFactory(organization=supplier))
    publish(ProductFactory(organization=supplier))
    check()
    response = client.get(SAVED)
    assert response.status_code == 200
    page = response.text
    assert "碳化硅" in page
    assert (
        str(response.context["rows"][0].criteria)
        and response.context["rows"][0].criteria[0] == "碳化硅"
    )
    assert response.context["rows"][0].saved_search.unseen_count == 2
    open_url = reverse("search:saved_search_open", args=[saved.pk])
    assert f'href="{open_url}"' in page
    for name in ("rename", "pause", "delete"):
        assert reverse(f"search:saved_search_{name}", args=[saved.pk]) in page


def test_the_list_is_empty_with_a_hint_and_shows_only_ones_own(client, subscriber):
    save(member_of(OrganizationFactory()), text="别人的搜索")
    response = client.get(SAVED)
    assert response.status_code == 200
    assert response.context["rows"] == []
    assert "别人的搜索" not in response.text


def test_the_list_runs_a_constant_number_of_queries(client, subscriber):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SAVED).status_code == 200
        return len(captured.captured_queries)

    save(subscriber, text="一", type=["product"], province=["32"])
    few = queries()
    for n in range(5):
        save(subscriber, text=f"多{n}", type=["result"], province=["11"], maturity=["pilot"])
    assert queries() <= few


def test_opening_a_saved_search_reruns_it_newest_first_and_marks_its_results_seen(
    client, subscriber, supplier
):
    saved = save(subscriber, type=["product"])
    publish(ProductFactory(organization=supplier))
    check()
    response = client.get(reverse("search:saved_search_open", args=[saved.pk]))
    assert response.status_code == 302
    assert urlsplit(response.url).path == SEARCH
    assert parse_qs(urlsplit(response.url).query) == {
        "q": ["碳化硅"],
        "type": ["product"],
        "sort": ["newest"],
    }
    saved.refresh_from_db()
    assert saved.unseen_count == 0
    results = client.get(response.url)
    assert len(results.context["page"].rows) == 1


def test_renaming_through_the_list(client, subscriber):
    saved = save(subscriber)
    response = client.post(
        reverse("search:saved_search_rename", args=[saved.pk]), {"name": "  功率器件  供应商 "}
    )
    assert response.status_code == 302
    saved.refresh_from_db()
    assert saved.name == "功率器件 供应商"
    response = client.post(reverse("search:saved_search_rename", args=[saved.pk]), {"name": "  "})
    saved.refresh_from_db()
    assert saved.name == "功率器件 供应商"
    assert messages_of(response)


def test_deleting_through_the_list(client, subscriber):
    saved = save(subscriber)
    response = client.post(reverse("search:saved_search_delete", args=[saved.pk]), follow=True)
    assert response.status_code == 200
    assert not SavedSearch.objects.filter(pk=saved.pk).exists()
    assert response.context["rows"] == []


# --- someone else's saved search ----------------------------------------------------------------


@pytest.mark.parametrize("action", ["rename", "pause", "resume", "delete"])
def test_another_user_cannot_change_someone_elses_saved_search(client, subscriber, action):
    theirs = save(member_of(OrganizationFactory()), text="别人的搜索")
    response = client.post(
        reverse(f"search:saved_search_{action}", args=[theirs.pk]), {"name": "改名"}
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.paused) == ("别人的搜索", False)


def test_another_user_cannot_open_someone_elses_saved_search(client, subscriber):
    theirs = save(member_of(OrganizationFactory()), text="别人的搜索")
    response = client.get(reverse("search:saved_search_open", args=[theirs.pk]))
    assert response.status_code == 404
    response = client.get(reverse("search:saved_search_open", args=[theirs.pk + 1000]))
    assert response.status_code == 404


def test_the_services_refuse_someone_elses_saved_search(subscriber):
    from core.exceptions import NotAllowed

    theirs = save(member_of(OrganizationFactory()), text="别人的搜索")
    with pytest.raises(NotAllowed):
        services.saved_search_delete(actor=subscriber, saved_search=theirs)
    with pytest.raises(NotAllowed):
        services.saved_search_rename(actor=subscriber, saved_search=theirs, name="改名")
    assert SavedSearch.objects.filter(pk=theirs.pk, name="别人的搜索").exists()


# --- notifications of new matches ---------------------------------------------------------------


def test_a_new_matching_product_notifies_once_even_if_the_check_runs_twice(
    client, subscriber, supplier
):
    saved = save(subscriber, type=["product"])
    publish(ProductFactory(organization=supplier, title="车规级碳化硅模块"))
    assert check() == 1
    assert check() == 0
    [notification] = notifications_of(subscriber)
    assert notification.params == {"name": "碳化硅", "count": 1}
    assert "碳化硅" in notification.text
    assert notification.url == reverse("search:saved_search_open", args=[saved.pk])
    # the user sees it among their notifications, and it leads to the results
    assert "碳化硅" in client.get(reverse("notifications:list")).text
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.url == notification.url


def test_several_new_matches_make_one_notification_per_saved_search_per_run(subscriber, supplier):
    save(subscriber, type=["product"])
    save(subscriber, text="功率模块")
    for _ in range(3):
        publish(ProductFactory(organization=supplier))
    assert check() == 2
    counts = sorted(n.params["count"] for n in notifications_of(subscriber))
    assert counts == [3, 3]


def test_a_non_matching_record_does_not_notify(subscriber, supplier):
    save(subscriber, type=["product"])
    save(subscriber, text="", type=["result"])
    services.saved_search_create(
        actor=subscriber,
        params=SearchParams(text="碳化硅", filters={"type": ["result"]}, min_trl=7),
    )
    publish(unrelated_product(supplier))  # other words
    publish(ResearchResultFactory(organization=supplier, trl=5))  # a result below TRL 7
    check()
    names = sorted(n.params["name"] for n in notifications_of(subscriber))
    # only the search for every result (no words, no TRL) hears of the result
    assert len(names) == 1
    assert "碳化硅" not in names[0]


def test_records_published_before_saving_do_not_notify(subscriber, supplier):
    publish(ProductFactory(organization=supplier))
    save(subscriber, type=["product"])
    assert check() == 0
    assert notifications_of(subscriber) == []


def test_records_of_ones_own_organization_do_not_notify(subscriber, supplier):
    save(subscriber, type=["product"])
    own = subscriber.memberships.get().organization
    publish(ProductFactory(organization=own))
    assert check() == 0
    publish(ProductFactory(organization=own))
    publish(ProductFactory(organization=supplier))
    assert check() == 1
    [notification] = notifications_of(subscriber)
    assert notification.params["count"] == 1


def test_a_user_without_an_organization_hears_of_every_organizations_records(supplier):
    loner = UserFactory()
    save(loner, type=["product"])
    publish(ProductFactory(organization=supplier))
    assert check() == 1
    assert notifications_of(loner)[0].params["count"] == 1


def test_a_record_no_longer_public_is_not_counted(subscriber, supplier):
    save(subscriber, type=["product"])
    product = publish(ProductFactory(organization=supplier))
    product.status = ListingStatus.ARCHIVED
    product.save(update_fields=["status"])
    outbox.index_later("product", product.pk)
    outbox.drain()
    assert check() == 0


def test_pausing_stops_notifications_and_resuming_brings_them_back(client, subscriber, supplier):
    saved = save(subscriber, type=["product"])
    response = client.post(reverse("search:saved_search_pause", args=[saved.pk]))
    assert response.status_code == 302
    publish(ProductFactory(organization=supplier))
    assert check() == 0
    assert notifications_of(subscriber) == []
    # the list still counts what is new
    rows = client.get(SAVED).context["rows"]
    assert (rows[0].saved_search.paused, rows[0].saved_search.unseen_count) == (True, 1)
    client.post(reverse("search:saved_search_resume", args=[saved.pk]))
    assert check() == 0  # not told afterwards of what was published while paused
    publish(ProductFactory(organization=supplier))
    assert check() == 1
    assert notifications_of(subscriber)[0].params["count"] == 1


def test_a_deleted_saved_search_notifies_no_more(client, subscriber, supplier):
    saved = save(subscriber, type=["product"])
    client.post(reverse("search:saved_search_delete", args=[saved.pk]))
    publish(ProductFactory(organization=supplier))
    assert check() == 0
    assert notifications_of(subscriber) == []


def test_a_record_not_yet_indexed_is_counted_by_a_later_check(subscriber, supplier):
    save(subscriber, type=["product"])
    product = ProductFactory(organization=supplier)
    catalog_services.listing_submit(actor=member_of(supplier), listing=product)
    catalog_services.listing_publish(actor=AdminUserFactory(), listing=product)
    # the outbox has not drained yet: the check waits for it rather than skip the record
    assert check() == 0
    outbox.drain()
    assert check() == 1


def test_a_record_published_a_moment_ago_waits_for_the_next_check(subscriber, supplier):
    save(subscriber, type=["product"])
    publish(ProductFactory(organization=supplier))
    assert services.saved_searches_check(now=timezone.now()) == 0
    assert check() == 1


def test_while_the_engine_is_down_nothing_is_lost(subscriber, supplier, monkeypatch):
    saved = save(subscriber, type=["product"])
    publish(ProductFactory(organization=supplier))

    class Down:
        def search(self, query):
            raise EngineUnavailable("connection refused")

    with pytest.raises(EngineUnavailable):
        services.saved_searches_check(now=timezone.now() + services.SETTLE, engine=Down())
    assert SavedSearch.objects.get(pk=saved.pk).checked_until == saved.checked_until
    assert check() == 1


def test_the_periodic_run_checks_saved_searches(subscriber, supplier, monkeypatch):
    save(subscriber, type=["product"])
    product = ProductFactory(organization=supplier)
    catalog_services.listing_submit(actor=member_of(supplier), listing=product)
    catalog_services.listing_publish(actor=AdminUserFactory(), listing=product)
    # what was published has settled by the time the periodic run comes
    monkeypatch.setattr(services, "SETTLE", timedelta(0))
    call_command("run_periodic", "--once")  # drains the outbox, then checks
    call_command("run_periodic", "--once")
    [notification] = notifications_of(subscriber)
    assert notification.params["count"] == 1


def test_an_inactive_user_is_not_notified(subscriber, supplier):
    save(subscriber, type=["product"])
    subscriber.is_active = False
    subscriber.save(update_fields=["is_active"])
    publish(ProductFactory(organization=supplier))
    assert check() == 0


def test_two_runs_counting_the_same_window_at_once_notify_once(subscriber, supplier):
    saved = save(subscriber, type=["product"])
    publish(ProductFactory(organization=supplier))
    until = timezone.now()
    # both runs read the saved search before either recorded its check
    first, second = SavedSearch.objects.get(pk=saved.pk), SavedSearch.objects.get(pk=saved.pk)
    assert services.saved_search_record_check(saved_search=first, until=until, count=1) == 1
    assert services.saved_search_record_check(saved_search=second, until=until, count=1) == 0
    assert len(notifications_of(subscriber)) == 1
    assert SavedSearch.objects.get(pk=saved.pk).unseen_count == 1


def test_own_records_are_left_out_across_pages_of_new_matches(subscriber, supplier, monkeypatch):
    monkeypatch.setattr(selectors, "NEW_MATCHES_PAGE", 2)
    save(subscriber, type=["product"])
    own = subscriber.memberships.get().organization
    for organization in (own, supplier, own, supplier, supplier, own):
        publish(ProductFactory(organization=organization))
    assert check() == 1
    assert notifications_of(subscriber)[0].params["count"] == 3


def test_the_window_of_new_matches_reads_the_same_on_elasticsearch(subscriber):
    # given the query the check sends to the engine
    saved = save(subscriber, type=["product"])
    sent = []

    class Recorder:
        def search(self, query):
            sent.append(query)
            return SearchResults(hits=[], total=0)

    since, until = saved.checked_until, saved.checked_until + timedelta(minutes=5)
    selectors.new_matches_count(
        saved, since=since, until=until, exclude_organization_id=None, engine=Recorder()
    )
    # then Elasticsearch filters on the same published_at bounds, newest first
    body = build_search(sent[0], Search()).to_dict()
    window = {"gte": to_timestamp(since) + 1, "lte": to_timestamp(until)}
    assert {"range": {"published_at": window}} in body["query"]["bool"]["filter"]
    assert body["sort"] == [{"newest_key": {"order": "desc"}}]


def test_a_name_holding_markup_is_shown_as_text(client, subscriber):
    markup = '<script>alert("x")</script>'
    saved = save(subscriber)
    client.post(reverse("search:saved_search_rename", args=[saved.pk]), {"name": markup})
    page = client.get(SAVED).text
    assert markup not in page
    assert "&lt;script&gt;" in page
