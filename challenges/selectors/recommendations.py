"""Recommended solvers of a call: matches grouped by organization, on a relevance scale."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from accounts.models import Organization
from search.matching import Match

from .. import rules
from ..models import REACHED_ISSUER, Application, ApplicationStatus, Call, Invitation

# Relevance on a human scale. An organization's score is the score of its best match (its
# profile, a product or a result): summing would favour a catalogue of near-identical
# listings over one precise solution. Raw scores compare only within one call (they mix the
# engine's relevance, the share of the call's key-term weight matched and the boosts), so the
# scale is relative to the best organization for the same call, which always reads as a
# strong match. Each level holds from its share of the best score up to the next level.
RELEVANCE_FLOOR = 0.3  # below 30 % of the best score an organization is left out


RELEVANCE_LEVELS = (
    (0.75, "strong", gettext_lazy("Strong match")),  # 高度匹配
    (0.5, "good", gettext_lazy("Good match")),  # 较匹配
    (RELEVANCE_FLOOR, "possible", gettext_lazy("Possibly relevant")),  # 可能相关
)


# Key terms shown in an entry's explanation, the heaviest first.
EXPLAINED_TERMS = 8


@dataclass
class SolverEntry:
    """One recommended organization for a call, with what matched and where it stands."""

    organization: Organization
    score: float
    share: float
    level: str
    label: str
    matches: list[Match]
    invitation: Invitation | None = None
    application: Application | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def listings(self) -> list[Match]:
        """Its matching products and results, best first (its profile is not a listing)."""
        return [match for match in self.matches if match.hit.type != "organization"]

    @property
    def matched_terms(self) -> list[str]:
        weights: dict[str, float] = {}
        for match in self.matches:
            for term, weight in match.matched_terms:
                weights[term] = max(weight, weights.get(term, 0.0))
        ranked = sorted(weights.items(), key=lambda pair: (-pair[1], pair[0]))
        return [term for term, _weight in ranked[:EXPLAINED_TERMS]]

    @property
    def matched_facets(self) -> list[tuple[object, str]]:
        seen: dict[tuple[str, str], tuple[object, str]] = {}
        for match in self.matches:
            for label, value in match.matched_facets:
                seen.setdefault((str(label), value), (label, value))
        return list(seen.values())

    @property
    def boosts(self) -> list[tuple[object, float]]:
        values: dict[str, tuple[object, float]] = {}
        for match in self.matches:
            for label, value in match.boosts:
                kept = values.get(str(label))
                if kept is None or value > kept[1]:
                    values[str(label)] = (label, value)
        return list(values.values())


def relevance_level(share: float) -> tuple[str, object] | None:
    """Return the (level, label) of a score that is ``share`` of the best, or None below the
    floor."""
    for threshold, level, label in RELEVANCE_LEVELS:
        if share >= threshold:
            return level, label
    return None


def solver_entries(call: Call, matches: list[Match], *, limit: int) -> list[SolverEntry]:
    """Group a call's matches by organization into at most ``limit`` entries, best first
    (ties by organization id, so the order holds between loads), each with the issuer's
    invitation and the organization's submitted application, if any.

    Left out: matches without an organization or without a shared key term, and
    organizations scoring below ``RELEVANCE_FLOOR`` of the best. Three queries, whatever
    the number of entries.
    """
    grouped: dict[int, list[Match]] = {}
    for match in matches:
        organization_id = match.hit.organization_id
        if organization_id is None or organization_id == call.issuer_id:
            continue
        if not match.matched_terms:
            continue
        grouped.setdefault(organization_id, []).append(match)
    if not grouped:
        return []
    scores = {pk: max(m.score for m in group) for pk, group in grouped.items()}
    best = max(scores.values()) or 1.0
    ranked = sorted(scores, key=lambda pk: (-scores[pk], pk))
    kept = []
    for pk in ranked:
        level = relevance_level(scores[pk] / best)
        if level is None:
            break
        kept.append((pk, level))
        if len(kept) >= limit:
            break
    ids = [pk for pk, _level in kept]
    organizations = Organization.objects.in_bulk(ids)
    invitations = {
        invitation.organization_id: invitation
        for invitation in Invitation.objects.filter(
            call=call, organization_id__in=ids
        ).select_related("invited_by")
    }
    applications = {
        application.applicant_id: application
        for application in call.applications.filter(REACHED_ISSUER, applicant_id__in=ids).exclude(
            status=ApplicationStatus.WITHDRAWN
        )
    }
    entries = []
    for pk, (level, label) in kept:
        organization = organizations.get(pk)
        if organization is None:  # removed since it was indexed
            continue
        entries.append(
            SolverEntry(
                organization=organization,
                score=scores[pk],
                share=scores[pk] / best,
                level=level,
                label=label,
                matches=sorted(grouped[pk], key=lambda m: (-m.score, m.hit.id)),
                invitation=invitations.get(pk),
                application=applications.get(pk),
                problems=rules.eligibility_problems(organization, call) if call.is_open else [],
            )
        )
    return entries
