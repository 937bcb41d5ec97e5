"""Checks of claims about China's total trade with a partner, for one audit source.

Each function takes the claim (a registry row as a dict), the audit source
(``gacc``, ``imf_dots_cn``, ``imf_dots_ru``) and the :class:`Evidence`, and
returns a :class:`Finding` whose explanation gives the figures, their years
and sources, the arithmetic and the rule that decided.
"""

from __future__ import annotations

from analysis_lib.claims import rules
from analysis_lib.claims.evidence import SOURCE_LABELS, Evidence, Finding, TradePoint, cite
from analysis_lib.claims.registry import parse_filters


def _partners(claim: dict) -> list[str]:
    return [value for column, value in parse_filters(claim.get("filters")) if column == "partner"]


def _points(evidence: Evidence, source: str, partner: str, years) -> list[TradePoint]:
    return [evidence.trade_point(source, partner, year) for year in years]


def _missing(points: list[TradePoint], purpose: str) -> Finding | None:
    gaps = [p.missing for p in points if p.value is None]
    if not gaps:
        return None
    return Finding(
        rules.UNVERIFIABLE, None, f"{'; '.join(gaps)}, so {purpose} cannot be computed."
    )


def _figures(source: str, points: list[TradePoint]) -> str:
    shown = ", ".join(f"{p.describe()} {cite(p.source_ids)}" for p in points)
    return f"{SOURCE_LABELS[source]}: {shown}"


def _ids(points: list[TradePoint]) -> tuple[str, ...]:
    return tuple(sorted({i for p in points for i in p.source_ids}))


def _close(judgement: rules.Judgement) -> str:
    return f"{judgement.rule} → {judgement.verdict}."


def check_level(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed trade total with the source's figure for that year."""
    partner, year = _partners(claim)[0], int(claim["year"])
    points = _points(evidence, source, partner, [year])
    gap = _missing(points, "the level")
    if gap:
        return gap
    value = points[0].value
    judgement = rules.judge_half_last_digit(value, claim["claimed_text"], "USD bn")
    explanation = (
        f"{_figures(source, points)}; claimed {claim['claimed_text']} USD bn. {_close(judgement)}"
    )
    return Finding(judgement.verdict, f"{value:.2f}", explanation, _ids(points))


def _growth(start: TradePoint, end: TradePoint) -> float:
    from analysis_lib.metrics.growth import growth_between

    return growth_between(start.value, end.value)


def check_growth(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed growth rate with ``(value[year] / value[year-1] - 1) * 100``."""
    partner, year = _partners(claim)[0], int(claim["year"])
    points = _points(evidence, source, partner, [year - 1, year])
    gap = _missing(points, f"the growth {year - 1}→{year}")
    if gap:
        return gap
    growth = _growth(*points)
    judgement = rules.judge_half_last_digit(growth, claim["claimed_text"], "%")
    explanation = (
        f"{_figures(source, points)}; growth = ({points[1].value:.2f} / {points[0].value:.2f}"
        f" − 1) × 100 = {growth:.2f}%; claimed {claim['claimed_text']}. {_close(judgement)}"
    )
    return Finding(judgement.verdict, f"{growth:.2f}%", explanation, _ids(points))


def check_slowdown(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Check that growth in the claim's year is below growth in the year before."""
    partner, year = _partners(claim)[0], int(claim["year"])
    points = _points(evidence, source, partner, [year - 2, year - 1, year])
    gap = _missing(points, f"growth in {year - 1} and {year}")
    if gap:
        return gap
    previous, current = _growth(points[0], points[1]), _growth(points[1], points[2])
    judgement = rules.judge_lower_than_previous(current, previous, year)
    explanation = (
        f"{_figures(source, points)}; growth {year - 1} = {previous:.2f}%, "
        f"growth {year} = {current:.2f}%. {_close(judgement)}"
    )
    computed = f"{year - 1}: {previous:.1f}%; {year}: {current:.1f}%"
    return Finding(judgement.verdict, computed, explanation, _ids(points))


def check_ratio_fraction(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed "1/n of" with the nearest unit fraction of CN-A / CN-B trade."""
    from analysis_lib.metrics.fractions import nearest_unit_fraction
    from analysis_lib.metrics.ratios import ratio

    (top, bottom), year = _partners(claim)[:2], int(claim["year"])
    points = [evidence.trade_point(source, top, year), evidence.trade_point(source, bottom, year)]
    gap = _missing(points, f"the ratio CN-{top} / CN-{bottom}")
    if gap:
        return gap
    value = ratio(points[0].value, points[1].value)
    nearest = nearest_unit_fraction(value)
    judgement = rules.judge_nearest_fraction(
        value, claim["claimed_text"], nearest.numerator, nearest.denominator
    )
    explanation = (
        f"{_figures(source, points)}; ratio = {points[0].value:.2f} / {points[1].value:.2f} = "
        f"{value:.4f}. {_close(judgement)}"
    )
    computed = f"{nearest.numerator}/{nearest.denominator} ({value:.4f})"
    return Finding(judgement.verdict, computed, explanation, _ids(points))


TRADE_CHECK_FUNCTIONS = {
    "level": check_level,
    "growth": check_growth,
    "slowdown": check_slowdown,
    "ratio_fraction": check_ratio_fraction,
}
