"""Bilateral trade indicators: balance, coverage and intra-industry trade."""

from __future__ import annotations

import pandas as pd

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics._validation import (
    as_series,
    check_non_negative,
    check_positive,
    coerce_pair,
    first_label,
    is_scalar,
)


def trade_balance(exports: float | pd.Series, imports: float | pd.Series) -> float | pd.Series:
    """Trade balance ``exports - imports``, in the unit of the inputs.

    Parameters
    ----------
    exports, imports : float or pandas.Series
        Non-negative flows of one reporter, same unit (e.g. USD bn). Two
        Series must share their index labels; a scalar broadcasts.

    Returns
    -------
    float or pandas.Series
        Positive for a surplus, negative for a deficit.

    Raises
    ------
    ParameterError
        If a flow is negative or the indexes differ.

    Examples
    --------
    >>> trade_balance(115.0, 129.0)
    -14.0
    """
    exp, imp = coerce_pair("trade_balance", "exports", exports, "imports", imports)
    check_non_negative("trade_balance", "exports", exp)
    check_non_negative("trade_balance", "imports", imp)
    return exp - imp


def coverage_ratio(exports: float | pd.Series, imports: float | pd.Series) -> float | pd.Series:
    """Export coverage of imports, ``exports / imports`` (unitless).

    Parameters
    ----------
    exports : float or pandas.Series
        Non-negative exports.
    imports : float or pandas.Series
        Positive imports, same unit. Two Series must share their index labels.

    Returns
    -------
    float or pandas.Series
        Above 1 for a surplus, below 1 for a deficit.

    Raises
    ------
    ParameterError
        If exports are negative, imports are not positive, or the indexes differ.

    Examples
    --------
    >>> coverage_ratio(50, 40)
    1.25
    """
    exp, imp = coerce_pair("coverage_ratio", "exports", exports, "imports", imports)
    check_non_negative("coverage_ratio", "exports", exp)
    check_positive("coverage_ratio", "imports", imp)
    return exp / imp


def _gl_inputs(func: str, exports, imports) -> tuple[float | pd.Series, float | pd.Series]:
    exp, imp = coerce_pair(func, "exports", exports, "imports", imports)
    check_non_negative(func, "exports", exp)
    check_non_negative(func, "imports", imp)
    for name, values in (("exports", exp), ("imports", imp)):
        if isinstance(values, pd.Series) and values.isna().any():
            label = first_label(values.isna())
            raise ParameterError(f"{func}: {name} is missing (NaN) at index {label!r}")
    return exp, imp


def grubel_lloyd(exports: float | pd.Series, imports: float | pd.Series) -> float:
    """Grubel-Lloyd index of intra-industry trade, in [0, 1].

    For one category ``GL = 1 - |X - M| / (X + M)``. Over categories i the
    aggregate is ``GL = 1 - sum_i |X_i - M_i| / sum_i (X_i + M_i)``, the
    trade-weighted mean of the category indices. 1 means exports equal
    imports in every category (all trade is two-way), 0 means each category
    flows one way only. Symmetric in exports and imports.

    Parameters
    ----------
    exports, imports : float or pandas.Series or array-like
        Non-negative flows between two partners, same unit; per category
        when given as Series/arrays (Series must share their labels).

    Returns
    -------
    float
        The index for one category, or the aggregate over all categories.

    Raises
    ------
    ParameterError
        If a flow is negative or missing, the total trade is zero, or the
        category labels differ. Use :func:`grubel_lloyd_by_category` for the
        per-category indices.

    Examples
    --------
    >>> grubel_lloyd(30, 10)
    0.5
    """
    exp, imp = _gl_inputs("grubel_lloyd", exports, imports)
    total = exp + imp
    if not is_scalar(total):
        total = float(total.sum())
        gap = float((exp - imp).abs().sum())
    else:
        gap = abs(exp - imp)
    if total == 0:
        raise ParameterError("grubel_lloyd: exports + imports must be positive; it is zero")
    return 1.0 - gap / total


def grubel_lloyd_by_category(exports: pd.Series, imports: pd.Series) -> pd.Series:
    """Grubel-Lloyd index of each category, ``1 - |X_i - M_i| / (X_i + M_i)``.

    Parameters
    ----------
    exports, imports : pandas.Series or array-like
        Non-negative flows per category (same labels, same unit).

    Returns
    -------
    pandas.Series
        Index in [0, 1] per category, on the exports' index.

    Raises
    ------
    ParameterError
        If a flow is negative or missing, a category has no trade at all, or
        the labels differ.
    """
    exp = as_series("grubel_lloyd_by_category", "exports", exports)
    imp = as_series("grubel_lloyd_by_category", "imports", imports)
    exp, imp = _gl_inputs("grubel_lloyd_by_category", exp, imp)
    total = exp + imp
    check_positive("grubel_lloyd_by_category", "exports + imports", total)
    return (1.0 - (exp - imp).abs() / total).rename("grubel_lloyd")
