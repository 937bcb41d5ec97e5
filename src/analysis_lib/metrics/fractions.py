"""Nearest simple fractions, to audit statements such as "only 1/6 of Sino-US trade".

The article's "1/n of" claims are unit fractions, so the claim audit uses
:func:`nearest_unit_fraction` (with ``max_denominator=10``): it answers "which
1/n is closest to the real ratio?". :func:`nearest_fraction` allows any
numerator (2/7, 3/10, ...) and suits claims such as "two thirds".

Both compare distances exactly, on the rational value of the input float, so
the result never depends on rounding. Ties are broken deterministically: the
smaller denominator wins, then the smaller value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction as _Rational

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics._validation import as_float


@dataclass(frozen=True)
class Fraction:
    """A fraction chosen to approximate a number ``x``.

    Attributes
    ----------
    x : float
        The number that was approximated.
    numerator : int
        Numerator, in lowest terms with ``denominator``.
    denominator : int
        Positive denominator.
    value : float
        ``numerator / denominator``.
    error : float
        ``x - value``: positive when the fraction understates ``x``.
    relative_error : float
        ``error / x``, e.g. 0.038 when the fraction is 3.8 % below the real
        ratio; NaN when ``x`` is zero.
    """

    x: float
    numerator: int
    denominator: int
    value: float
    error: float
    relative_error: float

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"


def _result(x: float, best: _Rational) -> Fraction:
    value = best.numerator / best.denominator
    error = float(_Rational(x) - best)
    return Fraction(
        x=x,
        numerator=best.numerator,
        denominator=best.denominator,
        value=value,
        error=error,
        relative_error=error / x if x != 0 else math.nan,
    )


def _max_denominator(func: str, max_denominator: object) -> int:
    if isinstance(max_denominator, bool) or not isinstance(max_denominator, int):
        raise ParameterError(
            f"{func}: max_denominator must be an integer; not {max_denominator!r}"
        )
    if max_denominator < 1:
        raise ParameterError(f"{func}: max_denominator must be at least 1; not {max_denominator}")
    return max_denominator


def nearest_fraction(x: float, max_denominator: int = 10) -> Fraction:
    """The fraction p/q closest to ``x`` with ``1 <= q <= max_denominator``.

    For each denominator q the two candidates ``floor(x*q)/q`` and
    ``(floor(x*q) + 1)/q`` are compared with exact rational arithmetic; the
    smallest ``|x - p/q|`` wins. Ties: smaller denominator first (so the
    result is in lowest terms), then the smaller value.

    Parameters
    ----------
    x : float
        Any finite number, e.g. a ratio of two trade totals (unitless).
    max_denominator : int, default 10
        Largest denominator allowed; the cost grows linearly with it.

    Returns
    -------
    Fraction
        The chosen fraction with its error; ``str()`` gives "p/q".

    Raises
    ------
    ParameterError
        If ``x`` is not finite or ``max_denominator`` is not a positive integer.

    Examples
    --------
    >>> str(nearest_fraction(0.173))
    '1/6'
    """
    number = as_float("nearest_fraction", "x", x)
    bound = _max_denominator("nearest_fraction", max_denominator)
    exact = _Rational(number)
    best: _Rational | None = None
    best_distance: _Rational | None = None
    for denominator in range(1, bound + 1):
        below = math.floor(exact * denominator)
        for numerator in (below, below + 1):
            candidate = _Rational(numerator, denominator)
            distance = abs(exact - candidate)
            # Strictly smaller only: on a tie the earlier candidate (smaller
            # denominator, then smaller value) stays.
            if best_distance is None or distance < best_distance:
                best, best_distance = candidate, distance
    return _result(number, best)


def nearest_unit_fraction(x: float, max_denominator: int = 10) -> Fraction:
    """The unit fraction 1/n closest to ``x`` with ``1 <= n <= max_denominator``.

    Closest means the smallest absolute difference ``|x - 1/n|`` (not the
    nearest n to ``1/x``), computed exactly. Ties go to the smaller n (the
    larger fraction). Use this for the article's "1/n of ..." claims.

    Parameters
    ----------
    x : float
        Positive number, e.g. China-Russia trade divided by China-US trade.
        Values above 1 are allowed and give 1/1.
    max_denominator : int, default 10
        Largest n allowed.

    Returns
    -------
    Fraction
        The unit fraction with its error; ``str()`` gives "1/n".

    Raises
    ------
    ParameterError
        If ``x`` is not a positive finite number or ``max_denominator`` is not
        a positive integer.

    Examples
    --------
    >>> str(nearest_unit_fraction(0.173))
    '1/6'
    """
    number = as_float("nearest_unit_fraction", "x", x)
    if number <= 0:
        raise ParameterError(f"nearest_unit_fraction: x must be positive; not {number!r}")
    bound = _max_denominator("nearest_unit_fraction", max_denominator)
    exact = _Rational(number)
    best = min(
        (_Rational(1, n) for n in range(1, bound + 1)),
        key=lambda candidate: (abs(exact - candidate), candidate.denominator),
    )
    return _result(number, best)
