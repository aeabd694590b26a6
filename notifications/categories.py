"""The kinds of notification a user chooses how to receive, by the prefix of their verb.

Verbs stay plain strings written by the domain apps (``application.submitted``,
``docking.message``), so this app still imports none of them. The table below is read top
to bottom and the first prefix a verb starts with names its category: put a more specific
prefix (``call.invited``) above a general one (``call.``) to send it elsewhere. A verb no
prefix matches falls in ``other``; ``tests/notifications/test_categories.py`` checks that
every verb the code base writes matches a prefix on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Category:
    key: str
    label: Promise


CALLS = Category("calls", _("Calls and invitations"))
APPLICATIONS = Category("applications", _("My applications"))
REVIEWS = Category("reviews", _("Reviews (expert assignments)"))
RECOMMENDATIONS = Category("recommendations", _("Recommendations and directories"))
DOCKING = Category("docking", _("Interests, deals and messages"))
CAMPAIGNS = Category("campaigns", _("Campaigns and nominations"))
DELIVERY = Category("delivery", _("Milestones, funds and delivery"))
OTHER = Category("other", _("Other"))

# In the order the preferences page lists them.
CATEGORIES: tuple[Category, ...] = (
    CALLS,
    APPLICATIONS,
    REVIEWS,
    RECOMMENDATIONS,
    DOCKING,
    CAMPAIGNS,
    DELIVERY,
    OTHER,
)
BY_KEY: dict[str, Category] = {category.key: category for category in CATEGORIES}

# (verb prefix, category), first match wins.
PREFIXES: tuple[tuple[str, Category], ...] = (
    ("call.", CALLS),  # lifecycle, invitations, matches, questions, objections
    ("application.", APPLICATIONS),  # moves of an application, consortium partners
    ("review.", REVIEWS),
    ("recommendation.", RECOMMENDATIONS),
    ("direction.", RECOMMENDATIONS),  # chain directions recommending suppliers
    ("docking.", DOCKING),  # interests, deals, meetings, messages
    ("access.", DOCKING),  # requests to use a chain's shared resources
    ("supplier.", DOCKING),  # applications to become a chain's supplier
    ("campaign.", CAMPAIGNS),
    ("nomination.", CAMPAIGNS),
    ("milestone.", DELIVERY),
    ("tranche.", DELIVERY),  # funds released
    ("first_use.", DELIVERY),  # first-use evidence after the award
    ("booking.", DELIVERY),  # verification platform bookings of an awarded call
    ("search.", OTHER),  # new records matching a saved search
)


def category_of(verb: str, default: Category | None = OTHER) -> Category | None:
    """Return the category of ``verb``: the one of the first prefix it starts with, else
    ``default``."""
    for prefix, category in PREFIXES:
        if verb.startswith(prefix):
            return category
    return default
