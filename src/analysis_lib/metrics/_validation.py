"""Input checks shared by the metrics: one-line ``ParameterError`` messages.

Scalars are checked strictly (a NaN scalar is an error: there is nothing to
compute). Inside a Series a NaN is a missing observation and propagates.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

from analysis_lib.exceptions import ParameterError


def is_scalar(value: object) -> bool:
    """Return True for a real number (Python or NumPy), False for bools and arrays."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def as_float(func: str, name: str, value: object) -> float:
    """Return ``value`` as a finite float, or raise naming ``func`` and ``name``."""
    if not is_scalar(value):
        raise ParameterError(f"{func}: {name} must be a real number; not {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise ParameterError(f"{func}: {name} must be a finite number; not {number!r}")
    return number


def as_series(func: str, name: str, values: object) -> pd.Series:
    """Return ``values`` as a non-empty float Series (array-likes get a RangeIndex)."""
    if isinstance(values, pd.DataFrame) or is_scalar(values) or isinstance(values, str):
        raise ParameterError(
            f"{func}: {name} must be a pandas Series or a 1-D array of numbers; "
            f"not {type(values).__name__}"
        )
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    if series.empty:
        raise ParameterError(f"{func}: {name} must not be empty")
    try:
        return series.astype("float64")
    except (TypeError, ValueError) as error:
        raise ParameterError(f"{func}: {name} must hold numbers; {error}") from None


def plain(value: object) -> object:
    """Return NumPy scalars as Python ones, so messages read 2010, not np.int64(2010)."""
    return value.item() if isinstance(value, np.generic) else value


def first_label(mask: pd.Series) -> object:
    """Return the index label of the first True in a boolean Series."""
    return plain(mask.index[np.flatnonzero(mask.to_numpy())[0]])


def check_non_negative(func: str, name: str, values: float | pd.Series) -> None:
    """Raise when any value is negative (NaN passes: it is a missing observation)."""
    if isinstance(values, pd.Series):
        negative = (values < 0).to_numpy()
        if negative.any():
            position = np.flatnonzero(negative)[0]
            raise ParameterError(
                f"{func}: {name} must be non-negative; not {plain(values.iloc[position])!r} "
                f"at index {plain(values.index[position])!r}"
            )
    elif values < 0:
        raise ParameterError(f"{func}: {name} must be non-negative; not {values!r}")


def check_positive(func: str, name: str, values: float | pd.Series) -> None:
    """Raise when any value is zero or negative (a denominator; NaN passes)."""
    if isinstance(values, pd.Series):
        bad = (values <= 0).to_numpy()
        if bad.any():
            position = np.flatnonzero(bad)[0]
            raise ParameterError(
                f"{func}: {name} must be positive; not {plain(values.iloc[position])!r} "
                f"at index {plain(values.index[position])!r}"
            )
    elif values <= 0:
        raise ParameterError(f"{func}: {name} must be positive; not {values!r}")


def check_non_zero(func: str, name: str, values: float | pd.Series) -> None:
    """Raise when any value is zero (a denominator that may be negative)."""
    if isinstance(values, pd.Series):
        zero = values == 0
        if zero.any():
            raise ParameterError(
                f"{func}: {name} must not be zero; it is zero at index {first_label(zero)!r}"
            )
    elif values == 0:
        raise ParameterError(f"{func}: {name} must not be zero")


def coerce_pair(
    func: str, name_a: str, a: object, name_b: str, b: object
) -> tuple[float | pd.Series, float | pd.Series]:
    """Return two operands as floats or index-aligned float Series.

    Two scalars stay scalars; a scalar with a Series broadcasts; two Series
    must hold the same unique labels (order may differ: ``b`` follows ``a``).
    """
    if is_scalar(a) and is_scalar(b):
        return as_float(func, name_a, a), as_float(func, name_b, b)
    first = as_float(func, name_a, a) if is_scalar(a) else as_series(func, name_a, a)
    second = as_float(func, name_b, b) if is_scalar(b) else as_series(func, name_b, b)
    if isinstance(first, pd.Series) and isinstance(second, pd.Series):
        second = align_like(func, name_a, first, name_b, second)
    return first, second


def align_like(func: str, name_a: str, a: pd.Series, name_b: str, b: pd.Series) -> pd.Series:
    """Return ``b`` reordered like ``a``; raise unless both hold the same unique labels."""
    if a.index.equals(b.index) and a.index.is_unique:
        return b
    for name, series in ((name_a, a), (name_b, b)):
        if not series.index.is_unique:
            duplicated = plain(series.index[series.index.duplicated()][0])
            raise ParameterError(f"{func}: {name} has a duplicated index label {duplicated!r}")
    only_a = a.index.difference(b.index)
    only_b = b.index.difference(a.index)
    if len(only_a) or len(only_b):
        example = (
            f"{plain(only_a[0])!r} only in {name_a}"
            if len(only_a)
            else f"{plain(only_b[0])!r} only in {name_b}"
        )
        raise ParameterError(f"{func}: {name_a} and {name_b} must share one index; {example}")
    return b.reindex(a.index)


def check_columns(func: str, name: str, frame: object, columns: list[str]) -> pd.DataFrame:
    """Return ``frame`` after checking it is a non-empty DataFrame holding ``columns``."""
    if not isinstance(frame, pd.DataFrame):
        kind = type(frame).__name__
        raise ParameterError(f"{func}: {name} must be a pandas DataFrame; not {kind}")
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        present = ", ".join(repr(c) for c in frame.columns)
        raise ParameterError(f"{func}: {name} lacks column {missing[0]!r}; it has {present}")
    if frame.empty:
        raise ParameterError(f"{func}: {name} must not be empty")
    return frame


def check_numeric_column(func: str, frame: pd.DataFrame, column: str) -> None:
    """Raise unless ``frame[column]`` has a numeric (not boolean) dtype."""
    dtype = frame[column].dtype
    if not pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype):
        raise ParameterError(f"{func}: column {column!r} must be numeric; not {dtype}")


def as_key_list(func: str, keys: object) -> list[str]:
    """Return group keys as a non-empty list of column names."""
    key_list = [keys] if isinstance(keys, str) else list(keys)
    if not key_list:
        raise ParameterError(f"{func}: keys must name at least one column")
    return key_list
