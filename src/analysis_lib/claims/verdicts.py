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
from analysis_lib.claims.audit import CROSS_CHECK, PRIMARY, AuditResult


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
    from analysis_lib.i18n import translator

    fields = counts.as_dict()
    return translator(lang).ngettext(
        "{claims} claim: {consistent} consistent, {inconsistent} inconsistent ({minor} minor), "
        "{unverifiable} unverifiable",
        "{claims} claims: {consistent} consistent, {inconsistent} inconsistent "
        "({minor} minor), {unverifiable} unverifiable",
        counts.claims,
        **{key: fields[key] for key in ("claims", "consistent", "inconsistent", "minor")},
        unverifiable=fields["unverifiable"],
    )


VERDICT_COLUMNS = (
    "claim_id",
    "role",
    "source",
    "verdict",
    "severity",
    "claimed",
    "computed",
    "gap",
    "gap_value",
    "gap_unit",
    "reason",
    "sources",
)


def verdict_rows(results, claim_ids=None):
    """Return the results of ``claim_ids`` as a DataFrame, each primary row before its
    cross-checks, in ``claim_ids`` order (default: every claim, in the audit's order).

    Parameters
    ----------
    results : iterable of AuditResult
    claim_ids : iterable of str, optional

    Returns
    -------
    pandas.DataFrame
        Columns of :data:`VERDICT_COLUMNS` (object dtype); ``sources`` holds tuples of
        source ids; missing ``severity``, ``computed``, gaps and ``reason`` are None.
    """
    import pandas as pd

    by_claim = {verdict.claim_id: verdict for verdict in claim_verdicts(results)}
    order = list(by_claim) if claim_ids is None else [c for c in claim_ids if c in by_claim]
    rows = []
    for claim_id in order:
        verdict = by_claim[claim_id]
        chosen = [verdict.primary] if verdict.primary is not None else []
        for result in [*chosen, *verdict.cross_checks]:
            rows.append({column: getattr(result, column, None) for column in VERDICT_COLUMNS[1:]})
            rows[-1]["claim_id"] = claim_id
    return pd.DataFrame(rows, columns=list(VERDICT_COLUMNS), dtype=object)


def grouping_dependence(data_dir=None) -> list[dict]:
    """Return, for each structure claim, its verdict under each grouping of goods.

    Parameters
    ----------
    data_dir : Path, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.

    Returns
    -------
    list of dict
        ``{"claim_id", "verdicts": [(grouping key, verdict or None), ...],
        "decides": bool}``: ``decides`` is True when the groupings give different
        verdicts (the first grouping's is the claim's).
    """
    from analysis_lib.claims.evidence import Evidence
    from analysis_lib.claims.registry import load_registry
    from analysis_lib.claims.structure_check import grouping_verdicts

    evidence = Evidence(data_dir)
    found = []
    for claim in load_registry(data_dir).to_dict("records"):
        if claim["check"] != "structure_proxy":
            continue
        verdicts = grouping_verdicts(claim, evidence)
        known = {verdict for _, verdict in verdicts if verdict is not None}
        found.append(
            {"claim_id": claim["claim_id"], "verdicts": verdicts, "decides": len(known) > 1}
        )
    return found


ARTICLE_DATING_CLAIM = "footnote-5-source"
"""The claim whose record dates the article: its footnote 5 cites a page of 2016."""


def article_written_no_earlier_than(results) -> str | None:
    """Return the date (ISO) of the latest page the article cites, or None when unknown.

    It is the record of :data:`ARTICLE_DATING_CLAIM`'s primary result: the article
    was written no earlier than that date, whatever year its own figures end in.
    """
    for result in results:
        if result.id == ARTICLE_DATING_CLAIM and result.role == PRIMARY:
            return result.computed if result.verdict != rules.UNVERIFIABLE else None
    return None
