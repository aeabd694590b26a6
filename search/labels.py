"""Human labels for facet values (codes in the index), supplied by the apps that own them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

_providers: dict[str, list[Callable[[list[str]], dict[str, str]]]] = {}


def register_labels(facet: str, provider: Callable[[list[str]], dict[str, str]]) -> None:
    """``provider(values) -> {value: label}`` for the values it knows; the app that owns a
    facet's values registers it (several may, each labelling the values it knows)."""
    _providers.setdefault(facet, []).append(provider)


def labels_for(facet: str, values: Iterable[str]) -> dict[str, str]:
    values = list(values)
    found: dict[str, str] = {}
    for provider in _providers.get(facet, []):
        found.update(provider(values))
    return {value: str(found.get(value, value)) for value in values}
