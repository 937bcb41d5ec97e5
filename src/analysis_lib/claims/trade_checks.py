"""Checks of claims about China's total trade with a partner, for one trade source.

Each function takes the claim (a registry row as a dict), the trade source
(see :mod:`analysis_lib.claims.evidence`) and the :class:`Evidence`, and returns
a :class:`Finding` whose explanation gives the figures as published, their
years and sources, the arithmetic and the rule that decided. A published
figure is judged within its own rounding as well as the claim's; a growth rate
the source states is judged as stated.
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


def _bounded(points: list[TradePoint], purpose: str) -> Finding | None:
    bounds = [p for p in points if p.bound]
    if not bounds:
        return None
    shown = ", ".join(f"{p.describe()} {cite(p.source_ids)}" for p in bounds)
    return Finding(
        rules.UNVERIFIABLE,
        None,
        f"{shown}: a bound, not a figure, so {purpose} cannot be computed from it.",
        _ids(bounds),
    )


def _figures(source: str, points: list[TradePoint]) -> str:
    shown = ", ".join(f"{p.describe()} {cite(p.source_ids)}" for p in points)
    return f"{SOURCE_LABELS[source]}: {shown}"


def _ids(points: list[TradePoint]) -> tuple[str, ...]:
    return tuple(sorted({i for p in points for i in p.source_ids}))


def _close(judgement: rules.Judgement) -> str:
    if judgement.severity is None:
        return f"{judgement.rule} → {judgement.verdict}."
    return f"{judgement.rule} → {judgement.verdict} ({judgement.severity})."


def _finding(judgement: rules.Judgement, computed, explanation, points, value) -> Finding:
    return Finding(
        judgement.verdict, computed, explanation, _ids(points), judgement.severity, value
    )


def check_level(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed trade total with the source's figure for that year."""
    partner, year = _partners(claim)[0], int(claim["year"])
    points = _points(evidence, source, partner, [year])
    gap = _missing(points, "the level")
    if gap:
        return gap
    point = points[0]
    if point.bound:
        judgement = rules.judge_lower_bound(point.value, claim["claimed_text"], "USD bn")
    else:
        judgement = rules.judge_half_last_digit(
            point.value, claim["claimed_text"], "USD bn", point.half
        )
    explanation = (
        f"{_figures(source, points)}; claimed {claim['claimed_text']} USD bn. {_close(judgement)}"
    )
    value = None if point.bound else point.value
    return _finding(judgement, point.figure(), explanation, points, value)


def _growth(start: TradePoint, end: TradePoint) -> float:
    from analysis_lib.metrics.growth import growth_between

    return growth_between(start.value, end.value)


def _computed_growth_text(start: TradePoint, end: TradePoint) -> str:
    return f"({end.figure()} / {start.figure()} − 1) × 100 = {_growth(start, end):.2f}%"


def check_growth(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed growth rate with the rate the source states for the year.

    Without a stated rate, the rate is ``(value[year] / value[year-1] - 1) * 100``.
    """
    partner, year = _partners(claim)[0], int(claim["year"])
    end = evidence.trade_point(source, partner, year)
    if end.value is not None and end.growth is not None and not end.growth_bound:
        start = evidence.trade_point(source, partner, year - 1)
        judgement = rules.judge_half_last_digit(
            end.growth, claim["claimed_text"], "%", end.growth_half
        )
        levels = [start, end] if start.value is not None else [end]
        recomputed = ""
        if start.value is not None and not (start.bound or end.bound):
            recomputed = f" From the levels, {_computed_growth_text(start, end)}."
        explanation = (
            f"{_figures(source, levels)}; growth {year} as published {end.growth_figure()} "
            f"{cite(end.source_ids)}; claimed {claim['claimed_text']}.{recomputed} "
            f"{_close(judgement)}"
        )
        return _finding(judgement, end.growth_figure(), explanation, levels, end.growth)
    points = [evidence.trade_point(source, partner, year - 1), end]
    purpose = f"the growth {year - 1}→{year}"
    gap = _missing(points, purpose) or _bounded(points, purpose)
    if gap:
        return gap
    growth = _growth(*points)
    judgement = rules.judge_half_last_digit(growth, claim["claimed_text"], "%")
    explanation = (
        f"{_figures(source, points)}; growth = {_computed_growth_text(*points)}; "
        f"claimed {claim['claimed_text']}. {_close(judgement)}"
    )
    return _finding(judgement, f"{growth:.2f}%", explanation, points, growth)


def _year_growth(evidence: Evidence, source: str, partner: str, year: int):
    """Return ``(growth, shown, points, failure)`` for one year: stated, else computed."""
    end = evidence.trade_point(source, partner, year)
    if end.value is not None and end.growth is not None:
        return end.growth, end.growth_figure(), [end], None
    points = [evidence.trade_point(source, partner, year - 1), end]
    purpose = f"growth in {year}"
    failure = _missing(points, purpose) or _bounded(points, purpose)
    if failure:
        return None, "", points, failure
    growth = _growth(*points)
    return growth, f"{growth:.1f}%", points, None


def check_slowdown(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Check that growth in the claim's year is below growth in the year before."""
    partner, year = _partners(claim)[0], int(claim["year"])
    previous, previous_shown, early, fail_early = _year_growth(evidence, source, partner, year - 1)
    current, current_shown, late, fail_late = _year_growth(evidence, source, partner, year)
    failures = [f for f in (fail_early, fail_late) if f]
    if failures:
        return Finding(
            rules.UNVERIFIABLE,
            None,
            " ".join(f.explanation for f in failures),
            tuple(sorted({i for f in failures for i in f.source_ids})),
        )
    points = list({(p.year, p.source_ids): p for p in [*early, *late]}.values())
    points.sort(key=lambda p: p.year)
    judgement = rules.judge_lower_than_previous(
        current, previous, year, shown=(previous_shown, current_shown)
    )

    def how(shown: str, used: list[TradePoint]) -> str:
        if len(used) == 1:
            return f"{shown} as published"
        return f"{_computed_growth_text(*used)}"

    explanation = (
        f"{_figures(source, points)}; growth {year - 1} = {how(previous_shown, early)}, "
        f"growth {year} = {how(current_shown, late)}. {_close(judgement)}"
    )
    computed = f"{year - 1}: {previous_shown}; {year}: {current_shown}"
    return _finding(judgement, computed, explanation, points, None)


def check_ratio_fraction(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed "1/n of" with the nearest unit fraction of CN-A / CN-B trade."""
    from analysis_lib.metrics.fractions import nearest_unit_fraction
    from analysis_lib.metrics.ratios import ratio

    (top, bottom), year = _partners(claim)[:2], int(claim["year"])
    points = [evidence.trade_point(source, top, year), evidence.trade_point(source, bottom, year)]
    purpose = f"the ratio CN-{top} / CN-{bottom}"
    gap = _missing(points, purpose) or _bounded(points, purpose)
    if gap:
        return gap
    value = ratio(points[0].value, points[1].value)
    nearest = nearest_unit_fraction(value)
    judgement = rules.judge_nearest_fraction(
        value, claim["claimed_text"], nearest.numerator, nearest.denominator
    )
    explanation = (
        f"{_figures(source, points)}; ratio = {points[0].figure()} / {points[1].figure()} = "
        f"{value:.4f}. {_close(judgement)}"
    )
    computed = f"{nearest.numerator}/{nearest.denominator} ({value:.4f})"
    return _finding(judgement, computed, explanation, points, value)


TRADE_CHECK_FUNCTIONS = {
    "level": check_level,
    "growth": check_growth,
    "slowdown": check_slowdown,
    "ratio_fraction": check_ratio_fraction,
}
