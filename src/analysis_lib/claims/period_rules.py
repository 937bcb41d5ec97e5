"""Tolerance rules on dates, periods and horizons: a claimed date, year or range
against the record's.

Like :mod:`analysis_lib.claims.rules` (figures, ratios, slowdowns), every rule is
a pure function of the claim as written and the recorded value, and returns a
:class:`~analysis_lib.claims.rules.Judgement`.
"""

from __future__ import annotations

import re
from datetime import date

from analysis_lib.claims.rules import (
    CONSISTENT,
    EXACT,
    INCONSISTENT,
    MATERIAL,
    MINOR,
    MINOR_DATE_DAYS,
    UNVERIFIABLE,
    Judgement,
    _fmt,
    unit_suffix,
    verdict_of,
)
from analysis_lib.i18n import N_
from analysis_lib.phrases import Date, Figure, Phrase, joined, nphrase, phrase

_PRECISIONS = ("year", "month", "day")


def parse_partial_date(text: str) -> tuple[tuple[int, ...], str]:
    """Split an ISO date written as precisely as known into its parts and precision.

    Returns
    -------
    tuple
        ``((1996, 4, 24), "day")``, ``((2014, 8), "month")`` or ``((2003,), "year")``.
    """
    match = re.fullmatch(r"\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\s*", str(text))
    if not match or (match.group(3) and not match.group(2)):
        raise ValueError(f"a date must be written YYYY, YYYY-MM or YYYY-MM-DD; not {text!r}")
    parts = tuple(int(p) for p in match.groups() if p)
    return parts, _PRECISIONS[len(parts) - 1]


def _date_gap(claimed: tuple[int, ...], recorded: tuple[int, ...]) -> tuple[int, Phrase]:
    """Return the gap between two dates in days (day precision) or in months or years, and
    its count of days (0 when not known to the day)."""
    if len(claimed) == 3 and len(recorded) == 3:
        days = abs((date(*claimed) - date(*recorded)).days)
        return days, nphrase("{n} day(s)", "{n} day(s)", days)
    if len(claimed) >= 2 and len(recorded) >= 2:
        months = abs((claimed[0] - recorded[0]) * 12 + claimed[1] - recorded[1])
        return 0, nphrase("{n} month(s)", "{n} month(s)", months)
    return 0, nphrase("{n} year(s)", "{n} year(s)", abs(claimed[0] - recorded[0]))


_AT_PRECISION = {
    "year": N_(
        "rule same_date_at_precision: at year precision, claimed {claimed} {sign} "
        "recorded {recorded}"
    ),
    "month": N_(
        "rule same_date_at_precision: at month precision, claimed {claimed} {sign} "
        "recorded {recorded}"
    ),
    "day": N_(
        "rule same_date_at_precision: at day precision, claimed {claimed} {sign} "
        "recorded {recorded}"
    ),
}
_KNOWN_ONLY_TO = {
    "year": N_("the record is known only to the year, finer than that is unchecked"),
    "month": N_("the record is known only to the month, finer than that is unchecked"),
    "day": N_("the record is known only to the day, finer than that is unchecked"),
}


def date_gap_days(claimed_text: str, recorded: str) -> int | None:
    """Return claimed minus recorded in days when both are known to the day, else None."""
    claimed_parts, _ = parse_partial_date(claimed_text)
    recorded_parts, _ = parse_partial_date(recorded)
    if len(claimed_parts) == 3 and len(recorded_parts) == 3:
        return (date(*claimed_parts) - date(*recorded_parts)).days
    return None


def judge_same_date_at_precision(
    claimed_text: str, recorded: str, recorded_precision: str
) -> Judgement:
    """Compare a claimed date with a recorded one at the coarser of their precisions.

    A mismatch at that precision is inconsistent: minor when the two are known
    to the day and one day apart, else material. A match is consistent (exact)
    unless the record is coarser than the claim: then the claim's finer part
    cannot be confirmed and the verdict is unverifiable.

    Parameters
    ----------
    claimed_text : str
        The claimed date, ISO, as precise as the article writes it.
    recorded : str
        The date in the data (ISO).
    recorded_precision : str
        ``day``, ``month`` or ``year``: how precise the recorded date is.
    """
    claimed, _ = parse_partial_date(claimed_text)
    recorded_parts, _ = parse_partial_date(recorded)
    recorded_parts = recorded_parts[: _PRECISIONS.index(recorded_precision) + 1]
    depth = min(len(claimed), len(recorded_parts))
    precision = _PRECISIONS[depth - 1]
    same = claimed[:depth] == recorded_parts[:depth]
    shown = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(recorded_parts))
    rule = Phrase(
        _AT_PRECISION[precision],
        {
            "claimed": Date(claimed_text.strip()),
            "sign": "=" if same else "≠",
            "recorded": Date(shown),
        },
    )
    if same and len(recorded_parts) < len(claimed):
        unchecked = Phrase(_KNOWN_ONLY_TO[recorded_precision], {})
        return Judgement(UNVERIFIABLE, joined([rule, unchecked], "; "))
    if same:
        return Judgement(CONSISTENT, rule, EXACT)
    days, gap = _date_gap(claimed[:depth], recorded_parts[:depth])
    one_day = depth == 3 and 1 <= days <= MINOR_DATE_DAYS
    rule = joined([rule, phrase("off by {gap}", gap=gap)], "; ")
    return Judgement(INCONSISTENT, rule, MINOR if one_day else MATERIAL)


def judge_same_year(claimed_years: tuple[int, ...], recorded_years: tuple[int, ...]) -> Judgement:
    """Judge claimed year(s) (a date or a period's start and end) against recorded ones."""
    holds = tuple(claimed_years) == tuple(recorded_years)
    claimed = "–".join(str(y) for y in claimed_years)
    recorded = "–".join(str(y) for y in recorded_years)
    rule = phrase(
        "rule same_year: claimed {claimed} {sign} recorded {recorded}",
        claimed=claimed,
        sign="=" if holds else "≠",
        recorded=recorded,
    )
    return Judgement(verdict_of(holds), rule, EXACT if holds else MATERIAL)


def parse_range(claimed_text: str) -> tuple[float, float]:
    """Return the bounds of a range written as ``"10 – 15"`` (any dash) or a single number."""
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", claimed_text)]
    if len(numbers) not in (1, 2):
        raise ValueError(f"claimed_text must be a number or a range 'a – b'; not {claimed_text!r}")
    return min(numbers), max(numbers)


def judge_within_range(
    low: float, high: float, claimed_text: str, unit: str = "", *, stated: bool = True
) -> Judgement:
    """Judge a claimed range against a recorded one ``[low, high]``.

    With ``stated`` the record is a range the document states (a horizon): the
    claim holds when its range lies within it; ranges that overlap otherwise
    are a minor failure, disjoint ones material. Without it, ``low == high`` is
    one computed figure, which holds when it lies within the claimed range.
    """
    claimed_low, claimed_high = parse_range(claimed_text)
    suffix = unit_suffix(unit)
    claimed = _interval(claimed_low, claimed_high)
    if not stated:
        holds = claimed_low <= low <= claimed_high
        message = (
            N_("rule within_range: {value}{unit} is within {claimed}")
            if holds
            else N_("rule within_range: {value}{unit} is outside {claimed}")
        )
        rule = Phrase(message, {"value": Figure(_fmt(low)), "unit": suffix, "claimed": claimed})
        return Judgement(verdict_of(holds), rule, EXACT if holds else MATERIAL)
    holds = low <= claimed_low and claimed_high <= high
    overlaps = claimed_low <= high and low <= claimed_high
    if holds:
        message = N_("rule within_range: claimed {claimed} within the stated {recorded}{unit}")
    elif overlaps:
        message = N_(
            "rule within_range: claimed {claimed} overlaps but leaves the stated {recorded}{unit}"
        )
    else:
        message = N_(
            "rule within_range: claimed {claimed} lies outside the stated {recorded}{unit}"
        )
    rule = Phrase(message, {"claimed": claimed, "recorded": _interval(low, high), "unit": suffix})
    if holds:
        return Judgement(CONSISTENT, rule, EXACT)
    return Judgement(INCONSISTENT, rule, MINOR if overlaps else MATERIAL)


def _interval(low, high) -> Phrase:
    """Return ``[low, high]`` (Russian separates the bounds with a semicolon)."""
    return phrase("[{low}, {high}]", low=Figure(_fmt(low)), high=Figure(_fmt(high)))
