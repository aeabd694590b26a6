"""Every route is reachable: no pattern is shadowed by one listed before it."""

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, SlugConverter, StringConverter

from config.converters import IdConverter

SAMPLES = {
    IdConverter: "7",
    IntConverter: "7",
    SlugConverter: "sample-slug",
    StringConverter: "sample",
}
OUR_NAMESPACES = {
    "portal",
    "accounts",
    "catalog",
    "challenges",
    "notifications",
    "search",
    "reference",
}


def walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(
                entry.url_patterns,
                prefix + str(entry.pattern),
                entry.namespace or namespace,
            )
        elif isinstance(entry, URLPattern):
            yield prefix, entry, namespace


def sample_path(prefix: str, pattern: URLPattern) -> str:
    route = prefix + str(pattern.pattern)
    for name, converter in pattern.pattern.converters.items():
        sample = SAMPLES[type(converter)]
        kinds = ("id", "int", "slug", "str")
        for spelling in (f"<{name}>", *(f"<{kind}:{name}>" for kind in kinds)):
            route = route.replace(spelling, sample)
    return "/" + route


def test_no_route_is_shadowed_by_an_earlier_one():
    shadowed = []
    for prefix, pattern, namespace in walk(get_resolver().url_patterns):
        if namespace not in OUR_NAMESPACES or not pattern.name:
            continue
        path = sample_path(prefix, pattern)
        match = resolve(path)
        if match.url_name != pattern.name or match.func != pattern.callback:
            shadowed.append((path, f"{namespace}:{pattern.name}", match.view_name))
    assert shadowed == []
