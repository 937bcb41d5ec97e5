"""Concentration and change of a commodity structure, from shares given as fractions.

Shares are fractions in [0, 1] everywhere in this module (a share_pct column
must be divided by 100 first); a value above 1 is rejected, which catches
percentages passed by mistake.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics._validation import as_series, first_label, plain

# Shares read from publications are rounded (e.g. to 0.1 %), so a sum a little
# above 1 is still a valid set of shares.
SUM_TOLERANCE = 1e-3


def _shares(func: str, name: str, shares: object) -> pd.Series:
    values = as_series(func, name, shares)
    missing = values.isna()
    if missing.any():
        raise ParameterError(f"{func}: {name} is missing (NaN) at index {first_label(missing)!r}")
    outside = (values < 0) | (values > 1)
    if outside.any():
        position = int(outside.to_numpy().argmax())
        raise ParameterError(
            f"{func}: {name} must be fractions in [0, 1] (divide percentages by 100); "
            f"not {plain(values.iloc[position])!r} at index {plain(values.index[position])!r}"
        )
    total = float(values.sum())
    if total > 1 + SUM_TOLERANCE:
        raise ParameterError(f"{func}: {name} must sum to at most 1; they sum to {total:.6g}")
    return values


def herfindahl_hirschman(shares: pd.Series, normalised: bool = False) -> float:
    """Herfindahl-Hirschman concentration index of shares given as fractions.

    ``HHI = sum_i s_i ** 2``. For n shares summing to 1 it lies in [1/n, 1]:
    1/n for equal shares, 1 when one category holds everything.
    The normalised index rescales that range to [0, 1]:
    ``HHI* = (HHI - 1/n) / (1 - 1/n)``.

    Parameters
    ----------
    shares : pandas.Series or array-like
        Fractions in [0, 1], one per category, summing to at most 1 (a
        partial list of categories is allowed for the plain index).
    normalised : bool, default False
        Return the normalised index; then the shares must sum to 1 (within
        0.001) and there must be at least two of them.

    Returns
    -------
    float
        The index (unitless). Multiply by 10,000 for the antitrust
        convention with shares in percent.

    Raises
    ------
    ParameterError
        If shares are empty, missing, outside [0, 1], sum above 1, or (when
        normalised) do not sum to 1 or number fewer than two.

    Examples
    --------
    >>> herfindahl_hirschman([0.5, 0.5])
    0.5
    """
    values = _shares("herfindahl_hirschman", "shares", shares)
    index = float((values**2).sum())
    if not normalised:
        return index
    count = len(values)
    if count < 2:
        raise ParameterError("herfindahl_hirschman: normalised needs at least two shares; got 1")
    total = float(values.sum())
    if abs(total - 1) > SUM_TOLERANCE:
        raise ParameterError(
            f"herfindahl_hirschman: normalised needs shares summing to 1; they sum to {total:.6g}"
        )
    return (index - 1 / count) / (1 - 1 / count)


def structure_distance(shares_a: pd.Series, shares_b: pd.Series) -> float:
    """Half the L1 distance between two share vectors, in percentage points.

    ``d = 100 * 0.5 * sum_i |a_i - b_i|`` over the categories both Series
    hold (their shared index labels). For complete share vectors it is the
    share of trade that would have to move between categories to turn one
    structure into the other: 0 means an identical structure, 100 means no
    overlap. It is symmetric.

    Parameters
    ----------
    shares_a, shares_b : pandas.Series
        Fractions in [0, 1] indexed by category (e.g. SITC section), each
        summing to at most 1.

    Returns
    -------
    float
        Distance in percentage points, in [0, 100].

    Raises
    ------
    ParameterError
        If a Series is not valid shares, has duplicated labels, or the two
        share no category.

    Examples
    --------
    >>> a = pd.Series({"food": 0.3, "fuel": 0.7})
    >>> b = pd.Series({"food": 0.5, "fuel": 0.5})
    >>> round(structure_distance(a, b), 10)
    20.0
    """
    for name, shares in (("shares_a", shares_a), ("shares_b", shares_b)):
        if not isinstance(shares, pd.Series):
            raise ParameterError(
                f"structure_distance: {name} must be a pandas Series indexed by category; "
                f"not {type(shares).__name__}"
            )
    a = _shares("structure_distance", "shares_a", shares_a)
    b = _shares("structure_distance", "shares_b", shares_b)
    for name, values in (("shares_a", a), ("shares_b", b)):
        if not values.index.is_unique:
            duplicated = plain(values.index[values.index.duplicated()][0])
            raise ParameterError(
                f"structure_distance: {name} has the category {duplicated!r} more than once"
            )
    shared = a.index.intersection(b.index)
    if shared.empty:
        raise ParameterError("structure_distance: shares_a and shares_b share no category")
    # fsum is exactly rounded, so the result does not depend on label order.
    return 50.0 * math.fsum((a[shared] - b[shared]).abs())
