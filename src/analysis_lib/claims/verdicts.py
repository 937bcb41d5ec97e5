"""Per-claim verdicts and the headline counts every report, the index and the CLI give.

:func:`claim_verdicts` groups audit results per claim: the primary verdict and
the cross-checks beside it. :func:`headline_counts` counts claims (not
results) by primary verdict, a restated claim once, and names the minor
failures; :func:`headline_sentence` says it in English or Russian:
"24 claims: 17 consistent, 6 inconsistent (2 minor), 1 unverifiable".
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis_lib.claims import rules
from analysis_lib.claims.audit import CROSS_CHECK, PRIMARY, REASONS, AuditResult


@dataclass(frozen=True)
class ClaimVerdict:
    """One claim's primary verdict and the cross-checks shown beside it.

    ``primary`` is None only when the results were filtered to a source that is
    not the claim's primary one.
    """

    claim_id: str
    primary: AuditResult | None
    cross_checks: tuple[AuditResult, ...]

    @property
    def restates(self) -> str | None:
        """The claim this one restates (it counts once in the headline), or None."""
        return self.primary.restates if self.primary is not None else None


@dataclass(frozen=True)
class HeadlineCounts:
    """Claims counted by primary verdict; a restated claim counts once.

    ``minor`` counts the inconsistent claims whose severity is ``minor``;
    ``severities`` counts every severity over all counted claims; ``cross_checks``
    is the number of cross-check results (never counted as claims).
    """

    claims: int
    consistent: int
    inconsistent: int
    minor: int
    unverifiable: int
    severities: dict
    cross_checks: int

    def as_dict(self) -> dict:
        """Return the counts as a JSON-ready dict."""
        return {
            "claims": self.claims,
            "consistent": self.consistent,
            "inconsistent": self.inconsistent,
            "minor": self.minor,
            "unverifiable": self.unverifiable,
            "severities": dict(self.severities),
            "cross_checks": self.cross_checks,
        }


HEADLINE = {
    "en": (
        "{claims} claims: {consistent} consistent, {inconsistent} inconsistent "
        "({minor} minor), {unverifiable} unverifiable"
    ),
    "ru": (
        "Утверждений: {claims}; согласуется — {consistent}, не согласуется — {inconsistent} "
        "(из них незначительно — {minor}), проверить невозможно — {unverifiable}"
    ),
}
"""The headline sentence, by language (counts by primary verdict, per claim)."""


def claim_verdicts(results) -> list[ClaimVerdict]:
    """Group audit results per claim, in the audit's order.

    Parameters
    ----------
    results : iterable of AuditResult
        From :func:`analysis_lib.claims.audit.run_audit`.

    Returns
    -------
    list of ClaimVerdict
    """
    primaries: dict[str, AuditResult | None] = {}
    crosses: dict[str, list[AuditResult]] = {}
    for result in results:
        primaries.setdefault(result.id, None)
        crosses.setdefault(result.id, [])
        if result.role == PRIMARY:
            primaries[result.id] = result
        elif result.role == CROSS_CHECK:
            crosses[result.id].append(result)
    return [
        ClaimVerdict(claim_id, primaries[claim_id], tuple(crosses[claim_id]))
        for claim_id in primaries
    ]


def headline_counts(results) -> HeadlineCounts:
    """Count claims by primary verdict, a restated claim once; name the minor failures.

    Parameters
    ----------
    results : iterable of AuditResult

    Returns
    -------
    HeadlineCounts
    """
    results = list(results)
    counted = [
        verdict.primary
        for verdict in claim_verdicts(results)
        if verdict.primary is not None and verdict.restates is None
    ]
    by_verdict = {v: sum(r.verdict == v for r in counted) for v in rules.VERDICTS}
    severities = {s: sum(r.severity == s for r in counted) for s in rules.SEVERITIES}
    minor = sum(r.verdict == rules.INCONSISTENT and r.severity == rules.MINOR for r in counted)
    return HeadlineCounts(
        claims=len(counted),
        consistent=by_verdict[rules.CONSISTENT],
        inconsistent=by_verdict[rules.INCONSISTENT],
        minor=minor,
        unverifiable=by_verdict[rules.UNVERIFIABLE],
        severities=severities,
        cross_checks=sum(r.role == CROSS_CHECK for r in results),
    )


def headline_sentence(counts: HeadlineCounts, lang: str = "en") -> str:
    """Return the headline, e.g. "24 claims: 17 consistent, 6 inconsistent (2 minor), ...".

    Parameters
    ----------
    counts : HeadlineCounts
    lang : {'en', 'ru'}
    """
    from analysis_lib.params import check_lang

    return HEADLINE[check_lang(lang)].format(**counts.as_dict())


def reason_text(code: str | None) -> str:
    """Return the English sentence of a cross-check's reason code ("" for None)."""
    return REASONS.get(code, "") if code else ""
