"""The declared dependencies, the lock and the imports agree.

``make lock-check`` (run by .ci/run) regenerates requirements/lock.txt and compares it whole,
which needs the package index; these checks need no network and catch the usual slips at once:
a dependency changed in pyproject.toml without ``make lock``, an import of a package nobody
declared, a declared package nothing uses.
"""

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

BASE_DIR = Path(__file__).resolve().parents[2]
LOCK = BASE_DIR / "requirements" / "lock.txt"
SKIPPED_DIRS = {".venv", "var", "build", "node_modules"}

# Declared packages that the code uses without importing them by name, and where.
USED_WITHOUT_IMPORT = {
    "channels-redis": "CHANNEL_LAYERS when REDIS_URL is set (config/settings.py)",
    "daphne": "INSTALLED_APPS (runserver) and the server of `make run` and platform/",
    "django-csp": "INSTALLED_APPS and MIDDLEWARE",
    "django-htmx": "INSTALLED_APPS and MIDDLEWARE",
    "psycopg": "Django's PostgreSQL backend, when DATABASE_URL is a postgres:// URL",
    "pytest-cov": "coverage in .ci/run (`make test PYTEST_ARGS=--cov`)",
    "pytest-django": "the pytest plugin behind every database test",
    "ruff": "`make test` lints with it",
    "whitenoise": "MIDDLEWARE and STORAGES (static files with DEBUG off)",
}


def declared() -> list[Requirement]:
    project = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]
    lines = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        lines.extend(extra)
    return [Requirement(line) for line in lines]


def project_name() -> str:
    return tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]["name"]


def locked() -> dict[str, dict]:
    """Return each locked package with its pinned versions and the packages requiring it."""
    packages: dict[str, dict] = {}
    current = None
    for line in LOCK.read_text().splitlines():
        pin = re.match(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)", line)
        if pin:
            current = packages.setdefault(
                canonicalize_name(pin[1]), {"versions": set(), "required_by": set()}
            )
            current["versions"].add(pin[2])
            continue
        via = re.match(r"^\s+#\s+(?:via\s+)?(\S.*)$", line)
        if current is not None and via and via[1] != "via":
            current["required_by"].add(via[1].strip())
    return packages


def imported_modules() -> set[str]:
    """Return the top-level modules the project imports that are neither its own nor stdlib."""
    modules = set()
    for path in BASE_DIR.rglob("*.py"):
        relative = path.relative_to(BASE_DIR)
        if relative.parts[0] in SKIPPED_DIRS or relative.parts[0].startswith("."):
            continue
        for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                is_own = any(
                    (folder / top).is_dir() or (folder / f"{top}.py").exists()
                    for folder in (BASE_DIR, path.parent)
                )
                if not is_own and top not in sys.stdlib_module_names:
                    modules.add(top)
    return modules


def test_every_declared_requirement_is_locked_at_a_version_it_admits():
    lock = locked()
    for requirement in declared():
        entry = lock.get(canonicalize_name(requirement.name))
        assert entry, f"{requirement.name} is declared but not locked: run make lock"
        versions = sorted(entry["versions"])
        assert any(requirement.specifier.contains(v, prereleases=True) for v in versions), (
            f"{requirement} does not admit the locked {versions}: run make lock"
        )


def test_the_lock_requires_nothing_in_the_projects_name_that_is_not_declared():
    # given: what the declared packages' extras (psycopg[binary], ...) add in the project's name
    names = {canonicalize_name(r.name) for r in declared()}
    from_extras = {
        canonicalize_name(Requirement(line).name)
        for requirement in declared()
        if requirement.extras
        for line in metadata.requires(requirement.name) or []
    }
    origin = f"{project_name()} (pyproject.toml)"

    # when
    undeclared = {
        name
        for name, entry in locked().items()
        if origin in entry["required_by"] and name not in names | from_extras
    }

    # then
    assert not undeclared, f"locked for the project but no longer declared: {undeclared}"


def test_every_third_party_import_is_declared():
    providers = metadata.packages_distributions()
    names = {canonicalize_name(r.name) for r in declared()}
    undeclared = {
        module: providers.get(module, ["?"])
        for module in imported_modules()
        if not names & {canonicalize_name(d) for d in providers.get(module, [])}
    }
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_every_declared_package_is_imported_or_known_to_be_used_otherwise():
    providers = metadata.packages_distributions()
    imported = {
        canonicalize_name(d) for module in imported_modules() for d in providers.get(module, [])
    }
    names = {canonicalize_name(r.name) for r in declared()}

    unused = names - imported - set(USED_WITHOUT_IMPORT)
    stale = set(USED_WITHOUT_IMPORT) - (names - imported)
    assert not unused, f"declared but used nowhere (drop it, or say where in the list): {unused}"
    assert not stale, f"USED_WITHOUT_IMPORT names packages no longer in that case: {stale}"
