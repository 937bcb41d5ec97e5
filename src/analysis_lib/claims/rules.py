"""Tolerance rules: turn a computed figure and a claim into a verdict.

Every rule is a pure function of numbers and of the claim as written, so a
verdict follows from the data and the rule only. Each returns a
:class:`Judgement`: the verdict and one sentence naming the rule and the
comparison that decided it; the audit adds the figures' years and sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from analysis_lib.vocabulary import VERDICTS

CONSISTENT, INCONSISTENT, UNVERIFIABLE = VERDICTS

TOLERANCES = (
    "half_last_digit",
    "nearest_fraction",
    "same_date_at_precision",
    "same_year",
    "within_range",
    "lower_than_previous",
    "majority_both_ends",
)

# A flow "is dominated by" a group of goods when the group makes up more than
# this share of it; the structure proxy applies it to both flows.
MAJORITY_PCT = 50.0

_PRECISIONS = ("year", "month", "day")


@dataclass(frozen=True)
class Judgement:
    """A verdict and the sentence that says which rule decided it."""

    verdict: str
    rule: str


def verdict_of(holds: bool) -> str:
    """Return ``consistent`` when a rule holds, else ``inconsistent``."""
    return CONSISTENT if holds else INCONSISTENT


def _number_as_written(claimed_text: str) -> Decimal:
    cleaned = claimed_text.strip().rstrip("%").replace(",", ".").strip()
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(
            f"claimed_text must be a number as written; not {claimed_text!r}"
        ) from None


def half_last_digit(claimed_text: str) -> Decimal:
    """Return half a unit of the last digit written in a claimed number.

    Parameters
    ----------
    claimed_text : str
        The number as the article writes it, e.g. ``"55.5"``, ``"6.8%"``, ``"24%"``.

    Returns
    -------
    Decimal
        ``0.05`` for ``"55.5"``, ``0.5`` for ``"24%"``.
    """
    exponent = _number_as_written(claimed_text).as_tuple().exponent
    return Decimal(5) * Decimal(10) ** (exponent - 1)


def judge_half_last_digit(computed: float, claimed_text: str, unit: str = "") -> Judgement:
    """Judge a rounded figure: it holds when the computed value rounds to it.

    The interval is closed: a computed 55.45 is consistent with a claimed
    55.5, since rounding half up gives 55.5.

    Parameters
    ----------
    computed : float
        The figure computed from the data.
    claimed_text : str
        The claimed figure as written.
    unit : str, optional
        Unit printed after the numbers in the rule sentence.
    """
    claimed = _number_as_written(claimed_text)
    half = half_last_digit(claimed_text)
    # Decimal of the shortest repr avoids binary noise deciding a boundary case.
    gap = abs(Decimal(repr(float(computed))) - claimed)
    holds = gap <= half
    sign = "≤" if holds else ">"
    suffix = f" {unit}" if unit else ""
    rule = (
        f"rule half_last_digit: |{_fmt(computed)} − {claimed}| = {_fmt(gap)}{suffix} "
        f"{sign} {half.normalize():f}{suffix} (half a unit of the claim's last written digit)"
    )
    return Judgement(verdict_of(holds), rule)


def parse_fraction(claimed_text: str) -> tuple[int, int]:
    """Return ``(numerator, denominator)`` of a fraction written as ``"1/6"``."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", claimed_text)
    if not match or int(match.group(2)) == 0:
        raise ValueError(f"claimed_text must be a fraction like '1/6'; not {claimed_text!r}")
    return int(match.group(1)), int(match.group(2))


def judge_nearest_fraction(
    ratio: float, claimed_text: str, numerator: int, denominator: int
) -> Judgement:
    """Judge a claimed simple fraction against the nearest fraction of the computed ratio.

    Parameters
    ----------
    ratio : float
        The computed ratio.
    claimed_text : str
        The claimed fraction, e.g. ``"1/6"``.
    numerator, denominator : int
        The fraction nearest to ``ratio`` (from ``analysis_lib.metrics``).
    """
    claimed = parse_fraction(claimed_text)
    holds = (numerator * claimed[1]) == (claimed[0] * denominator)
    sign = "=" if holds else "≠"
    rule = (
        f"rule nearest_fraction: the nearest unit fraction to {ratio:.4f} is "
        f"{numerator}/{denominator} ({numerator / denominator:.4f}) {sign} claimed {claimed_text}"
    )
    return Judgement(verdict_of(holds), rule)


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


def judge_same_date_at_precision(
    claimed_text: str, recorded: str, recorded_precision: str
) -> Judgement:
    """Compare a claimed date with a recorded one at the coarser of their precisions.

    A mismatch at that precision is inconsistent. A match is consistent unless
    the record is coarser than the claim: then the claim's finer part cannot be
    confirmed and the verdict is unverifiable.

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
    sign = "=" if same else "≠"
    rule = (
        f"rule same_date_at_precision: at {precision} precision, "
        f"claimed {claimed_text} {sign} recorded {shown}"
    )
    if same and len(recorded_parts) < len(claimed):
        rule += (
            f"; the record is known only to the {recorded_precision}, finer than that is unchecked"
        )
        return Judgement(UNVERIFIABLE, rule)
    return Judgement(verdict_of(same), rule)


def judge_same_year(claimed_years: tuple[int, ...], recorded_years: tuple[int, ...]) -> Judgement:
    """Judge claimed year(s) (a date or a period's start and end) against recorded ones."""
    holds = tuple(claimed_years) == tuple(recorded_years)
    claimed = "–".join(str(y) for y in claimed_years)
    recorded = "–".join(str(y) for y in recorded_years)
    sign = "=" if holds else "≠"
    return Judgement(
        verdict_of(holds), f"rule same_year: claimed {claimed} {sign} recorded {recorded}"
    )


def parse_range(claimed_text: str) -> tuple[float, float]:
    """Return the bounds of a range written as ``"10 – 15"`` (any dash) or a single number."""
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", claimed_text)]
    if len(numbers) not in (1, 2):
        raise ValueError(f"claimed_text must be a number or a range 'a – b'; not {claimed_text!r}")
    return min(numbers), max(numbers)


def judge_within_range(computed: float, claimed_text: str, unit: str = "") -> Judgement:
    """Judge a computed figure against a claimed closed range."""
    low, high = parse_range(claimed_text)
    holds = low <= computed <= high
    where = "within" if holds else "outside"
    suffix = f" {unit}" if unit else ""
    rule = f"rule within_range: {_fmt(computed)}{suffix} is {where} [{_fmt(low)}, {_fmt(high)}]"
    return Judgement(verdict_of(holds), rule)


def judge_lower_than_previous(current: float, previous: float, year: int) -> Judgement:
    """Judge a slowdown: growth in ``year`` must be strictly below growth in ``year - 1``."""
    holds = current < previous
    sign = "<" if holds else "≥"
    rule = (
        f"rule lower_than_previous: growth {year} {current:.1f}% {sign} "
        f"growth {year - 1} {previous:.1f}%"
    )
    return Judgement(verdict_of(holds), rule)


def judge_majority_both_ends(shares: dict[str, dict[int, float]]) -> Judgement:
    """Judge the structure proxy: every group's share must exceed 50% in every year.

    Parameters
    ----------
    shares : dict
        ``{flow label: {year: share in %}}``, one entry per flow and year.
    """
    failing = [
        f"{label} {year} {share:.1f}%"
        for label, by_year in shares.items()
        for year, share in sorted(by_year.items())
        if not share > MAJORITY_PCT
    ]
    if failing:
        rule = (
            f"rule majority_both_ends: each share must exceed {MAJORITY_PCT:.0f}% in both years; "
            f"not met by {', '.join(failing)}"
        )
        return Judgement(INCONSISTENT, rule)
    rule = f"rule majority_both_ends: every share exceeds {MAJORITY_PCT:.0f}% in both years"
    return Judgement(CONSISTENT, rule)


def _fmt(value: float) -> str:
    """Print a figure with no more digits than it has (up to 4 decimals)."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"
