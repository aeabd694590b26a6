"""Apps import one way only (DESIGN.md §6): a domain app imports only the domain apps below
it and the shared services; the services import no domain app."""

import re
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)
# Domain apps, highest first: each may import the ones after it.
DOMAIN = [
    "portal",
    "docking",
    "chains",
    "verification",
    "directories",
    "campaigns",
    "challenges",
    "centres",
    "catalog",
    "accounts",
    "reference",
]
# Services every domain app may call; they import no domain app (nor each other, but core).
SERVICES = {
    "core": set(),
    "workflow": {"core"},
    "uploads": {"core"},
    "notifications": {"core"},
    "search": {"core", "notifications"},
}
IMPORT = re.compile(r"^\s*(?:from|import)\s+([a-z_]+)", re.MULTILINE)


def imported_apps(app: str) -> set[str]:
    found = set()
    for path in (BASE / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        found |= set(IMPORT.findall(path.read_text())) & (set(DOMAIN) | set(SERVICES))
    return found - {app}


def test_services_import_no_domain_app():
    wrong = {app: imported_apps(app) - allowed for app, allowed in SERVICES.items()}
    assert {app: names for app, names in wrong.items() if names} == {}


def test_domain_apps_import_only_the_apps_below_them():
    wrong = {}
    for position, app in enumerate(DOMAIN):
        allowed = set(DOMAIN[position + 1 :]) | set(SERVICES)
        extra = imported_apps(app) - allowed
        if extra:
            wrong[app] = extra
    assert wrong == {}
