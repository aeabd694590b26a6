"""Small text helpers shared by every app's forms and models."""

import re

_TERM_SEPARATORS = re.compile(r"[,，、;；\n]+")


def split_terms(text: str) -> list[str]:
    """Split a comma-, 顿号- or line-separated list a user typed into distinct, trimmed terms."""
    seen: dict[str, None] = {}
    for term in _TERM_SEPARATORS.split(text or ""):
        term = term.strip()
        if term:
            seen.setdefault(term, None)
    return list(seen)
