"""Growth rates in percent: year on year, between two values, compound annual."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics._validation import (
    as_float,
    as_key_list,
    as_series,
    check_columns,
    check_non_negative,
    check_numeric_column,
    is_scalar,
    plain,
)


def _year_indexed(func: str, series: object) -> pd.Series:
    """Return a float Series whose index is unique integer years."""
    values = as_series(func, "series", series)
    if not pd.api.types.is_integer_dtype(values.index.dtype):
        raise ParameterError(
            f"{func}: series must be indexed by integer years; not {values.index.dtype}"
        )
    if not values.index.is_unique:
        year = plain(values.index[values.index.duplicated()][0])
        raise ParameterError(f"{func}: series has year {year!r} more than once")
    check_non_negative(func, "series", values)
    return values


def yoy_growth(series: pd.Series) -> pd.Series:
    """Year-on-year growth in percent of a year-indexed series.

    ``growth[t] = (value[t] - value[t - 1]) / value[t - 1] * 100``

    Parameters
    ----------
    series : pandas.Series
        Non-negative values (e.g. trade in USD) indexed by unique integer
        years, in any order. NaN marks a missing observation.

    Returns
    -------
    pandas.Series
        Growth in percent, same index, order and name as ``series``. It is
        NaN where year ``t - 1`` is absent from the index (a gap in the years
        is never bridged as if it were one year) or either value is NaN.

    Raises
    ------
    ParameterError
        If the series is empty, not indexed by unique integer years, holds a
        negative value, or a previous year's value is zero (growth from zero
        is undefined).

    Examples
    --------
    >>> yoy_growth(pd.Series([100.0, 110.0, 121.0], index=[2001, 2002, 2004])).tolist()
    [nan, 10.0, nan]
    """
    values = _year_indexed("yoy_growth", series)
    previous = values.reindex(values.index - 1).to_numpy()
    zero = previous == 0
    if zero.any():
        year = plain(values.index[np.flatnonzero(zero)[0]])
        raise ParameterError(
            f"yoy_growth: the value for {year - 1} is zero; growth into {year} is undefined"
        )
    current = values.to_numpy()
    growth = (current - previous) / previous * 100.0
    return pd.Series(growth, index=values.index, name=series.name)


def growth_between(start_value: float, end_value: float) -> float:
    """Growth in percent from one value to another.

    ``growth = (end_value - start_value) / start_value * 100``

    Parameters
    ----------
    start_value : float
        Positive starting value (the denominator).
    end_value : float
        Non-negative end value, in the same unit as ``start_value``.

    Returns
    -------
    float
        Growth in percent; -100 when ``end_value`` is zero.

    Raises
    ------
    ParameterError
        If a value is not a finite number, ``start_value`` is not positive, or
        ``end_value`` is negative.

    Examples
    --------
    >>> growth_between(100, 110)
    10.0
    """
    start = as_float("growth_between", "start_value", start_value)
    end = as_float("growth_between", "end_value", end_value)
    if start <= 0:
        raise ParameterError(f"growth_between: start_value must be positive; not {start!r}")
    check_non_negative("growth_between", "end_value", end)
    return (end - start) / start * 100.0


def cagr(
    start_or_series: float | pd.Series,
    end: float | None = None,
    years: float | None = None,
) -> float:
    """Compound annual growth rate in percent.

    ``cagr = ((end / start) ** (1 / years) - 1) * 100``

    Call it either with a year-indexed series, ``cagr(series)``, which uses the
    first and last years holding a value and ``years = last - first``; or with
    three numbers, ``cagr(start, end, years)``.

    Parameters
    ----------
    start_or_series : float or pandas.Series
        Positive start value, or non-negative values indexed by integer years.
    end : float, optional
        Non-negative end value (scalar form only).
    years : float, optional
        Positive number of years between start and end (scalar form only).

    Returns
    -------
    float
        The constant yearly growth in percent that leads from start to end;
        0 for a constant series, -100 when the end value is zero.

    Raises
    ------
    ParameterError
        If the start value is not positive, the end value is negative, the
        span is not positive, a series holds fewer than two values, or the
        two call forms are mixed.

    Examples
    --------
    >>> round(cagr(100, 121, 2), 10)
    10.0
    """
    if is_scalar(start_or_series):
        if end is None or years is None:
            raise ParameterError("cagr: give end and years with a scalar start value")
        start = as_float("cagr", "start", start_or_series)
        end_value = as_float("cagr", "end", end)
        span = as_float("cagr", "years", years)
    else:
        if end is not None or years is not None:
            raise ParameterError("cagr: give either a series or start, end and years; not both")
        values = _year_indexed("cagr", start_or_series).dropna().sort_index()
        if len(values) < 2:
            raise ParameterError(
                f"cagr: series must hold at least two years with values; it holds {len(values)}"
            )
        start, end_value = float(values.iloc[0]), float(values.iloc[-1])
        span = float(values.index[-1] - values.index[0])
    if start <= 0:
        raise ParameterError(f"cagr: the start value must be positive; not {start!r}")
    check_non_negative("cagr", "the end value", end_value)
    if span <= 0:
        raise ParameterError(f"cagr: years must be positive; not {span!r}")
    return ((end_value / start) ** (1.0 / span) - 1.0) * 100.0


def growth_by_group(
    df: pd.DataFrame,
    keys: str | list[str],
    value: str = "value",
    year: str = "year",
) -> pd.Series:
    """Year-on-year growth in percent within each group of a long table.

    For every row, ``(value - previous) / previous * 100`` where ``previous`` is
    the value of the same group in ``year - 1``.
    The table is sorted once by ``keys`` and ``year``; the previous row counts
    only when it belongs to the same group and its year is exactly one less.

    Parameters
    ----------
    df : pandas.DataFrame
        Long table with the key columns, an integer ``year`` column and a
        non-negative numeric ``value`` column; rows in any order.
    keys : str or list of str
        Columns that identify one series (e.g. ``["reporter", "partner", "flow"]``).
    value : str, default "value"
        Column with the values.
    year : str, default "year"
        Column with integer years.

    Returns
    -------
    pandas.Series
        Growth in percent aligned with ``df.index`` (assign it as a column).
        NaN where the group has no row for the previous year, either value is
        NaN, or the previous value is zero: in a whole table such cells are
        ordinary (a partner absent one year), so they are not errors here.

    Raises
    ------
    ParameterError
        If a column is missing, the table is empty, ``year`` is not integer,
        a value is negative, or a (keys, year) combination occurs twice.
    """
    key_list = as_key_list("growth_by_group", keys)
    check_columns("growth_by_group", "df", df, [*key_list, value, year])
    check_numeric_column("growth_by_group", df, value)
    if not pd.api.types.is_integer_dtype(df[year].dtype):
        raise ParameterError(
            f"growth_by_group: column {year!r} must hold integer years; not {df[year].dtype}"
        )
    ordered = df[[*key_list, year, value]].reset_index(drop=True)
    ordered = ordered.sort_values([*key_list, year], kind="stable")
    values = ordered[value].to_numpy(dtype="float64", na_value=np.nan)
    if (values < 0).any():
        raise ParameterError(f"growth_by_group: column {value!r} must be non-negative")
    years = ordered[year].to_numpy()
    same_group = np.ones(len(ordered) - 1, dtype=bool)
    for key in key_list:
        column = ordered[key].to_numpy()
        same_group &= column[1:] == column[:-1]
    step = years[1:] - years[:-1]
    duplicated = same_group & (step == 0)
    if duplicated.any():
        row = ordered.iloc[np.flatnonzero(duplicated)[0] + 1]
        where = ", ".join(f"{key}={plain(row[key])!r}" for key in [*key_list, year])
        raise ParameterError(f"growth_by_group: more than one row for {where}")
    previous = values[:-1]
    follows = same_group & (step == 1) & (previous != 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth_sorted = np.where(follows, (values[1:] - previous) / previous * 100.0, np.nan)
    growth = np.empty(len(ordered), dtype="float64")
    positions = ordered.index.to_numpy()
    growth[positions[0]] = np.nan
    growth[positions[1:]] = growth_sorted
    return pd.Series(growth, index=df.index, name=f"{value}_yoy_pct")
