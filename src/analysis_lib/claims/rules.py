"""Tolerance rules: turn a computed figure and a claim into a verdict and its severity.

Every rule is a pure function of numbers and of the claim as written, so a
verdict follows from the data and the rule only. Each returns a
:class:`Judgement`: the verdict, its severity and one sentence naming the rule
and the comparison that decided it; the audit adds the figures' years and
sources. Rules on dates, periods and horizons are in
:mod:`analysis_lib.claims.period_rules`, rules on records (names, outcomes,
structure) in :mod:`analysis_lib.claims.record_rules`.

Severity (every verdict but ``unverifiable`` has one):

- ``exact``: the claim holds as stated, no tolerance used (equal figures, the
  same date at the claim's precision, a condition that holds);
- ``within rounding``: it holds only within the rounding of the claim and the
  source (half a unit of each one's last digit), against a source's bound, or
  as the nearest unit fraction of a ratio that is not exactly that fraction;
- ``minor``: it fails, but narrowly: a level or ratio off by less than
  :data:`MINOR_LEVEL_PCT` % of the source's figure, a rate off by less than
  :data:`MINOR_RATE_POINTS` percentage point, a date off by one day, a name with
  words dropped, a range that overlaps the recorded one;
- ``material``: every other failure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from analysis_lib.i18n import N_
from analysis_lib.phrases import Figure, Phrase, Term, joined, phrase
from analysis_lib.vocabulary import SEVERITIES, VERDICTS

CONSISTENT, INCONSISTENT, UNVERIFIABLE = VERDICTS

EXACT, WITHIN_ROUNDING, MINOR, MATERIAL = SEVERITIES

TOLERANCES = (
    "half_last_digit",
    "nearest_fraction",
    "same_date_at_precision",
    "same_year",
    "within_range",
    "lower_than_previous",
    "majority_both_ends",
    "same_words",
    "record_supports",
)

# A flow "is dominated by" a group of goods when the group makes up more than
# this share of it; the structure proxy applies it to both flows.
MAJORITY_PCT = 50.0

# A failed level or ratio is minor when off by less than this share of the
# source's figure; a failed rate (growth, funding share) when off by less than
# this many percentage points; a failed date when off by at most this many days.
MINOR_LEVEL_PCT = 1.0
MINOR_RATE_POINTS = 0.5
MINOR_DATE_DAYS = 1

_ZERO = Decimal(0)


@dataclass(frozen=True)
class Judgement:
    """A verdict, its severity (None when unverifiable) and the sentence that decided it."""

    verdict: str
    rule: Phrase
    severity: str | None = None


def close(judgement: Judgement) -> Phrase:
    """Return the rule sentence with its verdict: ``"... → consistent (exact)."``."""
    if judgement.verdict == UNVERIFIABLE:
        return phrase("{rule} → unverifiable.", rule=judgement.rule)
    verdict = Term(judgement.verdict, "verdict in a sentence")
    if judgement.severity is None:
        return phrase("{rule} → {verdict}.", rule=judgement.rule, verdict=verdict)
    return phrase(
        "{rule} → {verdict} ({severity}).",
        rule=judgement.rule,
        verdict=verdict,
        severity=Term(judgement.severity, "severity"),
    )


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


def _half_unit(number: Decimal) -> Decimal:
    return Decimal(5) * Decimal(10) ** (number.as_tuple().exponent - 1)


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
    return _half_unit(_number_as_written(claimed_text))


def as_written(value: float) -> Decimal:
    """Return a stored figure as the Decimal of its shortest text (``95.28``, ``80``).

    The data package writes each published figure with the digits it was
    published with, so the shortest text of the stored float is the figure as
    published: its last digit is its precision. A whole number (``80.0``) is
    read as written without decimals (``80``).
    """
    number = Decimal(repr(float(value)))
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number


def half_unit_of(value: float) -> Decimal:
    """Return half a unit of the last digit of a published figure (0.005 for 95.28, 0.5 for 80)."""
    return _half_unit(as_written(value))


UNIT_NAMES = {
    "USD bn": N_("USD bn"),
    "years": N_("years"),
}
"""Units a rule sentence prints after its figures, as catalog messages."""


class Unit(str):
    """A unit printed after a figure (``" USD bn"``; ``%`` closed up), translated where shown."""

    __slots__ = ()

    def render(self, lang: str, *, html: bool = False) -> str:
        """Return the unit in ``lang``, with its leading space except for ``%``."""
        from analysis_lib.i18n import translator

        name = self.strip()
        if name == "%":
            return name
        if name in UNIT_NAMES:
            name = translator(lang).gettext(UNIT_NAMES[name])
        return f" {name}" if name else ""


def unit_suffix(unit: str) -> Unit:
    """Return the unit as printed after a figure: ``" USD bn"``, or "" for none."""
    return Unit(f" {unit}" if unit else "")


def _gap_severity(gap: Decimal, reference: float, unit: str) -> tuple[str, Phrase]:
    """Return the severity of a failed figure comparison and the phrase that says why."""
    if unit == "%":
        minor = gap < Decimal(str(MINOR_RATE_POINTS))
        return (MINOR if minor else MATERIAL), phrase(
            "off by {gap} percentage point(s) {sign} {limit}",
            gap=Figure(_fmt(gap)),
            sign="<" if minor else "≥",
            limit=Figure(f"{MINOR_RATE_POINTS:g}"),
        )
    share = float(gap) / abs(reference) * 100 if reference else float("inf")
    minor = share < MINOR_LEVEL_PCT
    return (MINOR if minor else MATERIAL), phrase(
        "off by {share}% of the source's figure {sign} {limit}%",
        share=Figure(f"{share:.2f}"),
        sign="<" if minor else "≥",
        limit=Figure(f"{MINOR_LEVEL_PCT:g}"),
    )


def judge_half_last_digit(
    computed: float, claimed_text: str, unit: str = "", source_half: Decimal = _ZERO
) -> Judgement:
    """Judge a rounded figure: it holds when the two differ by at most both half-units.

    The tolerance is half a unit of the claim's last written digit plus half a
    unit of the source's (``source_half``; 0 for a figure the audit computes
    from unrounded data). The interval is closed: 88.2 against 88.1 is
    consistent, |88.2 − 88.1| = 0.1 ≤ 0.05 + 0.05.

    Parameters
    ----------
    computed : float
        The source's figure (published or computed).
    claimed_text : str
        The claimed figure as written.
    unit : str, optional
        Unit printed after the numbers in the rule sentence; ``"%"`` marks a rate.
    source_half : Decimal, optional
        Half a unit of the source figure's last digit (:func:`half_unit_of`).
    """
    claimed = _number_as_written(claimed_text)
    half = half_last_digit(claimed_text)
    tolerance = half + source_half
    # Decimal of the shortest repr avoids binary noise deciding a boundary case.
    source = Decimal(repr(float(computed))) if source_half == _ZERO else as_written(computed)
    gap = abs(source - claimed)
    holds = gap <= tolerance
    suffix = unit_suffix(unit)
    if source_half == _ZERO:
        bound = phrase(
            "{half}{unit} (half a unit of the claim's last written digit)",
            half=Figure(_fmt(half)),
            unit=suffix,
        )
    else:
        bound = phrase(
            "{half} + {source_half} = {tolerance}{unit} (half a unit of the claim's last digit "
            "+ half a unit of the source's)",
            half=Figure(_fmt(half)),
            source_half=Figure(_fmt(source_half)),
            tolerance=Figure(_fmt(tolerance)),
            unit=suffix,
        )
    rule = phrase(
        "rule half_last_digit: |{source} − {claimed}| = {gap}{unit} {sign} {bound}",
        source=Figure(_fmt(source)),
        claimed=Figure(str(claimed)),
        gap=Figure(_fmt(gap)),
        unit=suffix,
        sign="≤" if holds else ">",
        bound=bound,
    )
    if holds:
        severity = EXACT if gap == 0 else WITHIN_ROUNDING
    else:
        severity, why = _gap_severity(gap, float(source), unit)
        rule = joined([rule, why], "; ")
    return Judgement(verdict_of(holds), rule, severity)


def judge_lower_bound(bound: float, claimed_text: str, unit: str = "") -> Judgement:
    """Judge a claimed figure against a source that gives only a lower bound ("over 79").

    It holds when the claim satisfies the bound: claimed > bound. Its severity
    is then ``within rounding``: the source confirms the claim only as far as
    its rounded bound goes.
    """
    claimed = _number_as_written(claimed_text)
    limit = as_written(bound)
    holds = claimed > limit
    fields = {
        "limit": Figure(_fmt(limit)),
        "unit": unit_suffix(unit),
        "claimed": Figure(str(claimed)),
    }
    if holds:
        rule = phrase(
            "rule half_last_digit against a bound: the source says over {limit}{unit}; "
            "claimed {claimed} > {limit}, so the claim satisfies the bound",
            **fields,
        )
        return Judgement(CONSISTENT, rule, WITHIN_ROUNDING)
    rule = phrase(
        "rule half_last_digit against a bound: the source says over {limit}{unit}; "
        "claimed {claimed} ≤ {limit}, so the claim breaks the bound",
        **fields,
    )
    severity, why = _gap_severity(limit - claimed, float(limit), unit)
    return Judgement(INCONSISTENT, joined([rule, why], "; "), severity)


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
    rule = phrase(
        "rule nearest_fraction: the nearest unit fraction to {ratio} is {fraction} ({value}) "
        "{sign} claimed {claimed}",
        ratio=Figure(f"{ratio:.4f}"),
        fraction=Figure(f"{numerator}/{denominator}"),
        value=Figure(f"{numerator / denominator:.4f}"),
        sign="=" if holds else "≠",
        claimed=claimed_text,
    )
    claimed_value = claimed[0] / claimed[1]
    if holds:
        return Judgement(CONSISTENT, rule, EXACT if ratio == claimed_value else WITHIN_ROUNDING)
    off = abs(claimed_value - ratio) / ratio * 100 if ratio else float("inf")
    minor = off < MINOR_LEVEL_PCT
    why = phrase(
        "{claimed} is off by {off}% of the ratio {sign} {limit}%",
        claimed=claimed_text,
        off=Figure(f"{off:.1f}"),
        sign="<" if minor else "≥",
        limit=Figure(f"{MINOR_LEVEL_PCT:g}"),
    )
    return Judgement(INCONSISTENT, joined([rule, why], "; "), MINOR if minor else MATERIAL)


def judge_lower_than_previous(
    current: float, previous: float, year: int, shown: tuple[str, str] | None = None
) -> Judgement:
    """Judge a slowdown: growth in ``year`` must be strictly below growth in ``year - 1``.

    ``shown`` replaces the printed ``(previous, current)`` growth figures, e.g.
    ``("nearly 43%", "11.2%")`` for rates as announced.
    """
    holds = current < previous
    before, now = shown or (Figure(f"{previous:.1f}%"), Figure(f"{current:.1f}%"))
    rule = phrase(
        "rule lower_than_previous: growth {year} {now} {sign} growth {previous_year} {before}",
        year=year,
        now=now,
        sign="<" if holds else "≥",
        previous_year=year - 1,
        before=before,
    )
    return Judgement(verdict_of(holds), rule, EXACT if holds else MATERIAL)


def _fmt(value) -> str:
    """Print a figure with no more digits than it has (up to 4 decimals)."""
    if isinstance(value, Decimal):
        text = f"{value.normalize():f}"
        if "." in text and len(text.split(".")[1]) > 4:
            text = f"{float(value):.4f}".rstrip("0").rstrip(".")
        return text if text not in ("", "-0") else "0"
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"
