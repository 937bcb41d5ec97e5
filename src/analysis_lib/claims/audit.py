"""The audit: every registered claim against every source that can check it.

Trade claims (level, growth, slowdown, ratio) are checked against each audit
source of ``analysis_lib.loaders.AUDIT_SOURCES`` (GACC, IMF DOTS as China
reports, IMF DOTS as the partner reports); other claims against the table the
registry names, which is then the result's ``source``. Verdicts follow from
the data and the tolerance rules of :mod:`analysis_lib.claims.rules` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from analysis_lib.claims import rules
from analysis_lib.claims.registry import CHECKS, TRADE_CHECKS, load_registry
from analysis_lib.exceptions import must_be_one_of
from analysis_lib.vocabulary import ALL_SOURCES

# Sources of the claims checked against one table: the tables themselves.
TABLE_SOURCES = tuple(
    dict.fromkeys(
        table
        for check, (_, tables) in CHECKS.items()
        if check not in TRADE_CHECKS
        for table in tables
    )
)


@dataclass(frozen=True)
class AuditResult:
    """The verdict on one claim by one source.

    Attributes
    ----------
    id : str
        The claim's ``claim_id``.
    source : str
        The audit source (``gacc``, ``imf_dots_cn``, ``imf_dots_ru``) or the
        table the claim was checked against (e.g. ``timeline``).
    verdict : str
        ``consistent``, ``inconsistent`` or ``unverifiable``.
    claimed : str
        The claim as the article writes it (``claimed_text``).
    computed : str or None
        What the data give, formatted; None when nothing could be computed.
    explanation : str
        The arithmetic in words: figures, years, source ids, result and rule.
    sources : tuple of str
        Source ids (``sources.csv``) of the figures used, then ``article``.
    """

    id: str
    source: str
    verdict: str
    claimed: str
    computed: str | None
    explanation: str
    sources: tuple[str, ...]

    def as_dict(self) -> dict:
        """Return the result as a JSON-ready dict (``sources`` as a list)."""
        return {
            "id": self.id,
            "source": self.source,
            "verdict": self.verdict,
            "claimed": self.claimed,
            "computed": self.computed,
            "explanation": self.explanation,
            "sources": list(self.sources),
        }


def audit_sources() -> tuple[str, ...]:
    """Return the trade audit sources (``AUDIT_SOURCES`` of the loaders)."""
    from analysis_lib.loaders import AUDIT_SOURCES

    return tuple(AUDIT_SOURCES)


def run_audit(*, source: str = ALL_SOURCES, data_dir: Path | None = None) -> list[AuditResult]:
    """Audit every claim of the registry.

    Parameters
    ----------
    source : str, default "all"
        ``"all"``, one trade audit source (``gacc``, ``imf_dots_cn``,
        ``imf_dots_ru``: only trade claims, against it) or a table name of
        :data:`TABLE_SOURCES` (only the claims checked against that table).
    data_dir : Path, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.

    Returns
    -------
    list of AuditResult
        In registry order; for a trade claim one result per trade source.

    Raises
    ------
    ParameterError
        If ``source`` is not one of the names above.
    ClaimRegistryError
        If the registry names a table, check, column or source that does not exist.
    """
    from analysis_lib.claims.evidence import Evidence
    from analysis_lib.claims.record_checks import RECORD_CHECK_FUNCTIONS
    from analysis_lib.claims.trade_checks import TRADE_CHECK_FUNCTIONS

    trade_sources = audit_sources()
    allowed = (ALL_SOURCES, *trade_sources, *TABLE_SOURCES)
    if source not in allowed:
        raise must_be_one_of("source", source, allowed)
    claims = load_registry(data_dir)
    evidence = Evidence(data_dir)
    results = []
    for claim in claims.to_dict("records"):
        check = claim["check"]
        if check in TRADE_CHECKS:
            chosen = trade_sources if source == ALL_SOURCES else (source,)
            for name in chosen:
                if name in trade_sources:
                    finding = TRADE_CHECK_FUNCTIONS[check](claim, name, evidence)
                    results.append(_result(claim, name, finding))
        elif source in (ALL_SOURCES, claim["table"]):
            finding = RECORD_CHECK_FUNCTIONS[check](claim, evidence)
            results.append(_result(claim, claim["table"], finding))
    return results


def _result(claim: dict, source: str, finding) -> AuditResult:
    cited = tuple(dict.fromkeys([*finding.source_ids, claim["source_id"]]))
    return AuditResult(
        id=claim["claim_id"],
        source=source,
        verdict=finding.verdict,
        claimed=str(claim["claimed_text"]),
        computed=finding.computed,
        explanation=finding.explanation,
        sources=cited,
    )


def verdict_counts(results) -> dict[str, dict[str, int]]:
    """Count verdicts per source.

    Parameters
    ----------
    results : iterable of AuditResult

    Returns
    -------
    dict
        ``{source: {verdict: count}}``, every verdict present (0 when none),
        sources in order of first appearance.
    """
    counts: dict[str, dict[str, int]] = {}
    for result in results:
        per_source = counts.setdefault(result.source, dict.fromkeys(rules.VERDICTS, 0))
        per_source[result.verdict] += 1
    return counts
