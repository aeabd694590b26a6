"""Journey in Chromium: a new user works in English from sign-up to a verified organization."""

import pytest

from tests.e2e.conftest import log_in
from tests.factories import AdminUserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_user_works_in_english_from_sign_up_to_a_verified_organization(
    page, screenshots, indexing
):
    import re

    from django.core import mail

    from accounts.models import Organization, VerificationStatus
    from tests.factories import PublishedProductFactory, make_credit_code

    admin = AdminUserFactory()
    PublishedProductFactory(
        title="高能量密度磷酸铁锂电池模组", summary="储能电池模组，循环寿命6000次"
    )
    from search import outbox

    outbox.index_later("product", PublishedProductFactory._meta.model.objects.get().pk)
    outbox.drain()

    # 1. a visitor switches the platform to English and signs up
    page.goto("/")
    page.select_option("#language-select", "en")
    page.wait_for_selector("text=Open calls")
    page.click("text=Sign up")
    page.fill("#id_username", "li.wei")
    page.fill("#id_name", "Li Wei")
    page.fill("#id_email", "li.wei@example.cn")
    page.fill("#id_password1", "Strong-pass-2026")
    page.fill("#id_password2", "Strong-pass-2026")
    page.click("form button[type=submit]")
    page.wait_for_selector("text=Check your mail")
    screenshots(page, "check-your-mail")

    # 2. follows the activation link from the e-mail and confirms the password
    link = re.search(r"https?://\S+/accounts/activate/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.fill("input[type=password]", "Strong-pass-2026")
    page.click("form button[type=submit]")
    page.wait_for_url("**/dashboard/")

    # 3. registers an SME and finds, in English, a Chinese product about batteries
    page.click("text=Register an organization")
    page.select_option("#id_kind", "sme")
    page.fill("#id_name", "Suzhou Volta Storage Co., Ltd.")
    page.fill("#id_credit_code", make_credit_code())
    page.select_option("#id_province", "32")
    page.click("main form button[type=submit]")
    page.wait_for_selector(".alert-success")
    organization = Organization.objects.get(name="Suzhou Volta Storage Co., Ltd.")
    assert organization.verification_status == VerificationStatus.PENDING
    page.goto("/search/?q=battery")
    page.wait_for_selector("text=磷酸铁锂电池模组")
    screenshots(page, "english-search-finds-chinese")

    # 4. an administrator, also in English, verifies the organization
    log_in(page, admin)
    page.select_option("#language-select", "en")
    page.wait_for_selector("html[lang=en]")
    page.goto("/review/")
    assert page.locator("h1:has-text('Review queue')").count() == 1
    page.locator("div.row-between", has_text=organization.name).locator(
        "button:has-text('Verify')"
    ).click()
    page.wait_for_selector(".alert-success")
    organization.refresh_from_db()
    assert organization.verification_status == VerificationStatus.VERIFIED
    screenshots(page, "review-queue-in-english")
