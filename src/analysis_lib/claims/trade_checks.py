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
from analysis_lib.claims.evidence import Evidence, Finding, TradePoint, cite, pair, source_label
from analysis_lib.claims.registry import parse_filters
from analysis_lib.phrases import Figure, Phrase, joined, phrase


def _partners(claim: dict) -> list[str]:
    return [value for column, value in parse_filters(claim.get("filters")) if column == "partner"]


def _points(evidence: Evidence, source: str, partner: str, years) -> list[TradePoint]:
    return [evidence.trade_point(source, partner, year) for year in years]


def _missing(points: list[TradePoint], purpose: Phrase) -> Finding | None:
    gaps = [p.missing for p in points if p.value is None]
    if not gaps:
        return None
    return Finding(
        rules.UNVERIFIABLE,
        None,
        phrase(
            "{gaps}, so {purpose} cannot be computed.", gaps=joined(gaps, "; "), purpose=purpose
        ),
    )


def _cited(points: list[TradePoint]) -> Phrase:
    return joined([joined([p.describe(), cite(p.source_ids)]) for p in points], ", ")


def _bounded(points: list[TradePoint], purpose: Phrase) -> Finding | None:
    bounds = [p for p in points if p.bound]
    if not bounds:
        return None
    return Finding(
        rules.UNVERIFIABLE,
        None,
        phrase(
            "{figures}: a bound, not a figure, so {purpose} cannot be computed from it.",
            figures=_cited(bounds),
            purpose=purpose,
        ),
        _ids(bounds),
    )


def _figures(source: str, points: list[TradePoint]) -> Phrase:
    return phrase("{source}: {figures}", source=source_label(source), figures=_cited(points))


def _ids(points: list[TradePoint]) -> tuple[str, ...]:
    return tuple(sorted({i for p in points for i in p.source_ids}))


def _finding(judgement: rules.Judgement, computed, explanation, points, value) -> Finding:
    return Finding(
        judgement.verdict, computed, explanation, _ids(points), judgement.severity, value
    )


def check_level(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed trade total with the source's figure for that year."""
    partner, year = _partners(claim)[0], int(claim["year"])
    points = _points(evidence, source, partner, [year])
    gap = _missing(points, phrase("the level"))
    if gap:
        return gap
    point = points[0]
    if point.bound:
        judgement = rules.judge_lower_bound(point.value, claim["claimed_text"], "USD bn")
    else:
        judgement = rules.judge_half_last_digit(
            point.value, claim["claimed_text"], "USD bn", point.half
        )
    explanation = phrase(
        "{figures}; claimed {claimed} USD bn. {rule}",
        figures=_figures(source, points),
        claimed=Figure(claim["claimed_text"]),
        rule=rules.close(judgement),
    )
    value = None if point.bound else point.value
    return _finding(judgement, point.figure(), explanation, points, value)


def _growth(start: TradePoint, end: TradePoint) -> float:
    from analysis_lib.metrics.growth import growth_between

    return growth_between(start.value, end.value)


def _computed_growth_text(start: TradePoint, end: TradePoint) -> Phrase:
    return phrase(
        "({end} / {start} − 1) × 100 = {growth}%",
        end=end.figure(),
        start=start.figure(),
        growth=Figure(f"{_growth(start, end):.2f}"),
    )


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
        stated = phrase(
            "{figures}; growth {year} as published {growth} {cited}; claimed {claimed}.",
            figures=_figures(source, levels),
            year=year,
            growth=end.growth_figure(),
            cited=cite(end.source_ids),
            claimed=Figure(claim["claimed_text"]),
        )
        recomputed = ""
        if start.value is not None and not (start.bound or end.bound):
            recomputed = phrase(
                "From the levels, {growth}.", growth=_computed_growth_text(start, end)
            )
        explanation = joined([stated, recomputed, rules.close(judgement)])
        return _finding(judgement, end.growth_figure(), explanation, levels, end.growth)
    points = [evidence.trade_point(source, partner, year - 1), end]
    purpose = phrase("the growth {previous}→{year}", previous=year - 1, year=year)
    gap = _missing(points, purpose) or _bounded(points, purpose)
    if gap:
        return gap
    growth = _growth(*points)
    judgement = rules.judge_half_last_digit(growth, claim["claimed_text"], "%")
    explanation = phrase(
        "{figures}; growth = {growth}; claimed {claimed}. {rule}",
        figures=_figures(source, points),
        growth=_computed_growth_text(*points),
        claimed=Figure(claim["claimed_text"]),
        rule=rules.close(judgement),
    )
    return _finding(judgement, Figure(f"{growth:.2f}%"), explanation, points, growth)


def _year_growth(evidence: Evidence, source: str, partner: str, year: int):
    """Return ``(growth, shown, points, failure)`` for one year: stated, else computed."""
    end = evidence.trade_point(source, partner, year)
    if end.value is not None and end.growth is not None:
        return end.growth, end.growth_figure(), [end], None
    points = [evidence.trade_point(source, partner, year - 1), end]
    purpose = phrase("growth in {year}", year=year)
    failure = _missing(points, purpose) or _bounded(points, purpose)
    if failure:
        return None, "", points, failure
    growth = _growth(*points)
    return growth, Figure(f"{growth:.1f}%"), points, None


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
            joined([f.explanation for f in failures]),
            tuple(sorted({i for f in failures for i in f.source_ids})),
        )
    points = list({(p.year, p.source_ids): p for p in [*early, *late]}.values())
    points.sort(key=lambda p: p.year)
    judgement = rules.judge_lower_than_previous(
        current, previous, year, shown=(previous_shown, current_shown)
    )

    def how(shown, used: list[TradePoint]) -> Phrase:
        if len(used) == 1:
            return phrase("{growth} as published", growth=shown)
        return _computed_growth_text(*used)

    explanation = phrase(
        "{figures}; growth {previous_year} = {previous}, growth {year} = {current}. {rule}",
        figures=_figures(source, points),
        previous_year=year - 1,
        previous=how(previous_shown, early),
        year=year,
        current=how(current_shown, late),
        rule=rules.close(judgement),
    )
    computed = phrase(
        "{previous_year}: {previous}; {year}: {current}",
        previous_year=year - 1,
        previous=previous_shown,
        year=year,
        current=current_shown,
    )
    return _finding(judgement, computed, explanation, points, None)


def check_ratio_fraction(claim: dict, source: str, evidence: Evidence) -> Finding:
    """Compare a claimed "1/n of" with the nearest unit fraction of CN-A / CN-B trade."""
    from analysis_lib.metrics.fractions import nearest_unit_fraction
    from analysis_lib.metrics.ratios import ratio

    (top, bottom), year = _partners(claim)[:2], int(claim["year"])
    points = [evidence.trade_point(source, top, year), evidence.trade_point(source, bottom, year)]
    purpose = phrase("the ratio {top} / {bottom}", top=pair(top), bottom=pair(bottom))
    gap = _missing(points, purpose) or _bounded(points, purpose)
    if gap:
        return gap
    value = ratio(points[0].value, points[1].value)
    nearest = nearest_unit_fraction(value)
    judgement = rules.judge_nearest_fraction(
        value, claim["claimed_text"], nearest.numerator, nearest.denominator
    )
    explanation = phrase(
        "{figures}; ratio = {top} / {bottom} = {ratio}. {rule}",
        figures=_figures(source, points),
        top=points[0].figure(),
        bottom=points[1].figure(),
        ratio=Figure(f"{value:.4f}"),
        rule=rules.close(judgement),
    )
    computed = Figure(f"{nearest.numerator}/{nearest.denominator} ({value:.4f})")
    return _finding(judgement, computed, explanation, points, value)


TRADE_CHECK_FUNCTIONS = {
    "level": check_level,
    "growth": check_growth,
    "slowdown": check_slowdown,
    "ratio_fraction": check_ratio_fraction,
}
