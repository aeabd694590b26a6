"""Highlight the matched words in the original text (not in the analyzed tokens)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import get_analyzer


def highlight(text: str, terms: set[str] | frozenset[str], *, limit: int = 0) -> SafeString:
    """Return ``text`` escaped, with every word whose term is in ``terms`` in <mark>.

    With ``limit``, return a window of about that many characters around the first match.
    """
    text = text or ""
    spans = []
    for token in get_analyzer().tokens(text, keep_stop_words=True):
        if token.term in terms:
            spans.append((token.start, token.end))
    spans = _merge(spans)
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = spans[0][0] if spans else 0
        start = max(0, first - limit // 4)
        end = min(len(text), start + limit)
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, cursor), min(span_end, end)
        if span_start < cursor:
            continue
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join overlapping spans (search mode yields words and the words inside them)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
