"""Ratios and shares: a part of a total as a fraction in [0, 1]."""

from __future__ import annotations

import pandas as pd

from analysis_lib.exceptions import ParameterError
from analysis_lib.metrics._validation import (
    as_key_list,
    check_columns,
    check_non_negative,
    check_non_zero,
    check_numeric_column,
    check_positive,
    coerce_pair,
    first_label,
)


def ratio(numerator: float | pd.Series, denominator: float | pd.Series) -> float | pd.Series:
    """Plain ratio ``numerator / denominator``.

    Parameters
    ----------
    numerator, denominator : float or pandas.Series
        Numbers of any sign, in the same unit (the ratio is unitless). Two
        Series must share their index labels; a scalar broadcasts.

    Returns
    -------
    float or pandas.Series
        A float for two scalars, else a Series on the first Series' index.

    Raises
    ------
    ParameterError
        If the denominator is zero anywhere, an operand is empty or not
        numeric, or two Series have different index labels.

    Examples
    --------
    >>> ratio(1, 4)
    0.25
    """
    top, bottom = coerce_pair("ratio", "numerator", numerator, "denominator", denominator)
    check_non_zero("ratio", "denominator", bottom)
    return top / bottom


def _share(func: str, part_name: str, part, total_name: str, total) -> float | pd.Series:
    part_value, total_value = coerce_pair(func, part_name, part, total_name, total)
    check_non_negative(func, part_name, part_value)
    check_positive(func, total_name, total_value)
    exceeds = part_value > total_value
    if isinstance(exceeds, pd.Series):
        if exceeds.any():
            label = first_label(exceeds)
            raise ParameterError(
                f"{func}: {part_name} must not exceed {total_name}; it does at index {label!r}"
            )
    elif exceeds:
        raise ParameterError(
            f"{func}: {part_name} must not exceed {total_name}; "
            f"not {part_value!r} > {total_value!r}"
        )
    return part_value / total_value


def share(part: float | pd.Series, total: float | pd.Series) -> float | pd.Series:
    """Share of a part in its total, as a fraction in [0, 1].

    ``share = part / total``

    Parameters
    ----------
    part : float or pandas.Series
        Non-negative part, in the unit of ``total``.
    total : float or pandas.Series
        Positive total; ``part <= total``. Two Series must share their index
        labels; a scalar broadcasts.

    Returns
    -------
    float or pandas.Series
        Fraction in [0, 1] (multiply by 100 for percent). NaN inside a Series
        propagates.

    Raises
    ------
    ParameterError
        If the part is negative, the total is not positive, the part exceeds
        the total, or the indexes differ.

    Examples
    --------
    >>> share(25, 100)
    0.25
    """
    return _share("share", "part", part, "total", total)


def regional_share(
    region_value: float | pd.Series, national_value: float | pd.Series
) -> float | pd.Series:
    """Share of a region (e.g. Heilongjiang) in the national figure, as a fraction.

    ``regional_share = region_value / national_value``; same rules as
    :func:`share`. The two values must measure the same thing (e.g. trade
    with Russia in USD bn for one year); figures from different publishers
    can differ in coverage, and a region above the nation is rejected because
    it signals such a mismatch.

    Parameters
    ----------
    region_value : float or pandas.Series
        Non-negative regional value.
    national_value : float or pandas.Series
        Positive national value, at least ``region_value``.

    Returns
    -------
    float or pandas.Series
        Fraction in [0, 1].

    Raises
    ------
    ParameterError
        As :func:`share`, naming ``region_value`` and ``national_value``.
    """
    return _share("regional_share", "region_value", region_value, "national_value", national_value)


def shares_by_group(df: pd.DataFrame, keys: str | list[str], value: str = "value") -> pd.Series:
    """Share of each row's value in the total of its group, as a fraction.

    ``share = value / sum(value over the rows with the same keys)``; e.g. with
    ``keys=["reporter", "flow", "year"]`` each partner's share of a
    reporter's exports in a year.

    Parameters
    ----------
    df : pandas.DataFrame
        Long table with the key columns and a non-negative numeric ``value``
        column. NaN values count as missing: they are left out of the group
        total and get a NaN share.
    keys : str or list of str
        Columns that define the groups.
    value : str, default "value"
        Column with the values.

    Returns
    -------
    pandas.Series
        Fractions in [0, 1] aligned with ``df.index``; NaN where the group
        total is zero (a whole table may hold such groups, so they are not
        errors here).

    Raises
    ------
    ParameterError
        If a column is missing, the table is empty or a value is negative.
    """
    key_list = as_key_list("shares_by_group", keys)
    check_columns("shares_by_group", "df", df, [*key_list, value])
    check_numeric_column("shares_by_group", df, value)
    values = df[value]
    if (values < 0).any():
        label = first_label(values < 0)
        raise ParameterError(
            f"shares_by_group: column {value!r} must be non-negative; it is negative at "
            f"index {label!r}"
        )
    totals = df.groupby(key_list, sort=False, observed=True)[value].transform("sum")
    # A zero total only arises when every value of the group is 0 or NaN, so
    # the division gives 0 / 0 = NaN there without a separate pass.
    return (values / totals).rename(f"{value}_share")
