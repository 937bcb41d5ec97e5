"""The audit: every registered claim against its primary source, with cross-checks beside it.

Each claim names its primary source (``primary_source`` in the registry: for
trade figures China's official figures, for dated events the record named by
the claim's filters). Its verdict is judged against that source: one result of
role ``primary`` per claim. Every other trade source that has a figure for a
trade claim gives a result of role ``cross-check``, with its gap to the
primary figure and the reason the two sources differ. Cross-checks never enter
the headline counts (:mod:`analysis_lib.claims.verdicts`). Verdicts follow from
the data and the tolerance rules of :mod:`analysis_lib.claims.rules` only.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from analysis_lib.claims import rules
from analysis_lib.claims.registry import (
    CHECKS,
    TRADE_CHECKS,
    load_registry,
    primary_source_of,
    restated_claim,
)
from analysis_lib.exceptions import must_be_one_of
from analysis_lib.i18n import N_
from analysis_lib.phrases import Figure, Phrase, joined, phrase
from analysis_lib.vocabulary import ALL_SOURCES, ROLES

PRIMARY, CROSS_CHECK = ROLES

# Sources of the claims checked against one table: the tables themselves.
TABLE_SOURCES = tuple(
    dict.fromkeys(
        table
        for check, (_, tables) in CHECKS.items()
        if check not in TRADE_CHECKS
        for table in tables
    )
)

# Why a cross-check's figure differs from China's official one, as far as the
# data say: the reason code and its sentence.
REASONS = {
    "revision": N_(
        "same reporter (China) and valuation (exports FOB + imports CIF) as the official "
        "figure: the IMF's data carry China's later revisions"
    ),
    "other_reporter": N_(
        "other reporter: the partner's own records of its trade with China, its imports "
        "valued CIF where China's exports are FOB, and its exports FOB where China's "
        "imports are CIF"
    ),
    "other_official": N_(
        "another official Chinese figure (customs release against the Ministry of Commerce's "
        "announcement); the data do not say why the two differ"
    ),
    "press_rounding": N_("the official figure as a state news report states it, rounded"),
}
_REASON_OF_SOURCE = {
    "imf_dots_cn": "revision",
    "imf_dots_ru": "other_reporter",
    "gacc": "other_official",
    "mofcom": "other_official",
    "peoples_daily": "press_rounding",
    "xinhua": "press_rounding",
}


@dataclass(frozen=True)
class AuditResult:
    """The verdict on one claim by one source.

    Attributes
    ----------
    id : str
        The claim's ``claim_id``.
    source : str
        The trade source (``gacc``, ``mofcom``, ``peoples_daily``, ``xinhua``,
        ``official_cn``, ``imf_dots_cn``, ``imf_dots_ru``) or the table the claim
        was checked against (e.g. ``timeline``).
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
    role : str
        ``primary`` (the claim's verdict) or ``cross-check``.
    severity : str or None
        ``exact``, ``within rounding``, ``minor`` or ``material``; None when
        unverifiable.
    gap : str or None
        A cross-check's gap to the primary figure (``-7.27%``, ``+0.01 pp``);
        None for a primary result or when there is no primary figure.
    gap_value : float or None
        The gap as a number, in ``gap_unit`` (``%`` of the primary figure, or
        ``pp``: percentage points between two rates).
    reason : str or None
        A cross-check's reason code (:data:`REASONS`); None for a primary result.
    restates : str or None
        The claim an audited restatement repeats (counted once in headlines).
    """

    id: str
    source: str
    verdict: str
    claimed: str
    computed: str | None
    explanation: str
    sources: tuple[str, ...]
    role: str = PRIMARY
    severity: str | None = None
    gap: str | None = None
    reason: str | None = None
    restates: str | None = None
    gap_value: float | None = None
    gap_unit: str | None = None

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
            "role": self.role,
            "severity": self.severity,
        }


def audit_sources() -> tuple[str, ...]:
    """Return the trade sources a trade claim can be judged against."""
    from analysis_lib.vocabulary import TRADE_CLAIM_SOURCES

    return TRADE_CLAIM_SOURCES


def run_audit(*, source: str = ALL_SOURCES, data_dir: Path | None = None) -> list[AuditResult]:
    """Audit every claim of the registry.

    Parameters
    ----------
    source : str, default "all"
        ``"all"``, one trade source (:func:`audit_sources`) or a table name of
        :data:`TABLE_SOURCES`: only the results by that source (primary or
        cross-check).
    data_dir : Path, optional
        Data package folder; default :func:`analysis_lib.paths.data_dir`.

    Returns
    -------
    list of AuditResult
        In registry order; per claim its primary result first, then its
        cross-checks (trade sources with a figure for the claim, in the order
        of :func:`audit_sources`; ``official_cn`` only as a primary source).

    Raises
    ------
    ParameterError
        If ``source`` is not one of the names above.
    ClaimRegistryError
        If the registry names a table, check, column or source that does not exist.
    """
    from analysis_lib.loaders.descriptor import fingerprint
    from analysis_lib.loaders.reading import log_read, recorded_reads

    allowed = (ALL_SOURCES, *audit_sources(), *TABLE_SOURCES)
    if source not in allowed:
        raise must_be_one_of("source", source, allowed)
    key = (source, fingerprint(data_dir))
    if key in _AUDITS:
        results, reads = _AUDITS[key]
        for path in reads:  # the read log still names every file the audit depends on
            log_read(path)
        return list(results)
    with recorded_reads() as reads:
        results = tuple(_audit(source, data_dir))
    _AUDITS[key] = (results, tuple(reads))
    while len(_AUDITS) > _AUDITS_KEPT:
        _AUDITS.popitem(last=False)
    return list(results)


# Audits by (source, fingerprint of the data folder), with the files they read: a
# report asks for the same audit several times, and the results are frozen, so one
# run serves them all until a data file changes.
_AUDITS: OrderedDict[tuple[str, str], tuple[tuple[AuditResult, ...], tuple[Path, ...]]] = (
    OrderedDict()
)
_AUDITS_KEPT = 8


def clear_cache() -> None:
    """Forget the audits :func:`run_audit` keeps in this process."""
    _AUDITS.clear()


def _audit(source: str, data_dir: Path | None) -> list[AuditResult]:
    from analysis_lib.claims.evidence import Evidence
    from analysis_lib.claims.record_checks import RECORD_CHECK_FUNCTIONS

    trade_sources = audit_sources()
    claims = load_registry(data_dir)
    evidence = Evidence(data_dir)
    results = []
    for claim in claims.to_dict("records"):
        check = claim["check"]
        if check in TRADE_CHECKS and source not in TABLE_SOURCES:
            claim_results = _trade_results(claim, evidence, trade_sources, source)
        elif check in TRADE_CHECKS:
            claim_results = []
        elif source in (ALL_SOURCES, claim["table"]):
            finding = RECORD_CHECK_FUNCTIONS[check](claim, evidence)
            claim_results = [_result(claim, claim["table"], finding, PRIMARY)]
        else:
            claim_results = []
        results.extend(claim_results)
    return results


def _trade_results(claim: dict, evidence, trade_sources, wanted: str) -> list[AuditResult]:
    from analysis_lib.claims.evidence import OFFICIAL_CN
    from analysis_lib.claims.trade_checks import TRADE_CHECK_FUNCTIONS

    check = TRADE_CHECK_FUNCTIONS[claim["check"]]
    primary_source = primary_source_of(claim)
    primary = check(claim, primary_source, evidence)
    results = [_result(claim, primary_source, primary, PRIMARY)]
    for name in trade_sources:
        if name in (primary_source, OFFICIAL_CN) or wanted not in (ALL_SOURCES, name):
            continue
        finding = check(claim, name, evidence)
        if finding.verdict == rules.UNVERIFIABLE:
            continue  # a source without a figure for the claim checks nothing
        results.append(_cross_check(claim, name, finding, primary, primary_source))
    return [r for r in results if wanted in (ALL_SOURCES, r.source)]


def _gap(claim: dict, finding, primary) -> tuple[float | None, str | None]:
    if finding.value is None or primary.value is None or not primary.value:
        return None, None
    if claim["check"] == "growth":
        return round(finding.value - primary.value, 2), "pp"
    return round((finding.value / primary.value - 1) * 100, 2), "%"


def _cross_check(claim: dict, name: str, finding, primary, primary_source: str) -> AuditResult:
    gap_value, gap_unit = _gap(claim, finding, primary)
    gap = None if gap_value is None else f"{gap_value:+.2f}{' pp' if gap_unit == 'pp' else '%'}"
    reason = _REASON_OF_SOURCE.get(name)
    from analysis_lib.claims.evidence import source_term

    against = {"source": source_term(primary_source), "figure": primary.computed}
    if gap:
        shown = (
            phrase("{gap} pp", gap=Figure(f"{gap_value:+.2f}"))
            if gap_unit == "pp"
            else Figure(gap)
        )
        beside = phrase(
            "Cross-check beside the primary figure ({source}: {figure}): gap {gap}",
            gap=shown,
            **against,
        )
    else:
        beside = phrase("Cross-check beside the primary figure ({source}: {figure})", **against)
    beside = (
        phrase("{beside}; {reason}.", beside=beside, reason=Phrase(REASONS[reason], {}))
        if reason
        else phrase("{beside}.", beside=beside)
    )
    return _result(
        claim,
        name,
        finding,
        CROSS_CHECK,
        gap=gap,
        gap_value=gap_value,
        gap_unit=gap_unit,
        reason=reason,
        explanation=joined([finding.explanation, beside]),
    )


def _result(claim: dict, source: str, finding, role: str, **extra) -> AuditResult:
    cited = tuple(dict.fromkeys([*finding.source_ids, claim["source_id"]]))
    return AuditResult(
        id=claim["claim_id"],
        source=source,
        verdict=finding.verdict,
        claimed=str(claim["claimed_text"]),
        computed=finding.computed,
        explanation=extra.pop("explanation", finding.explanation),
        sources=cited,
        role=role,
        severity=finding.severity,
        restates=restated_claim(claim),
        **extra,
    )


def verdict_counts(results) -> dict[str, dict[str, int]]:
    """Count verdicts per source (primary and cross-check results alike).

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
